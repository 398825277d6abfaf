import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/types';
import type { TSESLint } from '@typescript-eslint/utils';

import { type FunctionNode, someDescendant } from './nodes.js';
import type { TestModel } from '../model/index.js';

/** Fixes that make a test wait for a dropped promise: add `await` (and `async`), or `return` it. */

type SourceCode = Readonly<TSESLint.SourceCode>;
type Fix = (fixer: TSESLint.RuleFixer) => TSESLint.RuleFix[];

/** Expressions that `await x` would split (`await a ? b : c` awaits `a` only). */
const NEEDS_PARENS: ReadonlySet<AST_NODE_TYPES> = new Set([
  AST_NODE_TYPES.ConditionalExpression,
  AST_NODE_TYPES.LogicalExpression,
  AST_NODE_TYPES.BinaryExpression,
  AST_NODE_TYPES.AssignmentExpression,
  AST_NODE_TYPES.SequenceExpression,
  AST_NODE_TYPES.ArrowFunctionExpression,
  AST_NODE_TYPES.YieldExpression,
  AST_NODE_TYPES.TSAsExpression,
  AST_NODE_TYPES.TSSatisfiesExpression,
]);

/** Per function: does it use `await` as a name (script code: `var await`, `await = 1`, a label)? */
const awaitNames = new WeakMap<FunctionNode, boolean>();

/**
 * Script code may use `await` as a name (`var await`, `await = 1`, a label); making such a function
 * `async` turns the name into the keyword and breaks it. Read once per function: its tokens first
 * (cheap, and most functions have no `await` at all), then its nodes, so that the keyword of a nested
 * `async` function (an `AwaitExpression`) does not count.
 */
export function usesAwaitAsName(sourceCode: SourceCode, fn: FunctionNode): boolean {
  let uses = awaitNames.get(fn);
  if (uses === undefined) {
    uses = sourceCode.getTokens(fn).some((token) => token.value === 'await') && containsAwaitIdentifier(sourceCode, fn);
    awaitNames.set(fn, uses);
  }
  return uses;
}

function containsAwaitIdentifier(sourceCode: SourceCode, root: TSESTree.Node): boolean {
  return someDescendant(root, sourceCode.visitorKeys, (node) => node.type === AST_NODE_TYPES.Identifier && node.name === 'await');
}

/** A function we may turn `async`: a plain arrow or function expression/declaration, not a method, accessor or generator, nor one naming `await`. */
function canBecomeAsync(sourceCode: SourceCode, fn: FunctionNode): boolean {
  if (fn.generator) {
    return false;
  }
  const parent = fn.parent;
  if (parent?.type === AST_NODE_TYPES.MethodDefinition || (parent?.type === AST_NODE_TYPES.Property && (parent.method || parent.kind !== 'init'))) {
    return false;
  }
  return !usesAwaitAsName(sourceCode, fn);
}

/** Class members that run as their own code, where `await` is a syntax error even inside an `async` function. */
const NO_AWAIT_CONTEXTS: ReadonlySet<AST_NODE_TYPES> = new Set([
  AST_NODE_TYPES.StaticBlock,
  AST_NODE_TYPES.PropertyDefinition,
  AST_NODE_TYPES.AccessorProperty,
  AST_NODE_TYPES.TSAbstractPropertyDefinition,
  AST_NODE_TYPES.TSAbstractAccessorProperty,
]);

/** May `await` be written at `statement`, whose nearest function is `fn`? Not in a class `static {}` block or field initialiser between them. */
function awaitAllowedAt(statement: TSESTree.Node, fn: FunctionNode): boolean {
  for (let current = statement.parent; current !== undefined && current !== fn; current = current.parent) {
    if (NO_AWAIT_CONTEXTS.has(current.type)) {
      return false;
    }
  }
  return true;
}

function awaitText(sourceCode: SourceCode, expression: TSESTree.Expression): string {
  const text = sourceCode.getText(expression);
  return NEEDS_PARENS.has(expression.type) ? `await (${text})` : `await ${text}`;
}

/**
 * `await` the dropped statement's promise. When the enclosing function is not `async`, it is made
 * `async` too, but only when it is a test or hook callback (elsewhere that would move the drop to
 * its caller). Null when neither applies.
 */
export function addAwaitFix(
  sourceCode: SourceCode,
  model: TestModel,
  statement: TSESTree.ExpressionStatement | null,
  fn: FunctionNode | null,
): Fix | null {
  if (statement === null || fn === null || statement.expression.type === AST_NODE_TYPES.AwaitExpression || !awaitAllowedAt(statement, fn)) {
    return null;
  }
  if (!fn.async && (model.blockOfCallback(fn) === null || !canBecomeAsync(sourceCode, fn))) {
    return null;
  }
  const { expression } = statement;
  return (fixer) => {
    const fixes = [fixer.replaceText(expression, awaitText(sourceCode, expression))];
    if (!fn.async) {
      const first = sourceCode.getFirstToken(fn);
      if (first !== null) {
        fixes.push(fixer.insertTextBefore(first, 'async '));
      }
    }
    return fixes;
  };
}

/** `return` the promise: only for the last statement of a test or hook callback's body. */
export function returnFix(model: TestModel, statement: TSESTree.ExpressionStatement | null, fn: FunctionNode | null): Fix | null {
  if (statement === null || fn === null || fn.body.type !== AST_NODE_TYPES.BlockStatement || model.blockOfCallback(fn) === null) {
    return null;
  }
  if (fn.body.body.at(-1) !== statement) {
    return null;
  }
  // Before the statement, not its expression: `(a, load());` must become `return (a, load());`.
  return (fixer) => [fixer.insertTextBefore(statement, 'return ')];
}

/** The autofix of `no-unawaited-assertion`: only inside an already `async` function, for a statement that is the promise. */
export function safeAwaitFix(sourceCode: SourceCode, statement: TSESTree.ExpressionStatement | null, fn: FunctionNode | null): Fix | null {
  if (statement === null || fn === null || !fn.async || statement.expression.type === AST_NODE_TYPES.AwaitExpression || !awaitAllowedAt(statement, fn)) {
    return null;
  }
  const { expression } = statement;
  return (fixer) => [fixer.replaceText(expression, awaitText(sourceCode, expression))];
}

/**
 * Renames the method of `member` (`get.mockReturnValue` → `get.mockRejectedValue`), keeping how it
 * is spelled: `get['mockReturnValue']` stays a quoted key. Null for a name that is not static.
 */
export function renameMethodFix(sourceCode: SourceCode, member: TSESTree.Node, name: string): ((fixer: TSESLint.RuleFixer) => TSESLint.RuleFix) | null {
  if (member.type !== AST_NODE_TYPES.MemberExpression) {
    return null;
  }
  const { property } = member;
  if (!member.computed) {
    return property.type === AST_NODE_TYPES.Identifier ? (fixer) => fixer.replaceText(property, name) : null;
  }
  if (property.type === AST_NODE_TYPES.Literal && typeof property.value === 'string') {
    const quote = sourceCode.getText(property).charAt(0);
    return (fixer) => fixer.replaceText(property, `${quote}${name}${quote}`);
  }
  if (property.type === AST_NODE_TYPES.TemplateLiteral && property.expressions.length === 0) {
    return (fixer) => fixer.replaceText(property, `\`${name}\``);
  }
  return null;
}
