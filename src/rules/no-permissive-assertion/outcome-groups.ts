/**
 * One file's outcome checks, classified and grouped: per scope (the test or hook callback, else
 * the enclosing function) and per value (its owner for named outcomes), and within a group the
 * accepting checks that, narrowed by the group's pins, still accept a success and a failure.
 */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/types';

import { getEnclosingFunction } from '../../ast/nodes.js';
import type { Assertion, TestModel } from '../../model/index.js';
import type { OutcomeCheck, ReadContext } from './check-reader.js';
import { Narrowing } from './narrowing.js';
import { classify, enumeratesStates, httpClassesAdmitted, intervalIncludes, mixesOutcomes, type Classification, type OutcomeFamily, type OutcomeValue } from './outcome-classes.js';
import { readOutcomeChecks } from './outcome-checks.js';
import type { ValueIdentities } from './value-identity.js';
import type { ValidationDomains } from './binary-domain.js';
import { nameOf, ownerNodeOf } from './values.js';
import { rejectedOwnerOf } from './side-guards.js';
import { detailPinOwner } from './outcome-pins.js';

/** One file as the analysis sees it: its source and model, the options' name matchers and the value keys made for it. */
export interface OutcomeFile extends ReadContext {
  readonly model: TestModel;
  readonly isStatusName: (name: string) => boolean;
  readonly isStateName: (name: string) => boolean;
  readonly identities: ValueIdentities;
  readonly domains: ValidationDomains;
}

/** The scope facts are combined in: the test (or hook) callback, else the enclosing function. */
type Scope = TSESTree.Node | null;

/** A check with its classification under the rule's options. */
export interface Classified {
  readonly check: OutcomeCheck;
  readonly classification: Classification | null;
  /** The scope facts are combined in: the test (or hook) callback, else the enclosing function. */
  readonly scope: Scope;
  /** Which value the check is about (see `value-identity.ts`): checks combine only with checks of the same value. */
  readonly key: string;
}

/** The classified checks of a file, and the values (keys) that some non-negated assertion pins, per scope. */
export interface ClassifiedChecks {
  readonly classified: readonly Classified[];
  /** Per scope, the values some assertion pins: their status or state, or another detail of the same response or error (body, error code). */
  readonly positiveOwners: ReadonlyMap<Scope, ReadonlySet<string>>;
  /** The values whose response some assertion states is not ok (`expect(res.ok()).toBeFalsy()`), per scope. */
  readonly rejectedOwners: ReadonlyMap<Scope, ReadonlySet<string>>;
  /** Per scope, the values another detail of whose response or error is pinned (`expect(body.error).toContain('…')`). */
  readonly detailOwners: ReadonlyMap<Scope, ReadonlySet<string>>;
}

/** The checks of one value in one scope, and whether a non-negated assertion pins the value. */
export interface OutcomeGroup {
  readonly group: readonly Classified[];
  readonly positive: boolean;
  /** Whether another detail of the value's response or error is pinned (its body, error text): a crash would not produce it. */
  readonly detailPinned: boolean;
  /** Whether an assertion states the value's response is not ok (`ok()` falsy): it excludes every success. */
  readonly okRejected: boolean;
}

