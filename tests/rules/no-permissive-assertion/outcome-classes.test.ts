import { describe, expect, it } from 'vitest';

import {
  classify,
  createNameMatcher,
  describeClasses,
  intervalClasses,
  lastWord,
  mixesOutcomes,
  nameMatches,
  nameSet,
  statusNamedInTitle,
  wordNamedInTitle,
} from '../../../src/rules/no-permissive-assertion/outcome-classes.js';

const status = { statusLike: true, stateLike: false };
const state = { statusLike: false, stateLike: true };
const neither = { statusLike: false, stateLike: false };
const open = { low: -Infinity, high: Infinity, lowInclusive: false, highInclusive: false };

describe('classify and mixesOutcomes', () => {
  it('mixes 2xx with 4xx, and 5xx with anything else', () => {
    const mixed = classify([200, 404], [], status);
    expect(mixed).toEqual({ family: 'http', classes: ['2xx', '4xx'] });
    expect(mixed !== null && mixesOutcomes(mixed)).toBe(true);
    const serverOrClient = classify([400, 500], [], status);
    expect(serverOrClient !== null && mixesOutcomes(serverOrClient)).toBe(true);
  });

  it('keeps one class, 2xx with 3xx, and 3xx with 4xx apart from failures', () => {
    for (const values of [[401, 403], [301, 302], [201, 302], [302, 401]]) {
      const classification = classify(values, [], status);
      expect(classification !== null && mixesOutcomes(classification)).toBe(false);
    }
  });

  it('needs a status-like name and HTTP-range values', () => {
    expect(classify([200, 404], [], neither)).toBeNull();
    expect(classify([0, 200], [], status)).toBeNull();
    expect(classify([], [{ ...open, low: 0, lowInclusive: false }], status)).toBeNull();
  });

  it('classifies ranges by the classes they overlap', () => {
    expect(intervalClasses({ ...open, low: 400, lowInclusive: true })).toEqual(['4xx', '5xx']);
    expect(intervalClasses({ ...open, high: 400, highInclusive: false })).toEqual(['1xx', '2xx', '3xx']);
    expect(intervalClasses({ low: 200, high: 299, lowInclusive: true, highInclusive: true })).toEqual(['2xx']);
  });

  it('classifies state words and booleans', () => {
    const states = classify(['completed', 'failed', 'active'], [], state);
    expect(states).toEqual({ family: 'state', classes: ['success', 'pending', 'failure'] });
    expect(states === null ? '' : describeClasses(states)).toBe('success and failure states');
    expect(classify(['success', 'error'], [], neither)).toBeNull();
    const booleans = classify([true, false], [], neither);
    expect(booleans !== null && mixesOutcomes(booleans)).toBe(true);
  });
});

describe('names and titles', () => {
  it('matches names whole or by their last word, ignoring a get prefix', () => {
    const names = nameSet(['status', 'statusCode']);
    expect(nameMatches('jobStatus', names)).toBe(true);
    expect(nameMatches('getStatus', names)).toBe(true);
    expect(nameMatches('STATUS_CODE', names)).toBe(false);
    expect(nameMatches('statuses', names)).toBe(false);
  });

  it('reads the last word of a name as splitting it into words would', () => {
    const splitLast = (name: string): string | undefined =>
      name
        .replace(/([a-z0-9])([A-Z])/gu, '$1 $2')
        .split(/[\s_-]+/u)
        .filter((word) => word.length > 0)
        .map((word) => word.toLowerCase())
        .at(-1);
    const names = ['jobStatus', 'status_code', 'HTTP_STATUS', 'XMLHttpRequest', 'status2', 'status2Code', 'ABCdef', 'a b', 'x-y', 'trailing_', 'lead-', '__', '', 'S', 'aB', 'a1B2c', 'job status\t'];
    expect(names.map((name) => lastWord(name))).toEqual(names.map((name) => splitLast(name)));
    expect(['jobStatus', 'HTTP_STATUS', 'XMLHttpRequest', 'status2Code', '__'].map((name) => lastWord(name))).toEqual(['status', 'status', 'request', 'code', undefined]);
  });

  it('gives a matcher that answers as nameMatches does, asked once or again', () => {
    const names = nameSet(['status', 'statusCode']);
    const matches = createNameMatcher(names);
    const asked = ['jobStatus', 'getStatus', 'STATUS_CODE', 'statuses', 'jobStatus', 'statuses'];
    expect(asked.map((name) => matches(name))).toEqual([true, true, false, false, true, false]);
    expect(asked.map((name) => matches(name))).toEqual(asked.map((name) => nameMatches(name, names)));
  });

  it('reads one status or one word from a title', () => {
    expect(statusNamedInTitle('returns 404 for a missing user')).toBe(404);
    expect(statusNamedInTitle('maps 404 to 500')).toBeNull();
    expect(statusNamedInTitle('handles 1000 items')).toBeNull();
    expect(wordNamedInTitle('marks the job completed', ['completed', 'failed'])).toBe('completed');
  });
});
