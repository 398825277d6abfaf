/**
 * What the names exported by test frameworks and their globals mean. Pure data: the resolver
 * (`resolve-names.ts`) decides which of these a given identifier really is.
 */

export type Library =
  | 'bun'
  | 'chai'
  | 'jasmine'
  | 'jest'
  | 'mocha'
  | 'node:assert'
  | 'node:test'
  | 'playwright'
  | 'sinon'
  | 'supertest'
  | 'testdouble'
  | 'unknown'
  | 'vitest';

export type NameKind =
  /** Called as an assertion head or namespace: `assert(x)`, `assert.equal(a, b)`. */
  | 'assert'
  /** The chai namespace: `chai.expect`, `chai.assert`, `chai.should()`. */
  | 'chai'
  /** `expect(x)…` */
  | 'expect'
  /** jasmine's `expectAsync(p)…` */
  | 'expectAsync'
  /** A hook function: `beforeEach(fn)`. */
  | 'hook'
  /** A mocking namespace: `vi`, `jest`, `sinon`, a sinon sandbox, `td`, node:test `mock`, `jasmine`. */
  | 'mockApi'
  /** A function that itself creates a mock: jasmine/bun `spyOn`, bun `mock(fn)`, sinon's named `stub`. */
  | 'mockFunction'
  /** `sinon.assert` style namespace whose methods take the spy first. */
  | 'spyAssert'
  /** A suite function: `describe(title, fn)`. */
  | 'suite'
  /** The supertest request factory: `request(app)`. */
  | 'supertest'
  /** A supertest request or agent already bound to an app: `const api = request(app)`. */
  | 'supertestAgent'
  /** A test function: `it(title, fn)`. */
  | 'test'
  /** node:test's test context `t` (`t.test`, `t.mock`, `t.assert`, `t.plan`). */
  | 'testContext';

export interface FrameworkName {
  readonly kind: NameKind;
  /** Canonical name: `it`, `describe`, `beforeEach`, `spyOn`, `expect`, … */
  readonly name: string;
  readonly library: Library;
}

const entry = (kind: NameKind, name: string, library: Library): FrameworkName => ({ kind, name, library });

export const SUITE_NAMES: ReadonlySet<string> = new Set(['describe', 'suite', 'context', 'fdescribe', 'xdescribe', 'xcontext']);
export const TEST_NAMES: ReadonlySet<string> = new Set(['it', 'test', 'specify', 'fit', 'xit', 'xtest', 'xspecify']);

/** Hook spellings mapped to the four kinds of hook. */
export const HOOK_KINDS: ReadonlyMap<string, HookKind> = new Map<string, HookKind>([
  ['beforeAll', 'beforeAll'],
  ['before', 'beforeAll'],
  ['suiteSetup', 'beforeAll'],
  ['beforeEach', 'beforeEach'],
  ['setup', 'beforeEach'],
  ['afterEach', 'afterEach'],
  ['teardown', 'afterEach'],
  ['afterAll', 'afterAll'],
  ['after', 'afterAll'],
  ['suiteTeardown', 'afterAll'],
]);

export type HookKind = 'afterAll' | 'afterEach' | 'beforeAll' | 'beforeEach';

function blockEntries(library: Library, names: readonly string[]): Array<[string, FrameworkName]> {
  return names.map((name) => {
    if (HOOK_KINDS.has(name)) {
      return [name, entry('hook', name, library)];
    }
    return [name, entry(SUITE_NAMES.has(name) ? 'suite' : 'test', name, library)];
  });
}

const BLOCKS_JEST = ['describe', 'fdescribe', 'xdescribe', 'it', 'fit', 'xit', 'test', 'xtest', 'beforeAll', 'beforeEach', 'afterAll', 'afterEach'];
const BLOCKS_VITEST = ['describe', 'suite', 'it', 'test', 'beforeAll', 'beforeEach', 'afterAll', 'afterEach'];
const BLOCKS_NODE_TEST = ['describe', 'suite', 'it', 'test', 'before', 'after', 'beforeEach', 'afterEach'];
const BLOCKS_MOCHA = ['describe', 'context', 'suite', 'it', 'specify', 'test', 'before', 'after', 'beforeEach', 'afterEach', 'xdescribe', 'xcontext', 'xit', 'xspecify', 'suiteSetup', 'suiteTeardown', 'setup', 'teardown'];
const BLOCKS_BUN = ['describe', 'it', 'test', 'beforeAll', 'beforeEach', 'afterAll', 'afterEach'];

const NODE_ASSERT: ReadonlyMap<string, FrameworkName> = new Map([
  ['default', entry('assert', 'assert', 'node:assert')],
  ['*', entry('assert', 'assert', 'node:assert')],
  ['strict', entry('assert', 'assert', 'node:assert')],
]);

