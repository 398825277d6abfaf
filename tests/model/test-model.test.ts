import { readFileSync } from 'node:fs';

import tsParser from '@typescript-eslint/parser';
import type { TSESLint } from '@typescript-eslint/utils';
import { Linter } from 'eslint';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { describe, expect, it } from 'vitest';

import { getTestModel, modelStats, withTestModel, type TestModel } from '../../src/model/test-model.js';
import { modelOf } from './model-harness.js';

/** Snippets with focused/excluded spellings (`fit`, `xdescribe` …) live in fixture files. */
const fixture = (name: string): string => readFileSync(new URL(`../fixtures/model/${name}`, import.meta.url), 'utf8');

const blockSummary = (model: TestModel): string[] =>
  model.blocks.map((block) => {
    const parent = block.parent === null ? '' : ` < ${block.parent.title ?? block.parent.name}`;
    const title = block.kind === 'hook' ? (block.hook ?? '') : (block.title ?? '?');
    return `${block.kind}:${title}${parent}`;
  });

const assertionSummary = (model: TestModel): string[] =>
  model.assertions.map((assertion) => `${assertion.style}/${assertion.library}:${assertion.negated ? 'not.' : ''}${assertion.matcher}${assertion.asyncKind === null ? '' : ` (${assertion.asyncKind})`}`);

const mockSummary = (model: TestModel): string[] =>
  model.mocks.map((mock) => `${mock.api}:${mock.kind}${mock.hasBehaviour ? '+behaviour' : ''} [${mock.keys.join(',')}] @${mock.block === null ? 'file' : (mock.block.title ?? mock.block.hook)}`);

