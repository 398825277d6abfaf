import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/types';
import type { TSESLint } from '@typescript-eslint/utils';

import type { FunctionNode } from './nodes.js';
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

/** A function we may turn `async`: a plain arrow or function expression/declaration, not a method, accessor or generator. */
function canBecomeAsync(fn: FunctionNode): boolean {
  if (fn.generator) {
    return false;
  }
  const parent = fn.parent;
  return !(parent?.type === AST_NODE_TYPES.MethodDefinition || (parent?.type === AST_NODE_TYPES.Property && (parent.method || parent.kind !== 'init')));
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
  if (statement === null || fn === null || statement.expression.type === AST_NODE_TYPES.AwaitExpression) {
    return null;
  }
  if (!fn.async && (model.blockOfCallback(fn) === null || !canBecomeAsync(fn))) {
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
  const { expression } = statement;
  return (fixer) => [fixer.insertTextBefore(expression, 'return ')];
}

/** The autofix of `no-unawaited-assertion`: only inside an already `async` function, for a statement that is the promise. */
export function safeAwaitFix(sourceCode: SourceCode, statement: TSESTree.ExpressionStatement | null, fn: FunctionNode | null): Fix | null {
  if (statement === null || fn === null || !fn.async || statement.expression.type === AST_NODE_TYPES.AwaitExpression) {
    return null;
  }
  const { expression } = statement;
  return (fixer) => [fixer.replaceText(expression, awaitText(sourceCode, expression))];
}
