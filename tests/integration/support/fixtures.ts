import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { REPO_ROOT } from './project.js';

// What a user's project contains: the flat config the README recommends (ESM and CommonJS) and a few test
// files, one with a permissive assertion, its fixed version, and a clean one. Every client test uses these.

/** The test-file glob the README recommends. */
export const TEST_FILES_GLOB = [
  '**/*.{test,spec}.{js,jsx,ts,tsx,mjs,cjs,mts,cts}',
  '**/__tests__/**/*.{js,jsx,ts,tsx}',
  '**/test/**/*.{js,ts,mjs,cjs}',
];

const globLiteral = JSON.stringify(TEST_FILES_GLOB).replaceAll('","', "', '").replaceAll('["', "['").replaceAll('"]', "']");

export type ConfigName = 'all' | 'recommended' | 'strict';

/** The `eslint.config.js` block of the README's "Configure" section, verbatim. */
export function readmeConfig(): string {
  const readme = readFileSync(join(REPO_ROOT, 'README.md'), 'utf8');
  const block = [...readme.matchAll(/```js\n([\s\S]*?)```/gu)].map((match) => match[1] ?? '').find((text) => text.includes('export default'));
  if (block === undefined) {
    throw new Error('README.md has no ```js block with `export default` (the eslint.config.js users copy)');
  }
  return block;
}

/** The `eslint.config.js` block of the README's "Configs" section: `recommended` plus the two rules it leaves out. */
export function readmeOptInConfig(): string {
  const readme = readFileSync(join(REPO_ROOT, 'README.md'), 'utf8');
  const block = [...readme.matchAll(/```js\n([\s\S]*?)```/gu)]
    .map((match) => match[1] ?? '')
    .find((text) => text.includes('export default') && text.includes("'test-quality/no-magic-retry-count': 'error'"));
  if (block === undefined) {
    throw new Error("README.md has no ```js block with `export default` that turns on 'test-quality/no-magic-retry-count'");
  }
  return block;
}

/** `eslint.config.cjs`: the same setup through `require`. */
export const cjsConfig = (config: ConfigName = 'recommended'): string => `const tsParser = require('@typescript-eslint/parser');
const testQuality = require('eslint-plugin-test-quality');

module.exports = [
  {
    files: ${globLiteral},
    languageOptions: {
      parser: tsParser,
      parserOptions: { ecmaFeatures: { jsx: true } },
    },
    ...testQuality.configs.${config},
  },
];
`;

/** The README's setup with every rule of `recommended` downgraded to a warning (for `--max-warnings`). */
export const warnConfig = (): string => `import tsParser from '@typescript-eslint/parser';
import testQuality from 'eslint-plugin-test-quality';

const { recommended } = testQuality.configs;

export default [
  {
    files: ${globLiteral},
    languageOptions: { parser: tsParser },
    ...recommended,
    rules: Object.fromEntries(Object.keys(recommended.rules).map((id) => [id, 'warn'])),
  },
];
`;

/** A config that sets one rule's options explicitly (to check ESLint's schema error). */
export const configWithRuleOptions = (ruleId: string, options: unknown): string => `import tsParser from '@typescript-eslint/parser';
import testQuality from 'eslint-plugin-test-quality';

export default [
  {
    files: ${globLiteral},
    languageOptions: { parser: tsParser },
    ...testQuality.configs.recommended,
  },
  {
    files: ['**/*.ts'],
    rules: { 'test-quality/${ruleId}': ['error', ${JSON.stringify(options)}] },
  },
];
`;

/** The rule every client test expects to see firing. */
export const RULE_ID = 'no-permissive-assertion';
export const QUALIFIED_RULE_ID = `test-quality/${RULE_ID}`;

/** A vitest test that accepts a 200 and a 404 alike. */
export const BAD_TEST = `import { describe, expect, it } from 'vitest';

import { getUser } from '../src/users';

describe('GET /users/:id', () => {
  it('returns 404 for an unknown user', async () => {
    const res = await getUser('missing');
    expect([200, 404]).toContain(res.status);
  });
});
`;

/** Where the finding in BAD_TEST is (1-based line and column, as ESLint reports them). */
export const BAD_FINDING = { line: 8, column: 5, endLine: 8, endColumn: 45 } as const;

/** What the rule says about BAD_TEST. */
export const PERMISSIVE_MESSAGE =
  'This assertion accepts 2xx and 4xx for `res.status`, so it passes on success and on failure alike; pin the one expected outcome.';

/** The message as ESLint's default `stylish` formatter prints it (it drops a trailing period). */
export const PERMISSIVE_MESSAGE_STYLISH = PERMISSIVE_MESSAGE.replace(/\.$/u, '');

/** The suggestion the rule offers for BAD_TEST (the title names the outcome: "returns 404"). */
export const PIN_SUGGESTION = 'Pin `res.status` to 404, the outcome the test title names.';

/** BAD_TEST with the one expected outcome pinned. */
export const FIXED_TEST = BAD_TEST.replace('expect([200, 404]).toContain(res.status);', 'expect(res.status).toBe(404);');

/**
 * BAD_TEST plus a floating `.rejects` assertion in the same async test: `no-unawaited-assertion` autofixes that one
 * (adding `await` inside an async test cannot change what passes), while the permissive assertion only gets a
 * suggestion.
 */
export const MIXED_FIX_TEST = BAD_TEST.replace(
  'expect([200, 404]).toContain(res.status);\n',
  "expect([200, 404]).toContain(res.status);\n    expect(getUser('deleted')).rejects.toThrow('gone');\n    expect(await getUser('admin')).toMatchObject({ role: 'admin' });\n",
);

/** MIXED_FIX_TEST after `eslint --fix`: only the safe fix applied. */
export const MIXED_FIX_OUTPUT = MIXED_FIX_TEST.replace("    expect(getUser('deleted'))", "    await expect(getUser('deleted'))");

/** A second permissive assertion, added to an already suppressed file. */
export const BAD_TEST_WITH_NEW_VIOLATION = BAD_TEST.replace(
  '  });\n});\n',
  `  });

  it('deletes a user', async () => {
    const res = await getUser('deleted');
    expect([204, 500]).toContain(res.status);
  });
});
`,
);

/** A mocha + chai test in CommonJS that pins its outcome: nothing to report. */
export const CLEAN_TEST_CJS = `const { expect } = require('chai');
const { getHealth } = require('../src/health');

describe('GET /health', () => {
  it('returns 200', async () => {
    const res = await getHealth();
    expect(res.status).to.equal(200);
  });
});
`;

/** The files of a user project set up as the README says: ESM package, README config, one bad test (and optionally a clean one). */
export const userProjectFiles = (withCleanTest = true): Record<string, string> => ({
  'package.json': JSON.stringify({ name: 'user-project', private: true, type: 'module' }),
  'eslint.config.js': readmeConfig(),
  'test/users.test.ts': BAD_TEST,
  ...(withCleanTest ? { 'test/health.test.cjs': CLEAN_TEST_CJS } : {}),
});
