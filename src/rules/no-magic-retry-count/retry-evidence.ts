import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/types';

import { getPropertyName, getStaticString, isFunction, referenceKey, unwrapExpression, type FunctionNode } from '../../ast/nodes.js';
import type { Assertion } from '../../model/index.js';

/**
 * What makes a count a retry count, for `no-magic-retry-count`: retry words in titles and names,
 * retry options, count assertions, failing stubs. Pure AST helpers; the rule combines them.
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

/** Static key name of an object property. */
export function propertyKeyName(property: TSESTree.Property): string | null {
  if (!property.computed && property.key.type === AST_NODE_TYPES.Identifier) {
    return property.key.name;
  }
  return getStaticString(property.key);
}

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
  const name = propertyKeyName(property);
  if (name === null || property.kind !== 'init' || property.method) {
    return null;
  }
  if (LIMIT_KEYS.has(name)) {
    return name;
  }
  const container = property.parent;
  const outer = container.type === AST_NODE_TYPES.ObjectExpression ? container.parent : undefined;
  if (NESTED_LIMIT_KEYS.has(name) && outer?.type === AST_NODE_TYPES.Property) {
    const outerName = propertyKeyName(outer);
    if (outerName !== null && isRetryOptionKey(outerName)) {
      return name;
    }
  }
  return null;
}

/** The integer a node spells when it is a plain non-negative integer literal. */
export function integerLiteral(node: TSESTree.Node | null | undefined): number | null {
  if (node == null) {
    return null;
  }
  const value = unwrapExpression(node);
  return value.type === AST_NODE_TYPES.Literal && typeof value.value === 'number' && Number.isInteger(value.value) && value.value >= 0 ? value.value : null;
}

// ---------------------------------------------------------------------------------------------
// Count assertions

export interface CountAssertion {
  readonly assertion: Assertion;
  /** The asserted count. */
  readonly count: number;
  /** The numeric literal that spells the count, when there is one (absent for `calledThrice`). */
  readonly literal: TSESTree.Literal | null;
  /** Where to report. */
  readonly node: TSESTree.Node;
  /** What is counted: the mock whose calls are counted, or the counter variable. */
  readonly counted: TSESTree.Node;
  /** `calls`: calls of a double; `counter`: a hand-written counter (`attempts`, `calls.length`). */
  readonly kind: 'calls' | 'counter';
}

const CALLED_N: ReadonlyMap<string, number> = new Map([['calledTwice', 2], ['calledThrice', 3]]);
const EQUAL_MATCHERS: ReadonlySet<string> = new Set(['toBe', 'toEqual', 'toStrictEqual', 'equal', 'equals', 'eq', 'eql', 'eqls', 'strictEqual', 'deepEqual', 'deepStrictEqual', 'is']);
const LENGTH_MATCHERS: ReadonlySet<string> = new Set(['toHaveLength', 'lengthOf', 'length']);
/** Matchers that assert truth without an argument (`.to.be.true`, `toBeTruthy()`) or with `true` (`toBe(true)`). */
const TRUE_MATCHERS: ReadonlySet<string> = new Set(['true', 'ok', 'toBeTruthy']);
const TRUE_VALUE_MATCHERS: ReadonlySet<string> = new Set(['toBe', 'toEqual', 'toStrictEqual', 'equal']);

/** Strips `vi.mocked(x)`, `jest.mocked(x)`, `mocked(x)` around a double. */
export function unwrapMocked(node: TSESTree.Node): TSESTree.Node {
  const value = unwrapExpression(node);
  if (value.type === AST_NODE_TYPES.CallExpression && value.arguments.length >= 1) {
    const callee = unwrapExpression(value.callee);
    const name = callee.type === AST_NODE_TYPES.Identifier ? callee.name : callee.type === AST_NODE_TYPES.MemberExpression ? getPropertyName(callee) : null;
    const first = value.arguments[0];
    if (name === 'mocked' && first !== undefined && first.type !== AST_NODE_TYPES.SpreadElement) {
      return unwrapExpression(first);
    }
  }
  return value;
}

const memberName = (node: TSESTree.Node): string | null => (node.type === AST_NODE_TYPES.MemberExpression ? getPropertyName(node) : null);

