/**
 * Negative checks that are not the test's claim about an outcome, so `negativeOnlyCheck` leaves
 * them alone:
 *
 * - a rejection kept apart from a crash: the same value is checked to be not a success (`not 200`,
 *   `ok()` falsy) and not a server error (`not 500`), which together say "turned away, not crashed";
 * - a crash guard repeated in a loop (`not 500` on every attempt) when the test asserts its real
 *   claim after the loop (timings, statuses compared across attempts);
 * - `not 200` in a test that forces the failure itself (a stand-in it defines throws) and asserts
 *   what the failure left behind after it.
 */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/types';

import { someDescendant, unwrapExpression, type VisitorKeys } from '../../ast/nodes.js';
import type { Assertion } from '../../model/index.js';
import { readLiteral, nameOf } from './values.js';
import type { Classified } from './outcome-groups.js';

const TRUTHY_MATCHERS: ReadonlySet<string> = new Set(['toBeTruthy', 'toBeTrue', 'true', 'ok', 'isTrue', 'isOk', 'assert']);
const FALSY_MATCHERS: ReadonlySet<string> = new Set(['toBeFalsy', 'toBeFalse', 'false', 'isFalse', 'isNotOk', 'notOk']);
const EQUALITY_MATCHERS: ReadonlySet<string> = new Set(['toBe', 'toEqual', 'toStrictEqual', 'equal', 'equals', 'eq', 'strictEqual', 'deepEqual', 'deepStrictEqual']);
/** Array methods whose callback runs once per item. */
const ITERATING: ReadonlySet<string> = new Set(['forEach', 'map', 'flatMap', 'every', 'some', 'filter', 'find']);

/** The truth value an assertion states its subject has, or null when it states none. */
function statedTruth(assertion: Assertion): boolean | null {
  const { matcher } = assertion;
  let truth: boolean | null = null;
  if (TRUTHY_MATCHERS.has(matcher)) {
    truth = true;
  } else if (FALSY_MATCHERS.has(matcher)) {
    truth = false;
  } else if (EQUALITY_MATCHERS.has(matcher)) {
    const value = readLiteral(assertion.expected[0])?.value;
    truth = typeof value === 'boolean' ? value : null;
  }
  return truth === null ? null : truth !== assertion.negated;
}

/** For an assertion that `res.ok` / `response.ok()` is false, the response (`res`); null otherwise. */
export function rejectedOwnerOf(assertion: Assertion): TSESTree.Node | null {
  if (assertion.subject === null) {
    return null;
  }
  let subject = unwrapExpression(assertion.subject);
  let inverted = false;
  if (subject.type === AST_NODE_TYPES.UnaryExpression && subject.operator === '!') {
    subject = unwrapExpression(subject.argument);
    inverted = true;
  }
  const target = subject.type === AST_NODE_TYPES.CallExpression && subject.arguments.length === 0 ? unwrapExpression(subject.callee) : subject;
  if (target.type !== AST_NODE_TYPES.MemberExpression || nameOf(target) !== 'ok') {
    return null;
  }
  const truth = statedTruth(assertion);
  return truth !== null && truth === inverted ? target.object : null;
}

const isServerError = (value: unknown): boolean => typeof value === 'number' && value >= 500 && value < 600;
const isClientError = (value: unknown): value is number => typeof value === 'number' && value >= 400 && value < 500;
const isSuccess = (value: unknown): boolean => typeof value === 'number' && value >= 200 && value < 300;

/** Do the values excluded from one status, with an `ok()`-falsy check of its response, rule out both a success and a crash? */
export function rejectsWithoutCrash(excluded: readonly unknown[], okRejected: boolean): boolean {
  return excluded.some(isServerError) && (okRejected || excluded.some(isSuccess));
}

export const onlyServerErrors = (values: readonly unknown[]): boolean => values.length > 0 && values.every(isServerError);

export const onlySuccesses = (values: readonly unknown[]): boolean => values.length > 0 && values.every(isSuccess);

type Loop = TSESTree.Node;

/** The innermost loop (a loop statement or an iterating array method's callback) around `node`, below `scope`. */
export function enclosingLoop(node: TSESTree.Node, scope: TSESTree.Node | null): Loop | null {
  for (let current = node.parent; current !== undefined && current !== scope; current = current.parent) {
    switch (current.type) {
      case AST_NODE_TYPES.ForStatement:
      case AST_NODE_TYPES.ForOfStatement:
      case AST_NODE_TYPES.ForInStatement:
      case AST_NODE_TYPES.WhileStatement:
      case AST_NODE_TYPES.DoWhileStatement:
        return current;
      case AST_NODE_TYPES.ArrowFunctionExpression:
      case AST_NODE_TYPES.FunctionExpression: {
        const call = current.parent;
        const isIterating =
          call?.type === AST_NODE_TYPES.CallExpression &&
          call.arguments[0] === current &&
          call.callee.type === AST_NODE_TYPES.MemberExpression &&
          ITERATING.has(nameOf(call.callee) ?? '');
        return isIterating ? current : null;
      }
      case AST_NODE_TYPES.FunctionDeclaration:
        return null;
      default:
        break;
    }
  }
  return null;
}

/** Does the test assert something after the loop ends (its real claim, which the loop's guards serve)? */
export function assertsAfter(loop: Loop, block: Assertion['block'], assertions: readonly Assertion[]): boolean {
  const end = loop.range[1];
  return assertions.some((assertion) => assertion.block === block && assertion.node.range[0] > end);
}

