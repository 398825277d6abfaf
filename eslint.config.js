// Lints this repository: typescript-eslint for all code, eslint-plugin-eslint-plugin for rules and
// their tests, and our own `recommended` config on our own tests (dogfooding; needs `npm run build`).
import js from '@eslint/js';
import eslintPlugin from 'eslint-plugin-eslint-plugin';
import globals from 'globals';
import tseslint from 'typescript-eslint';

import testQuality from './dist/index.js';

export default tseslint.config(
  {
    name: 'repo/ignores',
    ignores: ['dist/**', 'node_modules/**', 'coverage/**', 'examples/**', 'tests/fixtures/**', 'bench/.tmp/**', '.builds/**', '**/*.d.ts'],
  },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    name: 'repo/node',
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-non-null-assertion': 'error',
      eqeqeq: ['error', 'always', { null: 'ignore' }],
      'no-console': 'off',
    },
  },
  {
    // The root of @typescript-eslint/utils loads its ts-eslint wrappers, which load ESLint's
    // RuleTester and legacy API: ~90 ms on every lint run. The plugin takes what it needs from the
    // subpaths and the AST types from @typescript-eslint/types.
    name: 'repo/plugin-imports',
    files: ['src/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: '@typescript-eslint/utils',
              allowTypeImports: true,
              message: 'Import values from @typescript-eslint/utils/ast-utils, /eslint-utils or @typescript-eslint/types; the root loads ESLint\'s RuleTester on every lint run.',
            },
          ],
        },
      ],
    },
  },
  {
    // The house rules of docs/architecture.md, kept by lint: no function longer than a screen and a
    // half, no rule module that cannot be read in one sitting.
    name: 'repo/sizes',
    files: ['src/**/*.ts'],
    rules: {
      'max-lines-per-function': ['error', { max: 100, skipBlankLines: false, skipComments: false }],
    },
  },
  {
    name: 'repo/rule-sizes',
    files: ['src/rules/**/*.ts'],
    rules: {
      'max-lines': ['error', { max: 400, skipBlankLines: false, skipComments: false }],
    },
  },
  {
    name: 'repo/rules',
    files: ['src/rules/*.ts'],
    ...eslintPlugin.configs.rules,
  },
  {
    name: 'repo/rules-strict',
    files: ['src/rules/*.ts'],
    rules: {
      'eslint-plugin/require-meta-docs-description': ['error', { pattern: '^(Disallow|Require|Enforce|Prefer) .*[^.]$' }],
      'eslint-plugin/meta-property-ordering': 'error',
      'eslint-plugin/require-meta-schema-description': 'error',
      'eslint-plugin/require-meta-default-options': 'error',
      'eslint-plugin/no-meta-schema-default': 'error',
      'eslint-plugin/require-meta-docs-url': 'off',
      // Our docs type sets `recommended` to the config name ('recommended' | 'strict' | false).
      'eslint-plugin/require-meta-docs-recommended': 'off',
      // Every rule works on JavaScript (ESLint's default language); no `meta.languages` needed.
      'eslint-plugin/require-meta-languages': 'off',
      'eslint-plugin/prefer-placeholders': 'error',
      'eslint-plugin/no-property-in-node': 'off',
      'no-restricted-syntax': [
        'error',
        {
          selector: 'MemberExpression[object.name="context"][property.name="options"]',
          message: 'Read options from create\'s second argument so meta.defaultOptions apply.',
        },
      ],
    },
  },
  {
    name: 'repo/rule-tests',
    files: ['tests/rules/*.test.ts'],
    ...eslintPlugin.configs.tests,
  },
  {
    name: 'repo/rule-tests-strict',
    files: ['tests/rules/*.test.ts'],
    rules: {
      'eslint-plugin/require-test-error-positions': 'error',
      'eslint-plugin/no-identical-tests': 'error',
      'eslint-plugin/no-only-tests': 'error',
    },
  },
  {
    // Dogfooding: our own rules on our own vitest suites.
    ...testQuality.configs.recommended,
    name: 'repo/dogfood',
    files: ['tests/**/*.test.ts'],
  },
);
