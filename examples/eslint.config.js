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
];