/** Calls that make a test double fail on purpose. */
const FAILING_DOUBLES: ReadonlySet<string> = new Set(['mockRejectedValue', 'mockRejectedValueOnce', 'rejects', 'throws']);

/** Does `node` inject a failure: a function written in the test that throws, or a double set up to reject or throw? */
function injectsFailureAt(node: TSESTree.Node, scope: TSESTree.Node): boolean {
  if (node.type === AST_NODE_TYPES.CallExpression) {
    return node.callee.type === AST_NODE_TYPES.MemberExpression && FAILING_DOUBLES.has(nameOf(node.callee) ?? '');
  }
  if (node.type !== AST_NODE_TYPES.ThrowStatement) {
    return false;
  }
  // A throw of the test's own body is a guard; a throw inside a function the test defines is a fault it injects.
  for (let current: TSESTree.Node | undefined = node.parent; current !== undefined && current !== scope; current = current.parent) {
    if (current.type === AST_NODE_TYPES.ArrowFunctionExpression || current.type === AST_NODE_TYPES.FunctionExpression || current.type === AST_NODE_TYPES.FunctionDeclaration) {
      return true;
    }
  }
  return false;
}

/**
 * Does the test force a failure itself before `before` (a fault it injects into a stand-in), so
 * that a `not 200` check only confirms the forced failure happened and the claim is what it left
 * behind? Walks the test's own body, only for a check about to be reported.
 */
export function forcesFailure(scope: TSESTree.Node, before: number, visitorKeys: VisitorKeys): boolean {
  return someDescendant(
    scope,
    visitorKeys,
    (node) => node !== scope && injectsFailureAt(node, scope),
    (node) => node.range[0] >= before,
  );
}

const FAILURE_CLASSES: ReadonlySet<string> = new Set(['4xx', '5xx']);

/** Does an accepted set of HTTP classes hold failures only (`>= 400`, `[400, 500]`): no success, redirect or informational status? */
export const onlyFailureClasses = (classes: readonly string[]): boolean => classes.length > 0 && classes.every((name) => FAILURE_CLASSES.has(name));

/** Matchers that compare a whole list with an expected one. */
const LIST_MATCHERS: ReadonlySet<string> = new Set(['toEqual', 'toStrictEqual', 'toMatchObject', 'eql', 'deepEqual', 'deepStrictEqual']);

/** The numeric HTTP statuses an object literal gives its status-named keys (`{ status: 401 }`). */
function statusesIn(object: TSESTree.ObjectExpression, isStatusName: (name: string) => boolean): number[] {
  const found: number[] = [];
  for (const property of object.properties) {
    if (property.type !== AST_NODE_TYPES.Property || property.computed || property.key.type !== AST_NODE_TYPES.Identifier || !isStatusName(property.key.name)) {
      continue;
    }
    const value = readLiteral(property.value)?.value;
    if (typeof value === 'number' && value >= 100 && value < 600) {
      found.push(value);
    }
  }
  return found;
}

/**
 * Per scope, the single statuses that checks pin (`expect(blocked.status).toBe(429)`), whichever
 * response they are about. Built once per file from the classified checks.
 */
export class PinnedStatuses {
  private readonly byScope = new Map<TSESTree.Node | null, Set<number>>();

  constructor(checks: readonly Classified[]) {
    for (const { check, scope, classification } of checks) {
      const [value] = check.values;
      if (check.accepts && classification?.family === 'http' && check.values.length === 1 && check.intervals.length === 0 && typeof value === 'number') {
        const pins = this.byScope.get(scope) ?? new Set<number>();
        pins.add(value);
        this.byScope.set(scope, pins);
      }
    }
  }

  /**
   * Adds the statuses pinned inside a list of objects (`expect(posts).toEqual([{ method: 'discover',
   * status: 401 }])`, `assert.deepStrictEqual(calls, [{ statusCode: 401 }])`): each is a pin of one
   * recorded response, which the checks read as a whole value do not see.
   */
  noteListedPins(assertions: readonly Assertion[], isStatusName: (name: string) => boolean, scopeOf: (assertion: Assertion) => TSESTree.Node | null): void {
    for (const assertion of assertions) {
      const list = assertion.negated || !LIST_MATCHERS.has(assertion.matcher) ? undefined : assertion.expected[0];
      if (list?.type !== AST_NODE_TYPES.ArrayExpression) {
        continue;
      }
      for (const element of list.elements) {
        for (const status of element?.type === AST_NODE_TYPES.ObjectExpression ? statusesIn(element, isStatusName) : []) {
          const scope = scopeOf(assertion);
          const pins = this.byScope.get(scope) ?? new Set<number>();
          pins.add(status);
          this.byScope.set(scope, pins);
        }
      }
    }
  }

  /**
   * Does a check in `scope` pin each of `excluded`, all client errors (a guard's 429, 403, 413), on
   * some response? Then the test tells that status apart (`toBe(429)` once the budget is spent), and a check that excludes it on another response
   * (`not 429` while the budget lasts, or after the window resets) is a step of that claim.
   */
  pinsEach(scope: TSESTree.Node | null, excluded: readonly unknown[]): boolean {
    const pins = this.byScope.get(scope);
    return pins !== undefined && excluded.length > 0 && excluded.every((value) => isClientError(value) && pins.has(value));
  }
}
