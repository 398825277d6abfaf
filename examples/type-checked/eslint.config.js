// The type-checked setup from docs/type-checked.md, applied to this folder:
//   npx eslint --config examples/type-checked/eslint.config.js examples/type-checked
import tsParser from '@typescript-eslint/parser';
import testQuality from 'eslint-plugin-test-quality';

export default [
  {
    files: ['**/*.test.ts'],
    languageOptions: {
      parser: tsParser,
      parserOptions: {
        projectService: true,
        tsconfigRootDir: import.meta.dirname,
      },
    },
    ...testQuality.configs['recommended-type-checked'],
  },
];
