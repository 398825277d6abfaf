/**
 * Reads the model's normalised assertions as outcome checks: which literal values (or numeric
 * intervals) an assertion accepts, or excludes, for which value. One reader per assertion dialect
 * (expect, chai, assert, supertest); the matcher families they share are `CheckReader`'s methods.
 * Used by `no-permissive-assertion`; the classification itself lives in `outcome-classes.ts`.
 */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/types';

import { isFunction, type FunctionNode } from '../../ast/nodes.js';
import type { Assertion, AssertionStyle } from '../../model/index.js';
import { BOUND_MATCHERS, CheckReader, EQUAL_MATCHERS, type OutcomeCheck, type ReadContext } from './check-reader.js';
import { readCondition, SUCCESS_RANGE } from './conditions.js';
import { readLiteral, valueOf } from './values.js';

const CONTAIN_MATCHERS: ReadonlySet<string> = new Set(['toContain', 'toContainEqual']);
const CHAI_INCLUDE: ReadonlySet<string> = new Set(['include', 'includes', 'contain', 'contains']);
const CHAI_EQUAL: ReadonlySet<string> = new Set(['equal', 'equals', 'eq', 'eql', 'eqls', 'strictEqual']);
const ASSERT_EQUAL: ReadonlySet<string> = new Set(['equal', 'strictEqual', 'deepEqual', 'deepStrictEqual']);
const ASSERT_NOT_EQUAL: ReadonlySet<string> = new Set(['notEqual', 'notStrictEqual', 'notDeepEqual', 'notDeepStrictEqual']);
const ASSERT_TRUTHY: ReadonlySet<string> = new Set(['ok', 'isTrue', 'isOk', 'assert']);
const ASSERT_FALSY: ReadonlySet<string> = new Set(['notOk', 'isFalse', 'isNotOk']);

/** Every matcher or assert method `readChecks` reads a fact from, whatever the style. */
const FACT_MATCHERS: ReadonlySet<string> = new Set([
  ...CONTAIN_MATCHERS, ...EQUAL_MATCHERS, ...CHAI_INCLUDE, ...CHAI_EQUAL, ...ASSERT_EQUAL, ...ASSERT_NOT_EQUAL, ...ASSERT_TRUTHY, ...ASSERT_FALSY,
  ...BOUND_MATCHERS.keys(), 'toBeOK', 'toBeOneOf', 'toMatchObject', 'toBeTruthy', 'toBeFalsy', 'toHaveProperty', 'oneOf', 'true', 'false', 'within',
  'status', 'property', 'include', 'notInclude',
]);

/**
 * Reads every outcome check one assertion makes. Most assertions (`toHaveBeenCalled`,
 * `toMatchSnapshot`, `toThrow`) state no outcome at all and return before any reading starts.
 */
export function readOutcomeChecks(assertion: Assertion, context: ReadContext): readonly OutcomeCheck[] {
  if (assertion.style !== 'supertest' && !FACT_MATCHERS.has(assertion.matcher)) {
    return [];
  }
  // `expect(x).toEqual(expected)`: a variable is neither a literal nor an asymmetric matcher.
  const [first] = assertion.expected;
  if (assertion.style === 'expect' && EQUAL_MATCHERS.has(assertion.matcher) && first?.type === AST_NODE_TYPES.Identifier && first.name !== 'undefined') {
    return [];
  }
  return readChecks(assertion, context);
}

/** The reader of each assertion dialect; other styles (`spyAssert` …) state no outcome. */
const DIALECT_READERS: Partial<Record<AssertionStyle, (reader: CheckReader) => void>> = {
  expect: readExpect,
  chai: readChai,
  assert: readAssert,
  supertest: readSupertest,
};

function readChecks(assertion: Assertion, context: ReadContext): OutcomeCheck[] {
  const reader = new CheckReader(assertion, context);
  DIALECT_READERS[assertion.style]?.(reader);
  return reader.checks();
}

/** jest, vitest, bun, playwright: `expect(x).toBe(…)`, `expect([…]).toContain(x)`, `expect(res).toBeOK()` … */
function readExpect(reader: CheckReader): void {
  const { assertion } = reader;
  const { subject, negated, matcher } = assertion;
  const [first, second] = assertion.expected;
  if (subject !== null && matcher === 'toBeOK' && assertion.library === 'playwright') {
    if (!negated) {
      const owner = reader.text(valueOf(subject));
      reader.addCheck({
        assertion, node: assertion.node, subject: null, name: 'status', alias: null, owner, ownerNode: valueOf(subject), label: `${owner}.status()`,
        accepts: true, values: [], valueNodes: [], intervals: [SUCCESS_RANGE], shape: 'ok', rewrite: null,
      });
    }
    return;
  }
  if (subject === null || (assertion.asyncKind !== null && assertion.asyncKind !== 'resolves')) {
    return;
  }
  if (CONTAIN_MATCHERS.has(matcher) && reader.readMembership(subject, first, !negated)) {
    return;
  }
  if (matcher === 'toBeOneOf') {
    reader.readOneOf(subject, first, !negated);
    return;
  }
  if (EQUAL_MATCHERS.has(matcher) && first !== undefined) {
    reader.readEqual(subject, first, negated);
    reader.readAsymmetric(subject, first);
    return;
  }
  if (matcher === 'toMatchObject' && first !== undefined) {
    reader.readAsymmetric(subject, first);
    return;
  }
  if (matcher === 'toBeTruthy' || matcher === 'toBeFalsy') {
    reader.addFacts(readCondition(subject, (matcher === 'toBeTruthy') !== negated));
    return;
  }
  if (matcher === 'toHaveProperty' && !negated) {
    reader.pinnedProperty(subject, first, second);
    return;
  }
  reader.readBound(subject, first, negated);
}

