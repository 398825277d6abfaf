import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/types';

import { getEnclosingFunction, isSuspension, rangeContains, someDescendant, type VisitorKeys } from '../../ast/nodes.js';
import type { Assertion, TestModel } from '../../model/index.js';

const LOOPS: ReadonlySet<string> = new Set([
  AST_NODE_TYPES.ForStatement,
  AST_NODE_TYPES.ForInStatement,
  AST_NODE_TYPES.ForOfStatement,
  AST_NODE_TYPES.WhileStatement,
  AST_NODE_TYPES.DoWhileStatement,
]);

/**
 * Does the runner itself wait for this floating `.resolves` / `.rejects`, so that its failure still
 * fails the test it is written in? Then nothing is lost and the rule stays quiet:
 * - bun:test's matchers wait for the promise before they return (bun runs its event loop until it
 *   settles);
 * - vitest records the promise and awaits it when the test function returns, if it is still pending
 *   then. It is whenever the test awaits nothing after the assertion: the test returns before the
 *   promise can settle. After a later `await` it may already have settled, and a settled one is not
 *   awaited: the test passes and the failure escapes as an unhandled rejection of the run (measured
 *   with vitest 4.1), so that case is still reported.
 */
export function runnerWaitsFor(assertion: Assertion, model: TestModel, visitorKeys: VisitorKeys): boolean {
  if (assertion.asyncKind !== 'resolves' && assertion.asyncKind !== 'rejects') {
    return false;
  }
  if (assertion.library === 'bun') {
    return true;
  }
  const block = assertion.block;
  if (block === null || block.kind !== 'test' || block.callback === null || !runsOnVitest(assertion, model)) {
    return false;
  }
  return !yieldsAfter(block.callback, assertion.node, visitorKeys);
}

/**
 * `expect` taken from vitest, a file that shows it runs on vitest (an import of it, `vi` mocks, vitest
 * blocks), or a global `expect` where the settings say the globals are vitest's (`vitestGlobals`).
 */
function runsOnVitest(assertion: Assertion, model: TestModel): boolean {
  return (
    assertion.library === 'vitest' ||
    (assertion.library === 'unknown' && model.settings.vitestGlobals) ||
    model.imports.some((record) => record.specifier === 'vitest') ||
    model.mocks.some((mock) => mock.library === 'vitest') ||
    model.blocks.some((block) => block.library === 'vitest')
  );
}

/**
 * Can the test function give the event loop a turn after `node` has started its promise: an `await`,
 * `yield` or `for await` later in the body, or one in a loop around `node` (its next turn comes after),
 * or a returned value the runner waits for?
 */
function yieldsAfter(fn: TSESTree.Node, node: TSESTree.Node, visitorKeys: VisitorKeys): boolean {
  const loops: Array<readonly [number, number]> = [];
  for (let current = node.parent; current !== undefined && current !== fn; current = current.parent) {
    if (LOOPS.has(current.type)) {
      loops.push(current.range);
    }
  }
  const after = (candidate: TSESTree.Node): boolean =>
    candidate.range[0] >= node.range[1] || loops.some((loop) => rangeContains(loop, candidate.range));
  return someDescendant(fn, visitorKeys, (candidate) => isYield(candidate, fn) && after(candidate));
}

function isYield(node: TSESTree.Node, fn: TSESTree.Node): boolean {
  return isSuspension(node) || (node.type === AST_NODE_TYPES.ReturnStatement && node.argument !== null && getEnclosingFunction(node) === fn);
}
