/**
 * A guard's outcome the test separates: a request that is either let through (one 2xx) or turned
 * away by a validation or authorization guard (400, 401, 403 or 422), where the test then branches
 * on the status and asserts what each outcome must look like. The two values are the whole domain
 * of such a step (a validation middleware sets 400 or leaves 200), a crash (5xx) still fails, and
 * the test checks each outcome, so accepting either is not permissive. Recognised conservatively:
 * exactly those two values, the same value (binding, see `value-identity.ts`) compared with one of
 * them in an `if` or a ternary of the same test, and an assertion inside that branch.
 */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/types';

import { firstIndexNotBefore, rangeContains } from '../../ast/nodes.js';
import type { TestModel } from '../../model/index.js';
import type { BranchCondition, BranchNode } from './branches.js';
import { httpClass, isHttpStatus, type OutcomeValue } from './outcome-classes.js';
import type { Classified } from './outcome-groups.js';

/** Statuses a guard sets when it turns a request away: invalid input (400, 422), no or wrong credentials (401, 403). */
const GUARD_REJECTIONS: ReadonlySet<number> = new Set([400, 401, 403, 422]);

/** Exactly two distinct values: one 2xx and one guard rejection (400, 401, 403, 422). */
export function isValidationPair(values: readonly OutcomeValue[]): boolean {
  const distinct = new Set(values);
  if (distinct.size !== 2) {
    return false;
  }
  let accepted = 0;
  let rejected = 0;
  for (const value of distinct) {
    if (isHttpStatus(value) && httpClass(value) === '2xx') {
      accepted += 1;
    } else if (typeof value === 'number' && GUARD_REJECTIONS.has(value)) {
      rejected += 1;
    }
  }
  return accepted === 1 && rejected === 1;
}

/** A branch on one value compared with one literal. */
interface SeparatingBranch {
  readonly node: BranchNode;
  readonly value: OutcomeValue;
}

/** One file's branches that separate outcomes, and where its assertions are; made per file. */
export class ValidationDomains {
  private assertionStarts: number[] | null = null;
  private readonly branches = new Map<string, SeparatingBranch[]>();

  constructor(private readonly model: TestModel) {}

  /** Does an assertion start within `range`? */
  holdsAssertion(range: readonly [number, number]): boolean {
    if (this.assertionStarts === null) {
      this.assertionStarts = this.model.assertions.map((assertion) => assertion.node.range[0]).sort((a, b) => a - b);
    }
    const starts = this.assertionStarts;
    const first = starts[firstIndexNotBefore(starts, (start) => start < range[0])];
    return first !== undefined && first < range[1];
  }

  /** Notes a branch whose condition compares a value with one literal and whose arms assert something. */
  noteBranch(node: BranchNode, { fact, key }: BranchCondition): void {
    const [value] = fact.values;
    if (fact.shape !== 'equal' || fact.values.length !== 1 || value === undefined) {
      return;
    }
    const arms = node.type === AST_NODE_TYPES.ConditionalExpression ? [node.consequent, node.alternate] : [node.consequent, node.alternate];
    if (!arms.some((arm: TSESTree.Node | null) => arm !== null && this.holdsAssertion(arm.range))) {
      return;
    }
    const list = this.branches.get(key) ?? [];
    list.push({ node, value });
    this.branches.set(key, list);
  }

  /** Is the set a validation pair that its test separates with a branch on the same value? */
  separates(item: Classified): boolean {
    const { check, scope } = item;
    if (scope === null || check.intervals.length > 0 || !isValidationPair(check.values)) {
      return false;
    }
    return (this.branches.get(item.key) ?? []).some((branch) => check.values.includes(branch.value) && rangeContains(scope.range, branch.node.range));
  }
}
