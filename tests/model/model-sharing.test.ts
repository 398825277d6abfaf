// The shared test model is built once per linted file, however many rules are on: counted through
// `modelStats.builds` while ESLint's Node API lints real files with the `all` config. A count, not a timing.
// Also counted: the walk for the node types only the retry rule reads runs only in files that could hold retry evidence.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import tsParser from '@typescript-eslint/parser';
import type { TSESLint } from '@typescript-eslint/utils';
import { ESLint, Linter } from 'eslint';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import plugin from '../../src/index.js';
import { getTestModel, modelStats, type TestModel } from '../../src/model/test-model.js';

const FILES: Readonly<Record<string, string>> = {
  'orders.test.ts': `
    import { describe, expect, it, vi } from 'vitest';
    import * as api from '../src/api';
    import { orders } from '../src/orders';
    vi.mock('../src/logger');
    describe('orders', () => {
      it('retries three times', async () => {
        vi.spyOn(api, 'get').mockRejectedValue(new Error('down'));
        await orders.load(1);
        expect(api.get).toHaveBeenCalledTimes(4);
      });
      it('accepts either status', async () => {
        const res = await orders.create({});
        expect([200, 500]).toContain(res.status);
      });
    });
  `,
  'billing.spec.cjs': `
    const { expect } = require('chai');
    const sinon = require('sinon');
    const billing = require('../lib/billing');
    describe('billing', function () {
      beforeEach(function () { sinon.stub(billing, 'charge').resolves({ ok: true }); });
      afterEach(function () { sinon.restore(); });
      it('charges', async function () {
        const result = await billing.run();
        expect(result.status).to.be.oneOf([200, 503]);
      });
    });
  `,
  'queue.test.mjs': `
    import { describe, it, mock } from 'node:test';
    import assert from 'node:assert/strict';
    import { queue } from '../src/queue.js';
    describe('queue', () => {
      it('drains', async (t) => {
        const send = mock.fn(async () => 1);
        queue.drain(send);
        assert.rejects(queue.fail(), /boom/);
        assert.equal(send.mock.callCount(), 1);
      });
    });
  `,
  'button.test.tsx': `
    import { render } from '@testing-library/react';
    import { Button } from './button';
    test('renders', () => {
      const onClick = jest.fn();
      const view = render(<Button onClick={onClick} />);
      expect(view.container).toBeTruthy();
    });
  `,
  'helpers.ts': `
    export function makeUser(id: number) { return { id, name: 'u' + id }; }
  `,
};

/** A rule that only asks for the model and remembers what it got, per file. */
function probeRule(seen: Map<string, TestModel[]>): TSESLint.RuleModule<'never'> {
  return {
    meta: { type: 'problem', schema: [], messages: { never: 'never' } },
    defaultOptions: [],
    create(context) {
      return {
        Program() {
          const list = seen.get(context.filename) ?? [];
          list.push(getTestModel(context));
          seen.set(context.filename, list);
        },
      };
    },
  };
}

describe('the shared test model', () => {
  let dir = '';

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'tq-model-sharing-'));
    for (const [name, text] of Object.entries(FILES)) {
      writeFileSync(join(dir, name), text);
    }
  });

  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  const createEslint = (extra: TSESLint.FlatConfig.Config[] = []): ESLint =>
    new ESLint({
      cwd: dir,
      overrideConfigFile: true,
      cache: false,
      fix: false,
      overrideConfig: [
        {
          files: ['**/*.{ts,tsx,mjs,cjs}'],
          languageOptions: { parser: tsParser, parserOptions: { ecmaFeatures: { jsx: true } } },
        },
        { ...plugin.configs.all, files: ['**/*.{ts,tsx,mjs,cjs}'] },
        ...extra,
      ] as never,
    });

  it('is built once per file when ESLint lints files with every rule of `all`', async () => {
    const before = modelStats.builds;
    const results = await createEslint().lintFiles(['.']);
    const ruleIds = new Set(results.flatMap((result) => result.messages.map((message) => message.ruleId)));

    expect(results).toHaveLength(Object.keys(FILES).length);
    expect(results.every((result) => result.messages.every((message) => message.fatal !== true))).toBe(true);
    // Several of our rules really ran and reported on these files.
    expect([...ruleIds].filter((id) => id?.startsWith('test-quality/') === true).length).toBeGreaterThanOrEqual(2);
    expect(modelStats.builds - before).toBe(Object.keys(FILES).length);
  });

  it('hands every rule the same model object, and builds a new one per linted file', async () => {
    const seen = new Map<string, TestModel[]>();
    const before = modelStats.builds;
    const probes = { rules: { first: probeRule(seen), second: probeRule(seen), third: probeRule(seen) } };
    const eslint = createEslint([
      { files: ['**/*.{ts,tsx,mjs,cjs}'], plugins: { probe: probes as never }, rules: { 'probe/first': 'error', 'probe/second': 'error', 'probe/third': 'error' } },
    ]);
    await eslint.lintFiles(['.']);

    const fileCount = Object.keys(FILES).length;
    expect(modelStats.builds - before).toBe(fileCount);
    expect(seen.size).toBe(fileCount);
    for (const models of seen.values()) {
      expect(models).toHaveLength(3);
      expect(new Set(models).size).toBe(1);
    }
    const perFile = [...seen.values()].map((models) => models[0]);
    expect(new Set(perFile).size).toBe(fileCount);

    // Linting again builds again: the cache belongs to one SourceCode, not to a file name.
    await eslint.lintFiles(['.']);
    expect(modelStats.builds - before).toBe(2 * fileCount);
  });
});

describe('a file with count assertions but no retry words', () => {
  // Counted, not timed: the walk that indexes properties, `new` and comparisons runs only where a retry word could make a count a retry count.
  it('is settled without walking the file for retry options, or building the model', () => {
    const config = [
      {
        files: ['**/*.ts'],
        languageOptions: { parser: tsParser as Linter.Parser },
        plugins: { 'test-quality': plugin as never },
        rules: { 'test-quality/no-magic-retry-count': 'error' as const },
      },
    ];
    const code = (title: string): string => `
import { it, expect, vi } from 'vitest';
it('${title}', async () => {
  const send = vi.fn().mockRejectedValue(new Error('down'));
  await flush({ send, size: 10 });
  expect(send).toHaveBeenCalledTimes(3);
});`;
    const linter = new Linter({ configType: 'flat' });
    const before = { ...modelStats };
    expect(linter.verify(code('sends the batch in parts'), config, 'batch.test.ts')).toEqual([]);
    // The text holds no retry word, so the rule returns before it asks for the model.
    expect(modelStats.builds - before.builds).toBe(0);
    expect(modelStats.onDemandWalks - before.onDemandWalks).toBe(0);
    // The same test titled as a retry test is read in full, and reported.
    expect(linter.verify(code('retries the batch'), config, 'batch.test.ts').map((message) => message.ruleId)).toEqual(['test-quality/no-magic-retry-count']);
    expect(modelStats.builds - before.builds).toBe(1);
    expect(modelStats.onDemandWalks - before.onDemandWalks).toBe(1);
  });
});
