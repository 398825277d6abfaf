import type { TSESTree } from '@typescript-eslint/types';
import type { TSESLint } from '@typescript-eslint/utils';

import { getTestModel, type Assertion, type TestBlock, type TestModel } from '../model/index.js';
import { createRule, perOptions } from '../create-rule.js';
import { BranchIndex, expectedArguments, outcomeBranches, readBranchCondition, readPermissiveBranches, type BranchCondition, type BranchNode } from './no-permissive-assertion/branches.js';
import type { OutcomeCheck } from './no-permissive-assertion/check-reader.js';
import {
  DEFAULT_STATE_NAMES,
  DEFAULT_STATUS_NAMES,
  createNameMatcher,
  describeClasses,
  acceptedBesides,
  describeConsequence,
  nameSet,
  statusNamedInTitle,
  wordNamedInTitle,
  type Classification,
  type OutcomeValue,
} from './no-permissive-assertion/outcome-classes.js';
import { classifyChecks, groupChecks, permissiveChecks, scopeOf, type Classified, type OutcomeFile, type PermissiveCheck } from './no-permissive-assertion/outcome-groups.js';
import { ValueIdentities } from './no-permissive-assertion/value-identity.js';
import { ValidationDomains } from './no-permissive-assertion/binary-domain.js';
import {
  PinnedStatuses,
  assertsAfter,
  enclosingLoop,
  forcesFailure,
  onlyFailureClasses,
  onlyServerErrors,
  onlySuccesses,
  rejectsWithoutCrash,
} from './no-permissive-assertion/side-guards.js';
import { claimsAnyFailure, inFailureHelper } from './no-permissive-assertion/failure-helpers.js';
import { isTableEntry } from './no-permissive-assertion/table-entries.js';
import { claimsGuardSilent, excludesOnlyGuardOrRoute, titleClaimsMore } from './no-permissive-assertion/guard-claims.js';
import { claimsOutOfReach } from './no-permissive-assertion/negative-claims.js';
import { explainsLoopSource, explainsRepeatedTolerance, explainsTolerance, titleExcludes } from './no-permissive-assertion/outcome-pins.js';
import { isProbe } from './no-permissive-assertion/probes.js';

export type Options = [
  {
    allowInCleanupHooks?: boolean;
    statusNames?: string[];
    stateNames?: string[];
  },
];
export type MessageIds = 'permissiveOutcomeSet' | 'permissiveRange' | 'booleanTautology' | 'negativeOnlyCheck' | 'permissiveBranches' | 'pinOutcome';

type SourceCode = Readonly<TSESLint.SourceCode>;
type Context = Readonly<TSESLint.RuleContext<MessageIds, Options>>;

const MAX_LABEL = 40;
/** A negative check over a long list names its first few values only. */
const MAX_VALUES_SHOWN = 5;

function isCleanup(block: TestBlock | null): boolean {
  for (let current = block; current !== null; current = current.parent) {
    if (current.kind === 'hook' && (current.hook === 'afterEach' || current.hook === 'afterAll')) {
      return true;
    }
  }
  return false;
}

function titleOf(block: TestBlock | null): string | null {
  for (let current = block; current !== null; current = current.parent) {
    if (current.kind === 'test') {
      return current.title;
    }
  }
  return null;
}

export default createRule<Options, MessageIds>({
  name: 'no-permissive-assertion',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow assertions that accept both a success and a failure outcome',
      recommended: 'recommended',
      requiresTypeChecking: false,
      strictOptions: [{ allowInCleanupHooks: false }],
    },
    hasSuggestions: true,
    schema: [
      {
        type: 'object',
        additionalProperties: false,
        properties: {
          allowInCleanupHooks: {
            type: 'boolean',
            description: 'Allow permissive assertions in `afterEach`/`afterAll` cleanup (an idempotent DELETE may answer 200 or 404).',
          },
          statusNames: {
            type: 'array',
            items: { type: 'string' },
            uniqueItems: true,
            description: 'Names of values that hold an HTTP status, matched whole or by their last word (`jobStatus` matches `status`).',
          },
          stateNames: {
            type: 'array',
            items: { type: 'string' },
            uniqueItems: true,
            description: 'Names of values that hold a job, promise or operation state, matched whole or by their last word.',
          },
        },
      },
    ],
    defaultOptions: [{ allowInCleanupHooks: true, statusNames: [...DEFAULT_STATUS_NAMES], stateNames: [...DEFAULT_STATE_NAMES] }],
    messages: {
      permissiveOutcomeSet: 'This assertion accepts {{classes}} for `{{subject}}`, so {{consequence}}; pin the one expected outcome.',
      permissiveRange: 'This range accepts {{classes}} for `{{subject}}`, so {{consequence}}; pin the expected status or bound it within one class.',
      booleanTautology: 'This assertion accepts both true and false for `{{subject}}`, so it cannot fail; pin the expected value.',
      negativeOnlyCheck: 'Asserting only that `{{subject}}` is not {{excluded}} still accepts {{classes}}, so {{consequence}}; pin the expected {{kind}} instead.',
      permissiveBranches: 'These branches accept `{{subject}}` as {{first}} or as {{second}}, so the test passes either way; pin the one expected outcome.',
      pinOutcome: 'Pin `{{subject}}` to {{value}}, the outcome the test title names.',
    },
  },
  create(context, [options]) {
    const checker = checkerFor(options);
    return {
      'Program:exit'() {
        checker.check(context);
      },
    };
  },
});

