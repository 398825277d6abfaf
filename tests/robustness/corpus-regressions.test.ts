import { describe, expect, it } from 'vitest';

import { configFor, createLinter, lint, type LintSetup } from './lint-harness.js';

/**
 * Shapes from the dev corpus (docs/evaluation.md) that once crashed a rule. Each is a small
 * program written for this repository that reproduces the crash; all rules must lint it cleanly.
 */
interface Regression {
  readonly name: string;
  readonly filename: string;
  readonly code: string;
  readonly setup?: LintSetup;
}

const regressions: readonly Regression[] = [
  {
    // max-mocks-per-test walked `parent` past Program (null) in isInsideHoisted.
    name: 'a mock made in an exported helper outside any test (shared test sequences)',
    filename: 'src/__tests__/sequences/Subscribe.ts',
    code: `import type { Target } from '../../target';
export default function Subscribe(target: Target) {
  const spy = jest.fn();
  const stop = target.subscribe(spy);
  expect(spy).not.toHaveBeenCalled();
  stop();
}
`,
  },
  {
    // max-mocks-per-test walked `parent` past Program (null) in helperRoot.
    name: 'a module replacement inside an object-literal test map (CommonJS, testdouble)',
    filename: 'test/lib/pad-test.js',
    setup: { sourceType: 'script' },
    code: `module.exports = {
  'swaps a module': function () {
    const fake = td.replace('left-pad');
    const pad = require('../../lib/pad');
    td.when(fake('x')).thenReturn('y');
    assert.equal(pad('x'), 'y');
  },
};
`,
  },
];

describe('corpus regressions', () => {
  const linter = createLinter();
  for (const regression of regressions) {
    it(`lints without a crash: ${regression.name}`, () => {
      const outcome = lint(linter, regression.code, configFor(regression.setup), regression.filename);
      expect(outcome.crash?.stack ?? null).toBeNull();
      expect(outcome.fatal).toBe(false);
    });
  }
});
