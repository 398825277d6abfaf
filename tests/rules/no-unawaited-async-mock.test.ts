import rule from '../../src/rules/no-unawaited-async-mock.js';
import { createRuleTester } from '../rule-tester.js';
import { typedFile, typedFixtureRoot } from '../typed-rule-tester.js';

/** Full type information over tests/fixtures/typed, whose api.ts has async `fetchUser` and sync `formatUser`. */
const typed = { filename: typedFile('file.ts'), languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: typedFixtureRoot } } };

/**
 * One test that configures and calls `count` spies, then flushes: each dropped call looks ahead for the
 * flush. Sized to stay fast when that look-ahead is linear; copying the rest of the list per call made
 * 16,000 of these take a minute (issue #26).
 */
function manySpiesThenFlush(count: number): string {
  const lines = Array.from({ length: count }, (_, index) => `  const spy${index} = vi.fn().mockResolvedValue(${index});\n  spy${index}();`);
  return `import { vi, it } from 'vitest';\nit('many', async () => {\n${lines.join('\n')}\n  await vi.runAllTimersAsync();\n});`;
}

createRuleTester().run('no-unawaited-async-mock', rule, {
  valid: [
    // A plain implementation whose every return is `Promise.resolve(x)`: its work is done when the call returns (jest JS spy in a
    // hook; vitest vi.fn with an expression body; sinon callsFake).
    `const integration = require('./vwo');
beforeEach(() => {
  jest.spyOn(integration, 'init').mockImplementation(() => {
    window.VWO = { event: jest.fn() };
    return Promise.resolve(window.VWO);
  });
});
test('tracks', async () => {
  integration.init();
  integration.track({ event: 'clicked' });
  expect(window.VWO.event).toHaveBeenCalledWith('clicked');
});`,
    `import { it, expect, vi } from 'vitest';
const connect = vi.fn(() => Promise.resolve({ id: 1 }));
it('connects once', () => {
  connect();
  expect(connect).toHaveBeenCalledTimes(1);
});`,
    {
      code: `const sinon = require('sinon');
const flush = sinon.stub().callsFake(() => { queue.length = 0; return Promise.resolve(); });
it('flushes', function () {
  flush();
  sinon.assert.calledOnce(flush);
});`,
      languageOptions: { parserOptions: { sourceType: 'script' } },
    },
    // A mock that only resolves with a value, called and dropped with nothing chained: the call is recorded when made (the test
    // reads the record), and the promise can neither reject nor do work later, so nothing is lost.
    // jest, stored in unused variables:
    `const fetchMeta = jest.fn().mockResolvedValue({ issuer: 'https://a/' });
it('dedups', () => {
  const _first = fetchMeta();
  const _second = fetchMeta();
  expect(fetchMeta).toHaveBeenCalledTimes(2);
});`,
    // vitest: a spied method resolving with a value, and mockReturnValue(Promise.resolve(x)).
    `import { it, expect, vi } from 'vitest';
import { api } from './api';
const ping = vi.fn().mockReturnValue(Promise.resolve(true));
it('calls', async () => {
  vi.spyOn(api, 'get').mockResolvedValue({ ok: true });
  api.get('/x');
  ping();
  expect(api.get).toHaveBeenCalledWith('/x');
});`,
    // mocha + sinon (JS): a stub that resolves; jasmine resolveTo.
    {
      code: `const sinon = require('sinon');
const send = sinon.stub().resolves();
it('sends', function () {
  send('a');
  sinon.assert.calledOnceWithExactly(send, 'a');
});`,
      languageOptions: { parserOptions: { sourceType: 'script' } },
    },
    `const load = jasmine.createSpy('load').and.resolveTo(1);
it('loads', () => {
  load();
  expect(load).toHaveBeenCalled();
});`,
    // jest: the async mock's call is awaited, returned, an arrow body, or passed on.
    `const fetchUser = jest.fn().mockResolvedValue({ id: 1 });
it('awaits', async () => { await fetchUser(1); });
it('returns', () => { return fetchUser(1); });
it('arrow', () => fetchUser(1));
it('then', () => fetchUser(1).then((user) => expect(user.id).toBe(1)));
it('passed on', async () => { await expect(fetchUser(1)).resolves.toEqual({ id: 1 }); });`,
    // vitest: inside an awaited Promise.all, stored then awaited, void-ed fire-and-forget.
    `import { vi, it } from 'vitest';
const load = vi.fn(async () => 1);
it('all', async () => { await Promise.all([load(), load()]); });
it('stored', async () => {
  const pending = load();
  vi.advanceTimersByTime(10);
  await pending;
});
it('void', () => { void load(); });`,
    // An unawaited call followed by an awaited fake-timer flush.
    `import { vi, it, expect } from 'vitest';
const tick = vi.fn().mockResolvedValue(undefined);
it('flush', async () => {
  tick();
  await vi.advanceTimersByTimeAsync(1000);
  expect(tick).toHaveBeenCalled();
});`,
    // A sync function named like an async one.
    `const client = { disconnect() {} };
function disconnect() { client.disconnect(); }
it('disconnects', () => { disconnect(); expect(client).toBeDefined(); });`,
    // A mock whose configuration is a plain value is not async; mixed shapes are left alone.
    `const read = jest.fn().mockReturnValue(1);
const both = jest.fn();
both.mockResolvedValueOnce(1);
both.mockReturnValue(2);
it('sync', () => { read(); both(); });`,
    // A resolved mock configured in another test does not apply here.
    `const api = { get: jest.fn() };
it('first', async () => { api.get.mockResolvedValue(1); await api.get(); });
it('second', () => { api.get(); });`,
    // mocha + sinon: resolves() but the test completes through done.
    `const sinon = require('sinon');
describe('s', function () {
  it('done', function (done) {
    const save = sinon.stub().resolves(1);
    save().then(() => done());
  });
});`,
    // node:test: mock.fn(async) inside a planned test with await t.completed.
    `import { test, mock } from 'node:test';
test('plan', async (t) => {
  t.plan(1);
  const send = mock.fn(async () => 1);
  send().then((value) => t.assert.equal(value, 1));
  await t.completed;
});`,
    // Calls inside mock implementations are mock code, not test code.
    `const inner = jest.fn().mockResolvedValue(1);
const outer = jest.fn();
it('impl', async () => {
  outer.mockImplementation(() => { inner(); return 2; });
  await run();
});`,
    // A same-file async helper awaited in an async test, returned in a sync one.
    `async function seed() { await db.insert(); }
it('awaits', async () => { await seed(); });
it('returns', () => seed());
beforeEach(() => { return seed(); });`,
    // An async function called inside a new Promise executor.
    `async function step() {}
it('executor', () => new Promise((resolve, reject) => { step().then(resolve, reject); }));`,
    // mockResolvedValue shorthand itself is fine; Promise.resolve in a call that is not a mock config is fine.
    `const get = vi.fn().mockResolvedValue(1);
const p = Promise.resolve(1);
cache.set('k', Promise.resolve(2));`,
    // sinon.returns on something that is not a sinon stub.
    `const builder = makeBuilder();
builder.returns(Promise.resolve(1));`,
    // Module mock with a resolved import: awaited (TS, JSX).
    {
      code: `import { fetchUser } from './api';
vi.mock('./api');
it('renders', async () => {
  vi.mocked(fetchUser).mockResolvedValue({ id: 1 });
  render(<Profile />);
  await fetchUser(1);
});`,
      filename: 'profile.test.tsx',
    },
    // CommonJS jasmine: resolveTo, awaited.
    {
      code: `const svc = { load: jasmine.createSpy('load').and.resolveTo(1) };
it('jasmine', async () => { await svc.load(); });`,
      languageOptions: { parserOptions: { sourceType: 'script' } },
    },
    // With types: awaited promise-typed calls, and calls that return plain values.
    {
      code: `import { fetchUser, formatUser, plainUser, UserService } from './api';
it('typed', async () => {
  await fetchUser(1);
  formatUser(plainUser);
  void new UserService().getUser(1);
});`,
      ...typed,
      options: [{ typedThenables: true }],
    },
    // Without types the same dropped call is not known to be async.
    `import { fetchUser } from './api';
it('untyped', async () => { fetchUser(1); });`,
    // An implementation that builds a fresh value per call is not the long form of mockResolvedValue (real code: novu, hoppscotch, TanStack query).
    `const send = jest.fn();
send.mockImplementation(() => Promise.resolve({}));
send.mockImplementationOnce(() => Promise.resolve(makeUser()));
send.mockImplementation((key) => Promise.resolve(key));
send.mockImplementation(() => Promise.reject(new Error('offline')));`,
    // Reading a mock is not calling it; a same-named local function or parameter is not the mock.
    `const save = vi.fn().mockResolvedValue(1);
beforeEach(() => { save.mockClear(); });
it('reads', async () => {
  await run();
  expect(save).toHaveBeenCalledWith(1);
  expect(save.mock.calls[0]).toEqual([1]);
});
it('shadowed', () => {
  function save() { return 1; }
  save();
});
it.each([[() => 1]])('param', (save) => { save(); });`,
    // Outside tests nothing is reported.
    `const f = jest.fn().mockResolvedValue(1);
f();`,
    // A rejection made at setup that the next statement consumes before anything yields cannot go unhandled (issue #21):
    // vitest, awaited through the code under test; other setup in between does not count.
    `import { vi, it, expect } from 'vitest';
import { api } from './api';
import { loadUser } from './user';
vi.mock('./api');
it('reports the outage', async () => {
  vi.mocked(api.get).mockReturnValueOnce(Promise.reject(new Error('offline')));
  vi.mocked(api.post).mockResolvedValue({ ok: true });
  await expect(loadUser(1)).rejects.toThrow('offline');
});`,
    // jest: consumed by a declaration that awaits, by a direct handled call, and after an `if` block.
    `const get = jest.fn();
it('declaration', async () => {
  get.mockReturnValue(Promise.reject(new Error('x')));
  const result = await service.fetch().catch((error) => error);
  expect(result).toBeInstanceOf(Error);
});
it('direct', async () => {
  get.mockReturnValueOnce(Promise.reject(new Error('x')));
  await expect(get()).rejects.toThrow('x');
});
it('branch', async () => {
  if (failing) {
    get.mockReturnValueOnce(Promise.reject(new Error('x')));
  }
  await service.fetch();
});
it('called by the matcher', () => {
  get.mockReturnValueOnce(Promise.reject(new Error('x')));
  expect(() => service.start()).not.toThrow();
});`,
    // React (TSX): rendering calls the code under test synchronously, which takes the promise.
    {
      code: `import { render, screen } from '@testing-library/react';
const fetchProfile = jest.fn();
it('shows the error', async () => {
  fetchProfile.mockReturnValueOnce(Promise.reject(new Error('down')));
  render(<Profile load={fetchProfile} />);
  expect(await screen.findByText('down')).toBeTruthy();
});`,
      filename: 'profile.test.tsx',
    },
    // mocha + sinon (CommonJS): returned to the runner; jasmine: awaited through expectAsync.
    {
      code: `const sinon = require('sinon');
describe('store', function () {
  it('fails', function () {
    const stub = sinon.stub(db, 'load');
    stub.returns(Promise.reject(new Error('x')));
    return store.open().catch(function (error) { expect(error.message).to.equal('x'); });
  });
  it('jasmine', async function () {
    const spy = jasmine.createSpy('load');
    spy.and.returnValue(Promise.reject(new Error('x')));
    await expectAsync(store.openWith(spy)).toBeRejected();
  });
});`,
      languageOptions: { parserOptions: { sourceType: 'script' } },
    },
    // A hook that consumes it itself; a helper whose caller decides when the mock is called.
    `beforeEach(async () => {
  client.connect.mockReturnValueOnce(Promise.reject(new Error('refused')));
  await service.start();
});
function failNextGet() {
  api.get.mockReturnValueOnce(Promise.reject(new Error('offline')));
}
it('retries', async () => {
  failNextGet();
  await expect(service.load()).resolves.toEqual(1);
});`,
    // A promise dropped in an event listener or timer callback is dropped when someone else calls it, often after the
    // test: "await it in the test" is no advice there (mocha, real code: mongoose's connection tests; vitest timers).
    {
      code: `const mongoose = require('mongoose');
it('emits connected events on both', function () {
  const db = mongoose.createConnection();
  let hit = false;
  db.on('connected', function () {
    hit && close();
    hit = true;
  });
  db.openUri(uri);
  async function close() {
    await db.close();
  }
});`,
      languageOptions: { parserOptions: { sourceType: 'script' } },
    },
    `import { vi, it } from 'vitest';
const save = vi.fn().mockResolvedValue(1);
it('later', () => {
  setTimeout(() => {
    save();
  }, 10);
  emitter.once('ready', () => { save(); });
});`,
    // A variable that holds a built value (`new Map()`, an array) is not the object literal whose
    // property is the async mock, even when its name matches the literal's key (growthbook's demo-datasource test).
    `let factMetrics: Map<string, { id: string }>;
function makeContext() {
  return { models: { factMetrics: { delete: jest.fn(async (id: string) => { factMetrics.delete(id); }) } } };
}
beforeEach(() => { factMetrics = new Map(); });
it('heals a partial seed', async () => {
  factMetrics.delete('fm_1');
  await seed(makeContext());
});`,
    `import { vi, it } from 'vitest';
const cache = new Set();
const deps = { cache: { clear: vi.fn().mockResolvedValue(undefined) } };
it('clears the local set', () => {
  cache.clear();
  run(deps);
});`,
    {
      code: `const sinon = require('sinon');
const queue = [];
const services = { queue: { push: sinon.stub().resolves() } };
it('pushes locally', function () {
  queue.push(1);
  return start(services);
});`,
      languageOptions: { parserOptions: { sourceType: 'script' } },
    },
    // Issue #26: one test with many configured and called spies, flushed at the end (a regression case for speed, not timed).
    { name: 'issue #26: 1,000 configured and called spies, then a flush', code: manySpiesThenFlush(1000) },
    {
      // Resolved long forms are style, not a hazard: left to prefer-mock-promise-shorthand by default
      // (shapes from node-red's context_spec.js, renovate's autodiscover.spec.ts, sinon and jasmine suites).
      code: `const get = jest.fn();
get.mockReturnValue(Promise.resolve({ ok: true }));
get.mockReturnValueOnce(Promise.resolve(undefined));
get.mockImplementation(() => Promise.resolve());
get.mockImplementationOnce(() => Promise.reject(new Error('per call')));
const stub = sinon.stub().returns(Promise.resolve([]));
const spy = jasmine.createSpy('s');
spy.and.returnValue(Promise.resolve(1));`,
    },
  ],
  invalid: [
    {
      // Look-alikes of the resolved implementation: one that settles later, one that may return a rejection (jest).
      code: `const later = jest.fn(() => new Promise((resolve) => setTimeout(resolve, 10)));
const maybe = jest.fn((ok) => { if (ok) return Promise.resolve(1); return Promise.reject(new Error('no')); });
it('drops', () => {
  later();
  maybe(false);
});`,
      errors: [
        { messageId: 'unawaitedAsyncMock', data: { name: 'later', how: 'an async implementation' }, line: 4, column: 3, suggestions: [
          { messageId: 'addAwait', data: { asyncNote: ' and make the test function `async`' }, output: `const later = jest.fn(() => new Promise((resolve) => setTimeout(resolve, 10)));
const maybe = jest.fn((ok) => { if (ok) return Promise.resolve(1); return Promise.reject(new Error('no')); });
it('drops', async () => {
  await later();
  maybe(false);
});` },
        ] },
        { messageId: 'unawaitedAsyncMock', data: { name: 'maybe', how: 'an async implementation' }, line: 5, column: 3, suggestions: [
          { messageId: 'addAwait', data: { asyncNote: ' and make the test function `async`' }, output: `const later = jest.fn(() => new Promise((resolve) => setTimeout(resolve, 10)));
const maybe = jest.fn((ok) => { if (ok) return Promise.resolve(1); return Promise.reject(new Error('no')); });
it('drops', async () => {
  later();
  await maybe(false);
});` },
          { messageId: 'returnPromise', output: `const later = jest.fn(() => new Promise((resolve) => setTimeout(resolve, 10)));
const maybe = jest.fn((ok) => { if (ok) return Promise.resolve(1); return Promise.reject(new Error('no')); });
it('drops', () => {
  later();
  return maybe(false);
});` },
        ] },
      ],
    },
    {
      // Look-alike of the resolve-only case: a rejection configured for this test applies too, so the dropped promise can reject unseen.
      code: `const fetchMeta = jest.fn().mockResolvedValue({ issuer: 'https://a/' });
it('fails over', () => {
  fetchMeta.mockRejectedValueOnce(new Error('down'));
  fetchMeta();
  expect(fetchMeta).toHaveBeenCalledTimes(1);
});`,
      errors: [{ messageId: 'unawaitedAsyncMock', data: { name: 'fetchMeta', how: 'mockRejectedValueOnce' }, line: 4, column: 3, suggestions: [
        { messageId: 'addAwait', output: `const fetchMeta = jest.fn().mockResolvedValue({ issuer: 'https://a/' });
it('fails over', async () => {
  fetchMeta.mockRejectedValueOnce(new Error('down'));
  await fetchMeta();
  expect(fetchMeta).toHaveBeenCalledTimes(1);
});` }
      ] }],
    },
    {
      // vitest: an async implementation does work after the call returns; dropped, the test reads the state before it is done.
      code: `import { it, expect, vi } from 'vitest';
const saved: string[] = [];
const save = vi.fn(async (id: string) => { await Promise.resolve(); saved.push(id); });
it('saves', () => {
  save('a');
  expect(saved).toEqual(['a']);
});`,
      errors: [{ messageId: 'unawaitedAsyncMock', data: { name: 'save', how: 'an async implementation' }, line: 5, column: 3, suggestions: [
        { messageId: 'addAwait', output: `import { it, expect, vi } from 'vitest';
const saved: string[] = [];
const save = vi.fn(async (id: string) => { await Promise.resolve(); saved.push(id); });
it('saves', async () => {
  await save('a');
  expect(saved).toEqual(['a']);
});` },
      ] }],
    },
    {
      // The mock is put on the Map itself, so the Map's `delete` is the async mock.
      code: `const store = new Map();
store.delete = jest.fn(async () => true);
it('drops', () => {
  store.delete('a');
});`,
      errors: [
        {
          messageId: 'unawaitedAsyncMock',
          data: { name: 'store.delete', how: 'an async implementation' },
          line: 4,
          column: 3,
          suggestions: [
            {
              messageId: 'addAwait',
              data: { asyncNote: ' and make the test function `async`' },
              output: `const store = new Map();
store.delete = jest.fn(async () => true);
it('drops', async () => {
  await store.delete('a');
});`,
            },
            {
              messageId: 'returnPromise',
              output: `const store = new Map();
store.delete = jest.fn(async () => true);
it('drops', () => {
  return store.delete('a');
});`,
            },
          ],
        },
      ],
    },
    {
      // With types: a dropped call whose type is a promise.
      code: `import { fetchUser, UserService } from './api';
it('typed', async () => {
  fetchUser(1);
  new UserService().getUser(2);
});`,
      ...typed,
      options: [{ typedThenables: true }],
      errors: [
        {
          messageId: 'unawaitedThenable',
          data: { where: 'this test' },
          line: 3,
          column: 3,
          suggestions: [
            {
              messageId: 'addAwait',
              output: `import { fetchUser, UserService } from './api';
it('typed', async () => {
  await fetchUser(1);
  new UserService().getUser(2);
});`,
            },
          ],
        },
        {
          messageId: 'unawaitedThenable',
          line: 4,
          column: 3,
          suggestions: [
            {
              messageId: 'addAwait',
              output: `import { fetchUser, UserService } from './api';
it('typed', async () => {
  fetchUser(1);
  await new UserService().getUser(2);
});`,
            },
            {
              messageId: 'returnPromise',
              output: `import { fetchUser, UserService } from './api';
it('typed', async () => {
  fetchUser(1);
  return new UserService().getUser(2);
});`,
            },
          ],
        },
      ],
    },
    {
      // jest: dropped call of a rejecting mock: its rejection goes unhandled.
      code: `const fetchUser = jest.fn().mockRejectedValue(new Error('down'));
it('drops', async () => {
  fetchUser(1);
});`,
      errors: [
        {
          messageId: 'unawaitedAsyncMock',
          data: { name: 'fetchUser', how: 'mockRejectedValue' },
          line: 3,
          column: 3,
          suggestions: [
            {
              messageId: 'addAwait',
              data: { asyncNote: '' },
              output: `const fetchUser = jest.fn().mockRejectedValue(new Error('down'));
it('drops', async () => {
  await fetchUser(1);
});`,
            },
            {
              messageId: 'returnPromise',
              output: `const fetchUser = jest.fn().mockRejectedValue(new Error('down'));
it('drops', async () => {
  return fetchUser(1);
});`,
            },
          ],
        },
      ],
    },
    {
      // vitest: spyOn(...).mockRejectedValue makes obj.m() async; sync test gets `async` added.
      code: `import { vi, it, expect } from 'vitest';
it('spy', () => {
  vi.spyOn(store, 'save').mockRejectedValue(new Error('down'));
  store.save({ id: 1 });
  expect(store.save).toHaveBeenCalled();
});`,
      errors: [
        {
          messageId: 'unawaitedAsyncMock',
          data: { name: 'store.save', how: 'mockRejectedValue' },
          line: 4,
          column: 3,
          suggestions: [
            {
              messageId: 'addAwait',
              data: { asyncNote: ' and make the test function `async`' },
              output: `import { vi, it, expect } from 'vitest';
it('spy', async () => {
  vi.spyOn(store, 'save').mockRejectedValue(new Error('down'));
  await store.save({ id: 1 });
  expect(store.save).toHaveBeenCalled();
});`,
            },
          ],
        },
      ],
    },
    {
      // sinon .resolves() in a hook, a `.then` chain nobody waits for (its check runs after the test). Stored and never read: not
      // reported, a resolved value neither rejects nor does work later.
      code: `const sinon = require('sinon');
let save;
beforeEach(function () { save = sinon.stub().resolves(1); });
it('chain', function () {
  save().then((id) => expect(id).to.equal(1));
});
it('stored', async function () {
  const pending = save();
});`,
      languageOptions: { parserOptions: { sourceType: 'script' } },
      errors: [
        {
          messageId: 'unawaitedAsyncMock',
          data: { name: 'save', how: '.resolves()' },
          line: 5,
          column: 3,
          suggestions: [
            {
              messageId: 'addAwait',
              output: `const sinon = require('sinon');
let save;
beforeEach(function () { save = sinon.stub().resolves(1); });
it('chain', async function () {
  await save().then((id) => expect(id).to.equal(1));
});
it('stored', async function () {
  const pending = save();
});`,
            },
            {
              messageId: 'returnPromise',
              output: `const sinon = require('sinon');
let save;
beforeEach(function () { save = sinon.stub().resolves(1); });
it('chain', function () {
  return save().then((id) => expect(id).to.equal(1));
});
it('stored', async function () {
  const pending = save();
});`,
            },
          ],
        },
      ],
    },
    {
      // node:test mock.fn(async) and mock.method with an async implementation.
      code: `import { test, mock } from 'node:test';
test('node', async () => {
  const send = mock.fn(async () => 1);
  mock.method(mailer, 'deliver', async () => true);
  send();
  mailer.deliver('x');
});`,
      errors: [
        {
          messageId: 'unawaitedAsyncMock',
          data: { name: 'send', how: 'an async implementation' },
          line: 5,
          column: 3,
          suggestions: [
            {
              messageId: 'addAwait',
              output: `import { test, mock } from 'node:test';
test('node', async () => {
  const send = mock.fn(async () => 1);
  mock.method(mailer, 'deliver', async () => true);
  await send();
  mailer.deliver('x');
});`,
            },
          ],
        },
        {
          messageId: 'unawaitedAsyncMock',
          data: { name: 'mailer.deliver', how: 'an async implementation' },
          line: 6,
          column: 3,
          suggestions: [
            {
              messageId: 'addAwait',
              output: `import { test, mock } from 'node:test';
test('node', async () => {
  const send = mock.fn(async () => 1);
  mock.method(mailer, 'deliver', async () => true);
  send();
  await mailer.deliver('x');
});`,
            },
            {
              messageId: 'returnPromise',
              output: `import { test, mock } from 'node:test';
test('node', async () => {
  const send = mock.fn(async () => 1);
  mock.method(mailer, 'deliver', async () => true);
  send();
  return mailer.deliver('x');
});`,
            },
          ],
        },
      ],
    },
    {
      // vi.mocked(import) with mockRejectedValue in the test; a forEach drops every promise.
      code: `import { it, vi } from 'vitest';
import { notify } from './notify';
vi.mock('./notify');
it('each', () => {
  vi.mocked(notify).mockRejectedValue(new Error('offline'));
  users.forEach((user) => notify(user));
});`,
      errors: [{ messageId: 'unawaitedAsyncMock', data: { name: 'notify', how: 'mockRejectedValue' }, line: 6, column: 27, suggestions: [] }],
    },
    {
      // testdouble thenReject, in a TSX file with JSX.
      code: `import td from 'testdouble';
const load = td.func();
it('td', async () => {
  td.when(load(1)).thenReject(new Error('gone'));
  render(<Page />);
  load(1);
});`,
      filename: 'page.test.tsx',
      errors: [
        {
          messageId: 'unawaitedAsyncMock',
          data: { name: 'load', how: 'thenReject' },
          line: 6,
          column: 3,
          suggestions: [
            {
              messageId: 'addAwait',
              output: `import td from 'testdouble';
const load = td.func();
it('td', async () => {
  td.when(load(1)).thenReject(new Error('gone'));
  render(<Page />);
  await load(1);
});`,
            },
            {
              messageId: 'returnPromise',
              output: `import td from 'testdouble';
const load = td.func();
it('td', async () => {
  td.when(load(1)).thenReject(new Error('gone'));
  render(<Page />);
  return load(1);
});`,
            },
          ],
        },
      ],
    },
    {
      // A synchronous test calling a same-file async function, and one returning an async mock's promise.
      code: `const loadUser = jest.fn().mockResolvedValue({ id: 1 });
async function seed() { await db.insert(); }
function fetchProfile() { return loadUser(1); }
it('sync', () => {
  seed();
  fetchProfile();
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
              output: `const loadUser = jest.fn().mockResolvedValue({ id: 1 });
async function seed() { await db.insert(); }
function fetchProfile() { return loadUser(1); }
it('sync', async () => {
  await seed();
  fetchProfile();
});`,
            },
          ],
        },
        {
          messageId: 'unawaitedAsyncCall',
          data: { name: 'fetchProfile', where: 'this test' },
          line: 6,
          column: 3,
          suggestions: [
            {
              messageId: 'addAwait',
              output: `const loadUser = jest.fn().mockResolvedValue({ id: 1 });
async function seed() { await db.insert(); }
function fetchProfile() { return loadUser(1); }
it('sync', async () => {
  seed();
  await fetchProfile();
});`,
            },
            {
              messageId: 'returnPromise',
              output: `const loadUser = jest.fn().mockResolvedValue({ id: 1 });
async function seed() { await db.insert(); }
function fetchProfile() { return loadUser(1); }
it('sync', () => {
  seed();
  return fetchProfile();
});`,
            },
          ],
        },
      ],
    },
    {
      // A synchronous hook calling an async arrow declared in the file.
      code: `const reset = async () => { await db.clear(); };
beforeEach(() => { reset(); });`,
      errors: [
        {
          messageId: 'unawaitedAsyncCall',
          data: { name: 'reset', where: 'this hook' },
          line: 2,
          column: 20,
          suggestions: [
            { messageId: 'addAwait', output: `const reset = async () => { await db.clear(); };
beforeEach(async () => { await reset(); });` },
            { messageId: 'returnPromise', output: `const reset = async () => { await db.clear(); };
beforeEach(() => { return reset(); });` },
          ],
        },
      ],
    },
    {
      // By default only a rejection made at setup is reported (shape from node-red and renovate specs).
      code: `const get = jest.fn();
get.mockReturnValue(Promise.resolve({ ok: true }));
get.mockReturnValueOnce(Promise.reject(new Error('x')));
get.mockImplementation(() => Promise.reject(new Error('y')));`,
      errors: [
        {
          messageId: 'promiseReturnValue',
          data: { method: 'mockReturnValueOnce', kind: 'reject', replacement: 'mockRejectedValueOnce' },
          line: 3,
          column: 5,
          suggestions: [
            {
              messageId: 'useShorthand',
              output: `const get = jest.fn();
get.mockReturnValue(Promise.resolve({ ok: true }));
get.mockRejectedValueOnce(new Error('x'));
get.mockImplementation(() => Promise.reject(new Error('y')));`,
            },
          ],
        },
      ],
    },
    {
      // mockReturnValue(Promise.resolve(x)) / Promise.reject(e) and the implementation long form, as `strict` reports them.
      options: [{ allowPromiseLongForms: false }],
      code: `const get = jest.fn();
get.mockReturnValue(Promise.resolve({ ok: true }));
get.mockReturnValueOnce(Promise.reject(new Error('x')));
get.mockImplementation(() => Promise.resolve());`,
      errors: [
        {
          messageId: 'promiseReturnValue',
          data: { method: 'mockReturnValue', kind: 'resolve', replacement: 'mockResolvedValue' },
          line: 2,
          column: 5,
          suggestions: [
            {
              messageId: 'useShorthand',
              data: { replacement: 'mockResolvedValue({ ok: true })' },
              output: `const get = jest.fn();
get.mockResolvedValue({ ok: true });
get.mockReturnValueOnce(Promise.reject(new Error('x')));
get.mockImplementation(() => Promise.resolve());`,
            },
          ],
        },
        {
          messageId: 'promiseReturnValue',
          data: { method: 'mockReturnValueOnce', kind: 'reject', replacement: 'mockRejectedValueOnce' },
          line: 3,
          column: 5,
          suggestions: [
            {
              messageId: 'useShorthand',
              output: `const get = jest.fn();
get.mockReturnValue(Promise.resolve({ ok: true }));
get.mockRejectedValueOnce(new Error('x'));
get.mockImplementation(() => Promise.resolve());`,
            },
          ],
        },
        {
          messageId: 'promiseImplementation',
          data: { method: 'mockImplementation', kind: 'resolve', replacement: 'mockResolvedValue' },
          line: 4,
          column: 5,
          suggestions: [
            {
              messageId: 'useShorthand',
              data: { replacement: 'mockResolvedValue(undefined)' },
              output: `const get = jest.fn();
get.mockReturnValue(Promise.resolve({ ok: true }));
get.mockReturnValueOnce(Promise.reject(new Error('x')));
get.mockResolvedValue(undefined);`,
            },
          ],
        },
      ],
    },
    {
      // A chained creation is reported at the configuration (shape from TanStack query's hydration tests).
      options: [{ allowPromiseLongForms: false }],
      code: `const serverAddTodo = vi
  .fn()
  .mockImplementation(() => Promise.reject(offline));`,
      errors: [
        {
          messageId: 'promiseImplementation',
          data: { method: 'mockImplementation', kind: 'reject', replacement: 'mockRejectedValue' },
          line: 3,
          column: 4,
          endLine: 3,
          suggestions: [
            {
              messageId: 'useShorthand',
              output: `const serverAddTodo = vi
  .fn()
  .mockRejectedValue(offline);`,
            },
          ],
        },
      ],
    },
    {
      // sinon .returns(Promise.reject(e)) and jasmine .and.returnValue(Promise.resolve(x)).
      options: [{ allowPromiseLongForms: false }],
      code: `import sinon from 'sinon';
const stub = sinon.stub();
stub.returns(Promise.reject(new Error('x')));
const spy = jasmine.createSpy('s');
spy.and.returnValue(Promise.resolve(1));`,
      errors: [
        {
          messageId: 'promiseReturnValue',
          data: { method: 'returns', kind: 'reject', replacement: 'rejects' },
          line: 3,
          column: 6,
          suggestions: [
            {
              messageId: 'useShorthand',
              output: `import sinon from 'sinon';
const stub = sinon.stub();
stub.rejects(new Error('x'));
const spy = jasmine.createSpy('s');
spy.and.returnValue(Promise.resolve(1));`,
            },
          ],
        },
        {
          messageId: 'promiseReturnValue',
          data: { method: 'returnValue', kind: 'resolve', replacement: 'resolveTo' },
          line: 5,
          column: 9,
          suggestions: [
            {
              messageId: 'useShorthand',
              output: `import sinon from 'sinon';
const stub = sinon.stub();
stub.returns(Promise.reject(new Error('x')));
const spy = jasmine.createSpy('s');
spy.and.resolveTo(1);`,
            },
          ],
        },
      ],
    },
    {
      // Issue #21: a rejection made at setup is reported where it can go unhandled: in a vi.mock factory, a suite body, as the last thing a hook does, when nothing after it calls the code under test, or when the test waits first.
      code: `import { vi, it, expect, beforeEach, describe } from 'vitest';
vi.mock('./api', () => ({ get: vi.fn().mockReturnValue(Promise.reject(new Error('boot'))) }));
describe('api', () => {
  const post = vi.fn().mockReturnValue(Promise.reject(new Error('suite')));
  beforeEach(() => {
    api.get.mockReturnValueOnce(Promise.reject(new Error('hook')));
  });
  it('never calls it', () => {
    api.get.mockReturnValueOnce(Promise.reject(new Error('unused')));
    expect(api.get).not.toHaveBeenCalled();
  });
  it('waits first', async () => {
    api.get.mockReturnValueOnce(Promise.reject(new Error('late')));
    await new Promise((resolve) => setTimeout(resolve, 10));
    await expect(api.get()).rejects.toThrow('late');
  });
});`,
      errors: [
        { messageId: 'promiseReturnValue', data: { method: 'mockReturnValue', kind: 'reject', replacement: 'mockRejectedValue' }, line: 2, column: 40, suggestions: [
            { messageId: 'useShorthand', output: `import { vi, it, expect, beforeEach, describe } from 'vitest';
vi.mock('./api', () => ({ get: vi.fn().mockRejectedValue(new Error('boot')) }));
describe('api', () => {
  const post = vi.fn().mockReturnValue(Promise.reject(new Error('suite')));
  beforeEach(() => {
    api.get.mockReturnValueOnce(Promise.reject(new Error('hook')));
  });
  it('never calls it', () => {
    api.get.mockReturnValueOnce(Promise.reject(new Error('unused')));
    expect(api.get).not.toHaveBeenCalled();
  });
  it('waits first', async () => {
    api.get.mockReturnValueOnce(Promise.reject(new Error('late')));
    await new Promise((resolve) => setTimeout(resolve, 10));
    await expect(api.get()).rejects.toThrow('late');
  });
});` },
          ] },
        { messageId: 'promiseReturnValue', line: 4, column: 24, suggestions: [
            { messageId: 'useShorthand', output: `import { vi, it, expect, beforeEach, describe } from 'vitest';
vi.mock('./api', () => ({ get: vi.fn().mockReturnValue(Promise.reject(new Error('boot'))) }));
describe('api', () => {
  const post = vi.fn().mockRejectedValue(new Error('suite'));
  beforeEach(() => {
    api.get.mockReturnValueOnce(Promise.reject(new Error('hook')));
  });
  it('never calls it', () => {
    api.get.mockReturnValueOnce(Promise.reject(new Error('unused')));
    expect(api.get).not.toHaveBeenCalled();
  });
  it('waits first', async () => {
    api.get.mockReturnValueOnce(Promise.reject(new Error('late')));
    await new Promise((resolve) => setTimeout(resolve, 10));
    await expect(api.get()).rejects.toThrow('late');
  });
});` },
          ] },
        { messageId: 'promiseReturnValue', line: 6, column: 13, suggestions: [
            { messageId: 'useShorthand', output: `import { vi, it, expect, beforeEach, describe } from 'vitest';
vi.mock('./api', () => ({ get: vi.fn().mockReturnValue(Promise.reject(new Error('boot'))) }));
describe('api', () => {
  const post = vi.fn().mockReturnValue(Promise.reject(new Error('suite')));
  beforeEach(() => {
    api.get.mockRejectedValueOnce(new Error('hook'));
  });
  it('never calls it', () => {
    api.get.mockReturnValueOnce(Promise.reject(new Error('unused')));
    expect(api.get).not.toHaveBeenCalled();
  });
  it('waits first', async () => {
    api.get.mockReturnValueOnce(Promise.reject(new Error('late')));
    await new Promise((resolve) => setTimeout(resolve, 10));
    await expect(api.get()).rejects.toThrow('late');
  });
});` },
          ] },
        { messageId: 'promiseReturnValue', line: 9, column: 13, suggestions: [
            { messageId: 'useShorthand', output: `import { vi, it, expect, beforeEach, describe } from 'vitest';
vi.mock('./api', () => ({ get: vi.fn().mockReturnValue(Promise.reject(new Error('boot'))) }));
describe('api', () => {
  const post = vi.fn().mockReturnValue(Promise.reject(new Error('suite')));
  beforeEach(() => {
    api.get.mockReturnValueOnce(Promise.reject(new Error('hook')));
  });
  it('never calls it', () => {
    api.get.mockRejectedValueOnce(new Error('unused'));
    expect(api.get).not.toHaveBeenCalled();
  });
  it('waits first', async () => {
    api.get.mockReturnValueOnce(Promise.reject(new Error('late')));
    await new Promise((resolve) => setTimeout(resolve, 10));
    await expect(api.get()).rejects.toThrow('late');
  });
});` },
          ] },
        { messageId: 'promiseReturnValue', line: 13, column: 13, suggestions: [
            { messageId: 'useShorthand', output: `import { vi, it, expect, beforeEach, describe } from 'vitest';
vi.mock('./api', () => ({ get: vi.fn().mockReturnValue(Promise.reject(new Error('boot'))) }));
describe('api', () => {
  const post = vi.fn().mockReturnValue(Promise.reject(new Error('suite')));
  beforeEach(() => {
    api.get.mockReturnValueOnce(Promise.reject(new Error('hook')));
  });
  it('never calls it', () => {
    api.get.mockReturnValueOnce(Promise.reject(new Error('unused')));
    expect(api.get).not.toHaveBeenCalled();
  });
  it('waits first', async () => {
    api.get.mockRejectedValueOnce(new Error('late'));
    await new Promise((resolve) => setTimeout(resolve, 10));
    await expect(api.get()).rejects.toThrow('late');
  });
});` },
          ] },
      ],
    },
    {
      // Issue #26: the shorthand keeps a computed key quoted, a sequence argument parenthesised (one argument), and a parenthesised callee as written.
      code: `const get = vi.fn();
vi.fn()['mockReturnValue'](Promise.reject(new Error('x')));
get.mockReturnValueOnce(Promise.reject((log(), err)));
(get.mockReturnValue)(Promise.reject(err));`,
      errors: [
        { messageId: 'promiseReturnValue', line: 2, column: 9, suggestions: [
            { messageId: 'useShorthand', output: `const get = vi.fn();
vi.fn()['mockRejectedValue'](new Error('x'));
get.mockReturnValueOnce(Promise.reject((log(), err)));
(get.mockReturnValue)(Promise.reject(err));` },
          ] },
        { messageId: 'promiseReturnValue', line: 3, column: 5, suggestions: [
            { messageId: 'useShorthand', output: `const get = vi.fn();
vi.fn()['mockReturnValue'](Promise.reject(new Error('x')));
get.mockRejectedValueOnce((log(), err));
(get.mockReturnValue)(Promise.reject(err));` },
          ] },
        { messageId: 'promiseReturnValue', line: 4, column: 6, suggestions: [
            { messageId: 'useShorthand', output: `const get = vi.fn();
vi.fn()['mockReturnValue'](Promise.reject(new Error('x')));
get.mockReturnValueOnce(Promise.reject((log(), err)));
(get.mockRejectedValue)(err);` },
          ] },
      ],
    },
    {
      // Issue #26: `await` is a syntax error in a class `static {}` block, so no suggestion there.
      code: `const save = vi.fn().mockRejectedValue(new Error('x'));
it('static block', async () => {
  class Fixture {
    static {
      save();
    }
  }
  expect(Fixture).toBeDefined();
});`,
      errors: [
        { messageId: 'unawaitedAsyncMock', line: 5, column: 7, suggestions: [] },
      ],
    },
    {
      // Script code naming `await`: making the test `async` would break it, so only `return` is offered.
      code: `const save = jest.fn().mockRejectedValue(new Error('x'));
it('names await', function () {
  var await = 1;
  save(await);
});`,
      languageOptions: { parserOptions: { sourceType: 'script' } },
      errors: [
        { messageId: 'unawaitedAsyncMock', line: 4, column: 3, suggestions: [
            { messageId: 'returnPromise', output: `const save = jest.fn().mockRejectedValue(new Error('x'));
it('names await', function () {
  var await = 1;
  return save(await);
});` },
          ] },
      ],
    },
    {
      // A directive stays the first statement; a dropped sequence is awaited whole and returned whole (`return` goes before its parenthesis).
      code: `const save = jest.fn().mockRejectedValue(new Error('x'));
it('strict', function () {
  'use strict';
  save();
});
it('sequence', () => {
  (prepare(), save());
});`,
      languageOptions: { parserOptions: { sourceType: 'script' } },
      errors: [
        { messageId: 'unawaitedAsyncMock', line: 4, column: 3, suggestions: [
            { messageId: 'addAwait', output: `const save = jest.fn().mockRejectedValue(new Error('x'));
it('strict', async function () {
  'use strict';
  await save();
});
it('sequence', () => {
  (prepare(), save());
});` },
            { messageId: 'returnPromise', output: `const save = jest.fn().mockRejectedValue(new Error('x'));
it('strict', function () {
  'use strict';
  return save();
});
it('sequence', () => {
  (prepare(), save());
});` },
          ] },
        { messageId: 'unawaitedAsyncMock', line: 7, column: 15, suggestions: [
            { messageId: 'addAwait', output: `const save = jest.fn().mockRejectedValue(new Error('x'));
it('strict', function () {
  'use strict';
  save();
});
it('sequence', async () => {
  (await (prepare(), save()));
});` },
            { messageId: 'returnPromise', output: `const save = jest.fn().mockRejectedValue(new Error('x'));
it('strict', function () {
  'use strict';
  save();
});
it('sequence', () => {
  return (prepare(), save());
});` },
          ] },
      ],
    },
    {
      // A callback that runs while the test waits for it (`.then`, like `forEach`) still drops the promise; no fix reaches it.
      code: `const save = jest.fn().mockRejectedValue(new Error('x'));
it('chain', async () => {
  await load().then(() => {
    save();
  });
});`,
      errors: [
        { messageId: 'unawaitedAsyncMock', data: { name: 'save', how: 'mockRejectedValue' }, line: 4, column: 5, suggestions: [] },
      ],
    },
    {
      // Issue #26, with types: no `await` offered inside a class `static {}` block; outside it, as usual.
      code: `import { fetchUser } from './api';
it('typed static block', async () => {
  class Fixture {
    static {
      fetchUser(1);
    }
  }
  fetchUser(2);
});`,
      ...typed,
      options: [{ typedThenables: true }],
      errors: [
        { messageId: 'unawaitedThenable', line: 5, column: 7, suggestions: [] },
        { messageId: 'unawaitedThenable', line: 8, column: 3, suggestions: [
            { messageId: 'addAwait', output: `import { fetchUser } from './api';
it('typed static block', async () => {
  class Fixture {
    static {
      fetchUser(1);
    }
  }
  await fetchUser(2);
});` },
            { messageId: 'returnPromise', output: `import { fetchUser } from './api';
it('typed static block', async () => {
  class Fixture {
    static {
      fetchUser(1);
    }
  }
  return fetchUser(2);
});` },
          ] },
      ],
    },
  ],
});
