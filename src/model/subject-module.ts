/**
 * The module a test file tests, read from the file's own name and place, never from the disk:
 * `foo.test.ts`, `foo.spec.js`, `foo-test.js`, `__tests__/foo.ts` and `test/foo.test.ts` all test
 * `foo`, which lives next to the test, one folder up, or in the `src`/`lib` tree that mirrors the
 * test tree. Specifiers are compared after dropping JS/TS extensions and a trailing `/index`;
 * path aliases come from `settings['test-quality'].pathAliases`.
 */
import path from 'node:path';

import { nameWords } from '../ast/nodes.js';

import type { TestQualitySettings } from './settings.js';

const SCRIPT_EXTENSION = /\.(?:[cm]?[jt]sx?)$/u;
/** `.test`, `.spec`, `-test`, `_spec`… before the extension, with an optional kind (`.unit.test`). */
const TEST_SUFFIX = /(?:[.\-_](?:unit|int|integration|node|browser|server|client))?[.\-_](?:test|spec)s?$/u;
/** Folders that hold tests rather than code. */
const TEST_FOLDERS: ReadonlySet<string> = new Set(['__tests__', '__test__', 'test', 'tests', 'spec', 'specs']);
/** Sub-folders of a test folder that sort tests by kind, not by module. */
const KIND_FOLDERS: ReadonlySet<string> = new Set(['unit', 'units', 'integration', 'int', 'node', 'browser']);
/** Where the code of a test folder's modules usually lives, relative to the test folder's parent. */
const SOURCE_FOLDERS: readonly string[] = ['', 'src', 'lib', 'source'];

const toPosix = (value: string): string => value.replaceAll('\\', '/');

const isAbsolutePath = (value: string): boolean => value.startsWith('/') || /^[a-z]:\//iu.test(value);

const stripScriptExtension = (value: string): string => value.replace(SCRIPT_EXTENSION, '');

/** `/a/b/index` and `/a/b/` both mean `/a/b`. */
function normaliseModulePath(value: string): string {
  let result = stripScriptExtension(path.posix.normalize(value));
  if (result.endsWith('/')) {
    result = result.slice(0, -1);
  }
  if (result.endsWith('/index')) {
    result = result.slice(0, -'/index'.length);
  } else if (result === 'index') {
    result = '.';
  }
  return result === '' ? '/' : result;
}

/**
 * The name of the module a test file tests (`src/foo.test.ts` → `foo`, `__tests__/bar.js` → `bar`),
 * or null when the file name does not say (no test suffix and not inside a test folder).
 */
export function getSubjectName(filename: string): string | null {
  const posix = toPosix(filename);
  const base = path.posix.basename(posix);
  if (!SCRIPT_EXTENSION.test(base)) {
    return null;
  }
  const stem = stripScriptExtension(base);
  const withoutSuffix = stem.replace(TEST_SUFFIX, '');
  if (withoutSuffix !== stem) {
    return withoutSuffix === '' ? null : withoutSuffix;
  }
  const folders = path.posix.dirname(posix).split('/');
  return folders.some((folder) => TEST_FOLDERS.has(folder)) && stem !== '' ? stem : null;
}

/** Kinds in a test's name that name a platform variant of the module (`foo.browser.spec.ts` may test `foo.browser`). */
const VARIANT_SUFFIX = /[.\-_](node|browser|server|client)[.\-_](?:test|spec)s?$/u;

/**
 * The platform variant a test file's name carries (`browser` for `foo.browser.spec.ts`), or null. Such a file
 * tests `foo` or `foo.browser`; which one, only its imports say (see `no-mocked-subject`).
 */
export function getSubjectVariant(filename: string): string | null {
  const stem = stripScriptExtension(path.posix.basename(toPosix(filename)));
  return VARIANT_SUFFIX.exec(stem)?.[1] ?? null;
}

/** The last segment of a specifier without its script extension: `./a/foo.browser.js` → `foo.browser`. */
export const specifierStem = (specifier: string): string => stripScriptExtension(path.posix.basename(toPosix(specifier)));

