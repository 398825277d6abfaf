/**
 * Facts a condition states about a value when it is truthy or falsy: comparisons with a literal
 * (`s === 200`, `s >= 500`), membership (`[200, 404].includes(s)`, `.indexOf(s) !== -1`),
 * disjunctions over one value (`s === 200 || s === 404`), and `res.ok`.
 */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/types';

import { getPropertyName, unwrapExpression } from '../../ast/nodes.js';
import type { Interval, OutcomeValue } from './outcome-classes.js';
import { nameOf, readLiteral, readLiteralArray, valueOf, type LiteralArray } from './values.js';

/** How the accepted set was written; decides the message. */
export type CheckShape = 'set' | 'equal' | 'range' | 'disjunction' | 'ok';

/** A check on a value before it is tied to an assertion. */
export interface Fact {
  readonly subject: TSESTree.Node;
  readonly accepts: boolean;
  readonly values: readonly OutcomeValue[];
  readonly valueNodes: ReadonlyArray<TSESTree.Node | null>;
  readonly intervals: readonly Interval[];
  readonly shape: CheckShape;
}

const EVERYTHING: Interval = { low: -Infinity, high: Infinity, lowInclusive: false, highInclusive: false };

/** `value OP n` as an interval, or its complement when `negate`. */
export function bound(operator: string, n: number, negate: boolean): Interval | null {
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

/** A membership call: the literal set, the value looked up, and the method (`includes`, `has`, `indexOf`). */
interface MembershipCall {
  readonly set: LiteralArray;
  readonly value: TSESTree.Node;
  readonly method: string;
}

/** `[a, b].includes(x)`, `new Set([a, b]).has(x)`: the set and the value. */
function readMembershipCall(node: TSESTree.Node): MembershipCall | null {
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

export const SUCCESS_RANGE: Interval = { low: 200, high: 300, lowInclusive: true, highInclusive: false };

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
    return readIndexOfComparison(membership, operator, literal.value, positive);
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

/** `[200, 404].indexOf(s) OP n`: whether `s` is found (`!== -1`, `> -1`, `>= 0`) or not (`=== -1`, `< 0`). */
function readIndexOfComparison(membership: MembershipCall, operator: string, literal: OutcomeValue, positive: boolean): Fact[] {
  if (membership.method !== 'indexOf' || typeof literal !== 'number') {
    return [];
  }
  const n = literal;
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
