import type { TSESTree } from '@typescript-eslint/types';

import { isFunction } from '../../ast/nodes.js';
import { isBlockWithin, type TestBlock } from '../../model/index.js';

/** Where evidence stands from a test: inside it, in a before-hook around it, or in the suite (or file) around it. */
export type Place = 'test' | 'hook' | 'context';

/** Where `block` stands from `test`: inside it, a before-hook around it, the body of a suite around it (or the file). */
export function placeOf(block: TestBlock | null, test: TestBlock): Place | null {
  if (block === null) {
    return 'context';
  }
  if (isBlockWithin(block, test)) {
    return 'test';
  }
  if (block.kind === 'hook' && (block.hook === 'beforeEach' || block.hook === 'beforeAll') && (block.parent === null || isBlockWithin(test, block.parent))) {
    return 'hook';
  }
  if (block.kind === 'suite' && isBlockWithin(test, block)) {
    return 'context';
  }
  return null;
}

/** Is `node` written in the block's own callback (or at file level), not in a nested function or an unrecognised test? */
export function isDirectlyIn(node: TSESTree.Node, block: TestBlock | null): boolean {
  for (let current = node.parent; current != null; current = current.parent) {
    if (isFunction(current)) {
      return block !== null && current === block.callback;
    }
  }
  return block === null;
}