describe('test blocks', () => {
  it('nests jest globals: describe, hooks, it, test, fit/xit', () => {
    const model = modelOf(fixture('jest-globals.test.js'), { filename: 'jest-globals.test.js' });
    expect(blockSummary(model)).toEqual([
      'suite:outer',
      'hook:beforeEach < outer',
      'hook:afterAll < outer',
      'test:a < outer',
      'suite:inner < outer',
      'test:b < inner',
      'test:c < inner',
      'test:d < inner',
    ]);
    expect(model.tests).toHaveLength(4);
  });

  it('reads vitest modifiers: it.extend, test.each, describe.concurrent, suite, skipIf', () => {
    const model = modelOf(`
      import { describe, suite, test, it } from 'vitest';
      const myTest = test.extend({ db: async ({}, use) => use(1) });
      describe.concurrent('c', () => {
        myTest('fixture', ({ db }) => {});
        test.each([1, 2])('each %i', (n) => {});
        it.skipIf(process.env.CI)('skippable', () => {});
        test.each\`a | b\`('table $a', ({ a }) => {});
      });
      suite('s', () => { it.todo('later'); });
    `);
    expect(blockSummary(model)).toEqual(['suite:c', 'test:fixture < c', 'test:each %i < c', 'test:skippable < c', 'test:table $a < c', 'suite:s']);
    expect(model.blocks.map((block) => block.modifiers.join('.'))).toEqual(['concurrent', '', 'each', 'skipIf', 'each', '']);
    expect(model.blocks.every((block) => block.library === 'vitest')).toBe(true);
  });

  it('reads mocha: context, specify, before/after, done callbacks and function callbacks', () => {
    const model = modelOf(`
      describe('m', function () {
        before(function () {});
        after(function (done) { done(); });
        context('ctx', function () { specify('spec', function (done) { done(); }); it('plain', function () {}); });
      });
    `);
    expect(blockSummary(model)).toEqual(['suite:m', 'hook:beforeAll < m', 'hook:afterAll < m', 'suite:ctx < m', 'test:spec < ctx', 'test:plain < ctx']);
    expect(model.blocks.map((block) => block.doneParameter?.name ?? null)).toEqual([null, null, 'done', null, 'done', null]);
  });

  it('reads node:test: default and named imports, t.test, t.before, t.plan and { plan }', () => {
    const model = modelOf(`
      import test, { describe, it, before, mock } from 'node:test';
      describe('n', () => {
        before(() => {});
        it('with plan option', { plan: 1 }, (t) => { t.assert.ok(true); });
      });
      test('parent', async (t) => {
        t.plan(1);
        t.before(() => {});
        await t.test('child', (t2, done) => { done(); });
      });
    `);
    expect(blockSummary(model)).toEqual(['suite:n', 'hook:beforeAll < n', 'test:with plan option < n', 'test:parent', 'hook:beforeAll < parent', 'test:child < parent']);
    const [, , withPlan, parent, , child] = model.blocks;
    expect(withPlan?.usesPlan).toBe(true);
    expect(parent?.usesPlan).toBe(true);
    expect(parent?.contextParameter?.name).toBe('t');
    expect(child?.usesPlan).toBe(false);
    expect(child?.contextParameter?.name).toBe('t2');
    expect(child?.doneParameter?.name).toBe('done');
  });

  it('reads node:test through CommonJS require, including renamed destructuring', () => {
    const model = modelOf(
      `
      const { describe: group, it: check } = require('node:test');
      const test = require('node:test');
      group('g', () => { check('c', () => {}); });
      test('t', () => {});
    `,
      { sourceType: 'commonjs', filename: 'x.test.js' },
    );
    expect(blockSummary(model)).toEqual(['suite:g', 'test:c < g', 'test:t']);
    expect(model.blocks.every((block) => block.library === 'node:test')).toBe(true);
  });

  it('reads bun:test, jasmine and playwright test', () => {
    const bun = modelOf(`import { describe, test, beforeAll } from 'bun:test'; describe('b', () => { beforeAll(() => {}); test('x', () => {}); });`);
    expect(blockSummary(bun)).toEqual(['suite:b', 'hook:beforeAll < b', 'test:x < b']);
    expect(bun.blocks.every((block) => block.library === 'bun')).toBe(true);

    const jasmine = modelOf(fixture('jasmine-focus.test.js'), { filename: 'jasmine-focus.test.js' });
    expect(blockSummary(jasmine)).toEqual(['suite:j', 'suite:off < j', 'test:f < off']);

    const playwright = modelOf(`
      import { test as base, expect } from '@playwright/test';
      const test = base.extend({});
      test.describe.serial('p', () => {
        test.beforeEach(async ({ page }) => {});
        test('one', async ({ page }) => { await test.step('s', async () => {}); });
        test.use({ locale: 'en' });
        test.describe.configure({ mode: 'serial' });
      });
    `);
    expect(blockSummary(playwright)).toEqual(['suite:p', 'hook:beforeEach < p', 'test:one < p']);
    expect(playwright.blocks.every((block) => block.library === 'playwright')).toBe(true);
  });

  it('ignores local look-alikes that merely share a framework name', () => {
    const model = modelOf(`
      const it = (name, fn) => fn();
      function describe(title, body) { body(); }
      it('not a test', () => {});
      describe('not a suite', () => {});
      function run(test) { test('param', () => {}); }
    `);
    expect(model.blocks).toEqual([]);
    expect(model.hasTests).toBe(false);
  });

  it('takes extra names from settings and from framework re-export modules', () => {
    const model = modelOf(
      `
      import { scenario } from './bdd';
      import { test } from './fixtures';
      import { it as check } from '@acme/test-kit';
      feature('f', () => { scenario('s', () => {}); test('t', () => {}); check('c', () => {}); });
    `,
      { settings: { 'test-quality': { testFunctions: ['scenario'], suiteFunctions: ['feature'], frameworkModules: ['@acme/test-kit'] } } },
    );
    expect(blockSummary(model)).toEqual(['suite:f', 'test:s < f', 'test:t < f', 'test:c < f']);
  });

  it('stops on malformed settings with an error naming each bad key', () => {
    expect(() => modelOf(`it('x', () => {});`, { settings: { 'test-quality': { testFunctions: 'scenario', pathAliases: [1] } } })).toThrow(
      /invalid settings\['test-quality'\]:\n\t- "testFunctions" should be an array[^\n]*\n\t- "pathAliases" should be an object/u,
    );
  });

  it('finds the block of any node and the block of a callback', () => {
    const model = modelOf(`describe('d', () => { it('t', () => { helper(); }); });`);
    const test = model.tests[0];
    expect(test).toBeDefined();
    if (test?.callback == null) {
      throw new Error('test callback missing');
    }
    expect(model.blockOfCallback(test.callback)).toBe(test);
    const body = test.callback.body;
    expect(body.type).toBe('BlockStatement');
    if (body.type !== 'BlockStatement' || body.body[0] === undefined) {
      throw new Error('unexpected body');
    }
    expect(model.blockOf(body.body[0])).toBe(test);
    expect(model.blockOf(test.node)?.title).toBe('d');
  });
});