/** Module specifier → export name → meaning. `*` is a namespace import, `default` the default. */
export const MODULE_EXPORTS: ReadonlyMap<string, ReadonlyMap<string, FrameworkName>> = new Map<string, ReadonlyMap<string, FrameworkName>>([
  [
    'vitest',
    new Map([
      ...blockEntries('vitest', BLOCKS_VITEST),
      ['expect', entry('expect', 'expect', 'vitest')],
      ['vi', entry('mockApi', 'vi', 'vitest')],
      ['vitest', entry('mockApi', 'vi', 'vitest')],
      ['assert', entry('assert', 'assert', 'chai')],
    ]),
  ],
  [
    '@jest/globals',
    new Map([
      ...blockEntries('jest', BLOCKS_JEST),
      ['expect', entry('expect', 'expect', 'jest')],
      ['jest', entry('mockApi', 'jest', 'jest')],
    ]),
  ],
  ['expect', new Map([['default', entry('expect', 'expect', 'jest')], ['expect', entry('expect', 'expect', 'jest')]])],
  ['mocha', new Map(blockEntries('mocha', BLOCKS_MOCHA))],
  [
    'node:test',
    new Map([
      ...blockEntries('node:test', BLOCKS_NODE_TEST),
      ['default', entry('test', 'test', 'node:test')],
      ['mock', entry('mockApi', 'mock', 'node:test')],
    ]),
  ],
  [
    'bun:test',
    new Map([
      ...blockEntries('bun', BLOCKS_BUN),
      ['expect', entry('expect', 'expect', 'bun')],
      ['mock', entry('mockFunction', 'mock', 'bun')],
      ['spyOn', entry('mockFunction', 'spyOn', 'bun')],
      ['jest', entry('mockApi', 'jest', 'bun')],
      ['vi', entry('mockApi', 'vi', 'bun')],
    ]),
  ],
  [
    '@playwright/test',
    new Map([
      ['test', entry('test', 'test', 'playwright')],
      ['default', entry('test', 'test', 'playwright')],
      ['expect', entry('expect', 'expect', 'playwright')],
    ]),
  ],
  [
    'sinon',
    new Map([
      ['default', entry('mockApi', 'sinon', 'sinon')],
      ['*', entry('mockApi', 'sinon', 'sinon')],
      ['stub', entry('mockFunction', 'stub', 'sinon')],
      ['spy', entry('mockFunction', 'spy', 'sinon')],
      ['mock', entry('mockFunction', 'mock', 'sinon')],
      ['fake', entry('mockFunction', 'fake', 'sinon')],
      ['replace', entry('mockFunction', 'replace', 'sinon')],
      ['createStubInstance', entry('mockFunction', 'createStubInstance', 'sinon')],
      ['assert', entry('spyAssert', 'assert', 'sinon')],
    ]),
  ],
  [
    'chai',
    new Map([
      ['default', entry('chai', 'chai', 'chai')],
      ['*', entry('chai', 'chai', 'chai')],
      ['expect', entry('expect', 'expect', 'chai')],
      ['assert', entry('assert', 'assert', 'chai')],
    ]),
  ],
  ['node:assert', NODE_ASSERT],
  ['node:assert/strict', NODE_ASSERT],
  ['testdouble', new Map([['default', entry('mockApi', 'td', 'testdouble')], ['*', entry('mockApi', 'td', 'testdouble')]])],
  [
    'supertest',
    new Map([
      ['default', entry('supertest', 'request', 'supertest')],
      ['*', entry('supertest', 'request', 'supertest')],
      ['agent', entry('supertest', 'agent', 'supertest')],
    ]),
  ],
]);

/** Specifiers that are spelled differently but export the same names. */
export const MODULE_ALIASES: ReadonlyMap<string, string> = new Map([
  ['test', 'node:test'],
  ['assert', 'node:assert'],
  ['assert/strict', 'node:assert/strict'],
  ['playwright/test', '@playwright/test'],
  ['@playwright/experimental-ct-react', '@playwright/test'],
  ['@playwright/experimental-ct-vue', '@playwright/test'],
  ['supertest-session', 'supertest'],
  ['superagent-defaults', 'supertest'],
  ['sinon-sandbox', 'sinon'],
]);

/** Names that mean something when they are undeclared globals (jest, vitest globals, mocha, jasmine). */
export const GLOBAL_NAMES: ReadonlyMap<string, FrameworkName> = new Map<string, FrameworkName>([
  ...blockEntries('unknown', [...BLOCKS_JEST, ...BLOCKS_MOCHA]),
  ['expect', entry('expect', 'expect', 'unknown')],
  ['expectAsync', entry('expectAsync', 'expectAsync', 'jasmine')],
  ['vi', entry('mockApi', 'vi', 'vitest')],
  ['jest', entry('mockApi', 'jest', 'jest')],
  ['sinon', entry('mockApi', 'sinon', 'sinon')],
  ['jasmine', entry('mockApi', 'jasmine', 'jasmine')],
  ['spyOn', entry('mockFunction', 'spyOn', 'jasmine')],
  ['td', entry('mockApi', 'td', 'testdouble')],
  ['assert', entry('assert', 'assert', 'node:assert')],
  ['chai', entry('chai', 'chai', 'chai')],
]);

/** What a member of a framework namespace is: `chai.expect`, `sinon.assert`, `assert.strict`. */
export const NAMESPACE_MEMBERS: ReadonlyMap<NameKind, ReadonlyMap<string, NameKind>> = new Map<NameKind, ReadonlyMap<string, NameKind>>([
  ['chai', new Map<string, NameKind>([['expect', 'expect'], ['assert', 'assert']])],
  ['assert', new Map<string, NameKind>([['strict', 'assert']])],
  ['mockApi', new Map<string, NameKind>([['assert', 'spyAssert']])],
  ['testContext', new Map<string, NameKind>([['assert', 'assert'], ['mock', 'mockApi']])],
]);
