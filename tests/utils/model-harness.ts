import { Linter } from 'eslint';
import tsParser from '@typescript-eslint/parser';
import type { TSESLint } from '@typescript-eslint/utils';

import { getTestModel, type TestModel } from '../../src/utils/test-model.js';

/** Lints `code` with the real ESLint Linter and returns the test model a rule would see. */
export function modelOf(
  code: string,
  options: { filename?: string; settings?: Record<string, unknown>; sourceType?: 'module' | 'script' | 'commonjs' } = {},
): TestModel {
  let captured: TestModel | null = null;
  const probe: TSESLint.RuleModule<'never'> = {
    meta: { type: 'problem', schema: [], messages: { never: 'never' } },
    defaultOptions: [],
    create(context) {
      return {
        Program() {
          captured = getTestModel(context);
        },
      };
    },
  };
  const linter = new Linter({ configType: 'flat' });
  const messages = linter.verify(
    code,
    [
      {
        files: ['**/*.{js,jsx,mjs,cjs,ts,tsx,mts,cts}'],
        languageOptions: {
          parser: tsParser,
          sourceType: options.sourceType ?? 'module',
          parserOptions: { ecmaFeatures: { jsx: true } },
        },
        settings: options.settings ?? {},
        plugins: { probe: { rules: { probe: probe as never } } },
        rules: { 'probe/probe': 'error' },
      },
    ],
    options.filename ?? 'example.test.ts',
  );
  const fatal = messages.find((message) => message.fatal === true);
  if (fatal !== undefined) {
    throw new Error(`parse error: ${fatal.message}`);
  }
  if (captured === null) {
    throw new Error('the probe rule did not run');
  }
  return captured;
}

/** Like `modelOf`, but also returns the SourceCode, for model queries that need scopes (`findUnhandledPromise`). */
export function modelAndSourceOf(
  code: string,
  options: { filename?: string; sourceType?: 'module' | 'script' | 'commonjs' } = {},
): { model: TestModel; sourceCode: TSESLint.SourceCode } {
  let captured: { model: TestModel; sourceCode: TSESLint.SourceCode } | null = null;
  const probe: TSESLint.RuleModule<'never'> = {
    meta: { type: 'problem', schema: [], messages: { never: 'never' } },
    defaultOptions: [],
    create(context) {
      return {
        'Program:exit'() {
          captured = { model: getTestModel(context), sourceCode: context.sourceCode };
        },
      };
    },
  };
  const messages = new Linter({ configType: 'flat' }).verify(
    code,
    [
      {
        files: ['**/*.{js,jsx,mjs,cjs,ts,tsx,mts,cts}'],
        languageOptions: { parser: tsParser, sourceType: options.sourceType ?? 'module', parserOptions: { ecmaFeatures: { jsx: true } } },
        plugins: { probe: { rules: { probe: probe as never } } },
        rules: { 'probe/probe': 'error' },
      },
    ],
    options.filename ?? 'example.test.ts',
  );
  const fatal = messages.find((message) => message.fatal === true);
  if (fatal !== undefined) {
    throw new Error(`parse error: ${fatal.message}`);
  }
  if (captured === null) {
    throw new Error('the probe rule did not run');
  }
  return captured;
}