describe('assertions', () => {
  it('normalises expect chains: negation, resolves/rejects, soft and poll', () => {
    const model = modelOf(`
      import { expect, it } from 'vitest';
      it('x', async () => {
        expect(a).toBe(1);
        expect(a).not.toEqual(2);
        await expect(p).resolves.toBe(3);
        await expect(p).rejects.not.toThrow();
        expect.soft(a).toBeTruthy();
        await expect.poll(() => a).toBe(4);
        expect.assertions(2);
        expect(a);
      });
    `);
    expect(assertionSummary(model)).toEqual([
      'expect/vitest:toBe',
      'expect/vitest:not.toEqual',
      'expect/vitest:toBe (resolves)',
      'expect/vitest:not.toThrow (rejects)',
      'expect/vitest:toBeTruthy',
      'expect/vitest:toBe (poll)',
    ]);
    const [first] = model.assertions;
    expect(first?.subject?.type).toBe('Identifier');
    expect(first?.expected.map((node) => node.type)).toEqual(['Literal']);
    expect(first?.block?.title).toBe('x');
  });

  it('normalises chai expect, should and assert, with chai-as-promised', () => {
    const model = modelOf(`
      import chai, { expect, assert } from 'chai';
      chai.should();
      it('c', async () => {
        expect(status).to.be.oneOf([200, 404]);
        expect(x).to.not.equal(1);
        await expect(p).to.eventually.deep.equal({});
        await expect(p).to.be.rejectedWith(Error);
        expect(flag).to.be.true;
        res.should.have.status(200);
        assert.strictEqual(a, 1);
        assert.notEqual(a, 2);
        chai.expect(y).to.equal(3);
      });
    `);
    expect(assertionSummary(model)).toEqual([
      'chai/chai:oneOf',
      'chai/chai:not.equal',
      'chai/chai:equal (eventually)',
      'chai/chai:rejectedWith (eventually)',
      'chai/chai:true',
      'assert/chai:strictEqual',
      'assert/chai:not.notEqual',
      'chai/chai:equal',
      'chai/chai:status',
    ]);
  });

  it('normalises node:assert in every import spelling, and t.assert', () => {
    const model = modelOf(`
      import assert from 'node:assert/strict';
      import { strict as strictAssert } from 'assert';
      import { deepStrictEqual } from 'node:assert';
      import test from 'node:test';
      test('a', async (t) => {
        assert(ok);
        assert.equal(status, 200);
        strictAssert.notStrictEqual(status, 500);
        deepStrictEqual(a, b);
        await assert.rejects(p, Error);
        t.assert.ok(a === 200 || a === 503);
      });
    `);
    expect(assertionSummary(model)).toEqual([
      'assert/node:assert:ok',
      'assert/node:assert:equal',
      'assert/node:assert:not.notStrictEqual',
      'assert/node:assert:deepStrictEqual',
      'assert/node:assert:rejects (matcher)',
      'assert/node:test:ok',
    ]);
    expect(model.assertions[1]?.expected).toHaveLength(1);
  });

  it('normalises supertest chains, sinon.assert, jasmine expectAsync and playwright web-first matchers', () => {
    const model = modelOf(`
      import request from 'supertest';
      import sinon from 'sinon';
      import { test, expect } from '@playwright/test';
      test('s', async ({ page }) => {
        const api = request(app);
        await request(app).get('/').set('a', 'b').expect(200).expect('Content-Type', /json/);
        await api.post('/x').send({}).expect(201);
        await request(app).get('/no-expect');
        sinon.assert.callCount(stub, 3);
        await expectAsync(promise).toBeResolved();
        await expect(page.getByRole('button')).toBeVisible();
        expect(response.status()).toBe(200);
      });
    `);
    expect(assertionSummary(model)).toEqual([
      'supertest/supertest:expect (request)',
      'supertest/supertest:expect (request)',
      'spyAssert/sinon:callCount',
      'expect/jasmine:toBeResolved (matcher)',
      'expect/playwright:toBeVisible (matcher)',
      'expect/playwright:toBe',
    ]);
    expect(model.assertions[0]?.chain.filter((part) => part.name === 'expect')).toHaveLength(2);
  });

  it('takes a global expect with chai words as chai, and a destructured vitest context expect', () => {
    const model = modelOf(`
      it('g', () => { expect(a).to.equal(1); });
      import { test } from 'vitest';
      test('ctx', ({ expect }) => { expect(b).toBe(2); });
    `);
    expect(assertionSummary(model)).toEqual(['chai/chai:equal', 'expect/vitest:toBe']);
  });

  it('does not take a local expect or assert for an assertion', () => {
    const model = modelOf(`
      const expect = (value) => ({ toBe() {} });
      function check(assert) { assert(1); }
      expect(1).toBe(1);
    `);
    expect(model.assertions).toEqual([]);
  });
});

