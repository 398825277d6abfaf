/**
 * Reads the model's normalised assertions as outcome checks: which literal values (or numeric
 * intervals) an assertion accepts, or excludes, for which value. Used by
 * `no-permissive-assertion`; the classification itself lives in `outcome-classes.ts`.
 */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/types';
import type { TSESLint } from '@typescript-eslint/utils';

import { getPropertyName, getStaticString, isFunction, unwrapExpression } from '../../ast/nodes.js';
import type { Assertion } from '../../model/index.js';
import { HTTP_STATUS_CONSTANTS, type Interval, type OutcomeValue } from './outcome-classes.js';

/** How the accepted set was written; decides the message. */
export type CheckShape = 'set' | 'equal' | 'range' | 'disjunction' | 'ok';

/** One fact an assertion states about one value. */
export interface OutcomeCheck {
  readonly assertion: Assertion;
  /** Where to report: the assertion, an asymmetric matcher inside it, or a supertest `.expect(fn)`. */
  readonly node: TSESTree.Node;
  /** The value checked (`res.status`); null for facts about an implied property (`to.have.status(200)`). */
  readonly subject: TSESTree.Node | null;
  /** The name that says what the value is (`status`, `getState`); null when unnamed. */
  readonly name: string | null;
  /** For a local constant (`const s = res.status`), the name of what it was initialised from. */
  readonly alias: string | null;
  /** Text that identifies the value's owner: `res` for `res.status`, `response` for `response.status()`; `*` pins every status. */
  readonly owner: string;
  /** Text of the value for messages. */
  readonly label: string;
  /** True: the value must be one of `values`/`intervals`; false: it must be none of `values`. */
  readonly accepts: boolean;
  readonly values: readonly OutcomeValue[];
  /** The literal node of each value, same order; null when the value was implied. */
  readonly valueNodes: ReadonlyArray<TSESTree.Node | null>;
  readonly intervals: readonly Interval[];
  readonly shape: CheckShape;
  /** Builds the replacement that pins the value to one literal; null when no safe rewrite exists. */
  readonly rewrite: ((literal: string) => TSESLint.RuleFix | null) | null;
}

type SourceCode = Readonly<TSESLint.SourceCode>;

interface LiteralRead {
  readonly value: OutcomeValue;
}

const STATUS_OBJECT = /status|http/iu;

/** The value of a literal-like node: literals, `-1`, static templates, `undefined`, `HttpStatus.NOT_FOUND`. */
export function readLiteral(node: TSESTree.Node | null | undefined): LiteralRead | null {
  if (node == null) {
    return null;
  }
  const target = unwrapExpression(node);
  switch (target.type) {
    case AST_NODE_TYPES.Literal:
      if (typeof target.value === 'string' || typeof target.value === 'number' || typeof target.value === 'boolean' || target.value === null) {
        return { value: target.value };
      }
      return null;
    case AST_NODE_TYPES.TemplateLiteral: {
      const text = getStaticString(target);
      return text === null ? null : { value: text };
    }
    case AST_NODE_TYPES.UnaryExpression:
      if (target.operator === '-' && target.argument.type === AST_NODE_TYPES.Literal && typeof target.argument.value === 'number') {
        return { value: -target.argument.value };
      }
      return null;
    case AST_NODE_TYPES.Identifier:
      return target.name === 'undefined' ? { value: null } : null;
    case AST_NODE_TYPES.MemberExpression: {
      const name = getPropertyName(target);
      const object = unwrapExpression(target.object);
      const objectName = object.type === AST_NODE_TYPES.Identifier ? object.name : object.type === AST_NODE_TYPES.MemberExpression ? getPropertyName(object) : null;
      const code = name === null ? undefined : HTTP_STATUS_CONSTANTS.get(name);
      return code !== undefined && objectName !== null && STATUS_OBJECT.test(objectName) ? { value: code } : null;
    }
    default:
      return null;
  }
}

