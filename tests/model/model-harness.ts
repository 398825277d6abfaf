import { Linter } from 'eslint';
import tsParser from '@typescript-eslint/parser';
import type { TSESLint } from '@typescript-eslint/utils';

import { getTestModel, type TestModel } from '../../src/model/test-model.js';

interface HarnessOptions {
  filename?: string;
  settings?: Record<string, unknown>;
  sourceType?: 'module' | 'script' | 'commonjs';
}

/** Lints `code` with the real ESLint Linter and returns the test model a rule would see, with its SourceCode. */
export function modelAndSourceOf(code: string, options: HarnessOptions = {}): { model: TestModel; sourceCode: TSESLint.SourceCode } {
  let captured: { model: TestModel; sourceCode: TSESLint.SourceCode } | null = null;
  const probe: TSESLint.RuleModule<'never'> = {
    meta: { type: 'problem', schema: [], messages: { never: 'never' } },
    defaultOptions: [],
    create(context) {
      return {
        Program() {
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

/** The test model a rule would see for `code`. */
export function modelOf(code: string, options: HarnessOptions = {}): TestModel {
  return modelAndSourceOf(code, options).model;
}
