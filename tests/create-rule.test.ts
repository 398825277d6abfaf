// Our rules' checkers are made once per configured options object and shared by every file linted
// with it (`perOptions`), so a file's state must not leak into the next one. Counted, not timed:
// how many checkers one ESLint instance creates over several files, and whether each file gets the
// same findings as when it is linted on its own.
import tsParser from '@typescript-eslint/parser';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

import plugin from '../src/index.js';
import { checkerStats, perOptions } from '../src/create-rule.js';

/** A retry test with a configured limit, an unawaited async call, a permissive status check. */
const CONFIGURED = `
import { expect, it, vi } from 'vitest';
import { createClient } from './client';
async function load() { await fetch('/x'); }
it('loads', () => {
  load();
});
it('retries the request', async () => {
  const fetcher = vi.fn().mockRejectedValue(new Error('down'));
  const client = createClient({ retries: 2, fetcher });
  await client.get('/x').catch(() => {});
  expect(fetcher).toHaveBeenCalledTimes(3);
});
it('answers', async () => {
  const res = await client.get('/x');
  expect([200, 404]).toContain(res.status);
});
`;

/** The look-alike: the same retry count with no limit configured here, a synchronous \`load\`, one pinned status. */
const UNCONFIGURED = `
import { expect, it, vi } from 'vitest';
import { createClient } from './client';
function load() { return 1; }
it('loads', () => {
  load();
});
it('retries the request', async () => {
  const fetcher = vi.fn().mockRejectedValue(new Error('down'));
  const client = createClient({ fetcher });
  await client.get('/x').catch(() => {});
  expect(fetcher).toHaveBeenCalledTimes(3);
});
it('answers', async () => {
  const res = await client.get('/x');
  expect(res.status).toBe(200);
});
`;

/** A fallback, not a retry: a stub that always fails is retry evidence only in a file that speaks of retrying. */
const FALLBACK = `
import { expect, it, vi } from 'vitest';
import { loadPreset } from './presets';
// No retries here: the loader falls back to the defaults.
it('falls back to the defaults', async () => {
  const getPreset = vi.fn().mockRejectedValue(new Error('missing'));
  await loadPreset(getPreset);
  expect(getPreset).toHaveBeenCalledTimes(2);
});
`;

/** The configured file again, moved down a line and with other names: its findings read other text at other places. */
const CONFIGURED_AGAIN = `// the same scenario, for the orders client\n${CONFIGURED.replaceAll('res', 'reply').replaceAll('fetcher', 'transport')}`;

const FILES: ReadonlyArray<readonly [string, string]> = [
  ['a.test.ts', CONFIGURED],
  ['e.test.ts', FALLBACK],
  ['b.test.ts', UNCONFIGURED],
  ['c.test.ts', CONFIGURED_AGAIN],
  ['d.test.ts', UNCONFIGURED],
];

/** Rules that build a checker from their options: four, each once per options object. */
const CHECKER_RULES = ['max-mocks-per-test', 'no-magic-retry-count', 'no-permissive-assertion', 'no-unawaited-async-mock'];

/** An ESLint instance with options objects of its own, so its checkers are its own too. */
const createEslint = (): ESLint =>
  new ESLint({
    overrideConfigFile: true,
    cache: false,
    overrideConfig: [
      { files: ['**/*.ts'], languageOptions: { parser: tsParser } },
      {
        ...plugin.configs.all,
        files: ['**/*.ts'],
        rules: { ...plugin.configs.all.rules, ...Object.fromEntries(CHECKER_RULES.map((name) => [`test-quality/${name}`, ['error', {}]])) },
      },
    ] as never,
  });

const findings = (results: ESLint.LintResult[]): string[] =>
  results.flatMap((result) => result.messages.map((message) => `${message.ruleId ?? 'fatal'} ${message.line}:${message.column} ${message.message}`));

describe('checkers shared by the files of one configuration', () => {
  it('are created once per rule, not once per file', async () => {
    const eslint = createEslint();
    const before = checkerStats.created;
    for (const [filePath, code] of FILES) {
      await eslint.lintText(code, { filePath });
    }
    const created = checkerStats.created - before;
    expect(created).toBe(CHECKER_RULES.length);
  });

  it('give each file the findings it gets when linted alone', async () => {
    const shared = createEslint();
    const together: string[][] = [];
    for (const [filePath, code] of FILES) {
      together.push(findings(await shared.lintText(code, { filePath })));
    }
    const alone: string[][] = [];
    for (const [filePath, code] of FILES) {
      alone.push(findings(await createEslint().lintText(code, { filePath })));
    }
    expect(together).toEqual(alone);
    // The two files differ where per-file state would leak: what the configured file reports, the look-alike does not.
    const [configured, fallback, unconfigured] = alone;
    expect(fallback).toEqual([]);
    expect(configured).toEqual(expect.arrayContaining([expect.stringMatching(/^test-quality\/no-unawaited-async-mock /u), expect.stringMatching(/^test-quality\/no-permissive-assertion /u)]));
    expect(unconfigured?.some((finding) => finding.startsWith('test-quality/no-unawaited-async-mock ') || finding.startsWith('test-quality/no-permissive-assertion '))).toBe(false);
    expect(configured?.filter((finding) => finding.startsWith('test-quality/no-magic-retry-count '))).not.toEqual(unconfigured?.filter((finding) => finding.startsWith('test-quality/no-magic-retry-count ')));
  });
});

describe('perOptions', () => {
  it('creates one checker per options object and hands it back for the same object', () => {
    const made: object[] = [];
    const checkerFor = perOptions((options: { max: number }) => {
      const checker = { max: options.max };
      made.push(checker);
      return checker;
    });
    const first = { max: 1 };
    const second = { max: 1 };
    expect(checkerFor(first)).toBe(checkerFor(first));
    expect(checkerFor(second)).not.toBe(checkerFor(first));
    expect(made).toHaveLength(2);
  });
});