describe('mocks', () => {
  it('records vitest module mocks (hoisted), spies, stubs and sinks with their scope', () => {
    const model = modelOf(`
      import { vi, describe, it, beforeEach } from 'vitest';
      import { fetchUser } from './api';
      import * as db from './db';
      describe('d', () => {
        vi.mock('./api', () => ({ fetchUser: vi.fn() }));
        beforeEach(() => { vi.spyOn(console, 'error').mockImplementation(() => {}); });
        it('t', () => {
          const onDone = vi.fn();
          const load = vi.fn(async () => 1);
          vi.stubGlobal('fetch', vi.fn());
          vi.stubEnv('MODE', 'x');
          vi.mocked(fetchUser).mockResolvedValue({ id: 1 });
          vi.spyOn(db, 'query');
        });
      });
    `);
    expect(mockSummary(model)).toEqual([
      'vi.mock:module [fetchUser] @file',
      'vi.fn:function+behaviour [fetchUser] @file',
      'vi.spyOn:property+behaviour [console.error] @beforeEach',
      'vi.fn:function [onDone] @t',
      'vi.fn:function+behaviour [load] @t',
      'vi.stubGlobal:property [fetch,globalThis.fetch,window.fetch,global.fetch] @t',
      'vi.fn:function [] @t',
      'vi.stubEnv:property [process.env.MODE] @t',
      'vi.spyOn:property [db.query] @t',
    ]);
    const moduleMock = model.mocks[0];
    expect(moduleMock?.hoisted).toBe(true);
    expect(moduleMock?.specifier).toBe('./api');
    expect(model.mocks[1]?.withinModuleMock).toBe(moduleMock);
    expect(model.mockConfigs.map((config) => `${config.method}->${config.mock?.api ?? 'unlinked'}`)).toEqual([
      'mockImplementation->vi.spyOn',
      'mockResolvedValue->vi.fn',
    ]);
    expect(model.mocksByKey('fetchUser').map((mock) => mock.api)).toEqual(['vi.mock', 'vi.fn']);
  });

  it('records jest mocks, jest.fn chains and unlinked configurations', () => {
    const model = modelOf(`
      jest.mock('../src/service');
      const save = jest.fn().mockResolvedValue(true);
      test('x', () => { jest.doMock('./late'); unknownThing.mockReturnValue(1); jest.useFakeTimers(); jest.restoreAllMocks(); });
    `);
    expect(mockSummary(model)).toEqual(['jest.mock:module [] @file', 'jest.fn:function+behaviour [save] @file', 'jest.doMock:module [] @x']);
    expect(model.mockConfigs.map((config) => `${config.method}:${config.key ?? ''}:${config.mock?.api ?? 'unlinked'}`)).toEqual([
      'mockResolvedValue:save:jest.fn',
      'mockReturnValue:unknownThing:unlinked',
    ]);
  });

  it('records sinon stubs, spies, fakes and sandboxes, linking behaviour configs', () => {
    const model = modelOf(`
      const sinon = require('sinon');
      describe('s', function () {
        let sandbox;
        beforeEach(function () { sandbox = sinon.createSandbox(); sandbox.stub(db, 'query').resolves([]); });
        it('t', function () {
          const s = sinon.stub();
          s.withArgs(1).returns(2);
          const spy = sinon.spy();
          const fake = sinon.fake.rejects(new Error('x'));
          sinon.replace(obj, 'prop', 1);
          sandbox.restore();
        });
      });
    `, { sourceType: 'commonjs', filename: 's.test.js' });
    expect(mockSummary(model)).toEqual([
      'sinon.stub:property+behaviour [db.query] @beforeEach',
      'sinon.stub:function+behaviour [s] @t',
      'sinon.spy:function [spy] @t',
      'sinon.fake.rejects:function+behaviour [fake] @t',
      'sinon.replace:property [obj.prop] @t',
    ]);
    expect(model.mocks[1]?.configs.map((config) => config.method)).toEqual(['returns']);
  });

  it('records node:test mock and t.mock, jasmine spies and testdouble', () => {
    const nodeTest = modelOf(`
      import { test, mock } from 'node:test';
      test('n', (t) => {
        const fn = mock.fn();
        t.mock.method(obj, 'load', async () => 1);
        t.mock.module('./config.js', { namedExports: {} });
        fn.mock.mockImplementation(() => 2);
        mock.timers.enable();
      });
    `);
    expect(mockSummary(nodeTest)).toEqual(['mock.fn:function+behaviour [fn] @n', 'mock.method:property+behaviour [obj.load] @n', 'mock.module:module [] @n']);

    const jasmine = modelOf(`
      describe('j', () => {
        it('x', () => {
          spyOn(service, 'load').and.returnValue(1);
          const spy = jasmine.createSpy('cb');
          const api = jasmine.createSpyObj('api', ['get', 'post']);
        });
      });
    `);
    expect(mockSummary(jasmine)).toEqual(['spyOn:property+behaviour [service.load] @x', 'jasmine.createSpy:function [spy] @x', 'jasmine.createSpyObj:function [api] @x']);
    expect(jasmine.mocks[2]?.count).toBe(2);

    const td = modelOf(`
      import td from 'testdouble';
      it('t', async () => {
        const fetchUser = td.func();
        td.when(fetchUser(1)).thenResolve({ id: 1 });
        td.replace('../src/mailer');
      });
    `);
    expect(mockSummary(td)).toEqual(['td.func:function+behaviour [fetchUser] @t', 'td.replace:module [] @t']);
  });

  it('does not take local look-alike mock APIs for mocks', () => {
    const model = modelOf(`
      const vi = { fn: () => 1, mock: () => 2 };
      vi.fn(); vi.mock('./x');
      const sinon = makeSinon(); sinon.stub(a, 'b');
      obj.returns(1);
    `);
    expect(model.mocks).toEqual([]);
    expect(model.mockConfigs).toEqual([]);
  });
});

