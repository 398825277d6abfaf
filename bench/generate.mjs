// Deterministic synthetic test files for the benchmark. The same parameters always give the same
// bytes (seeded PRNG, no dates, no randomness from the environment).
//
// CLI: node bench/generate.mjs <out-dir> [--files N] [--tests N] [--mocks N] [--depth N]
//        [--padding N] [--flavour vitest|jest|mocha|node|mixed] [--seed N]
//
// Every file mixes what the plugin's rules look at — module mocks, spies with behaviour, mocks in
// hooks, awaited and unawaited promises, status assertions (some permissive), retry titles with
// counts — with ordinary arrange/assert lines (`--padding`) that make files long.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { seededRandom } from '../scripts/lib/seeded-random.mjs';

export const FLAVOURS = ['vitest', 'jest', 'mocha', 'node'];

/** Defaults for one scale point; every field can be overridden. */
export const DEFAULT_PARAMS = Object.freeze({
  files: 1,
  tests: 100,
  mocks: 2,
  depth: 2,
  padding: 2,
  flavour: 'mixed',
  seed: 1,
});


/** Framework spellings, so one generator writes jest, vitest, mocha+chai+sinon and node:test files. */
const DIALECTS = {
  vitest: {
    extension: 'ts',
    header: (subject) => [
      `import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';`,
      `import * as api from '../src/api';`,
      `import { ${subject} } from '../src/${subject}';`,
      `import { logger } from '../src/logger';`,
      '',
      `vi.mock('../src/logger');`,
      `vi.mock('../src/metrics', () => ({ track: vi.fn() }));`,
      '',
    ],
    suite: 'describe',
    test: 'it',
    spyWithValue: (target, method, value) => `vi.spyOn(${target}, '${method}').mockResolvedValue(${value});`,
    spyWithReturn: (target, method, value) => `vi.spyOn(${target}, '${method}').mockReturnValue(${value});`,
    fnWithImpl: (name, value) => `const ${name} = vi.fn(async () => ${value});`,
    sink: (name) => `const ${name} = vi.fn();`,
    restore: 'vi.restoreAllMocks();',
    equal: (actual, expected) => `expect(${actual}).toBe(${expected});`,
    deepEqual: (actual, expected) => `expect(${actual}).toEqual(${expected});`,
    permissive: (actual) => `expect([200, 404]).toContain(${actual});`,
    calledTimes: (fn, count) => `expect(${fn}).toHaveBeenCalledTimes(${count});`,
    rejects: (promise) => `await expect(${promise}).rejects.toThrow('boom');`,
    floating: (promise) => `expect(${promise}).resolves.toBeDefined();`,
  },
  jest: {
    extension: 'js',
    header: (subject) => [
      `const api = require('../src/api');`,
      `const { ${subject} } = require('../src/${subject}');`,
      `const { logger } = require('../src/logger');`,
      '',
      `jest.mock('../src/logger');`,
      `jest.mock('../src/metrics', () => ({ track: jest.fn() }));`,
      '',
    ],
    suite: 'describe',
    test: 'test',
    spyWithValue: (target, method, value) => `jest.spyOn(${target}, '${method}').mockResolvedValue(${value});`,
    spyWithReturn: (target, method, value) => `jest.spyOn(${target}, '${method}').mockReturnValue(${value});`,
    fnWithImpl: (name, value) => `const ${name} = jest.fn(async () => ${value});`,
    sink: (name) => `const ${name} = jest.fn();`,
    restore: 'jest.restoreAllMocks();',
    equal: (actual, expected) => `expect(${actual}).toBe(${expected});`,
    deepEqual: (actual, expected) => `expect(${actual}).toEqual(${expected});`,
    permissive: (actual) => `expect([200, 500]).toContain(${actual});`,
    calledTimes: (fn, count) => `expect(${fn}).toHaveBeenCalledTimes(${count});`,
    rejects: (promise) => `await expect(${promise}).rejects.toThrow('boom');`,
    floating: (promise) => `expect(${promise}).resolves.toBeDefined();`,
  },
  mocha: {
    extension: 'js',
    header: (subject) => [
      `const { expect } = require('chai');`,
      `const sinon = require('sinon');`,
      `const api = require('../src/api');`,
      `const { ${subject} } = require('../src/${subject}');`,
      `const { logger } = require('../src/logger');`,
      '',
    ],
    suite: 'describe',
    test: 'it',
    spyWithValue: (target, method, value) => `sinon.stub(${target}, '${method}').resolves(${value});`,
    spyWithReturn: (target, method, value) => `sinon.stub(${target}, '${method}').returns(${value});`,
    fnWithImpl: (name, value) => `const ${name} = sinon.stub().resolves(${value});`,
    sink: (name) => `const ${name} = sinon.spy();`,
    restore: 'sinon.restore();',
    equal: (actual, expected) => `expect(${actual}).to.equal(${expected});`,
    deepEqual: (actual, expected) => `expect(${actual}).to.deep.equal(${expected});`,
    permissive: (actual) => `expect(${actual}).to.be.oneOf([200, 500]);`,
    calledTimes: (fn, count) => `sinon.assert.callCount(${fn}, ${count});`,
    rejects: (promise) => `await expect(${promise}).to.be.rejectedWith('boom');`,
    floating: (promise) => `expect(${promise}).to.eventually.equal(1);`,
  },
  node: {
    extension: 'mjs',
    header: (subject) => [
      `import { afterEach, beforeEach, describe, it, mock } from 'node:test';`,
      `import assert from 'node:assert/strict';`,
      `import * as api from '../src/api.js';`,
      `import { ${subject} } from '../src/${subject}.js';`,
      `import { logger } from '../src/logger.js';`,
      '',
    ],
    suite: 'describe',
    test: 'it',
    spyWithValue: (target, method, value) => `mock.method(${target}, '${method}', async () => ${value});`,
    spyWithReturn: (target, method, value) => `mock.method(${target}, '${method}', () => ${value});`,
    fnWithImpl: (name, value) => `const ${name} = mock.fn(async () => ${value});`,
    sink: (name) => `const ${name} = mock.fn();`,
    restore: 'mock.restoreAll();',
    equal: (actual, expected) => `assert.equal(${actual}, ${expected});`,
    deepEqual: (actual, expected) => `assert.deepEqual(${actual}, ${expected});`,
    permissive: (actual) => `assert.ok([200, 500].includes(${actual}));`,
    calledTimes: (fn, count) => `assert.equal(${fn}.mock.callCount(), ${count});`,
    rejects: (promise) => `await assert.rejects(${promise}, /boom/);`,
    floating: (promise) => `assert.rejects(${promise}, /boom/);`,
  },
};

