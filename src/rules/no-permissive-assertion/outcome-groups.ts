/**
 * One file's outcome checks, classified and grouped: per scope (the test or hook callback, else
 * the enclosing function) and per value (its owner for named outcomes), and within a group the
 * accepting checks that, narrowed by the group's pins, still accept a success and a failure.
 */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/types';

import { getEnclosingFunction, unwrapExpression } from '../../ast/nodes.js';
import type { Assertion, TestModel } from '../../model/index.js';
import type { OutcomeCheck, ReadContext } from './check-reader.js';
import { classify, httpClass, intervalIncludes, mixesOutcomes, type Classification, type OutcomeClass, type OutcomeValue } from './outcome-classes.js';
import { readOutcomeChecks } from './outcome-checks.js';
import { nameOf } from './values.js';

/** One file as the analysis sees it: its source and model, and the options' name matchers made for it. */
export interface OutcomeFile extends ReadContext {
  readonly model: TestModel;
  readonly isStatusName: (name: string) => boolean;
  readonly isStateName: (name: string) => boolean;
}

/** The scope facts are combined in: the test (or hook) callback, else the enclosing function. */
type Scope = TSESTree.Node | null;

/** A check with its classification under the rule's options. */
export interface Classified {
  readonly check: OutcomeCheck;
  readonly classification: Classification | null;
  /** The scope facts are combined in: the test (or hook) callback, else the enclosing function. */
  readonly scope: Scope;
}

/** The classified checks of a file, and the owners of status/state values that some non-negated assertion pins, per scope. */
export interface ClassifiedChecks {
  readonly classified: readonly Classified[];
  readonly positiveOwners: ReadonlyMap<Scope, ReadonlySet<string>>;
}

/** The checks of one value in one scope, the scope's checks that pin every status (supertest `.expect(200)`), and whether an assertion pins the value. */
export interface OutcomeGroup {
  readonly group: readonly Classified[];
  readonly starPins: readonly Classified[];
  readonly positive: boolean;
}

/** A check that accepts a success and a failure, the checks it was combined with (itself first), and the classes that shows. */
export interface PermissiveCheck {
  readonly culprit: Classified;
  readonly all: readonly Classified[];
  readonly classification: Classification;
}

/** Matchers that do not pin a value even when not negated. */
const NOT_PINNING: ReadonlySet<string> = new Set([
  'toBeDefined', 'toBeUndefined', 'toBeNull', 'toBeTruthy', 'toBeFalsy', 'toBeTypeOf', 'toBeInstanceOf', 'toBeNumber', 'toBeString',
  'exist', 'exists', 'ok', 'a', 'an', 'instanceOf', 'instanceof', 'isDefined', 'isNumber', 'isString', 'isOk',
]);

const named = (check: OutcomeCheck, matches: (name: string) => boolean): boolean =>
  (check.name !== null && matches(check.name)) || (check.alias !== null && matches(check.alias));

export const subjectKind = (check: OutcomeCheck, file: OutcomeFile): { statusLike: boolean; stateLike: boolean } => ({
  statusLike: check.owner === '*' || named(check, file.isStatusName),
  stateLike: named(check, file.isStateName),
});

/** The group a check is combined in: its owner for named outcomes, its own text otherwise. */
function groupKey(check: OutcomeCheck, file: OutcomeFile): string {
  const kind = subjectKind(check, file);
  return kind.statusLike || kind.stateLike ? check.owner : check.label;
}

/** Does the check admit this status code? */
export function admitsStatus(check: OutcomeCheck, code: number): boolean {
  const listed = check.values.includes(code) || check.intervals.some((interval) => intervalIncludes(interval, code));
  return check.accepts ? listed : !listed;
}

export function admitsValue(check: OutcomeCheck, value: OutcomeValue): boolean {
  const listed = check.values.includes(value);
  return check.accepts ? listed : !listed;
}

function scopeOf(assertion: Assertion): Scope {
  return assertion.block !== null ? assertion.block.callback : getEnclosingFunction(assertion.head);
}

/** `res` for `res.status`, `response.status()`, `job.state`; null for values that are not outcomes. */
function namedOwner(subject: TSESTree.Node | null, file: OutcomeFile): string | null {
  if (subject === null) {
    return null;
  }
  const name = nameOf(subject);
  if (name === null || !(file.isStatusName(name) || file.isStateName(name))) {
    return null;
  }
  let target = unwrapExpression(subject);
  while (target.type === AST_NODE_TYPES.AwaitExpression) {
    target = unwrapExpression(target.argument);
  }
  const inner = target.type === AST_NODE_TYPES.CallExpression ? unwrapExpression(target.callee) : target;
  return file.sourceCode.getText(inner.type === AST_NODE_TYPES.MemberExpression ? unwrapExpression(inner.object) : inner);
}