/** One checker per configured options object, not per file (see `perOptions`). */
const checkerFor = perOptions((options: Options[0]) => new PermissiveChecker(options));

/** What the options decide; shared by every file linted with them, holding nothing of any file. */
class PermissiveChecker {
  readonly allowInCleanupHooks: boolean;
  readonly statusNames: ReadonlySet<string>;
  readonly stateNames: ReadonlySet<string>;

  constructor(options: Options[0]) {
    this.allowInCleanupHooks = options.allowInCleanupHooks ?? true;
    this.statusNames = nameSet(options.statusNames ?? DEFAULT_STATUS_NAMES);
    this.stateNames = nameSet(options.stateNames ?? DEFAULT_STATE_NAMES);
  }

  check(context: Context): void {
    const model = getTestModel(context);
    if (model.assertions.length === 0) {
      return;
    }
    new PermissiveFile(this, context, model).check();
  }
}

/** One file being checked; made per file, so nothing of it outlives the check. */
class PermissiveFile implements OutcomeFile {
  readonly sourceCode: SourceCode;
  // Name verdicts are remembered for one file only: names are slices of its text.
  readonly isStatusName: (name: string) => boolean;
  readonly isStateName: (name: string) => boolean;
  readonly identities: ValueIdentities;
  readonly domains: ValidationDomains;

  constructor(
    private readonly checker: PermissiveChecker,
    private readonly context: Context,
    readonly model: TestModel,
  ) {
    this.sourceCode = context.sourceCode;
    this.isStatusName = createNameMatcher(checker.statusNames);
    this.isStateName = createNameMatcher(checker.stateNames);
    this.domains = new ValidationDomains(model);
    this.identities = new ValueIdentities(this.sourceCode, model.assertions.filter((assertion) => assertion.style === 'supertest'));
  }

  isExpect(identifier: TSESTree.Identifier): boolean {
    return this.model.resolveName(identifier)?.kind === 'expect';
  }

  check(): void {
    const { assertions } = this.model;
    // Cleanup hooks may accept several outcomes (an idempotent DELETE), unless the options say otherwise.
    const checked = this.checker.allowInCleanupHooks ? assertions.filter((assertion) => !isCleanup(assertion.block)) : assertions;
    const checks = classifyChecks(checked, this);
    const branches = this.branchConditions();
    const pinned = new PinnedStatuses(checks.classified);
    pinned.noteListedPins(checked, this.isStatusName, scopeOf);
    for (const { group, positive, detailPinned, okRejected } of groupChecks(checks)) {
      for (const found of permissiveChecks(group, this)) {
        const { culprit } = found;
        if (!this.domains.separates(culprit) && !this.excused(culprit.check.assertion, culprit.scope) && !this.confirmsForcedFailure(found) && !claimsAnyFailure(found, detailPinned) && !isTableEntry(this.sourceCode, culprit.check.assertion.subject)) {
          this.reportPermissive(found);
        }
      }
      this.checkNegatives(group, positive, okRejected, pinned);
    }
    if (branches.length > 0) {
      const expectedArgs = expectedArguments(checked);
      const index = new BranchIndex(checks.classified);
      for (const [node, condition] of branches) {
        this.checkBranches(node, condition, index, expectedArgs);
      }
    }
  }