const METHODS = ['get', 'post', 'put', 'remove', 'list', 'fetchUser', 'saveOrder', 'send'];
const SUBJECTS = ['orders', 'billing', 'users', 'sessions', 'queue', 'cart', 'search', 'payments'];

/**
 * Writes one file's text. `tests` tests are spread over a suite tree `depth` levels deep; each
 * suite level has a `beforeEach` with one mock, each test makes `mocks` mocks and `padding`
 * arrange/assert pairs besides its fixed lines.
 */
export function generateFile(params, fileIndex) {
  const flavour = params.flavour === 'mixed' ? FLAVOURS[fileIndex % FLAVOURS.length] : params.flavour;
  const dialect = DIALECTS[flavour];
  if (dialect === undefined) {
    throw new Error(`unknown flavour ${params.flavour}`);
  }
  const random = seededRandom(params.seed * 7919 + fileIndex);
  const pick = (list) => list[Math.floor(random() * list.length)];
  const subject = SUBJECTS[fileIndex % SUBJECTS.length];
  const lines = [`// Synthetic benchmark file ${fileIndex} (${flavour}); generated by bench/generate.mjs.`, ...dialect.header(subject)];
  const depth = Math.max(1, params.depth);
  let written = 0;
  let suiteCounter = 0;

  const writeTest = (indent, index) => {
    const pad = ' '.repeat(indent);
    const retry = index % 9 === 4;
    const title = retry ? `retries the ${subject} request after a failure (case ${index})` : `handles ${subject} case ${index}`;
    lines.push(`${pad}${dialect.test}('${title}', async () => {`);
    const inner = `${pad}  `;
    const doubles = [];
    for (let m = 0; m < params.mocks; m += 1) {
      const method = `${pick(METHODS)}${m}`;
      const kind = (index + m) % 4;
      if (kind === 0) {
        lines.push(`${inner}${dialect.spyWithValue('api', method, `{ id: ${index}, status: 200 }`)}`);
      } else if (kind === 1) {
        lines.push(`${inner}${dialect.spyWithReturn('api', method, `${m + 1}`)}`);
      } else if (kind === 2) {
        const name = `handler${m}`;
        lines.push(`${inner}${dialect.fnWithImpl(name, `({ ok: true, step: ${m} })`)}`);
        doubles.push(name);
      } else {
        const name = `onDone${m}`;
        lines.push(`${inner}${dialect.sink(name)}`);
        doubles.push(name);
      }
    }
    lines.push(`${inner}const input = { id: ${index}, name: '${subject}-${index}', tags: ['a', 'b'] };`);
    lines.push(`${inner}const res = await ${subject}.handle(input${doubles.length > 0 ? `, ${doubles.join(', ')}` : ''});`);
    for (let p = 0; p < params.padding; p += 1) {
      lines.push(`${inner}const value${p} = ${subject}.compute(input.id + ${p}, res.body);`);
      lines.push(`${inner}${dialect.deepEqual(`value${p}`, `{ id: ${index + p}, total: ${(index * 31 + p) % 997} }`)}`);
    }
    if (index % 7 === 3) {
      lines.push(`${inner}${dialect.permissive('res.status')}`);
    } else {
      lines.push(`${inner}${dialect.equal('res.status', index % 5 === 0 ? 201 : 200)}`);
    }
    if (index % 11 === 6) {
      lines.push(`${inner}${dialect.floating(`${subject}.load(input.id)`)}`);
    } else if (index % 11 === 2) {
      lines.push(`${inner}${dialect.rejects(`${subject}.fail(input.id)`)}`);
    }
    if (index % 13 === 8) {
      lines.push(`${inner}${subject}.flush();`);
    }
    if (retry) {
      lines.push(`${inner}${dialect.calledTimes(`api.${METHODS[0]}0`, 4)}`);
    } else if (doubles.length > 0) {
      lines.push(`${inner}${dialect.calledTimes(doubles[0], 1)}`);
    }
    lines.push(`${pad}});`);
    lines.push('');
    written += 1;
  };

  // Tests are dealt round-robin to the innermost suites so every suite gets a share.
  const branching = depth === 1 ? 1 : Math.max(1, Math.min(4, Math.floor(params.tests ** (1 / depth))));
  const innermost = branching ** (depth - 1);
  const perLeaf = Math.ceil(params.tests / innermost);

  const writeSuite = (level, indent) => {
    const pad = ' '.repeat(indent);
    suiteCounter += 1;
    lines.push(`${pad}${dialect.suite}('${subject} level ${level} suite ${suiteCounter}', () => {`);
    lines.push(`${pad}  beforeEach(() => {`);
    lines.push(`${pad}    ${dialect.spyWithReturn('logger', `level${level}`, 'undefined')}`);
    lines.push(`${pad}  });`);
    if (level === 1) {
      lines.push(`${pad}  afterEach(() => {`);
      lines.push(`${pad}    ${dialect.restore}`);
      lines.push(`${pad}  });`);
    }
    lines.push('');
    if (level === depth) {
      for (let t = 0; t < perLeaf && written < params.tests; t += 1) {
        writeTest(indent + 2, written);
      }
    } else {
      for (let b = 0; b < branching && written < params.tests; b += 1) {
        writeSuite(level + 1, indent + 2);
      }
    }
    lines.push(`${pad}});`);
    lines.push('');
  };

  while (written < params.tests) {
    writeSuite(1, 0);
  }
  return { name: `${subject}-${fileIndex}.test.${dialect.extension}`, text: `${lines.join('\n')}\n` };
}

