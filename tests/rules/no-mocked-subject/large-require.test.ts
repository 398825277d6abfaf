import tsParser from '@typescript-eslint/parser';
import { type ESLint, Linter } from 'eslint';
import { describe, expect, it } from 'vitest';

import maxMocksPerTest from '../../../src/rules/max-mocks-per-test.js';
import noMockedSubject from '../../../src/rules/no-mocked-subject.js';

// Issue #26: a module required under very many names and mocked must not overflow the stack in
// either mock rule (no spread of unbounded arrays into calls). 130,000 names is just past V8's limit
// for `push(...names)`, so no smaller file shows the crash; the parser's cost for that many
// bindings is paid once, for both rules in one run. The source is built here.
const NAMES = Array.from({ length: 130_000 }, (_unused, index) => `a${index}`).join(', ');
const MORE_MOCKS = ['./b', './c', './d', './e', './f'].map((specifier) => `jest.mock('${specifier}');`).join('\n');
const SOURCE = `const { ${NAMES} } = require('./x');
jest.mock('./x');
${MORE_MOCKS}
test('x', () => { jest.spyOn(a0, 'm').mockReturnValue(1); expect(a1()).toBe(1); });`;

const plugin = { rules: { 'max-mocks-per-test': maxMocksPerTest, 'no-mocked-subject': noMockedSubject } } as unknown as ESLint.Plugin;

describe('the mock rules on a module required under 130,000 names', () => {
  it('report the mocked subject and the six module mocks once each, without throwing', { timeout: 300_000 }, () => {
    const messages = new Linter({ configType: 'flat' }).verify(
      SOURCE,
      [
        {
          files: ['**/*.js'],
          languageOptions: { parser: tsParser as Linter.Parser, sourceType: 'script' },
          plugins: { 'test-quality': plugin },
          rules: { 'test-quality/max-mocks-per-test': 'error', 'test-quality/no-mocked-subject': 'error' },
        },
      ],
      'src/x.test.js',
    );
    expect(messages.map((message) => [message.ruleId, message.line, message.fatal === true ? message.message : null])).toEqual([
      ['test-quality/no-mocked-subject', 2, null],
      ['test-quality/max-mocks-per-test', 7, null],
    ]);
  });
});