/** The double whose list of calls `node` is: `m.mock.calls`, `stub.args`, `stub.getCalls()`, `spy.calls.all()`. */
function callListOf(node: TSESTree.Node): TSESTree.Node | null {
  const value = unwrapExpression(node);
  if (value.type === AST_NODE_TYPES.MemberExpression) {
    const name = getPropertyName(value);
    const object = unwrapExpression(value.object);
    if (name === 'calls' && memberName(object) === 'mock' && object.type === AST_NODE_TYPES.MemberExpression) {
      return unwrapMocked(object.object);
    }
    return null;
  }
  if (value.type === AST_NODE_TYPES.CallExpression && value.arguments.length === 0) {
    const callee = unwrapExpression(value.callee);
    const name = memberName(callee);
    if (callee.type === AST_NODE_TYPES.MemberExpression) {
      if (name === 'getCalls') {
        return unwrapExpression(callee.object);
      }
      const object = unwrapExpression(callee.object);
      if (name === 'all' && memberName(object) === 'calls' && object.type === AST_NODE_TYPES.MemberExpression) {
        return unwrapExpression(object.object);
      }
    }
  }
  return null;
}

/** The double whose call count `node` reads: `stub.callCount`, `fn.mock.callCount()`, `spy.calls.count()`, `m.mock.calls.length`. */
function callCountOf(node: TSESTree.Node): TSESTree.Node | null {
  const value = unwrapExpression(node);
  if (value.type === AST_NODE_TYPES.MemberExpression) {
    const name = getPropertyName(value);
    if (name === 'callCount') {
      return unwrapMocked(value.object);
    }
    if (name === 'length') {
      return callListOf(value.object);
    }
    return null;
  }
  if (value.type === AST_NODE_TYPES.CallExpression && value.arguments.length === 0) {
    const callee = unwrapExpression(value.callee);
    if (callee.type !== AST_NODE_TYPES.MemberExpression) {
      return null;
    }
    const name = getPropertyName(callee);
    const object = unwrapExpression(callee.object);
    if (name === 'callCount' && memberName(object) === 'mock' && object.type === AST_NODE_TYPES.MemberExpression) {
      return unwrapMocked(object.object);
    }
    if (name === 'count' && memberName(object) === 'calls' && object.type === AST_NODE_TYPES.MemberExpression) {
      return unwrapExpression(object.object);
    }
  }
  return null;
}

/** The name of a hand-written counter: `attempts`, `state.retryCount`; null for calls and other shapes. */
export function counterNameOf(node: TSESTree.Node): string | null {
  const value = unwrapExpression(node);
  if (value.type === AST_NODE_TYPES.Identifier) {
    return isCounterName(value.name) ? value.name : null;
  }
  if (value.type === AST_NODE_TYPES.MemberExpression) {
    const name = getPropertyName(value);
    return name !== null && isCounterName(name) ? name : null;
  }
  return null;
}

/** A counter list: `calls.length` with `calls` counter-named, `requests.length`. */
function counterListLength(node: TSESTree.Node): string | null {
  const value = unwrapExpression(node);
  if (value.type === AST_NODE_TYPES.MemberExpression && getPropertyName(value) === 'length') {
    return counterNameOf(value.object);
  }
  return null;
}

/** `toHaveBeenCalledTimes(3)`, `callCount(3)`: the literal count of calls of the subject. */
function exactCallCount(assertion: Assertion, subject: TSESTree.Node, expected: TSESTree.Node | undefined): CountAssertion | null {
  const count = integerLiteral(expected);
  if (count === null || expected === undefined) {
    return null;
  }
  const literal = unwrapExpression(expected) as TSESTree.Literal;
  return { assertion, count, literal, node: literal, counted: unwrapMocked(subject), kind: 'calls' };
}

/** `stub.calledThrice` → 3. */
function calledNOf(node: TSESTree.Node): { count: number; counted: TSESTree.Node; node: TSESTree.Node } | null {
  const value = unwrapExpression(node);
  if (value.type !== AST_NODE_TYPES.MemberExpression) {
    return null;
  }
  const name = getPropertyName(value);
  const count = name === null ? undefined : CALLED_N.get(name);
  return count === undefined ? null : { count, counted: unwrapMocked(value.object), node: value.property };
}

function isTrueLiteral(node: TSESTree.Node | undefined): boolean {
  return node?.type === AST_NODE_TYPES.Literal && node.value === true;
}

