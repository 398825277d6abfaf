// eslint.config.ts: the README's setup, written in TypeScript with ESLint's `defineConfig`.
// `tsc` checks this file against ESLint 9's and ESLint 10's types (tests/integration/config-types.test.ts).
import tsParser from '@typescript-eslint/parser';
import { defineConfig } from 'eslint/config';
import testQuality from 'eslint-plugin-test-quality';

export default defineConfig([
  {
    // Test files only: the rules look at tests, suites, hooks, mocks and assertions.
    files: ['**/*.{test,spec}.{js,jsx,ts,tsx,mjs,cjs,mts,cts}', '**/__tests__/**/*.{js,jsx,ts,tsx}', '**/test/**/*.{js,ts,mjs,cjs}'],
    languageOptions: { parser: tsParser, parserOptions: { ecmaFeatures: { jsx: true } } },
    extends: [testQuality.configs.recommended],
    rules: {
      // One rule turned on (it is not in `recommended`) with a lower limit; every rule of `recommended` stays on.
      'test-quality/max-mocks-per-test': ['error', { max: 5 }],
    },
  },
]);
