import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/types';
import type { TSESLint } from '@typescript-eslint/utils';
import { findVariable } from '@typescript-eslint/utils/ast-utils';

import { isFunction, referenceKey, unwrapExpression } from '../../ast/nodes.js';
import type { MockRecord } from '../../model/index.js';

/**
 * Module factories whose value replaces no collaborator once the names they read are followed:
 * the real module imported at the top (`vi.doMock('./Errors', () => Errors)`, `() => ({ default: Errors })`),
 * data tables and constants kept on the test context (`ctx.GroupPlansData = {…}; doMock(…, () => ({ default: ctx.GroupPlansData }))`),
 * and an empty stand-in (`() => ({})`).
 */

/** How deep a value is followed through names and nested literals. */
const DEPTH = 4;

export type FactoryValue = 'real' | 'data' | 'empty';

/** The expression a factory hands back: an arrow's body, or the single `return` of a block. */
function factoryResult(factory: NonNullable<MockRecord['factory']>): TSESTree.Node | null {
  if (factory.body.type !== AST_NODE_TYPES.BlockStatement) {
    return factory.body;
  }
  const statements = factory.body.body;
  const last = statements.at(-1);
  return statements.length === 1 && last?.type === AST_NODE_TYPES.ReturnStatement ? last.argument : null;
}

/** The body of the function around the mock call (its hook or test), searched for `ctx.X = …`. */
function enclosingBody(node: TSESTree.Node): TSESTree.Node | null {
  for (let current = node.parent; current != null; current = current.parent) {
    if (isFunction(current)) {
      return current.body;
    }
  }
  return null;
}

/** Reads what one file's module factories hand back. Made per file. */
export class FactoryValues {
  /** Per callback body: member paths assigned at its top level (`ctx.X = value`), with their values. */
  private readonly assignments = new Map<TSESTree.Node, Map<string, TSESTree.Node[]>>();

  constructor(private readonly sourceCode: Readonly<TSESLint.SourceCode>) {}

  /** What the module mock's factory hands back when that replaces nothing; null otherwise (or without a factory). */
  valueOf(mock: MockRecord): FactoryValue | null {
    if (mock.kind !== 'module' || mock.factory === null) {
      return null;
    }
    const result = factoryResult(mock.factory);
    if (result === null) {
      return null;
    }
    const inner = unwrapExpression(result);
    if (inner.type === AST_NODE_TYPES.ObjectExpression && inner.properties.length === 0) {
      return 'empty';
    }
    return this.read(inner, mock.node, 0);
  }

  /**
   * A recorder module's stand-in (analytics, audit log) that, names followed, hands back nothing the
   * code could read: `() => ({ default: ctx.AnalyticsManager })` with `ctx.AnalyticsManager = { record: sinon.stub() }`.
   */
  handsBackSilent(mock: MockRecord, silent: (node: TSESTree.Node) => boolean): boolean {
    const result = mock.factory === null ? null : factoryResult(mock.factory);
    return result !== null && this.silentPart(result, mock.node, silent, 0);
  }

  private silentPart(node: TSESTree.Node, at: TSESTree.Node, silent: (node: TSESTree.Node) => boolean, depth: number): boolean {
    const value = unwrapExpression(node);
    if (depth > DEPTH) {
      return false;
    }
    if (silent(value)) {
      return true;
    }
    if (value.type === AST_NODE_TYPES.ObjectExpression) {
      return value.properties.every((property) => property.type === AST_NODE_TYPES.Property && this.silentPart(property.value, at, silent, depth + 1));
    }
    const resolved = value.type === AST_NODE_TYPES.Identifier || value.type === AST_NODE_TYPES.MemberExpression ? this.resolveOne(value, at) : null;
    return resolved !== null && this.silentPart(resolved, at, silent, depth + 1);
  }

  /** The one value a `const` name or a path assigned in the hook around the mock holds. */
  private resolveOne(node: TSESTree.Identifier | TSESTree.MemberExpression, at: TSESTree.Node): TSESTree.Node | null {
    if (node.type === AST_NODE_TYPES.Identifier) {
      const variable = findVariable(this.sourceCode.getScope(node), node);
      const definition = variable?.defs.length === 1 ? variable.defs[0] : undefined;
      return definition?.type === 'Variable' && definition.node.id.type === AST_NODE_TYPES.Identifier ? definition.node.init : null;
    }
    const path = referenceKey(node);
    const body = enclosingBody(at);
    const values = path === null || body === null ? undefined : this.assignedIn(body).get(path);
    return values?.length === 1 ? (values[0] ?? null) : null;
  }

