import rule from '../../src/rules/no-unawaited-assertion.js';
import { createRuleTester } from '../rule-tester.js';

createRuleTester().run('no-unawaited-assertion', rule, {
  valid: [
    // jest: awaited, returned, arrow body.
    `it('awaits', async () => { await expect(load()).resolves.toBe(1); });`,
    `it('returns', () => { return expect(load()).rejects.toThrow('boom'); });`,
    `it('arrow body', () => expect(load()).resolves.toEqual({ id: 1 }));`,
    // vitest: `.not.resolves` ordering, inside a handled Promise.all.
    `import { expect, it } from 'vitest';
it('all', async () => {
  await Promise.all([expect(a()).rejects.toThrow(), expect(b()).not.resolves.toBe(2)]);
});`,
    // `.rejects` as the arrow body passed to an awaited helper.
    `it('helper', async () => {
  await withServer(() => expect(fetchIt()).rejects.toThrow());
});`,
    // An assertion in an arrow returned by a helper that is awaited at every call.
    `const expectRejected = (p) => () => expect(p).rejects.toThrow();
it('a', async () => { await expectRejected(load())(); });`,
    // Stored in a variable that is awaited later.
    `it('variable', async () => {
  const pending = expect(load()).resolves.toBe(1);
  jest.advanceTimersByTime(10);
  await pending;
});`,
    // Collected with map and awaited.
    `it('map', async () => {
  await Promise.all(ids.map((id) => expect(load(id)).resolves.toBeDefined()));
});`,
    // Explicit fire-and-forget.
    `it('void', () => { void expect(load()).resolves.toBe(1); });`,
    // .then chain that is returned.
    `it('then', () => expect(load()).resolves.toBe(1).then(() => cleanup()));`,
    // Sync matchers are not async.
    `it('sync', () => { expect(1).toBe(1); expect(fn).not.toThrow(); });`,
    // expectTypeOf is a type assertion, never a promise.
    {
      code: `import { expectTypeOf, test } from 'vitest';
test('types', () => { expectTypeOf(load()).resolves.toEqualTypeOf<number>(); });`,
      filename: 'load.test-d.ts',
    },
    // mocha + chai-as-promised: returned, awaited, notify(done).
    `const chai = require('chai');
const { expect } = chai;
describe('x', function () {
  it('returns', function () { return expect(load()).to.eventually.equal(1); });
  it('awaits', async function () { await expect(load()).to.be.rejectedWith(TypeError); });
  it('notifies', function (done) { expect(load()).to.eventually.equal(1).notify(done); });
});`,
    // should style returned.
    `require('chai').should();
it('should', function () { return load().should.be.fulfilled; });`,
    // supertest (mocha, TS) inside a timer in an awaited \`new Promise\`: \`.catch(reject)\` hands a failure to the promise the
    // test awaits (round 8, from V7's labels).
    `import request from 'supertest';
import assert from 'node:assert/strict';
it('expired upload responds with 410 Gone', async () => {
  await new Promise<void>((resolve, reject) => {
    setTimeout(() => {
      request(app).patch(\`/files/\${id}\`).set('Tus-Resumable', '1.0.0').send(msg).expect(410).then(() => resolve()).catch(reject);
    }, 51);
  });
});`,
    // The same through \`.then(onDone, reject)\` (jest, JS).
    `it('answers 404', async () => {
  await new Promise((resolve, reject) => {
    setImmediate(() => {
      request(app).get('/missing').expect(404).then(resolve, reject);
    });
  });
});`,
    // supertest: awaited, returned, ended with done.
    `import request from 'supertest';
it('awaits', async () => { await request(app).get('/').expect(200); });
it('returns', () => request(app).get('/').expect(200));
it('done', (done) => { request(app).get('/').expect(200, done); });
it('end', function (done) { request(app).get('/').expect(200).end(done); });
it('end callback', function (done) {
  request(app).get('/').expect('Content-Type', /json/).end(function (err) { if (err) return done(err); done(); });
});`,
    // node:test: plan with await t.completed, assert.rejects awaited.
    `import test from 'node:test';
import assert from 'node:assert';
test('plan', async (t) => {
  t.plan(1);
  t.assert.rejects(load());
  await t.completed;
});
test('awaited', async () => { await assert.rejects(load(), /boom/); });`,
    // A fake-timer flush after the unawaited assertion.
    `import { vi, it, expect } from 'vitest';
it('timers', async () => {
  expect(poll()).resolves.toBe(1);
  await vi.advanceTimersByTimeAsync(1000);
});`,
    // jasmine expectAsync awaited; playwright web-first matcher awaited, sync matcher not async.
    `it('jasmine', async () => { await expectAsync(load()).toBeResolvedTo(1); });`,
    `import { test, expect } from '@playwright/test';
test('pw', async ({ page }) => {
  await expect(page.getByRole('button')).toBeVisible();
  expect(await page.title()).toBe('Home');
});`,
    // expect.poll awaited.
    `import { expect, test } from 'vitest';
test('poll', async () => { await expect.poll(() => count()).toBe(3); });`,
    // Inside a new Promise executor the test completes through resolve/reject.
    `it('executor', () => new Promise((resolve, reject) => {
  expect(load()).resolves.toBe(1).then(resolve, reject);
}));`,
    // A matcher that is never called runs nothing (jest/vitest valid-expect reports it); real code: hoppscotch.
    `it('uncalled', () => { expect(result).resolves.toBeNone; });`,
    // A local function named expect is not jest's.
    `function expect(x) { return { resolves: { toBe() {} } }; }
it('local', () => { expect(1).resolves.toBe(1); });`,
    // Outside any test (a helper module) it is not our business.
    `export function check(p) { expect(p).resolves.toBe(1); }`,
    // TSX file with JSX.
    {
      code: `it('renders', async () => { render(<App />); await expect(screen.findByText('Hi')).resolves.toBeTruthy(); });`,
      filename: 'app.test.tsx',
    },
    // CommonJS with node:assert.
    {
      code: `const assert = require('node:assert');
const { it } = require('node:test');
it('cjs', async () => { await assert.doesNotReject(load()); });`,
      languageOptions: { parserOptions: { sourceType: 'script' } },
    },
    // bun:test waits for `.resolves` / `.rejects` before the matcher returns, so a floating one still runs and fails the test (issue #21).
    `import { describe, expect, test } from 'bun:test';
describe('loader', () => {
  test('rejects', () => {
    expect(load()).rejects.toThrow('boom');
  });
  test('resolves', async () => {
    expect(load()).resolves.toEqual({ id: 1 });
    expect(other()).not.resolves.toBe(2);
  });
});`,
    // bun:test in TSX, with an aliased import.
    {
      code: `import { expect as check, it } from 'bun:test';
it('renders', () => {
  render(<App />);
  check(screen.findByText('Hi')).resolves.toBeTruthy();
});`,
      filename: 'app.test.tsx',
    },
    // vitest awaits a floating `.resolves` / `.rejects` that is still pending when the test returns, and fails the test
    // with it: nothing awaited after the assertion means it is still pending then (issue #21, V3: drizzle replicas, unkey).
    `import { expect, it, vi } from 'vitest';
it('routes to the primary', async () => {
  const spy = vi.spyOn(primary, 'execute');
  expect(db.execute(query)).rejects.toThrow();
  expect(spy).toHaveBeenCalledTimes(1);
});
it('hashes', () => {
  for (const [key, hash] of Object.entries(hashes)) {
    expect(sha256(key)).resolves.toBe(hash);
  }
});
it('is last', async () => {
  await setup();
  expect(load()).not.resolves.toBe(2);
});`,
    // vitest globals: the file shows it runs on vitest through `vi`; the class static block of issue #26 alike.
    `vi.mock('./config');
it('rethrows', () => {
  vi.mocked(loadConfig).mockReturnValueOnce(() => Promise.reject(error));
  expect(getEndpoint()).rejects.toThrow(error);
  expect(loadConfig).toHaveBeenCalledTimes(1);
});
it('static block', async () => {
  class Fixture {
    static {
      expect(load()).resolves.toBe(1);
    }
  }
  expect(Fixture).toBeDefined();
});`,
    {
      // vitest in JS with require.
      code: `const { expect, test } = require('vitest');
test('rejects', function () {
  expect(parse('')).rejects.toThrow('empty');
});`,
      languageOptions: { parserOptions: { sourceType: 'script' } },
    },
  ],
  invalid: [
    {
      code: `it('a', async () => { expect(load()).resolves.toBe(1); });`,
      output: `it('a', async () => { await expect(load()).resolves.toBe(1); });`,
      errors: [{ messageId: 'unawaitedAssertion', data: { kind: '`.resolves`' }, line: 1, column: 23 }],
    },
    {
      // Not async: a suggestion adds `async`; the last statement can also be returned.
      code: `test('b', () => {
  expect(load()).rejects.toThrow();
});`,
      output: null,
      errors: [
        {
          messageId: 'unawaitedAssertion',
          line: 2,
          column: 3,
          suggestions: [
            {
              messageId: 'addAwait',
              data: { asyncNote: ' and make the test function `async`' },
              output: `test('b', async () => {
  await expect(load()).rejects.toThrow();
});`,
            },
            {
              messageId: 'returnPromise',
              output: `test('b', () => {
  return expect(load()).rejects.toThrow();
});`,
            },
          ],
        },
      ],
    },
    {
      // vitest `.not.resolves` order and expect.poll.
      code: `import { expect, test } from 'vitest';
test('c', async () => {
  expect(load()).not.resolves.toBe(2);
  expect.poll(() => count()).toBe(3);
  await settle();
});`,
      output: `import { expect, test } from 'vitest';
test('c', async () => {
  await expect(load()).not.resolves.toBe(2);
  await expect.poll(() => count()).toBe(3);
  await settle();
});`,
      errors: [
        { messageId: 'unawaitedAssertion', data: { kind: '`.resolves`' }, line: 3, column: 3 },
        { messageId: 'unawaitedAssertion', data: { kind: '`expect.poll`' }, line: 4, column: 3 },
      ],
    },
    {
      // vitest: an `await` after the assertion lets its promise settle first; a settled one is not awaited at the
      // end, so the test passes and the failure escapes as an unhandled rejection (vitest 4.1).
      code: `import { expect, it } from 'vitest';
it('rejects, then waits', async () => {
  expect(parse('')).rejects.toThrow('empty');
  await flush();
});
it('waits inside the loop', async () => {
  for (const id of ids) {
    await prepare(id);
    expect(load(id)).resolves.toBeDefined();
  }
});
it('returns another promise', () => {
  expect(load()).resolves.toBe(1);
  return settle();
});`,
      output: `import { expect, it } from 'vitest';
it('rejects, then waits', async () => {
  await expect(parse('')).rejects.toThrow('empty');
  await flush();
});
it('waits inside the loop', async () => {
  for (const id of ids) {
    await prepare(id);
    await expect(load(id)).resolves.toBeDefined();
  }
});
it('returns another promise', () => {
  expect(load()).resolves.toBe(1);
  return settle();
});`,
      errors: [
        { messageId: 'unawaitedAssertion', data: { kind: '`.rejects`' }, line: 3, column: 3 },
        { messageId: 'unawaitedAssertion', data: { kind: '`.resolves`' }, line: 9, column: 5 },
        {
          messageId: 'unawaitedAssertion',
          data: { kind: '`.resolves`' },
          line: 13,
          column: 3,
          suggestions: [
            {
              messageId: 'addAwait',
              data: { asyncNote: ' and make the test function `async`' },
              output: `import { expect, it } from 'vitest';
it('rejects, then waits', async () => {
  expect(parse('')).rejects.toThrow('empty');
  await flush();
});
it('waits inside the loop', async () => {
  for (const id of ids) {
    await prepare(id);
    expect(load(id)).resolves.toBeDefined();
  }
});
it('returns another promise', async () => {
  await expect(load()).resolves.toBe(1);
  return settle();
});`,
            },
          ],
        },
      ],
    },
    {
      // vitest hooks are not tests: vitest waits only for a test's own assertions.
      code: `import { beforeEach, expect } from 'vitest';
beforeEach(() => {
  expect(connect()).resolves.toBe(true);
});`,
      output: null,
      errors: [
        {
          messageId: 'unawaitedAssertion',
          line: 3,
          column: 3,
          suggestions: [
            {
              messageId: 'addAwait',
              data: { asyncNote: ' and make the test function `async`' },
              output: `import { beforeEach, expect } from 'vitest';
beforeEach(async () => {
  await expect(connect()).resolves.toBe(true);
});`,
            },
            {
              messageId: 'returnPromise',
              output: `import { beforeEach, expect } from 'vitest';
beforeEach(() => {
  return expect(connect()).resolves.toBe(true);
});`,
            },
          ],
        },
      ],
    },
    {
      // mocha + chai-as-promised in a function() test: nothing returned.
      code: `const { expect } = require('chai');
describe('x', function () {
  it('eventually', function () {
    expect(load()).to.eventually.deep.equal({ a: 1 });
    expect(save()).to.be.rejectedWith(TypeError);
  });
});`,
      output: null,
      languageOptions: { parserOptions: { sourceType: 'script' } },
      errors: [
        {
          messageId: 'unawaitedAssertion',
          data: { kind: 'chai-as-promised' },
          line: 4,
          column: 5,
          suggestions: [
            {
              messageId: 'addAwait',
              output: `const { expect } = require('chai');
describe('x', function () {
  it('eventually', async function () {
    await expect(load()).to.eventually.deep.equal({ a: 1 });
    expect(save()).to.be.rejectedWith(TypeError);
  });
});`,
            },
          ],
        },
        {
          messageId: 'unawaitedAssertion',
          line: 5,
          column: 5,
          suggestions: [
            {
              messageId: 'addAwait',
              output: `const { expect } = require('chai');
describe('x', function () {
  it('eventually', async function () {
    expect(load()).to.eventually.deep.equal({ a: 1 });
    await expect(save()).to.be.rejectedWith(TypeError);
  });
});`,
            },
            {
              messageId: 'returnPromise',
              output: `const { expect } = require('chai');
describe('x', function () {
  it('eventually', function () {
    expect(load()).to.eventually.deep.equal({ a: 1 });
    return expect(save()).to.be.rejectedWith(TypeError);
  });
});`,
            },
          ],
        },
      ],
    },
    {
      // chai should style.
      code: `import 'chai/register-should';
it('should', async () => { load().should.be.rejected; });`,
      output: `import 'chai/register-should';
it('should', async () => { await load().should.be.rejected; });`,
      errors: [{ messageId: 'unawaitedAssertion', line: 2, column: 28 }],
    },
    {
      // node:assert rejects in a sync node:test test, t.assert in an async one.
      code: `import { test } from 'node:test';
import assert from 'node:assert/strict';
test('sync', () => {
  assert.rejects(load(), /boom/);
});
test('ctx', async (t) => {
  t.assert.doesNotReject(load());
});`,
      output: `import { test } from 'node:test';
import assert from 'node:assert/strict';
test('sync', () => {
  assert.rejects(load(), /boom/);
});
test('ctx', async (t) => {
  await t.assert.doesNotReject(load());
});`,
      errors: [
        {
          messageId: 'unawaitedAssertion',
          data: { kind: '`assert.rejects`' },
          line: 4,
          column: 3,
          suggestions: [
            {
              messageId: 'addAwait',
              output: `import { test } from 'node:test';
import assert from 'node:assert/strict';
test('sync', async () => {
  await assert.rejects(load(), /boom/);
});
test('ctx', async (t) => {
  t.assert.doesNotReject(load());
});`,
            },
            {
              messageId: 'returnPromise',
              output: `import { test } from 'node:test';
import assert from 'node:assert/strict';
test('sync', () => {
  return assert.rejects(load(), /boom/);
});
test('ctx', async (t) => {
  t.assert.doesNotReject(load());
});`,
            },
          ],
        },
        { messageId: 'unawaitedAssertion', data: { kind: '`assert.doesNotReject`' }, line: 7, column: 3 },
      ],
    },
    {
      // supertest chain with neither await, return nor a callback.
      code: `import request from 'supertest';
it('req', async () => {
  request(app).get('/users').expect(200);
});`,
      output: `import request from 'supertest';
it('req', async () => {
  await request(app).get('/users').expect(200);
});`,
      errors: [{ messageId: 'unawaitedAssertion', data: { kind: 'supertest' }, line: 3, column: 3 }],
    },
    {
      // jasmine expectAsync and a playwright web-first matcher.
      code: `import { test, expect } from '@playwright/test';
test('pw', async ({ page }) => {
  expect(page.getByText('Saved')).toBeVisible();
});
it('jasmine', async () => { expectAsync(load()).toBeRejected(); });`,
      output: `import { test, expect } from '@playwright/test';
test('pw', async ({ page }) => {
  await expect(page.getByText('Saved')).toBeVisible();
});
it('jasmine', async () => { await expectAsync(load()).toBeRejected(); });`,
      errors: [
        { messageId: 'unawaitedAssertion', data: { kind: '`toBeVisible`' }, line: 3, column: 3 },
        { messageId: 'unawaitedAssertion', data: { kind: '`toBeRejected`' }, line: 5, column: 29 },
      ],
    },
    {
      // Stored but never read; forEach drops what its callback returns.
      code: `it('dropped', async () => {
  const pending = expect(load()).resolves.toBe(1);
  [1, 2].forEach((n) => expect(load(n)).resolves.toBe(n));
});`,
      output: null,
      errors: [
        { messageId: 'unawaitedAssertion', line: 2, column: 19 },
        { messageId: 'unawaitedAssertion', line: 3, column: 25 },
      ],
    },
    {
      // A `.then` chain that nobody waits for, in a hook.
      code: `beforeEach(async () => {
  expect(load()).resolves.toBe(1).then(() => ready());
});`,
      output: `beforeEach(async () => {
  await expect(load()).resolves.toBe(1).then(() => ready());
});`,
      errors: [{ messageId: 'unawaitedAssertion', line: 2, column: 3 }],
    },
    {
      // A map that nobody collects; JSX in the file.
      code: `it('map', async () => {
  render(<List />);
  ids.map((id) => expect(load(id)).resolves.toBeDefined());
});`,
      filename: 'list.test.tsx',
      output: null,
      errors: [{ messageId: 'unawaitedAssertion', line: 3, column: 19 }],
    },
    {
      // A conditional statement needs parentheses after `await`.
      code: `it('cond', async () => {
  flag ? expect(a()).resolves.toBe(1) : expect(b()).resolves.toBe(2);
});`,
      output: `it('cond', async () => {
  await (flag ? expect(a()).resolves.toBe(1) : expect(b()).resolves.toBe(2));
});`,
      errors: [
        { messageId: 'unawaitedAssertion', line: 2, column: 10 },
        { messageId: 'unawaitedAssertion', line: 2, column: 41 },
      ],
    },
    {
      // Issue #26: `await` is a syntax error in a class `static {}` block, even inside an async test: no fix, no suggestion.
      // (jest: under vitest nothing follows the assertion, so vitest waits for it and it is valid, see the valid cases.)
      code: `import { expect, it } from '@jest/globals';
it('static block', async () => {
  class Fixture {
    static {
      expect(load()).resolves.toBe(1);
    }
  }
  expect(Fixture).toBeDefined();
});`,
      output: null,
      errors: [
        { messageId: 'unawaitedAssertion', line: 5, column: 7, suggestions: [] },
      ],
    },
    {
      // Script code naming `await`: making the test `async` would break it, so only `return` is offered.
      code: `const { expect } = require('chai');
it('names await', function () {
  var await = load();
  expect(await).to.eventually.equal(1);
});`,
      output: null,
      languageOptions: { parserOptions: { sourceType: 'script' } },
      errors: [
        { messageId: 'unawaitedAssertion', line: 4, column: 3, suggestions: [
            { messageId: 'returnPromise', output: `const { expect } = require('chai');
it('names await', function () {
  var await = load();
  return expect(await).to.eventually.equal(1);
});` },
          ] },
      ],
    },
    {
      // bun:test blocks only on `.resolves` / `.rejects`: a floating supertest request is still dropped.
      code: `import { expect, test } from 'bun:test';
import request from 'supertest';
test('bun still drops other promises', () => {
  expect.assertions(1);
  request(app).get('/').expect(200);
});`,
      output: null,
      errors: [
        { messageId: 'unawaitedAssertion', data: { kind: 'supertest' }, line: 5, column: 3, suggestions: [
            { messageId: 'addAwait', output: `import { expect, test } from 'bun:test';
import request from 'supertest';
test('bun still drops other promises', async () => {
  expect.assertions(1);
  await request(app).get('/').expect(200);
});` },
            { messageId: 'returnPromise', output: `import { expect, test } from 'bun:test';
import request from 'supertest';
test('bun still drops other promises', () => {
  expect.assertions(1);
  return request(app).get('/').expect(200);
});` },
          ] },
      ],
    },
    {
      // \`.catch(fail)\` where \`fail\` is not the executor's rejection: the failure settles nothing the test waits for.
      code: `import request from 'supertest';
it('answers 404', async () => {
  await new Promise((resolve, reject) => {
    setImmediate(() => {
      request(app).get('/missing').expect(404).then(() => resolve()).catch(fail);
    });
  });
});`,
      output: null,
      errors: [{ messageId: 'unawaitedAssertion', data: { kind: 'supertest' }, line: 5, column: 7 }],
    },
    {
      // A sequence is awaited whole, inside parentheses.
      code: `it('sequence', async () => {
  (setup(), expect(load()).resolves.toBe(1));
});`,
      output: `it('sequence', async () => {
  (await (setup(), expect(load()).resolves.toBe(1)));
});`,
      errors: [
        { messageId: 'unawaitedAssertion', line: 2, column: 13 },
      ],
    },
  ],
});
