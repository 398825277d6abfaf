import rule from '../../src/rules/no-unawaited-async-mock.js';
import { createRuleTester } from '../rule-tester.js';

/**
 * Issue #22's policy for async tests, without types: a dropped same-file async call or promise chain
 * is reported when its promise carries checks (the helper or a chain callback asserts, a request
 * chain), when it is a dropped wait, or when the test reaches an assertion or its end with no
 * `await` after it; a later `await` settles the rest. Also the framework spellings of the issue's
 * shapes that tests/rules/no-unawaited-async-mock-dropped-work.test.ts lacks.
 */
const script = { languageOptions: { parserOptions: { sourceType: 'script' as const } } };

createRuleTester().run('no-unawaited-async-mock', rule, {
  valid: [
    // jest (JS) and mocha + sinon: the next check is on a mock's calls, made on the spot (delegation tests).
    `async function save(store, item) { await store.put(item); }
it('delegates', () => {
  save(store, 1);
  expect(store.put).toHaveBeenCalledWith(1);
});`,
    {
      code: `const sinon = require('sinon');
async function notify(bus) { await bus.publish('x'); }
describe('bus', function () {
  it('publishes', function () {
    notify(bus);
    sinon.assert.calledWith(bus.publish, 'x');
  });
});`,
      ...script,
    },
    // vitest: a same-file async helper (no assertions in it) dropped, then an awaited `reader.read()` before the assertion (hono's stream write).
    `import { it, expect } from 'vitest';
async function write(stream, chunk) { await stream.write(chunk); }
it('streams', async () => {
  write(stream, 'a');
  const { value } = await reader.read();
  expect(value).toBe('a');
});`,
    // jest: a `.then` chain whose callbacks do not assert, settled by a later `await` before the assertion.
    `async function boot() { await app.init(); }
it('serves', async () => {
  boot().then(() => server.listen(0));
  await ready();
  expect(server.listening).toBe(true);
});`,
    // mocha: an async helper left running while the test awaits something else before it asserts (TanStack's prefetch, bullmq's queue).
    {
      code: `const { expect } = require('chai');
async function refresh(queue) { await queue.sync(); }
describe('queue', function () {
  it('refreshes', async function () {
    refresh(queue);
    await queue.drain();
    expect(queue.size).to.equal(0);
  });
});`,
      ...script,
    },
    // node:test: the `await` inside the assertion runs before it checks; work started in an awaited callback.
    `import { test } from 'node:test';
import assert from 'node:assert';
async function start(server) { await server.boot(); }
test('reads in the assertion', async () => {
  start(server);
  assert.equal(await server.status(), 'up');
});
test('acts', async () => {
  await act(async () => {
    start(server);
  });
  assert.ok(server.booted);
});`,
    // vitest (TS): a main loop left running on purpose (bullmq's `worker.run()`) until an awaited event; a chain in an awaited executor.
    `import { it, expect } from 'vitest';
async function runWorker(worker: Worker) { await worker.run(); }
it('completes', async () => {
  runWorker(worker);
  await new Promise<void>((resolve) => {
    worker.on('completed', () => resolve());
    addJob().then(() => queue.count());
  });
  expect(queue.completed).toBe(1);
});`,
  ],
  invalid: [
    {
      // mocha (knex's schema specs): a chain whose callback calls a same-file function that asserts carries checks too.
      code: `const { expect } = require('chai');
function checkGone(name) {
  db.raw(name).then((res) => { expect(res).to.equal(undefined); });
}
describe('schema', function () {
  it('drops', async function () {
    await db.create('s').then(() => {
      db.drop('s').then(() => { checkGone('s'); });
    });
    await db.close();
  });
});`,
      ...script,
      errors: [
        { messageId: 'unawaitedChain', data: { method: 'then', where: '`checkGone` (a helper called from a test)' }, line: 3, column: 3, suggestions: [] },
        { messageId: 'unawaitedChain', data: { method: 'then', where: 'this test' }, line: 8, column: 7, suggestions: [] },
      ],
    },
    {
      // jest (JS), issue #22 policy: the test reads the state with no `await` after the drops (probot's middleware calls).
      code: `async function handle(req) { await middleware(req); }
it('counts', async () => {
  handle(req);
  handle(req);
  expect(counter).toBe(2);
  await server.close();
});`,
      errors: [
        {
          messageId: 'unawaitedAsyncCall',
          data: { name: 'handle', where: 'this test' },
          line: 3,
          column: 3,
          suggestions: [
            {
              messageId: 'addAwait',
              data: { asyncNote: '' },
              output: `async function handle(req) { await middleware(req); }
it('counts', async () => {
  await handle(req);
  handle(req);
  expect(counter).toBe(2);
  await server.close();
});`,
            },
          ],
        },
        {
          messageId: 'unawaitedAsyncCall',
          data: { name: 'handle', where: 'this test' },
          line: 4,
          column: 3,
          suggestions: [
            {
              messageId: 'addAwait',
              data: { asyncNote: '' },
              output: `async function handle(req) { await middleware(req); }
it('counts', async () => {
  handle(req);
  await handle(req);
  expect(counter).toBe(2);
  await server.close();
});`,
            },
          ],
        },
      ],
    },
    {
      // vitest (TS): a chain whose callback asserts carries checks: reported even with a later `await`.
      code: `import { it, expect } from 'vitest';
it('answers', async () => {
  fetch(url).then((r) => expect(r.status).toBe(200));
  await server.close();
});`,
      errors: [
        {
          messageId: 'unawaitedChain',
          data: { method: 'then', where: 'this test' },
          line: 3,
          column: 3,
          suggestions: [
            {
              messageId: 'addAwait',
              data: { asyncNote: '' },
              output: `import { it, expect } from 'vitest';
it('answers', async () => {
  await fetch(url).then((r) => expect(r.status).toBe(200));
  await server.close();
});`,
            },
          ],
        },
      ],
    },
    {
      // mocha (CommonJS): a dropped wait waits for nothing, whatever comes after it (bullmq's `delay(50);`).
      code: `function delay(ms) { return new Promise((resolve) => setTimeout(resolve, ms)); }
describe('limiter', function () {
  it('waits', async function () {
    delay(50);
    await limiter.check();
  });
});`,
      ...script,
      errors: [
        {
          messageId: 'unawaitedAsyncCall',
          data: { name: 'delay', where: 'this test' },
          line: 4,
          column: 5,
          suggestions: [
            {
              messageId: 'addAwait',
              data: { asyncNote: '' },
              output: `function delay(ms) { return new Promise((resolve) => setTimeout(resolve, ms)); }
describe('limiter', function () {
  it('waits', async function () {
    await delay(50);
    await limiter.check();
  });
});`,
            },
          ],
        },
      ],
    },
    {
      // mocha (CommonJS): a same-file async helper that asserts, dropped in an async test: its failure becomes an unhandled rejection.
      code: `const { expect } = require('chai');
async function expectSaved(id) { expect(await db.find(id)).to.exist; }
describe('store', function () {
  it('saves', async function () {
    expectSaved(1);
    await db.close();
  });
});`,
      ...script,
      errors: [
        {
          messageId: 'unawaitedAsyncCall',
          data: { name: 'expectSaved', where: 'this test' },
          line: 5,
          column: 5,
          suggestions: [
            {
              messageId: 'addAwait',
              data: { asyncNote: '' },
              output: `const { expect } = require('chai');
async function expectSaved(id) { expect(await db.find(id)).to.exist; }
describe('store', function () {
  it('saves', async function () {
    await expectSaved(1);
    await db.close();
  });
});`,
            },
          ],
        },
      ],
    },
    {
      // vitest (JS): a same-file async helper dropped as the last thing an async test does.
      code: `import { it } from 'vitest';
async function seed() { await db.insert(rows); }
it('seeds', async () => {
  await db.connect();
  seed();
});`,
      errors: [
        {
          messageId: 'unawaitedAsyncCall',
          data: { name: 'seed', where: 'this test' },
          line: 5,
          column: 3,
          suggestions: [
            {
              messageId: 'addAwait',
              data: { asyncNote: '' },
              output: `import { it } from 'vitest';
async function seed() { await db.insert(rows); }
it('seeds', async () => {
  await db.connect();
  await seed();
});`,
            },
            {
              messageId: 'returnPromise',
              output: `import { it } from 'vitest';
async function seed() { await db.insert(rows); }
it('seeds', async () => {
  await db.connect();
  return seed();
});`,
            },
          ],
        },
      ],
    },
    {
      // jest (JS): a `.then` chain dropped in a synchronous test.
      code: `it('loads', () => {
  load(url).then((body) => expect(body).toEqual({ ok: true }));
});`,
      errors: [
        {
          messageId: 'unawaitedChain',
          data: { method: 'then', where: 'this test' },
          line: 2,
          column: 3,
          suggestions: [
            {
              messageId: 'addAwait',
              data: { asyncNote: ' and make the test function `async`' },
              output: `it('loads', async () => {
  await load(url).then((body) => expect(body).toEqual({ ok: true }));
});`,
            },
            {
              messageId: 'returnPromise',
              output: `it('loads', () => {
  return load(url).then((body) => expect(body).toEqual({ ok: true }));
});`,
            },
          ],
        },
      ],
    },
    {
      // node:test (ESM JS): a `.then` chain dropped in a synchronous test.
      code: `import { test } from 'node:test';
import assert from 'node:assert';
test('loads', () => {
  fetch(url).then((r) => assert.equal(r.status, 200));
});`,
      errors: [
        {
          messageId: 'unawaitedChain',
          data: { method: 'then', where: 'this test' },
          line: 4,
          column: 3,
          suggestions: [
            {
              messageId: 'addAwait',
              data: { asyncNote: ' and make the test function `async`' },
              output: `import { test } from 'node:test';
import assert from 'node:assert';
test('loads', async () => {
  await fetch(url).then((r) => assert.equal(r.status, 200));
});`,
            },
            {
              messageId: 'returnPromise',
              output: `import { test } from 'node:test';
import assert from 'node:assert';
test('loads', () => {
  return fetch(url).then((r) => assert.equal(r.status, 200));
});`,
            },
          ],
        },
      ],
    },
    {
      // node:test (ESM JS): a request chain on a property is the request itself: reported even with a later `await`.
      code: `import { test } from 'node:test';
test('removes', async () => {
  server.inject.delete('/items/1').expect(204);
  await server.close();
});`,
      errors: [
        {
          messageId: 'unsentRequest',
          data: { method: 'delete', where: 'this test' },
          line: 3,
          column: 3,
          suggestions: [
            {
              messageId: 'addAwait',
              data: { asyncNote: '' },
              output: `import { test } from 'node:test';
test('removes', async () => {
  await server.inject.delete('/items/1').expect(204);
  await server.close();
});`,
            },
          ],
        },
      ],
    },
  ],
});
