import { describe, expect, it } from 'vitest';

import { placeOf } from '../../../src/rules/no-magic-retry-count/places.js';
import { beforeHooksOf, Buckets, reachOf } from '../../../src/rules/no-magic-retry-count/reach.js';
import { modelOf } from '../../model/model-harness.js';

const code = `
beforeAll(() => setup());
describe('outer', () => {
  beforeEach(() => {});
  afterEach(() => {});
  it('a', () => {});
  describe('inner', () => {
    before(() => {});
    it('b', () => {});
    it('c', async (t) => {
      await t.test('c1', () => {});
    });
  });
  it('d', () => {});
});
describe('other', () => {
  beforeEach(() => {});
  it('e', () => {});
});
it('f', () => {});
`;

describe('reachOf', () => {
  it('gives every block the place placeOf gives it, for every test', () => {
    const model = modelOf(code);
    const hooks = beforeHooksOf(model);
    const tests = model.blocks.filter((block) => block.kind === 'test');
    expect(tests.length).toBeGreaterThanOrEqual(6);
    for (const test of tests) {
      const reach = reachOf(test, hooks);
      for (const block of [null, ...model.blocks]) {
        expect([test.title, block?.title ?? block?.name ?? 'file', reach.get(block) ?? null]).toEqual([
          test.title,
          block?.title ?? block?.name ?? 'file',
          placeOf(block, test),
        ]);
      }
    }
  });

  it('reads bucketed items back in file order, with their places', () => {
    const model = modelOf(code);
    const hooks = beforeHooksOf(model);
    const buckets = new Buckets(model.blocks, (block) => block.parent);
    const test = model.blocks.find((block) => block.title === 'b');
    expect(test).toBeDefined();
    if (test !== undefined) {
      const reach = reachOf(test, hooks);
      const found = buckets.inReach(reach).map(({ item, place }) => `${item.title ?? item.name}:${place}`);
      // Blocks bucketed by their parent: every block whose parent is in reach, in the model's order, with the parent's place.
      const expected = model.blocks.filter((block) => reach.has(block.parent)).map((block) => `${block.title ?? block.name}:${reach.get(block.parent) ?? ''}`);
      expect(found).toEqual(expected);
      expect(found).toContain('c:context');
      expect(found).toContain('beforeEach:context');
    }
  });
});
