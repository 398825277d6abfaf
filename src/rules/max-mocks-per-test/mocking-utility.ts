import path from 'node:path';

import { nameWords } from '../../ast/nodes.js';
import { getSubjectName, isMockingSubject, isSubjectSpecifier, type TestModel } from '../../model/index.js';

/**
 * Does the file test a mocking utility, so that making doubles is the behaviour under test? A
 * mocking word in the file name is not enough (`doubleCharge.test.ts`, `fake-news-filter.test.ts`,
 * `sandbox-env.test.ts` test business code): the file must load, as its subject, a module whose
 * name says it makes doubles, or the source of a mocking library; or be such a module itself,
 * declaring no tests (`test/setupMocks.ts`).
 */

/** Words that, in a module's name, only ever mean a test double. */
const DOUBLE_WORDS: ReadonlySet<string> = new Set(['mock', 'mocks', 'mocker', 'mocking', 'stub', 'stubs', 'stubbing', 'spy', 'spies', 'spying', 'sinon', 'testdouble', 'tinyspy']);
/** `fake` is a double only before what is usually faked: `fake-timers`, `fakeXhr`, `fake-server`. */
const FAKED_THINGS: ReadonlySet<string> = new Set(['timers', 'timer', 'xhr', 'server', 'clock', 'fetch', 'fs', 'indexeddb']);
/** Mocking libraries whose own source a test may load by a relative path (`../lib/sinon/sandbox`). */
const MOCKING_LIBRARIES: ReadonlySet<string> = new Set(['sinon', 'testdouble', 'tinyspy', 'jest-mock', 'fake-timers', 'nise']);
const TEST_FOLDERS: ReadonlySet<string> = new Set(['__tests__', '__test__', 'test', 'tests', 'spec', 'specs', 'unit', 'src', 'lib']);

/** The name says a double: a double word, or `fake` before a thing usually faked. */
function namesADouble(name: string): boolean {
  const parts = nameWords(name);
  return parts.some((word, index) => DOUBLE_WORDS.has(word) || (word === 'fake' && FAKED_THINGS.has(parts[index + 1] ?? '')));
}

/** The words the subject is known by: its name, or for `index`/`main` its folder's name. */
function subjectNames(filename: string, subject: string): string[] {
  if (subject !== 'index' && subject !== 'main') {
    return [subject];
  }
  const folders = path.posix.dirname(filename.replaceAll('\\', '/')).split('/').filter((folder) => !TEST_FOLDERS.has(folder));
  return [subject, folders.at(-1) ?? ''];
}

/** A relative import of a mocking library's own source: `require('../lib/sinon/sandbox')`. */
function loadsMockingLibrarySource(model: TestModel): boolean {
  return model.imports.some(
    (record) => record.specifier.startsWith('.') && record.specifier.split('/').some((segment) => MOCKING_LIBRARIES.has(segment.replace(/\.(?:[cm]?[jt]sx?)$/u, ''))),
  );
}

export function testsMockingUtility(filename: string, model: TestModel, cwd: string): boolean {
  if (loadsMockingLibrarySource(model)) {
    return true;
  }
  const subject = getSubjectName(filename);
  if (subject === null || !isMockingSubject(filename) || !subjectNames(filename, subject).some(namesADouble)) {
    return false;
  }
  // A doubles module with no tests of its own (`test/setupMocks.ts`) exists to make doubles for others.
  return !model.hasTests || model.imports.some((record) => isSubjectSpecifier(filename, record.specifier, model.settings, cwd));
}