/** The elements of an inline array of literals (`[200, 404]`, `['a', 'b'] as const`). */
function readLiteralArray(node: TSESTree.Node | null | undefined): { values: OutcomeValue[]; nodes: TSESTree.Node[] } | null {
  if (node == null) {
    return null;
  }
  const target = unwrapExpression(node);
  if (target.type !== AST_NODE_TYPES.ArrayExpression || target.elements.length === 0) {
    return null;
  }
  const values: OutcomeValue[] = [];
  const nodes: TSESTree.Node[] = [];
  for (const element of target.elements) {
    if (element === null || element.type === AST_NODE_TYPES.SpreadElement) {
      return null;
    }
    const read = readLiteral(element);
    if (read === null) {
      return null;
    }
    values.push(read.value);
    nodes.push(element);
  }
  return { values, nodes };
}

/** Strips `await` and TS wrappers. */
function valueOf(node: TSESTree.Node): TSESTree.Node {
  let current = unwrapExpression(node);
  while (current.type === AST_NODE_TYPES.AwaitExpression) {
    current = unwrapExpression(current.argument);
  }
  return current;
}

/** What a value is called: `res.status` → `status`, `response.status()` → `status`, `getState()` → `getState`. */
export function nameOf(node: TSESTree.Node): string | null {
  const target = valueOf(node);
  switch (target.type) {
    case AST_NODE_TYPES.Identifier:
      return target.name;
    case AST_NODE_TYPES.MemberExpression:
      return getPropertyName(target);
    case AST_NODE_TYPES.CallExpression:
      return target.arguments.length === 0 ? nameOf(target.callee) : null;
    case AST_NODE_TYPES.LogicalExpression:
      // `response?.status() ?? 0`
      return target.operator !== '&&' && readLiteral(target.right) !== null ? nameOf(target.left) : null;
    default:
      return null;
  }
}

/** The owner of a named value: `res` for `res.status` and `res.statusCode()`; the value itself otherwise. */
function ownerOf(node: TSESTree.Node, sourceCode: SourceCode): string {
  let target = valueOf(node);
  if (target.type === AST_NODE_TYPES.CallExpression && target.arguments.length === 0) {
    target = unwrapExpression(target.callee);
  }
  if (target.type === AST_NODE_TYPES.MemberExpression) {
    return sourceCode.getText(valueOf(target.object));
  }
  return sourceCode.getText(target);
}

/** A check on a value before it is tied to an assertion. */
interface Fact {
  readonly subject: TSESTree.Node;
  readonly accepts: boolean;
  readonly values: readonly OutcomeValue[];
  readonly valueNodes: ReadonlyArray<TSESTree.Node | null>;
  readonly intervals: readonly Interval[];
  readonly shape: CheckShape;
}

const EVERYTHING: Interval = { low: -Infinity, high: Infinity, lowInclusive: false, highInclusive: false };

/** `value OP n` as an interval, or its complement when `negate`. */
function bound(operator: string, n: number, negate: boolean): Interval | null {
  const flipped: Record<string, string> = { '<': '>=', '<=': '>', '>': '<=', '>=': '<' };
  const op = negate ? flipped[operator] : operator;
  switch (op) {
    case '<':
      return { ...EVERYTHING, high: n, highInclusive: false };
    case '<=':
      return { ...EVERYTHING, high: n, highInclusive: true };
    case '>':
      return { ...EVERYTHING, low: n, lowInclusive: false };
    case '>=':
      return { ...EVERYTHING, low: n, lowInclusive: true };
    default:
      return null;
  }
}

const MIRRORED: Readonly<Record<string, string>> = { '<': '>', '<=': '>=', '>': '<', '>=': '<=', '===': '===', '==': '==', '!==': '!==', '!=': '!=' };