describe('imports', () => {
  it('records ESM imports and CommonJS requires with their local names', () => {
    const model = modelOf(`
      import def, { a, b as c } from './one';
      import * as ns from '../two';
      const three = require('./three');
      const { d, e: f } = require('./four');
      const g = require('./five').g;
    `);
    expect(model.imports.map((record) => `${record.specifier}:${record.locals.join(',')}:${record.namespace ?? ''}`)).toEqual([
      './one:def,a,c:',
      '../two::ns',
      './three::three',
      './four:d,f:',
      './five:g:',
    ]);
  });
});

describe('caching', () => {
  it('builds one model per file and shares it between rules, also for files without tests', () => {
    const seen: TestModel[] = [];
    const probe: TSESLint.RuleModule<'never'> = {
      meta: { type: 'problem', schema: [], messages: { never: 'never' } },
      defaultOptions: [],
      create(context) {
        return {
          Program() {
            seen.push(getTestModel(context), getTestModel(context));
          },
        };
      },
    };
    const linter = new Linter({ configType: 'flat' });
    const config = [
      {
        files: ['**/*.ts'],
        languageOptions: { parser: tsParser as Linter.Parser },
        plugins: { probe: { rules: { one: probe as never, two: probe as never } } },
        rules: { 'probe/one': 'error' as const, 'probe/two': 'error' as const },
      },
    ];
    const before = modelStats.builds;
    linter.verify("it('x', () => {});", config, 'a.test.ts');
    linter.verify('export const notATest = 1;', config, 'b.ts');
    expect(modelStats.builds - before).toBe(2);
    expect(seen).toHaveLength(8);
    expect(new Set(seen.slice(0, 4)).size).toBe(1);
    expect(new Set(seen.slice(4)).size).toBe(1);
    expect(seen[0]).not.toBe(seen[4]);
    expect(seen[4]?.hasTests).toBe(false);
  });

  it('never throws on code with no tests, and reports none', () => {
    const model = modelOf(`export const x = 1; class A { m() { return this.x; } }`);
    expect(model.hasTests).toBe(false);
    expect(model.assertions).toEqual([]);
  });
});

