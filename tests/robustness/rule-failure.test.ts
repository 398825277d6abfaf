import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import tsParser from '@typescript-eslint/parser';
import { ESLint } from 'eslint';
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { createRule, RULE_FAILURE_PREFIX } from '../../src/create-rule.js';
import plugin from '../../src/index.js';
import { FileModelBuilder } from '../../src/model/builder.js';
import { getTestModel } from '../../src/model/index.js';

// Issue #26: a bug of ours that throws must cost the rule that one file, never the lint run. Through
// the real ESLint API: a rule built by createRule that throws on some files, next to our real rules.

/** Reports `seen` on every file, then throws on files named `boom…` (after reporting) or `early…` (in create). */
const throwing = createRule<[], 'seen'>({
  name: 'throws',
  meta: {
    type: 'problem',
    docs: { description: 'Disallow nothing; throws on purpose', recommended: false, requiresTypeChecking: false },
    messages: { seen: 'seen {{tests}} tests' },
    schema: [],
  },
  defaultOptions: [],
  create(context) {
    if (context.filename.includes('early')) {
      throw new TypeError('deliberate failure in create');
    }
    return {
      'Program:exit'(node) {
        context.report({ node, messageId: 'seen', data: { tests: String(getTestModel(context).tests.length) } });
        if (context.filename.includes('boom')) {
          throw new RangeError('deliberate failure');
        }
      },
    };
  },
});

const CODE = `
import { expect, it } from 'vitest';
it('answers', async () => {
  const res = await fetch('/x');
  expect([200, 404]).toContain(res.status);
});
`;

const folder = mkdtempSync(join(tmpdir(), 'test-quality-failure-'));
const FILES = ['a.test.ts', 'boom.test.ts', 'early.test.ts', 'z.test.ts'];
for (const name of FILES) {
  writeFileSync(join(folder, name), CODE);
}
afterAll(() => rmSync(folder, { recursive: true, force: true }));
// tests/setup.ts lets errors through for every other test; here the fence itself is under test.
beforeEach(() => {
  vi.stubEnv('TEST_QUALITY_DEBUG', '');
});
afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllEnvs();
});

const createEslint = (): ESLint =>
  new ESLint({
    cwd: folder,
    overrideConfigFile: true,
    cache: false,
    overrideConfig: [
      { files: ['**/*.ts'], languageOptions: { parser: tsParser } },
      { ...plugin.configs.all, files: ['**/*.ts'] },
      { files: ['**/*.ts'], plugins: { local: { rules: { throws: throwing } } }, rules: { 'local/throws': 'error' } },
    ] as never,
  });

/** Messages per file name, as `rule: message`. */
async function lintAll(): Promise<Map<string, string[]>> {
  const results = await createEslint().lintFiles(FILES);
  return new Map(results.map((result) => [result.filePath.slice(folder.length + 1), result.messages.map((message) => `${message.ruleId ?? 'fatal'}: ${message.message}`)]));
}

describe('a rule that throws', () => {
  it('fails on its file only: one message naming the rule, the file and the error; the other files and rules go on', async () => {
    const byFile = await lintAll();
    expect([...byFile.keys()]).toEqual(FILES);
    for (const name of ['a.test.ts', 'z.test.ts']) {
      expect(byFile.get(name)).toEqual(expect.arrayContaining(['local/throws: seen 1 tests', expect.stringMatching(/^test-quality\/no-permissive-assertion: /u)]));
    }
    const boom = byFile.get('boom.test.ts') ?? [];
    const failures = boom.filter((message) => message.startsWith(`local/throws: ${RULE_FAILURE_PREFIX}`));
    expect(failures).toHaveLength(1);
    expect(failures[0]).toContain('local/throws');
    expect(failures[0]).toContain(join(folder, 'boom.test.ts'));
    expect(failures[0]).toContain('RangeError: deliberate failure');
    // What the rule reported before it threw is dropped; our other rules still report on the file.
    expect(boom).not.toContain('local/throws: seen 1 tests');
    expect(boom.some((message) => message.startsWith('test-quality/no-permissive-assertion: '))).toBe(true);
  });

  it('fails on its file only when `create` throws', async () => {
    const early = (await lintAll()).get('early.test.ts') ?? [];
    expect(early.filter((message) => message.startsWith('local/throws: '))).toEqual([expect.stringContaining('TypeError: deliberate failure in create')]);
    expect(early.some((message) => message.startsWith('test-quality/no-permissive-assertion: '))).toBe(true);
  });

  it('lets the error through to ESLint when TEST_QUALITY_DEBUG is set', async () => {
    vi.stubEnv('TEST_QUALITY_DEBUG', '1');
    await expect(createEslint().lintFiles(['boom.test.ts'])).rejects.toThrow(/deliberate failure/u);
  });

  it('fails every rule alike when the shared model throws while it is collected, and nothing else', async () => {
    const visitCall = vi.spyOn(FileModelBuilder.prototype as unknown as { visitCall: () => void }, 'visitCall');
    visitCall.mockImplementation(() => {
      throw new Error('deliberate model failure');
    });
    const results = await createEslint().lintText(CODE, { filePath: join(folder, 'a.test.ts') });
    const messages = results[0]?.messages ?? [];
    // Each rule that asks for the model reports the failure once (the retry rule asks only in files that speak of retrying).
    expect(messages.map((message) => message.ruleId)).toEqual(
      expect.arrayContaining(['local/throws', 'test-quality/no-permissive-assertion', 'test-quality/no-unawaited-assertion', 'test-quality/max-mocks-per-test']),
    );
    expect(new Set(messages.map((message) => message.ruleId)).size).toBe(messages.length);
    for (const message of messages) {
      expect(message.message).toMatch(new RegExp(`^${RULE_FAILURE_PREFIX}\\S+ on .*a\\.test\\.ts: Error: deliberate model failure\\.`, 'u'));
    }
  });
});
