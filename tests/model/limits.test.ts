import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { describe, expect, it } from 'vitest';

import { frameworkChain, hugeDestructuring } from '../../bench/shapes.mjs';
import type { FileModelBuilder } from '../../src/model/builder.js';
import type { ImportRecord } from '../../src/model/imports.js';
import { placeMocks } from '../../src/model/linking.js';
import type { MockRecord } from '../../src/model/mocks.js';
import { MAX_RESOLVE_DEPTH } from '../../src/model/resolve-names.js';
import { modelOf } from './model-harness.js';

// Issue #26: the model's walks are iterative or capped. Past the cap a name is not a framework
// name (a miss); nothing throws, nothing spreads an unbounded array into a call.

describe('alias chains', () => {
  it('resolves a framework name a few hops away', () => {
    const model = modelOf(frameworkChain(3));
    expect(model.mocks.map((mock) => mock.api)).toEqual(['vi.fn']);
    expect(model.tests).toHaveLength(1);
  });

  it('resolves a chain just under the cap', () => {
    expect(modelOf(frameworkChain(MAX_RESOLVE_DEPTH - 2)).mocks).toHaveLength(1);
  });

  it('treats a chain past the cap as no framework name, without a throw', () => {
    const model = modelOf(frameworkChain(2000));
    expect(model.mocks).toEqual([]);
    // The test itself is reached through the imported `it`, not the chain.
    expect(model.tests).toHaveLength(1);
  });

  it('gives a name the same answer however the names before it were resolved', () => {
    // `v{n}` is asked first here (the walk visits `v{n}.fn()` only); a shorter chain, asked alone, resolves.
    const long = modelOf(frameworkChain(MAX_RESOLVE_DEPTH * 2));
    expect(long.mocks).toEqual([]);
    const short = modelOf(frameworkChain(5));
    expect(short.mocks).toHaveLength(1);
  });

  it('follows let reassignments, member and destructuring links like before', () => {
    const code = `
import { vi, it } from 'vitest';
let a = vi; a = vi;
const b = { c: a };
const { c: d } = b;
const e = d;
it('works', () => {
  const fn = e.fn();
  const spy = a.spyOn(console, 'log');
});
`;
    expect(modelOf(code).mocks.map((mock) => mock.api)).toEqual(['vi.spyOn']);
  });
});

describe('wide shapes', () => {
  it('gives a mocked module every destructured name as a key', () => {
    const model = modelOf(hugeDestructuring(3000), { filename: 'mocked.test.js', sourceType: 'commonjs' });
    const [mock] = model.mocks;
    expect(mock?.kind).toBe('module');
    expect(mock?.keys).toHaveLength(3000);
    expect(model.mocksByKey('a2999')).toEqual([mock]);
  });

  it('adds 200,000 imported names to a module mock without spreading them into a call', () => {
    const locals = Array.from({ length: 200_000 }, (_, index) => `a${index}`);
    const node = { type: AST_NODE_TYPES.CallExpression } as unknown as MockRecord['node'];
    const mock = { kind: 'module', specifier: './x', factory: null, hoisted: true, keys: [], node } as unknown as MockRecord;
    const record: ImportRecord = { specifier: './x', node, locals, namespace: null };
    const builder = { mocks: [mock], imports: [record], locate: () => ({ block: null, fn: null }) } as unknown as FileModelBuilder;
    placeMocks(builder);
    expect(mock.keys).toHaveLength(200_000);
  });

  it('keys a double by the object literals around it, up to the nesting cap', () => {
    const code = `
import { vi } from 'vitest';
const api = { users: { get: vi.fn() } };
this.client = { send: vi.fn() };
const deep = ${'{ k: '.repeat(40)}vi.fn()${' }'.repeat(40)};
`;
    const [users, client, deep] = modelOf(code).mocks;
    expect(users?.keys).toEqual(['api.users.get', 'users.get', 'get']);
    expect(client?.keys).toEqual(['this.client.send', 'send']);
    // Past 16 literals the binding (`deep`) is not read: the innermost 16 names are the keys.
    expect(deep?.keys).toHaveLength(16);
    expect(deep?.keys.at(-1)).toBe('k');
    expect(deep?.keys[0]).toBe(Array.from({ length: 16 }, () => 'k').join('.'));
  });

  it('keys nothing above a computed key', () => {
    const code = `
import { vi } from 'vitest';
const api = { [name]: { get: vi.fn() } };
`;
    expect(modelOf(code).mocks[0]?.keys).toEqual(['get']);
  });

  it('finds the root of each call in a long call chain', () => {
    const code = `
import { it, vi } from 'vitest';
it('chains', () => {
  vi.fn()${'.mockReturnValue(1)'.repeat(300)};
});
`;
    const model = modelOf(code);
    expect(model.mocks).toHaveLength(1);
    expect(model.mockConfigs).toHaveLength(300);
  });
});
