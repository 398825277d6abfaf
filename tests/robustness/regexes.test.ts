import { describe, expect, it } from 'vitest';

import { SHOULD_MEMBER_TEXT } from '../../src/model/builder.js';
import { getSubjectName, getSubjectPaths, isMockingSubject, isSubjectSpecifier } from '../../src/model/subject-module.js';

// Issue #26: every regex of the model that reads user text (source text, file names, import
// specifiers) is linear by construction: no nested or adjacent quantifiers that can overlap. Each
// gets 1 MB strings shaped to make a backtracking one take minutes (the shapes that hit the
// `[?#].*$` this replaced, and the like); a linear one reads them in milliseconds. Nothing is
// timed here: a quadratic regex would blow the test's timeout by far.

const MB = 1 << 20;
const repeat = (unit: string, bytes = MB): string => unit.repeat(Math.ceil(bytes / unit.length));

const NO_ALIASES = { pathAliases: new Map<string, string>() };

describe('regexes of the model over 1 MB of adversarial text', () => {
  it('the `.should` probe of the source text', () => {
    expect(SHOULD_MEMBER_TEXT.test(`.${repeat(' ')}x`)).toBe(false);
    expect(SHOULD_MEMBER_TEXT.test(repeat('. '))).toBe(false);
    expect(SHOULD_MEMBER_TEXT.test(repeat('.\n\t should'))).toBe(true);
    expect(SHOULD_MEMBER_TEXT.test(repeat('.shoul'))).toBe(false);
  });

  it('file names: script extensions and test suffixes', () => {
    expect(getSubjectName(`/repo/${repeat('.js')}x`)).toBeNull();
    expect(getSubjectName(`/repo/a${repeat('.unit')}.ts`)).toBeNull();
    expect(getSubjectName(`/repo/a${repeat('-spec_')}spec.js`)).not.toBeNull();
    expect(getSubjectName(`/repo/a${repeat('.integration')}.test.ts`)?.length).toBe(repeat('.integration').length - '.integration'.length + 1);
    expect(getSubjectPaths(`/repo/test/${repeat('.tsx')}.test.ts`)).not.toEqual([]);
  });

  it('import specifiers with queries and hashes', () => {
    expect(isSubjectSpecifier('/repo/src/foo.test.ts', `./foo${repeat('?')}\nx`, NO_ALIASES)).toBe(true);
    expect(isSubjectSpecifier('/repo/src/foo.test.ts', `./foo${repeat('#\n')}`, NO_ALIASES)).toBe(true);
    expect(isSubjectSpecifier('/repo/src/foo.test.ts', `./bar${repeat('x?')}`, NO_ALIASES)).toBe(false);
  });

  it('words of file names', () => {
    expect(isMockingSubject(`/repo/${repeat('aB')}.test.ts`)).toBe(false);
    expect(isMockingSubject(`/repo/${repeat('-')}mock.test.ts`)).toBe(true);
    expect(isMockingSubject(`/repo/${repeat('A1')}Spy.test.ts`)).toBe(true);
  });
});