/** Absolute (or cwd-relative) paths, without extension and `/index`, where the subject module may live. */
export function getSubjectPaths(filename: string): string[] {
  const name = getSubjectName(filename);
  if (name === null) {
    return [];
  }
  const directory = path.posix.dirname(toPosix(filename));
  const candidates = new Set<string>([normaliseModulePath(`${directory}/${name}`)]);
  const folders = directory.split('/');
  // The innermost test folder: `pkg/test/unit/utils/foo.test.ts` → `pkg/{,src,lib,source}/utils/foo`.
  for (let index = folders.length - 1; index >= 0; index -= 1) {
    const folder = folders[index];
    if (folder === undefined || !TEST_FOLDERS.has(folder)) {
      continue;
    }
    const before = folders.slice(0, index);
    let after = folders.slice(index + 1);
    if (after[0] !== undefined && KIND_FOLDERS.has(after[0])) {
      after = after.slice(1);
    }
    for (const source of SOURCE_FOLDERS) {
      const parts = [...before, ...(source === '' ? [] : [source]), ...after, name];
      candidates.add(normaliseModulePath(parts.join('/')));
    }
    break;
  }
  return [...candidates];
}

/** Where a specifier points, resolved against the test file (relative) or the alias map; null for packages. */
function specifierPaths(filename: string, specifier: string, settings: Pick<TestQualitySettings, 'pathAliases'>, cwd: string): { exact: string[]; suffix: string[] } {
  const exact: string[] = [];
  const suffix: string[] = [];
  const posixSpecifier = toPosix(specifier);
  // The path before a query or hash; a search, not `/[?#].*$/`, which backtracks on every `?` of `??…?\n`.
  const cut = posixSpecifier.search(/[?#]/u);
  const clean = cut === -1 ? posixSpecifier : posixSpecifier.slice(0, cut);
  if (clean === '.' || clean === '..' || clean.startsWith('./') || clean.startsWith('../')) {
    exact.push(normaliseModulePath(path.posix.join(path.posix.dirname(toPosix(filename)), clean)));
    return { exact, suffix };
  }
  for (const [prefix, target] of settings.pathAliases) {
    if (prefix === '' || !(clean === prefix || clean.startsWith(prefix) || (prefix.endsWith('/') && clean === prefix.slice(0, -1)))) {
      continue;
    }
    const rest = clean.length > prefix.length ? clean.slice(prefix.length) : '';
    const joined = toPosix(target).endsWith('/') || rest === '' || rest.startsWith('/') ? `${toPosix(target)}${rest}` : `${toPosix(target)}/${rest}`;
    if (path.posix.isAbsolute(joined)) {
      exact.push(normaliseModulePath(joined));
    } else {
      exact.push(normaliseModulePath(path.posix.join(toPosix(cwd), joined)));
      // A relative alias target also matches the same tree under another root (monorepo packages).
      const relative = normaliseModulePath(joined).replace(/^\.\//u, '');
      if (relative !== '.' && relative !== '/' && !relative.startsWith('../')) {
        suffix.push(`/${relative}`);
      }
    }
  }
  return { exact, suffix };
}

/**
 * Whether `specifier`, written in the test file `filename`, names the module that file tests.
 * Relative specifiers and aliased ones (`settings.pathAliases`) are compared without touching
 * the file system; package names never match.
 */
export function isSubjectSpecifier(
  filename: string,
  specifier: string,
  settings: Pick<TestQualitySettings, 'pathAliases'>,
  cwd: string = process.cwd(),
): boolean {
  const posixFilename = toPosix(filename);
  const absolute = isAbsolutePath(posixFilename) ? posixFilename : path.posix.join(toPosix(cwd), posixFilename);
  const subjects = getSubjectPaths(absolute);
  if (subjects.length === 0) {
    return false;
  }
  const { exact, suffix } = specifierPaths(absolute, specifier, settings, cwd);
  return subjects.some((subject) => exact.includes(subject) || suffix.some((end) => subject.endsWith(end)));
}

const MOCKING_WORDS: ReadonlySet<string> = new Set([
  'mock', 'mocks', 'mocker', 'mocking', 'stub', 'stubs', 'stubbing', 'spy', 'spies', 'spying', 'fake', 'fakes',
  'double', 'doubles', 'sandbox', 'sinon', 'testdouble', 'tinyspy',
]);

/**
 * The file tests a mocking utility (`mock-fetch.test.ts`, `spy.spec.js`, `sinon/__tests__/index.ts`):
 * creating doubles is then the behaviour under test, not over-mocking.
 */
export function isMockingSubject(filename: string): boolean {
  const name = getSubjectName(filename);
  if (name === null) {
    return false;
  }
  const posix = toPosix(filename);
  const own = nameWords(name);
  if (name === 'index' || name === 'main') {
    const folders = path.posix.dirname(posix).split('/').filter((folder) => !TEST_FOLDERS.has(folder) && !KIND_FOLDERS.has(folder) && folder !== 'src' && folder !== 'lib');
    for (const word of nameWords(folders.at(-1) ?? '')) {
      own.push(word);
    }
  }
  return own.some((word) => MOCKING_WORDS.has(word));
}