/** `[a, b].includes(x)`, `new Set([a, b]).has(x)`: the set and the value. */
function readMembershipCall(node: TSESTree.Node): { set: NonNullable<ReturnType<typeof readLiteralArray>>; value: TSESTree.Node; method: string } | null {
  const target = unwrapExpression(node);
  if (target.type !== AST_NODE_TYPES.CallExpression || target.arguments.length !== 1) {
    return null;
  }
  const callee = unwrapExpression(target.callee);
  const argument = target.arguments[0];
  if (callee.type !== AST_NODE_TYPES.MemberExpression || argument === undefined || argument.type === AST_NODE_TYPES.SpreadElement) {
    return null;
  }
  const method = getPropertyName(callee);
  let container = unwrapExpression(callee.object);
  if (method === 'has' && container.type === AST_NODE_TYPES.NewExpression && container.callee.type === AST_NODE_TYPES.Identifier && container.callee.name === 'Set') {
    container = container.arguments[0] ?? container;
  } else if (method !== 'includes' && method !== 'indexOf') {
    return null;
  }
  const set = readLiteralArray(container);
  return set === null ? null : { set, value: argument, method };
}

/**
 * Facts a condition states when it is truthy (`positive`) or falsy: `s === 200 || s === 404`,
 * `[200, 404].includes(s)`, `s >= 200 && s < 300`, `s !== 500`, `res.ok`. Unknown parts state nothing.
 */
export function readCondition(node: TSESTree.Node, positive: boolean): Fact[] {
  const target = unwrapExpression(node);
  switch (target.type) {
    case AST_NODE_TYPES.UnaryExpression:
      return target.operator === '!' ? readCondition(target.argument, !positive) : [];
    case AST_NODE_TYPES.LogicalExpression: {
      if (target.operator === '??') {
        return [];
      }
      const disjunction = (target.operator === '||') === positive;
      const left = readCondition(target.left, positive);
      const right = readCondition(target.right, positive);
      return disjunction ? mergeDisjunction(left, right) : [...left, ...right];
    }
    case AST_NODE_TYPES.BinaryExpression:
      return readComparison(target, positive);
    case AST_NODE_TYPES.CallExpression: {
      const membership = readMembershipCall(target);
      if (membership !== null && membership.method !== 'indexOf') {
        return [{ subject: membership.value, accepts: positive, values: membership.set.values, valueNodes: membership.set.nodes, intervals: [], shape: 'set' }];
      }
      // `response.ok()` (playwright, fetch-like clients)
      return positive && target.arguments.length === 0 ? okFact(target) : [];
    }
    case AST_NODE_TYPES.MemberExpression:
      return positive ? okFact(target) : [];
    default:
      return [];
  }
}

const SUCCESS_RANGE: Interval = { low: 200, high: 300, lowInclusive: true, highInclusive: false };

/** `res.ok` / `response.ok()`: the owner's status is 2xx. */
function okFact(node: TSESTree.Node): Fact[] {
  return nameOf(node) === 'ok' ? [{ subject: node, accepts: true, values: [], valueNodes: [], intervals: [SUCCESS_RANGE], shape: 'ok' }] : [];
}

function sameSubject(a: Fact, b: Fact): boolean {
  const key = textKey(a.subject);
  return key !== null && key === textKey(b.subject);
}

/** A structural key for comparing small expressions without source text. */
function textKey(node: TSESTree.Node): string | null {
  const target = valueOf(node);
  switch (target.type) {
    case AST_NODE_TYPES.Identifier:
      return target.name;
    case AST_NODE_TYPES.ThisExpression:
      return 'this';
    case AST_NODE_TYPES.MemberExpression: {
      const object = textKey(target.object);
      const name = getPropertyName(target);
      return object === null || name === null ? null : `${object}.${name}`;
    }
    case AST_NODE_TYPES.CallExpression: {
      const callee = textKey(target.callee);
      return callee === null || target.arguments.length > 0 ? null : `${callee}()`;
    }
    default:
      return null;
  }
}

/** `a || b` where each side accepts values of the same subject: one fact accepting the union. */
function mergeDisjunction(left: readonly Fact[], right: readonly Fact[]): Fact[] {
  const [first] = left;
  const [second] = right;
  if (left.length !== 1 || right.length !== 1 || first === undefined || second === undefined) {
    return [];
  }
  if (!first.accepts || !second.accepts || first.shape === 'ok' || second.shape === 'ok' || !sameSubject(first, second)) {
    return [];
  }
  return [
    {
      subject: first.subject,
      accepts: true,
      values: [...first.values, ...second.values],
      valueNodes: [...first.valueNodes, ...second.valueNodes],
      intervals: [...first.intervals, ...second.intervals],
      shape: 'disjunction',
    },
  ];
}