/** Reads and classifies the outcome checks of `checked`, noting which owners a non-negated assertion pins. */
export function classifyChecks(checked: readonly Assertion[], file: OutcomeFile): ClassifiedChecks {
  const classified: Classified[] = [];
  // Owners of status/state values that some non-negated assertion checks, per scope.
  const positiveOwners = new Map<Scope, Set<string>>();
  for (const assertion of checked) {
    const scope = scopeOf(assertion);
    const owner = assertion.negated || NOT_PINNING.has(assertion.matcher) ? null : namedOwner(assertion.subject, file);
    if (owner !== null) {
      const set = positiveOwners.get(scope) ?? new Set<string>();
      set.add(owner);
      positiveOwners.set(scope, set);
    }
    for (const check of readOutcomeChecks(assertion, file)) {
      classified.push({ check, classification: classify(check.values, check.intervals, subjectKind(check, file)), scope });
    }
  }
  return { classified, positiveOwners };
}

/** Groups by scope, then by the value's owner; checks that pin every status go with each group of their scope. */
export function groupChecks({ classified, positiveOwners }: ClassifiedChecks, file: OutcomeFile): OutcomeGroup[] {
  const scopes = new Map<Scope, Map<string, Classified[]>>();
  const starPins = new Map<Scope, Classified[]>();
  for (const item of classified) {
    if (item.check.owner === '*') {
      const list = starPins.get(item.scope) ?? [];
      list.push(item);
      starPins.set(item.scope, list);
      continue;
    }
    const groups = scopes.get(item.scope) ?? new Map<string, Classified[]>();
    const key = groupKey(item.check, file);
    const list = groups.get(key) ?? [];
    list.push(item);
    groups.set(key, list);
    scopes.set(item.scope, groups);
  }
  const result: OutcomeGroup[] = [];
  for (const [scope, groups] of scopes) {
    const pins = starPins.get(scope) ?? [];
    const owners = positiveOwners.get(scope);
    for (const [key, group] of groups) {
      result.push({ group, starPins: pins, positive: owners?.has(key) === true });
    }
  }
  return result;
}

/**
 * The accepting checks of one value in one scope that mix outcomes. Bounds combine with each
 * other (`>= 200` and `< 300` is one class); a set or a range is narrowed by any single-value pin
 * on the same value (`toBe(404)` next to `toBeOneOf([200, 404])`).
 */
export function permissiveChecks(group: readonly Classified[], starPins: readonly Classified[], file: OutcomeFile): PermissiveCheck[] {
  const accepting = group.filter((item) => item.check.accepts && item.classification !== null);
  const isPin = (item: Classified): boolean =>
    item.check.shape === 'ok' || (item.check.values.length === 1 && item.check.intervals.length === 0);
  const found: PermissiveCheck[] = [];
  let rangeReported = false;
  for (const culprit of accepting) {
    const own = culprit.classification;
    if (own === null || !mixesOutcomes(own)) {
      continue;
    }
    const family = own.family;
    const ranged = culprit.check.intervals.length > 0;
    if (ranged && rangeReported) {
      continue;
    }
    const others = [...accepting, ...(family === 'http' ? starPins : [])].filter(
      (item) => item !== culprit && item.classification?.family === family && (isPin(item) || (ranged && item.check.intervals.length > 0 && item.check.values.length === 0)),
    );
    const all = [culprit, ...others];
    const combined = combinedClassification(culprit, all, own, file);
    if (combined === null || !mixesOutcomes(combined)) {
      continue;
    }
    rangeReported ||= ranged;
    found.push({ culprit, all, classification: ranged ? combined : own });
  }
  return found;
}

/** The classes every check in `all` admits: statuses 100–599 for HTTP, the culprit's own values otherwise. */
function combinedClassification(culprit: Classified, all: readonly Classified[], own: Classification, file: OutcomeFile): Classification | null {
  const family = own.family;
  if (family === 'http') {
    const found = new Set<OutcomeClass>();
    for (let code = 100; code <= 599; code += 1) {
      if (all.every((item) => admitsStatus(item.check, code))) {
        found.add(httpClass(code));
      }
    }
    return found.size === 0 ? null : { family, classes: [...found] };
  }
  const values = culprit.check.values.filter((value) => all.every((item) => admitsValue(item.check, value)));
  return classify(values, [], subjectKind(culprit.check, file));
}
