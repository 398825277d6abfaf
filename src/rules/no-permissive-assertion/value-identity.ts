/**
 * Which value an outcome check is about, as a key: two checks are about the same value when their
 * owners (`res` of `res.status`) are the same binding with no assignment between them, or the same
 * call node. Text alone is not enough: a loop's `response`, a second `const res` in another block,
 * `res` after `res = await next()`, or a second `(await authorize()).status` are other values.
 */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/types';
import type { TSESLint } from '@typescript-eslint/utils';

import { firstIndexNotBefore, getPropertyName, unwrapExpression } from '../../ast/nodes.js';
import type { Assertion } from '../../model/index.js';

type SourceCode = Readonly<TSESLint.SourceCode>;
type Variable = TSESLint.Scope.Variable;

/** Strips `await`, TS wrappers and optional chains. */
function stripped(node: TSESTree.Node): TSESTree.Node {
  let current = unwrapExpression(node);
  while (current.type === AST_NODE_TYPES.AwaitExpression) {
    current = unwrapExpression(current.argument);
  }
  return current;
}

/** The expression whose value `node` becomes: past `await`, parentheses' wrappers and TS casts. */
function outermost(node: TSESTree.Node): TSESTree.Node {
  let current = node;
  for (;;) {
    const { parent } = current;
    if (
      parent !== undefined &&
      (parent.type === AST_NODE_TYPES.AwaitExpression ||
        parent.type === AST_NODE_TYPES.ChainExpression ||
        parent.type === AST_NODE_TYPES.TSAsExpression ||
        parent.type === AST_NODE_TYPES.TSNonNullExpression ||
        parent.type === AST_NODE_TYPES.TSSatisfiesExpression)
    ) {
      current = parent;
    } else {
      return current;
    }
  }
}

/** The top of the member/call chain `node` is a link of (`request(app).get('/').end(cb)` for `request(app)`). */
function chainTop(node: TSESTree.Node): TSESTree.Node {
  let current = node;
  for (;;) {
    const { parent } = current;
    if (
      parent !== undefined &&
      ((parent.type === AST_NODE_TYPES.MemberExpression && parent.object === current) ||
        (parent.type === AST_NODE_TYPES.CallExpression && parent.callee === current) ||
        parent.type === AST_NODE_TYPES.ChainExpression ||
        parent.type === AST_NODE_TYPES.TSNonNullExpression)
    ) {
      current = parent;
    } else {
      return current;
    }
  }
}

/** One file's value keys; made per file. */
export class ValueIdentities {
  private readonly variableIds = new Map<Variable, number>();
  private readonly writeStarts = new Map<Variable, number[]>();
  /** The response key of each supertest chain, by the chain's outermost node. */
  private readonly chainKeys = new Map<TSESTree.Node, string>();

  constructor(
    private readonly sourceCode: SourceCode,
    supertestChains: readonly Assertion[],
  ) {
    for (const assertion of supertestChains) {
      this.chainKeys.set(assertion.node, this.bindingOfChain(assertion.node) ?? `chain@${assertion.node.range[0]}|`);
    }
  }

  /** The key of the response a supertest chain checks: its `.expect(200)` pins that value. */
  chainKey(assertion: Assertion): string {
    return this.chainKeys.get(assertion.node) ?? `chain@${assertion.node.range[0]}|`;
  }

  /** The key of the value `owner` evaluates to (`res`, `res.body`, `authorize()`). */
  keyOf(owner: TSESTree.Node): string {
    const node = stripped(owner);
    let root = node;
    const names: string[] = [];
    while (root.type === AST_NODE_TYPES.MemberExpression) {
      names.push(getPropertyName(root) ?? `[${this.sourceCode.getText(root.property)}]`);
      root = stripped(root.object);
    }
    // `res.body`, `res?.body` and `res!.body` are one path.
    const path = names.reverse().join('.');
    if (root.type === AST_NODE_TYPES.Identifier) {
      return `${this.identifierKey(root)}|${path}`;
    }
    if (root.type === AST_NODE_TYPES.ThisExpression) {
      return `this|${path}`;
    }
    // A call (or any other expression) is a value of its own each time it is evaluated.
    return `node@${root.range[0]}|${path}`;
  }

  /** `const res = await request(app)…expect(200)` or `res = await …`: the binding the chain's response is stored in. */
  private bindingOfChain(top: TSESTree.Node): string | null {
    const value = outermost(top);
    const { parent } = value;
    if (parent?.type === AST_NODE_TYPES.VariableDeclarator && parent.init === value && parent.id.type === AST_NODE_TYPES.Identifier) {
      return `${this.identifierKey(parent.id)}|`;
    }
    if (parent?.type === AST_NODE_TYPES.AssignmentExpression && parent.right === value && parent.operator === '=' && parent.left.type === AST_NODE_TYPES.Identifier) {
      return `${this.identifierKey(parent.left)}|`;
    }
    return null;
  }

  private identifierKey(identifier: TSESTree.Identifier): string {
    const variable = this.variableOf(identifier);
    if (variable === null) {
      return `global:${identifier.name}`;
    }
    const callbackChain = this.callbackParameterChain(variable);
    if (callbackChain !== null) {
      return callbackChain.slice(0, -1);
    }
    let id = this.variableIds.get(variable);
    if (id === undefined) {
      id = this.variableIds.size;
      this.variableIds.set(variable, id);
    }
    return `var${id}#${this.liveWrite(variable, identifier.range[0])}`;
  }

  /**
   * The variable an identifier names, looked up by name from its innermost scope outwards (a lookup
   * by node would search every child scope of the function again, once per identifier).
   */
  private variableOf(identifier: TSESTree.Identifier): Variable | null {
    for (let scope: TSESLint.Scope.Scope | null = this.sourceCode.getScope(identifier); scope !== null; scope = scope.upper) {
      const variable = scope.set.get(identifier.name);
      if (variable !== undefined) {
        return variable;
      }
    }
    return null;
  }

  /** `(res) => …` passed into a supertest chain (`.expect(fn)`, `.end(fn)`, `.then(fn)`): its response is the chain's. */
  private callbackParameterChain(variable: Variable): string | null {
    const definition = variable.defs.length === 1 ? variable.defs[0] : undefined;
    if (definition?.type !== 'Parameter' || this.chainKeys.size === 0) {
      return null;
    }
    const fn = definition.node;
    const call = fn.parent;
    if (call?.type !== AST_NODE_TYPES.CallExpression || !call.arguments.includes(fn as TSESTree.CallExpressionArgument)) {
      return null;
    }
    return this.chainKeys.get(chainTop(call)) ?? null;
  }

  /** How many writes of the variable come at or before `position`: the same count means the same assignment is live. */
  private liveWrite(variable: Variable, position: number): number {
    let starts = this.writeStarts.get(variable);
    if (starts === undefined) {
      starts = [];
      for (const reference of variable.references) {
        if (reference.isWrite()) {
          starts.push(reference.identifier.range[0]);
        }
      }
      starts.sort((a, b) => a - b);
      this.writeStarts.set(variable, starts);
    }
    return firstIndexNotBefore(starts, (start) => start <= position);
  }
}