function readComparison(node: TSESTree.BinaryExpression, positive: boolean): Fact[] {
  if (node.left.type === AST_NODE_TYPES.PrivateIdentifier) {
    return [];
  }
  let operator: string = node.operator;
  let subject: TSESTree.Node = node.left;
  let literalNode: TSESTree.Node = node.right;
  let literal = readLiteral(node.right);
  if (literal === null) {
    literal = readLiteral(node.left);
    subject = node.right;
    literalNode = node.left;
    operator = MIRRORED[operator] ?? '';
    if (literal === null) {
      return [];
    }
  }
  if (readLiteral(subject) !== null) {
    return [];
  }
  // `[200, 404].indexOf(s) !== -1`
  const membership = readMembershipCall(subject);
  if (membership !== null) {
    if (membership.method !== 'indexOf' || typeof literal.value !== 'number') {
      return [];
    }
    const n = literal.value;
    const found =
      ((operator === '!==' || operator === '!=') && n === -1) || (operator === '>' && n === -1) || (operator === '>=' && n === 0)
        ? true
        : ((operator === '===' || operator === '==') && n === -1) || (operator === '<' && n === 0)
          ? false
          : null;
    if (found === null) {
      return [];
    }
    return [{ subject: membership.value, accepts: found === positive, values: membership.set.values, valueNodes: membership.set.nodes, intervals: [], shape: 'set' }];
  }
  if (valueOf(subject).type === AST_NODE_TYPES.UnaryExpression) {
    return []; // typeof x === 'string'
  }
  switch (operator) {
    case '===':
    case '==':
    case '!==':
    case '!=': {
      const equal = operator === '===' || operator === '==';
      return [{ subject, accepts: equal === positive, values: [literal.value], valueNodes: [literalNode], intervals: [], shape: 'equal' }];
    }
    case '<':
    case '<=':
    case '>':
    case '>=': {
      if (typeof literal.value !== 'number') {
        return [];
      }
      const interval = bound(operator, literal.value, !positive);
      return interval === null ? [] : [{ subject, accepts: true, values: [], valueNodes: [], intervals: [interval], shape: 'range' }];
    }
    default:
      return [];
  }
}

const CONTAIN_MATCHERS: ReadonlySet<string> = new Set(['toContain', 'toContainEqual']);
const EQUAL_MATCHERS: ReadonlySet<string> = new Set(['toBe', 'toEqual', 'toStrictEqual']);
const CHAI_INCLUDE: ReadonlySet<string> = new Set(['include', 'includes', 'contain', 'contains']);
const CHAI_EQUAL: ReadonlySet<string> = new Set(['equal', 'equals', 'eq', 'eql', 'eqls', 'strictEqual']);
const ASSERT_EQUAL: ReadonlySet<string> = new Set(['equal', 'strictEqual', 'deepEqual', 'deepStrictEqual']);
const ASSERT_NOT_EQUAL: ReadonlySet<string> = new Set(['notEqual', 'notStrictEqual', 'notDeepEqual', 'notDeepStrictEqual']);
const ASSERT_TRUTHY: ReadonlySet<string> = new Set(['ok', 'isTrue', 'isOk', 'assert']);
const ASSERT_FALSY: ReadonlySet<string> = new Set(['notOk', 'isFalse', 'isNotOk']);

/** Comparison matchers by style, as the operator they mean. */
const BOUND_MATCHERS: ReadonlyMap<string, string> = new Map([
  ['toBeGreaterThan', '>'], ['toBeGreaterThanOrEqual', '>='], ['toBeLessThan', '<'], ['toBeLessThanOrEqual', '<='],
  ['above', '>'], ['gt', '>'], ['greaterThan', '>'], ['least', '>='], ['gte', '>='], ['greaterThanOrEqual', '>='],
  ['below', '<'], ['lt', '<'], ['lessThan', '<'], ['most', '<='], ['lte', '<='], ['lessThanOrEqual', '<='],
  ['isAbove', '>'], ['isAtLeast', '>='], ['isBelow', '<'], ['isAtMost', '<='],
]);