/** Writes `params.files` files into a fresh `dir`; returns their absolute paths and line count. */
export function generateCorpus(dir, overrides = {}) {
  const params = { ...DEFAULT_PARAMS, ...overrides };
  const root = resolve(dir);
  rmSync(root, { recursive: true, force: true });
  mkdirSync(join(root, 'test'), { recursive: true });
  const files = [];
  let lineCount = 0;
  for (let index = 0; index < params.files; index += 1) {
    const { name, text } = generateFile(params, index);
    const path = join(root, 'test', name);
    writeFileSync(path, text);
    files.push(path);
    lineCount += text.split('\n').length - 1;
  }
  return { root, files, lines: lineCount, params };
}

function parseArgs(argv) {
  const [dir, ...rest] = argv;
  const overrides = {};
  for (let index = 0; index < rest.length; index += 2) {
    const key = rest[index]?.replace(/^--/u, '');
    const value = rest[index + 1];
    if (key === undefined || value === undefined || !(key in DEFAULT_PARAMS)) {
      throw new Error(`usage: node bench/generate.mjs <out-dir> [--${Object.keys(DEFAULT_PARAMS).join(' N] [--')} N]`);
    }
    overrides[key] = key === 'flavour' ? value : Number(value);
  }
  return { dir, overrides };
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { dir, overrides } = parseArgs(process.argv.slice(2));
  if (dir === undefined) {
    throw new Error('usage: node bench/generate.mjs <out-dir> [options]');
  }
  const result = generateCorpus(dir, overrides);
  console.log(`wrote ${result.files.length} files, ${result.lines} lines, to ${result.root}`);
}
