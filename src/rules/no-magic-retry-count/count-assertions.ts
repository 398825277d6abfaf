import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/types';

import { getLastName, getPropertyName, referenceKey, unwrapExpression } from '../../ast/nodes.js';
import type { Assertion } from '../../model/index.js';
import { integerLiteral, memberName } from './nodes.js';
import { isCounterName } from './retry-evidence.js';

/**
 * Exact count assertions, for `no-magic-retry-count`: `toHaveBeenCalledTimes(3)`, `calledThrice`,
 * `expect(attempts).toBe(3)`, `assert.equal(calls.length, 3)`, and what each one counts.
 */

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
    const name = getLastName(callee);
    const first = value.arguments[0];
    if (name === 'mocked' && first !== undefined && first.type !== AST_NODE_TYPES.SpreadElement) {
      return unwrapExpression(first);
    }
  }
  return value;
}

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
  const subject = assertion.subject;
  switch (assertion.style) {
    case 'expect':
    case 'chai':
      return readExpectCount(assertion, subject);
    case 'assert':
      return readAssertCount(assertion, subject);
    case 'spyAssert':
      return readSpyAssertCount(assertion, subject);
    default:
      return null;
  }
}

/** `expect(fn).toHaveBeenCalledTimes(3)`, `expect(stub).to.have.been.calledThrice`, `expect(attempts).to.equal(3)`. */
function readExpectCount(assertion: Assertion, subject: TSESTree.Node): CountAssertion | null {
  const { matcher, expected } = assertion;
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

/** `assert.ok(stub.calledTwice)`, `assert.equal(attempts, 3)`, `assert.lengthOf(calls, 3)`. */
function readAssertCount(assertion: Assertion, subject: TSESTree.Node): CountAssertion | null {
  const { matcher, expected } = assertion;
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

/** sinon's `sinon.assert.callCount(stub, 3)`, `sinon.assert.calledTwice(stub)`. */
function readSpyAssertCount(assertion: Assertion, subject: TSESTree.Node): CountAssertion | null {
  const { matcher, expected } = assertion;
  if (matcher === 'callCount') {
    return exactCallCount(assertion, subject, expected[0]);
  }
  const called = CALLED_N.get(matcher);
  return called === undefined ? null : { assertion, count: called, literal: null, node: assertion.node, counted: unwrapMocked(subject), kind: 'calls' };
}

/** A key to compare a counted double with mock keys: `globalThis.fetch` and `fetch` are one. */
export function doubleKey(node: TSESTree.Node): string | null {
  const key = referenceKey(node);
  return key === null ? null : normaliseKey(key);
}

export const normaliseKey = (key: string): string => key.replace(/^(?:globalThis|global|window|self)\./u, '');