  /** `real` when every part is the real module, `data` when every part is data (real parts allowed), null when something is a fake. */
  private read(node: TSESTree.Node, at: TSESTree.Node, depth: number): FactoryValue | null {
    const value = unwrapExpression(node);
    if (depth > DEPTH) {
      return null;
    }
    switch (value.type) {
      case AST_NODE_TYPES.Literal:
      case AST_NODE_TYPES.TemplateLiteral:
        return 'data';
      case AST_NODE_TYPES.UnaryExpression:
        return this.read(value.argument, at, depth + 1);
      case AST_NODE_TYPES.ArrayExpression:
        return this.combine(value.elements.map((element) => (element === null || element.type === AST_NODE_TYPES.SpreadElement ? null : this.read(element, at, depth + 1))));
      case AST_NODE_TYPES.ObjectExpression:
        return this.combine(value.properties.map((property) => (property.type === AST_NODE_TYPES.Property ? this.read(property.value, at, depth + 1) : null)));
      case AST_NODE_TYPES.Identifier:
        return this.readVariable(value, at, depth);
      case AST_NODE_TYPES.MemberExpression:
        return this.readPath(value, at, depth);
      default:
        return null;
    }
  }

  /** Data only if every part is; real if every part is the real module; null if any part is not known. */
  private combine(parts: ReadonlyArray<FactoryValue | null>): FactoryValue | null {
    if (parts.length === 0) {
      return 'data';
    }
    if (parts.some((part) => part === null)) {
      return null;
    }
    return parts.every((part) => part === 'real') ? 'real' : 'data';
  }

  /** A name bound to an import (`Errors`), a destructured import (`const { ObjectId } = mongodb`) or a data literal. */
  private readVariable(identifier: TSESTree.Identifier, at: TSESTree.Node, depth: number): FactoryValue | null {
    const variable = findVariable(this.sourceCode.getScope(identifier), identifier);
    const definition = variable?.defs.length === 1 ? variable.defs[0] : undefined;
    if (definition === undefined) {
      return null;
    }
    if (definition.type === 'ImportBinding') {
      return 'real';
    }
    if (definition.type !== 'Variable' || definition.parent.kind !== 'const' || definition.node.init === null) {
      return null;
    }
    const init = unwrapExpression(definition.node.init);
    if (definition.node.id.type !== AST_NODE_TYPES.Identifier) {
      // `const { ObjectId } = mongodb`: a part of what the name it destructures is.
      return init.type === AST_NODE_TYPES.Identifier ? this.readVariable(init, at, depth + 1) : null;
    }
    return this.read(init, at, depth + 1);
  }

  /** `ctx.GroupPlansData`: the values assigned to the path in the hook or test around the mock call. */
  private readPath(member: TSESTree.MemberExpression, at: TSESTree.Node, depth: number): FactoryValue | null {
    const path = referenceKey(member);
    const body = enclosingBody(at);
    if (path === null || body === null) {
      return null;
    }
    const values = this.assignedIn(body).get(path);
    if (values === undefined || values.length !== 1 || values[0] === undefined) {
      return null;
    }
    return this.read(values[0], at, depth + 1);
  }

  /** The values assigned to `path` (`ctx.Mongo = {…}`) at the top level of the hook or test around `at`. */
  assignedValues(at: TSESTree.Node, path: string): readonly TSESTree.Node[] {
    const body = enclosingBody(at);
    return body === null ? [] : (this.assignedIn(body).get(path) ?? []);
  }

  private assignedIn(body: TSESTree.Node): Map<string, TSESTree.Node[]> {
    let assigned = this.assignments.get(body);
    if (assigned !== undefined) {
      return assigned;
    }
    assigned = new Map();
    this.assignments.set(body, assigned);
    if (body.type !== AST_NODE_TYPES.BlockStatement) {
      return assigned;
    }
    for (const statement of body.body) {
      const expression = statement.type === AST_NODE_TYPES.ExpressionStatement ? statement.expression : null;
      if (expression?.type !== AST_NODE_TYPES.AssignmentExpression || expression.left.type !== AST_NODE_TYPES.MemberExpression) {
        continue;
      }
      const path = referenceKey(expression.left);
      if (path !== null) {
        const list = assigned.get(path);
        if (list === undefined) {
          assigned.set(path, [expression.right]);
        } else {
          list.push(expression.right);
        }
      }
    }
    return assigned;
  }
}
