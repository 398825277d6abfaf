import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/types';

import { getEnclosingFunction, getPropertyName, unwrapExpression, type FunctionNode } from '../../ast/nodes.js';

/**
 * Does code in `fn` run while the test or hook whose callback is `callback` runs? Yes for the
 * callback itself and for functions it calls on the spot: an IIFE, an array method's callback
 * (`users.forEach((user) => notify(user))`), a `.then/.catch/.finally` callback. An event listener
 * (`db.on('connected', () => close())`), a timer callback or a function handed to unknown code
 * runs when someone else decides, often after the test ended: "await it in the test" is no
 * advice there, so a promise dropped in one is not reported.
 */

/** Methods that call their callback before they return (arrays), or once the promise they chain settles. */
const CALLS_ON_THE_SPOT: ReadonlySet<string> = new Set([
  'forEach', 'map', 'flatMap', 'filter', 'some', 'every', 'find', 'findIndex', 'findLast', 'findLastIndex', 'reduce', 'reduceRight',
  'sort', 'toSorted', 'then', 'catch', 'finally',
]);

function runsOnTheSpot(fn: FunctionNode): boolean {
  const parent = fn.parent;
  if (parent?.type !== AST_NODE_TYPES.CallExpression) {
    return false;
  }
  if (unwrapExpression(parent.callee) === fn) {
    return true;
  }
  const callee = unwrapExpression(parent.callee);
  return parent.arguments.includes(fn as TSESTree.CallExpressionArgument) && callee.type === AST_NODE_TYPES.MemberExpression && CALLS_ON_THE_SPOT.has(getPropertyName(callee) ?? '');
}

export function runsDuring(fn: FunctionNode | null, callback: FunctionNode | null): boolean {
  for (let current = fn; current !== null; current = getEnclosingFunction(current)) {
    if (current === callback) {
      return true;
    }
    if (!runsOnTheSpot(current)) {
      return false;
    }
  }
  return false;
}
