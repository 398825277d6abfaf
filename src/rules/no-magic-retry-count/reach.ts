import type { TestBlock, TestModel } from '../../model/index.js';
import type { Place } from './places.js';

/**
 * What is in reach of a test, computed from the block tree rather than by testing every node of the
 * file against every test: the test and the blocks inside it, the before-hooks around it, the suites
 * (and file) around it. A file's evidence is bucketed by block once; a test reads only its buckets.
 */

/** The blocks in reach of one test, each with its place (the answer `placeOf` gives for it); `null` is the file. */
export type Reach = ReadonlyMap<TestBlock | null, Place>;

const isBeforeHook = (block: TestBlock): boolean => block.kind === 'hook' && (block.hook === 'beforeEach' || block.hook === 'beforeAll');

/** The before-hooks of every block (and of the file, under `null`), gathered once per file. */
export function beforeHooksOf(model: TestModel): Map<TestBlock | null, TestBlock[]> {
  const hooks = new Map<TestBlock | null, TestBlock[]>();
  for (const block of model.blocks) {
    if (isBeforeHook(block)) {
      const list = hooks.get(block.parent) ?? [];
      list.push(block);
      hooks.set(block.parent, list);
    }
  }
  return hooks;
}

/** The blocks in reach of `test`, with the place each stands in (the same answers as `placeOf`, block by block). */
export function reachOf(test: TestBlock, hooks: ReadonlyMap<TestBlock | null, readonly TestBlock[]>): Reach {
  const places = new Map<TestBlock | null, Place>();
  const pending: TestBlock[] = [test];
  for (let block = pending.pop(); block !== undefined; block = pending.pop()) {
    places.set(block, 'test');
    for (const child of block.children) {
      pending.push(child);
    }
  }
  for (let around: TestBlock | null = test; ; around = around.parent) {
    for (const hook of hooks.get(around) ?? []) {
      if (!places.has(hook)) {
        places.set(hook, 'hook');
      }
    }
    if (around === null) {
      places.set(null, 'context');
      return places;
    }
    if (around !== test && around.kind === 'suite') {
      places.set(around, 'context');
    }
  }
}

/** Items of one kind, bucketed by the block they are written in, read back per test in file order. */
export class Buckets<T> {
  private readonly buckets = new Map<TestBlock | null, number[]>();

  constructor(
    private readonly items: readonly T[],
    blockOf: (item: T) => TestBlock | null,
  ) {
    items.forEach((item, index) => {
      const block = blockOf(item);
      const bucket = this.buckets.get(block);
      if (bucket === undefined) {
        this.buckets.set(block, [index]);
      } else {
        bucket.push(index);
      }
    });
  }

  /** The items in reach, in file order, each with its place; `withContext: false` leaves out the suites and file around the test. */
  inReach(reach: Reach, withContext = true): Array<{ item: T; place: Place }> {
    const found: Array<{ index: number; place: Place }> = [];
    for (const [block, place] of reach) {
      if (!withContext && place === 'context') {
        continue;
      }
      for (const index of this.buckets.get(block) ?? []) {
        found.push({ index, place });
      }
    }
    found.sort((a, b) => a.index - b.index);
    const items: Array<{ item: T; place: Place }> = [];
    for (const { index, place } of found) {
      const item = this.items[index];
      if (item !== undefined) {
        items.push({ item, place });
      }
    }
    return items;
  }
}
