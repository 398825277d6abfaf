import rule from '../../src/rules/no-unawaited-assertion.js';
import { createRuleTester } from '../rule-tester.js';

const script = { parserOptions: { sourceType: 'script' as const } };

// should.js: the function form `should(p).be.rejectedWith(…)` and the `p.should…` form in files that load should.js.
createRuleTester().run('no-unawaited-assertion (should.js)', rule, {
  valid: [
    // mocha + should.js: awaited, returned, arrow body.
    {
      code: `const should = require('should');
describe('users', () => {
  it('awaits', async () => { await should(create()).be.rejectedWith(/Unauthorized/); });
  it('returns', function () { return should(create()).be.fulfilled(); });
  it('arrow body', () => should(create()).be.rejected());
});`,
      languageOptions: script,
    },
    // Sync should.js assertions on the function form return no promise.
    {
      code: `const should = require('should');
it('sync', () => {
  should(user).be.ok();
  should(() => parse('')).throw(/empty/);
  should(create()).be.a.Promise();
  should(stub).calledOnce();
  should(result).not.be.Undefined();
  should.exist(user);
});`,
      languageOptions: script,
    },
    // A promise method named but not called runs nothing (should.js's are methods): not a dropped promise.
    {
      code: `const should = require('should');
it('uncalled', async () => { should(create()).be.rejected; create().should.be.fulfilled; });`,
      languageOptions: script,
    },
    // `.finally` / `.eventually` chains returned or awaited.
    {
      code: `const should = require('should');
it('finally', () => { return should(load()).finally.equal(10); });
it('eventually', async () => { await load().should.eventually.have.property('id', 1); });`,
      languageOptions: script,
    },
    // Collected in an awaited Promise.all, and stored then awaited.
    {
      code: `const should = require('should');
it('all', async () => {
  await Promise.all([should(a()).be.rejected(), should(b()).be.fulfilledWith(2)]);
  const pending = should(c()).be.rejectedWith(TypeError);
  await pending;
});`,
      languageOptions: script,
    },
    // A `should` that is not should.js's: a local that shadows the import, a helper module of the same name.
    {
      code: `const should = require('should');
it('shadowed', async () => {
  const should = makeChecker();
  should(create()).be.rejected();
});`,
      languageOptions: script,
    },
    `import should from './helpers/should';
it('helper', async () => { should(create()).be.rejectedWith(/x/); });`,
    // TypeScript ESM: should.js with vitest and node:test, awaited; should/as-function returned.
    `import should from 'should';
import { it } from 'vitest';
it('vitest', async () => { await should(load()).be.resolvedWith(1); });`,
    `import should from 'should/as-function';
import { test } from 'node:test';
test('node:test', () => { return should(load() as Promise<number>).be.fulfilledWith(1); });`,
    // The `p.should…` form in a should.js file: returned, or a sync assertion.
    {
      code: `require('should');
it('member', function () { return load().should.be.resolvedWith(1); });
it('sync', function () { user.should.have.property('id'); load().should.be.a.Promise(); });`,
      languageOptions: script,
    },
    // Completed through the test's done callback.
    {
      code: `const should = require('should');
it('done', (done) => { should(load()).be.rejected().then(() => done(), done); });`,
      languageOptions: script,
    },
  ],
  invalid: [
    {
      // jest-style async test, the promise stored then asserted but never awaited.
      code: `const should = require('should');
it('user cannot create user', async () => {
  const createPromise = users.insert({ name: 'custom' }, req1());
  should(createPromise).be.rejectedWith(/Unauthorized for users/);
});`,
      output: `const should = require('should');
it('user cannot create user', async () => {
  const createPromise = users.insert({ name: 'custom' }, req1());
  await should(createPromise).be.rejectedWith(/Unauthorized for users/);
});`,
      languageOptions: script,
      errors: [{ messageId: 'unawaitedAssertion', data: { kind: 'should.js' }, line: 4, column: 3 }],
    },
    {
      // mocha sync test: nothing returned, so it passes before the render fails.
      code: `const should = require('should');
describe('pug', function () {
  it('throws on a syntax error', function () {
    const resultPromise = render('h1?');
    should(resultPromise).be.rejected();
  });
});`,
      output: null,
      languageOptions: script,
      errors: [
        {
          messageId: 'unawaitedAssertion',
          data: { kind: 'should.js' },
          line: 5,
          column: 5,
          suggestions: [
            {
              messageId: 'addAwait',
              data: { asyncNote: ' and make the test function `async`' },
              output: `const should = require('should');
describe('pug', function () {
  it('throws on a syntax error', async function () {
    const resultPromise = render('h1?');
    await should(resultPromise).be.rejected();
  });
});`,
            },
            {
              messageId: 'returnPromise',
              output: `const should = require('should');
describe('pug', function () {
  it('throws on a syntax error', function () {
    const resultPromise = render('h1?');
    return should(resultPromise).be.rejected();
  });
});`,
            },
          ],
        },
      ],
    },
    {
      // The `p.should…` form in a file that loads should.js: the message names should.js, not chai-as-promised.
      code: `const should = require('should');
it('refreshes the lock', async () => {
  lock().then((l) => release(l)).should.not.be.rejected();
  await sleep(10);
});`,
      output: `const should = require('should');
it('refreshes the lock', async () => {
  await lock().then((l) => release(l)).should.not.be.rejected();
  await sleep(10);
});`,
      languageOptions: script,
      errors: [{ messageId: 'unawaitedAssertion', data: { kind: 'should.js' }, line: 3, column: 3 }],
    },
    {
      // should.js's own promise assertions and getters: fulfilledWith, resolvedWith, finally.
      code: `import should from 'should';
import { it } from 'vitest';
it('values', async () => {
  should(load()).be.fulfilledWith(1);
  load().should.be.resolvedWith(1);
  should(load()).finally.equal(1);
});`,
      output: `import should from 'should';
import { it } from 'vitest';
it('values', async () => {
  await should(load()).be.fulfilledWith(1);
  await load().should.be.resolvedWith(1);
  await should(load()).finally.equal(1);
});`,
      errors: [
        { messageId: 'unawaitedAssertion', data: { kind: 'should.js' }, line: 4, column: 3 },
        { messageId: 'unawaitedAssertion', data: { kind: 'should.js' }, line: 5, column: 3 },
        { messageId: 'unawaitedAssertion', data: { kind: 'should.js' }, line: 6, column: 3 },
      ],
    },
    {
      // node:test with should/as-function, dropped inside forEach.
      code: `import should from 'should/as-function';
import { test } from 'node:test';
test('each', async () => {
  ids.forEach((id) => should(load(id)).be.rejected());
});`,
      output: null,
      errors: [{ messageId: 'unawaitedAssertion', data: { kind: 'should.js' }, line: 4, column: 23, suggestions: [] }],
    },
  ],
});
