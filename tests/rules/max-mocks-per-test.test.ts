import rule from '../../src/rules/max-mocks-per-test.js';
import { createRuleTester } from '../rule-tester.js';

createRuleTester().run('max-mocks-per-test', rule, {
  valid: [
    // Round 10 (V5/V7/V8 labels): a call check whose payload the subject built (literal fields beside
    // a programmed value) checks behaviour, not wiring, even when the test also echoes a programmed
    // value elsewhere: the command mapped flags to this payload (eas-cli connect shape; jest, TS).
    `import { expect, it, jest } from '@jest/globals';
jest.mock('../graphql/client');
jest.mock('../graphql/queries/AppQuery');
jest.mock('../graphql/mutations/EnvVarMutation');
jest.mock('../project/projectUtils');
jest.mock('../utils/spawn');
jest.mock('../ora');
jest.mock('../credentials/store');
jest.mock('../user/actions');
jest.mock('../integrations/convex/api');
it('creates the deployment env var', async () => {
  const project = { id: 'p1', slug: 'app' };
  jest.mocked(getProjectAsync).mockResolvedValue(project);
  await ConvexConnect.run(['--region', 'eu']);
  expect(EnvVarMutation.create).toHaveBeenCalledWith(
    expect.objectContaining({ name: 'CONVEX_URL', environments: ['production', 'preview'], visibility: 'PUBLIC' }),
    project.id,
  );
});`,
    // The copy's name the subject derives ('p1 (copy)', written nowhere but in the call check) is
    // behaviour the test checks, beside the echoed copy (overleaf duplicator shape; vitest, TS).
    `import { expect, it, vi } from 'vitest';
import { duplicate } from './duplicator';
it('duplicates', async () => {
  const copy = { id: 'p2' };
  vi.spyOn(getter, 'getProject').mockResolvedValue({ id: 'p1' });
  vi.spyOn(creator, 'createBlankProject').mockResolvedValue(copy);
  vi.spyOn(docs, 'getAllDocs').mockResolvedValue([]);
  vi.spyOn(files, 'copyFiles').mockResolvedValue([]);
  vi.spyOn(updater, 'flush').mockResolvedValue(undefined);
  vi.spyOn(entities, 'addFolder').mockResolvedValue({});
  vi.spyOn(options, 'setCompiler').mockResolvedValue(undefined);
  vi.spyOn(tags, 'addProjectToTags').mockResolvedValue(undefined);
  vi.spyOn(tpds, 'flushProject').mockResolvedValue(undefined);
  expect(await duplicate('u1', 'p1')).toBe(copy);
  expect(creator.createBlankProject).toHaveBeenCalledWith('u1', 'p1 (copy)');
  expect(tags.addProjectToTags).toHaveBeenCalledOnce();
});`,
    // A value found in the subject's state (not its result) shows it stored it: behaviour, even when a
    // double was told to return it (MetaMask bridge-status shape; jest, TS).
    `import { expect, it, jest } from '@jest/globals';
jest.mock('./approval');
jest.mock('./bridge-api');
jest.mock('./gas');
jest.mock('./network');
jest.mock('./accounts');
jest.mock('./metrics-tracker');
jest.mock('./quotes');
jest.mock('./snaps');
it('stores the action id in the history item', async () => {
  const actionId = '1111.222';
  jest.spyOn(utils, 'generateActionId').mockReturnValue(actionId);
  const result = await controller.submitTx(quote);
  expect(controller.state.txHistory[result.id].actionId).toBe(actionId);
  expect(startPolling).toHaveBeenCalledTimes(0);
});`,
    // A name another test programmed is another binding: the \`chainId\` this test expects was
    // programmed into no double it runs with (MetaMask polling shape; jest, TS).
    `import { expect, it, jest } from '@jest/globals';
jest.mock('./rpc');
jest.mock('./accounts');
jest.mock('./tokens');
jest.mock('./prices');
jest.mock('./network');
jest.mock('./storage');
jest.mock('./fetcher');
jest.mock('./scheduler');
it('reads the chain', () => {
  const chainId = '0x1';
  jest.mocked(network.current).mockReturnValue(chainId);
  expect(read()).toBe('0x1');
});
it('polls the default chain', () => {
  const chainId = '0x1';
  const poll = jest.spyOn(controller, 'poll').mockImplementation(() => undefined);
  controller.start();
  expect(controller.activeChain()).toBe(chainId);
  expect(poll).toHaveBeenCalledTimes(1);
});`,
    // An echo inside an expected object the subject completed with its own fields is not an echo
    // alone: the test checks those fields too (mocha + sinon, JS).
    `const sinon = require('sinon');
const { expect } = require('chai');
it('publishes the parsed hooks', async () => {
  const hooks = { pre: ['a'] };
  sinon.stub(config, 'load').resolves(hooks);
  sinon.stub(git, 'head').resolves('abc');
  sinon.stub(git, 'tag').resolves();
  sinon.stub(fs, 'readFile').resolves('');
  sinon.stub(fs, 'writeFile').resolves();
  sinon.stub(npm, 'install').resolves();
  sinon.stub(npm, 'publish').resolves();
  sinon.stub(registry, 'fetch').resolves({});
  sinon.stub(cache, 'get').resolves(null);
  const result = await setup();
  expect(result).to.deep.equal({ hooks, installed: true, phase: 'PRE_INSTALL' });
  sinon.assert.calledOnce(npm.install);
});`,
    // A fake object is one collaborator however many of its methods are stubs (urql offline storage,
    // novu ApiService, bullmq cluster client, medusa logger shapes).
    `import { expect, it, vi } from 'vitest';
import { UserService } from './user-service';
it('registers', async () => {
  const repo = {
    find: vi.fn(async () => null),
    insert: vi.fn(async (u) => ({ id: 1, ...u })),
    update: vi.fn(async () => 1),
    remove: vi.fn(async () => 1),
    count: vi.fn(async () => 0),
    exists: vi.fn(async () => false),
  };
  expect(await new UserService(repo).register({ name: 'a' })).toEqual({ id: 1, name: 'a' });
});`,
    // Browser APIs jsdom lacks, stubbed so the component can render, are environment shims (TanStack query-devtools shape).
    {
      code: `import { beforeEach, expect, it, vi } from 'vitest';
import { render } from '@testing-library/react';
import { Devtools } from './devtools';
beforeEach(() => {
  window.matchMedia = vi.fn().mockImplementation(() => ({ matches: false, addListener: vi.fn() }));
  vi.stubGlobal('ResizeObserver', vi.fn(() => ({ observe() {}, disconnect() {} })));
  vi.stubGlobal('IntersectionObserver', vi.fn(() => ({ observe() {} })));
  Element.prototype.scrollIntoView = vi.fn(() => {});
  vi.spyOn(window, 'requestAnimationFrame').mockImplementation((cb) => { cb(0); return 0; });
  vi.spyOn(window, 'scrollTo').mockImplementation(() => {});
});
it('renders the panel', () => {
  vi.spyOn(api, 'load').mockResolvedValue([]);
  expect(render(<Devtools />).container).toBeTruthy();
});`,
      filename: 'devtools.test.tsx',
    },
    // jasmine spies that only call through observe the real method; they replace nothing (parse-server shape).
    `describe('LiveQuery server', () => {
  it('subscribes', () => {
    spyOn(server, 'connect').and.callThrough();
    spyOn(server, 'subscribe').and.callThrough();
    spyOn(server, 'publish').and.callThrough();
    spyOn(client, 'send').and.callThrough();
    spyOn(client, 'close').and.callThrough();
    spyOn(cache, 'get').and.callThrough();
    server.handle(request);
    expect(client.send).toHaveBeenCalled();
  });
});`,
    // vitest: five module mocks is the limit, not over it.
    `import { describe, expect, it, vi } from 'vitest';
import { load } from './loader';
vi.mock('./a');
vi.mock('./b');
vi.mock('./c');
vi.mock('./d');
vi.mock('./e');
it('loads', () => { expect(load()).toBe(1); });`,
    // Sink spies passed as callbacks and asserted on are not replacements (React, JSX).
    {
      code: `import { render, screen } from '@testing-library/react';
import { expect, it, vi } from 'vitest';
import { Form } from './form';
it('submits', async () => {
  const onChange = vi.fn();
  const onSubmit = vi.fn();
  const onBlur = vi.fn();
  const onFocus = vi.fn();
  const onReset = vi.fn();
  const onError = vi.fn();
  render(<Form onChange={onChange} onSubmit={onSubmit} onBlur={onBlur} onFocus={onFocus} onReset={onReset} onError={onError} />);
  await screen.getByRole('button').click();
  expect(onSubmit).toHaveBeenCalledTimes(1);
  expect(onError).not.toHaveBeenCalled();
});`,
      filename: 'form.test.tsx',
    },
    // A callback-heavy test: many vi.fn() sinks given to an emitter.
    `import { expect, test, vi } from 'vitest';
import { createEmitter } from './emitter';
test('fans out', () => {
  const emitter = createEmitter();
  const listeners = [vi.fn(), vi.fn(), vi.fn(), vi.fn(), vi.fn(), vi.fn(), vi.fn()];
  for (const listener of listeners) emitter.on('tick', listener);
  const once = vi.fn();
  emitter.once('tick', once);
  emitter.emit('tick', 1);
  for (const listener of listeners) expect(listener).toHaveBeenCalledWith(1);
  expect(once).toHaveBeenCalledTimes(1);
});`,
    // Mocks in a sibling describe do not apply.
    `import { beforeEach, describe, expect, it, vi } from 'vitest';
import * as api from './api';
import * as db from './db';
import { sync } from './sync';
describe('with api', () => {
  beforeEach(() => {
    vi.spyOn(api, 'get').mockResolvedValue([]);
    vi.spyOn(api, 'post').mockResolvedValue({});
    vi.spyOn(api, 'put').mockResolvedValue({});
    vi.spyOn(api, 'remove').mockResolvedValue({});
  });
  it('syncs', async () => { expect(await sync()).toEqual([]); });
});
describe('with db', () => {
  it('reads', async () => {
    vi.spyOn(db, 'read').mockResolvedValue([]);
    vi.spyOn(db, 'write').mockResolvedValue(undefined);
    expect(await sync()).toEqual([]);
  });
});`,
    // A test file whose subject is a mocking utility: making doubles is the behaviour under test.
    {
      code: `import { expect, it, vi } from 'vitest';
import { createMockFetch } from './mock-fetch';
it('answers from its table', async () => {
  const ok = vi.fn(() => 200);
  const json = vi.fn(() => ({}));
  const text = vi.fn(() => '');
  const headers = vi.fn(() => new Map());
  const blob = vi.fn(() => null);
  const clone = vi.fn(() => null);
  const fetch = createMockFetch({ ok, json, text, headers, blob, clone });
  expect((await fetch('/')).status).toBe(200);
});`,
      filename: 'src/mock-fetch.test.ts',
    },
    // Configuration of an already counted module mock, vi.mocked helpers, restores and fake timers do not add up.
    `import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { get, post } from './http';
import { poll } from './poll';
vi.mock('./http');
beforeEach(() => {
  vi.useFakeTimers();
  vi.mocked(get).mockResolvedValueOnce({ status: 202 });
  vi.mocked(get).mockResolvedValueOnce({ status: 202 });
  vi.mocked(get).mockResolvedValue({ status: 200 });
  vi.mocked(post).mockResolvedValue({ status: 201 });
  vi.mocked(post).mockImplementation(async () => ({ status: 201 }));
});
afterEach(() => { vi.restoreAllMocks(); vi.resetAllMocks(); vi.useRealTimers(); });
it('polls until done', async () => {
  vi.mocked(get).mockRejectedValueOnce(new Error('boom'));
  await poll();
  expect(get).toHaveBeenCalledTimes(4);
});`,
    // vi.hoisted doubles feed the module factories: one module mock, not seven doubles.
    `import { expect, it, vi } from 'vitest';
import { run } from './runner';
const mocks = vi.hoisted(() => ({
  spawn: vi.fn(() => ({ pid: 1 })),
  exec: vi.fn(async () => ''),
  kill: vi.fn(() => true),
  fork: vi.fn(),
  execFile: vi.fn(),
  execSync: vi.fn(() => ''),
}));
vi.mock('node:child_process', () => mocks);
it('runs', async () => {
  mocks.exec.mockResolvedValue('ok');
  expect(await run()).toBe('ok');
});`,
    // jest: variables a factory closes over belong to that module mock (CommonJS).
    {
      code: `const mockGet = jest.fn();
const mockPost = jest.fn();
const mockPut = jest.fn();
jest.mock('./client', () => ({ get: mockGet, post: mockPost, put: mockPut }));
const { save } = require('./store');
test('saves', async () => {
  mockGet.mockResolvedValue(null);
  mockPost.mockResolvedValue({ id: 1 });
  mockPut.mockResolvedValue({ id: 1 });
  expect(await save({})).toEqual({ id: 1 });
});`,
      languageOptions: { parserOptions: { sourceType: 'script' } },
    },
    // sinon's own idiom: a fake handed to replace() is the replacement, counted once.
    `import sinon from 'sinon';
import { expect } from 'chai';
import * as clock from './clock';
import * as io from './io';
import { report } from './report';
describe('report', () => {
  afterEach(() => sinon.restore());
  it('formats', () => {
    sinon.replace(clock, 'now', sinon.fake.returns(0));
    sinon.replace(io, 'read', sinon.fake.resolves('x'));
    sinon.replace(io, 'write', sinon.fake.resolves(undefined));
    return report().then((text) => expect(text).to.equal('x@0'));
  });
});`,
    // ignore: a logger module and console replacements are never counted.
    {
      code: `import { expect, it, vi } from 'vitest';
import { start } from './server';
vi.mock('./logger');
vi.mock('./db');
vi.mock('./cache');
vi.mock('./queue');
it('starts', async () => {
  vi.spyOn(console, 'error').mockImplementation(() => {});
  vi.stubEnv('PORT', '0');
  expect(await start()).toBe(true);
});`,
      options: [{ ignore: ['./logger', 'console'] }],
    },
    // mocha + sinon sandbox: five stubs in beforeEach are at the limit.
    `const sinon = require('sinon');
const { expect } = require('chai');
const { Worker } = require('../lib/worker');
describe('Worker', function () {
  let sandbox;
  beforeEach(function () {
    sandbox = sinon.createSandbox();
    sandbox.stub(Worker.prototype, 'fetch').resolves([]);
    sandbox.stub(Worker.prototype, 'ack').resolves();
    sandbox.stub(Worker.prototype, 'nack').resolves();
    sandbox.stub(Worker.prototype, 'log');
    sandbox.stub(process, 'exit');
  });
  afterEach(function () { sandbox.restore(); });
  it('drains', async function () {
    const done = sandbox.spy();
    await new Worker().drain(done);
    expect(done.calledOnce).to.equal(true);
  });
});`,
    // node:test: t.mock.method twice, plus sink functions.
    `import { test, mock } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs/promises';
import { loadConfig } from '../src/config.js';
test('reads the file once', async (t) => {
  t.mock.method(fs, 'readFile', async () => '{}');
  t.mock.method(fs, 'stat', async () => ({ size: 2 }));
  const onLoad = mock.fn();
  const onError = mock.fn();
  const onWarn = mock.fn();
  const onDebug = mock.fn();
  await loadConfig({ onLoad, onError, onWarn, onDebug });
  assert.equal(onLoad.mock.callCount(), 1);
});`,
    // jasmine: spies that call through still replace, five of them is the limit.
    `describe('Store', () => {
  it('persists', () => {
    const store = new Store();
    spyOn(store, 'save').and.callThrough();
    spyOn(store, 'load').and.callThrough();
    spyOn(store, 'validate').and.callThrough();
    spyOn(store, 'serialize');
    spyOn(store, 'notify').and.returnValue(true);
    store.persist({ a: 1 });
    expect(store.save).toHaveBeenCalled();
  });
});`,
    // testdouble: td.func() without stubbing is a sink; two replacements.
    `const td = require('testdouble');
const assert = require('assert');
describe('notify', () => {
  it('sends once', async () => {
    const mailer = td.replace('../lib/mailer');
    const sms = td.replace('../lib/sms');
    const onSent = td.func();
    const onFailed = td.func();
    const onRetry = td.func();
    const onDrop = td.func();
    const { notify } = require('../lib/notify');
    await notify({ onSent, onFailed, onRetry, onDrop });
    td.verify(onSent());
    assert.ok(mailer && sms);
  });
});`,
    // A helper that makes mocks counts only for the tests that call it.
    `import { expect, it, vi } from 'vitest';
import * as net from './net';
import { send } from './send';
function offline() {
  vi.spyOn(net, 'connect').mockRejectedValue(new Error('offline'));
  vi.spyOn(net, 'resolve').mockRejectedValue(new Error('offline'));
  vi.spyOn(net, 'ping').mockReturnValue(false);
  vi.spyOn(net, 'isUp').mockReturnValue(false);
}
it('queues when offline', async () => {
  offline();
  await send('x');
  expect(net.connect).toHaveBeenCalled();
});
it('sends when online', async () => {
  vi.spyOn(net, 'connect').mockResolvedValue({});
  expect(await send('x')).toBe(true);
});`,
    // Mocks made in afterEach are not part of any test's setup.
    `import { afterEach, expect, it, vi } from 'vitest';
import * as a from './a';
import { run } from './run';
afterEach(() => {
  vi.spyOn(a, 'one').mockReturnValue(1);
  vi.spyOn(a, 'two').mockReturnValue(2);
  vi.spyOn(a, 'three').mockReturnValue(3);
  vi.spyOn(a, 'four').mockReturnValue(4);
  vi.spyOn(a, 'five').mockReturnValue(5);
  vi.spyOn(a, 'six').mockReturnValue(6);
});
it('runs', () => { expect(run()).toBe(0); });`,
    // Stubs inside a vi.mock factory are part of that one module mock.
    `import { expect, it, vi } from 'vitest';
import { upload } from './upload';
vi.mock('@aws-sdk/client-s3', () => ({
  S3Client: vi.fn(() => ({ send: vi.fn(async () => ({})) })),
  PutObjectCommand: vi.fn((input) => input),
  GetObjectCommand: vi.fn((input) => input),
  DeleteObjectCommand: vi.fn((input) => input),
  HeadObjectCommand: vi.fn((input) => input),
  ListObjectsCommand: vi.fn((input) => input),
}));
it('uploads', async () => { expect(await upload('k', 'v')).toBe(true); });`,
    // Behaviour-less sinon stubs are sinks unless countSpies is on.
    `import sinon from 'sinon';
import { assert } from 'chai';
import { Bus } from '../src/bus';
it('delivers to every subscriber', () => {
  const bus = new Bus();
  const subscribers = [sinon.stub(), sinon.stub(), sinon.stub(), sinon.stub(), sinon.stub(), sinon.stub()];
  subscribers.forEach((s) => bus.subscribe(s));
  bus.publish('x');
  subscribers.forEach((s) => sinon.assert.calledOnceWithExactly(s, 'x'));
  assert.ok(true);
});`,
    // A local object that merely looks like a mocking namespace is not one.
    `import { expect, it } from 'vitest';
const vi = { fn: (impl) => impl, spyOn: () => null, mock: () => null };
it('uses a local helper', () => {
  vi.mock('./a'); vi.mock('./b'); vi.mock('./c');
  vi.spyOn({}, 'x'); vi.fn(() => 1); vi.fn(() => 2);
  expect(1).toBe(1);
});`,
    // File-level mocks at the limit and a test that adds only sinks.
    {
      code: `import { expect, it, vi } from 'vitest';
import { handler } from './handler';
vi.mock('./db');
vi.mock('./queue');
vi.mock('./auth');
vi.mock('./mailer');
vi.mock('./billing');
it('acks every message', async () => {
  const ack = vi.fn();
  const nack = vi.fn();
  await handler({ ack, nack });
  expect(ack).toHaveBeenCalledOnce();
});`,
      filename: 'src/handler.test.ts',
    },
    // A global re-stubbed in a hook and again in the test is one collaborator, and the stub
    // object a replacement hands out is part of that replacement (hono's cache tests).
    `import { beforeEach, describe, expect, it, vi } from 'vitest';
import { Hono } from 'hono';
import { cache } from './index';
vi.stubGlobal('caches', { open: async () => new Map() });
describe('skipping', () => {
  const stubStoreBackedCache = () => {
    const store = new Map();
    const mockCache = {
      match: vi.fn((key) => Promise.resolve(store.get(key))),
      put: vi.fn((key, response) => { store.set(key, response); return Promise.resolve(); }),
      keys: vi.fn(() => Promise.resolve([...store.keys()])),
    };
    vi.stubGlobal('caches', { open: vi.fn().mockResolvedValue(mockCache) });
    return { mockCache };
  };
  beforeEach(() => {
    const mockCache = { match: vi.fn().mockResolvedValue(undefined), put: vi.fn(), keys: vi.fn().mockResolvedValue([]) };
    vi.stubGlobal('caches', { open: vi.fn().mockResolvedValue(mockCache) });
  });
  it('stores once', async () => {
    const { mockCache } = stubStoreBackedCache();
    const app = new Hono();
    app.use('*', cache({ cacheName: 'x', wait: true }));
    await app.request('/');
    expect(mockCache.put).toHaveBeenCalledOnce();
  });
});`,
    // A stub handed to stubGlobal through a variable, returning a fake window (TanStack devtools).
    `import { expect, it, vi } from 'vitest';
import { openPip } from './pip';
it('opens a picture-in-picture window', () => {
  const listeners = new Map();
  const fakeWindow = {
    innerWidth: 800,
    addEventListener: vi.fn((event, handler) => listeners.set(event, handler)),
    removeEventListener: vi.fn((event) => listeners.delete(event)),
    close: vi.fn(),
  };
  const open = vi.fn(() => fakeWindow);
  vi.stubGlobal('open', open);
  vi.stubGlobal('matchMedia', () => ({ matches: false }));
  openPip();
  expect(open).toHaveBeenCalledOnce();
});`,
    // A hand-written fake mixing data and stubs is one collaborator (bullmq's cluster client fake).
    `import sinon from 'sinon';
import { expect } from 'chai';
import { RedisConnection } from '../src/classes/redis-connection';
const createMockClusterClient = (overrides = {}) => ({
  isCluster: true,
  status: 'ready',
  on: sinon.stub(),
  getMaxListeners: sinon.stub().returns(10),
  connect: sinon.stub().resolves(),
  quit: sinon.stub().resolves('OK'),
  info: sinon.stub().resolves('redis_version:7.0.0'),
  nodes: sinon.stub().returns([{}]),
  bzpopmin: sinon.stub().resolves(null),
  pipeline: sinon.stub().returns({ exec: sinon.stub().resolves([]) }),
  ...overrides,
});
it('reconnects a cluster with an empty node pool', async () => {
  let hasNodes = false;
  const cluster = createMockClusterClient({ connect: async () => { hasNodes = true; }, nodes: () => (hasNodes ? [{}] : []) });
  const connection = new RedisConnection(cluster);
  await connection.client;
  expect(hasNodes).to.equal(true);
});`,
    // A class-based fake with real methods and stub fields counts once.
    `import { expect, it, vi } from 'vitest';
import { createTabSessionSync } from './index';
class MockBroadcastChannel {
  listeners = new Set();
  addEventListener = vi.fn((type, listener) => { this.listeners.add(listener); });
  removeEventListener = vi.fn((type, listener) => { this.listeners.delete(listener); });
  postMessage = vi.fn((message) => { for (const listener of this.listeners) listener({ data: message }); });
  close = vi.fn(() => { this.listeners.clear(); });
  emit(message) { for (const listener of this.listeners) listener({ data: message }); }
}
it('syncs logout across tabs', () => {
  vi.stubGlobal('BroadcastChannel', MockBroadcastChannel);
  const onLoggedOut = vi.fn();
  const sync = createTabSessionSync({ onLoggedOut, reconcile: vi.fn(async () => ({ status: 'ok' })) });
  sync.logout();
  expect(onLoggedOut).toHaveBeenCalledOnce();
});`,
    // babel-jest hoists jest.mock only to the top of its own test, so sibling tests do not add up.
    {
      code: `beforeEach(() => { jest.resetModules(); });
test('uses the file store', () => {
  jest.mock('../src/store/file');
  jest.mock('../src/clock');
  jest.mock('../src/ids');
  const { save } = require('../src/save');
  expect(save('a')).toBe(true);
});
test('uses the memory store', () => {
  jest.mock('../src/store/memory');
  jest.mock('../src/clock');
  jest.mock('../src/uuid');
  const { save } = require('../src/save');
  expect(save('a')).toBe(true);
});`,
      languageOptions: { parserOptions: { sourceType: 'script' } },
    },
    // Step handlers given to an orchestrator as the workflow it runs (medusa orchestration shape):
    // each handler object counts once, so four in the setup and one more in a test stay within the
    // default limit. Counting each of their jest.fn methods reported the setup with 7.
    `import { LocalFlow } from '../flow/local-flow';
import { FlowRegistry } from '../flow/registry';
describe('LocalFlow', () => {
  let steps: Map<string, any>;
  beforeEach(() => {
    jest.resetAllMocks();
    FlowRegistry.clear();
    steps = new Map();
    steps.set('reserve', {
      run: jest.fn().mockResolvedValue({ reserved: true }),
      undo: jest.fn(() => undefined),
    });
    steps.set('charge', {
      run: jest.fn().mockResolvedValue({ charged: true }),
      undo: jest.fn().mockResolvedValue({}),
    });
    steps.set('fail', {
      run: jest.fn(() => { throw new Error('step failed'); }),
      undo: jest.fn().mockResolvedValue({ undone: true }),
    });
    steps.set('wait', { run: jest.fn(({ context }) => context.key) });
    FlowRegistry.define('checkout', { step: 'reserve', next: { step: 'charge' } }, steps);
    FlowRegistry.define('broken', { step: 'reserve', next: { step: 'fail' } }, steps);
  });
  it('runs every step once', async () => {
    const run = await new LocalFlow('checkout').start('id-1');
    expect(steps.get('charge').run).toHaveBeenCalledTimes(1);
    expect(run.state).toBe('done');
  });
  it('runs an inserted step', async () => {
    const extra = { run: jest.fn().mockResolvedValue({ ok: true }), undo: jest.fn().mockResolvedValue({}) };
    const flow = new LocalFlow('checkout');
    flow.insertBefore('charge', 'audit', extra);
    await flow.start('id-2');
    expect(extra.run).toHaveBeenCalledTimes(1);
  });
});`,
    // Strict thresholds are options: three is within max 3.
    {
      code: `import { expect, it, vi } from 'vitest';
import { run } from './run';
vi.mock('./a');
vi.mock('./b');
it('runs', () => { vi.stubGlobal('fetch', vi.fn(async () => new Response('{}'))); expect(run()).toBeTruthy(); });`,
      options: [{ max: 3, maxModuleMocks: 3 }],
    },
    // Web storage is the browser, not a collaborator: spies on Storage.prototype methods do not
    // count, so two module mocks and one fake socket stay within the limit.
    `import { describe, expect, it, jest } from '@jest/globals';
import { SessionService } from './session-service';
jest.mock('./api-client');
jest.mock('./socket-factory');
describe('SessionService', () => {
  it('restores the saved session', async () => {
    jest.spyOn(Storage.prototype, 'getItem').mockReturnValue('token-1');
    jest.spyOn(Storage.prototype, 'setItem').mockImplementation(() => undefined);
    jest.spyOn(Storage.prototype, 'removeItem').mockImplementation(() => undefined);
    const socket = { on: jest.fn(), emit: jest.fn().mockReturnValue(true), disconnect: jest.fn() };
    const service = new SessionService(socket);
    await service.restore();
    expect(service.token).toBe('token-1');
  });
});`,
    // A nested fake object is one collaborator, however deep its stubbed methods sit.
    `import { describe, expect, jest, test } from '@jest/globals';
import { publish } from './publish';
jest.mock('./client-factory');
jest.mock('./changelog');
jest.mock('./clock');
describe('publish', () => {
  test('comments on each linked issue', async () => {
    const client = {
      rest: {
        issues: { get: jest.fn(async () => ({ data: {} })), comment: jest.fn(async () => undefined) },
        repos: { listReleases: jest.fn(async () => ({ data: [] })) },
      },
      graphql: jest.fn(async () => ({})),
    };
    await publish(client);
    expect(client.rest.issues.comment).toHaveBeenCalled();
  });
});`,
    // Stubs assigned onto a module the file already mocks configure that mock; they are not new collaborators.
    `import { describe, expect, jest, test } from '@jest/globals';
import * as core from './action-core';
import { report } from './report';
jest.mock('./action-core');
jest.mock('./github-client');
describe('report', () => {
  (core.warning as jest.Mock) = jest.fn((message: string) => console.warn(message));
  (core.error as jest.Mock) = jest.fn((message: string) => console.error(message));
  test('writes the summary', async () => {
    core.info = jest.fn(() => undefined);
    core.setOutput = jest.fn(() => undefined);
    await report();
    expect(core.setOutput).toHaveBeenCalledWith('ok', true);
  });
});`,
    // Console and output-stream silencers are not collaborators: 3 module mocks and 1 stub (vitest, TS).
    `import { beforeEach, expect, it, vi } from 'vitest';
import * as registry from './registry';
import { Logger } from './logger';
import { run } from './cli';
vi.mock('./config-loader');
vi.mock('./git');
vi.mock('./npm');
beforeEach(() => {
  vi.spyOn(console, 'log').mockImplementation(() => {});
  vi.spyOn(console, 'error').mockImplementation(() => {});
  vi.spyOn(global.console, 'warn').mockImplementation(() => undefined);
  vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
  vi.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
});
it('publishes', async () => {
  vi.spyOn(registry, 'publish').mockResolvedValue({ ok: true });
  await run(['publish']);
  expect(console.error).not.toHaveBeenCalled();
});`,
    // Logger methods silenced with no programmed result are sinks; the input reader and the
    // output of the action are collaborators (jest, a GitHub action's shape).
    `import * as core from '@actions/core';
import * as github from '@actions/github';
import { run } from '../src/main';
jest.mock('../src/octokit');
jest.mock('../src/release');
describe('run', () => {
  beforeEach(() => {
    jest.spyOn(core, 'debug').mockImplementation(() => {});
    jest.spyOn(core, 'info').mockImplementation(() => {});
    jest.spyOn(core, 'warning').mockImplementation((message) => console.warn(message));
    jest.spyOn(core, 'getInput').mockReturnValue('v1');
  });
  it('tags the release', async () => {
    jest.spyOn(github.context, 'repo', 'get').mockReturnValue({ owner: 'o', repo: 'r' });
    jest.spyOn(core, 'setOutput').mockImplementation(() => {});
    await run();
    expect(core.setOutput).toHaveBeenCalledWith('tag', 'v1');
  });
});`,
    // A logger's methods stubbed in a shared hook (mocha + sinon, CommonJS); two real collaborators remain.
    {
      code: `const sinon = require('sinon');
const { expect } = require('chai');
const logger = require('../lib/logger');
const db = require('../lib/db');
const { migrate } = require('../lib/migrate');
describe('migrate', function () {
  beforeEach(function () {
    sinon.stub(logger, 'info');
    sinon.stub(logger, 'warn');
    sinon.stub(logger, 'error');
    sinon.stub(logger, 'debug');
    sinon.stub(db, 'query').resolves([]);
    sinon.stub(db, 'close').resolves();
  });
  afterEach(function () { sinon.restore(); });
  it('runs pending migrations', async function () {
    await migrate();
    expect(db.query.called).to.equal(true);
  });
});`,
      languageOptions: { parserOptions: { sourceType: 'script' } },
    },
    // Log sinks assigned as doubles onto a logger the file does not mock, and a logger module mocked without a factory (jest, TS).
    `import { describe, expect, jest, test } from '@jest/globals';
import { logger } from './logger';
import { report } from './report';
jest.mock('../utils/logger');
jest.mock('./action-core');
jest.mock('./github-client');
describe('report', () => {
  logger.warning = jest.fn((message: string) => console.warn(message));
  logger.error = jest.fn((message: string) => console.error(message));
  test('writes the summary', async () => {
    logger.info = jest.fn(() => undefined);
    logger.debug = jest.fn(() => undefined);
    console.log = jest.fn();
    await report();
    expect(logger.info).toHaveBeenCalled();
  });
});`,
    // Spies that call through observe the real method; they replace nothing (renovate's git tests, vitest).
    `import { describe, expect, it, vi } from 'vitest';
import { Repo } from './repo-driver';
import * as git from './index';
vi.mock('./conflicts-cache');
vi.mock('./modified-cache');
vi.mock('./auth');
describe('commitFiles', () => {
  it('does not pass --no-verify', async () => {
    const commitSpy = vi.spyOn(Repo.prototype, 'commit');
    const pushSpy = vi.spyOn(Repo.prototype, 'push');
    const fetchSpy = vi.spyOn(Repo.prototype, 'fetch');
    const envSpy = vi.spyOn(Repo.prototype, 'env', 'get');
    await git.commitFiles({ branchName: 'renovate/x', files: [] });
    expect(commitSpy).toHaveBeenCalledOnce();
    expect(pushSpy).toHaveBeenCalledOnce();
    expect(fetchSpy).not.toHaveBeenCalled();
    expect(envSpy).toHaveBeenCalled();
  });
});`,
    // node:test mock.method and sinon.spy without an implementation call through (JS).
    `import { test } from 'node:test';
import assert from 'node:assert/strict';
import sinon from 'sinon';
import fs from 'node:fs';
import path from 'node:path';
import { copyTree } from '../src/copy.js';
test('copies every file once', (t) => {
  const read = t.mock.method(fs, 'readFileSync');
  const write = t.mock.method(fs, 'writeFileSync');
  const exists = t.mock.method(fs, 'existsSync');
  const join = sinon.spy(path, 'join');
  const resolve = sinon.spy(path, 'resolve');
  const relative = sinon.spy(path, 'relative');
  copyTree('a', 'b');
  assert.equal(read.mock.callCount(), write.mock.callCount());
  assert.ok(exists.mock.callCount() > 0 && join.called && resolve.called && relative.called);
});`,
    // Spies and stubs on a module the file already mocks configure that mock (jest, CommonJS).
    {
      code: `jest.mock('@actions/core');
jest.mock('@actions/github');
jest.mock('../src/changelog');
const core = require('@actions/core');
const github = require('@actions/github');
const { run } = require('../src/main');
test('fails without a token', async () => {
  jest.spyOn(core, 'getInput').mockReturnValue('');
  jest.spyOn(core, 'setFailed').mockImplementation(() => undefined);
  jest.spyOn(github, 'getOctokit').mockReturnValue({ rest: {} });
  await run();
  expect(core.setFailed).toHaveBeenCalledWith('token missing');
});`,
      languageOptions: { parserOptions: { sourceType: 'script' } },
    },
    // Prototype spies on a class from a mocked package configure that module mock (vitest, TS).
    `import { beforeEach, expect, it, vi } from 'vitest';
import { SimpleGit } from 'simple-git';
import { push } from './push';
vi.mock('simple-git');
vi.mock('./cache');
beforeEach(() => {
  vi.spyOn(SimpleGit.prototype, 'push').mockResolvedValue({ pushed: [] });
  vi.spyOn(SimpleGit.prototype, 'fetch').mockResolvedValue({});
  vi.spyOn(SimpleGit.prototype, 'status').mockResolvedValue({ files: [] });
  vi.spyOn(SimpleGit.prototype, 'raw').mockResolvedValue('');
});
it('pushes', async () => {
  expect(await push('main')).toBe(true);
});`,
    // Environment variables, a global flag and constants modules set the test's input (vitest).
    `import { expect, it, vi } from 'vitest';
import { loadSettings } from './settings';
vi.mock('./store');
vi.mock('./constants', () => ({ MAX_RETRIES: 2, DEFAULT_REGION: 'eu', FLAGS: { beta: true } }));
vi.mock('./limits', () => ({ MAX_ITEMS: 3, NAMES: ['a', 'b'] }));
it('reads the region from the environment', () => {
  vi.stubEnv('REGION', 'us');
  vi.stubEnv('STAGE', 'prod');
  vi.stubEnv('DEBUG', '');
  vi.stubGlobal('__DEV__', false);
  expect(loadSettings().region).toBe('us');
});`,
    // jest.replaceProperty and process facts set the input too (jest, TS).
    `import { expect, jest, test } from '@jest/globals';
import * as http from './http';
import { proxyFor } from './proxy';
jest.mock('./dns');
jest.mock('../env');
test('uses the proxy of the environment', () => {
  jest.replaceProperty(process, 'env', { HTTPS_PROXY: 'http://p:8080' });
  jest.replaceProperty(process, 'platform', 'win32');
  jest.spyOn(process, 'arch', 'get').mockReturnValue('arm64');
  jest.spyOn(http, 'agent').mockReturnValue({});
  jest.spyOn(http, 'request').mockResolvedValue({ status: 200 });
  expect(proxyFor('https://x')).toBe('http://p:8080');
});`,
    // Scripted prompt answers are the user's input, not a collaborator (a CLI's init command, vitest).
    `import { expect, it, vi } from 'vitest';
import inquirer from 'inquirer';
import { init } from '../src/init';
vi.mock('../src/api');
vi.mock('../src/git');
vi.mock('../src/fs-utils');
vi.mock('@inquirer/prompts', () => ({ select: vi.fn(async () => 'site'), confirm: vi.fn(async () => true) }));
vi.mock('prompts');
it('creates a site', async () => {
  vi.spyOn(inquirer, 'prompt').mockResolvedValueOnce({ name: 'site' });
  expect(await init()).toBe('site');
});`,
    // A mocking library's own tests load its source by a relative path: making doubles is what they test (sinon's shape).
    {
      code: `const sinon = require('../lib/sinon');
const createSandbox = require('../lib/sinon/create-sandbox');
const { assert } = require('@sinonjs/referee');
describe('Sandbox', function () {
  it('restores every fake', function () {
    const sandbox = createSandbox();
    const object = { a() {}, b() {}, c() {}, d() {}, e() {}, f() {} };
    sandbox.stub(object, 'a').returns(1);
    sandbox.stub(object, 'b').returns(2);
    sandbox.stub(object, 'c').returns(3);
    sandbox.stub(object, 'd').returns(4);
    sandbox.stub(object, 'e').returns(5);
    sandbox.stub(object, 'f').returns(6);
    sandbox.restore();
    assert.isFalse(sinon.isStub(object.a));
  });
});`,
      filename: 'test/sandbox-test.js',
      languageOptions: { parserOptions: { sourceType: 'script' } },
    },
    // A fake-timers module under test, loaded as the file's subject.
    {
      code: `import { expect, it, vi } from 'vitest';
import { installFakeTimers } from './fake-timers';
it('replaces every timer function', () => {
  vi.spyOn(globalThis, 'setTimeout').mockImplementation(() => 1);
  vi.spyOn(globalThis, 'clearTimeout').mockImplementation(() => undefined);
  vi.spyOn(globalThis, 'setInterval').mockImplementation(() => 2);
  vi.spyOn(globalThis, 'clearInterval').mockImplementation(() => undefined);
  vi.spyOn(globalThis, 'setImmediate').mockImplementation(() => 3);
  vi.spyOn(Date, 'now').mockReturnValue(0);
  expect(installFakeTimers().now()).toBe(0);
});`,
      filename: 'src/fake-timers.test.ts',
    },
    // A doubles module without tests of its own makes doubles for other files (outline's test/setupMocks.ts shape).
    {
      code: `jest.mock('ioredis', () => jest.requireActual('ioredis-mock'));
jest.mock('./utils/MutexLock');
jest.mock('@aws-sdk/client-s3');
jest.mock('bull');
jest.mock('./queues');
jest.mock('./mailer');
jest.mock('./storage');`,
      filename: 'server/test/setupMocks.ts',
    },
    // A module factory that hands back the real module replaces nothing (overleaf's `vi.importActual`
    // error modules, an `importOriginal` spread, jest `requireActual`).
    `import { expect, it, vi } from 'vitest';
import { charge } from './charge';
vi.mock('./errors', () => vi.importActual('./errors'));
vi.mock('./money', async (importOriginal) => ({ ...(await importOriginal()) }));
vi.mock('./currency', async () => {
  return { ...(await vi.importActual('./currency')) };
});
vi.mock('./gateway');
vi.mock('./ledger');
vi.mock('./fraud');
vi.mock('./mailer');
it('charges', async () => { expect(await charge(5)).toBe('ok'); });`,
    {
      code: `jest.mock('../src/errors', () => jest.requireActual('../src/errors'));
jest.mock('../src/codes', () => ({ ...jest.requireActual('../src/codes') }));
jest.mock('../src/db');
jest.mock('../src/cache');
jest.mock('../src/queue');
jest.mock('../src/mailer');
const { signup } = require('../src/signup');
test('signs up', async () => { expect(await signup('a@b.c')).toEqual({ ok: true }); });`,
      languageOptions: { parserOptions: { sourceType: 'script' } },
    },
    // Fakes kept on the test context and handed to a module factory are that module's stand-in: the
    // module counts once, not once more per fake and per stub later put on it (overleaf's ctx + doMock shape).
    `import { beforeEach, describe, expect, it, vi } from 'vitest';
import sinon from 'sinon';
describe('ArchiveManager', () => {
  beforeEach(async (ctx) => {
    ctx.Finder = { promises: { findFiles: sinon.stub().resolves([]) } };
    ctx.Cache = { path: sinon.stub().callsFake((a, b) => a + '/' + b) };
    ctx.archive = { append: sinon.stub(), finalize: sinon.stub().resolves() };
    ctx.archiver = sinon.stub().returns(ctx.archive);
    ctx.fs = { open: sinon.stub().resolves({ close: sinon.stub() }) };
    vi.doMock('../app/Finder', () => ({ default: ctx.Finder }));
    vi.doMock('../app/Cache', () => ({ default: ctx.Cache }));
    vi.doMock('archiver', () => ({ default: ctx.archiver }));
    vi.doMock('node:fs/promises', () => ctx.fs);
    ctx.Manager = (await import('../app/ArchiveManager')).default;
  });
  describe('with files', () => {
    beforeEach((ctx) => {
      ctx.Finder.promises.findFiles = sinon.stub().resolves([{ path: 'a' }]);
      sinon.stub(ctx.Cache, 'path').returns('x');
    });
    it('archives them', async (ctx) => {
      await ctx.Manager.archive('p1');
      expect(ctx.archive.append.callCount).toBe(1);
    });
  });
});`,
    // Doubles made into \`let\` variables and handed back by another stub are that stub's fake
    // (firebase-tools' apiv2 Client stub returning { get, post, … } stubs; mocha + sinon).
    {
      code: `const sinon = require('sinon');
const { expect } = require('chai');
const apiv2 = require('../apiv2');
const poller = require('../poller');
const client = require('./client');
describe('client', () => {
  let sandbox;
  let getStub;
  let postStub;
  let deleteStub;
  let patchStub;
  beforeEach(() => {
    sandbox = sinon.createSandbox();
    getStub = sandbox.stub().resolves({ body: {} });
    postStub = sandbox.stub().resolves({ body: {} });
    deleteStub = sandbox.stub().resolves({ body: {} });
    patchStub = sandbox.stub().resolves({ body: {} });
    sandbox.stub(apiv2, 'Client').returns({ get: getStub, post: postStub, delete: deleteStub, patch: patchStub });
    sandbox.stub(poller, 'pollOperation');
  });
  afterEach(() => sandbox.restore());
  it('lists locations', async () => {
    getStub.resolves({ body: { locations: [{ locationId: 'us' }] } });
    expect(await client.listLocations('p')).to.deep.equal(['us']);
  });
});`,
      languageOptions: { parserOptions: { sourceType: 'script' } },
    },
    // Settings and configuration modules set the test's input; metrics, error reporting and analytics
    // modules stubbed without a return value are output sinks, like a logger.
    `import { beforeEach, expect, it, vi } from 'vitest';
beforeEach(async (ctx) => {
  ctx.dir = '/compiles';
  vi.doMock('@overleaf/settings', () => ({ default: { path: { compilesDir: ctx.dir } } }));
  vi.doMock('../config', () => ({ default: { get: () => 'x' } }));
  vi.doMock('@overleaf/metrics', () => ({ default: { inc: vi.fn(), timing: vi.fn(), Timer: vi.fn(() => undefined) } }));
  vi.doMock('@sentry/nextjs', () => ({ captureException: vi.fn() }));
  vi.doMock('@/lib/posthog', () => ({ capturePostHogEvent: vi.fn() }));
  vi.doMock('@/modules/ee/audit-logs/lib/handler', () => ({ queueAuditEvent: vi.fn() }));
  vi.doMock('../ResourceStateManager');
  vi.doMock('../UrlCache');
  ctx.writer = (await import('../ResourceWriter')).default;
});
it('writes resources', async (ctx) => { expect(await ctx.writer.write([])).toEqual([]); });`,
    // The request a handler gets and the response it writes are its input and output, not collaborators.
    {
      code: `const sinon = require('sinon');
const { expect } = require('chai');
const Controller = require('../src/AuthController');
describe('finishLogin', function () {
  beforeEach(function () {
    this.req = { session: { regenerate: sinon.stub().yields(), destroy: sinon.stub() }, body: {} };
    this.res = { json: sinon.stub(), redirect: sinon.stub(), status: sinon.stub().returnsThis() };
    this.req.session.save = sinon.stub().yields(new Error('woops'));
    this.req.logIn = sinon.stub().yields();
    this.res.cookie = sinon.stub().returns(this.res);
    this.req.get = sinon.stub().returns('agent');
    this.req.ip = sinon.stub().returns('127.0.0.1');
    sinon.stub(Controller, 'track');
  });
  it('fails when the session cannot be saved', async function () {
    await Controller.finishLogin(this.user, this.req, this.res).catch((err) => expect(err).to.exist);
  });
});`,
      languageOptions: { parserOptions: { sourceType: 'script' } },
    },
    // Child components stubbed for a shallow render and Next.js plumbing (router, server-only) are not
    // the page's collaborators (langfuse route-params shape; TSX).
    `import { expect, test, vi } from 'vitest';
import { render, screen } from '@testing-library/react';
import { useRouter } from 'next/router';
vi.mock('server-only', () => ({}));
vi.mock('next/router', () => ({ useRouter: vi.fn() }));
vi.mock('next/navigation', () => ({ useSearchParams: vi.fn(() => new URLSearchParams()) }));
vi.mock('@/features/traces/TracePage', () => ({ TracePage: ({ traceId }) => <div data-testid="trace">{traceId}</div> }));
vi.mock('@/components/session', () => ({
  SessionPage: ({ sessionId }) => <div>{sessionId}</div>,
  SessionEventsPage: () => null,
}));
vi.mock('@/features/queues/Items', () => ({ default: function Items() { return <></>; } }));
import TraceRoute from '@/pages/traces/[traceId]';
test('mounts the trace page once the query is ready', () => {
  vi.mocked(useRouter).mockReturnValue({ query: { traceId: 't1' }, isReady: true });
  render(<TraceRoute />);
  expect(screen.getByTestId('trace').textContent).toBe('t1');
});`,
    // A hand-built context object (data plus the models the code reads, stubs kept in variables and put
    // into it) is one fake, however its stubs are nested (growthbook's makeContext shape; jest, TS).
    `import { describe, expect, it, jest } from '@jest/globals';
import { evaluateStep } from './evaluator';
jest.mock('./snapshots', () => ({ createSnapshot: jest.fn() }));
jest.mock('./features', () => ({ getFeature: jest.fn() }));
jest.mock('./events', () => ({ createEvent: jest.fn() }));
function makeContext(schedule: unknown) {
  const updateById = jest.fn().mockImplementation((id: string, updates: object) => ({ ...(schedule as object), ...updates }));
  return {
    org: { id: 'org_1', settings: {} },
    permissions: { canPublish: jest.fn().mockReturnValue(true), canReview: jest.fn().mockReturnValue(true) },
    models: {
      schedules: { getById: jest.fn().mockResolvedValue(schedule), updateById, lock: jest.fn().mockResolvedValue(true) },
      rollouts: { getById: jest.fn().mockResolvedValue(null) },
      groups: { getAll: jest.fn().mockResolvedValue([]) },
    },
  };
}
describe('evaluateStep', () => {
  it('holds a stale rollout', async () => {
    const context = makeContext({ id: 's1' });
    expect(await evaluateStep(context, new Date(0))).toEqual({ action: 'hold' });
  });
});`,
    // Reviewer policy (default `checks: 'wiring'`): nine replaced collaborators that only feed data
    // into the logic under test, checked through its computed result, are accepted isolation (jest, TS).
    `import { describe, expect, it, jest } from '@jest/globals';
import { planSnapshot } from './planner';
jest.mock('./models/experiments');
jest.mock('./models/metrics');
jest.mock('./models/datasources');
jest.mock('./models/segments');
jest.mock('./models/dimensions');
jest.mock('./services/queries');
jest.mock('./services/stats');
jest.mock('./services/settings-store');
jest.mock('./services/runner');
describe('planSnapshot', () => {
  it('plans a full refresh', async () => {
    const plan = await planSnapshot('exp_1');
    expect(plan.mode).toBe('full');
    expect(plan.queries).toHaveLength(3);
  });
});`,
    // Many doubles, and the tests check the errors the gate throws: decision logic, not wiring (vitest, TS).
    `import { beforeEach, expect, it, vi } from 'vitest';
import { getWorkspaceAuth } from './utils';
vi.mock('@/lib/workspace/service');
vi.mock('@/lib/session');
vi.mock('@/lib/organization/service');
vi.mock('@/lib/membership/service');
vi.mock('@/lib/permissions/service');
vi.mock('@/lib/team/service');
vi.mock('@/lib/billing/service');
vi.mock('@/lib/features/service');
vi.mock('@/lib/invites/service');
beforeEach(() => {
  vi.mocked(getSession).mockResolvedValue({ user: { id: 'u1' } });
});
it('rejects a missing workspace', async () => {
  await expect(getWorkspaceAuth('w1')).rejects.toThrow('Workspace not found');
});
it('rejects a user outside the organisation', async () => {
  await expect(getWorkspaceAuth('w2')).rejects.toThrow(/not a member/);
});`,
    // Nine doubles with one interaction assertion among three result assertions: most of what the
    // test checks is the result (mocha + chai + sinon, JS).
    `const sinon = require('sinon');
const { expect } = require('chai');
const { importProject } = require('../lib/import');
describe('importProject', function () {
  beforeEach(function () {
    sinon.stub(archive, 'extract').resolves(['main.tex']);
    sinon.stub(docs, 'create').resolves({ id: 'd1' });
    sinon.stub(files, 'upload').resolves({ id: 'f1' });
    sinon.stub(projects, 'create').resolves({ id: 'p1' });
    sinon.stub(projects, 'setRootDoc').resolves();
    sinon.stub(history, 'flush').resolves();
    sinon.stub(tpds, 'flush').resolves();
    sinon.stub(locks, 'acquire').resolves(true);
    sinon.stub(quota, 'check').resolves({ ok: true });
  });
  it('imports the archive', async function () {
    const project = await importProject('u1', 'a.zip');
    expect(project.rootDoc).to.equal('d1');
    expect(project.files).to.have.length(1);
    expect(project.name).to.equal('a');
    expect(projects.create).to.have.been.calledOnce;
  });
});`,
    // node:test: nine replaced methods, and the test checks the snapshot it computed (JS).
    `import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import { test } from 'node:test';
test('snapshot', (t) => {
  t.mock.method(fs, 'readFileSync', () => '{}');
  t.mock.method(fs, 'writeFileSync', () => undefined);
  t.mock.method(fs, 'existsSync', () => true);
  t.mock.method(fs, 'statSync', () => ({ size: 2 }));
  t.mock.method(fs, 'readdirSync', () => []);
  t.mock.method(os, 'homedir', () => '/home/x');
  t.mock.method(os, 'tmpdir', () => '/tmp');
  t.mock.method(os, 'hostname', () => 'box');
  t.mock.method(process, 'cwd', () => '/work');
  assert.deepEqual(snapshot(), { size: 2, host: 'box' });
});`,
    // A shared setup over the limit is accepted when most of the tests under it check results,
    // even if one of them checks calls (vitest, TS).
    `import { beforeEach, describe, expect, it, vi } from 'vitest';
import { Pipeline } from './pipeline';
describe('Pipeline', () => {
  beforeEach(() => {
    vi.spyOn(store, 'load').mockResolvedValue([]);
    vi.spyOn(store, 'save').mockResolvedValue(undefined);
    vi.spyOn(queue, 'push').mockResolvedValue(1);
    vi.spyOn(queue, 'pop').mockResolvedValue(null);
    vi.spyOn(cache, 'get').mockReturnValue(null);
    vi.spyOn(cache, 'set').mockReturnValue(true);
    vi.spyOn(clock, 'now').mockReturnValue(0);
    vi.spyOn(ids, 'next').mockReturnValue('id1');
    vi.spyOn(rules, 'load').mockResolvedValue([]);
  });
  it('returns an empty report', async () => {
    expect(await new Pipeline().run()).toEqual({ items: [] });
  });
  it('counts nothing', async () => {
    expect((await new Pipeline().run()).count).toBe(0);
  });
  it('pushes once', async () => {
    await new Pipeline().run();
    expect(queue.push).toHaveBeenCalledOnce();
  });
});`,
    // A module factory that hands back the real module imported at the top replaces nothing, nor does
    // one whose value is a data table kept on the test context, nor an empty stand-in (overleaf,
    // growthbook shapes; vitest + sinon, JS).
    {
      code: `import { vi, expect } from 'vitest';
import sinon from 'sinon';
import Errors from '../../app/src/Errors/Errors.js';
import mongodb from 'mongodb-legacy';
const { ObjectId } = mongodb;
describe('RestoreManager', function () {
  beforeEach(async function (ctx) {
    ctx.PlansData = { enterprise: { USD: { 5: { price: 100 } } } };
    ctx.Entities = { ADD_ON_CODE: 'additional-license' };
    vi.doMock('../../app/src/Errors/Errors.js', () => Errors);
    vi.doMock('../../app/src/Errors/OError.js', () => ({ default: Errors }));
    vi.doMock('mongodb-legacy', () => ({ default: { ObjectId } }));
    vi.doMock('../../app/src/PlansData', () => ({ default: ctx.PlansData }));
    vi.doMock('../../app/src/Entities', () => ({ default: ctx.Entities }));
    vi.doMock('../../app/src/models/Organization', () => ({}));
    vi.doMock('../../app/src/Project/ProjectGetter', () => ({ default: { getProject: sinon.stub().resolves({}) } }));
    vi.doMock('../../app/src/Project/ProjectLocator', () => ({ default: { findElement: sinon.stub().resolves({}) } }));
  });
  it('restores', async function (ctx) {
    expect(ctx.ProjectGetter.getProject).to.have.been.calledWith('p1');
  });
});`,
      options: [{ max: 3, maxModuleMocks: 3, checks: 'any' }],
    },
    // Analytics and audit-log modules whose stand-ins return nothing, named anywhere in the file
    // name (AnalyticsManager, UserAuditLogHandler), and an analytics sink spy are recorders, not
    // collaborators; a constants module mocked through `vi.mock(import(…))` is test input (JS).
    {
      code: `import { vi, expect } from 'vitest';
import sinon from 'sinon';
vi.mock(import('@/lib/constants'), async (importOriginal) => {
  const actual = await importOriginal();
  return { ...actual, IS_CLOUD: true };
});
describe('CollaboratorsInviteController', function () {
  beforeEach(async function (ctx) {
    ctx.AnalyticsManager = { recordEventForSession: sinon.stub() };
    ctx.ProjectAuditLogHandler = { promises: { addEntry: sinon.stub().resolves() } };
    ctx.segmentAnalyticsIdentifyMock = sinon.stub().resolves(undefined);
    vi.doMock('../../app/src/Analytics/AnalyticsManager', () => ({ default: ctx.AnalyticsManager }));
    vi.doMock('../../app/src/Project/ProjectAuditLogHandler', () => ({ default: ctx.ProjectAuditLogHandler }));
    vi.doMock('../../app/src/User/UserAuditLogHandler.mjs', () => ({ default: { addEntry: sinon.stub() } }));
    vi.doMock('../../app/src/Project/ProjectGetter', () => ({ default: { getProject: sinon.stub().resolves({}) } }));
  });
  it('invites', async function (ctx) {
    expect(ctx.ProjectGetter.getProject).to.have.been.calledWith('p1');
  });
});`,
      options: [{ max: 1, maxModuleMocks: 1, checks: 'any' }],
    },
    // Stubs put into the fake a factory hands back (`ctx.Mongo` holds `ctx.findOne`), and a fake
    // class's field stub, are that one module's stand-in, not collaborators of their own (overleaf shapes, JS).
    {
      code: `import { vi, expect } from 'vitest';
import sinon from 'sinon';
describe('UserGetter', function () {
  beforeEach(async function (ctx) {
    ctx.findOne = sinon.stub().resolves({ _id: 'u1' });
    ctx.find = sinon.stub().resolves([]);
    ctx.Mongo = { db: { users: { findOne: ctx.findOne, find: ctx.find } } };
    ctx.RateLimiter = { RateLimiter: class { consume = sinon.stub().resolves(true) } };
    vi.doMock('../../app/src/infrastructure/mongodb', () => ctx.Mongo);
    vi.doMock('../../app/src/infrastructure/RateLimiter', () => ctx.RateLimiter);
  });
  it('gets the user', async function (ctx) {
    expect(ctx.findOne).to.have.been.calledOnce;
  });
});`,
      options: [{ max: 2, maxModuleMocks: 2, checks: 'any' }],
    },
    // Guard stubs that fail on any call nobody planned keep the test off the network; they are a
    // safety net, not collaborators (firebase-tools shape; mocha + sinon, TS).
    {
      code: `import * as sinon from 'sinon';
import { expect } from 'chai';
describe('createBackend', () => {
  beforeEach(() => {
    sinon.stub(apphosting, 'createBackend').throws('Unexpected createBackend call');
    sinon.stub(apphosting, 'listBackends').throws('Unexpected listBackends call');
    sinon.stub(iam, 'createServiceAccount').rejects(new Error('unexpected createServiceAccount call'));
    sinon.stub(poller, 'pollOperation').callsFake(() => {
      throw new Error('Unexpected pollOperation call');
    });
  });
  it('returns the backend', async () => {
    sinon.stub(apphosting, 'getBackend').resolves({ name: 'b' });
    expect(await getBackend('p', 'b')).to.deep.equal({ name: 'b' });
  });
});`,
      options: [{ max: 2, maxModuleMocks: 2, checks: 'any' }],
    },
    // A metrics module's stand-in with a timer class, an analytics stub assigned inside the factory,
    // and a middleware's `next` callback are recorders and handler input, not collaborators
    // (overleaf ProjectUploadController and OwnershipTransferHandler shapes; vitest + sinon, JS).
    {
      code: `import { vi, expect } from 'vitest';
import sinon from 'sinon';
describe('ProjectUploadController', function () {
  beforeEach(async function (ctx) {
    ctx.metrics = { Timer: class Timer { done = sinon.stub() } };
    ctx.next = sinon.stub();
    ctx.next.callsFake(() => ctx.resolve());
    vi.doMock('@overleaf/metrics', () => ({ default: ctx.metrics }));
    vi.doMock('../../app/src/Analytics/AnalyticsManager', () => ({
      default: { recordEventForUserInBackground: (ctx.recordEvent = sinon.stub()) },
    }));
    vi.doMock('../../app/src/Uploads/ProjectUploadManager', () => ({ default: { upload: sinon.stub().resolves({ id: 'p1' }) } }));
  });
  it('uploads', async function (ctx) {
    expect(ctx.next.callCount).to.equal(0);
  });
});`,
      options: [{ max: 1, maxModuleMocks: 1, checks: 'any' }],
    },
    // Stubs kept in variables (with an option's default) and put into a context object that another
    // mock hands back are that mock's value, not collaborators of the test (growthbook oauth shape; jest, TS).
    {
      code: `import { expect, it, jest } from '@jest/globals';
import { getContextForUserIdInOrg } from '../src/services/organizations';
jest.mock('../src/services/organizations', () => ({ getContextForUserIdInOrg: jest.fn() }));
const mockGetContext = jest.mocked(getContextForUserIdInOrg);
function mockOrgContext(overrides: { deleteForGrant?: jest.Mock } = {}) {
  const deleteForGrant = overrides.deleteForGrant ?? jest.fn().mockResolvedValue(undefined);
  const consume = jest.fn().mockResolvedValue({ tokenHash: 'old' });
  const getGrant = jest.fn().mockResolvedValue({ revoked: false });
  const context = { org: { id: 'org-1' }, models: { tokens: { deleteForGrant, consume }, grants: { getGrant } } };
  mockGetContext.mockResolvedValue(context as never);
  return { deleteForGrant };
}
it('rotates the refresh token', async () => {
  mockOrgContext();
  expect(await rotate('old')).toEqual({ tokenHash: 'new' });
});`,
      options: [{ max: 1, maxModuleMocks: 1, checks: 'any' }],
    },
    // A literal of fakes named as a context's models is one hand-built context, like the context
    // literal it goes into (growthbook sdk-payload shape; jest, TS).
    {
      code: `import { expect, it, jest } from '@jest/globals';
it('refreshes the payload cache', async () => {
  const upsert = jest.fn().mockResolvedValue(undefined);
  const mockModels = {
    sdkConnectionCache: { upsert, deleteAll: jest.fn().mockResolvedValue(0) },
    savedGroups: { getAll: jest.fn().mockResolvedValue([]) },
    holdout: { getAllPayloadHoldouts: jest.fn().mockResolvedValue(new Map()) },
  };
  await refreshSDKPayloadCache({ context: minimalContext({ models: mockModels }) });
  expect(await readPayload('sdk-1')).toEqual({ features: {} });
});`,
      options: [{ max: 1, maxModuleMocks: 1, checks: 'any' }],
    },
    // Stubs put on `this.prototype` in a fake class are that class's methods, and the class is the
    // stand-in of the module whose factory hands it back (overleaf DockerRunner shape; vitest + sinon, JS).
    {
      code: `import { vi, expect } from 'vitest';
import sinon from 'sinon';
describe('DockerRunner', function () {
  beforeEach(async function (ctx) {
    const Docker = (function () {
      const Docker = class Docker {
        static initClass() {
          this.prototype.getContainer = sinon.stub().returns({});
          this.prototype.createContainer = sinon.stub().yields(null, {});
          this.prototype.listContainers = sinon.stub().yields(null, []);
        }
      };
      Docker.initClass();
      return Docker;
    })();
    vi.doMock('dockerode', () => ({ default: Docker }));
    vi.doMock('../../app/js/LockManager', () => ({ default: { runWithLock: sinon.stub().yields(null) } }));
  });
  it('runs', function (ctx) {
    expect(ctx.DockerRunner.run).to.be.a('function');
  });
});`,
      options: [{ max: 2, maxModuleMocks: 2, checks: 'any' }],
    },
    // A fake stored on the test context that nothing reads again replaces nothing (overleaf
    // OwnershipTransferHandler shape; vitest + sinon, JS).
    {
      code: `import { vi, expect } from 'vitest';
import sinon from 'sinon';
describe('OwnershipTransferHandler', function () {
  beforeEach(async function (ctx) {
    ctx.TpdsUpdateSender = { promises: { moveEntity: sinon.stub().resolves({ moved: true }) } };
    ctx.ProjectGetter = { promises: { getProject: sinon.stub().resolves({ _id: 'p1' }) } };
    vi.doMock('../../app/src/Project/ProjectGetter', () => ({ default: ctx.ProjectGetter }));
  });
  it('transfers', async function (ctx) {
    expect(ctx.ProjectGetter.promises.getProject).to.have.been.calledWith('p1');
  });
});`,
      options: [{ max: 1, maxModuleMocks: 1, checks: 'any' }],
    },
    // Default policy: a coordinator whose tests check that its doubles were called (created, started,
    // closed) but find no value a double returned is not reported (launchdarkly data manager shape; jest, TS).
    `import { expect, it, jest } from '@jest/globals';
import { createDataManager } from '../src/datasource/DataManager';
jest.mock('../src/datasource/DataSource');
jest.mock('../src/datasource/Debounce');
jest.mock('../src/storage/namespace');
jest.mock('../src/datasource/Requestor');
jest.mock('../src/datasource/PollingSynchronizer');
jest.mock('../src/datasource/StreamingSynchronizer');
jest.mock('../src/datasource/ModeResolver');
jest.mock('../src/datasource/Bootstrap');
jest.mock('../src/datasource/Selector');
it('tears down the previous data source on re-identify', async () => {
  const manager = createDataManager(makeConfig());
  await manager.identify('a');
  await manager.identify('b');
  expect(dataSource.close).toHaveBeenCalledTimes(1);
  expect(debounce.close).toHaveBeenCalledTimes(1);
});
it('creates no data source in offline mode', async () => {
  const manager = createDataManager(makeConfig({ mode: 'offline' }));
  await manager.identify('a');
  expect(createDataSource).not.toHaveBeenCalled();
});`,
    // Default policy: a literal the test wrote both into a double and into an assertion is not an
    // echo: the recorder computed the payload it sends (posthog replay shape; jest, TS).
    `import { beforeEach, expect, it, jest } from '@jest/globals';
import { SessionRecording } from '../src/replay';
jest.mock('../src/remote-config');
jest.mock('../src/entrypoints/rrweb');
jest.mock('../src/utils/script-loader');
jest.mock('../src/utils/visibility');
jest.mock('../src/utils/request-router');
jest.mock('../src/consent');
jest.mock('../src/storage');
jest.mock('../src/session-id');
beforeEach(() => {
  jest.spyOn(window, 'open').mockReturnValue(null);
});
it('masks the captured href with the user function', () => {
  const maskFn = jest.fn(() => 'masked-by-new');
  new SessionRecording(posthog, { maskFn }).start();
  expect(posthog.capture).toHaveBeenCalledWith('$snapshot', expect.objectContaining({ href: 'masked-by-new' }));
});`,
    // Default policy: a failure path that checks the returned -1 besides the calls is checking the
    // subject's decision, even where a call check finds a programmed value again (actions cache shape; jest, JS).
    `const cacheUtils = require('../src/internal/cacheUtils');
const tar = require('../src/internal/tar');
const { saveCache } = require('../src/cache');
beforeAll(() => {
  jest.spyOn(cacheUtils, 'resolvePaths').mockResolvedValue(['/w/node_modules']);
  jest.spyOn(cacheUtils, 'createTempDirectory').mockResolvedValue('/tmp/a');
  jest.spyOn(config, 'getCacheServiceVersion').mockReturnValue('v2');
});
test('returns -1 when the entry cannot be reserved', async () => {
  const compression = 'zstd';
  jest.spyOn(client, 'createCacheEntry').mockResolvedValue({ ok: false });
  jest.spyOn(client, 'finalize').mockResolvedValue({ ok: true });
  jest.spyOn(cacheUtils, 'getCompressionMethod').mockResolvedValueOnce(compression);
  jest.spyOn(cacheUtils, 'getArchiveFileSizeInBytes').mockReturnValueOnce(1024);
  jest.spyOn(tar, 'createTar').mockResolvedValue(undefined);
  jest.spyOn(http, 'saveCache').mockResolvedValue(undefined);
  const cacheId = await saveCache(['node_modules'], 'key');
  expect(cacheId).toBe(-1);
  expect(tar.createTar).toHaveBeenCalledWith('/tmp/a', ['/w/node_modules'], compression);
  expect(http.saveCache).toHaveBeenCalledTimes(0);
});`,
    // Default policy: a setup whose tests check calls with the data the subject computed, and only
    // one of them finds a programmed value again, is not reported: one echo can be incidental (setup-node shape; vitest, TS).
    `import { beforeEach, describe, expect, it, vi } from 'vitest';
import { run } from '../src/main';
describe('nightly installer', () => {
  const toolPath = '/cache/node/16.0.0/x64';
  beforeEach(() => {
    vi.spyOn(tc, 'find').mockReturnValue(toolPath);
    vi.spyOn(tc, 'downloadTool').mockResolvedValue('/tmp/node.tgz');
    vi.spyOn(tc, 'extractTar').mockResolvedValue('/tmp/node');
    vi.spyOn(tc, 'cacheDir').mockResolvedValue('/cache/node');
    vi.spyOn(io, 'which').mockResolvedValue('/usr/bin/node');
    vi.spyOn(exec, 'getExecOutput').mockResolvedValue({ stdout: 'v16', stderr: '', exitCode: 0 });
    vi.spyOn(httpClient, 'getJson').mockResolvedValue({ result: [] });
    vi.spyOn(cache, 'restore').mockResolvedValue(undefined);
    vi.spyOn(core, 'addPath').mockReturnValue(undefined);
  });
  it('adds the cached tool to the path', async () => {
    await run();
    expect(core.addPath).toHaveBeenCalledWith(toolPath);
  });
  it('finds the resolved nightly', async () => {
    await run();
    expect(tc.find).toHaveBeenCalledWith('node', '16.0.0-nightly20210417', 'x64');
  });
  it('downloads from the nightly mirror', async () => {
    await run();
    expect(tc.downloadTool).toHaveBeenCalledWith('https://nodejs.org/download/nightly/v16.0.0/node.tgz');
  });
});`,
    // Default policy: a blanket beforeEach of nine stubs whose tests check calls with literals the
    // subject computed, finding no value a stub returns, is not reported (mocha + chai + sinon, JS).
    `const sinon = require('sinon');
const { expect } = require('chai');
const { uploadProject } = require('../lib/upload');
describe('uploadProject', function () {
  beforeEach(function () {
    sinon.stub(archive, 'extract').resolves(['main.tex']);
    sinon.stub(docs, 'create').resolves({ id: 'd1' });
    sinon.stub(files, 'upload').resolves({ id: 'f1' });
    sinon.stub(projects, 'create').resolves({ id: 'p1' });
    sinon.stub(projects, 'setRootDoc').resolves();
    sinon.stub(history, 'flush').resolves();
    sinon.stub(tpds, 'flush').resolves();
    sinon.stub(details, 'fixName').returns('a');
    sinon.stub(helper, 'titleOf').returns('A');
  });
  it('creates the project', async function () {
    await uploadProject('u1', 'a.zip');
    expect(projects.create).to.have.been.calledWith('u1', 'a');
  });
  it('flushes', async function () {
    await uploadProject('u1', 'a.zip');
    sinon.assert.calledOnce(tpds.flush);
  });
});`,
    // Default policy: node:test call records with literal arguments find no programmed value (JS).
    `import assert from 'node:assert/strict';
import { test } from 'node:test';
test('publishes', (t) => {
  const build = t.mock.method(builder, 'build', async () => ({ ok: true }));
  t.mock.method(git, 'tag', async () => 'v1');
  t.mock.method(git, 'push', async () => undefined);
  t.mock.method(npm, 'publish', async () => undefined);
  t.mock.method(npm, 'whoami', async () => 'me');
  t.mock.method(changelog, 'write', async () => undefined);
  t.mock.method(github, 'release', async () => ({ id: 1 }));
  t.mock.method(slack, 'notify', async () => undefined);
  t.mock.method(versions, 'next', () => '1.0.0');
  publish();
  assert.equal(build.mock.callCount(), 1);
  assert.deepEqual(npm.publish.mock.calls[0].arguments, ['1.0.0']);
});`,
    // Default policy: an auth gate fed by stubbed lookups, where one call check finds the looked-up
    // user again but the test also checks the gate's outcome, is accepted isolation (hedgedoc shape; mocha + chai + sinon, TS).
    `import * as sinon from 'sinon';
import { expect } from 'chai';
import { Gateway } from '../src/gateway';
describe('Gateway', () => {
  const user = { id: 'u1' };
  beforeEach(() => {
    sinon.stub(sessions, 'extractSessionId').returns('s1');
    sinon.stub(sessions, 'fetchUsername').resolves('alice');
    sinon.stub(users, 'getByUsername').resolves(user);
    sinon.stub(notes, 'getByAlias').resolves({ id: 'n1' });
    sinon.stub(permissions, 'mayRead').resolves(true);
    sinon.stub(permissions, 'mayWrite').resolves(false);
    sinon.stub(realtime, 'getOrCreate').returns(room);
    sinon.stub(room, 'addClient').returns(undefined);
    sinon.stub(connections, 'create').returns(connection);
  });
  it('accepts a reader', async () => {
    await new Gateway().handleConnection(socket, request);
    expect(room.addClient).to.have.been.calledWith(connection);
    expect(socket.close).not.to.have.been.called;
    expect(socket.readOnly).to.equal(true);
  });
});`,
    // The same object reached by two names is one: `broker.cacher.get` is the `cacher.get` the suite
    // stubbed, and `unlock` is what the `lock` stub resolves to, so this test replaces six things, not
    // ten (moleculer cacher-middleware shape; jest, JS).
    `const { ServiceBroker } = require('../../src/service-broker');
const Cacher = require('../../src/cachers/base');
describe('cache middleware with lock', () => {
  const cachedData = { num: 5 };
  const cacher = new Cacher();
  const broker = new ServiceBroker({ logger: false, cacher });
  cacher.get = jest.fn(() => Promise.resolve(cachedData));
  cacher.set = jest.fn(() => Promise.resolve());
  cacher.getWithTTL = jest.fn(() => Promise.resolve({ data: cachedData, ttl: 15 }));
  it('refreshes a stale key', () => {
    const action = { name: 'posts.find', cache: { ttl: 30, lock: { staleTime: 10 } }, handler: jest.fn(() => Promise.resolve([9])) };
    broker.cacher.get = jest.fn(() => Promise.resolve(cachedData));
    broker.cacher.getWithTTL = jest.fn(() => Promise.resolve({ data: cachedData, ttl: 5 }));
    broker.cacher.set = jest.fn(() => Promise.resolve());
    const unlock = jest.fn(() => Promise.resolve());
    broker.cacher.lock = jest.fn(() => Promise.resolve(unlock));
    broker.cacher.tryLock = jest.fn(() => Promise.resolve(unlock));
    return cacher.middleware().localAction(action.handler, action)({}).then((response) => {
      expect(response).toBe(cachedData);
      expect(broker.cacher.tryLock).toHaveBeenCalledTimes(1);
      expect(unlock).toHaveBeenCalledTimes(1);
    });
  });
});`,
    // A property replaced in the hook and replaced again in the test, or through `this.`, is one
    // collaborator (vitest, TS).
    `import { beforeEach, describe, expect, it, vi } from 'vitest';
import { Sync } from './sync';
describe('sync', () => {
  const item = { id: 1 };
  beforeEach(() => {
    client.fetch = vi.fn(async () => []);
    client.push = vi.fn(async () => true);
    store.read = vi.fn(async () => []);
    store.write = vi.fn(async () => undefined);
    queue.take = vi.fn(() => null);
  });
  it('pushes what it fetched', async function () {
    client.fetch = vi.fn(async () => [item]);
    this.client.push = vi.fn(async () => true);
    app.store.read = vi.fn(async () => [item]);
    app.store.write = vi.fn(async () => undefined);
    await new Sync().run();
    expect(client.push).toHaveBeenCalledWith(item);
  });
});`,
    // A double handed back by another double's implementation configures that double: `release` is
    // what `acquire` returns, not a collaborator of its own (mocha + sinon, JS).
    `const sinon = require('sinon');
const { expect } = require('chai');
const { renew } = require('../lib/renew');
describe('renew', function () {
  const lease = { id: 'l1' };
  it('releases the lease it took', async function () {
    const release = sinon.stub().resolves();
    const extend = sinon.stub().resolves(lease);
    const ping = sinon.stub().resolves(true);
    sinon.stub(locks, 'acquire').callsFake(async () => { return release; });
    sinon.stub(locks, 'extend').callsFake(() => Promise.resolve(extend));
    sinon.stub(leases, 'find').callsFake(async () => ({ lease, ping }));
    sinon.stub(leases, 'save').resolves(lease);
    sinon.stub(clock, 'now').returns(0);
    sinon.stub(ids, 'next').returns('r1');
    sinon.stub(quota, 'check').resolves(true);
    await renew('l1');
    expect(leases.save).to.have.been.calledWith(lease);
    expect(release).to.have.been.calledOnce;
  });
});`,
    // Terminal I/O of a command-line tool: its UI, output and prompt modules script the answers and take
    // what is printed; with the six other modules the test stays within the limit (vitest, TS).
    `import { expect, test, vi } from 'vitest';
import { pull } from './pull.js';
import { selectTheme } from '../utilities/theme-selector.js';
import { confirmDirectory } from '../utilities/theme-ui.js';
import { renderSuccess } from '@acme/kit/node/ui';
import { outputInfo } from '@acme/kit/node/output';
import { chooseOptions } from '../prompts/options-prompt.js';
import { downloadTheme } from '../utilities/theme-downloader.js';
import { ensureStore } from '../utilities/theme-store.js';
import { mountFs } from '../utilities/theme-fs.js';
import { authenticate } from '@acme/kit/node/session';
import { fetchChecksums } from '@acme/kit/node/themes/api';
vi.mock('../utilities/theme-selector.js');
vi.mock('../utilities/theme-ui.js');
vi.mock('@acme/kit/node/ui');
vi.mock('@acme/kit/node/output');
vi.mock('../prompts/options-prompt.js');
vi.mock('../utilities/theme-downloader.js');
vi.mock('../utilities/theme-store.js');
vi.mock('../utilities/theme-fs.js');
vi.mock('@acme/kit/node/session');
vi.mock('@acme/kit/node/themes/api');
test('downloads the theme it selected', async () => {
  const theme = { id: 1 };
  vi.mocked(selectTheme).mockResolvedValue(theme);
  vi.mocked(confirmDirectory).mockResolvedValue(true);
  vi.mocked(chooseOptions).mockResolvedValue({ nodelete: false });
  vi.mocked(ensureStore).mockReturnValue('shop');
  vi.mocked(authenticate).mockResolvedValue({ token: 't' });
  vi.mocked(fetchChecksums).mockResolvedValue([]);
  vi.mocked(mountFs).mockReturnValue({});
  await pull({ path: '/theme' });
  expect(downloadTheme).toHaveBeenCalledWith(theme, expect.anything());
  expect(renderSuccess).toHaveBeenCalledOnce();
  expect(outputInfo).not.toHaveBeenCalled();
});`,
  ],
  invalid: [
    // Two objects whose paths only share a tail (`orders.repo` and `users.repo`) are not one object reached
    // by two names: each replaced method counts, and the test only finds the order again (vitest, TS).
    {
      code: `import { expect, it, vi } from 'vitest';
import { reconcile } from './reconcile';
it('moves the order the repositories returned', async () => {
  const order = { id: 'o1' };
  orders.repo.find = vi.fn(async () => order);
  users.repo.find = vi.fn(async () => ({ id: 'u1' }));
  orders.repo.save = vi.fn(async () => order);
  users.repo.save = vi.fn(async () => undefined);
  vi.spyOn(ledger, 'post').mockResolvedValue(order);
  vi.spyOn(clock, 'now').mockReturnValue(0);
  vi.spyOn(ids, 'next').mockReturnValue('t1');
  vi.spyOn(fx, 'rate').mockResolvedValue(1);
  vi.spyOn(limits, 'allow').mockReturnValue(true);
  await reconcile('o1');
  expect(ledger.post).toHaveBeenCalledWith(order);
});`,
      errors: [
        {
          messageId: 'wiringOnlyTest',
          line: 3,
          column: 1,
          data: { count: 9, max: 8, outer: 0, hooks: 0, own: 9, names: "'orders.repo.find', 'users.repo.find', 'orders.repo.save', 'users.repo.save' and 5 more" },
        },
      ],
    },
    // A shared setup over the limit is one finding, at the setup that takes it over: nested hooks that
    // add a stub or two (overleaf's `req.session.save` hook) are covered by it, not reported again.
    {
      code: `const sinon = require('sinon');
const { expect } = require('chai');
const store = require('../src/store');
const mailer = require('../src/mailer');
const { invite } = require('../src/invite');
describe('invite', function () {
  beforeEach(function () {
    sinon.stub(store, 'findUser').resolves({ id: 1 });
    sinon.stub(store, 'saveInvite').resolves();
  });
  describe('with a team', function () {
    beforeEach(function () {
      sinon.stub(store, 'findTeam').resolves({ id: 2 });
      sinon.stub(store, 'countSeats').resolves(3);
      sinon.stub(mailer, 'send').resolves();
      sinon.stub(mailer, 'render').returns('<p>hi</p>');
    });
    describe('when the mail fails', function () {
      beforeEach(function () {
        mailer.send.rejects(new Error('down'));
        sinon.stub(store, 'markFailed').resolves();
      });
      it('marks the invite failed', async function () {
        await invite('a@b.c');
        expect(store.markFailed.calledOnce).to.equal(true);
      });
    });
    it('sends the mail', async function () {
      await invite('a@b.c');
      expect(mailer.send.calledOnce).to.equal(true);
    });
  });
});`,
      languageOptions: { parserOptions: { sourceType: 'script' } },
      options: [{ max: 5, maxModuleMocks: 5, checks: 'any' }],
      errors: [
        {
          messageId: 'tooManyMocksInSetup',
          line: 12,
          column: 5,
          data: { count: 6, max: 5, outer: 0, hooks: 6, names: "'store.findUser', 'store.saveInvite', 'store.findTeam', 'store.countSeats' and 2 more" },
        },
      ],
    },
    // A mocking word in the file name does not make the subject a mocking utility (vitest, TS).
    {
      code: `import { expect, it, vi } from 'vitest';
import { doubleCharge } from './doubleCharge';
vi.mock('./payments');
vi.mock('./ledger');
vi.mock('./fraud');
vi.mock('./mailer');
vi.mock('./audit');
vi.mock('./currency');
vi.mock('./clock');
it('refunds the second charge', async () => { expect(await doubleCharge('o1')).toEqual({ refunded: 1 }); });`,
      filename: 'src/doubleCharge.test.ts',
      options: [{ max: 5, maxModuleMocks: 5, checks: 'any' }],
      errors: [{ messageId: 'tooManyModuleMocks', line: 8, column: 1, data: { count: 7, max: 5, names: "'./payments', './ledger', './fraud', './mailer' and 3 more" } }],
    },
    {
      code: `jest.mock('../lib/feeds');
jest.mock('../lib/classifier');
jest.mock('../lib/store');
jest.mock('../lib/cache');
jest.mock('../lib/queue');
jest.mock('../lib/ranker');
jest.mock('../lib/http');
const { filter } = require('../lib/fake-news-filter');
test('drops flagged stories', async () => { expect(await filter([{ id: 1 }])).toEqual([]); });`,
      filename: 'test/fake-news-filter.test.js',
      languageOptions: { parserOptions: { sourceType: 'script' } },
      options: [{ max: 5, maxModuleMocks: 5, checks: 'any' }],
      errors: [{ messageId: 'tooManyModuleMocks', line: 6, column: 1, data: { count: 7, max: 5, names: "'../lib/feeds', '../lib/classifier', '../lib/store', '../lib/cache' and 3 more" } }],
    },
    {
      code: `import { expect, it, vi } from 'vitest';
import { createSandboxEnv } from './sandbox-env';
vi.mock('./docker');
vi.mock('./volumes');
vi.mock('./network');
vi.mock('./secrets');
vi.mock('./registry');
vi.mock('./ports');
vi.mock('./quota');
it('starts a sandbox', async () => { expect(await createSandboxEnv()).toBeTruthy(); });`,
      filename: 'src/sandbox-env.test.ts',
      options: [{ max: 5, maxModuleMocks: 5, checks: 'any' }],
      errors: [{ messageId: 'tooManyModuleMocks', line: 8, column: 1, data: { count: 7, max: 5, names: "'./docker', './volumes', './network', './secrets' and 3 more" } }],
    },
    // A blanket beforeEach over the limit is one finding on the hook, not one per test under it;
    // a test whose own replacements cross the limit is reported on its own (vitest, TS).
    {
      code: `import { beforeEach, describe, expect, it, vi } from 'vitest';
import * as api from './api';
import * as db from './db';
import * as mail from './mail';
import { Session } from './session';
describe('Session', () => {
  beforeEach(() => {
    vi.spyOn(api, 'me').mockResolvedValue({ id: 1 });
    vi.spyOn(api, 'refresh').mockResolvedValue('t');
    vi.spyOn(db, 'load').mockResolvedValue(null);
    vi.spyOn(db, 'save').mockResolvedValue(undefined);
    vi.spyOn(mail, 'send').mockResolvedValue(undefined);
    vi.spyOn(mail, 'verify').mockResolvedValue(true);
  });
  it('starts', async () => { expect(await new Session().start()).toBe(true); });
  it('refreshes', async () => {
    vi.spyOn(api, 'token').mockReturnValue('x');
    expect(await new Session().refresh()).toBe('t');
  });
  it('expires', async () => {
    vi.spyOn(Date, 'now').mockReturnValue(0);
    expect(await new Session().expired()).toBe(true);
  });
  it('migrates', async () => {
    vi.spyOn(db, 'version').mockResolvedValue(1);
    vi.spyOn(db, 'migrate').mockResolvedValue(2);
    vi.spyOn(db, 'lock').mockResolvedValue(true);
    vi.spyOn(db, 'unlock').mockResolvedValue(true);
    vi.spyOn(db, 'backup').mockResolvedValue('b');
    vi.spyOn(db, 'restore').mockResolvedValue(true);
    expect(await new Session().migrate()).toBe(2);
  });
});`,
      options: [{ max: 5, maxModuleMocks: 5, checks: 'any' }],
      errors: [
        { messageId: 'tooManyMocksInSetup', line: 7, column: 3, data: { count: 6, max: 5, outer: 0, hooks: 6, names: "'api.me', 'api.refresh', 'db.load', 'db.save' and 2 more" } },
        { messageId: 'tooManyMocks', line: 24, column: 3, data: { count: 12, max: 5, outer: 0, hooks: 6, own: 6, names: "'api.me', 'api.refresh', 'db.load', 'db.save' and 8 more" } },
      ],
    },
    // File-level mocks over a stricter max but within maxModuleMocks: one finding at the mock that
    // crosses max, not one per test (jest, TS).
    {
      code: `import { expect, jest, test } from '@jest/globals';
import { sync } from './sync';
jest.mock('./remote');
jest.mock('./local');
jest.mock('./diff');
jest.mock('./lock');
test('pulls', async () => { expect(await sync('pull')).toBe(true); });
test('pushes', async () => {
  jest.spyOn(Date, 'now').mockReturnValue(0);
  expect(await sync('push')).toBe(true);
});`,
      options: [{ max: 3, maxModuleMocks: 5, checks: 'any' }],
      errors: [{ messageId: 'tooManyMocksInSetup', line: 6, column: 1, data: { count: 4, max: 3, outer: 4, hooks: 0, names: "'./remote', './local', './diff', './lock'" } }],
    },
    // A literal that only holds fakes (a DI container) holds several collaborators, one per fake.
    {
      code: `import { describe, expect, it, jest } from '@jest/globals';
import { CheckoutModule } from './checkout-module';
describe('CheckoutModule', () => {
  const container = {
    cartService: { retrieve: jest.fn().mockResolvedValue({ id: 'c1' }) },
    taxService: { compute: jest.fn().mockResolvedValue(0) },
    paymentService: { charge: jest.fn().mockResolvedValue({ ok: true }) },
    stockService: { reserve: jest.fn().mockResolvedValue(true) },
    mailService: { send: jest.fn().mockResolvedValue(undefined) },
    auditService: { record: jest.fn().mockResolvedValue(undefined) },
  };
  it('checks out a cart', async () => {
    const checkout = new CheckoutModule(container);
    expect(await checkout.run('c1')).toEqual({ ok: true });
  });
});`,
      options: [{ max: 5, maxModuleMocks: 5, checks: 'any' }],
      errors: [{ messageId: 'tooManyMocksInSetup', line: 3, column: 1 }],
    },
    // Stubs assigned onto an object the file does not mock are collaborators.
    {
      code: `import { describe, expect, jest, test } from '@jest/globals';
import { billing } from './billing';
import { report } from './report';
jest.mock('./action-core');
jest.mock('./github-client');
describe('report', () => {
  billing.charge = jest.fn(async () => ({ id: 'c1' }));
  billing.refund = jest.fn(async () => ({ id: 'r1' }));
  test('writes the summary', async () => {
    billing.invoice = jest.fn(() => 'inv-1');
    billing.balance = jest.fn(() => 0);
    await report();
    expect(billing.invoice).toHaveBeenCalled();
  });
});`,
      options: [{ max: 5, maxModuleMocks: 5, checks: 'any' }],
      errors: [{ messageId: 'tooManyMocks', line: 9, column: 3, data: { count: 6, max: 5, outer: 4, hooks: 0, own: 2, names: "'./action-core', './github-client', 'billing.charge', 'billing.refund' and 2 more" } }],
    },
    // Spies on the methods of a collaborator's prototype are collaborators, unlike web storage's.
    {
      code: `import { describe, expect, it, jest } from '@jest/globals';
import { SessionService } from './session-service';
import { TokenStore } from './token-store';
jest.mock('./api-client');
jest.mock('./socket-factory');
describe('SessionService', () => {
  it('restores the saved session', async () => {
    jest.spyOn(TokenStore.prototype, 'read').mockReturnValue('token-1');
    jest.spyOn(TokenStore.prototype, 'write').mockImplementation(() => undefined);
    jest.spyOn(TokenStore.prototype, 'clear').mockImplementation(() => undefined);
    const socket = { on: jest.fn(), emit: jest.fn().mockReturnValue(true), disconnect: jest.fn() };
    const service = new SessionService(socket);
    await service.restore();
    expect(service.token).toBe('token-1');
  });
});`,
      options: [{ max: 5, maxModuleMocks: 5, checks: 'any' }],
      errors: [{ messageId: 'tooManyMocks', line: 7, column: 3, data: { count: 6, max: 5, outer: 2, hooks: 0, own: 4, names: "'./api-client', './socket-factory', 'TokenStore.prototype.read', 'TokenStore.prototype.write' and 2 more" } }],
    },
    // vitest: file, hook and test mocks add up.
    {
      code: `import { beforeEach, describe, expect, it, vi } from 'vitest';
import * as clock from './clock';
import { checkout } from './checkout';
vi.mock('./cart');
vi.mock('./payments');
vi.mock('./tax');
vi.mock('./shipping');
describe('checkout', () => {
  beforeEach(() => {
    vi.spyOn(clock, 'now').mockReturnValue(0);
  });
  it('charges the card', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => new Response('{}')));
    expect(await checkout()).toBe('paid');
  });
  it('only the file and the hook', async () => {
    expect(await checkout()).toBe('paid');
  });
});`,
      options: [{ max: 5, maxModuleMocks: 5, checks: 'any' }],
      errors: [{ messageId: 'tooManyMocks', line: 12, column: 3, data: { count: 6, max: 5, outer: 4, hooks: 1, own: 1, names: "'./cart', './payments', './tax', './shipping' and 2 more" } }],
    },
    // jest, CommonJS: too many module-level mocks is reported once on the file; a test adding one
    // more under it is not reported again (what it adds alone does not cross the limit).
    {
      code: `jest.mock('../src/db');
jest.mock('../src/cache');
jest.mock('../src/queue');
jest.mock('../src/mailer');
jest.mock('../src/billing');
jest.mock('../src/flags');
const { signup } = require('../src/signup');
const flags = require('../src/flags');
describe('signup', () => {
  test('creates the user', async () => {
    expect(await signup({ email: 'a@b.c' })).toEqual({ ok: true });
  });
  test('honours the beta flag', async () => {
    jest.spyOn(Date, 'now').mockReturnValue(0);
    flags.isOn.mockReturnValue(true);
    expect(await signup({ email: 'a@b.c' })).toEqual({ ok: true, beta: true });
  });
});`,
      languageOptions: { parserOptions: { sourceType: 'script' } },
      options: [{ max: 5, maxModuleMocks: 5, checks: 'any' }],
      errors: [
        { messageId: 'tooManyModuleMocks', line: 6, column: 1, data: { count: 6, max: 5, names: "'../src/db', '../src/cache', '../src/queue', '../src/mailer' and 2 more" } },
      ],
    },
    // mocha + sinon sandbox: hook and test stubs.
    {
      code: `const sinon = require('sinon');
const { expect } = require('chai');
const repo = require('../lib/repo');
const mailer = require('../lib/mailer');
const { invite } = require('../lib/invite');
describe('invite', function () {
  const sandbox = sinon.createSandbox();
  beforeEach(function () {
    sandbox.stub(repo, 'findUser').resolves({ id: 1 });
    sandbox.stub(repo, 'saveInvite').resolves();
    sandbox.stub(mailer, 'send').resolves();
  });
  afterEach(function () { sandbox.restore(); });
  it('expires old invites', async function () {
    sandbox.stub(repo, 'findInvites').resolves([{ id: 2 }]);
    sandbox.stub(repo, 'expire').resolves();
    const clock = sandbox.stub(Date, 'now').returns(0);
    await invite('a@b.c');
    expect(clock.called).to.equal(true);
  });
});`,
      languageOptions: { parserOptions: { sourceType: 'script' } },
      options: [{ max: 5, maxModuleMocks: 5, checks: 'any' }],
      errors: [{ messageId: 'tooManyMocks', line: 14, column: 3, data: { count: 6, max: 5, outer: 0, hooks: 3, own: 3, names: "'repo.findUser', 'repo.saveInvite', 'mailer.send', 'repo.findInvites' and 2 more" } }],
    },
    // node:test: t.mock replacements.
    {
      code: `import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import { snapshot } from '../src/snapshot.js';
test('snapshot', (t) => {
  t.mock.method(fs, 'readFileSync', () => '{}');
  t.mock.method(fs, 'writeFileSync', () => undefined);
  t.mock.method(fs, 'existsSync', () => true);
  t.mock.method(os, 'homedir', () => '/home/x');
  t.mock.method(os, 'tmpdir', () => '/tmp');
  t.mock.method(process, 'cwd', () => '/work');
  assert.equal(snapshot(), '{}');
});`,
      options: [{ max: 5, maxModuleMocks: 5, checks: 'any' }],
      errors: [{ messageId: 'tooManyMocks', line: 6, column: 1, data: { count: 6, max: 5, outer: 0, hooks: 0, own: 6, names: "'fs.readFileSync', 'fs.writeFileSync', 'fs.existsSync', 'os.homedir' and 2 more" } }],
    },
    // jasmine spyOn with programmed returns.
    {
      code: `describe('Dashboard', () => {
  it('renders the summary', () => {
    spyOn(api, 'user').and.returnValue({ name: 'a' });
    spyOn(api, 'orders').and.returnValue([]);
    spyOn(api, 'invoices').and.returnValue([]);
    spyOn(api, 'alerts').and.returnValue([]);
    spyOn(api, 'settings').and.returnValue({});
    spyOn(api, 'flags').and.returnValue({});
    expect(new Dashboard(api).summary()).toBe('a: 0');
  });
});`,
      options: [{ max: 5, maxModuleMocks: 5, checks: 'any' }],
      errors: [{ messageId: 'tooManyMocks', line: 2, column: 3 }],
    },
    // testdouble: replaced modules and stubbed functions.
    {
      code: `const td = require('testdouble');
describe('deploy', () => {
  it('uploads and tags', async () => {
    const git = td.replace('../lib/git');
    const s3 = td.replace('../lib/s3');
    const slack = td.replace('../lib/slack');
    const npm = td.replace('../lib/npm');
    td.replace(process, 'exit');
    const log = td.func();
    td.when(log('done')).thenReturn(true);
    const { deploy } = require('../lib/deploy');
    await deploy({ log });
    td.verify(git.tag('v1'));
    td.verify(s3.upload(), { ignoreExtraArgs: true });
    td.verify(slack.post(), { ignoreExtraArgs: true });
    td.verify(npm.publish());
  });
});`,
      languageOptions: { parserOptions: { sourceType: 'script' } },
      options: [{ max: 5, maxModuleMocks: 5, checks: 'any' }],
      errors: [{ messageId: 'tooManyMocks', line: 3, column: 3, data: { count: 6, max: 5, outer: 0, hooks: 0, own: 6, names: "'../lib/git', '../lib/s3', '../lib/slack', '../lib/npm' and 2 more" } }],
    },
    // A same-file helper the test calls directly contributes its mocks.
    {
      code: `import { expect, it, vi } from 'vitest';
import * as net from './net';
import * as store from './store';
import { send } from './send';
const offline = () => {
  vi.spyOn(net, 'connect').mockRejectedValue(new Error('offline'));
  vi.spyOn(net, 'resolve').mockRejectedValue(new Error('offline'));
  vi.spyOn(net, 'ping').mockReturnValue(false);
  vi.spyOn(net, 'isUp').mockReturnValue(false);
};
it('queues when offline', async () => {
  offline();
  vi.spyOn(store, 'enqueue').mockResolvedValue(1);
  vi.spyOn(store, 'size').mockReturnValue(1);
  await send('x');
  expect(store.enqueue).toHaveBeenCalled();
});`,
      options: [{ max: 5, maxModuleMocks: 5, checks: 'any' }],
      errors: [{ messageId: 'tooManyMocks', line: 11, column: 1, data: { count: 6, max: 5, outer: 0, hooks: 0, own: 6, names: "'net.connect', 'net.resolve', 'net.ping', 'net.isUp' and 2 more" } }],
    },
    // A lower max, and a stub configured later with behaviour.
    {
      code: `import { expect, test, vi } from 'vitest';
import { price } from './price';
vi.mock('./rates');
test('converts', () => {
  const round = vi.fn();
  round.mockReturnValue(2);
  vi.stubGlobal('fetch', vi.fn(async () => new Response('1.1')));
  expect(price(1, { round })).toBe(2);
});`,
      options: [{ max: 2, maxModuleMocks: 5, checks: 'any' }],
      errors: [{ messageId: 'tooManyMocks', line: 4, column: 1, data: { count: 3, max: 2, outer: 1, hooks: 0, own: 2, names: "'./rates', 'round', 'fetch'" } }],
    },
    // countSpies: sinks count too when asked.
    {
      code: `import { expect, test, vi } from 'vitest';
import { wire } from './wire';
test('wires every handler', () => {
  const onOpen = vi.fn();
  const onMessage = vi.fn();
  const onClose = vi.fn();
  wire({ onOpen, onMessage, onClose });
  expect(onOpen).toHaveBeenCalled();
});`,
      options: [{ max: 2, maxModuleMocks: 5, countSpies: true, checks: 'any' }],
      errors: [{ messageId: 'tooManyMocks', line: 3, column: 1, data: { count: 3, max: 2, outer: 0, hooks: 0, own: 3, names: "'onOpen', 'onMessage', 'onClose'" } }],
    },
    // A shared beforeEach over the limit is reported once, not on every test under it (mocha + sinon).
    {
      code: `const sinon = require('sinon');
const assert = require('assert');
const comms = require('../lib/comms');
const auth = require('../lib/auth');
const settings = require('../lib/settings');
describe('admin api', function () {
  beforeEach(function () {
    sinon.stub(comms, 'publish');
    sinon.stub(auth, 'needsPermission').returns((req, res, next) => next());
    sinon.stub(settings, 'get').returns({});
    sinon.stub(settings, 'set').resolves();
    sinon.stub(settings, 'keys').returns([]);
    sinon.stub(settings, 'reset').resolves();
  });
  afterEach(function () { sinon.restore(); });
  it('lists settings', async function () { assert.deepEqual(await admin.list(), []); });
  it('resets settings', async function () { await admin.reset(); assert.ok(settings.reset.calledOnce); });
  describe('with a user', function () {
    it('reads the user', async function () { assert.ok(await admin.user()); });
  });
});`,
      languageOptions: { parserOptions: { sourceType: 'script' } },
      options: [{ max: 5, maxModuleMocks: 5, checks: 'any' }],
      errors: [{ messageId: 'tooManyMocksInSetup', line: 7, column: 3, data: { count: 6, max: 5, outer: 0, hooks: 6, names: "'comms.publish', 'auth.needsPermission', 'settings.get', 'settings.set' and 2 more" } }],
    },
    // Look-alike of the step-handler Map: a Map of fake services handed to the constructor of the
    // unit is dependency injection, and each fake is a replaced collaborator (jest, TS).
    {
      code: `import { CheckoutService } from '../checkout-service';
describe('CheckoutService', () => {
  let service: CheckoutService;
  beforeEach(() => {
    const container = new Map<string, unknown>();
    container.set('cart', { load: jest.fn().mockResolvedValue({ items: [] }), clear: jest.fn() });
    container.set('payments', { charge: jest.fn().mockResolvedValue({ id: 'p1' }), refund: jest.fn() });
    container.set('inventory', { reserve: jest.fn().mockResolvedValue(true), release: jest.fn() });
    container.set('tax', { rate: jest.fn(() => 0.2) });
    container.set('shipping', { quote: jest.fn().mockResolvedValue(5) });
    container.set('mailer', { send: jest.fn().mockResolvedValue(undefined) });
    service = new CheckoutService(container);
  });
  it('charges the cart', async () => {
    expect(await service.checkout('c1')).toEqual({ payment: 'p1' });
  });
});`,
      options: [{ max: 5, maxModuleMocks: 5, checks: 'any' }],
      errors: [{ messageId: 'tooManyMocksInSetup', line: 4, column: 3, data: { count: 6, max: 5, outer: 0, hooks: 6, names: "'a fake { load, clear }', 'a fake { charge, refund }', 'a fake { reserve, release }', 'a fake { rate }' and 2 more" } }],
    },
    // JSX component test with module mocks and doMock in the test.
    {
      code: `import { render } from '@testing-library/react';
import { expect, it, vi } from 'vitest';
vi.mock('./use-user', () => ({ useUser: () => ({ name: 'a' }) }));
vi.mock('./use-cart', () => ({ useCart: () => [] }));
vi.mock('./use-flags', () => ({ useFlags: () => ({}) }));
it('greets', async () => {
  vi.doMock('./use-theme', () => ({ useTheme: () => 'dark' }));
  vi.doMock('./use-locale', () => ({ useLocale: () => 'en' }));
  vi.doMock('./use-clock', () => ({ useClock: () => 0 }));
  const { Header } = await import('./header');
  const { getByText } = render(<Header />);
  expect(getByText('Hi a')).toBeTruthy();
});`,
      filename: 'header.test.tsx',
      options: [{ max: 5, maxModuleMocks: 5, checks: 'any' }],
      errors: [{ messageId: 'tooManyMocks', line: 6, column: 1, data: { count: 6, max: 5, outer: 3, hooks: 0, own: 3, names: "'./use-user', './use-cart', './use-flags', './use-theme' and 2 more" } }],
    },
    // With `checks: 'calls'`: a file that fakes nine collaborators and whose tests mostly check how
    // they were called is reported once, on the mock that crosses the limit (jest, TS).
    {
      code: `import { describe, expect, it, jest } from '@jest/globals';
import { upgradePlan } from './actions';
jest.mock('./authorization');
jest.mock('./organization');
jest.mock('./stripe-customer');
jest.mock('./reconcile');
jest.mock('./sync');
jest.mock('./billing-portal');
jest.mock('./subscriptions');
jest.mock('./invoices');
jest.mock('./entitlements');
describe('upgradePlan', () => {
  it('checks and syncs', async () => {
    await upgradePlan('org_1');
    expect(checkAuthorization).toHaveBeenCalledWith('org_1');
    expect(ensureStripeCustomer).toHaveBeenCalledWith('org_1');
    expect(sync).toHaveBeenCalledTimes(1);
  });
  it('reconciles', async () => {
    await upgradePlan('org_2');
    expect(reconcile).toBeCalledWith('org_2');
  });
});`,
      options: [{ checks: 'calls' }],
      errors: [
        {
          messageId: 'wiringOnlyFile',
          line: 11,
          column: 1,
          data: { count: 9, max: 8, names: "'./authorization', './organization', './stripe-customer', './reconcile' and 5 more" },
        },
      ],
    },
    // A test that replaces nine collaborators and checks calls with the inputs it handed in, plus a
    // result that is only the value a double was told to return, is reported on the test (vitest, TS).
    // (Until round 10 this case checked \`toHaveBeenCalledWith('u1', 'p1 (copy)')\`: a name the subject
    // derives, which is behaviour; that version is now a valid case.)
    {
      code: `import { expect, it, vi } from 'vitest';
import { duplicate } from './duplicator';
it('duplicates', async () => {
  const copy = { id: 'p2' };
  vi.spyOn(getter, 'getProject').mockResolvedValue({ id: 'p1' });
  vi.spyOn(creator, 'createBlankProject').mockResolvedValue(copy);
  vi.spyOn(docs, 'getAllDocs').mockResolvedValue([]);
  vi.spyOn(files, 'copyFiles').mockResolvedValue([]);
  vi.spyOn(updater, 'flush').mockResolvedValue(undefined);
  vi.spyOn(entities, 'addFolder').mockResolvedValue({});
  vi.spyOn(options, 'setCompiler').mockResolvedValue(undefined);
  vi.spyOn(tags, 'addProjectToTags').mockResolvedValue(undefined);
  vi.spyOn(tpds, 'flushProject').mockResolvedValue(undefined);
  expect(await duplicate('u1', 'p1')).toBe(copy);
  expect(creator.createBlankProject).toHaveBeenCalledWith('u1', 'p1');
  expect(tags.addProjectToTags).toHaveBeenCalledOnce();
});`,
      errors: [
        {
          messageId: 'wiringOnlyTest',
          line: 3,
          column: 1,
          data: { count: 9, max: 8, outer: 0, hooks: 0, own: 9, names: "'getter.getProject', 'creator.createBlankProject', 'docs.getAllDocs', 'files.copyFiles' and 5 more" },
        },
      ],
    },
    // mocha + chai + sinon, with `checks: 'calls'`: a blanket beforeEach of nine stubs whose tests each
    // check one call is reported once, on the hook (sinon-chai and sinon.assert spellings, JS).
    {
      code: `const sinon = require('sinon');
const { expect } = require('chai');
const { uploadProject } = require('../lib/upload');
describe('uploadProject', function () {
  beforeEach(function () {
    sinon.stub(archive, 'extract').resolves(['main.tex']);
    sinon.stub(docs, 'create').resolves({ id: 'd1' });
    sinon.stub(files, 'upload').resolves({ id: 'f1' });
    sinon.stub(projects, 'create').resolves({ id: 'p1' });
    sinon.stub(projects, 'setRootDoc').resolves();
    sinon.stub(history, 'flush').resolves();
    sinon.stub(tpds, 'flush').resolves();
    sinon.stub(details, 'fixName').returns('a');
    sinon.stub(helper, 'titleOf').returns('A');
  });
  it('creates the project', async function () {
    await uploadProject('u1', 'a.zip');
    expect(projects.create).to.have.been.calledWith('u1', 'a');
  });
  it('flushes', async function () {
    await uploadProject('u1', 'a.zip');
    sinon.assert.calledOnce(tpds.flush);
  });
});`,
      options: [{ checks: 'calls' }],
      errors: [
        {
          messageId: 'wiringOnlySetup',
          line: 5,
          column: 3,
          data: { count: 9, max: 8, outer: 0, hooks: 9, names: "'archive.extract', 'docs.create', 'files.upload', 'projects.create' and 5 more" },
        },
      ],
    },
    // node:test, with `checks: 'calls'`: call records read through `fn.mock.calls` and `fn.mock.callCount()` (JS).
    {
      code: `import assert from 'node:assert/strict';
import { test } from 'node:test';
test('publishes', (t) => {
  const build = t.mock.method(builder, 'build', async () => ({ ok: true }));
  t.mock.method(git, 'tag', async () => 'v1');
  t.mock.method(git, 'push', async () => undefined);
  t.mock.method(npm, 'publish', async () => undefined);
  t.mock.method(npm, 'whoami', async () => 'me');
  t.mock.method(changelog, 'write', async () => undefined);
  t.mock.method(github, 'release', async () => ({ id: 1 }));
  t.mock.method(slack, 'notify', async () => undefined);
  t.mock.method(versions, 'next', () => '1.0.0');
  publish();
  assert.equal(build.mock.callCount(), 1);
  assert.deepEqual(npm.publish.mock.calls[0].arguments, ['1.0.0']);
});`,
      options: [{ checks: 'calls' }],
      errors: [
        {
          messageId: 'wiringOnlyTest',
          line: 3,
          column: 1,
          data: { count: 9, max: 8, outer: 0, hooks: 0, own: 9, names: "'builder.build', 'git.tag', 'git.push', 'npm.publish' and 5 more" },
        },
      ],
    },
    // With `checks: 'calls'`, call checks written in a same-file helper the test calls count as the test's (jest, JS).
    {
      code: `jest.mock('../src/db');
jest.mock('../src/cache');
jest.mock('../src/queue');
jest.mock('../src/mailer');
function expectNotified(user) {
  expect(mailer.send).toHaveBeenCalledWith(user.email);
  expect(queue.push).toHaveBeenCalled();
}
it('registers', async () => {
  jest.spyOn(billing, 'charge').mockResolvedValue({});
  jest.spyOn(flags, 'isOn').mockReturnValue(true);
  jest.spyOn(audit, 'lookup').mockResolvedValue(null);
  jest.spyOn(geo, 'locate').mockResolvedValue('eu');
  jest.spyOn(ids, 'next').mockReturnValue('u1');
  await register({ email: 'a@b.c' });
  expectNotified({ email: 'a@b.c' });
  expect(db.insert).toHaveBeenCalled();
});`,
      options: [{ checks: 'calls' }],
      errors: [{ messageId: 'wiringOnlyTest', line: 9, column: 1, data: { count: 9, max: 8, outer: 4, hooks: 0, own: 5, names: "'../src/db', '../src/cache', '../src/queue', '../src/mailer' and 5 more" } }],
    },
    // Stubs made to fail on purpose, to test the error path, are collaborators (mocha + sinon, TS).
    {
      code: `import * as sinon from 'sinon';
import { expect } from 'chai';
it('reports a failed deploy', async () => {
  sinon.stub(apphosting, 'createBackend').rejects(new Error('quota exceeded'));
  sinon.stub(apphosting, 'listBackends').throws('boom');
  sinon.stub(iam, 'createServiceAccount').resolves({});
  await expect(deploy()).to.be.rejectedWith('quota exceeded');
});`,
      options: [{ max: 2, maxModuleMocks: 2, checks: 'any' }],
      errors: [{ messageId: 'tooManyMocks', line: 3, column: 1, data: { count: 3, max: 2, outer: 0, hooks: 0, own: 3, names: "'apphosting.createBackend', 'apphosting.listBackends', 'iam.createServiceAccount'" } }],
    },
    // Default policy: nine module mocks, and the test only checks that the error one double was told
    // to return reached another double: the subject's chain is restated (amplify oauth shape; jest, TS).
    {
      code: `import { expect, it, jest } from '@jest/globals';
import { signInWithRedirect } from '../src/signInWithRedirect';
jest.mock('../src/oauth/createOAuthError');
jest.mock('../src/oauth/handleFailure');
jest.mock('../src/oauth/store');
jest.mock('../src/oauth/pkce');
jest.mock('../src/oauth/state');
jest.mock('../src/utils/openAuthSession');
jest.mock('../src/utils/userAgent');
jest.mock('../src/parsers/region');
jest.mock('../src/factories/endpointResolver');
it('hands the cancel error to handleFailure', async () => {
  const error = new Error('cancelled');
  jest.mocked(createOAuthError).mockReturnValueOnce(error);
  jest.mocked(openAuthSession).mockResolvedValueOnce({ type: 'cancel' });
  await signInWithRedirect({ provider: 'Google' });
  expect(createOAuthError).toHaveBeenCalledTimes(1);
  expect(handleFailure).toHaveBeenCalledWith(error);
});`,
      errors: [
        {
          messageId: 'wiringOnlyFile',
          line: 11,
          column: 1,
          data: { count: 9, max: 8, names: "'../src/oauth/createOAuthError', '../src/oauth/handleFailure', '../src/oauth/store', '../src/oauth/pkce' and 5 more" },
        },
      ],
    },
    // Default policy: a blanket beforeEach of nine stubs whose tests find the stubbed user and token
    // again in the calls they check is reported once, on the hook (mocha + chai + sinon, JS).
    {
      code: `const sinon = require('sinon');
const { expect } = require('chai');
const { inviteUser } = require('../lib/invite');
describe('inviteUser', function () {
  const user = { id: 'u1', email: 'a@b.c' };
  const token = makeToken();
  beforeEach(function () {
    sinon.stub(users, 'find').resolves(user);
    sinon.stub(tokens, 'create').returns(token);
    sinon.stub(mailer, 'send').resolves();
    sinon.stub(invites, 'save').resolves();
    sinon.stub(groups, 'find').resolves(null);
    sinon.stub(limits, 'allow').returns(true);
    sinon.stub(templates, 'render').returns('hi');
    sinon.stub(links, 'build').returns('https://x');
    sinon.stub(clock, 'now').returns(0);
  });
  it('mails the token', async function () {
    await inviteUser('u1');
    expect(mailer.send).to.have.been.calledWith(user.email, token);
  });
  it('saves the invite', async function () {
    await inviteUser('u1');
    sinon.assert.calledWith(invites.save, user, token);
  });
});`,
      errors: [
        {
          messageId: 'wiringOnlySetup',
          line: 7,
          column: 3,
          data: { count: 9, max: 8, outer: 0, hooks: 9, names: "'users.find', 'tokens.create', 'mailer.send', 'invites.save' and 5 more" },
        },
      ],
    },
    // Default policy: node:test call records that find the loaded document again (JS).
    {
      code: `import assert from 'node:assert/strict';
import { test } from 'node:test';
test('renders the loaded doc', async (t) => {
  const doc = await fixture('d1');
  t.mock.method(store, 'load', async () => doc);
  t.mock.method(renderer, 'render', () => '<h1>a</h1>');
  t.mock.method(cdn, 'upload', async () => undefined);
  t.mock.method(search, 'index', async () => undefined);
  t.mock.method(cache, 'purge', async () => undefined);
  t.mock.method(feeds, 'update', async () => undefined);
  t.mock.method(sitemap, 'add', async () => undefined);
  t.mock.method(slack, 'notify', async () => undefined);
  t.mock.method(clock, 'now', () => 0);
  await publishDoc('d1');
  assert.deepEqual(renderer.render.mock.calls[0].arguments, [doc]);
  assert.equal(cdn.upload.mock.callCount(), 1);
});`,
      errors: [
        {
          messageId: 'wiringOnlyTest',
          line: 3,
          column: 1,
          data: { count: 9, max: 8, outer: 0, hooks: 0, own: 9, names: "'store.load', 'renderer.render', 'cdn.upload', 'search.index' and 5 more" },
        },
      ],
    },
    // Default policy: the result is the id a double returned, spelled as text, and the upload is called
    // with the URL another double returned (actions cache success-path shape; vitest, TS).
    {
      code: `import { expect, it, vi } from 'vitest';
import { saveCache } from '../src/cache';
it('uploads a cache', async () => {
  const cacheId = 4;
  const signedUrl = makeUrl();
  vi.spyOn(client, 'createCacheEntry').mockResolvedValue({ ok: true, signedUploadUrl: signedUrl });
  vi.spyOn(client, 'finalize').mockResolvedValue({ ok: true, entryId: cacheId.toString() });
  vi.spyOn(tar, 'createTar').mockResolvedValue(undefined);
  vi.spyOn(tar, 'listTar').mockResolvedValue(undefined);
  vi.spyOn(upload, 'uploadFile').mockResolvedValue(undefined);
  vi.spyOn(utils, 'getCompressionMethod').mockResolvedValue('zstd');
  vi.spyOn(utils, 'getArchiveFileSizeInBytes').mockReturnValue(1024);
  vi.spyOn(utils, 'createTempDirectory').mockResolvedValue('/tmp/a');
  vi.spyOn(utils, 'resolvePaths').mockResolvedValue(['/w/node_modules']);
  const id = await saveCache(['node_modules'], 'key');
  expect(upload.uploadFile).toHaveBeenCalledWith(signedUrl, expect.anything());
  expect(id).toBe(cacheId);
});`,
      errors: [
        {
          messageId: 'wiringOnlyTest',
          line: 3,
          column: 1,
          data: { count: 9, max: 8, outer: 0, hooks: 0, own: 9, names: "'client.createCacheEntry', 'client.finalize', 'tar.createTar', 'tar.listTar' and 5 more" },
        },
      ],
    },
  ],
});
