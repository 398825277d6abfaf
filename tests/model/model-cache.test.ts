import tsParser from '@typescript-eslint/parser';
import { Linter, type SourceCode } from 'eslint';
import { describe, expect, it } from 'vitest';

import plugin from '../../src/index.js';
import { modelStats } from '../../src/model/builder.js';

// Issue #26: the model is cached per SourceCode *and* settings. Linting the same SourceCode again
// under other settings (`linter.verify(sourceCode, otherConfig)`, as editor integrations and
// multi-pass tools do) must give what a fresh lint under those settings gives.

/** `scenario` is a test only where settings say so; its unawaited assertion is reported only then. */
const CODE = `
import { expect } from 'vitest';
scenario('loads', async () => {
  expect(load()).resolves.toBe(1);
  await settle();
});
`;

const configWith = (settings: Record<string, unknown> | undefined): Linter.Config[] => [
  { files: ['**/*.ts'], languageOptions: { parser: tsParser as Linter.Parser } },
  { ...(plugin.configs.all as Linter.Config), files: ['**/*.ts'], ...(settings === undefined ? {} : { settings }) },
];

const PLAIN = configWith(undefined);
const SCENARIO = configWith({ 'test-quality': { testFunctions: ['scenario'] } });
/** Equal settings in another object: the same model may serve both. */
const SCENARIO_AGAIN = configWith({ 'test-quality': { testFunctions: ['scenario'] } });

const summary = (messages: readonly Linter.LintMessage[]): string[] => messages.map((message) => `${message.ruleId ?? 'fatal'} ${message.line}:${message.column}`);

function sourceCodeOf(linter: Linter, config: Linter.Config[]): { first: string[]; sourceCode: SourceCode } {
  const first = summary(linter.verify(CODE, config, 'a.test.ts'));
  return { first, sourceCode: linter.getSourceCode() as SourceCode };
}

describe('the model cache', () => {
  it('tells the two settings apart when each file is linted fresh', () => {
    const linter = new Linter({ configType: 'flat' });
    const plain = summary(linter.verify(CODE, PLAIN, 'a.test.ts'));
    const scenario = summary(linter.verify(CODE, SCENARIO, 'a.test.ts'));
    expect(plain).not.toContain('test-quality/no-unawaited-assertion 4:3');
    expect(scenario).toContain('test-quality/no-unawaited-assertion 4:3');
  });

  it('gives the same SourceCode linted under other settings the findings of those settings', () => {
    const linter = new Linter({ configType: 'flat' });
    const fresh = summary(new Linter({ configType: 'flat' }).verify(CODE, SCENARIO, 'a.test.ts'));
    const { first, sourceCode } = sourceCodeOf(linter, PLAIN);
    expect(summary(linter.verify(sourceCode, SCENARIO, 'a.test.ts'))).toEqual(fresh);
    // And back: the first settings' model was kept apart, not overwritten.
    expect(summary(linter.verify(sourceCode, PLAIN, 'a.test.ts'))).toEqual(first);
  });

  it('shares one model between equal settings written as two objects', () => {
    const linter = new Linter({ configType: 'flat' });
    const { first, sourceCode } = sourceCodeOf(linter, SCENARIO);
    const builds = modelStats.builds;
    expect(summary(linter.verify(sourceCode, SCENARIO_AGAIN, 'a.test.ts'))).toEqual(first);
    expect(modelStats.builds).toBe(builds);
  });
});
