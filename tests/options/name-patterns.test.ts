import { describe, expect, it } from 'vitest';

import { compileNamePatterns, OptionError } from '../../src/options/name-patterns.js';

const OPTION = 'rule "test-quality/x": option "ignore"';

describe('compileNamePatterns', () => {
  it('matches exact names and /…/flags regular expressions', () => {
    const matches = compileNamePatterns(['console', '/^logger\\./u', '/FETCH/i'], OPTION);
    expect(['console', 'logger.info', 'fetch', 'console.log', 'mylogger.info'].map(matches)).toEqual([true, true, true, false, false]);
  });

  it('takes an entry that only looks like a path as a name', () => {
    const matches = compileNamePatterns(['./logger', '/'], OPTION);
    expect(['./logger', '/', 'logger'].map(matches)).toEqual([true, true, false]);
  });

  it('throws an OptionError naming the option, the index, the entry and the reason for a pattern that does not compile', () => {
    expect(() => compileNamePatterns(['console', '/(/u'], OPTION)).toThrow(OptionError);
    expect(() => compileNamePatterns(['console', '/(/u'], OPTION)).toThrow(
      'eslint-plugin-test-quality: rule "test-quality/x": option "ignore"[1] is "/(/u", which is written as a regular expression (/source/flags) but does not compile: Invalid regular expression: /(/u: Unterminated group. Fix the pattern, or write the exact name without slashes.',
    );
    expect(() => compileNamePatterns(['/a/gg'], OPTION)).toThrow(/option "ignore"\[0\] is "\/a\/gg".*Invalid flags/u);
  });
});