function subjectCount(
  assertion: Assertion,
  subject: TSESTree.Node,
  expected: TSESTree.Node | undefined,
  lengthMatcher: boolean,
): CountAssertion | null {
  const count = integerLiteral(expected);
  if (count === null || expected === undefined) {
    return null;
  }
  const literal = unwrapExpression(expected) as TSESTree.Literal;
  if (lengthMatcher) {
    const mock = callListOf(subject);
    if (mock !== null) {
      return { assertion, count, literal, node: literal, counted: mock, kind: 'calls' };
    }
    return counterNameOf(subject) === null ? null : { assertion, count, literal, node: literal, counted: unwrapExpression(subject), kind: 'counter' };
  }
  const mock = callCountOf(subject);
  if (mock !== null) {
    return { assertion, count, literal, node: literal, counted: mock, kind: 'calls' };
  }
  if (counterNameOf(subject) !== null || counterListLength(subject) !== null) {
    return { assertion, count, literal, node: literal, counted: unwrapExpression(subject), kind: 'counter' };
  }
  return null;
}

/** Reads an exact count assertion (`toHaveBeenCalledTimes(3)`, `callCount(stub, 3)`, `expect(attempts).toBe(3)`); null for anything else. */
export function readCountAssertion(assertion: Assertion): CountAssertion | null {
  if (assertion.negated || assertion.subject === null) {
    return null;
  }
  const { matcher, expected } = assertion;
  const subject = assertion.subject;
  switch (assertion.style) {
    case 'expect':
    case 'chai': {
      if (matcher === 'toHaveBeenCalledTimes' || matcher === 'toBeCalledTimes' || matcher === 'callCount') {
        return exactCallCount(assertion, subject, expected[0]);
      }
      const called = CALLED_N.get(matcher);
      if (called !== undefined) {
        const part = assertion.chain.find((link) => link.name === matcher);
        return { assertion, count: called, literal: null, node: part?.node.property ?? assertion.node, counted: unwrapMocked(subject), kind: 'calls' };
      }
      if (TRUE_MATCHERS.has(matcher) || (TRUE_VALUE_MATCHERS.has(matcher) && expected.length === 1 && isTrueLiteral(expected[0]))) {
        const found = calledNOf(subject);
        if (found !== null) {
          return { assertion, literal: null, kind: 'calls', ...found };
        }
      }
      if (EQUAL_MATCHERS.has(matcher) || LENGTH_MATCHERS.has(matcher)) {
        return subjectCount(assertion, subject, expected[0], LENGTH_MATCHERS.has(matcher));
      }
      return null;
    }
    case 'assert': {
      if (matcher === 'ok' || matcher === 'isTrue' || matcher === 'assert') {
        const found = calledNOf(subject);
        return found === null ? null : { assertion, literal: null, kind: 'calls', ...found };
      }
      if (!EQUAL_MATCHERS.has(matcher) && !LENGTH_MATCHERS.has(matcher)) {
        return null;
      }
      const [first] = expected;
      if (first === undefined) {
        return null;
      }
      // `assert.equal(3, calls)` is written both ways round.
      const reversed = integerLiteral(subject) !== null && integerLiteral(first) === null;
      return subjectCount(assertion, reversed ? first : subject, reversed ? subject : first, LENGTH_MATCHERS.has(matcher));
    }
    case 'spyAssert': {
      if (matcher === 'callCount') {
        return exactCallCount(assertion, subject, expected[0]);
      }
      const called = CALLED_N.get(matcher);
      return called === undefined ? null : { assertion, count: called, literal: null, node: assertion.node, counted: unwrapMocked(subject), kind: 'calls' };
    }
    default:
      return null;
  }
}

/** A key to compare a counted double with mock keys: `globalThis.fetch` and `fetch` are one. */
export function doubleKey(node: TSESTree.Node): string | null {
  const key = referenceKey(node);
  return key === null ? null : normaliseKey(key);
}

export const normaliseKey = (key: string): string => key.replace(/^(?:globalThis|global|window|self)\./u, '');

// ---------------------------------------------------------------------------------------------
// Failing stubs

const SERVER_ERROR = (value: unknown): boolean => typeof value === 'number' && ((value >= 500 && value <= 599) || value === 429);

/** A value that answers a request with 5xx/429: `{ status: 503 }`, `new Response(null, { status: 500 })`, `Promise.reject(x)`. */
export function isFailingValue(node: TSESTree.Node | undefined, depth = 0): boolean {
  if (node === undefined || depth > 3) {
    return false;
  }
  const value = unwrapExpression(node);
  switch (value.type) {
    case AST_NODE_TYPES.ObjectExpression:
      return value.properties.some((property) => {
        if (property.type !== AST_NODE_TYPES.Property) {
          return false;
        }
        const name = propertyKeyName(property);
        if (name === 'status' || name === 'statusCode') {
          const status = unwrapExpression(property.value);
          return status.type === AST_NODE_TYPES.Literal && SERVER_ERROR(status.value);
        }
        return (name === 'response' || name === 'init') && isFailingValue(property.value, depth + 1);
      });
    case AST_NODE_TYPES.NewExpression:
    case AST_NODE_TYPES.CallExpression: {
      const callee = unwrapExpression(value.callee);
      if (value.type === AST_NODE_TYPES.CallExpression && callee.type === AST_NODE_TYPES.MemberExpression && getPropertyName(callee) === 'reject' && referenceKey(callee.object) === 'Promise') {
        return true;
      }
      return value.arguments.some((argument) => argument.type !== AST_NODE_TYPES.SpreadElement && isFailingValue(argument, depth + 1));
    }
    default:
      return false;
  }
}

