import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/types';

import { getKeyName, unwrapExpression } from '../../ast/nodes.js';

/**
 * What makes a count a retry count, for `no-magic-retry-count`: retry words in titles and names,
 * retry options (count assertions are read in `count-assertions.ts`, failing stubs in
 * `failing-doubles.ts`). Pure AST helpers; the rule combines them.
 */

/** Splits `axiosRetry`, `max_retries`, `should retry 3 times` into lower-case words. */
export function splitWords(text: string): string[] {
  return text
    .replace(/([a-z0-9])([A-Z])/gu, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/gu, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/u)
    .filter((word) => word.length > 0);
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
  return words.some((word, index) => RETRY_WORDS.has(word) || (word === 'attempt' && words[index + 1] !== 'to'));
}

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
  if (LIMIT_KEYS.has(name)) {
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