describe('node index', () => {
  const code = `import { it, expect } from 'vitest';
it('retries', async () => {
  const client = new Client({ retries: 2, timeout: 10 });
  const ok = (await client.get()) ? 'ok' : 'no';
  if (client.calls > 1) throw new Error('retried');
  expect(ok).toBe('ok');
});`;

  it('lists the types rules scan in source order', () => {
    const model = modelOf(code);
    const keys = model.nodesOfType(AST_NODE_TYPES.Property).map((property) => (property.key.type === AST_NODE_TYPES.Identifier ? property.key.name : null));
    expect(keys).toEqual(['retries', 'timeout']);
    expect(model.nodesOfType(AST_NODE_TYPES.NewExpression)).toHaveLength(2);
    expect(model.nodesOfType(AST_NODE_TYPES.BinaryExpression).map((node) => node.operator)).toEqual(['>']);
    expect(model.nodesOfType(AST_NODE_TYPES.IfStatement)).toHaveLength(1);
    expect(model.nodesOfType(AST_NODE_TYPES.ConditionalExpression)).toHaveLength(1);
    expect(model.nodesOfType(AST_NODE_TYPES.CallExpression).map((call) => call.range[0])).toEqual(
      [...model.nodesOfType(AST_NODE_TYPES.CallExpression)].map((call) => call.range[0]).sort((a, b) => a - b),
    );
  });
});

