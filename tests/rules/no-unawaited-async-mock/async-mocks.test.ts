import { describe, expect, it } from 'vitest';

import { getAsyncMockIndex, implementationKind, isPromiseExpression, promiseStaticKind } from '../../../src/rules/no-unawaited-async-mock/async-mocks.js';
import type { TestModel } from '../../../src/model/test-model.js';
import { modelOf } from '../../model/model-harness.js';

/** The promise source of `key` as seen from the test titled `title` (or file level). */
function sourceFor(model: TestModel, key: string, title: string | null): string | null {
  const block = title === null ? null : (model.tests.find((test) => test.title === title) ?? null);
  return getAsyncMockIndex(model).promiseSourceFor(key, block)?.how ?? null;
}

describe('async mock index', () => {
  it('knows promise-returning creations: async implementations, promise bodies, sinon fakes', () => {
    const model = modelOf(`
      import sinon from 'sinon';
      import { mock } from 'node:test';
      const a = vi.fn(async () => 1);
      const b = jest.fn(() => Promise.resolve(2));
      const c = mock.fn(async () => 3);
      const d = sinon.fake.resolves(4);
      const e = vi.fn(() => 5);
      const f = vi.fn();
      mock.method(api, 'send', async () => true);
    `);
    const index = getAsyncMockIndex(model);
    expect([...index.keys].sort()).toEqual(['a', 'api.send', 'b', 'c', 'd']);
    expect(sourceFor(model, 'a', null)).toBe('an async implementation');
    expect(sourceFor(model, 'd', null)).toBe('sinon.fake.resolves');
    expect(sourceFor(model, 'e', null)).toBeNull();
  });

  it('knows promise configurations of jest/vitest, sinon, jasmine and testdouble', () => {
    const model = modelOf(`
      import sinon from 'sinon';
      import td from 'testdouble';
      const a = vi.fn().mockResolvedValue(1);
      const b = jest.fn();
      b.mockRejectedValueOnce(new Error('x'));
      const c = sinon.stub().resolves(1);
      const d = jasmine.createSpy('d').and.resolveTo(1);
      const e = td.func();
      td.when(e(1)).thenResolve(2);
      const f = vi.fn().mockReturnValue(Promise.resolve(1));
      const g = vi.fn().mockImplementation(async () => 1);
      vi.spyOn(store, 'save').mockResolvedValue(undefined);
    `);
    expect([...getAsyncMockIndex(model).keys].sort()).toEqual(['a', 'b', 'c', 'd', 'e', 'f', 'g', 'store.save']);
    expect(sourceFor(model, 'c', null)).toBe('.resolves()');
    expect(sourceFor(model, 'e', null)).toBe('thenResolve');
  });

  it('reaches imported functions through vi.mocked and module mocks, and mock factories', () => {
    const model = modelOf(`
      import { fetchUser, format } from './api';
      vi.mock('./api', () => ({ load: vi.fn().mockResolvedValue(1) }));
      vi.mocked(fetchUser).mockResolvedValue({ id: 1 });
    `);
    const index = getAsyncMockIndex(model);
    expect(index.keys.has('fetchUser')).toBe(true);
    expect(index.keys.has('load')).toBe(true);
    expect(index.keys.has('format')).toBe(false);
  });

  it('leaves keys alone when another applicable behaviour is not a promise', () => {
    const model = modelOf(`
      const mixed = jest.fn();
      mixed.mockResolvedValueOnce(1);
      mixed.mockReturnValue(2);
      const thrower = sinon.stub().resolves(1);
      thrower.throws(new Error('x'));
      const narrowed = sinon.stub().resolves(1);
      narrowed.yields(null);
    `);
    expect(sourceFor(model, 'mixed', null)).toBeNull();
    expect(sourceFor(model, 'thrower', null)).toBeNull();
    expect(sourceFor(model, 'narrowed', null)).toBe('.resolves()');
  });

  it('scopes behaviour to the block it is set up in: file, enclosing suites, their hooks', () => {
    const model = modelOf(`
      const api = { get: jest.fn(), put: jest.fn() };
      describe('outer', () => {
        beforeEach(() => { api.put.mockResolvedValue(1); });
        it('one', () => { api.get.mockResolvedValue(1); });
        it('two', () => {});
      });
      it('three', () => {});
    `);
    expect(sourceFor(model, 'api.get', 'one')).toBe('mockResolvedValue');
    expect(sourceFor(model, 'api.get', 'two')).toBeNull();
    expect(sourceFor(model, 'api.put', 'two')).toBe('mockResolvedValue');
    expect(sourceFor(model, 'api.put', 'three')).toBeNull();
  });
});

describe('promise expression helpers', () => {
  it('tell promise statics and function literals apart', async () => {
    const { parse } = await import('@typescript-eslint/parser');
    const elements = (code: string) => {
      const ast = parse(code, { range: true });
      const statement = ast.body[0];
      if (statement?.type !== 'ExpressionStatement' || statement.expression.type !== 'ArrayExpression') {
        throw new Error('expected an array');
      }
      return statement.expression.elements;
    };
    // Parent links are not needed by these helpers.
    expect(elements(`[Promise.resolve(1), Promise.reject(e), new Promise(() => {}), Promise.all([]), make(1), new Map()]`).map((node) => isPromiseExpression(node as never))).toEqual([
      true, true, true, true, false, false,
    ]);
    expect(elements(`[Promise.resolve(1), Promise.reject(e), Promise.all([]), other.resolve(1)]`).map((node) => promiseStaticKind(node as never))).toEqual([
      'resolve', 'reject', null, null,
    ]);
    expect(
      elements(`[async () => 1, () => Promise.resolve(), function () { return Promise.reject(e); }, () => 1, function () { if (x) return 1; return Promise.resolve(); }, run]`).map((node) =>
        implementationKind(node as never),
      ),
    ).toEqual(['promise', 'promise', 'promise', 'other', 'other', null]);
  });
});