/** chai: `expect(x).to.be.oneOf([…])`, `.to.equal(…)`, `.to.be.true`, `.within(a, b)`, chai-http `.to.have.status(…)` … */
function readChai(reader: CheckReader): void {
  const { assertion } = reader;
  const { subject, negated, matcher } = assertion;
  const [first, second] = assertion.expected;
  if (subject === null || assertion.asyncKind !== null) {
    return;
  }
  if (matcher === 'oneOf') {
    reader.readOneOf(subject, first, !negated);
    return;
  }
  if (CHAI_INCLUDE.has(matcher)) {
    reader.readMembership(subject, first, !negated);
    return;
  }
  if (CHAI_EQUAL.has(matcher) && first !== undefined) {
    reader.readEqual(subject, first, negated);
    return;
  }
  if ((matcher === 'true' || matcher === 'false' || matcher === 'ok') && assertion.chain.find((part) => part.name === matcher)?.call == null) {
    reader.addFacts(readCondition(subject, (matcher !== 'false') !== negated));
    if (matcher !== 'ok' && readCondition(subject, true).length === 0) {
      reader.add({ subject, accepts: !negated, values: [matcher === 'true'], valueNodes: [null], intervals: [], shape: 'equal' });
    }
    return;
  }
  if (matcher === 'within' && !negated) {
    const low = readLiteral(first)?.value;
    const high = readLiteral(second)?.value;
    if (typeof low === 'number' && typeof high === 'number') {
      reader.add({ subject, accepts: true, values: [], valueNodes: [], intervals: [{ low, high, lowInclusive: true, highInclusive: true }], shape: 'range' });
    }
    return;
  }
  if (matcher === 'status' && !negated) {
    reader.impliedStatus(subject, 'status', first);
    return;
  }
  if (matcher === 'property' && !negated) {
    reader.pinnedProperty(subject, first, second);
    return;
  }
  reader.readBound(subject, first, negated);
}

/** `node:assert` and chai's assert: `assert.equal(s, 200)`, `assert.ok(res.ok)`, `assert.oneOf(s, […])`, `assert.isAbove(s, 199)` … */
function readAssert(reader: CheckReader): void {
  const { assertion } = reader;
  const { subject, matcher } = assertion;
  const [first] = assertion.expected;
  if (subject === null || subject.type === AST_NODE_TYPES.SpreadElement || assertion.asyncKind !== null) {
    return;
  }
  if (assertion.library === 'unknown' && matcher !== 'ok' && matcher !== 'assert') {
    return;
  }
  if (ASSERT_TRUTHY.has(matcher)) {
    reader.addFacts(readCondition(subject, true));
    return;
  }
  if (ASSERT_FALSY.has(matcher)) {
    reader.addFacts(readCondition(subject, false));
    return;
  }
  if ((ASSERT_EQUAL.has(matcher) || ASSERT_NOT_EQUAL.has(matcher)) && first !== undefined) {
    const equal = ASSERT_EQUAL.has(matcher);
    if (readLiteral(subject) !== null && readLiteral(first) === null) {
      reader.readEqual(first, subject, !equal);
    } else {
      reader.readEqual(subject, first, !equal);
    }
    return;
  }
  if (matcher === 'oneOf') {
    reader.readOneOf(subject, first, true);
    return;
  }
  if (matcher === 'include' || matcher === 'notInclude') {
    reader.readMembership(subject, first, matcher === 'include');
    return;
  }
  reader.readBound(subject, first, false);
}

/** supertest: `.expect(200)` pins the response status; `.expect((res) => cond)` states what `cond` does. */
function readSupertest(reader: CheckReader): void {
  const { assertion } = reader;
  for (const part of assertion.chain) {
    if (part.name !== 'expect' || part.call === null) {
      continue;
    }
    const [argument] = part.call.arguments;
    if (argument === undefined) {
      continue;
    }
    const read = part.call.arguments.length === 1 || (part.call.arguments.length === 2 && isFunction(part.call.arguments[1])) ? readLiteral(argument) : null;
    if (read !== null && typeof read.value === 'number') {
      reader.addCheck({
        assertion, node: part.call, subject: null, name: 'status', alias: null, owner: '*', ownerNode: null, label: 'the response status',
        accepts: true, values: [read.value], valueNodes: [argument], intervals: [], shape: 'equal', rewrite: null,
      });
      continue;
    }
    const body = isFunction(argument) ? returnedExpression(argument) : null;
    if (body === null) {
      continue;
    }
    for (const fact of readCondition(body, true)) {
      if (fact.shape !== 'ok') {
        reader.add(fact, argument, (literal) => ({ range: argument.range, text: literal }));
      }
    }
  }
}

/** What a callback returns when its body is one expression: `(res) => cond` or `(res) => { return cond; }`. */
function returnedExpression(callback: FunctionNode): TSESTree.Node | null {
  if (callback.body.type !== AST_NODE_TYPES.BlockStatement) {
    return callback.body;
  }
  if (callback.body.body.length === 1 && callback.body.body[0]?.type === AST_NODE_TYPES.ReturnStatement) {
    return callback.body.body[0].argument;
  }
  return null;
}
