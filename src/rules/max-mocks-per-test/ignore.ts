import { compileNamePatterns } from '../../options/name-patterns.js';

/** Reads the `ignore` entries: `/re/flags` is a regular expression (which must compile), anything else an exact name. */
export const compileIgnore = (entries: readonly string[]): ((name: string) => boolean) =>
  compileNamePatterns(entries, 'rule "test-quality/max-mocks-per-test": option "ignore"');