  /** The branches in tests whose condition tests an outcome, each noted for `ValidationDomains`. */
  private branchConditions(): Array<readonly [BranchNode, BranchCondition]> {
    const found: Array<readonly [BranchNode, BranchCondition]> = [];
    for (const node of outcomeBranches(this.model)) {
      const condition = this.model.blockOf(node)?.kind === 'test' ? readBranchCondition(node.test, this) : null;
      if (condition !== null) {
        found.push([node, condition]);
        this.domains.noteBranch(node, condition);
      }
    }
    return found;
  }

  /** Does a comment on or right above the assertion (same paragraph) say the tolerance is deliberate (a race, `whatever the failure mode`)? */
  private explained(node: TSESTree.Node, scope: TSESTree.Node | null): boolean {
    return explainsTolerance(this.sourceCode, node, scope);
  }

  /**
   * A probe whose failure a `catch` swallows, or a tolerance a comment explains (on this assertion or an earlier one accepting the
   * same values, or above the declaration of the collection a loop around it goes through).
   */
  private excused(assertion: Assertion, scope: TSESTree.Node | null): boolean {
    const loop = enclosingLoop(assertion.node, scope);
    return (
      explainsRepeatedTolerance(this.sourceCode, assertion, this.model.assertions, scope) ||
      (loop !== null && explainsLoopSource(this.sourceCode, loop)) ||
      isProbe(assertion.node, this.model.assertions, this.sourceCode.visitorKeys)
    );
  }

  private label(check: OutcomeCheck): string {
    return check.label.length > MAX_LABEL ? (check.name ?? check.label.slice(0, MAX_LABEL)) : check.label;
  }

  private describeValues(check: OutcomeCheck): string {
    const shown = check.valueNodes.slice(0, MAX_VALUES_SHOWN);
    const texts = shown.map((node, index) => (node === null ? String(check.values[index]) : this.sourceCode.getText(node)));
    const more = check.valueNodes.length > shown.length ? ', …' : '';
    return texts.length === 1 ? (texts[0] ?? '') : `any of ${texts.join(', ')}${more}`;
  }

  /** The literal to pin to when the test title names it, with its source text. */
  private evidentValue(check: OutcomeCheck, family: Classification['family'], admits: (value: OutcomeValue) => boolean): string | null {
    const title = titleOf(check.assertion.block);
    if (family === 'http') {
      const code = statusNamedInTitle(title);
      // `reached, not 404ed` names the status that must not come back, not the one to pin.
      if (code === null || !admits(code) || titleExcludes(title, [code])) {
        return null;
      }
      const index = check.values.indexOf(code);
      const node = index === -1 ? null : check.valueNodes[index];
      return node == null ? String(code) : this.sourceCode.getText(node);
    }
    if (family === 'state') {
      const candidates = check.values.filter((value): value is string => typeof value === 'string');
      const word = wordNamedInTitle(title, candidates);
      if (word === null || !admits(word)) {
        return null;
      }
      const node = check.valueNodes[check.values.indexOf(word)];
      return node == null ? JSON.stringify(word) : this.sourceCode.getText(node);
    }
    return null;
  }

  private suggest(check: OutcomeCheck, value: string | null): TSESLint.ReportSuggestionArray<MessageIds> {
    const { rewrite } = check;
    if (value === null || rewrite === null) {
      return [];
    }
    return [{ messageId: 'pinOutcome', data: { subject: this.label(check), value }, fix: () => rewrite(value) }];
  }

  private reportPermissive({ culprit, admits, classification }: PermissiveCheck): void {
    const { check } = culprit;
    if (classification.family === 'boolean') {
      this.context.report({ node: check.node, messageId: 'booleanTautology', data: { subject: this.label(check) } });
      return;
    }
    const ranged = check.intervals.length > 0;
    this.context.report({
      node: check.node,
      messageId: ranged ? 'permissiveRange' : 'permissiveOutcomeSet',
      data: { classes: describeClasses(classification), consequence: describeConsequence(classification), subject: this.label(check) },
      suggest: this.suggest(check, this.evidentValue(check, classification.family, admits)),
    });
  }