const BRANCHING: ReadonlySet<string> = new Set([
  AST_NODE_TYPES.IfStatement, AST_NODE_TYPES.ConditionalExpression, AST_NODE_TYPES.LogicalExpression, AST_NODE_TYPES.SwitchStatement,
  AST_NODE_TYPES.TryStatement, AST_NODE_TYPES.ForStatement, AST_NODE_TYPES.WhileStatement,
]);

function hasBranching(node: TSESTree.Node, depth = 0): boolean {
  if (depth > 6) {
    return true;
  }
  if (BRANCHING.has(node.type)) {
    return true;
  }
  for (const [key, child] of Object.entries(node)) {
    if (key === 'parent') {
      continue;
    }
    const children: unknown[] = Array.isArray(child) ? child : [child];
    for (const item of children) {
      if (item !== null && typeof item === 'object' && typeof (item as TSESTree.Node).type === 'string' && hasBranching(item as TSESTree.Node, depth + 1)) {
        return true;
      }
    }
  }
  return false;
}

/** An implementation that fails on every call: `() => { throw e }`, `async () => Promise.reject(e)`, `() => ({ status: 503 })`. */
export function isFailingImplementation(node: TSESTree.Node | undefined): boolean {
  if (node === undefined || !isFunction(node)) {
    return false;
  }
  const fn: FunctionNode = node;
  if (hasBranching(fn.body)) {
    return false;
  }
  if (fn.body.type !== AST_NODE_TYPES.BlockStatement) {
    return isFailingValue(fn.body);
  }
  const last = fn.body.body.at(-1);
  if (last?.type === AST_NODE_TYPES.ThrowStatement) {
    return true;
  }
  return last?.type === AST_NODE_TYPES.ReturnStatement && last.argument !== null && isFailingValue(last.argument);
}

/** Configurations that make a double fail on every later call. */
const FAILING_ALWAYS: ReadonlySet<string> = new Set(['mockRejectedValue', 'rejects', 'throws', 'rejectWith', 'throwError', 'thenReject', 'thenThrow']);
/** Configurations that make a double answer with a value on every later call. */
const VALUE_ALWAYS: ReadonlySet<string> = new Set(['mockResolvedValue', 'mockReturnValue', 'resolves', 'returns', 'returnValue', 'resolveTo', 'thenResolve', 'thenReturn']);
const IMPLEMENTATION_ALWAYS: ReadonlySet<string> = new Set(['mockImplementation', 'callsFake', 'callFake', 'thenDo']);

/** Does this configuration make the double fail on every call? `null` when it says nothing either way. */
export function configFailsAlways(method: string, args: readonly TSESTree.CallExpressionArgument[]): boolean | null {
  if (FAILING_ALWAYS.has(method)) {
    return true;
  }
  if (VALUE_ALWAYS.has(method)) {
    return isFailingValue(args[0]);
  }
  if (IMPLEMENTATION_ALWAYS.has(method)) {
    return isFailingImplementation(args[0]);
  }
  return null;
}

/** sinon narrowing: `stub.onCall(2)` → 3 calls fixed by the test; `onFirstCall()` → 1. */
export function narrowedCallIndex(config: TSESTree.CallExpression): number | null {
  const callee = unwrapExpression(config.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression) {
    return null;
  }
  const object = unwrapExpression(callee.object);
  if (object.type !== AST_NODE_TYPES.CallExpression) {
    return null;
  }
  const name = memberName(unwrapExpression(object.callee));
  switch (name) {
    case 'onFirstCall':
      return 1;
    case 'onSecondCall':
      return 2;
    case 'onThirdCall':
      return 3;
    case 'onCall': {
      const index = integerLiteral(object.arguments[0]);
      return index === null ? null : index + 1;
    }
    case 'withArgs':
      return 0;
    default:
      return null;
  }
}
