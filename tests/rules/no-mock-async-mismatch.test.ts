import rule from '../../src/rules/no-mock-async-mismatch.js';
import { createTypedRuleTester, typedFile } from '../typed-rule-tester.js';

// Cases lint inside tests/fixtures/typed, whose api.ts declares the functions mocked here:
// fetchUser/service.getUser/db.query return promises, formatUser/service.cachedUser/db.count
// do not, maybeAsync returns `User | Promise<User>`, read is overloaded sync/async, identity is
// generic, notify returns void, anything/mystery return any/unknown.
createTypedRuleTester().run('no-mock-async-mismatch', rule, {
  valid: [
    // Round 11 (V9 typed labels): a factory default that a beforeEach replaces for the tests that use it is dead:
    // the code under test never gets the plain value.
    `import { vi, it, expect, describe, beforeEach } from 'vitest';
import { fetchUser } from './api';
vi.mock('./api', () => ({
  fetchUser: vi.fn().mockReturnValue({ id: 1, name: 'a' }),
}));
describe('loading', () => {
  beforeEach(() => {
    vi.mocked(fetchUser).mockReturnValue(Promise.resolve({ id: 1, name: 'a' }));
  });
  it('loads', async () => {
    expect(await fetchUser(1)).toEqual({ id: 1, name: 'a' });
  });
});`,
    // Round 11 (V9 typed labels): a behaviour the same test replaces later (sinon \`callsFake\`, then \`rejects\`).
    `import sinon from 'sinon';
import { it } from 'mocha';
import { service, plainUser } from './api';
const getUser = sinon.stub(service, 'getUser');
it('gives up', async () => {
  getUser.callsFake(() => plainUser);
  prepare();
  getUser.rejects(new Error('fail'));
  await run();
});
declare function prepare(): void;
declare function run(): Promise<void>;`,
    // vitest: the mock's shape matches the function.
    `import { vi } from 'vitest';
import { fetchUser, formatUser, plainUser, userPromise } from './api';
vi.mocked(fetchUser).mockResolvedValue(plainUser);
vi.mocked(fetchUser).mockReturnValue(Promise.resolve(plainUser));
vi.mocked(fetchUser).mockReturnValueOnce(userPromise);
vi.mocked(fetchUser).mockRejectedValueOnce(new Error('offline'));
vi.mocked(formatUser).mockReturnValue('1:a');`,
    // A type named as a promise whose typings omit \`then\` (webdriverio's \`ChainablePromiseArray\`): its runtime value may
    // well be a promise, so a resolving mock is not judged (round 8, from V7's typed labels).
    `import { vi } from 'vitest';
import { findAll } from './api';
vi.mocked(findAll).mockResolvedValue([] as any);
vi.mocked(findAll).mockResolvedValueOnce([{ isDisplayed: () => true }] as any);`,
    // PromiseLike counts as a promise.
    `import { vi } from 'vitest';
import { loadLater, userPromise } from './api';
vi.mocked(loadLater).mockReturnValue(userPromise);`,
    // any / unknown: never reported, either way.
    `import { vi } from 'vitest';
import { anything, mystery } from './api';
vi.mocked(anything).mockReturnValue(1);
vi.mocked(anything).mockResolvedValue(1);
vi.mocked(mystery).mockResolvedValue(1);
vi.mocked(mystery).mockReturnValue(1);`,
    // A value typed any is not evidence of a plain value.
    `import { vi } from 'vitest';
import { fetchUser, plainUser } from './api';
vi.mocked(fetchUser).mockReturnValue(plainUser as any);
vi.mocked(fetchUser).mockReturnValue(JSON.parse('{}'));`,
    // Two tests each declare a double under the same name: each configuration belongs to its own test's double.
    `import { it, vi } from 'vitest';
it('sync', () => {
  const loader = vi.fn<(key: string) => string>();
  loader.mockImplementation(() => 'now');
});
it('async', () => {
  const loader = vi.fn<(key: string) => Promise<string>>();
  loader.mockImplementation(async () => 'later');
});`,
    // T | Promise<T>: both shapes are legitimate.
    `import { vi } from 'vitest';
import { maybeAsync, plainUser } from './api';
vi.mocked(maybeAsync).mockReturnValue(plainUser);
vi.mocked(maybeAsync).mockResolvedValueOnce(plainUser);
vi.mocked(maybeAsync).mockImplementation(async () => plainUser);`,
    // Overloads that disagree (sync and async) are not judged.
    `import { vi } from 'vitest';
import { read } from './api';
vi.mocked(read).mockReturnValue('value');
vi.mocked(read).mockResolvedValue('value');`,
    // Generic functions and generic mocks.
    `import { vi } from 'vitest';
import { identity } from './api';
vi.mocked(identity).mockResolvedValue(1);
vi.fn<typeof identity>().mockReturnValue(1);
const generic = vi.fn<<T>(value: T) => T>();
generic.mockResolvedValue(2);`,
    // void: a callback whose result is ignored may be async.
    `import { vi } from 'vitest';
import { notify } from './api';
vi.mocked(notify).mockResolvedValue(undefined);
vi.spyOn(console, 'log').mockImplementation(async () => {});`,
    // Untyped doubles: their type mirrors the test's own implementation, not a replaced function.
    `import { vi } from 'vitest';
const load = vi.fn(() => 1);
load.mockResolvedValue(2);
const save = vi.fn();
save.mockReturnValue(1);
save.mockResolvedValue(1);
vi.fn(async () => 1).mockReturnValueOnce(2);`,
    // Implementations that fit, throw or are generators.
    `import { vi } from 'vitest';
import { fetchUser, service, plainUser } from './api';
vi.spyOn(service, 'getUser').mockImplementation(async (id) => ({ ...plainUser, id }));
vi.spyOn(service, 'getUser').mockImplementation(() => Promise.resolve(plainUser));
vi.spyOn(service, 'getUser').mockImplementationOnce(() => { throw new Error('boom'); });
vi.spyOn(service, 'cachedUser').mockImplementation((id) => ({ ...plainUser, id }));
vi.mocked(fetchUser).mockImplementation(async () => plainUser);`,
    // Module factories: the export's own shape is respected; objects that are not the factory's result are not read.
    `import { vi } from 'vitest';
import { fetchUser, formatUser, plainUser } from './api';
vi.mock('./api', async (importOriginal) => ({
  ...(await importOriginal<typeof import('./api')>()),
  fetchUser: vi.fn().mockResolvedValue({ id: 1, name: 'a' }),
  formatUser: vi.fn().mockReturnValue('1:a'),
}));
vi.mock('./other', () => {
  const helpers = { fetchUser: vi.fn().mockReturnValue(1) };
  return { helpers };
});
void fetchUser; void formatUser; void plainUser;`,
    // A thenable query builder (knex, mongoose) is chainable: a plain chain double stands for it, and so does a resolved value.
    `import { vi } from 'vitest';
import { users, plainUser } from './api';
const chain = { where: vi.fn().mockReturnThis(), first: vi.fn().mockResolvedValue(plainUser) };
vi.spyOn(users, 'select').mockReturnValue(chain as unknown as { where: () => never });
vi.spyOn(users, 'select').mockImplementation(() => ({ where: vi.fn() }) as never as { where: () => void });
vi.spyOn(users, 'select').mockResolvedValue([plainUser]);`,
    // renovate's style: an automocked namespace through vi.mocked, shapes matching.
    `import { vi } from 'vitest';
import * as _api from './api';
vi.mock('./api');
const api = vi.mocked(_api);
api.fetchUser.mockResolvedValue(_api.plainUser);
api.formatUser.mockReturnValueOnce('1:a');
api.maybeAsync.mockResolvedValueOnce(_api.plainUser);`,
    // Spread arguments are not judged.
    `import { vi } from 'vitest';
import { fetchUser, plainUser } from './api';
const values = [plainUser] as const;
vi.mocked(fetchUser).mockReturnValue(...values);`,
    // Class constructors have no call signature to compare with.
    `import { vi } from 'vitest';
import { UserService, service } from './api';
vi.mocked(UserService).mockReturnValue(service);`,
    // Not a mock: an object with a method of the same name.
    `const builder = { mockReturnValue(value: number) { return value; }, returns(value: number) { return value; } };
builder.mockReturnValue(1);
builder.returns(2);`,
    // jest (@jest/globals), matching shapes.
    `import { jest, it } from '@jest/globals';
import { db, service, plainUser, fetchUser } from './api';
it('loads', async () => {
  jest.spyOn(db, 'query').mockResolvedValue([plainUser]);
  jest.spyOn(db, 'count').mockReturnValue(1);
  jest.spyOn(service, 'getUser').mockRejectedValue(new Error('x'));
  const load = jest.fn<typeof fetchUser>();
  load.mockResolvedValueOnce(plainUser);
});`,
    // sinon, matching shapes; an untyped stub.
    `import sinon from 'sinon';
import { service, plainUser } from './api';
sinon.stub(service, 'getUser').resolves(plainUser);
sinon.stub(service, 'getUser').withArgs(1).resolves(plainUser);
sinon.stub(service, 'cachedUser').returns(plainUser);
sinon.stub(service, 'getUser').callsFake(async () => plainUser);
sinon.stub().returns(1);
sinon.stub().resolves(1);`,
    // node:test: implementations that fit.
    `import { mock, it } from 'node:test';
import { service, plainUser } from './api';
it('loads', () => {
  mock.method(service, 'getUser', async () => plainUser);
  mock.method(service, 'cachedUser', () => plainUser);
});`,
    // Without type information the rule stays silent.
    {
      code: `import { vi } from 'vitest';
import { fetchUser, plainUser } from './api';
vi.mocked(fetchUser).mockReturnValue(plainUser);`,
      languageOptions: { parserOptions: { projectService: false } },
    },
    // CommonJS, matching shapes.
    {
      code: `const { service, plainUser } = require('./api');
jest.spyOn(service, 'getUser').mockResolvedValue(plainUser);
jest.spyOn(service, 'cachedUser').mockReturnValue(plainUser);`,
      filename: typedFile('file.cjs'),
      languageOptions: { parserOptions: { sourceType: 'script' } },
    },
    // JSX test file, matching shapes.
    {
      code: `import { vi, it } from 'vitest';
import { fetchUser, plainUser } from './api';
const Profile = () => <div>{plainUser.name}</div>;
it('renders', () => {
  vi.mocked(fetchUser).mockResolvedValue(plainUser);
  void (<Profile />);
});`,
      filename: typedFile('react.tsx'),
    },
  ],
  invalid: [
    // Round 11: a behaviour set again only in another test is not replaced before this test's code runs.
    {
      code: `import { vi, it } from 'vitest';
import { fetchUser, plainUser } from './api';
it('a', () => {
  vi.mocked(fetchUser).mockReturnValue(plainUser);
});
it('b', () => {
  vi.mocked(fetchUser).mockResolvedValue(plainUser);
});`,
      output: `import { vi, it } from 'vitest';
import { fetchUser, plainUser } from './api';
it('a', () => {
  vi.mocked(fetchUser).mockResolvedValue(plainUser);
});
it('b', () => {
  vi.mocked(fetchUser).mockResolvedValue(plainUser);
});`,
      errors: [{ messageId: 'plainValueForAsyncFunction', line: 4, column: 24 }],
    },
    // vitest: vi.mocked(fn) of an async function returning a plain value → the rename is the fix.
    {
      code: `import { vi } from 'vitest';
import { fetchUser, plainUser } from './api';
vi.mocked(fetchUser).mockReturnValue(plainUser);
vi.mocked(fetchUser).mockReturnValueOnce({ id: 2, name: 'b' });`,
      output: `import { vi } from 'vitest';
import { fetchUser, plainUser } from './api';
vi.mocked(fetchUser).mockResolvedValue(plainUser);
vi.mocked(fetchUser).mockResolvedValueOnce({ id: 2, name: 'b' });`,
      errors: [
        { messageId: 'plainValueForAsyncFunction', line: 3, column: 22, endColumn: 37, data: { method: 'mockReturnValue', replacement: 'mockResolvedValue' } },
        { messageId: 'plainValueForAsyncFunction', line: 4, column: 22, data: { method: 'mockReturnValueOnce', replacement: 'mockResolvedValueOnce' } },
      ],
    },
    // vitest: a module mock factory's double for an imported async function.
    {
      code: `import { vi, it, expect } from 'vitest';
import { fetchUser } from './api';
vi.mock('./api', () => ({
  fetchUser: vi.fn().mockReturnValue({ id: 1, name: 'a' }),
  formatUser: vi.fn(),
}));
it('loads', async () => {
  expect(await fetchUser(1)).toEqual({ id: 1, name: 'a' });
});`,
      output: `import { vi, it, expect } from 'vitest';
import { fetchUser } from './api';
vi.mock('./api', () => ({
  fetchUser: vi.fn().mockResolvedValue({ id: 1, name: 'a' }),
  formatUser: vi.fn(),
}));
it('loads', async () => {
  expect(await fetchUser(1)).toEqual({ id: 1, name: 'a' });
});`,
      errors: [{ messageId: 'plainValueForAsyncFunction', line: 4, column: 22 }],
    },
    // vitest: a factory double made with a synchronous implementation (returned through a block body).
    {
      code: `import { vi } from 'vitest';
import { fetchUser } from './api';
vi.mock('./api', () => {
  return { fetchUser: vi.fn(() => ({ id: 1, name: 'a' })) };
});
void fetchUser;`,
      errors: [
        {
          messageId: 'syncImplementationForAsyncFunction',
          line: 4,
          column: 29,
          suggestions: [
            {
              messageId: 'makeImplementationAsync',
              output: `import { vi } from 'vitest';
import { fetchUser } from './api';
vi.mock('./api', () => {
  return { fetchUser: vi.fn(async () => ({ id: 1, name: 'a' })) };
});
void fetchUser;`,
            },
          ],
        },
      ],
    },
    // vitest: spyOn with a synchronous implementation; a named implementation gets no suggestion.
    {
      code: `import { vi, beforeEach } from 'vitest';
import { db, service, plainUser } from './api';
function fakeQuery(sql: string) { return sql ? [plainUser] : []; }
beforeEach(() => {
  vi.spyOn(service, 'getUser').mockImplementation(function () { return plainUser; });
  vi.spyOn(db, 'query').mockImplementation(fakeQuery);
});`,
      errors: [
        {
          messageId: 'syncImplementationForAsyncFunction',
          line: 5,
          column: 51,
          suggestions: [
            {
              messageId: 'makeImplementationAsync',
              output: `import { vi, beforeEach } from 'vitest';
import { db, service, plainUser } from './api';
function fakeQuery(sql: string) { return sql ? [plainUser] : []; }
beforeEach(() => {
  vi.spyOn(service, 'getUser').mockImplementation(async function () { return plainUser; });
  vi.spyOn(db, 'query').mockImplementation(fakeQuery);
});`,
            },
          ],
        },
        { messageId: 'syncImplementationForAsyncFunction', line: 6, column: 44, suggestions: [] },
      ],
    },
    // vitest: the reverse — a promise for a synchronous function.
    {
      code: `import { vi } from 'vitest';
import { db, formatUser } from './api';
const spy = vi.spyOn(db, 'count');
spy.mockResolvedValue(3);
vi.mocked(formatUser).mockRejectedValue(new Error('bad user'));`,
      errors: [
        {
          messageId: 'promiseForSyncFunction',
          line: 4,
          column: 5,
          data: { method: 'mockResolvedValue', instead: 'use `mockReturnValue`' },
          suggestions: [
            {
              messageId: 'useReturnValue',
              data: { replacement: 'mockReturnValue' },
              output: `import { vi } from 'vitest';
import { db, formatUser } from './api';
const spy = vi.spyOn(db, 'count');
spy.mockReturnValue(3);
vi.mocked(formatUser).mockRejectedValue(new Error('bad user'));`,
            },
          ],
        },
        { messageId: 'promiseForSyncFunction', line: 5, column: 23, data: { method: 'mockRejectedValue', instead: 'make the mock throw instead' }, suggestions: [] },
      ],
    },
    // vitest: an async implementation for a synchronous method; a typed vi.fn<typeof fn>().
    {
      code: `import { vi } from 'vitest';
import { service, formatUser, plainUser } from './api';
vi.spyOn(service, 'cachedUser').mockImplementation(async () => plainUser);
const format = vi.fn<typeof formatUser>();
format.mockResolvedValueOnce('1:a');`,
      errors: [
        { messageId: 'asyncImplementationForSyncFunction', line: 3, column: 52 },
        {
          messageId: 'promiseForSyncFunction',
          line: 5,
          column: 8,
          suggestions: [
            {
              messageId: 'useReturnValue',
              output: `import { vi } from 'vitest';
import { service, formatUser, plainUser } from './api';
vi.spyOn(service, 'cachedUser').mockImplementation(async () => plainUser);
const format = vi.fn<typeof formatUser>();
format.mockReturnValueOnce('1:a');`,
            },
          ],
        },
      ],
    },
    // jest (@jest/globals): spyOn, mocked, typed jest.fn.
    {
      code: `import { jest, it } from '@jest/globals';
import { fetchUser, service, plainUser } from './api';
it('loads', () => {
  jest.spyOn(service, 'getUser').mockReturnValueOnce(plainUser);
  jest.mocked(fetchUser).mockReturnValue(null as unknown as typeof plainUser);
  const load = jest.fn<typeof fetchUser>();
  load.mockReturnValue(plainUser);
});`,
      output: `import { jest, it } from '@jest/globals';
import { fetchUser, service, plainUser } from './api';
it('loads', () => {
  jest.spyOn(service, 'getUser').mockResolvedValueOnce(plainUser);
  jest.mocked(fetchUser).mockResolvedValue(null as unknown as typeof plainUser);
  const load = jest.fn<typeof fetchUser>();
  load.mockResolvedValue(plainUser);
});`,
      errors: [
        { messageId: 'plainValueForAsyncFunction', line: 4, column: 34 },
        { messageId: 'plainValueForAsyncFunction', line: 5, column: 26 },
        { messageId: 'plainValueForAsyncFunction', line: 7, column: 8 },
      ],
    },
    // jest globals in CommonJS: require()d bindings keep their types.
    {
      code: `const { service, plainUser } = require('./api');
describe('service', () => {
  it('caches', () => {
    jest.spyOn(service, 'cachedUser').mockResolvedValue(plainUser);
  });
});`,
      filename: typedFile('file.cjs'),
      languageOptions: { parserOptions: { sourceType: 'script' } },
      errors: [
        {
          messageId: 'promiseForSyncFunction',
          line: 4,
          column: 39,
          suggestions: [
            {
              messageId: 'useReturnValue',
              output: `const { service, plainUser } = require('./api');
describe('service', () => {
  it('caches', () => {
    jest.spyOn(service, 'cachedUser').mockReturnValue(plainUser);
  });
});`,
            },
          ],
        },
      ],
    },
    // sinon + mocha: returns() for an async method (also after withArgs); resolves()/rejects() for a sync one.
    {
      code: `import sinon from 'sinon';
import { service, plainUser } from './api';
describe('service', () => {
  it('loads', () => {
    sinon.stub(service, 'getUser').returns(plainUser);
    const stub = sinon.stub(service, 'getUser');
    stub.withArgs(1).returns(plainUser);
  });
});`,
      output: `import sinon from 'sinon';
import { service, plainUser } from './api';
describe('service', () => {
  it('loads', () => {
    sinon.stub(service, 'getUser').resolves(plainUser);
    const stub = sinon.stub(service, 'getUser');
    stub.withArgs(1).resolves(plainUser);
  });
});`,
      errors: [
        { messageId: 'plainValueForAsyncFunction', line: 5, column: 36, data: { method: 'returns', replacement: 'resolves' } },
        { messageId: 'plainValueForAsyncFunction', line: 7, column: 22 },
      ],
    },
    {
      code: `import sinon from 'sinon';
import { service, plainUser } from './api';
it('caches', () => {
  sinon.stub(service, 'cachedUser').resolves(plainUser);
  sinon.stub(service, 'cachedUser').rejects(new Error('x'));
  sinon.stub(service, 'cachedUser').callsFake(async () => plainUser);
});`,
      errors: [
        {
          messageId: 'promiseForSyncFunction',
          line: 4,
          column: 37,
          suggestions: [
            {
              messageId: 'useReturnValue',
              output: `import sinon from 'sinon';
import { service, plainUser } from './api';
it('caches', () => {
  sinon.stub(service, 'cachedUser').returns(plainUser);
  sinon.stub(service, 'cachedUser').rejects(new Error('x'));
  sinon.stub(service, 'cachedUser').callsFake(async () => plainUser);
});`,
            },
          ],
        },
        {
          messageId: 'promiseForSyncFunction',
          line: 5,
          column: 37,
          data: { method: 'rejects', instead: 'use `throws`' },
          suggestions: [
            {
              messageId: 'useReturnValue',
              output: `import sinon from 'sinon';
import { service, plainUser } from './api';
it('caches', () => {
  sinon.stub(service, 'cachedUser').resolves(plainUser);
  sinon.stub(service, 'cachedUser').throws(new Error('x'));
  sinon.stub(service, 'cachedUser').callsFake(async () => plainUser);
});`,
            },
          ],
        },
        { messageId: 'asyncImplementationForSyncFunction', line: 6, column: 47 },
      ],
    },
    // renovate's style: a sync function of an automocked namespace given a promise (found in renovate).
    {
      code: `import { vi } from 'vitest';
import * as _api from './api';
vi.mock('./api');
const api = vi.mocked(_api);
api.formatUser.mockResolvedValueOnce('1:a');`,
      errors: [
        {
          messageId: 'promiseForSyncFunction',
          line: 5,
          column: 16,
          suggestions: [
            {
              messageId: 'useReturnValue',
              output: `import { vi } from 'vitest';
import * as _api from './api';
vi.mock('./api');
const api = vi.mocked(_api);
api.formatUser.mockReturnValueOnce('1:a');`,
            },
          ],
        },
      ],
    },
    // A computed method name keeps its brackets and quotes: `['mockResolvedValue']`, not `[mockResolvedValue]`.
    {
      code: `import { vi } from 'vitest';
import { fetchUser, plainUser } from './api';
vi.mocked(fetchUser)['mockReturnValue'](plainUser);`,
      output: `import { vi } from 'vitest';
import { fetchUser, plainUser } from './api';
vi.mocked(fetchUser)['mockResolvedValue'](plainUser);`,
      errors: [{ messageId: 'plainValueForAsyncFunction', line: 3, column: 22 }],
    },
    // node:test: mock.method with an implementation of the wrong shape.
    {
      code: `import { mock, it } from 'node:test';
import { service, plainUser } from './api';
it('loads', () => {
  mock.method(service, 'getUser', () => plainUser);
});`,
      errors: [
        {
          messageId: 'syncImplementationForAsyncFunction',
          line: 4,
          column: 35,
          suggestions: [
            {
              messageId: 'makeImplementationAsync',
              output: `import { mock, it } from 'node:test';
import { service, plainUser } from './api';
it('loads', () => {
  mock.method(service, 'getUser', async () => plainUser);
});`,
            },
          ],
        },
      ],
    },
    // Computed names keep their spelling: a template key stays a template key; the suggestion keeps the quotes.
    {
      code: `import { vi } from 'vitest';
import { fetchUser, formatUser, plainUser } from './api';
vi.mocked(fetchUser)[\`mockReturnValueOnce\`](plainUser);
vi.mocked(formatUser)["mockResolvedValue"]('1:a');`,
      output: `import { vi } from 'vitest';
import { fetchUser, formatUser, plainUser } from './api';
vi.mocked(fetchUser)[\`mockResolvedValueOnce\`](plainUser);
vi.mocked(formatUser)["mockResolvedValue"]('1:a');`,
      errors: [
        { messageId: 'plainValueForAsyncFunction', line: 3, column: 22 },
        {
          messageId: 'promiseForSyncFunction',
          line: 4,
          column: 23,
          suggestions: [
            {
              messageId: 'useReturnValue',
              output: `import { vi } from 'vitest';
import { fetchUser, formatUser, plainUser } from './api';
vi.mocked(fetchUser)[\`mockReturnValueOnce\`](plainUser);
vi.mocked(formatUser)["mockReturnValue"]('1:a');`,
            },
          ],
        },
      ],
    },
    // Script code whose implementation names \`await\`: making it \`async\` would not parse, so no suggestion.
    {
      code: `const { service, plainUser } = require('./api');
it('loads', () => {
  jest.spyOn(service, 'getUser').mockImplementation(function () { var await = plainUser; return await; });
});`,
      filename: typedFile('file.cjs'),
      languageOptions: { parserOptions: { sourceType: 'script' } },
      errors: [{ messageId: 'syncImplementationForAsyncFunction', line: 3, column: 53, suggestions: [] }],
    },
    // JSX test file.
    {
      code: `import { vi, it } from 'vitest';
import { fetchUser, plainUser } from './api';
const Profile = () => <div>{plainUser.name}</div>;
it('renders', () => {
  vi.mocked(fetchUser).mockReturnValue(plainUser);
  void (<Profile />);
});`,
      filename: typedFile('react.tsx'),
      output: `import { vi, it } from 'vitest';
import { fetchUser, plainUser } from './api';
const Profile = () => <div>{plainUser.name}</div>;
it('renders', () => {
  vi.mocked(fetchUser).mockResolvedValue(plainUser);
  void (<Profile />);
});`,
      errors: [{ messageId: 'plainValueForAsyncFunction', line: 5, column: 24 }],
    },
  ],
});
