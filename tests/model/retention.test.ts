// What the plugin keeps of a file once it is linted: nothing. A name read from the AST may be a slice of
// the file's text, and V8 keeps the whole text alive through a slice, so a cache of names that outlives
// a file keeps that file's source: in an editor, one more copy for each new name typed. Measured as the heap
// left after full garbage collections while one Linter lints file after file: a size, not a timing.
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

import tsParser from '@typescript-eslint/parser';
import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';

import plugin from '../../src/index.js';

setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;

const config = [
  {
    files: ['**/*.ts'],
    languageOptions: { parser: tsParser as Linter.Parser },
    plugins: { 'test-quality': plugin as never },
    // A restated configured limit is reported only with `allowConfiguredLimit: false`.
    rules: { ...(plugin.configs.all.rules as Linter.RulesRecord), 'test-quality/no-magic-retry-count': ['error', { allowConfiguredLimit: false }] as Linter.RuleEntry },
  },
];

const FILES = 40;
/** Each file is this large, so that keeping its text shows: 40 of them make 16 MB. */
const TEXT_BYTES = 400_000;

/**
 * A test file of `TEXT_BYTES` whose status value has a name of its own (`order7ResponseStatus`), as
 * names differ from file to file in real suites; every rule reads it, and it is reported. A retry test
 * with a configured limit takes the retry rule through its per-file memos, which hold the file's nodes.
 */
function testFile(index: number): string {
  const body = `
import { expect, it, vi } from 'vitest';
it('answers order ${index}', async () => {
  const order${index}ResponseStatus = await fetchStatus(${index});
  expect(order${index}ResponseStatus).not.toBe(500);
});
it('retries order ${index}', async () => {
  const send${index} = vi.fn().mockRejectedValue(new Error('down'));
  await submit(send${index}, { retries: 2 });
  expect(send${index}).toHaveBeenCalledTimes(3);
});
`;
  return `/*${' '.repeat(TEXT_BYTES - body.length - 4)}*/${body}`;
}

function heapAfterCollection(): number {
  collectGarbage();
  collectGarbage();
  return process.memoryUsage().heapUsed;
}

/** How much the heap grows while one Linter lints `FILES` files; `keep` receives every text when given. */
function heapGrowth(keep?: string[]): number {
  const linter = new Linter({ configType: 'flat' });
  // Warm up, so code compiled on the way is not counted as growth.
  for (let index = -3; index < 0; index += 1) {
    linter.verify(testFile(index), config, `warm-${index}.test.ts`);
  }
  const before = heapAfterCollection();
  for (let index = 0; index < FILES; index += 1) {
    const text = testFile(index);
    const rules = linter.verify(text, config, `order-${index}.test.ts`).map((message) => message.ruleId);
    expect(rules).toEqual(['test-quality/no-permissive-assertion', 'test-quality/no-magic-retry-count']);
    keep?.push(text);
  }
  return heapAfterCollection() - before;
}

describe('after ESLint lints file after file', () => {
  const megabytes = (bytes: number): number => Math.round(bytes / 1e5) / 10;

  it('the heap keeps none of their texts', () => {
    // ESLint and the parser grow by about 2 MB on their own (the last file's SourceCode, compiled
    // code); a cache that kept each file's text would add 16 MB.
    expect(megabytes(heapGrowth())).toBeLessThan(4);
  });

  it('the same measure sees texts that are kept', () => {
    const kept: string[] = [];
    expect(megabytes(heapGrowth(kept))).toBeGreaterThan(14);
    expect(kept).toHaveLength(FILES);
  });
});