/** A check that accepts a success and a failure, what the group's other checks of the value still admit with it, and the classes that shows. */
export interface PermissiveCheck {
  readonly culprit: Classified;
  readonly admits: (value: OutcomeValue) => boolean;
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

/** The group a check is combined in: the value its owner is for named outcomes (see `value-identity.ts`), the value itself otherwise. */
function groupKey(check: OutcomeCheck, file: OutcomeFile): string {
  const kind = subjectKind(check, file);
  if (check.ownerNode === null) {
    return file.identities.chainKey(check.assertion);
  }
  if (kind.statusLike || kind.stateLike) {
    return file.identities.keyOf(check.ownerNode);
  }
  return check.subject === null || check.subject.type === AST_NODE_TYPES.Property ? `label:${check.label}` : file.identities.keyOf(check.subject);
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

/** The scope an assertion's facts are combined in. */
export function scopeOf(assertion: Assertion): Scope {
  return assertion.block !== null ? assertion.block.callback : getEnclosingFunction(assertion.head);
}

/** The value that owns `res.status`, `response.status()`, `job.state`, as a key; null for values that are not outcomes. */
function namedOwner(subject: TSESTree.Node | null, file: OutcomeFile): string | null {
  if (subject === null) {
    return null;
  }
  const name = nameOf(subject);
  if (name === null || !(file.isStatusName(name) || file.isStateName(name))) {
    return null;
  }
  return file.identities.keyOf(ownerNodeOf(subject));
}

/** Reads and classifies the outcome checks of `checked`, noting which values a non-negated assertion pins. */
export function classifyChecks(checked: readonly Assertion[], file: OutcomeFile): ClassifiedChecks {
  const classified: Classified[] = [];
  // Values of status/state checks that some non-negated assertion checks, per scope.
  const positiveOwners = new Map<Scope, Set<string>>();
  const rejectedOwners = new Map<Scope, Set<string>>();
  const detailOwners = new Map<Scope, Set<string>>();
  const note = (owners: Map<Scope, Set<string>>, scope: Scope, key: string): void => {
    const set = owners.get(scope) ?? new Set<string>();
    set.add(key);
    owners.set(scope, set);
  };
  for (const assertion of checked) {
    const scope = scopeOf(assertion);
    const rejected = rejectedOwnerOf(assertion);
    if (rejected !== null) {
      note(rejectedOwners, scope, file.identities.keyOf(rejected));
    }
    const owner = assertion.negated || NOT_PINNING.has(assertion.matcher) ? null : namedOwner(assertion.subject, file);
    if (owner !== null) {
      note(positiveOwners, scope, owner);
    }
    // A pin on another detail of the same response or error (its body, text, error code) pins the outcome too.
    const detail = detailPinOwner(assertion, file.sourceCode);
    if (detail !== null) {
      const key = file.identities.keyOf(detail);
      note(positiveOwners, scope, key);
      note(detailOwners, scope, key);
    }
    for (const check of readOutcomeChecks(assertion, file)) {
      classified.push({ check, classification: classify(check.values, check.intervals, subjectKind(check, file)), scope, key: groupKey(check, file) });
    }
  }
  return { classified, positiveOwners, rejectedOwners, detailOwners };
}

/** Groups by scope, then by the value checked (a supertest `.expect(200)` pins the response its chain yields). */
export function groupChecks({ classified, positiveOwners, rejectedOwners, detailOwners }: ClassifiedChecks): OutcomeGroup[] {
  const scopes = new Map<Scope, Map<string, Classified[]>>();
  for (const item of classified) {
    const groups = scopes.get(item.scope) ?? new Map<string, Classified[]>();
    const list = groups.get(item.key) ?? [];
    list.push(item);
    groups.set(item.key, list);
    scopes.set(item.scope, groups);
  }
  const result: OutcomeGroup[] = [];
  for (const [scope, groups] of scopes) {
    const owners = positiveOwners.get(scope);
    const rejected = rejectedOwners.get(scope);
    const details = detailOwners.get(scope);
    for (const [key, group] of groups) {
      result.push({ group, positive: owners?.has(key) === true, detailPinned: details?.has(key) === true, okRejected: rejected?.has(key) === true });
    }
  }
  return result;
}

const isPin = (item: Classified): boolean => item.check.shape === 'ok' || (item.check.values.length === 1 && item.check.intervals.length === 0);
const isBound = (item: Classified): boolean => item.check.intervals.length > 0 && item.check.values.length === 0;

/**
 * The accepting checks of one value in one scope that mix outcomes. Bounds combine with each
 * other (`>= 200` and `< 300` is one class); a set or a range is narrowed by any single-value pin
 * on the same value (`toBe(404)` next to `toBeOneOf([200, 404])`). Linear in the group: the pins
 * and bounds are folded once per family, not once per culprit.
 */
export function permissiveChecks(group: readonly Classified[], file: OutcomeFile): PermissiveCheck[] {
  const accepting = group.filter((item) => item.check.accepts && item.classification !== null);
  const narrowings = new Map<string, { pins: Narrowing; bounds: Narrowing }>();
  const narrowingOf = (family: OutcomeFamily): { pins: Narrowing; bounds: Narrowing } => {
    let found = narrowings.get(family);
    if (found === undefined) {
      const same = accepting.filter((item) => item.classification?.family === family);
      found = { pins: new Narrowing(same.filter(isPin).map((item) => item.check)), bounds: new Narrowing(same.filter(isBound).map((item) => item.check)) };
      narrowings.set(family, found);
    }
    return found;
  };
  const found: PermissiveCheck[] = [];
  let rangeReported = false;
  for (const culprit of accepting) {
    const own = culprit.classification;
    const ranged = culprit.check.intervals.length > 0;
    if (own === null || !mixesOutcomes(own) || (ranged && rangeReported)) {
      continue;
    }
    if (own.family === 'state' && culprit.check.shape === 'set' && enumeratesStates(culprit.check.values)) {
      continue;
    }
    const { pins, bounds } = narrowingOf(own.family);
    const itself = new Narrowing([culprit.check]);
    const admits = (value: OutcomeValue): boolean => itself.admits(value) && pins.admits(value) && (!ranged || bounds.admits(value));
    const combined =
      own.family === 'http'
        ? httpClassesAdmitted(admits)
        : classify(
            culprit.check.values.filter((value) => admits(value)),
            [],
            subjectKind(culprit.check, file),
          );
    if (combined === null || !mixesOutcomes(combined)) {
      continue;
    }
    rangeReported ||= ranged;
    found.push({ culprit, admits, classification: ranged ? combined : own });
  }
  return found;
}
