import rule from '../../src/rules/no-unawaited-async-mock.js';
import { createRuleTester } from '../rule-tester.js';

/**
 * Issue #22, without types: dropped calls of same-file async functions and promise-returning
 * helpers (in async tests too), `.then` chains started in a test, hook or helper, and
 * supertest-style request chains recognised by shape. Each valid case is a look-alike from real
 * code that must stay quiet.
 */
const script = { languageOptions: { parserOptions: { sourceType: 'script' as const } } };

createRuleTester().run('no-unawaited-async-mock', rule, {
  valid: [
    // Round 12 (V13 labels): Protractor's control flow queues WebDriver promises, and jasminewd waits for the queue before
    // the spec ends: a \`.then\` on \`element(by.…)\` runs within the test.
    `describe('Sync options', function () {
  it('lists the options', function () {
    browser.get(url);
    element.all(by.css('[bs-toggle]')).then(function (elems) {
      expect(elems.length).toBe(4);
    });
    element(by.css('#scroll')).getText().then((text) => expect(text).toContain('Scroll'));
  });
});`,
    // Round 12 (V12 labels): in a test that completes through \`done\`, a dropped chain whose callback only registers
    // listeners (rascal's \`broker.subscribe('s1').then((subscription) => { subscription.on('message', …) })\`): the events
    // drive \`done\`; if the chain rejects, \`done\` is never called and the test fails by its timeout.
    {
      code: `it('should republish', (test, done) => {
  createBroker({ vhosts }).then((broker) => {
    broker.publish('p1', 'test message');
    let count = 0;
    broker.subscribe('s1').then((subscription) => {
      subscription.on('message', (message, content, ackOrNack) => {
        count++;
        ackOrNack(new Error('republish'), { strategy: 'republish' });
      });
    });
    setTimeout(() => {
      assert.strictEqual(count, 6);
      done();
    }, 500);
  });
});`,
      ...script,
    },
    // Round 11 (V11 labels): an async helper that only awaits a synchronous render (testing-library, enzyme) has rendered when
    // the call returns; the sync test that drops it and queries the screen next loses nothing.
    `import { renderWithContext } from 'tools';
import { screen } from '@testing-library/react';
async function renderAddressHierarchy(values) {
  return await renderWithContext(<AddressHierarchy />, Provider, values);
}
const renderForm = async () => render(<Form />);
it('renders a loading skeleton', () => {
  renderAddressHierarchy({});
  renderForm();
  expect(screen.getByRole('progressbar')).toBeInTheDocument();
});`,
    // A checked chain on a promise made elsewhere, followed by an `await` (of the same promise): its check runs before the
    // test ends (jest TS; jasmine JS).
    `it('keeps the response body', async () => {
  const exchange = shopify.auth.migrate({ shop });
  exchange.catch((error) => {
    expect(error).toHaveProperty('response.body', errorResponse);
  });
  await expect(exchange).rejects.toThrow(HttpResponseError);
});`,
    {
      code: `it('creates the worker', async function () {
  const task = getDocument(params);
  let worker;
  task.promise.then(function () {
    worker = task.worker;
    expect(!!worker).toBeTrue();
  });
  await task.promise.then(() => task.destroy());
  expect(worker.destroyed).toBeTrue();
});`,
      ...script,
    },
    // Mutual recursion is a loop scheduling itself (a simulated event queue): `execute` drops `postEvent`, which calls
    // `execute` back. The test awaits the start and sleeps before it reads the state (vitest, helpers inside the test).
    `import { it, expect } from 'vitest';
import { setTimeout as sleep } from 'node:timers/promises';
it('runs the workflow', async () => {
  async function execute(action) {
    await new Promise((resolve) => setTimeout(resolve, action.delay));
    postEvent(action.event);
  }
  async function postEvent(event) {
    const actions = transition(db, event);
    for (const action of actions) {
      await execute(action);
    }
  }
  await postEvent({ type: 'start' });
  await sleep(15);
  expect(db.state).toBe('done');
});`,
    // Chains on a promise made elsewhere that the rule leaves alone: callbacks that only record, a `done` test, a returned chain.
    `import { it, expect } from 'vitest';
it('records', () => {
  pending.then(() => order.push(1));
  this.ready.catch(() => {});
});
it('returns', () => {
  return response.then((r) => expect(r.ok).toBe(true));
});`,
    {
      code: `it('completes', function (done) {
  response.then(function (resp) {
    expect(resp.statusCode).toBe(200);
    done();
  });
});`,
      ...script,
    },
    // A same-file helper whose whole body is a `try` whose `catch` swallows the error, dropped as the test's last step: its
    // promise cannot reject and nothing reads after it (vitest, a type-level test running actions for their types only).
    `import { test } from 'vitest';
const ignoreErrors = async (fn: () => unknown) => {
  try {
    await fn();
  } catch {
    // ignore
  }
};
test('input is typed', async () => {
  ignoreErrors(async () => {
    // @ts-expect-error this requires an input
    await action();
  });
});`,
    // mocha (JS), a function declaration with an empty catch.
    {
      code: `async function quietly(work) { try { await work(); } catch (e) {} }
it('runs', function () {
  quietly(() => server.close());
});`,
      ...script,
    },
    // jest: fire-and-forget on purpose, marked `void`.
    `async function track(event) { await analytics.send(event); }
it('tracks', () => {
  void track('open');
  void fetch(url).then((r) => r.json());
});`,
    // vitest: an async helper awaited later through a variable; a chain stored and returned.
    `import { it, expect } from 'vitest';
async function seed() { await db.insert(rows); }
it('seeds', async () => {
  const pending = seed();
  render();
  await pending;
});
it('stores', () => {
  const body = fetch(url).then((r) => r.json());
  return body;
});`,
    // mocha: a `.then` chain returned, or the arrow's body.
    {
      code: `const { expect } = require('chai');
describe('api', function () {
  it('returns', function () {
    return fetch(url).then((r) => expect(r.status).to.equal(200));
  });
  it('arrow', () => fetch(url).then((r) => expect(r.ok).to.equal(true)));
});`,
      ...script,
    },
    // mocha: request chains ended with `.end(done)`, `.expect(status, done)` or `.end(callback)`.
    {
      code: `describe('routes', function () {
  it('ends', function (done) {
    app.request.get('/x').expect(200).end(done);
  });
  it('expects with done', function (done) {
    agent().get('/y').expect(200, done);
  });
  it('ends with a callback', function () {
    helper.request().post('/inject/invalid').expect(404).end((err) => { if (err) throw err; });
  });
});`,
      ...script,
    },
    // Without types a sync in-memory fake whose methods are \`async\` only by signature is not guessed at from names.
    `class MemoryStore {
  items: number[] = [];
  async insert(item: number) { this.items.push(item); }
}
it('inserts', () => {
  const store = new MemoryStore();
  store.insert(1);
  expect(store.items).toEqual([1]);
});`,
    // node:test: an event-based wait after the call (once, or a promise on the emitter).
    `import { test } from 'node:test';
import { once } from 'node:events';
async function start(server) { await server.boot(); }
test('listens', async () => {
  start(server);
  await once(server, 'listening');
});
test('listens again', async () => {
  start(server);
  await new Promise((resolve) => server.once('listening', resolve));
});`,
    // node:test: a plan (t.plan, or a helper's plan awaited through \`.completed\`) completes the test.
    `import { test } from 'node:test';
import { tspl } from '@matteo.collina/tspl';
test('planned', (t) => {
  t.plan(1);
  fetch(url).then((r) => t.assert.equal(r.status, 200));
});
test('tspl', async (t) => {
  const p = tspl(t, { plan: 1 });
  request('https://not.valid/').catch(() => { p.ok(1); });
  await p.completed;
});`,
    // jest: a test that completes through \`done\`, a chain ending in \`done\`.
    `it('done', (done) => {
  fetch(url).then((r) => { expect(r.ok).toBe(true); }).then(done, done);
});`,
    // Chains whose callbacks only record for the test to read later, or swallow a rejection on purpose
    // (fastify's ready order, fetch-retry's spies under fake timers, mongoose and redis' \`.catch(() => {})\`).
    `it('keeps the order', async () => {
  app.ready().then(() => order.push(1));
  app.ready().then(null, () => order.push(2));
  await app.ready();
  expect(order).toEqual([1, 2]);
});
beforeEach(() => {
  fetchRetry('http://someurl').then(thenCallback).catch(catchCallback);
});
it('queues', () => {
  queue.addCommand(['MULTI']).catch(() => {});
  db.asPromise().catch(() => {});
  unlink(file).catch(console.error);
  expect(queue.size).toBe(1);
});`,
    // A chain that settles an outer promise through \`resolve\` (elysia's stream pump), returned by the test.
    `it('streams', () => {
  const { promise, resolve } = Promise.withResolvers();
  reader.read().then(function pump({ done, value }) {
    if (done) return resolve();
    expect(value).toBeDefined();
    return reader.read().then(pump);
  });
  return promise;
});`,
    // A suite body is not awaited by any runner: what it drops is setup code, left alone.
    `async function seed() { await db.insert(rows); }
describe('suite', () => {
  seed();
  fetch(url).then((r) => r.json());
  it('runs', () => { expect(1).toBe(1); });
});`,
    // Event listeners and timers run when someone else decides.
    `async function seed() { await db.insert(rows); }
it('listens', () => {
  emitter.on('ready', () => { seed(); });
  setTimeout(() => { fetch(url).then((r) => r.json()); }, 10);
});`,
    // Cypress commands queue: \`.then\` on them is not a promise's, nor on helpers returning them.
    `function openMenu() { return cy.get('nav').click(); }
it('opens', () => {
  cy.visit('/');
  cy.get('button').click().then(($el) => expect($el).to.exist);
  openMenu().then(($nav) => expect($nav).to.be.visible);
});`,
    // nock interceptors and Map look-ups are not request chains.
    `it('mocks', async () => {
  nock('http://example.test').get('/').query({ foo: 'bar' }).reply(200);
  scope.post('/items', (body) => true).reply(201);
  cache.get(key).set('a', 1);
  await got('http://example.test/?foo=bar');
});`,
    // Type tests are never run.
    {
      code: `it('types', () => {
  dispatch(thunk()).then((result) => { expectTypeOf(result).toEqualTypeOf<Item>(); });
});`,
      filename: 'createAsyncThunk.test-d.ts',
    },
    // A fake-timer flush or a testing-library wait after the call.
    `import { vi, it, expect } from 'vitest';
async function selectTab(name) { await user.click(screen.getByText(name)); }
it('polls', async () => {
  poll().then((r) => expect(r).toBe(1));
  await vi.runAllTimersAsync();
});
it('selects', async () => {
  selectTab('Editor');
  await waitFor(() => expect(screen.getByText('Auto-complete')).toBeTruthy());
});`,
    // A supertest chain through the imported \`request\` is \`no-unawaited-assertion\`'s.
    `import request from 'supertest';
it('gets', () => {
  request(app).get('/').expect(200);
});`,
    // A helper that only \`done\` tests call hands its outcome to their callback (axios' interceptor specs).
    {
      code: `describe('interceptors', function () {
  function fireRequestAndExpect(expectation) {
    getAjaxRequest().then(function (request) {
      request.respondWith({ status: 200 });
      setTimeout(function () { expectation(); }, 100);
    });
  }
  it('runs each', function (done) {
    fireRequestAndExpect(function () { expect(spy).toHaveBeenCalled(); done(); });
  });
});`,
      ...script,
    },
    // A promise-returning helper the test observes through the callback it hands over (Unleash's timer test).
    `import { vi, test, expect } from 'vitest';
function timeout(fn, ms) {
  return new Promise((resolve) => setTimeout(() => { fn(); resolve(); }, ms));
}
test('tracks the time', () => {
  vi.useFakeTimers();
  let diff;
  timeout(() => { diff = tt(); }, 20);
  vi.advanceTimersByTime(20);
  expect(diff).toBe(20);
});`,
  ],
  invalid: [
    // Round 12: the same listener chain in a test that does not complete through \`done\` is still dropped work.
    {
      code: `it('should republish', () => {
  broker.subscribe('s1').then((subscription) => {
    subscription.on('message', () => { count++; });
  });
});`,
      ...script,
      errors: [{ messageId: 'unawaitedChain', line: 2, column: 3, suggestions: [
        { messageId: 'addAwait', output: `it('should republish', async () => {
  await broker.subscribe('s1').then((subscription) => {
    subscription.on('message', () => { count++; });
  });
});` },
        { messageId: 'returnPromise', output: `it('should republish', () => {
  return broker.subscribe('s1').then((subscription) => {
    subscription.on('message', () => { count++; });
  });
});` },
      ] }],
    },
    // Round 11: a render helper that also awaits other work, and Angular's testing-library render (asynchronous).
    {
      code: `import { render } from '@testing-library/angular';
async function renderPage() {
  return await render(PageComponent);
}
it('renders', () => {
  renderPage();
});`,
      errors: [{ messageId: 'unawaitedAsyncCall', line: 6, column: 3, suggestions: [
        { messageId: 'addAwait', output: `import { render } from '@testing-library/angular';
async function renderPage() {
  return await render(PageComponent);
}
it('renders', async () => {
  await renderPage();
});` },
        { messageId: 'returnPromise', output: `import { render } from '@testing-library/angular';
async function renderPage() {
  return await render(PageComponent);
}
it('renders', () => {
  return renderPage();
});` },
      ] }],
    },
    {
      code: `async function renderLoaded(values) {
  await loadFixtures();
  return await render(<Page />);
}
it('renders', () => {
  renderLoaded({});
});`,
      errors: [{ messageId: 'unawaitedAsyncCall', line: 6, column: 3, suggestions: [
        { messageId: 'addAwait', output: `async function renderLoaded(values) {
  await loadFixtures();
  return await render(<Page />);
}
it('renders', async () => {
  await renderLoaded({});
});` },
        { messageId: 'returnPromise', output: `async function renderLoaded(values) {
  await loadFixtures();
  return await render(<Page />);
}
it('renders', () => {
  return renderLoaded({});
});` },
      ] }],
    },
    {
      // Look-alike of the loop: the dropped function does not call the helper back (mocha + chai, JS).
      code: `async function store(event) { await db.insert(event); }
async function handle(event) {
  store(event);
}
it('handles', async function () {
  await handle({ type: 'a' });
  expect(await db.count()).to.equal(1);
});`,
      ...script,
      errors: [{ messageId: 'unawaitedAsyncCall', line: 3, column: 3, suggestions: [
        { messageId: 'addAwait', output: `async function store(event) { await db.insert(event); }
async function handle(event) {
  await store(event);
}
it('handles', async function () {
  await handle({ type: 'a' });
  expect(await db.count()).to.equal(1);
});` }
      ] }],
    },
    {
      // A chain on a promise made elsewhere (a variable, a property) whose callbacks check the result, dropped (jasmine-style
      // JS): the check runs after the test has passed, or its failure is an unhandled rejection.
      code: `describe('client', function () {
  var response;
  beforeEach(function () {
    response = client.request({ method: 'GET', uri: '/x' });
  });
  it('has properties', function () {
    response.then(function (resp) {
      expect(resp.statusCode).toBeDefined();
    });
  });
  it('rejects', async function () {
    this.pending.catch((error) => { assert.equal(error.code, 'E_GONE'); });
  });
});`,
      ...script,
      errors: [
        { messageId: 'unawaitedChain', line: 7, column: 5, suggestions: [
          { messageId: 'addAwait', output: `describe('client', function () {
  var response;
  beforeEach(function () {
    response = client.request({ method: 'GET', uri: '/x' });
  });
  it('has properties', async function () {
    await response.then(function (resp) {
      expect(resp.statusCode).toBeDefined();
    });
  });
  it('rejects', async function () {
    this.pending.catch((error) => { assert.equal(error.code, 'E_GONE'); });
  });
});` },
          { messageId: 'returnPromise', output: `describe('client', function () {
  var response;
  beforeEach(function () {
    response = client.request({ method: 'GET', uri: '/x' });
  });
  it('has properties', function () {
    return response.then(function (resp) {
      expect(resp.statusCode).toBeDefined();
    });
  });
  it('rejects', async function () {
    this.pending.catch((error) => { assert.equal(error.code, 'E_GONE'); });
  });
});` },
        ] },
        { messageId: 'unawaitedChain', line: 12, column: 5, suggestions: [
          { messageId: 'addAwait', output: `describe('client', function () {
  var response;
  beforeEach(function () {
    response = client.request({ method: 'GET', uri: '/x' });
  });
  it('has properties', function () {
    response.then(function (resp) {
      expect(resp.statusCode).toBeDefined();
    });
  });
  it('rejects', async function () {
    await this.pending.catch((error) => { assert.equal(error.code, 'E_GONE'); });
  });
});` },
          { messageId: 'returnPromise', output: `describe('client', function () {
  var response;
  beforeEach(function () {
    response = client.request({ method: 'GET', uri: '/x' });
  });
  it('has properties', function () {
    response.then(function (resp) {
      expect(resp.statusCode).toBeDefined();
    });
  });
  it('rejects', async function () {
    return this.pending.catch((error) => { assert.equal(error.code, 'E_GONE'); });
  });
});` },
        ] },
      ],
    },
    {
      // Look-alikes of the swallowing helper: a catch that rethrows, a catch that returns a rejection, and a swallowing helper
      // whose drop is followed by a check that reads state (jest).
      code: `async function rethrows(fn) { try { await fn(); } catch (e) { log(e); throw e; } }
async function rejects(fn) { try { await fn(); } catch (e) { return Promise.reject(e); } }
async function quietly(fn) { try { await fn(); } catch {} }
it('rethrows', async () => {
  rethrows(async () => { await save(); });
});
it('rejects', async () => {
  rejects(async () => { await save(); });
});
it('reads after', async () => {
  quietly(async () => { await save(); });
  expect(saved).toBe(true);
});`,
      errors: [
        { messageId: 'unawaitedAsyncCall', line: 5, column: 3, suggestions: [
          { messageId: 'addAwait', output: `async function rethrows(fn) { try { await fn(); } catch (e) { log(e); throw e; } }
async function rejects(fn) { try { await fn(); } catch (e) { return Promise.reject(e); } }
async function quietly(fn) { try { await fn(); } catch {} }
it('rethrows', async () => {
  await rethrows(async () => { await save(); });
});
it('rejects', async () => {
  rejects(async () => { await save(); });
});
it('reads after', async () => {
  quietly(async () => { await save(); });
  expect(saved).toBe(true);
});` },
          { messageId: 'returnPromise', output: `async function rethrows(fn) { try { await fn(); } catch (e) { log(e); throw e; } }
async function rejects(fn) { try { await fn(); } catch (e) { return Promise.reject(e); } }
async function quietly(fn) { try { await fn(); } catch {} }
it('rethrows', async () => {
  return rethrows(async () => { await save(); });
});
it('rejects', async () => {
  rejects(async () => { await save(); });
});
it('reads after', async () => {
  quietly(async () => { await save(); });
  expect(saved).toBe(true);
});` },
        ] },
        { messageId: 'unawaitedAsyncCall', line: 8, column: 3, suggestions: [
          { messageId: 'addAwait', output: `async function rethrows(fn) { try { await fn(); } catch (e) { log(e); throw e; } }
async function rejects(fn) { try { await fn(); } catch (e) { return Promise.reject(e); } }
async function quietly(fn) { try { await fn(); } catch {} }
it('rethrows', async () => {
  rethrows(async () => { await save(); });
});
it('rejects', async () => {
  await rejects(async () => { await save(); });
});
it('reads after', async () => {
  quietly(async () => { await save(); });
  expect(saved).toBe(true);
});` },
          { messageId: 'returnPromise', output: `async function rethrows(fn) { try { await fn(); } catch (e) { log(e); throw e; } }
async function rejects(fn) { try { await fn(); } catch (e) { return Promise.reject(e); } }
async function quietly(fn) { try { await fn(); } catch {} }
it('rethrows', async () => {
  rethrows(async () => { await save(); });
});
it('rejects', async () => {
  return rejects(async () => { await save(); });
});
it('reads after', async () => {
  quietly(async () => { await save(); });
  expect(saved).toBe(true);
});` },
        ] },
        { messageId: 'unawaitedAsyncCall', line: 11, column: 3, suggestions: [
          { messageId: 'addAwait', output: `async function rethrows(fn) { try { await fn(); } catch (e) { log(e); throw e; } }
async function rejects(fn) { try { await fn(); } catch (e) { return Promise.reject(e); } }
async function quietly(fn) { try { await fn(); } catch {} }
it('rethrows', async () => {
  rethrows(async () => { await save(); });
});
it('rejects', async () => {
  rejects(async () => { await save(); });
});
it('reads after', async () => {
  await quietly(async () => { await save(); });
  expect(saved).toBe(true);
});` },
        ] },
      ],
    },
    {
      // jest (TS): an async helper holding expects, called without `await` in an async test.
      code: `async function expectFilesWritten(dir: string) {
  expect(await readdir(dir)).toEqual(['a.txt']);
}
it('writes the files', async () => {
  await build(dir);
  expectFilesWritten(dir);
});`,
      errors: [
        {
          messageId: 'unawaitedAsyncCall',
          data: { name: 'expectFilesWritten', where: 'this test' },
          line: 6,
          column: 3,
          suggestions: [
            {
              messageId: 'addAwait',
              data: { asyncNote: '' },
              output: `async function expectFilesWritten(dir: string) {
  expect(await readdir(dir)).toEqual(['a.txt']);
}
it('writes the files', async () => {
  await build(dir);
  await expectFilesWritten(dir);
});`,
            },
            {
              messageId: 'returnPromise',
              output: `async function expectFilesWritten(dir: string) {
  expect(await readdir(dir)).toEqual(['a.txt']);
}
it('writes the files', async () => {
  await build(dir);
  return expectFilesWritten(dir);
});`,
            },
          ],
        },
      ],
    },
    {
      // vitest (TS): a `.then` chain holding the assertion, dropped in a synchronous test.
      code: `import { it, expect } from 'vitest';
it('answers', () => {
  fetch(url).then((r) => expect(r.status).toBe(200));
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
              data: { asyncNote: ' and make the test function `async`' },
              output: `import { it, expect } from 'vitest';
it('answers', async () => {
  await fetch(url).then((r) => expect(r.status).toBe(200));
});`,
            },
            {
              messageId: 'returnPromise',
              output: `import { it, expect } from 'vitest';
it('answers', () => {
  return fetch(url).then((r) => expect(r.status).toBe(200));
});`,
            },
          ],
        },
      ],
    },
    {
      // mocha + chai (CommonJS): a dropped chain in a sync test, and a request chain through a property nobody sends.
      code: `const { expect } = require('chai');
describe('app', function () {
  it('handles', function () {
    app.handle(req).then((r) => r.json());
  });
  it('deletes', async function () {
    app.request.delete('/x').expect(409);
    await app.archive();
  });
});`,
      ...script,
      errors: [
        {
          messageId: 'unawaitedChain',
          data: { method: 'then', where: 'this test' },
          line: 4,
          column: 5,
          suggestions: [
            {
              messageId: 'addAwait',
              output: `const { expect } = require('chai');
describe('app', function () {
  it('handles', async function () {
    await app.handle(req).then((r) => r.json());
  });
  it('deletes', async function () {
    app.request.delete('/x').expect(409);
    await app.archive();
  });
});`,
            },
            {
              messageId: 'returnPromise',
              output: `const { expect } = require('chai');
describe('app', function () {
  it('handles', function () {
    return app.handle(req).then((r) => r.json());
  });
  it('deletes', async function () {
    app.request.delete('/x').expect(409);
    await app.archive();
  });
});`,
            },
          ],
        },
        {
          messageId: 'unsentRequest',
          data: { method: 'delete', where: 'this test' },
          line: 7,
          column: 5,
          suggestions: [
            {
              messageId: 'addAwait',
              data: { asyncNote: '' },
              output: `const { expect } = require('chai');
describe('app', function () {
  it('handles', function () {
    app.handle(req).then((r) => r.json());
  });
  it('deletes', async function () {
    await app.request.delete('/x').expect(409);
    await app.archive();
  });
});`,
            },
          ],
        },
      ],
    },
    {
      // node:test (ESM JS): a same-file function returning a chain, dropped; a helper that drops a chain itself.
      code: `import { test } from 'node:test';
import assert from 'node:assert';
function load(url) {
  return fetch(url).then((r) => r.json());
}
function check(url) {
  fetch(url).then((r) => assert.equal(r.status, 200));
}
test('loads', async () => {
  load('/a');
  check('/b');
});`,
      errors: [
        { messageId: 'unawaitedChain', data: { method: 'then', where: '`check` (a helper called from a test)' }, line: 7, column: 3, suggestions: [] },
        {
          messageId: 'unawaitedAsyncCall',
          data: { name: 'load', where: 'this test' },
          line: 10,
          column: 3,
          suggestions: [
            {
              messageId: 'addAwait',
              output: `import { test } from 'node:test';
import assert from 'node:assert';
function load(url) {
  return fetch(url).then((r) => r.json());
}
function check(url) {
  fetch(url).then((r) => assert.equal(r.status, 200));
}
test('loads', async () => {
  await load('/a');
  check('/b');
});`,
            },
          ],
        },
      ],
    },
    {
      // jest (JS): a request chain on a helper's result, in a hook.
      code: `beforeEach(() => {
  agent().post('/seed').send({ id: 1 }).expect(201);
});`,
      errors: [
        {
          messageId: 'unsentRequest',
          data: { method: 'post', where: 'this hook' },
          line: 2,
          column: 3,
          suggestions: [
            {
              messageId: 'addAwait',
              output: `beforeEach(async () => {
  await agent().post('/seed').send({ id: 1 }).expect(201);
});`,
            },
            {
              messageId: 'returnPromise',
              output: `beforeEach(() => {
  return agent().post('/seed').send({ id: 1 }).expect(201);
});`,
            },
          ],
        },
      ],
    },
    {
      // vitest + supertest (TS): a request chain on a property is not the imported `request`, so it is this rule's.
      code: `import request from 'supertest';
import { it } from 'vitest';
it('conflicts', async () => {
  ctx.api.delete('/x').set('Authorization', token).expect(409);
  await request(app).get('/y').expect(200);
});`,
      errors: [
        {
          messageId: 'unsentRequest',
          data: { method: 'delete', where: 'this test' },
          line: 4,
          column: 3,
          suggestions: [
            {
              messageId: 'addAwait',
              output: `import request from 'supertest';
import { it } from 'vitest';
it('conflicts', async () => {
  await ctx.api.delete('/x').set('Authorization', token).expect(409);
  await request(app).get('/y').expect(200);
});`,
            },
          ],
        },
      ],
    },
  ],
});
