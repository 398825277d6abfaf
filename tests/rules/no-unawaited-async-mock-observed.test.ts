import rule from '../../src/rules/no-unawaited-async-mock.js';
import { createRuleTester } from '../rule-tester.js';

/**
 * Round 4 (blind labels of V2/V3): drops whose outcome nothing loses or the test observes.
 * 1. a same-file `async` function that is async only by its keyword (no `await`, no chain, returns
 *    nothing that may be a promise): its work is done when the call returns; reported only when its
 *    body asserts (a failing check becomes a rejection nobody sees);
 * 2. a setup-time `Promise.reject(e)` that a later statement consumes before the test yields (after
 *    other setup: `new Provider(…)`, then the call);
 * 3. a dropped chain whose callbacks end by recording into a variable the test reads after a later `await`.
 */
const script = { languageOptions: { parserOptions: { sourceType: 'script' as const } } };

createRuleTester().run('no-unawaited-async-mock', rule, {
  valid: [
    // 1. jest + testing-library (TSX shape of teable's select tests): an async helper that only clicks.
    {
      code: `import { render, screen, fireEvent } from '@testing-library/react';
const toggleOpen = async () => {
  fireEvent.click(screen.getByRole('combobox'));
};
it('opens', async () => {
  render(<Select />);
  toggleOpen();
  expect(screen.getByRole('listbox')).toBeInTheDocument();
});`,
      filename: 'select.test.tsx',
      languageOptions: { parserOptions: { ecmaFeatures: { jsx: true } } },
    },
    // 1. vitest: a no-op async stub called for its type only (inngest's `@ts-expect-error` checks).
    `import { it, expectTypeOf } from 'vitest';
it('types the publish function', () => {
  const publish: PublishFn = async () => {};
  expectTypeOf(publish).toBeCallableWith(channel.tokens, { token: 'abc' });
  // @ts-expect-error - wrong payload
  publish(channel.tokens, { message: 'wrong' });
});`,
    // 1. mocha (JS, script): an async function declaration that only sets state and returns a literal.
    {
      code: `const assert = require('assert');
async function markReady(state) {
  state.ready = true;
  return 1;
}
describe('state', function () {
  it('is ready', function () {
    const state = {};
    markReady(state);
    assert.ok(state.ready);
  });
});`,
      ...script,
    },
    // 1. node:test: an async arrow with an expression body that is a literal.
    `import { test } from 'node:test';
import assert from 'node:assert/strict';
const noop = async () => undefined;
test('calls the stub', () => {
  noop();
  assert.equal(typeof noop, 'function');
});`,
    // 2. mocha + sinon (TS, a \`done\` test; opentelemetry's provider shape): other setup, then a constructor and the call consume the rejection in the same run.
    `import * as sinon from 'sinon';
import * as assert from 'assert';
import { NoopSpanProcessor, TracerProvider } from '../src';
it('fails when a processor fails to flush', (done) => {
  const forceFlushStub = sinon.stub(NoopSpanProcessor.prototype, 'forceFlush');
  forceFlushStub.returns(Promise.reject('Error'));
  const processor = new NoopSpanProcessor();
  const provider = new TracerProvider({ spanProcessors: [processor] });
  provider.forceFlush().then(() => done(new Error('unexpected')), () => done());
});`,
    // 2. mocha + sinon (JS): the stub is built inside an object literal; later statements build the subject and call it before anything yields.
    {
      code: `const sinon = require('sinon');
const { createDelegate } = require('../src/delegate');
it('returns failure when send rejects', function (done) {
  const transport = { send: sinon.stub().returns(Promise.reject(new Error())), shutdown: sinon.stub() };
  const options = { timeout: 10 };
  const delegate = createDelegate(transport, options);
  delegate.export([], (result) => { done(); });
});`,
      ...script,
    },
    // 2. jest: mockReturnValueOnce(Promise.reject(e)), a plain assignment, then an awaited call of the code under test.
    `import { load } from './load';
import { api } from './api';
jest.mock('./api');
it('fails to load', async () => {
  api.get.mockReturnValueOnce(Promise.reject(new Error('offline')));
  const url = '/users';
  await expect(load(url)).rejects.toThrow('offline');
});`,
    // 2. vitest: the subject is constructed after the configuration, before any await.
    `import { vi, it, expect } from 'vitest';
import { Client } from './client';
const fetcher = vi.fn();
it('surfaces the failure', async () => {
  fetcher.mockReturnValue(Promise.reject(new Error('down')));
  const client = new Client(fetcher);
  await expect(client.ready).rejects.toThrow('down');
});`,
    // 3. mocha + chai (TS; firestore's bulk writer shape): the catch asserts, then records a flag read after the awaited flush.
    `import { expect } from 'chai';
it('surfaces errors', async () => {
  let catchCalled = false;
  writer.set(doc, { foo: 'bar' }).catch((err) => {
    expect(err.code).to.equal(13);
    catchCalled = true;
  });
  await writer.flush();
  expect(catchCalled).to.be.true;
});`,
    // 3. jest (JS): a then/catch pair whose callbacks each end by recording; read after the await.
    `const results = [];
let failures = 0;
it('records each outcome', async () => {
  queue.add(job).then((r) => { expect(r.ok).toBe(true); results.push(r); }, (e) => { expect(e).toBeDefined(); failures++; });
  await queue.drain();
  expect(results.length + failures).toBe(1);
});`,
    // 3. vitest: the flag is declared in a block of the test, around the chain.
    `import { it, expect } from 'vitest';
it('rejects', async () => {
  {
    let failed = false;
    store.open().catch((e) => { expect(e.message).toMatch(/locked/); failed = true; });
    await store.close();
    expect(failed).toBe(true);
  }
});`,
    // 3. node:test: the chain's callback records into a counter read after the awaited close.
    `import { test } from 'node:test';
import assert from 'node:assert';
test('counts rejections', async () => {
  let count = 0;
  client.send(msg).catch((e) => { assert.ok(e); count += 1; });
  await client.close();
  assert.equal(count, 1);
});`,
  ],
  invalid: [
    {
      // 1. A keyword-only async helper that asserts: its failing check becomes a rejection the test never sees.
      code: `const expectOpen = async () => {
  expect(screen.getByRole('listbox')).toBeVisible();
};
it('opens', () => {
  expectOpen();
});`,
      errors: [
        {
          messageId: 'unawaitedAsyncCall',
          data: { name: 'expectOpen', where: 'this test' },
          line: 5,
          column: 3,
          suggestions: [
            { messageId: 'addAwait', data: { asyncNote: ' and make the test function `async`' }, output: `const expectOpen = async () => {
  expect(screen.getByRole('listbox')).toBeVisible();
};
it('opens', async () => {
  await expectOpen();
});` },
            { messageId: 'returnPromise', output: `const expectOpen = async () => {
  expect(screen.getByRole('listbox')).toBeVisible();
};
it('opens', () => {
  return expectOpen();
});` },
          ],
        },
      ],
    },
    {
      // 1. An async helper that starts a chain or returns a call is not keyword-only.
      code: `async function refresh(store) {
  return store.reload();
}
it('refreshes', () => {
  refresh(store);
  expect(store.items).toHaveLength(1);
});`,
      errors: [
        {
          messageId: 'unawaitedAsyncCall',
          data: { name: 'refresh', where: 'this test' },
          line: 5,
          column: 3,
          suggestions: [
            { messageId: 'addAwait', data: { asyncNote: ' and make the test function `async`' }, output: `async function refresh(store) {
  return store.reload();
}
it('refreshes', async () => {
  await refresh(store);
  expect(store.items).toHaveLength(1);
});` },
          ],
        },
      ],
    },
    {
      // 2. Nothing after the configuration calls the code under test before the test waits: the rejection outlives the task.
      code: `import sinon from 'sinon';
it('waits first', async () => {
  const stub = sinon.stub(api, 'get');
  stub.returns(Promise.reject(new Error('x')));
  const error = new Error('expected');
  await new Promise((resolve) => setTimeout(resolve, 10));
  await api.get().catch(() => error);
});`,
      errors: [
        {
          messageId: 'promiseReturnValue',
          data: { method: 'returns', kind: 'reject', replacement: 'rejects' },
          line: 4,
          column: 8,
          suggestions: [
            { messageId: 'useShorthand', output: `import sinon from 'sinon';
it('waits first', async () => {
  const stub = sinon.stub(api, 'get');
  stub.rejects(new Error('x'));
  const error = new Error('expected');
  await new Promise((resolve) => setTimeout(resolve, 10));
  await api.get().catch(() => error);
});` },
          ],
        },
      ],
    },
    {
      // 3. The callback records before it asserts (a failing check is lost), and in a synchronous test nothing is read after an await.
      code: `let seen = false;
it('sees the error', async () => {
  client.send(msg).catch((e) => { seen = true; expect(e.code).toBe(13); });
  await client.close();
  expect(seen).toBe(true);
});
it('reads it on the spot', () => {
  let failed = false;
  client.send(msg).catch((e) => { expect(e).toBeDefined(); failed = true; });
  expect(failed).toBe(false);
});`,
      errors: [
        {
          messageId: 'unawaitedChain',
          data: { method: 'catch', where: 'this test' },
          line: 3,
          column: 3,
          suggestions: [
            { messageId: 'addAwait', data: { asyncNote: '' }, output: `let seen = false;
it('sees the error', async () => {
  await client.send(msg).catch((e) => { seen = true; expect(e.code).toBe(13); });
  await client.close();
  expect(seen).toBe(true);
});
it('reads it on the spot', () => {
  let failed = false;
  client.send(msg).catch((e) => { expect(e).toBeDefined(); failed = true; });
  expect(failed).toBe(false);
});` },
          ],
        },
        {
          messageId: 'unawaitedChain',
          data: { method: 'catch', where: 'this test' },
          line: 9,
          column: 3,
          suggestions: [
            { messageId: 'addAwait', data: { asyncNote: ' and make the test function `async`' }, output: `let seen = false;
it('sees the error', async () => {
  client.send(msg).catch((e) => { seen = true; expect(e.code).toBe(13); });
  await client.close();
  expect(seen).toBe(true);
});
it('reads it on the spot', async () => {
  let failed = false;
  await client.send(msg).catch((e) => { expect(e).toBeDefined(); failed = true; });
  expect(failed).toBe(false);
});` },
          ],
        },
      ],
    },
  ],
});
