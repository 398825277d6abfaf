import { describe, expect, it } from 'vitest';

import { getSubjectName, getSubjectPaths, isMockingSubject, isSubjectSpecifier } from '../../src/model/subject-module.js';

const noAliases = { pathAliases: new Map<string, string>() };
const srcAlias = { pathAliases: new Map([['@/', 'src/']]) };

describe('getSubjectName', () => {
  it('reads the name before a test suffix', () => {
    expect(getSubjectName('/repo/src/foo.test.ts')).toBe('foo');
    expect(getSubjectName('/repo/src/foo.spec.js')).toBe('foo');
    expect(getSubjectName('/repo/src/user-service.unit.test.tsx')).toBe('user-service');
    expect(getSubjectName('/repo/test/foo-test.js')).toBe('foo');
    expect(getSubjectName('/repo/test/foo_spec.mjs')).toBe('foo');
    expect(getSubjectName('/repo/src/app.component.spec.ts')).toBe('app.component');
    expect(getSubjectName('C:\\repo\\src\\foo.test.ts')).toBe('foo');
  });

  it('reads the file name inside a test folder', () => {
    expect(getSubjectName('/repo/src/__tests__/foo.ts')).toBe('foo');
    expect(getSubjectName('/repo/test/unit/bar.js')).toBe('bar');
  });

  it('gives null when the name does not say', () => {
    expect(getSubjectName('/repo/src/foo.ts')).toBeNull();
    expect(getSubjectName('/repo/src/latest.ts')).toBeNull();
    expect(getSubjectName('/repo/src/contest.js')).toBeNull();
    expect(getSubjectName('/repo/src/.test.ts')).toBeNull();
    expect(getSubjectName('/repo/test/data.json')).toBeNull();
  });
});

describe('getSubjectPaths', () => {
  it('maps a test tree onto the source tree', () => {
    expect(getSubjectPaths('/repo/test/utils/foo.test.ts')).toEqual([
      '/repo/test/utils/foo',
      '/repo/utils/foo',
      '/repo/src/utils/foo',
      '/repo/lib/utils/foo',
      '/repo/source/utils/foo',
    ]);
    expect(getSubjectPaths('/repo/src/__tests__/foo.ts')).toContain('/repo/src/foo');
    expect(getSubjectPaths('/repo/test/unit/foo.test.js')).toContain('/repo/src/foo');
  });

  it('treats an index test as a test of its folder', () => {
    expect(getSubjectPaths('/repo/src/api/index.test.ts')).toEqual(['/repo/src/api']);
  });

  it('is empty for files that are not tests', () => {
    expect(getSubjectPaths('/repo/src/foo.ts')).toEqual([]);
  });
});

describe('isSubjectSpecifier', () => {
  it('matches relative specifiers with or without extension and index', () => {
    expect(isSubjectSpecifier('/repo/src/foo.test.ts', './foo', noAliases)).toBe(true);
    expect(isSubjectSpecifier('/repo/src/foo.test.ts', './foo.js', noAliases)).toBe(true);
    expect(isSubjectSpecifier('/repo/src/foo.test.ts', './foo.ts', noAliases)).toBe(true);
    expect(isSubjectSpecifier('/repo/src/foo.test.ts', './foo/index', noAliases)).toBe(true);
    expect(isSubjectSpecifier('/repo/src/__tests__/foo.ts', '../foo', noAliases)).toBe(true);
    expect(isSubjectSpecifier('/repo/test/foo.test.ts', '../src/foo', noAliases)).toBe(true);
    expect(isSubjectSpecifier('/repo/test/foo.test.ts', '../lib/foo.js', noAliases)).toBe(true);
    expect(isSubjectSpecifier('/repo/src/api/index.test.ts', '.', noAliases)).toBe(true);
    expect(isSubjectSpecifier('/repo/src/api/index.test.ts', './index.js', noAliases)).toBe(true);
  });

  it('does not match look-alike names, assets or packages', () => {
    expect(isSubjectSpecifier('/repo/src/foo.test.ts', './foo-utils', noAliases)).toBe(false);
    expect(isSubjectSpecifier('/repo/src/foo.test.ts', './foo.css', noAliases)).toBe(false);
    expect(isSubjectSpecifier('/repo/src/foo.test.ts', '../foo', noAliases)).toBe(false);
    expect(isSubjectSpecifier('/repo/src/foo.test.ts', 'foo', noAliases)).toBe(false);
    expect(isSubjectSpecifier('/repo/src/foo.test.ts', './bar/foo', noAliases)).toBe(false);
    expect(isSubjectSpecifier('/repo/src/foo.ts', './foo', noAliases)).toBe(false);
  });

  it('resolves path aliases against the working directory or as a path suffix', () => {
    expect(isSubjectSpecifier('/repo/src/lib/foo.test.ts', '@/lib/foo', srcAlias, '/repo')).toBe(true);
    expect(isSubjectSpecifier('/repo/packages/a/src/lib/foo.test.ts', '@/lib/foo', srcAlias, '/repo')).toBe(true);
    expect(isSubjectSpecifier('/repo/src/lib/foo.test.ts', '@/lib/bar', srcAlias, '/repo')).toBe(false);
    expect(isSubjectSpecifier('/repo/src/lib/foo.test.ts', '@/lib/foo', noAliases, '/repo')).toBe(false);
    expect(isSubjectSpecifier('src/lib/foo.test.ts', '@/lib/foo', srcAlias, '/repo')).toBe(true);
    expect(isSubjectSpecifier('C:\\repo\\src\\foo.test.ts', './foo', noAliases, '/elsewhere')).toBe(true);
    expect(isSubjectSpecifier('/repo/src/foo.test.ts', '~/foo', { pathAliases: new Map([['~', '/repo/src']]) }, '/elsewhere')).toBe(true);
  });
});

describe('isMockingSubject', () => {
  it('recognises tests of mocking utilities', () => {
    expect(isMockingSubject('/repo/src/mock-fetch.test.ts')).toBe(true);
    expect(isMockingSubject('/repo/src/createMockClient.spec.ts')).toBe(true);
    expect(isMockingSubject('/repo/test/stub-test.js')).toBe(true);
    expect(isMockingSubject('/repo/packages/spy/src/__tests__/index.test.ts')).toBe(true);
  });

  it('leaves ordinary subjects alone', () => {
    expect(isMockingSubject('/repo/src/user-service.test.ts')).toBe(false);
    expect(isMockingSubject('/repo/src/spyglass.test.ts')).toBe(false);
    expect(isMockingSubject('/repo/src/index.test.ts')).toBe(false);
    expect(isMockingSubject('/repo/src/faker.test.ts')).toBe(false);
  });
});