  /** A value only ever checked to be not one outcome (`not.toBe(500)`), in a scope where nothing pins it. */
  private checkNegatives(group: readonly Classified[], positive: boolean, okRejected: boolean, pinned: PinnedStatuses): void {
    if (positive || group.some((item) => item.check.accepts)) {
      return;
    }
    // Not a success and not a crash (`not 200` with `not 500`, or `ok()` falsy with `not 500`): a rejection told apart from a crash.
    if (rejectsWithoutCrash(group.flatMap((item) => item.check.values), okRejected)) {
      return;
    }
    for (const item of group) {
      const { check, classification } = item;
      if (
        classification === null ||
        classification.family === 'boolean' ||
        // A state set names one success value: `not completed` is the claim that the operation has not
        // finished (pending or failed alike), `not failed` that it did not fail, `not pending` says nothing.
        classification.family === 'state' ||
        this.isSideGuard(item) ||
        this.excused(check.assertion, item.scope) ||
        titleExcludes(titleOf(check.assertion.block), check.values) ||
        claimsOutOfReach(check.assertion, check.values) ||
        // A step of the claim: `not 429` while the budget lasts, `toBe(429)` once it is spent.
        (classification.family === 'http' && pinned.pinsEach(item.scope, check.values)) ||
        claimsGuardSilent(check.assertion, check.values) ||
        isTableEntry(this.sourceCode, check.assertion.subject) ||
        // `not.toBe(200)` in `expectScrapeToFail`: the helper's name says the call failed, whatever the failure.
        (check.values.some((value) => typeof value === 'number' && value >= 200 && value < 300) && inFailureHelper(check.assertion.node))
      ) {
        continue;
      }
      const excluded = new Set(check.values);
      const admits = (value: OutcomeValue): boolean => !excluded.has(value);
      const value = classification.family === 'http' ? this.evidentValue(check, 'http', admits) : null;
      if (value === null && classification.family === 'http' && excludesOnlyGuardOrRoute(check.values) && !titleClaimsMore(check.assertion, check.values)) {
        // `not 403` in 'should allow …', `not 404` in 'should match …': the guard or the route is the claim.
        continue;
      }
      const accepted = acceptedBesides(classification.family, admits);
      this.context.report({
        node: check.node,
        messageId: 'negativeOnlyCheck',
        data: {
          subject: this.label(check),
          excluded: this.describeValues(check),
          classes: describeClasses(accepted),
          consequence: describeConsequence(accepted),
          kind: classification.family === 'http' ? 'status' : 'state',
        },
        suggest: this.suggest(check, value),
      });
      return;
    }
  }

  /**
   * A failure-only set or bound (`>= 400`, `[400, 500]`) in a test that forces the failure itself
   * and asserts after it (recovery, side effects): the claim is "fails closed", not which failing
   * status the server picks for an injected fault.
   */
  private confirmsForcedFailure({ culprit, classification }: PermissiveCheck): boolean {
    const { check, scope } = culprit;
    const { node, block } = check.assertion;
    return (
      classification.family === 'http' &&
      scope !== null &&
      onlyFailureClasses(classification.classes) &&
      assertsAfter(node, block, this.model.assertions) &&
      forcesFailure(scope, node.range[0], this.sourceCode.visitorKeys)
    );
  }

  /**
   * A negative check that is not the test's claim: `not 200` after a failure the test forced itself,
   * or a crash guard on every attempt of a loop when the test asserts its claim after the loop.
   */
  private isSideGuard({ check, classification, scope }: Classified): boolean {
    const { node } = check.assertion;
    if (classification?.family === 'http' && scope !== null && onlySuccesses(check.values) && assertsAfter(node, check.assertion.block, this.model.assertions)) {
      // A failure the test forced itself: `not 200` confirms it happened; the claim is what it left behind.
      if (forcesFailure(scope, node.range[0], this.sourceCode.visitorKeys)) {
        return true;
      }
    }
    const loop = enclosingLoop(check.node, scope);
    if (loop === null) {
      return false;
    }
    return onlyServerErrors(check.values) && assertsAfter(loop, check.assertion.block, this.model.assertions);
  }

  /** `if (res.status === 200) {…} else { expect(res.status).toBe(500) }` and the ternary form. */
  private checkBranches(node: BranchNode, condition: BranchCondition, index: BranchIndex, expectedArgs: ReadonlySet<TSESTree.Node>): void {
    const found = readPermissiveBranches(node, condition, index, expectedArgs, this);
    if (found === null || this.explained(node, this.model.blockOf(node)?.callback ?? null)) {
      return;
    }
    const { owner, name, first, second } = found;
    this.context.report({
      node: node.test,
      messageId: 'permissiveBranches',
      data: { subject: name === null ? owner : `${owner}.${name}`.slice(0, MAX_LABEL), first: describeClasses(first), second: describeClasses(second) },
    });
  }
}
