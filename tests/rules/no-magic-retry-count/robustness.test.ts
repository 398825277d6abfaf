import tsParser from '@typescript-eslint/parser';
import { type ESLint, Linter } from 'eslint';
import { describe, expect, it } from 'vitest';

import rule from '../../../src/rules/no-magic-retry-count.js';
import { isNameFree } from '../../../src/rules/no-magic-retry-count/derive-count.js';

/**
 * Inputs that once made the rule slow (super-linear regexes over names and titles) or crash (an
 * array spread into a call); each must simply complete. The vitest timeout is the guard: no timing here.
 */

const plugin = { rules: { 'no-magic-retry-count': rule } } as unknown as ESLint.Plugin;
const config: Linter.Config[] = [
  {
    files: ['**/*.ts'],
    languageOptions: { parser: tsParser as Linter.Parser, ecmaVersion: 'latest', sourceType: 'module' },
    plugins: { local: plugin },
    rules: { 'local/no-magic-retry-count': ['error', { allowConfiguredLimit: false }] },
  },
];

function lint(code: string): Linter.LintMessage[] {
  const messages = new Linter({ configType: 'flat' }).verify(code, config, { filename: 'retry.test.ts' });
  expect(messages.filter((message) => message.ruleId !== 'local/no-magic-retry-count')).toEqual([]);
  return messages;
}

const failingFetch = `fetchMock.mockRejectedValue(new Error('down'));\n  await get('/x').catch(() => {});`;

describe('no-magic-retry-count on adversarial names and titles', () => {
  it('reads a retry title with a 50,000-capital word', () => {
    const messages = lint(`it('retry ${'A'.repeat(50_000)}', async () => {\n  ${failingFetch}\n  expect(fetchMock).toHaveBeenCalledTimes(4);\n});\n`);
    expect(messages.map((message) => message.messageId)).toEqual(['magicRetryCount']);
  });

  it('reads a retry-named counter with a 50,000-capital name', () => {
    const name = `retry${'A'.repeat(50_000)}`;
    const messages = lint(`it('gives up', async () => {\n  let ${name} = 0;\n  await run(() => { ${name}++; throw new Error('x'); }).catch(() => {});\n  expect(${name}).toBe(4);\n});\n`);
    expect(messages.map((message) => message.messageId)).toEqual(['magicRetryCount']);
  });

  it('reads a retry option key with a 50,000-capital name', () => {
    const messages = lint(`it('sends', async () => {\n  await get('/x', { retry${'A'.repeat(50_000)}Delay: 3, maxRetries${'B'.repeat(50_000)}: 2 });\n  expect(fetchMock).toHaveBeenCalledTimes(4);\n});\n`);
    expect(messages.map((message) => message.messageId)).toEqual([]);
  });

  it('reads a \\u0041-escaped retry name', () => {
    const name = `retry${'\\u0041'.repeat(50_000)}`;
    const messages = lint(`it('gives up', async () => {\n  let ${name} = 0;\n  await run(() => { ${name}++; throw new Error('x'); }).catch(() => {});\n  expect(${name}).toBe(4);\n});\n`);
    expect(messages.map((message) => message.messageId)).toEqual(['magicRetryCount']);
  });

  it('reads a 96 KB logger owner', () => {
    const owner = 'logger'.repeat(16_000);
    const messages = lint(`it('retries', async () => {\n  ${owner}.send.mockRejectedValue(new Error('down'));\n  await get('/x').catch(() => {});\n  expect(${owner}.warn).toHaveBeenCalledTimes(2);\n  expect(${owner}.send).toHaveBeenCalledTimes(3);\n});\n`);
    expect(messages.map((message) => message.messageId)).toEqual(['magicRetryCount']);
  });

  it('offers the suggestion in a test with many block scopes', () => {
    const blocks = '{ let q; }\n'.repeat(2_000);
    const messages = lint(`it('retries', async () => {\n  ${failingFetch.replace("get('/x')", "get('/x', { maxRetries: 3 })")}\n${blocks}  expect(fetchMock).toHaveBeenCalledTimes(4);\n});\n`);
    expect(messages.map((message) => [message.messageId, message.suggestions?.length])).toEqual([['configuredLimit', 1]]);
  });

  it('walks 200,000 child scopes without spreading them into a call', () => {
    // A test with 130,000 `{ let q; }` blocks once threw a RangeError (`pending.push(...childScopes)`); a scope
    // tree of that shape is built here without parsing 1.4 MB.
    const child = { set: new Map(), references: [], childScopes: [], variables: [], upper: null };
    const scope = { set: new Map(), references: [], childScopes: Array.from({ length: 200_000 }, () => child), variables: [], upper: null };
    const sourceCode = { scopeManager: { acquire: () => scope } } as unknown as Parameters<typeof isNameFree>[0];
    expect(isNameFree(sourceCode, {} as Parameters<typeof isNameFree>[1], 'retries')).toBe(true);
  });
});

describe('suggestions of no-magic-retry-count', () => {
  /** Applies each suggestion of `code` alone and lints the result again. */
  function afterEachSuggestion(code: string): Array<{ output: string; messages: Linter.LintMessage[] }> {
    return lint(code).flatMap((message) =>
      (message.suggestions ?? []).map((suggestion) => {
        const output = code.slice(0, suggestion.fix.range[0]) + suggestion.fix.text + code.slice(suggestion.fix.range[1]);
        return { output, messages: lint(output) };
      }),
    );
  }

  it('never makes a finding of its own rule appear: a repeated count is rewritten with the first', () => {
    const code = `it('retries', async () => {
  const send = vi.fn().mockRejectedValue(new Error('down'));
  const client = createClient({ send, maxRetries: 3 });
  await client.get('/a').catch(() => {});
  expect(send).toHaveBeenCalledTimes(4);
  client.cancel();
  expect(send).toHaveBeenCalledTimes(4);
});
`;
    const before = lint(code);
    expect(before).toHaveLength(1);
    const results = afterEachSuggestion(code);
    expect(results).toHaveLength(1);
    for (const { messages } of results) {
      expect(messages).toEqual([]);
    }
  });

  it('rewrites an option written twice so the test stays as it was', () => {
    const code = `it('retries', async () => {
  const send = vi.fn().mockRejectedValue(new Error('down'));
  await createClient({ send, retries: 3 }).get('/a').catch(() => {});
  await createClient({ send, retries: 3 }).get('/a').catch(() => {});
  expect(send).toHaveBeenCalledTimes(8);
  expect(send).toHaveBeenCalledTimes(4);
});
`;
    const before = lint(code);
    const results = afterEachSuggestion(code);
    expect(results.length).toBeGreaterThan(0);
    for (const { output, messages } of results) {
      expect(output.match(/\{ send, retries \}/gu)).toHaveLength(2);
      expect(messages.length).toBeLessThan(before.length);
    }
  });
});
