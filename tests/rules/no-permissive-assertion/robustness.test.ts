import tsParser from '@typescript-eslint/parser';
import { type ESLint, Linter } from 'eslint';
import { describe, expect, it } from 'vitest';

import rule from '../../../src/rules/no-permissive-assertion.js';
import {
  lastWord,
  nameMatches,
  nameSet,
  normaliseAccessorName,
  statusNamedInTitle,
  wordNamedInTitle,
} from '../../../src/rules/no-permissive-assertion/outcome-classes.js';
import { STATUS_OBJECT } from '../../../src/rules/no-permissive-assertion/values.js';

/**
 * Inputs that once made the rule slow (a branch check that compared every branch with every check,
 * a set of literals compared with itself value by value) and every regex that reads user text, fed
 * a 1 MB adversarial string. Each must simply complete with the right answer: the vitest timeout is
 * the guard, there is no timing here. Sizes are a few times what a quadratic pass could finish in
 * that time, and small enough to keep the suite fast.
 */

const plugin = { rules: { 'no-permissive-assertion': rule } } as unknown as ESLint.Plugin;
const config: Linter.Config[] = [
  {
    files: ['**/*.ts'],
    languageOptions: { parser: tsParser as Linter.Parser, ecmaVersion: 'latest', sourceType: 'module' },
    plugins: { local: plugin },
    rules: { 'local/no-permissive-assertion': 'error' },
  },
];

function lint(code: string): Linter.LintMessage[] {
  const messages = new Linter({ configType: 'flat' }).verify(code, config, { filename: 'permissive.test.ts' });
  expect(messages.filter((message) => message.ruleId !== 'local/no-permissive-assertion')).toEqual([]);
  return messages;
}

const MEGABYTE = 1_000_000;

describe('no-permissive-assertion on large files', () => {
  it('checks 3,000 if/else branches on one response in one test', () => {
    const branch = 'if (res.status === 200) { expect(res.body).toEqual(body); } else { expect(res.status).toBe(404); }\n';
    const messages = lint(`it('answers', async () => {\n  const res = await get('/');\n${branch.repeat(3000)}});\n`);
    expect(messages).toHaveLength(3000);
    expect(new Set(messages.map((message) => message.messageId))).toEqual(new Set(['permissiveBranches']));
  });

  it('checks 1,500 tests of one if/else branch each', () => {
    const test = "it('answers', async () => {\n  const res = await get('/');\n  if (res.status === 200) { expect(res.body).toEqual(body); } else { expect(res.status).toBe(404); }\n});\n";
    const messages = lint(test.repeat(1500));
    expect(messages).toHaveLength(1500);
  });

  it('reads a 1 MB literal array of distinct job states once', () => {
    const states = ["'completed'", "'failed'", ...Array.from({ length: 90_000 }, (_, index) => `'state${index}'`)].join(', ');
    expect(states.length).toBeGreaterThan(MEGABYTE);
    const messages = lint(`it('marks the job completed', async () => {\n  expect([${states}]).toContain(job.state);\n});\n`);
    expect(messages.map((message) => message.messageId)).toEqual(['permissiveOutcomeSet']);
    expect(messages[0]?.suggestions?.map((suggestion) => suggestion.messageId)).toEqual(['pinOutcome']);
  });

  it('reads a 250 KB literal array of statuses once, next to 2,000 pins', () => {
    const statuses = '200, 404, '.repeat(25_000);
    const pins = '  expect(res.status).not.toBe(500);\n'.repeat(2000);
    const messages = lint(`it('answers', async () => {\n  const res = await get('/');\n  expect([${statuses}]).toContain(res.status);\n${pins}});\n`);
    expect(messages.map((message) => message.messageId)).toEqual(['permissiveOutcomeSet']);
  });

  it('names only the first values of a 250 KB negative set', () => {
    const statuses = '500, 502, '.repeat(25_000);
    const messages = lint(`it('answers', async () => {\n  const res = await get('/');\n  expect([${statuses}]).not.toContain(res.status);\n});\n`);
    expect(messages.map((message) => message.messageId)).toEqual(['negativeOnlyCheck']);
    expect(messages[0]?.message.length).toBeLessThan(300);
  });
});

describe('no-permissive-assertion regexes and scans on 1 MB adversarial text', () => {
  const capitals = 'A'.repeat(MEGABYTE);

  it('normaliseAccessorName', () => {
    expect(normaliseAccessorName(`get${capitals}\n`)).toBe(`a${'A'.repeat(MEGABYTE - 1)}\n`);
    expect(normaliseAccessorName(`getget${'get'.repeat(MEGABYTE / 3)}`)).toBe(`getget${'get'.repeat(MEGABYTE / 3)}`);
  });

  it('lastWord and nameMatches', () => {
    expect(lastWord(`${'a_'.repeat(MEGABYTE / 2)}jobStatus`)).toBe('status');
    expect(lastWord('_'.repeat(MEGABYTE))).toBeUndefined();
    expect(nameMatches(`get${'a-'.repeat(MEGABYTE / 2)}code`, nameSet(['code']))).toBe(true);
  });

  it('statusNamedInTitle', () => {
    expect(statusNamedInTitle('2'.repeat(MEGABYTE))).toBeNull();
    expect(statusNamedInTitle('200.'.repeat(MEGABYTE / 4))).toBeNull();
    expect(statusNamedInTitle(`${'x404 '.repeat(MEGABYTE / 5)}returns 404`)).toBe(404);
  });

  it('wordNamedInTitle', () => {
    expect(wordNamedInTitle('completed-'.repeat(MEGABYTE / 10), ['completed', 'failed'])).toBeNull();
    expect(wordNamedInTitle(`${'completedx'.repeat(MEGABYTE / 10)} completed`, ['completed', 'failed'])).toBe('completed');
    expect(wordNamedInTitle('c'.repeat(MEGABYTE), Array.from({ length: 1000 }, () => 'completed'))).toBeNull();
  });

  it('the status constant owner pattern', () => {
    expect(STATUS_OBJECT.test('htt'.repeat(MEGABYTE / 3))).toBe(false);
    expect(STATUS_OBJECT.test(`${'statu'.repeat(MEGABYTE / 5)}Status`)).toBe(false);
    expect(STATUS_OBJECT.test(`${'statu'.repeat(MEGABYTE / 5)}HttpStatus`)).toBe(true);
    expect(STATUS_OBJECT.test(`${'StatusCode'.repeat(MEGABYTE / 10)}s`)).toBe(false);
  });
});
