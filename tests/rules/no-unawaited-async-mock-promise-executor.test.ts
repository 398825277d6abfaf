import rule from '../../src/rules/no-unawaited-async-mock.js';
import { createRuleTester } from '../rule-tester.js';

/**
 * A `new Promise(…)` whose executor (or a callback inside it) asserts, dropped: a failing check
 * only rejects a promise nobody waits for, so the test passes (round 8, from V7's hunt). Valid
 * look-alikes: the promise awaited, returned or awaited later through a variable; an executor that
 * asserts nothing (a dropped wait is another matter); a `done` test; a promise handed on.
 */
const script = { languageOptions: { parserOptions: { sourceType: 'script' as const } } };

createRuleTester().run('no-unawaited-async-mock', rule, {
  valid: [
    // Awaited (vitest, TS).
    `import { it, expect } from 'vitest';
it('throws without options', async () => {
  await new Promise((resolve) => {
    expect(() => build(null as any)).toThrow('Missing required options');
    resolve(null);
  });
});`,
    // Returned (jest, JS).
    {
      code: `test('calls back with the token', () => {
  return new Promise((resolve) => {
    authMiddleware(request, (req) => {
      expect(req.headers.Authorization).toBe('Bearer xxx');
      resolve();
    });
  });
});`,
      ...script,
    },
    // Awaited later through a variable (mocha + chai, JS).
    {
      code: `const { expect } = require('chai');
it('emits the ready event', async function () {
  const ready = new Promise((resolve) => {
    emitter.once('ready', (value) => {
      expect(value).to.equal(1);
      resolve();
    });
  });
  emitter.start();
  await ready;
});`,
      ...script,
    },
    // An executor that asserts nothing (node:test, JS): not this check's business.
    {
      code: `const { it } = require('node:test');
const assert = require('node:assert');
it('starts', async () => {
  new Promise((resolve) => { server.listen(0, resolve); });
  assert.ok(server);
});`,
      ...script,
    },
    // A test completing through \`done\` (jasmine-style, JS): the test decides when it is over.
    {
      code: `it('calls back', function (done) {
  new Promise(function (resolve) {
    client.get('/x', function (error, res) {
      expect(res.status).toBe(200);
      resolve();
      done();
    });
  });
});`,
      ...script,
    },
    // Handed on to another function (vitest, TS).
    `import { it, expect } from 'vitest';
it('waits for the check', async () => {
  await Promise.all([
    new Promise<void>((resolve) => {
      expect(parse('a')).toEqual(['a']);
      resolve();
    }),
  ]);
});`,
  ],
  invalid: [
    {
      // Dropped in a synchronous test (jest, TS): a failing expect in the executor only rejects the promise.
      code: `test('should throw if options are not provided.', () => {
  new Promise((resolve, reject) => {
    const middlewareOptions = null;
    expect(() => buildRequest(middlewareOptions as any)).toThrow('Missing required options');
    resolve(null);
  });
});`,
      errors: [{ messageId: 'unawaitedPromise', line: 2, column: 3, suggestions: [
        { messageId: 'addAwait', output: `test('should throw if options are not provided.', async () => {
  await new Promise((resolve, reject) => {
    const middlewareOptions = null;
    expect(() => buildRequest(middlewareOptions as any)).toThrow('Missing required options');
    resolve(null);
  });
});` },
        { messageId: 'returnPromise', output: `test('should throw if options are not provided.', () => {
  return new Promise((resolve, reject) => {
    const middlewareOptions = null;
    expect(() => buildRequest(middlewareOptions as any)).toThrow('Missing required options');
    resolve(null);
  });
});` },
      ] }],
    },
    {
      // The check is in a callback inside the executor (vitest, TS).
      code: `import { it, expect } from 'vitest';
it('adds the token header', () => {
  new Promise((resolve) => {
    authMiddleware(request, (req) => {
      expect(req.headers.Authorization).toBe('Bearer xxx');
      resolve(null);
    });
  });
});`,
      errors: [{ messageId: 'unawaitedPromise', line: 3, column: 3, suggestions: [
        { messageId: 'addAwait', output: `import { it, expect } from 'vitest';
it('adds the token header', async () => {
  await new Promise((resolve) => {
    authMiddleware(request, (req) => {
      expect(req.headers.Authorization).toBe('Bearer xxx');
      resolve(null);
    });
  });
});` },
        { messageId: 'returnPromise', output: `import { it, expect } from 'vitest';
it('adds the token header', () => {
  return new Promise((resolve) => {
    authMiddleware(request, (req) => {
      expect(req.headers.Authorization).toBe('Bearer xxx');
      resolve(null);
    });
  });
});` },
      ] }],
    },
    {
      // Dropped in an async test before other awaited work (mocha + chai, JS): the check still carries the test's claim.
      code: `const { expect } = require('chai');
it('parses the header', async function () {
  new Promise(function (resolve) {
    expect(parseHeader('a=1')).to.deep.equal({ a: '1' });
    resolve();
  });
  await flush();
});`,
      ...script,
      errors: [{ messageId: 'unawaitedPromise', line: 3, column: 3, suggestions: [
        { messageId: 'addAwait', output: `const { expect } = require('chai');
it('parses the header', async function () {
  await new Promise(function (resolve) {
    expect(parseHeader('a=1')).to.deep.equal({ a: '1' });
    resolve();
  });
  await flush();
});` },
      ] }],
    },
    {
      // node:test with node:assert (JS).
      code: `const { test } = require('node:test');
const assert = require('node:assert');
test('rejects a missing host', () => {
  new Promise((resolve) => {
    assert.throws(() => build({ host: null }), /host/);
    resolve();
  });
});`,
      ...script,
      errors: [{ messageId: 'unawaitedPromise', line: 4, column: 3, suggestions: [
        { messageId: 'addAwait', output: `const { test } = require('node:test');
const assert = require('node:assert');
test('rejects a missing host', async () => {
  await new Promise((resolve) => {
    assert.throws(() => build({ host: null }), /host/);
    resolve();
  });
});` },
        { messageId: 'returnPromise', output: `const { test } = require('node:test');
const assert = require('node:assert');
test('rejects a missing host', () => {
  return new Promise((resolve) => {
    assert.throws(() => build({ host: null }), /host/);
    resolve();
  });
});` },
      ] }],
    },
  ],
});