describe("collected during ESLint's traversal", () => {
  type Context = Parameters<TSESLint.RuleModule<'never'>['create']>[0];

  /** The model as our rules get it: collected by the listeners `withTestModel` adds, read at Program:exit. */
  const collectedModelOf = (code: string, filename: string, own: (context: Context) => TSESLint.RuleListener = () => ({})): TestModel => {
    let captured: TestModel | null = null;
    const rule: TSESLint.RuleModule<'never'> = {
      meta: { type: 'problem', schema: [], messages: { never: 'never' } },
      defaultOptions: [],
      create(context) {
        return withTestModel(context, {
          ...own(context),
          'Program:exit'() {
            captured = getTestModel(context);
          },
        });
      },
    };
    new Linter({ configType: 'flat' }).verify(
      code,
      [
        {
          files: ['**/*.{js,ts}'],
          languageOptions: { parser: tsParser as Linter.Parser },
          plugins: { probe: { rules: { probe: rule as never } } },
          rules: { 'probe/probe': 'error' as const },
        },
      ],
      filename,
    );
    if (captured === null) {
      throw new Error('the rule did not run');
    }
    return captured;
  };

  const everything = (model: TestModel): unknown => ({
    blocks: blockSummary(model),
    assertions: assertionSummary(model),
    mocks: mockSummary(model),
    configs: model.mockConfigs.map((config) => `${config.method}:${config.key ?? ''}@${config.node.range[0]}`),
    imports: model.imports.map((record) => `${record.specifier}:${record.locals.join(',')}:${record.namespace ?? ''}`),
    nodes: (
      [
        AST_NODE_TYPES.CallExpression,
        AST_NODE_TYPES.ImportExpression,
        AST_NODE_TYPES.IfStatement,
        AST_NODE_TYPES.ConditionalExpression,
        AST_NODE_TYPES.FunctionDeclaration,
        AST_NODE_TYPES.VariableDeclarator,
        AST_NODE_TYPES.Property,
        AST_NODE_TYPES.NewExpression,
        AST_NODE_TYPES.BinaryExpression,
      ] as const
    ).map((type) => model.nodesOfType(type).map((node) => node.range[0])),
  });

  const mixed = `import { describe, it, expect, vi, beforeEach } from 'vitest';
import { expect as chaiExpect } from 'chai';
import * as api from '../src/api';
vi.mock('../src/logger', () => ({ log: vi.fn() }));
function helper(x: number) { return x > 1 ? 'a' : 'b'; }
describe('orders', () => {
  let send = vi.fn();
  beforeEach(() => { send = vi.fn().mockResolvedValue(1); });
  it('works', async () => {
    const { load } = await import('../src/orders');
    vi.spyOn(api, 'get').mockRejectedValue(new Error('down'));
    if (helper(2) === 'a') { expect(send).toHaveBeenCalledTimes(3); }
    chaiExpect(await load()).to.equal(1);
    (await load()).should.equal(1);
    await expect(load()).resolves.toBe(1);
  });
});`;

  it.each([
    ['jest-globals.test.js', fixture('jest-globals.test.js')],
    ['mixed.test.ts', mixed],
  ])('gives %s the same model as a walk of our own', (filename, code) => {
    const collected = collectedModelOf(code, filename);
    const walked = modelOf(code, { filename });
    expect(collected).not.toBe(walked);
    expect(everything(collected)).toEqual(everything(walked));
    expect(collected.blocks.length).toBeGreaterThan(2);
  });

  it('reads should-style assertions only where chai or should is loaded', () => {
    const code = "it('x', async () => { (await load()).should.equal(1); });";
    expect(collectedModelOf(`import 'should';\n${code}`, 'a.test.ts').assertions.map((assertion) => assertion.matcher)).toEqual(['equal']);
    expect(collectedModelOf(code, 'a.test.ts').assertions).toEqual([]);
    const spread = "import { expect } from 'chai';\nit('x', async () => { (await load()).\n    should\n    .equal(1); });";
    expect(collectedModelOf(spread, 'a.test.ts').assertions.map((assertion) => assertion.matcher)).toEqual(['equal']);
  });

  it("keeps a rule's own listener for a type the model also collects", () => {
    let seen = 0;
    const model = collectedModelOf("it('x', () => { expect(f()).toBe(1); });", 'a.test.ts', () => ({
      CallExpression() {
        seen += 1;
      },
    }));
    expect(seen).toBe(4);
    expect(model.nodesOfType(AST_NODE_TYPES.CallExpression)).toHaveLength(4);
    expect(model.assertions).toHaveLength(1);
  });

  it('keeps collecting a type for which a rule lists no listener (an undefined entry, as JavaScript rules may write)', () => {
    const model = collectedModelOf("it('x', () => { expect(f()).toBe(1); });", 'a.test.ts', () => ({ CallExpression: undefined }) as unknown as TSESLint.RuleListener);
    expect(model.nodesOfType(AST_NODE_TYPES.CallExpression)).toHaveLength(4);
    expect(model.blocks).toHaveLength(1);
    expect(model.assertions).toHaveLength(1);
  });

  it('adds the collecting listeners to the first rule created for a file only', () => {
    const listenerKeys: string[][] = [];
    const rule: TSESLint.RuleModule<'never'> = {
      meta: { type: 'problem', schema: [], messages: { never: 'never' } },
      defaultOptions: [],
      create(context) {
        const listeners = withTestModel(context, { 'Program:exit'() {} });
        listenerKeys.push(Object.keys(listeners));
        return listeners;
      },
    };
    new Linter({ configType: 'flat' }).verify(
      "it('x', () => {});",
      [
        {
          files: ['**/*.ts'],
          languageOptions: { parser: tsParser as Linter.Parser },
          plugins: { p: { rules: { a: rule as never, b: rule as never } } },
          rules: { 'p/a': 'error' as const, 'p/b': 'error' as const },
        },
      ],
      'a.test.ts',
    );
    expect(listenerKeys).toHaveLength(2);
    expect(listenerKeys[0]).toContain('CallExpression');
    // Types only some files need are collected by a walk on first use, not listened to on every file.
    expect(listenerKeys[0]).not.toContain('MemberExpression');
    expect(listenerKeys[0]).not.toContain('Property');
    expect(listenerKeys[1]).toEqual(['Program:exit']);
  });
});
