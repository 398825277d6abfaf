import { RuleTester } from '@typescript-eslint/rule-tester';

/** The shared RuleTester: TypeScript parser with JSX, ESM. Use `sourceType: 'script'` per case for CommonJS. */
export function createRuleTester(): RuleTester {
  return new RuleTester({
    languageOptions: {
      parserOptions: {
        ecmaFeatures: { jsx: true },
      },
    },
  });
}
