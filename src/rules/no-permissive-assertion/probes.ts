/**
 * An assertion used as a probe, not as a claim: it stands in the `try` block of a `try`/`catch`
 * whose `catch` swallows the failure (no `throw`, no `fail(…)`, no assertion, no call handed the
 * caught error such as mocha's `done(err)`), so a failing check
 * only steers the code into the `catch` branch (`try { assert(res.status !== 404) } catch { deploy() }`).
 * Such a check cannot fail the test, so how much it accepts is not a weakness of the test.
 */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/types';

import { getPropertyName, someDescendant, type VisitorKeys } from '../../ast/nodes.js';
import type { Assertion } from '../../model/index.js';

/** Calls that fail the test from inside a `catch` (`fail()`, `assert.fail()`, `expect.fail()`, `t.fail()`). */
const FAILING_CALLS: ReadonlySet<string> = new Set(['fail']);

const FUNCTION_TYPES: ReadonlySet<string> = new Set([AST_NODE_TYPES.FunctionDeclaration, AST_NODE_TYPES.FunctionExpression, AST_NODE_TYPES.ArrowFunctionExpression]);

/** Does the `catch` rethrow, fail, pass the error on (`done(err)`, `reject(err)`) outside nested functions, or hold an assertion? */
function reportsFailure(handler: TSESTree.CatchClause, assertions: readonly Assertion[], visitorKeys: VisitorKeys): boolean {
  const { body } = handler;
  const caught = handler.param?.type === AST_NODE_TYPES.Identifier ? handler.param.name : null;
  const [start, end] = body.range;
  if (assertions.some(({ node }) => node.range[0] >= start && node.range[1] <= end)) {
    return true;
  }
  const failsTest = (node: TSESTree.Node): boolean => {
    if (node.type === AST_NODE_TYPES.ThrowStatement) {
      return true;
    }
    if (node.type !== AST_NODE_TYPES.CallExpression) {
      return false;
    }
    const { callee } = node;
    const name = callee.type === AST_NODE_TYPES.Identifier ? callee.name : callee.type === AST_NODE_TYPES.MemberExpression ? getPropertyName(callee) : null;
    return (name !== null && FAILING_CALLS.has(name)) || node.arguments.some((argument) => argument.type === AST_NODE_TYPES.Identifier && argument.name === caught);
  };
  return someDescendant(body, visitorKeys, failsTest, (node) => node !== body && FUNCTION_TYPES.has(node.type));
}

/**
 * Is `node` (an assertion) inside the `try` block of a `try`/`catch` whose `catch` swallows the
 * failure, with no function boundary in between? Only the nearest such `try` counts.
 */
export function isProbe(node: TSESTree.Node, assertions: readonly Assertion[], visitorKeys: VisitorKeys): boolean {
  let child: TSESTree.Node = node;
  for (let current = node.parent; current !== undefined; child = current, current = current.parent) {
    if (FUNCTION_TYPES.has(current.type)) {
      return false;
    }
    if (current.type === AST_NODE_TYPES.TryStatement && current.block === child) {
      return current.handler !== null && !reportsFailure(current.handler, assertions, visitorKeys);
    }
  }
  return false;
}