export interface ReadContext {
  readonly sourceCode: SourceCode;
  /** Is this identifier the framework's `expect` (for `expect.toBeOneOf`)? */
  isExpect(identifier: TSESTree.Identifier): boolean;
}

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

function readChecks(assertion: Assertion, context: ReadContext): OutcomeCheck[] {
  const facts: Array<{ fact: Fact; node: TSESTree.Node; rewrite: OutcomeCheck['rewrite'] } | { check: OutcomeCheck }> = [];
  const { sourceCode } = context;
  const text = (node: TSESTree.Node): string => sourceCode.getText(node);
  const add = (fact: Fact, node: TSESTree.Node = assertion.node, rewrite: OutcomeCheck['rewrite'] = wholeRewrite(fact.subject)): void => {
    facts.push({ fact, node, rewrite });
  };
  const addFacts = (list: readonly Fact[]): void => {
    for (const fact of list) {
      add(fact, assertion.node, fact.shape === 'ok' ? null : wholeRewrite(fact.subject));
    }
  };
  const impliedStatus = (owner: TSESTree.Node, propertyName: string, valueNode: TSESTree.Node | undefined): void => {
    const read = readLiteral(valueNode);
    if (read !== null && valueNode !== undefined) {
      facts.push({
        check: {
          assertion,
          node: assertion.node,
          subject: null,
          name: propertyName,
          alias: null,
          owner: text(valueOf(owner)),
          label: `${text(valueOf(owner))}.${propertyName}`,
          accepts: !assertion.negated,
          values: [read.value],
          valueNodes: [valueNode],
          intervals: [],
          shape: 'equal',
          rewrite: null,
        },
      });
    }
  };
  /** `toHaveProperty('status', 404)` / chai `.property('status', 404)`: a positive pin of a status-like property. */
  const pinnedProperty = (owner: TSESTree.Node, keyNode: TSESTree.Node | undefined, valueNode: TSESTree.Node | undefined): void => {
    const key = getStaticString(keyNode);
    if (key !== null && valueNode !== undefined) {
      impliedStatus(owner, key, valueNode);
    }
  };

  /** Replaces the whole assertion with one that pins `value` to a literal. */
  function wholeRewrite(value: TSESTree.Node): OutcomeCheck['rewrite'] {
    if (assertion.asyncKind !== null || assertion.node.type === AST_NODE_TYPES.ChainExpression) {
      return null;
    }
    const head = assertion.head;
    // Texts are read only when a suggestion is built, not for every check.
    const valueText = (): string => text(value);
    const target = assertion.node;
    switch (assertion.style) {
      case 'expect':
        return head.type === AST_NODE_TYPES.CallExpression ? (literal) => ({ range: target.range, text: `${text(head.callee)}(${valueText()}).toBe(${literal})` }) : null;
      case 'chai':
        return head.type === AST_NODE_TYPES.CallExpression ? (literal) => ({ range: target.range, text: `${text(head.callee)}(${valueText()}).to.equal(${literal})` }) : null;
      case 'assert': {
        if (head.type !== AST_NODE_TYPES.CallExpression) {
          return null;
        }
        const callee = unwrapExpression(head.callee);
        const namespace =
          callee.type === AST_NODE_TYPES.MemberExpression ? text(callee.object) : callee.type === AST_NODE_TYPES.Identifier && callee.name === 'assert' ? 'assert' : null;
        return namespace === null || assertion.library === 'unknown' ? null : (literal) => ({ range: target.range, text: `${namespace}.strictEqual(${valueText()}, ${literal})` });
      }
      default:
        return null;
    }
  }

  const subject = assertion.subject;
  const [first, second] = assertion.expected;
  const negated = assertion.negated;
  const matcher = assertion.matcher;

  switch (assertion.style) {
    case 'expect': {
      if (subject !== null && matcher === 'toBeOK' && assertion.library === 'playwright') {
        if (negated) {
          break;
        }
        facts.push({
          check: {
            assertion, node: assertion.node, subject: null, name: 'status', alias: null, owner: text(valueOf(subject)), label: `${text(valueOf(subject))}.status()`,
            accepts: true, values: [], valueNodes: [], intervals: [SUCCESS_RANGE], shape: 'ok', rewrite: null,
          },
        });
        break;
      }
      if (subject === null || (assertion.asyncKind !== null && assertion.asyncKind !== 'resolves')) {
        break;
      }
      const set = CONTAIN_MATCHERS.has(matcher) ? readLiteralArray(subject) : null;
      if (set !== null && first !== undefined && first.type !== AST_NODE_TYPES.SpreadElement) {
        add({ subject: first, accepts: !negated, values: set.values, valueNodes: set.nodes, intervals: [], shape: 'set' });
        break;
      }
      if (matcher === 'toBeOneOf') {
        const list = readLiteralArray(first);
        if (list !== null) {
          add({ subject, accepts: !negated, values: list.values, valueNodes: list.nodes, intervals: [], shape: 'set' });
        }
        break;
      }
      if (EQUAL_MATCHERS.has(matcher) && first !== undefined) {
        readEqual(subject, first, negated);
        readAsymmetric(subject, first);
        break;
      }
      if (matcher === 'toMatchObject' && first !== undefined) {
        readAsymmetric(subject, first);
        break;
      }
      if (matcher === 'toBeTruthy' || matcher === 'toBeFalsy') {
        addFacts(readCondition(subject, (matcher === 'toBeTruthy') !== negated));
        break;
      }
      if (matcher === 'toHaveProperty' && !negated) {
        pinnedProperty(subject, first, second);
        break;
      }
      readBound(subject, first, negated);
      break;
    }
    case 'chai': {
      if (subject === null || assertion.asyncKind !== null) {
        break;
      }
      if (matcher === 'oneOf') {
        const list = readLiteralArray(first);
        if (list !== null) {
          add({ subject, accepts: !negated, values: list.values, valueNodes: list.nodes, intervals: [], shape: 'set' });
        }
        break;
      }
      if (CHAI_INCLUDE.has(matcher)) {
        const set = readLiteralArray(subject);
        if (set !== null && first !== undefined && first.type !== AST_NODE_TYPES.SpreadElement) {
          add({ subject: first, accepts: !negated, values: set.values, valueNodes: set.nodes, intervals: [], shape: 'set' });
        }
        break;
      }
      if (CHAI_EQUAL.has(matcher) && first !== undefined) {
        readEqual(subject, first, negated);
        break;
      }
      if ((matcher === 'true' || matcher === 'false' || matcher === 'ok') && assertion.chain.find((part) => part.name === matcher)?.call == null) {
        addFacts(readCondition(subject, (matcher !== 'false') !== negated));
        if (matcher !== 'ok' && readCondition(subject, true).length === 0) {
          add({ subject, accepts: !negated, values: [matcher === 'true'], valueNodes: [null], intervals: [], shape: 'equal' });
        }
        break;
      }
      if (matcher === 'within' && !negated) {
        const low = readLiteral(first)?.value;
        const high = readLiteral(second)?.value;
        if (typeof low === 'number' && typeof high === 'number') {
          add({ subject, accepts: true, values: [], valueNodes: [], intervals: [{ low, high, lowInclusive: true, highInclusive: true }], shape: 'range' });
        }
        break;
      }
      if (matcher === 'status' && !negated) {
        impliedStatus(subject, 'status', first);
        break;
      }
      if (matcher === 'property' && !negated) {
        pinnedProperty(subject, first, second);
        break;
      }
      readBound(subject, first, negated);
      break;
    }
    case 'assert': {
      if (subject === null || subject.type === AST_NODE_TYPES.SpreadElement || assertion.asyncKind !== null) {
        break;
      }
      if (assertion.library === 'unknown' && matcher !== 'ok' && matcher !== 'assert') {
        break;
      }
      if (ASSERT_TRUTHY.has(matcher)) {
        addFacts(readCondition(subject, true));
        break;
      }
      if (ASSERT_FALSY.has(matcher)) {
        addFacts(readCondition(subject, false));
        break;
      }
      if ((ASSERT_EQUAL.has(matcher) || ASSERT_NOT_EQUAL.has(matcher)) && first !== undefined) {
        const equal = ASSERT_EQUAL.has(matcher);
        if (readLiteral(subject) !== null && readLiteral(first) === null) {
          readEqual(first, subject, !equal);
        } else {
          readEqual(subject, first, !equal);
        }
        break;
      }
      if (matcher === 'oneOf') {
        const list = readLiteralArray(first);
        if (list !== null) {
          add({ subject, accepts: true, values: list.values, valueNodes: list.nodes, intervals: [], shape: 'set' });
        }
        break;
      }
      if (matcher === 'include' || matcher === 'notInclude') {
        const set = readLiteralArray(subject);
        if (set !== null && first !== undefined && first.type !== AST_NODE_TYPES.SpreadElement) {
          add({ subject: first, accepts: matcher === 'include', values: set.values, valueNodes: set.nodes, intervals: [], shape: 'set' });
        }
        break;
      }
      const operator = BOUND_MATCHERS.get(matcher);
      const n = readLiteral(first)?.value;
      if (operator !== undefined && typeof n === 'number') {
        const interval = bound(operator, n, false);
        if (interval !== null) {
          add({ subject, accepts: true, values: [], valueNodes: [], intervals: [interval], shape: 'range' });
        }
      }
      break;
    }
    case 'supertest':
      readSupertest();
      break;
    default:
      break;
  }

  function readEqual(value: TSESTree.Node, expected: TSESTree.Node, isNegated: boolean): void {
    const read = readLiteral(expected);
    if (read === null) {
      return;
    }
    if (typeof read.value === 'boolean') {
      const conditionFacts = readCondition(value, read.value !== isNegated);
      addFacts(conditionFacts);
      if (conditionFacts.length > 0) {
        return;
      }
    }
    add({ subject: value, accepts: !isNegated, values: [read.value], valueNodes: [expected], intervals: [], shape: 'equal' });
  }

  function readBound(value: TSESTree.Node, expected: TSESTree.Node | undefined, isNegated: boolean): void {
    const operator = BOUND_MATCHERS.get(matcher);
    const n = readLiteral(expected)?.value;
    if (operator === undefined || typeof n !== 'number') {
      return;
    }
    const interval = bound(operator, n, isNegated);
    if (interval !== null) {
      add({ subject: value, accepts: true, values: [], valueNodes: [], intervals: [interval], shape: 'range' });
    }
  }

  /** `expect.toBeOneOf([...])` as the expected value or inside an expected object literal. */
  function readAsymmetric(value: TSESTree.Node, expected: TSESTree.Node, depth = 0): void {
    const target = unwrapExpression(expected);
    if (depth > 3) {
      return;
    }
    if (target.type === AST_NODE_TYPES.CallExpression) {
      const callee = unwrapExpression(target.callee);
      if (
        callee.type === AST_NODE_TYPES.MemberExpression &&
        getPropertyName(callee) === 'toBeOneOf' &&
        callee.object.type === AST_NODE_TYPES.Identifier &&
        context.isExpect(callee.object)
      ) {
        const list = readLiteralArray(target.arguments[0]);
        if (list !== null) {
          const fact: Fact = { subject: value, accepts: true, values: list.values, valueNodes: list.nodes, intervals: [], shape: 'set' };
          if (depth === 0) {
            add(fact, target, (literal) => ({ range: target.range, text: literal }));
          } else {
            facts.push({ check: { ...checkOf(fact, target, (literal) => ({ range: target.range, text: literal })), name: nameOf(value) ?? keyNameOf(value) } });
          }
        }
      }
      return;
    }
    if (target.type === AST_NODE_TYPES.ObjectExpression) {
      for (const property of target.properties) {
        if (property.type !== AST_NODE_TYPES.Property || property.computed || property.key.type !== AST_NODE_TYPES.Identifier) {
          continue;
        }
        readAsymmetric(property, property.value, depth + 1);
        if (depth === 0 && !negated && (matcher === 'toMatchObject' || EQUAL_MATCHERS.has(matcher)) && value.type !== AST_NODE_TYPES.Property) {
          const read = readLiteral(property.value);
          if (read !== null && typeof read.value === 'number') {
            impliedStatus(value, property.key.name, property.value);
          }
        }
      }
    }
  }

  function keyNameOf(node: TSESTree.Node): string | null {
    return node.type === AST_NODE_TYPES.Property && node.key.type === AST_NODE_TYPES.Identifier ? node.key.name : null;
  }

  function readSupertest(): void {
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
        facts.push({
          check: {
            assertion, node: part.call, subject: null, name: 'status', alias: null, owner: '*', label: 'the response status',
            accepts: true, values: [read.value], valueNodes: [argument], intervals: [], shape: 'equal', rewrite: null,
          },
        });
        continue;
      }
      if (!isFunction(argument)) {
        continue;
      }
      let body: TSESTree.Node | null = null;
      if (argument.body.type !== AST_NODE_TYPES.BlockStatement) {
        body = argument.body;
      } else if (argument.body.body.length === 1 && argument.body.body[0]?.type === AST_NODE_TYPES.ReturnStatement) {
        body = argument.body.body[0].argument;
      }
      if (body === null) {
        continue;
      }
      for (const fact of readCondition(body, true)) {
        if (fact.shape !== 'ok') {
          add(fact, argument, (literal) => ({ range: argument.range, text: literal }));
        }
      }
    }
  }

  function checkOf(fact: Fact, node: TSESTree.Node, rewrite: OutcomeCheck['rewrite']): OutcomeCheck {
    const name = fact.shape === 'ok' ? 'status' : nameOf(fact.subject);
    const subjectNode = valueOf(fact.subject);
    return {
      assertion,
      node,
      subject: fact.subject,
      name,
      alias: aliasOf(fact.subject),
      owner: fact.subject.type === AST_NODE_TYPES.Property ? ownerLabel() : ownerOf(fact.subject, sourceCode),
      label: fact.subject.type === AST_NODE_TYPES.Property ? `${ownerLabel()}.${keyNameOf(fact.subject) ?? ''}` : text(subjectNode),
      accepts: fact.accepts,
      values: fact.values,
      valueNodes: fact.valueNodes,
      intervals: fact.intervals,
      shape: fact.shape,
      rewrite,
    };
  }

  /** `s` in `const s = res.status` (or `const { status: s } = res`): the name it was read from. */
  function aliasOf(node: TSESTree.Node): string | null {
    const target = valueOf(node);
    if (target.type !== AST_NODE_TYPES.Identifier) {
      return null;
    }
    let scope: TSESLint.Scope.Scope | null = sourceCode.getScope(target);
    while (scope !== null) {
      const variable = scope.set.get(target.name);
      if (variable !== undefined) {
        const definition = variable.defs.length === 1 ? variable.defs[0] : undefined;
        if (definition?.type !== 'Variable' || definition.node.init == null) {
          return null;
        }
        const { id, init } = definition.node;
        if (id.type === AST_NODE_TYPES.Identifier) {
          return nameOf(init);
        }
        const property = definition.name.parent;
        return property?.type === AST_NODE_TYPES.Property && !property.computed && property.key.type === AST_NODE_TYPES.Identifier ? property.key.name : null;
      }
      scope = scope.upper;
    }
    return null;
  }

  function ownerLabel(): string {
    return subject === null ? '' : text(valueOf(subject));
  }

  return facts.map((entry) => ('check' in entry ? entry.check : checkOf(entry.fact, entry.node, entry.rewrite)));
}
