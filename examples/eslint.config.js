// The setup the README recommends, applied to this small example project.
// `eslint-plugin-test-quality` resolves to this package's own build (package self-reference).
import tsParser from '@typescript-eslint/parser';
import testQuality from 'eslint-plugin-test-quality';

export default [
  {
    files: ['**/*.{test,spec}.{js,jsx,ts,tsx,mjs,cjs,mts,cts}', '**/__tests__/**/*.{js,jsx,ts,tsx}', '**/test/**/*.{js,ts,mjs,cjs}'],
    languageOptions: {
      parser: tsParser,
      parserOptions: { ecmaFeatures: { jsx: true } },
    },
    ...testQuality.configs.recommended,
  },
  {
    // `max-mocks-per-test` and `no-magic-retry-count` are not in `recommended` (see the README's Configs):
    // this is how a team opts in to them, at their default options, in a second config object after the
    // spread config. Here for the over-mocking and retry examples.
    files: ['**/over-mocking/**/*.{test,spec}.{js,ts}', '**/retry/**/*.{test,spec}.{js,ts}'],
    rules: {
      'test-quality/max-mocks-per-test': 'error',
      'test-quality/no-magic-retry-count': 'error',
    },
  },
];
