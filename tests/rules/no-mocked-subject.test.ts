import rule from '../../src/rules/no-mocked-subject.js';
import { createRuleTester } from '../rule-tester.js';

createRuleTester().run('no-mocked-subject', rule, {
  valid: [
    // Round 12 (V13 labels): a spy whose property is named through a key store (\`keys.hooks.updatedArray\`) stubs that one
    // export, not the whole namespace: a seam while the real \`arrayWidget\` runs.
    {
      code: `import * as hooks from './hooks';
import { keyStore } from '../utils';
const keys = { hooks: keyStore(hooks) };
describe('arrayWidget', () => {
  let out;
  beforeEach(() => {
    jest.spyOn(hooks, keys.hooks.updatedArray).mockImplementation((...args) => ({ updatedArray: args }));
    out = hooks.arrayWidget({ key: 'k' });
  });
  it('forwards widget values', () => { expect(out.formValue).toEqual(1); });
});`,
      filename: 'src/components/hooks.test.js',
    },
    // Round 11 (V11 labels): \`foo.browser.spec.ts\` that imports \`./foo.browser\` tests the browser variant; the generic
    // \`./foo\` it mocks is a collaborator.
    {
      code: `import { vi, it, expect } from 'vitest';
vi.mock('./event_processor_factory', () => ({ getBatchEventProcessor: vi.fn() }));
import { createBatchEventProcessor } from './event_processor_factory.browser';
import { extractEventProcessor, getBatchEventProcessor } from './event_processor_factory';
it('uses the browser defaults', () => {
  const processor = extractEventProcessor(createBatchEventProcessor({}));
  expect(getBatchEventProcessor).toHaveBeenCalledWith(processor);
});`,
      filename: 'lib/event_processor/event_processor_factory.browser.spec.ts',
    },
    // Round 11 (V10 labels): a factory that only spreads the real module, through a variable, replaces nothing.
    {
      code: `import { describe, expect, it, vi } from 'vitest';
import { CodyTool } from './CodyTool';
vi.mock('./CodyTool', async () => {
  const actual = await vi.importActual('./CodyTool');
  return {
    ...actual,
    // No need to override anything here since we want the real getInstruction method
  };
});
describe('CodyTool', () => {
  it('builds the instruction', () => { expect(new CodyTool({}).getInstruction()).toBeTruthy(); });
});`,
      filename: 'src/chat/agentic/CodyTool.test.ts',
    },
    // Round 11 (V8 labels): the \`__esModule\` marker next to the spread replaces nothing either.
    {
      code: `import { expect, it, vi } from 'vitest';
import { loadSettings } from './settings.js';
vi.mock('./settings.js', async (importActual) => {
  const originalModule = await importActual<typeof import('./settings.js')>();
  return {
    __esModule: true, // Ensure correct module shape
    ...originalModule,
  };
});
it('loads', () => { expect(loadSettings('/w')).toBeTruthy(); });`,
      filename: 'packages/cli/src/config/settings.test.ts',
    },
    // Round 11 (V9 labels): a partial self-mock whose stub the tests only program and inspect, never call: the
    // stub is a double for the module's dependents (a resync handler that loads it), the subject's own code runs.
    {
      code: `jest.mock('../../../../utils/extensions/RepoLoader/GiteaRepo', () => {
  const actual = jest.requireActual('../../../../utils/extensions/RepoLoader/GiteaRepo');
  return { ...actual, fetchGiteaFile: jest.fn() };
});
const { generateChunkSource, fetchGiteaFile } = require('../../../../utils/extensions/RepoLoader/GiteaRepo');
const resyncHandlers = require('../../../../extensions/resync');
beforeEach(() => { fetchGiteaFile.mockReset(); });
it('resyncs a file through the chunk source', async () => {
  const chunkSource = generateChunkSource({ repo: 'o/r', branch: 'main' });
  fetchGiteaFile.mockResolvedValue({ success: true, content: 'x' });
  const result = await resyncHandlers.gitea({ chunkSource });
  expect(fetchGiteaFile).toHaveBeenCalledWith({ repoUrl: 'o/r', branch: 'main' });
  expect(result.content).toBe('x');
});`,
      filename: 'collector/__tests__/utils/extensions/RepoLoader/GiteaRepo.test.js',
    },
    // Mocking a collaborator of the subject is the point of a module mock.
    {
      code: `import { expect, it, vi } from 'vitest';
import { register } from './user-service';
vi.mock('./user-repo');
it('registers', async () => { expect(await register({ name: 'a' })).toBeTruthy(); });`,
      filename: 'src/user-service.test.ts',
    },
    // Look-alike specifiers: another module with a longer name, a parent-folder namesake, a stylesheet.
    {
      code: `import { expect, it, vi } from 'vitest';
import { render } from './button';
vi.mock('./button-theme');
vi.mock('../button');
vi.mock('./button.css');
it('renders', () => { expect(render()).toBeTruthy(); });`,
      filename: 'src/ui/button.test.ts',
    },
    // A bare package named like the subject is a collaborator (a wrapper around axios).
    {
      code: `import axios from 'axios';
import { client } from './axios';
jest.mock('axios');
test('adds the token', async () => {
  axios.get.mockResolvedValue({ data: 1 });
  expect(await client.get('/x')).toBe(1);
});`,
      filename: 'src/axios.test.ts',
    },
    // The subject is mocked for its dependents while the test itself uses the real one.
    {
      code: `jest.mock('./config');
const { loadApp } = require('./app');
const { parse } = jest.requireActual('./config');
test('parses what the app loads', () => {
  expect(parse(loadApp().raw)).toEqual({});
});`,
      filename: 'src/config.test.js',
      languageOptions: { parserOptions: { sourceType: 'script' } },
    },
    // Only types come from the subject's file; the mocked module is not what runs.
    {
      code: `import type { Options } from './format';
import { vi, it, expect } from 'vitest';
import { render } from './render';
vi.mock('./format');
it('renders', () => { const options: Options = {}; expect(render(options)).toBe(''); });`,
      filename: 'src/format.test.ts',
    },
    // A spy that calls through observes the subject, it does not replace it.
    {
      code: `import { expect, it, vi } from 'vitest';
import * as totals from './totals';
it('computes tax once', () => {
  const tax = vi.spyOn(totals, 'tax');
  expect(totals.total([1, 2])).toBe(3.3);
  expect(tax).toHaveBeenCalledTimes(1);
});`,
      filename: 'src/totals.test.ts',
    },
    // Stubbing a collaborator's namespace is fine.
    {
      code: `import { expect, it, vi } from 'vitest';
import * as api from './api';
import * as service from './service';
it('maps the response', async () => {
  vi.spyOn(api, 'get').mockResolvedValue({ id: 1 });
  expect(await service.load(1)).toEqual({ id: 1 });
});`,
      filename: 'src/service.test.ts',
    },
    // The stub and the calls into the subject live in sibling tests.
    {
      code: `import { describe, expect, it, vi } from 'vitest';
import * as format from './format';
import { render } from './render';
describe('format', () => {
  it('pads', () => { expect(format.pad('1', 3)).toBe('001'); });
});
describe('render', () => {
  it('uses the padded value', () => {
    vi.spyOn(format, 'pad').mockReturnValue('xxx');
    expect(render(1)).toBe('xxx');
  });
});`,
      filename: 'src/format.test.ts',
    },
    // jasmine spy told to call through only observes.
    {
      code: `import * as math from './math';
describe('math', () => {
  it('sums', () => {
    spyOn(math, 'add').and.callThrough();
    expect(math.sum([1, 2, 3])).toBe(6);
  });
});`,
      filename: 'src/app/math.spec.ts',
    },
    // node:test mock.method without an implementation is a spy; sinon.spy as well.
    {
      code: `import { test } from 'node:test';
import assert from 'node:assert/strict';
import sinon from 'sinon';
import * as queue from '../src/queue.js';
test('drains', (t) => {
  const push = t.mock.method(queue, 'push');
  const pop = sinon.spy(queue, 'pop');
  queue.drain([1]);
  assert.equal(push.mock.callCount(), 0);
  assert.equal(pop.callCount, 1);
});`,
      filename: 'test/queue.test.js',
    },
    // Not a test file name: there is no subject to protect.
    {
      code: `vi.mock('./helpers');
import { helper } from './helpers';
it('x', () => { expect(helper()).toBe(1); });`,
      filename: 'src/helpers.ts',
    },
    // An aliased collaborator.
    {
      code: `import { expect, it, vi } from 'vitest';
import { signup } from '@/lib/user';
vi.mock('@/lib/db');
it('signs up', async () => { expect(await signup()).toBe(true); });`,
      filename: 'src/lib/user.test.ts',
      settings: { 'test-quality': { pathAliases: { '@/': 'src/' } } },
    },
    // testdouble replacing a collaborator module (CommonJS, mocha).
    {
      code: `const td = require('testdouble');
describe('notify', () => {
  it('mails', async () => {
    const mailer = td.replace('../lib/mailer');
    const { notify } = require('../lib/notify');
    await notify('a');
    td.verify(mailer.send('a'));
  });
});`,
      filename: 'test/notify.test.js',
      languageOptions: { parserOptions: { sourceType: 'script' } },
    },
    // __tests__ folder: the parent folder's module of another name.
    {
      code: `import { parse } from '../parser';
jest.mock('../lexer');
test('parses', () => { expect(parse('1')).toEqual([1]); });`,
      filename: 'src/__tests__/parser.ts',
    },
    // A dynamically imported collaborator stubbed while the subject runs.
    {
      code: `import { expect, it, vi } from 'vitest';
it('falls back', async () => {
  const client = await import('./client.js');
  vi.spyOn(client, 'connect').mockReturnValue(null);
  const { getProgress } = await import('./dashboard-services.js');
  expect(await getProgress('c1')).toEqual({});
});`,
      filename: 'src/dashboard-services.test.js',
    },
    // A pass-through factory only makes the subject's exports spy-able; nothing is replaced.
    {
      code: `import { expect, it, vi } from 'vitest';
import * as utils from '../../src/utils';
vi.mock('../../src/utils', async () => ({ ...((await vi.importActual('../../src/utils')) as object) }));
it('diffs', () => {
  const spy = vi.spyOn(utils, 'differenceOf');
  expect(utils.differenceOf([1, 2], [2])).toEqual([1]);
  expect(spy).toHaveBeenCalledOnce();
});`,
      filename: 'test/unit/utils.test.ts',
    },
    // vitest's spy option records calls and keeps the real exports.
    {
      code: `import { expect, test, vi } from 'vitest';
import { getAuthToken } from './env';
vi.mock(import('./env'), { spy: true });
test('reads the token once', () => {
  expect(getAuthToken()).toBe('123');
  expect(getAuthToken).toHaveBeenCalledTimes(1);
});`,
      filename: 'src/env.test.ts',
    },
    // A namesake in another folder is another module (renovate: git/exec.spec.ts mocks util/exec).
    {
      code: `import { exec as _exec } from '../exec/index.ts';
import { withGitEnvironment } from './exec.ts';
vi.mock('../exec/index.ts');
const exec = vi.mocked(_exec);
it('runs git with the environment', async () => {
  exec.mockResolvedValue({ stdout: '', stderr: '' });
  await withGitEnvironment(() => Promise.resolve());
  expect(exec).toHaveBeenCalledOnce();
});`,
      filename: 'lib/util/git/exec.spec.ts',
    },
    // A stubbed subject method on an instance (not the module namespace) is a different smell.
    {
      code: `import { Cart } from './cart';
it('totals', () => {
  const cart = new Cart();
  jest.spyOn(cart, 'tax').mockReturnValue(0);
  expect(cart.total()).toBe(10);
});`,
      filename: 'src/cart.test.ts',
    },
    // Seams: the subject routes its own I/O helpers through its exports so tests can stub them, and
    // the function under test runs for real. Not reported in recommended (see allowSeams).
    {
      code: `import { expect, it, vi } from 'vitest';
import * as totals from './totals';
it('totals without tax', () => {
  vi.spyOn(totals, 'tax').mockReturnValue(0);
  expect(totals.total([1, 2])).toBe(3);
});`,
      filename: 'src/totals.test.ts',
    },
    // A REST helper of the module stubbed in a shared hook while each test runs the real function (vitest).
    {
      code: `import { beforeEach, describe, expect, it, vi } from 'vitest';
import * as github from './github';
describe('listReleases', () => {
  beforeEach(() => {
    vi.spyOn(github, 'request').mockResolvedValue({ data: [{ tag_name: 'v1' }] });
    vi.spyOn(github, 'paginate').mockImplementation(async (fn) => fn());
  });
  it('maps tags', async () => {
    expect(await github.listReleases('o/r')).toEqual(['v1']);
    expect(github.request).toHaveBeenCalledWith('GET /repos/o/r/releases');
  });
});`,
      filename: 'src/github.test.ts',
    },
    // mocha + sinon: the clock and the file system of the module stubbed in a hook (CommonJS).
    {
      code: `const sinon = require('sinon');
const { expect } = require('chai');
const utils = require('../lib/utils');
describe('stamp', function () {
  beforeEach(function () {
    sinon.stub(utils, 'now').returns(0);
    sinon.stub(utils, 'readFile').resolves('a');
  });
  afterEach(function () { sinon.restore(); });
  it('stamps', async function () { expect(await utils.stamp('x')).to.equal('a@0'); });
});`,
      filename: 'test/utils.test.js',
      languageOptions: { parserOptions: { sourceType: 'script' } },
    },
    // jasmine: the randomness helper of the module stubbed.
    {
      code: `import * as math from './math';
describe('math', () => {
  it('picks a sample', () => {
    spyOn(math, 'random').and.returnValue(0.5);
    expect(math.sample([1, 2, 3])).toBe(2);
  });
});`,
      filename: 'src/app/math.spec.ts',
    },
    // A dynamically imported namespace: the client getter stubbed, the service function runs.
    {
      code: `import { expect, it, vi } from 'vitest';
it('falls back to local storage', async () => {
  const services = await import('./dashboard-services.js');
  vi.spyOn(services, 'getClient').mockReturnValue(null);
  expect(await services.getProgress('c1')).toEqual({});
});`,
      filename: 'src/dashboard-services.test.js',
    },
    // node:test: a seam replaced with t.mock.method while drain runs for real.
    {
      code: `import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as queue from '../src/queue.js';
test('drains', (t) => {
  t.mock.method(queue, 'pop', () => undefined);
  assert.equal(queue.drain([1]), 0);
});`,
      filename: 'test/queue.test.js',
    },
    // Asserting that the seam was called is verifying the boundary, not testing the stub (jest, CommonJS).
    {
      code: `const api = require('../src/api');
describe('sync', () => {
  it('posts each record', async () => {
    jest.spyOn(api, 'post').mockResolvedValue({ status: 201 });
    await api.sync([{ id: 1 }, { id: 2 }]);
    expect(api.post).toHaveBeenCalledTimes(2);
  });
});`,
      filename: 'src/__tests__/api.js',
      languageOptions: { parserOptions: { sourceType: 'script' } },
    },
    // The file is named after a module it only mocks: its tests call another module (vitest, named import).
    {
      code: `import { expect, it, vi } from 'vitest';
import { load } from './config';
import { start } from './app';
vi.mock('./config');
it('starts on the configured port', () => {
  vi.mocked(load).mockReturnValue({ port: 1 });
  load.mockName('load');
  expect(start().port).toBe(1);
  expect(load).toHaveBeenCalledTimes(1);
});`,
      filename: 'src/config.test.ts',
    },
    // The same with a namespace the tests only program and inspect (jest, CommonJS).
    {
      code: `jest.mock('../settings');
const settings = require('../settings');
const { render } = require('../page');
test('renders the title', () => {
  settings.read.mockReturnValue({ title: 'T' });
  expect(render()).toContain('T');
  expect(settings.read).toHaveBeenCalled();
});`,
      filename: 'src/__tests__/settings.js',
      languageOptions: { parserOptions: { sourceType: 'script' } },
    },
    // node:test: the mocked namesake only has its calls inspected; the test runs the CLI.
    {
      code: `import { test, mock } from 'node:test';
import assert from 'node:assert/strict';
const send = mock.fn();
mock.module('./mailer.js', { namedExports: { send } });
const { send: mailed } = await import('./mailer.js');
const { run } = await import('./cli.js');
test('mails once', async () => {
  await run(['notify']);
  assert.equal(mailed.mock.calls.length, 1);
});`,
      filename: 'src/mailer.test.js',
    },
    // Round 3: the same partial mock of a collaborator, not of the module the file tests.
    {
      code: `import { describe, expect, test, vi } from 'vitest';
import { getElementSummary } from './surveySummary';
vi.mock('./i18n', async (importOriginal) => {
  const originalModule = await importOriginal();
  return { ...(originalModule as object), checkForI18n: vi.fn(() => ['Item 2', 'Item 1']) };
});
describe('getElementSummary', () => {
  test('converts Spanish ranking labels', async () => {
    expect(await getElementSummary(survey, elements, responses, dropOff)).toHaveLength(1);
  });
});`,
      filename: 'apps/web/summary/lib/surveySummary.test.ts',
    },
    // Round 3: jest, CommonJS: a partial mock of a collaborator with requireActual, the subject required whole.
    {
      code: `jest.mock('../store', () => ({ ...jest.requireActual('../store'), save: jest.fn() }));
const config = require('../config');
test('reads the port', () => {
  expect(config.port()).toBe(1);
});`,
      filename: 'src/__tests__/config.js',
      languageOptions: { parserOptions: { sourceType: 'script' } },
    },
    // Round 6: a partial self-mock whose wrapper calls the real export (Roo-Code's foldedFileContext): the tests of
    // \`fold\` run the real code; the wrapper is programmed only where another module (\`../index\`) is under test.
    {
      code: `import { describe, expect, it, vi } from 'vitest';
vi.mock('../fold', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../fold')>();
  return { ...actual, fold: vi.fn().mockImplementation(actual.fold) };
});
import { fold } from '../fold';
const mockedFold = vi.mocked(fold);
describe('fold', () => {
  it('folds nothing', async () => { expect(await fold([])).toEqual([]); });
});
describe('summarize with fold', () => {
  it('uses the folded context', async () => {
    mockedFold.mockResolvedValue(['a']);
    const { summarize } = await import('../index');
    expect(await summarize(['x'])).toContain('a');
    expect(mockedFold).toHaveBeenCalledWith(['x']);
  });
});`,
      filename: 'src/condense/__tests__/fold.spec.ts',
    },
    // Round 6: jest, CommonJS: \`jest.fn(requireActual(…).load)\` only records calls of the real \`load\`, which the test checks.
    {
      code: `jest.mock('../config', () => ({
  ...jest.requireActual('../config'),
  load: jest.fn(jest.requireActual('../config').load),
}));
const config = require('../config');
test('loads the port', () => {
  expect(config.load().port).toBe(1);
  expect(config.load).toHaveBeenCalledTimes(1);
});`,
      filename: 'src/__tests__/config.js',
      languageOptions: { parserOptions: { sourceType: 'script' } },
    },
    // Round 6: a forwarding arrow and a bare real export are pass-through too; never programmed, nothing is replaced.
    {
      code: `import { expect, it, vi } from 'vitest';
import { round, total } from './price.js';
vi.mock('./price.js', async (importOriginal) => {
  const original = await importOriginal();
  return { ...original, round: vi.fn((...args) => original.round(...args)), total: original.total };
});
it('totals', () => { expect(total([1.2])).toBe(1); expect(round).toHaveBeenCalled(); });`,
      filename: 'src/price.test.ts',
    },
    // Round 6: jest, TS: the wrapper is programmed in a hook of a suite that runs another module, not the wrapped export.
    {
      code: `import { load } from './settings';
import { start } from './server';
jest.mock('./settings', () => {
  const actual = jest.requireActual('./settings');
  return { ...actual, load: jest.fn().mockImplementation(actual.load) };
});
describe('load', () => {
  it('reads defaults', () => { expect(load()).toEqual({ port: 80 }); });
});
describe('start', () => {
  beforeEach(() => { jest.mocked(load).mockReturnValue({ port: 1 }); });
  it('listens on the configured port', () => { expect(start().port).toBe(1); });
});`,
      filename: 'src/settings.test.ts',
    },
  ],
  invalid: [
    // Round 11: a platform-variant test that loads only the generic module still tests it.
    {
      code: `import { vi, it, expect } from 'vitest';
vi.mock('./event_processor_factory');
import { createProcessor } from './event_processor_factory';
it('creates', () => { expect(createProcessor({})).toBeTruthy(); });`,
      filename: 'lib/event_processor/event_processor_factory.browser.spec.ts',
      errors: [{ messageId: 'mockedSubject', line: 2, column: 9 }],
    },
    // Round 11: with allowSeams: false, a partial self-mock whose stub the tests only program is reported as a seam.
    {
      code: `jest.mock('../lib/repo', () => ({ ...jest.requireActual('../lib/repo'), fetchFile: jest.fn() }));
const { chunkSource, fetchFile } = require('../lib/repo');
const resync = require('../lib/resync');
it('resyncs', async () => {
  fetchFile.mockResolvedValue({ content: 'x' });
  expect((await resync(chunkSource('o/r'))).content).toBe('x');
});`,
      filename: 'test/repo.test.js',
      options: [{ allowSeams: false }],
      errors: [{ messageId: 'stubbedSeam', line: 1, column: 11, data: { subject: 'repo', targets: "'fetchFile'" } }],
    },
    // Round 11: the same partial mock, but the test calls the stub itself: it checks the mock.
    {
      code: `jest.mock('../lib/repo', () => ({ ...jest.requireActual('../lib/repo'), fetchFile: jest.fn() }));
const { chunkSource, fetchFile } = require('../lib/repo');
it('fetches', async () => {
  fetchFile.mockResolvedValue({ content: 'x' });
  expect((await fetchFile(chunkSource('o/r'))).content).toBe('x');
});`,
      filename: 'test/repo.test.js',
      errors: [{ messageId: 'mockedSubject', line: 1, column: 11, data: { specifier: '../lib/repo', subject: 'repo' } }],
    },
    // Round 6: a pass-through wrapper that a test programs and then calls itself checks the stub.
    {
      code: `import { describe, expect, it, vi } from 'vitest';
vi.mock('../fold', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../fold')>();
  return { ...actual, fold: vi.fn().mockImplementation(actual.fold) };
});
import { fold } from '../fold';
describe('fold', () => {
  it('folds', async () => {
    vi.mocked(fold).mockResolvedValue(['a']);
    expect(await fold(['x'])).toEqual(['a']);
  });
});`,
      filename: 'src/condense/__tests__/fold.spec.ts',
      errors: [{ messageId: 'stubbedSubject', line: 9, column: 5, data: { targets: "'fold'", subject: 'fold' } }],
    },
    // Round 6: jest, namespace: a hook programs the wrapper for the tests of its suite, which call it.
    {
      code: `import * as settings from './settings';
jest.mock('./settings', () => ({ ...jest.requireActual('./settings'), load: jest.fn(jest.requireActual('./settings').load) }));
describe('load', () => {
  beforeEach(() => { settings.load.mockReturnValue({ port: 1 }); });
  it('reads the port', () => { expect(settings.load().port).toBe(1); });
});`,
      filename: 'src/settings.test.ts',
      errors: [{ messageId: 'stubbedSubject', line: 4, column: 22, data: { targets: "'load'", subject: 'settings' } }],
    },
    // Round 6: next to a pass-through wrapper, a real stub the tests never name is still dead; the message names only it.
    {
      code: `import { expect, it, vi } from 'vitest';
import { total } from './price.js';
vi.mock('./price.js', async (importOriginal) => {
  const actual = await importOriginal();
  return { ...actual, total: vi.fn(actual.total), round: vi.fn(() => 1) };
});
it('totals', () => { expect(total([1.2])).toBe(1); });`,
      filename: 'src/price.test.ts',
      errors: [{ messageId: 'unreachedSubjectStub', line: 3, column: 9, data: { specifier: './price.js', subject: 'price', targets: "'round'" } }],
    },

    // The test stubs the very function it then calls: it checks the stub (vitest).
    {
      code: `import { expect, it, vi } from 'vitest';
import * as totals from './totals';
it('totals', () => {
  vi.spyOn(totals, 'total').mockReturnValue(3);
  expect(totals.total([1, 2])).toBe(3);
});`,
      filename: 'src/totals.test.ts',
      errors: [{ messageId: 'stubbedSubject', line: 4, column: 12, data: { targets: "'totals.total'", subject: 'totals' } }],
    },
    // Several stubs of the subject in one hook are one finding naming them; the seam (`now`) is not named (mocha + sinon, CommonJS).
    {
      code: `const sinon = require('sinon');
const { expect } = require('chai');
const utils = require('../lib/utils');
describe('utils', function () {
  beforeEach(function () {
    sinon.stub(utils, 'stamp').returns('a@0');
    sinon.stub(utils, 'slug').returns('a');
    sinon.stub(utils, 'now').returns(0);
  });
  afterEach(function () { sinon.restore(); });
  it('stamps', function () { expect(utils.stamp('a')).to.equal('a@0'); });
  it('slugs', function () { expect(utils.slug('A')).to.equal('a'); });
});`,
      filename: 'test/utils.test.js',
      languageOptions: { parserOptions: { sourceType: 'script' } },
      errors: [{ messageId: 'stubbedSubject', line: 6, column: 16, data: { targets: "'utils.stamp', 'utils.slug'", subject: 'utils' } }],
    },
    // strict: several seams in one hook are one finding too (vitest).
    {
      code: `import { beforeEach, describe, expect, it, vi } from 'vitest';
import * as github from './github';
describe('listReleases', () => {
  beforeEach(() => {
    vi.spyOn(github, 'request').mockResolvedValue({ data: [{ tag_name: 'v1' }] });
    vi.spyOn(github, 'paginate').mockImplementation(async (fn) => fn());
  });
  it('maps tags', async () => { expect(await github.listReleases('o/r')).toEqual(['v1']); });
  it('maps names', async () => { expect(await github.listNames('o/r')).toEqual([]); });
});`,
      filename: 'src/github.test.ts',
      options: [{ allowSeams: false }],
      errors: [{ messageId: 'stubbedSeam', line: 5, column: 14, data: { targets: "'github.request', 'github.paginate'", subject: 'github' } }],
    },
    // jest: a stubbed export the test calls inside its assertion (TS, __tests__ folder).
    {
      code: `import * as config from '../config';
test('reads the port', () => {
  jest.spyOn(config, 'port').mockReturnValue(8080);
  expect(config.port()).toBe(8080);
});`,
      filename: 'src/__tests__/config.ts',
      errors: [{ messageId: 'stubbedSubject', line: 3, column: 14, data: { targets: "'config.port'", subject: 'config' } }],
    },
    // vitest: the subject itself is mocked.
    {
      code: `import { expect, it, vi } from 'vitest';
import { price } from './price';
vi.mock('./price');
it('prices', () => { vi.mocked(price).mockReturnValue(3); expect(price(1)).toBe(3); });`,
      filename: 'src/price.test.ts',
      errors: [{ messageId: 'mockedSubject', line: 3, column: 9, data: { specifier: './price', subject: 'price' } }],
    },
    // A partial self-mock with importOriginal: the tests call only the real \`total\`, whose own call of \`round\` the mock
    // does not reach (round 3: the message says the stub changes nothing, rather than that the test checks the mock).
    {
      code: `import { expect, it, vi } from 'vitest';
import { total } from './price.js';
vi.mock('./price.js', async (importOriginal) => ({
  ...(await importOriginal()),
  round: vi.fn(() => 1),
}));
it('totals', () => { expect(total([1.2])).toBe(1); });`,
      filename: 'src/price.test.ts',
      errors: [{ messageId: 'unreachedSubjectStub', line: 3, column: 9, data: { specifier: './price.js', subject: 'price', targets: "'round'" } }],
    },
    // Round 3: the same written inside a test, the real module held in a variable (formbricks' surveySummary).
    {
      code: `import { describe, expect, test, vi } from 'vitest';
import { getElementSummary } from './surveySummary';
describe('getElementSummary', () => {
  test('converts Spanish ranking labels', async () => {
    vi.mock('./surveySummary', async (importOriginal) => {
      const originalModule = await importOriginal();
      return {
        ...(originalModule as object),
        checkForI18n: vi.fn().mockImplementation(() => ['Item 2', 'Item 1']),
      };
    });
    const summary = await getElementSummary(survey, elements, responses, dropOff);
    expect(summary).toHaveLength(1);
  });
});`,
      filename: 'apps/web/summary/lib/surveySummary.test.ts',
      errors: [{ messageId: 'unreachedSubjectStub', line: 5, column: 13, data: { specifier: './surveySummary', subject: 'surveySummary', targets: "'checkForI18n'" } }],
    },
    // Round 3: a partial self-mock whose replaced export the test calls through the namespace checks the stub.
    {
      code: `import { expect, it, vi } from 'vitest';
import * as price from './price.js';
vi.mock('./price.js', async (importOriginal) => ({ ...(await importOriginal()), round: vi.fn(() => 1) }));
it('rounds', () => { expect(price.round(1.2)).toBe(1); });`,
      filename: 'src/price.test.ts',
      errors: [{ messageId: 'mockedSubject', line: 3, column: 9, data: { specifier: './price.js', subject: 'price' } }],
    },
    // jest, CommonJS, __tests__ folder, requireActual inside the factory.
    {
      code: `jest.mock('../config', () => ({
  ...jest.requireActual('../config'),
  load: jest.fn(() => ({ port: 1 })),
}));
const config = require('../config');
test('reads the port', () => {
  expect(config.port()).toBe(1);
});`,
      filename: 'src/__tests__/config.js',
      languageOptions: { parserOptions: { sourceType: 'script' } },
      errors: [{ messageId: 'unreachedSubjectStub', line: 1, column: 11, data: { specifier: '../config', subject: 'config', targets: "'load'" } }],
    },
    // test/ mirrors src/.
    {
      code: `import { describe, expect, it, vi } from 'vitest';
import { parse } from '../src/parser.js';
vi.mock('../src/parser.js', () => ({ parse: vi.fn(() => ({ ok: true })) }));
describe('parse', () => {
  it('parses', () => { expect(parse('x')).toEqual({ ok: true }); });
});`,
      filename: 'test/parser.test.ts',
      errors: [{ messageId: 'mockedSubject', line: 3, column: 9 }],
    },
    // doMock in the test, then a dynamic import of the same module.
    {
      code: `test('flag on', async () => {
  jest.doMock('./feature', () => ({ enabled: () => true }));
  const { enabled } = await import('./feature');
  expect(enabled()).toBe(true);
});`,
      filename: 'src/feature.test.ts',
      errors: [{ messageId: 'mockedSubject', line: 2, column: 15 }],
    },
    // node:test module mocks.
    {
      code: `import { test, mock } from 'node:test';
import assert from 'node:assert/strict';
mock.module('./cache.js', { namedExports: { get: () => 1 } });
const { get } = await import('./cache.js');
test('gets', () => { assert.equal(get('k'), 1); });`,
      filename: 'src/cache.test.js',
      errors: [{ messageId: 'mockedSubject', line: 3, column: 13 }],
    },
    // strict (allowSeams: false): a function of the subject's namespace is stubbed while the test calls the subject.
    {
      code: `import { expect, it, vi } from 'vitest';
import * as totals from './totals';
it('totals without tax', () => {
  vi.spyOn(totals, 'tax').mockReturnValue(0);
  expect(totals.total([1, 2])).toBe(3);
});`,
      filename: 'src/totals.test.ts',
      options: [{ allowSeams: false }],
      errors: [{ messageId: 'stubbedSeam', line: 4, column: 12, data: { targets: "'totals.tax'", subject: 'totals' } }],
    },
    // strict: sinon.stub on a CommonJS subject, in a hook, applying to the suite's tests.
    {
      code: `const sinon = require('sinon');
const { expect } = require('chai');
const utils = require('../lib/utils');
describe('stamp', function () {
  beforeEach(function () { sinon.stub(utils, 'now').returns(0); });
  afterEach(function () { sinon.restore(); });
  it('stamps', function () { expect(utils.stamp('a')).to.equal('a@0'); });
});`,
      filename: 'test/utils.test.js',
      languageOptions: { parserOptions: { sourceType: 'script' } },
      options: [{ allowSeams: false }],
      errors: [{ messageId: 'stubbedSeam', line: 5, column: 39, data: { targets: "'utils.now'", subject: 'utils' } }],
    },
    // strict: jasmine spyOn returns undefined unless told otherwise: a replacement.
    {
      code: `import * as math from './math';
describe('math', () => {
  it('averages', () => {
    spyOn(math, 'sum').and.returnValue(6);
    expect(math.mean([1, 2, 3])).toBe(2);
  });
});`,
      filename: 'src/app/math.spec.ts',
      options: [{ allowSeams: false }],
      errors: [{ messageId: 'stubbedSeam', line: 4, column: 11 }],
    },
    // strict: a namespace bound by a dynamic import.
    {
      code: `import { expect, it, vi } from 'vitest';
it('falls back to local storage', async () => {
  const services = await import('./dashboard-services.js');
  vi.spyOn(services, 'getClient').mockReturnValue(null);
  expect(await services.getProgress('c1')).toEqual({});
});`,
      filename: 'src/dashboard-services.test.js',
      options: [{ allowSeams: false }],
      errors: [{ messageId: 'stubbedSeam', line: 4, column: 12, data: { targets: "'services.getClient'", subject: 'dashboard-services' } }],
    },
    // Unmocking in an after-hook is cleanup; the tests still ran against the mock (a course exercise).
    {
      code: `import { mockOne, unmockedFunction } from './index';
jest.mock('./index', () => {
  const originalModule = jest.requireActual('./index');
  return { ...originalModule, mockOne: jest.fn() };
});
afterAll(() => { jest.unmock('./index'); });
test('mockOne does not log', () => {
  mockOne();
  unmockedFunction();
  expect(console.log).toHaveBeenCalledTimes(1);
});`,
      filename: 'src/05-partial-mocking/index.test.ts',
      errors: [{ messageId: 'mockedSubject', line: 2, column: 11, data: { specifier: './index', subject: 'index' } }],
    },
    // vitest's typed form: the specifier given as an import expression.
    {
      code: `import { expect, it, vi } from 'vitest';
import { calculate } from './calc';
vi.mock(import('./calc'), () => ({ calculate: (x: number) => x }));
it('calculates', () => { expect(calculate(1)).toBe(1); });`,
      filename: 'src/calc.test.ts',
      errors: [{ messageId: 'mockedSubject', line: 3, column: 9, data: { specifier: './calc', subject: 'calc' } }],
    },
    // Path alias from settings.
    {
      code: `import { expect, it, vi } from 'vitest';
import { slug } from '@/lib/slug';
vi.mock('@/lib/slug');
it('slugs', () => { expect(slug('A B')).toBe('a-b'); });`,
      filename: 'src/lib/slug.test.ts',
      settings: { 'test-quality': { pathAliases: { '@/': 'src/' } } },
      errors: [{ messageId: 'mockedSubject', line: 3, column: 9 }],
    },
    // strict: node:test t.mock.method with an implementation on the subject.
    {
      code: `import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as queue from '../src/queue.js';
test('drains', (t) => {
  t.mock.method(queue, 'pop', () => undefined);
  assert.equal(queue.drain([1]), 0);
});`,
      filename: 'test/queue.test.js',
      options: [{ allowSeams: false }],
      errors: [{ messageId: 'stubbedSeam', line: 5, column: 17 }],
    },
    // testdouble replacing the subject module itself.
    {
      code: `const td = require('testdouble');
describe('notify', () => {
  it('mails', async () => {
    td.replace('../lib/notify');
    const { notify } = require('../lib/notify');
    await notify('a');
  });
});`,
      filename: 'test/notify.test.js',
      languageOptions: { parserOptions: { sourceType: 'script' } },
      errors: [{ messageId: 'mockedSubject', line: 4, column: 16 }],
    },
  ],
});
