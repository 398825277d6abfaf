import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/types';

import { getKeyName, unwrapExpression } from '../../ast/nodes.js';

/**
 * What makes a count a retry count, for `no-magic-retry-count`: retry words in titles and names,
 * retry options (count assertions are read in `count-assertions.ts`, failing stubs in
 * `failing-doubles.ts`). Pure AST helpers; the rule combines them.
 */

const OTHER = 0;
const UPPER = 1;
const LOWER = 2;
const DIGIT = 3;

/** The class of an ASCII character code: capital, lower-case letter, digit, or anything else. */
function classOf(code: number): number {
  if (code >= 65 && code <= 90) {
    return UPPER;
  }
  if (code >= 97 && code <= 122) {
    return LOWER;
  }
  return code >= 48 && code <= 57 ? DIGIT : OTHER;
}


/**
 * Splits `axiosRetry`, `max_retries`, `HTTPRetry`, `should retry 3 times` into lower-case words, in
 * one pass over the characters (linear on any input, unlike a regex over runs of capitals). A word
 * ends before a capital that follows a lower-case letter or digit (`axios|Retry`), before the last
 * capital of a run that a lower-case letter follows (`HTTP|Retry`), and at any other character.
 */
export function splitWords(text: string): string[] {
  const words: string[] = [];
  let word = '';
  let start = -1;
  let previous = OTHER;
  const end = (index: number, wordEnds: boolean): void => {
    if (start >= 0) {
      word += text.slice(start, index).toLowerCase();
      start = -1;
    }
    if (wordEnds && word !== '') {
      words.push(word);
      word = '';
    }
  };
  for (let index = 0; index < text.length; ) {
    const code = text.codePointAt(index) ?? 0;
    const size = code > 0xffff ? 2 : 1;
    const kind = classOf(code);
    if (kind === OTHER) {
      // A non-ASCII character joins a word only as the ASCII it lower-cases to (the Kelvin sign → `k`; `é` ends the word).
      for (const lower of code < 128 ? ' ' : String.fromCodePoint(code).toLowerCase()) {
        const ascii = classOf(lower.charCodeAt(0)) !== OTHER;
        end(index, !ascii);
        word += ascii ? lower : '';
      }
    } else {
      if (kind === UPPER && (previous === LOWER || previous === DIGIT || (previous === UPPER && classOf(text.charCodeAt(index + 1)) === LOWER))) {
        end(index, true);
      }
      if (start < 0) {
        start = index;
      }
    }
    previous = kind;
    index += size;
  }
  end(text.length, true);
  return words;
}

const RETRY_WORDS: ReadonlySet<string> = new Set([
  'retry', 'retries', 'retrying', 'retried', 'backoff', 'attempts', 'reconnect', 'reconnects', 'reconnecting', 'reconnected', 'reconnection',
  'reconnections',
]);

/**
 * Matches text that contains one of `words` anywhere, case-insensitively. Every word `splitWords`
 * returns is such a substring, so text this does not match needs no splitting.
 */
const mentionOf = (words: Iterable<string>): RegExp => new RegExp([...words].join('|'), 'iu');

const RETRY_MENTION = mentionOf([...RETRY_WORDS, 'attempt']);

/** A title that says the code must not retry: its counts are the test's own calls. */
const NEGATED_RETRY = /\b(?:not|never|no|without|n't|don't|doesn't|won't|shouldn't|disabled?|skip|skips)\b(?:\s+\w+){0,2}\s+(?:retry|retries|retrying|retried|reconnect)/iu;

/** Does a title speak of retrying (word match after camelCase splitting; `retrieve` is not a retry)? */
export function isRetryTitle(title: string): boolean {
  if (!RETRY_MENTION.test(title) || NEGATED_RETRY.test(title)) {
    return false;
  }
  const words = splitWords(title);
  return words.some((word, index) => RETRY_WORDS.has(word) || (word === 'attempt' && words[index + 1] !== 'to' && !isEachAttempt(words, index)));
}

/**
 * `every verification attempt`, `each attempt`: one attempt per item the test provides (each signature
 * tried once), not an attempt repeated by a retry loop.
 */
const isEachAttempt = (words: readonly string[], index: number): boolean =>
  words.slice(Math.max(0, index - 2), index).some((word) => word === 'every' || word === 'each');

/**
 * A title that says the test checks the default policy (`retrying without any config options`, `uses the default
 * backoff`, `describe('default retry policy')`): the default is what the test is about, so its count is intended.
 */
const DEFAULT_POLICY = /\bdefaults?\b|\b(?:without|no)\s+(?:any\s+)?(?:config|configuration|options|opts|settings)\b/iu;

/** Does a title announce that the test checks the code's default policy? */
export const announcesDefault = (title: string): boolean => DEFAULT_POLICY.test(title);

const COUNTER_RETRY_WORDS: ReadonlySet<string> = new Set([...RETRY_WORDS, 'attempt', 'tries']);
const COUNTER_WORDS: ReadonlySet<string> = new Set([
  ...COUNTER_RETRY_WORDS, 'calls', 'call', 'called', 'count', 'counter', 'times', 'invocations', 'hits', 'requests', 'fetches', 'executions',
]);

const COUNTER_RETRY_MENTION = mentionOf(COUNTER_RETRY_WORDS);
const COUNTER_MENTION = mentionOf(COUNTER_WORDS);

/** A name that counts attempts: `attempts`, `retryCount`, `numTries`, `reconnects`. */
export const isRetryCounterName = (name: string): boolean => COUNTER_RETRY_MENTION.test(name) && splitWords(name).some((word) => COUNTER_RETRY_WORDS.has(word));

/** A name that counts something: `calls`, `fetchCount`, `requests`, and every retry counter. */
export const isCounterName = (name: string): boolean => COUNTER_MENTION.test(name) && splitWords(name).some((word) => COUNTER_WORDS.has(word));

/** Option keys whose value is a retry limit: `{ retries: 3 }`, `{ maxAttempts: 5 }`. */
const LIMIT_KEYS: ReadonlySet<string> = new Set([
  'retry', 'retries', 'maxRetries', 'maxRetry', 'maxAttempts', 'attempts', 'retryCount', 'retryLimit', 'retryTimes', 'maxRetryAttempts',
  'retryAttempts', 'numRetries', 'maxTries', 'tries', 'maxReconnectAttempts', 'reconnectionAttempts', 'reconnectAttempts', 'maxReconnects',
  'reconnectTries', 'maxRetryCount', 'retryMax', 'max_retries', 'max_attempts',
]);
/**
 * Text that every retry word, counter name and option key above contains (`retr`, `attempt`,
 * `backoff`, `reconnect`, `tries`): a file whose text has none of them holds no retry evidence.
 */
const RETRY_EVIDENCE_TEXT = mentionOf(['retr', 'attempt', 'backoff', 'reconnect', 'tries']);

/** Can this text hold retry evidence at all? A cheap test before the rule reads the whole file. */
export const mayHoldRetryEvidence = (text: string): boolean => RETRY_EVIDENCE_TEXT.test(text);

/** Keys of a nested retry object that hold its limit: `retry: { limit: 2 }`. */
const NESTED_LIMIT_KEYS: ReadonlySet<string> = new Set(['limit', 'count', 'max', 'times', 'attempts', 'retries', 'maxRetries', 'maxAttempts', 'tries']);

/** Does this key configure retrying (`retries`, `retryDelay`, `backoff`, `onRetry`, `reconnection`)? */
export const isRetryOptionKey = (name: string): boolean =>
  LIMIT_KEYS.has(name) || (RETRY_MENTION.test(name) && splitWords(name).some((word) => RETRY_WORDS.has(word)));

/**
 * Does this key hold the number of one attempt rather than a limit (`attempt`, `retryAttempt`, `attemptsMade`)?
 * A limit key (`attempts`, `maxAttempts`) is not one: `limitKeyOf` reads those first.
 */
export const isAttemptNumberKey = (name: string): boolean =>
  /attempt/iu.test(name) && !LIMIT_KEYS.has(name) && splitWords(name).some((word) => word === 'attempt' || word === 'attempts');

/** A value that switches retrying off: `false`, `0`, `null`. */
export function isDisablingValue(node: TSESTree.Node): boolean {
  const value = unwrapExpression(node);
  return value.type === AST_NODE_TYPES.Literal && (value.value === false || value.value === 0 || value.value === null);
}

/**
 * When `property` holds a retry limit, the key that names it: `retries` for `{ retries: 3 }`,
 * `limit` for `{ retry: { limit: 3 } }`; null otherwise.
 */
export function limitKeyOf(property: TSESTree.Property): string | null {
  const name = getKeyName(property);
  if (name === null || property.kind !== 'init' || property.method) {
    return null;
  }
  if (LIMIT_KEYS.has(name) || isNamedLimitKey(name)) {
    return name;
  }
  const container = property.parent;
  const outer = container.type === AST_NODE_TYPES.ObjectExpression ? container.parent : undefined;
  if (NESTED_LIMIT_KEYS.has(name) && outer?.type === AST_NODE_TYPES.Property) {
    const outerName = getKeyName(outer);
    if (outerName !== null && isRetryOptionKey(outerName)) {
      return name;
    }
  }
  return null;
}

/** Words that make a retry key a limit (`limitRetriesTo`, `maxRetriesPerRequest`), and words that make it anything else (`maxRetryDelay`). */
const LIMIT_WORDS: ReadonlySet<string> = new Set(['max', 'limit', 'num', 'number', 'total', 'count']);
const NOT_LIMIT_WORDS: ReadonlySet<string> = new Set([
  'delay', 'delays', 'timeout', 'interval', 'ms', 'factor', 'jitter', 'wait', 'after', 'time', 'duration', 'min', 'status', 'codes', 'on', 'if',
]);
const LIMITED_WORDS: ReadonlySet<string> = new Set(['retry', 'retries', 'attempts', 'tries', 'reconnects']);

/**
 * A retry key spelled other than `LIMIT_KEYS` that still holds a limit: `limitRetriesTo`, `maxRetriesPerRequest`,
 * `reconnectMaxAttempts`, `fetchRetryCount`, or a key that ends in what it limits (`connectionRetries`, `requestAttempts`).
 */
function isNamedLimitKey(name: string): boolean {
  if (!RETRY_EVIDENCE_TEXT.test(name)) {
    return false;
  }
  const words = splitWords(name);
  const limited = words.some((word) => LIMITED_WORDS.has(word)) && words.some((word) => LIMIT_WORDS.has(word));
  return (limited || PLURAL_LIMITED_WORDS.has(words.at(-1) ?? '')) && !words.some((word) => NOT_LIMIT_WORDS.has(word));
}

/** The last word of a key that counts what it limits: `connectionRetries`, `requestAttempts`. */
const PLURAL_LIMITED_WORDS: ReadonlySet<string> = new Set(['retries', 'attempts', 'tries', 'reconnects']);

/** Words that make a retry key a decision the test hands over: `shouldRetry`, `retryIf`, `retryCondition`, `retryStrategy`. */
const DECISION_WORDS: ReadonlySet<string> = new Set(['should', 'if', 'when', 'condition', 'predicate', 'can', 'is', 'retryable', 'strategy', 'policy', 'decider', 'filter']);

/**
 * Does this key take a function or object that decides whether (and how often) to retry: `retry: (count) => count < 2`,
 * `shouldRetry`, `retryIf`, `retryStrategy`? Notification callbacks (`onRetry`) and delays (`retryDelay`) do not.
 */
export function isRetryDecisionKey(name: string): boolean {
  if (name === 'retry' || name === 'retries' || name === 'retryable' || name === 'isRetryable') {
    return true;
  }
  if (!RETRY_MENTION.test(name)) {
    return false;
  }
  const words = splitWords(name);
  return words.some((word) => RETRY_WORDS.has(word)) && words.some((word) => DECISION_WORDS.has(word));
}

const NUMBER_WORDS: ReadonlyMap<string, number> = new Map([
  ['one', 1], ['two', 2], ['three', 3], ['four', 4], ['five', 5], ['six', 6], ['seven', 7], ['eight', 8], ['nine', 9], ['ten', 10],
]);
/** Words that are counts by themselves. */
const TIMES_WORDS: ReadonlyMap<string, number> = new Map([['once', 1], ['twice', 2], ['thrice', 3]]);
/** What a stated number counts: `3 attempts`, `two retries`, `5 times`, `two 429s`. */
const COUNTED_WORDS: ReadonlySet<string> = new Set([
  'attempt', 'attempts', 'try', 'tries', 'time', 'times', 'retry', 'retries', 'call', 'calls', 'request', 'requests', 'failure', 'failures',
  'error', 'errors', 'reconnect', 'reconnects', 'reconnection', 'reconnections', 'conflict', 'conflicts', 'collision', 'collisions',
  'timeout', 'timeouts',
]);
/** Words that end the phrase a number starts (`2 files with 3 retries`: the 2 counts files). */
const PHRASE_BREAKS: ReadonlySet<string> = new Set(['and', 'or', 'with', 'of', 'in', 'on', 'for', 'per', 'then', 'but', 'after', 'before', 'to', 'from', 'by']);

/** Is the word after a number, or one of the two after it before the phrase ends, what the number counts (`5 createBucket conflicts`)? */
function countsWhat(words: readonly string[], index: number): boolean {
  for (let next = index + 1; next <= index + 3 && next < words.length; next++) {
    const word = words[next] ?? '';
    if (COUNTED_WORDS.has(word) || /^[1-5]\d\ds$/u.test(word)) {
      return true;
    }
    if (PHRASE_BREAKS.has(word) || /\d/u.test(word)) {
      return false;
    }
  }
  return false;
}

/** What a number of retries is counted in: `retries 3 times`, `3 retries`, `(3 attempts)`. */
const RETRY_COUNT_WORDS: ReadonlySet<string> = new Set(['time', 'times', 'retry', 'retries', 'attempt', 'attempts', 'try', 'tries']);

/**
 * Does a retry title state how often the code retries (`should retry once`, `retries 3 times`, `gives up after
 * 3 attempts`)? Counts of something else (`retries after two 429s`) describe the test's scenario, not the protocol.
 */
export function statesRetryCount(title: string): boolean {
  if (!isRetryTitle(title)) {
    return false;
  }
  const words = splitWords(title);
  return words.some((word, index) => {
    if (TIMES_WORDS.has(word)) {
      return true;
    }
    const value = NUMBER_WORDS.get(word) ?? (/^\d{1,2}$/u.test(word) ? Number(word) : null);
    return value !== null && RETRY_COUNT_WORDS.has(words[index + 1] ?? '');
  });
}

/**
 * The small counts a text states (`retries once`, `(3 attempts)`, `two 429s then 200`, `after 5 createBucket
 * conflicts`): the protocol a title or an asserted message spells out. A bare number (`retries order 3`) names
 * something; it states no count.
 */
export function statedNumbers(title: string): number[] {
  const numbers: number[] = [];
  const words = splitWords(title);
  words.forEach((word, index) => {
    const times = TIMES_WORDS.get(word);
    const value = times ?? NUMBER_WORDS.get(word) ?? (/^\d{1,2}$/u.test(word) ? Number(word) : null);
    if (value !== null && (times !== undefined || countsWhat(words, index))) {
      numbers.push(value);
    }
  });
  return numbers;
}
