import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/types';
import type { TSESLint } from '@typescript-eslint/utils';

import { getPropertyName, isFunction, unwrapExpression } from '../ast/nodes.js';
import { type Assertion, getTestModel, type TestBlock } from '../model/index.js';
import { createRule, perOptions } from '../create-rule.js';
import { nameOf, readCondition, readOutcomeChecks, type OutcomeCheck } from './no-permissive-assertion/outcome-checks.js';
import {
  DEFAULT_STATE_NAMES,
  DEFAULT_STATUS_NAMES,
  classify,
  createNameMatcher,
  describeClasses,
  httpClass,
  intervalIncludes,
  isHttpStatus,
  mixesOutcomes,
  nameSet,
  statusNamedInTitle,
  wordNamedInTitle,
  type Classification,
  type OutcomeClass,
  type OutcomeValue,
} from './no-permissive-assertion/outcome-classes.js';

export type Options = [
  {
    allowInCleanupHooks?: boolean;
    statusNames?: string[];
    stateNames?: string[];
  },
];
export type MessageIds = 'permissiveOutcomeSet' | 'permissiveRange' | 'booleanTautology' | 'negativeOnlyCheck' | 'permissiveBranches' | 'pinOutcome';

type SourceCode = Readonly<TSESLint.SourceCode>;

/** A check with its classification under the rule's options. */
interface Classified {
  readonly check: OutcomeCheck;
  readonly classification: Classification | null;
  /** The scope facts are combined in: the test (or hook) callback, else the enclosing function. */
  readonly scope: TSESTree.Node | null;
}

const MAX_LABEL = 40;

/** Matchers that do not pin a value even when not negated. */
const NOT_PINNING: ReadonlySet<string> = new Set([
  'toBeDefined', 'toBeUndefined', 'toBeNull', 'toBeTruthy', 'toBeFalsy', 'toBeTypeOf', 'toBeInstanceOf', 'toBeNumber', 'toBeString',
  'exist', 'exists', 'ok', 'a', 'an', 'instanceOf', 'instanceof', 'isDefined', 'isNumber', 'isString', 'isOk',
]);

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

/** Does the check admit this status code? */
function admitsStatus(check: OutcomeCheck, code: number): boolean {
  const listed = check.values.includes(code) || check.intervals.some((interval) => intervalIncludes(interval, code));
  return check.accepts ? listed : !listed;
}

function admitsValue(check: OutcomeCheck, value: OutcomeValue): boolean {
  const listed = check.values.includes(value);
  return check.accepts ? listed : !listed;
}

const within = (node: TSESTree.Node, region: TSESTree.Node | readonly [number, number]): boolean => {
  const range = 'type' in region ? region.range : region;
  return node.range[0] >= range[0] && node.range[1] <= range[1];
};

/** Does a branch fail the test on its own (`throw`, `fail(…)`, `expect.fail`, `assert.fail`)? */
function branchFails(node: TSESTree.Node, sourceCode: SourceCode): boolean {
  const stack: TSESTree.Node[] = [node];
  let seen = 0;
  while (stack.length > 0 && seen < 500) {
    const current = stack.pop();
    seen += 1;
    if (current === undefined) {
      break;
    }
    if (current.type === AST_NODE_TYPES.ThrowStatement) {
      return true;
    }
    if (current.type === AST_NODE_TYPES.CallExpression) {
      const callee = unwrapExpression(current.callee);
      const name = callee.type === AST_NODE_TYPES.Identifier ? callee.name : callee.type === AST_NODE_TYPES.MemberExpression ? getPropertyName(callee) : null;
      if (name === 'fail') {
        return true;
      }
    }
    if (isFunction(current) && current !== node) {
      continue;
    }
    const keys = sourceCode.visitorKeys[current.type] ?? [];
    for (const key of keys) {
      const child = (current as unknown as Record<string, unknown>)[key];
      if (Array.isArray(child)) {
        for (const item of child as Array<TSESTree.Node | null>) {
          if (item !== null && typeof item === 'object' && typeof item.type === 'string') {
            stack.push(item);
          }
        }
      } else if (child !== null && typeof child === 'object' && typeof (child as TSESTree.Node).type === 'string') {
        stack.push(child as TSESTree.Node);
      }
    }
  }
  return false;
}

const exits = (statement: TSESTree.Statement): boolean => {
  if (statement.type === AST_NODE_TYPES.ReturnStatement) {
    return true;
  }
  if (statement.type === AST_NODE_TYPES.BlockStatement) {
    const last = statement.body.at(-1);
    return last !== undefined && last.type === AST_NODE_TYPES.ReturnStatement;
  }
  return false;
};

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
      permissiveOutcomeSet: 'This assertion accepts {{classes}} for `{{subject}}`, so it passes on success and on failure alike; pin the one expected outcome.',
      permissiveRange: 'This range accepts {{classes}} for `{{subject}}`, so it passes on success and on failure alike; pin the expected status or bound it within one class.',
      booleanTautology: 'This assertion accepts both true and false for `{{subject}}`, so it cannot fail; pin the expected value.',
      negativeOnlyCheck: 'Asserting only that `{{subject}}` is not {{excluded}} accepts every other outcome, success or failure alike; pin the expected {{kind}} instead.',
      permissiveBranches: 'These branches accept `{{subject}}` as {{first}} or as {{second}}, so the test passes either way; pin the one expected outcome.',
      pinOutcome: 'Pin `{{subject}}` to {{value}}, the outcome the test title names.',
    },
  },
  create(context, [options]) {
    const check = checkerFor(options);
    return {
      'Program:exit'() {
        check(context);
      },
    };
  },
});

type Context = Readonly<TSESLint.RuleContext<MessageIds, Options>>;

/** Functions made once per configured options, not per file (see `perOptions`). */
const checkerFor = perOptions(createChecker);

function createChecker(options: Options[0]): (context: Context) => void {
  const allowInCleanupHooks = options.allowInCleanupHooks ?? true;
  const statusNames = nameSet(options.statusNames ?? DEFAULT_STATUS_NAMES);
  const stateNames = nameSet(options.stateNames ?? DEFAULT_STATE_NAMES);
  // The file being checked: set when `check` starts, let go when it ends (the checker outlives files).
  let context!: Context;
  let sourceCode!: SourceCode;
  let isStatusName!: (name: string) => boolean;
  let isStateName!: (name: string) => boolean;

  const label = (check: OutcomeCheck): string => (check.label.length > MAX_LABEL ? (check.name ?? check.label.slice(0, MAX_LABEL)) : check.label);

  const named = (check: OutcomeCheck, matches: (name: string) => boolean): boolean =>
    (check.name !== null && matches(check.name)) || (check.alias !== null && matches(check.alias));

  const subjectKind = (check: OutcomeCheck): { statusLike: boolean; stateLike: boolean } => ({
    statusLike: check.owner === '*' || named(check, isStatusName),
    stateLike: named(check, isStateName),
  });

  const classifyCheck = (check: OutcomeCheck): Classification | null => classify(check.values, check.intervals, subjectKind(check));

  /** The group a check is combined in: its owner for named outcomes, its own text otherwise. */
  const groupKey = (check: OutcomeCheck): string => {
    const kind = subjectKind(check);
    return kind.statusLike || kind.stateLike ? check.owner : check.label;
  };

  const describeValues = (check: OutcomeCheck): string => {
    const texts = check.valueNodes.map((node, index) => (node === null ? String(check.values[index]) : sourceCode.getText(node)));
    return texts.length === 1 ? (texts[0] ?? '') : `any of ${texts.join(', ')}`;
  };

  /** The literal to pin to when the test title names it, with its source text. */
  const evidentValue = (check: OutcomeCheck, family: Classification['family'], admits: (value: OutcomeValue) => boolean): string | null => {
    const title = titleOf(check.assertion.block);
    if (family === 'http') {
      const code = statusNamedInTitle(title);
      if (code === null || !admits(code)) {
        return null;
      }
      const index = check.values.indexOf(code);
      const node = index === -1 ? null : check.valueNodes[index];
      return node == null ? String(code) : sourceCode.getText(node);
    }
    if (family === 'state') {
      const candidates = check.values.filter((value): value is string => typeof value === 'string');
      const word = wordNamedInTitle(title, candidates);
      if (word === null || !admits(word)) {
        return null;
      }
      const node = check.valueNodes[check.values.indexOf(word)];
      return node == null ? JSON.stringify(word) : sourceCode.getText(node);
    }
    return null;
  };

  const suggest = (check: OutcomeCheck, value: string | null): TSESLint.ReportSuggestionArray<MessageIds> => {
    const { rewrite } = check;
    if (value === null || rewrite === null) {
      return [];
    }
    return [{ messageId: 'pinOutcome', data: { subject: label(check), value }, fix: () => rewrite(value) }];
  };

  const reportPermissive = (first: Classified, group: readonly Classified[], classification: Classification): void => {
    const { check } = first;
    if (classification.family === 'boolean') {
      context.report({ node: check.node, messageId: 'booleanTautology', data: { subject: label(check) } });
      return;
    }
    const admits = (value: OutcomeValue): boolean =>
      group.every((other) => (typeof value === 'number' && classification.family === 'http' ? admitsStatus(other.check, value) : admitsValue(other.check, value)));
    const ranged = check.intervals.length > 0;
    context.report({
      node: check.node,
      messageId: ranged ? 'permissiveRange' : 'permissiveOutcomeSet',
      data: { classes: describeClasses(classification), subject: label(check) },
      suggest: suggest(check, evidentValue(check, classification.family, admits)),
    });
  };

  /**
   * Reports the accepting checks of one value in one scope that mix outcomes. Bounds combine
   * with each other (`>= 200` and `< 300` is one class); a set or a range is narrowed by any
   * single-value pin on the same value (`toBe(404)` next to `toBeOneOf([200, 404])`).
   */
  const checkGroup = (group: readonly Classified[], starPins: readonly Classified[]): void => {
    const accepting = group.filter((item) => item.check.accepts && item.classification !== null);
    const isPin = (item: Classified): boolean =>
      item.check.shape === 'ok' || (item.check.values.length === 1 && item.check.intervals.length === 0);
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
      let combined: Classification | null;
      if (family === 'http') {
        const found = new Set<OutcomeClass>();
        for (let code = 100; code <= 599; code += 1) {
          if (all.every((item) => admitsStatus(item.check, code))) {
            found.add(httpClass(code));
          }
        }
        combined = found.size === 0 ? null : { family, classes: [...found] };
      } else {
        const values = culprit.check.values.filter((value) => all.every((item) => admitsValue(item.check, value)));
        combined = classify(values, [], subjectKind(culprit.check));
      }
      if (combined === null || !mixesOutcomes(combined)) {
        continue;
      }
      rangeReported ||= ranged;
      reportPermissive(culprit, all, ranged ? combined : own);
    }
  };

  const checkNegatives = (group: readonly Classified[], pins: readonly Classified[], positive: boolean): void => {
    if (positive || group.some((item) => item.check.accepts) || pins.length > 0) {
      return;
    }
    for (const item of group) {
      const { check, classification } = item;
      if (
        classification === null ||
        classification.family === 'boolean' ||
        (classification.family === 'state' && classification.classes.includes('pending'))
      ) {
        continue;
      }
      const admits = (value: OutcomeValue): boolean => !check.values.includes(value);
      const value = classification.family === 'http' ? evidentValue(check, 'http', admits) : null;
      context.report({
        node: check.node,
        messageId: 'negativeOnlyCheck',
        data: { subject: label(check), excluded: describeValues(check), kind: classification.family === 'http' ? 'status' : 'state' },
        suggest: suggest(check, value),
      });
      return;
    }
  };

  const classes = (classification: Classification | null): string => (classification === null ? '' : describeClasses(classification));

  /** `if (res.status === 200) {…} else { expect(res.status).toBe(500) }` and the ternary form. */
  const checkBranches = (node: TSESTree.IfStatement | TSESTree.ConditionalExpression, checks: readonly Classified[], expectedArgs: ReadonlySet<TSESTree.Node>): void => {
    const block = getTestModel(context).blockOf(node);
    if (block === null || block.kind !== 'test') {
      return;
    }
    const facts = readCondition(node.test, true).filter((fact) => fact.shape !== 'range');
    if (facts.length !== 1) {
      return;
    }
    const [fact] = facts;
    if (fact === undefined) {
      return;
    }
    const name = fact.shape === 'ok' ? 'status' : nameOf(fact.subject);
    let owner = sourceCode.getText(fact.subject);
    const target = unwrapExpression(fact.subject);
    const inner = target.type === AST_NODE_TYPES.CallExpression ? unwrapExpression(target.callee) : target;
    if (inner.type === AST_NODE_TYPES.MemberExpression) {
      owner = sourceCode.getText(unwrapExpression(inner.object));
    }
    const kind = { statusLike: name !== null && isStatusName(name), stateLike: name !== null && isStateName(name) };
    const implied = classify(fact.values, fact.intervals, kind);
    if (implied === null || implied.family === 'boolean') {
      return;
    }
    interface Branch {
      readonly region: TSESTree.Node | readonly [number, number];
      readonly implied: Classification | null;
      readonly node: TSESTree.Node | null;
    }
    const branches: Branch[] = [];
    const yes = fact.accepts ? implied : null;
    const no = fact.accepts ? null : implied;
    if (node.type === AST_NODE_TYPES.ConditionalExpression) {
      branches.push({ region: node.consequent, implied: yes, node: node.consequent }, { region: node.alternate, implied: no, node: node.alternate });
    } else if (node.alternate !== null) {
      branches.push({ region: node.consequent, implied: yes, node: node.consequent }, { region: node.alternate, implied: no, node: node.alternate });
    } else if (exits(node.consequent) && node.parent.type === AST_NODE_TYPES.BlockStatement) {
      const siblings = node.parent.body;
      const index = siblings.indexOf(node);
      const rest = siblings.slice(index + 1);
      const start = rest[0];
      const end = rest.at(-1);
      if (start === undefined || end === undefined) {
        return;
      }
      branches.push({ region: node.consequent, implied: yes, node: node.consequent }, { region: [start.range[0], end.range[1]], implied: no, node: null });
    } else {
      return;
    }
    const literalBranches = node.type === AST_NODE_TYPES.ConditionalExpression && expectedArgs.has(node);
    const known: Classification[] = [];
    for (const branch of branches) {
      const pinned = new Set<OutcomeClass>();
      for (const item of checks) {
        if (
          item.check.accepts &&
          item.classification?.family === implied.family &&
          (item.check.owner === owner || item.check.owner === '*') &&
          within(item.check.node, branch.region)
        ) {
          for (const name of item.classification.classes) {
            pinned.add(name);
          }
        }
      }
      if (literalBranches && branch.node !== null) {
        const read = classify(readLiteralValue(branch.node), [], kind);
        for (const name of read?.family === implied.family ? read.classes : []) {
          pinned.add(name);
        }
      }
      if (pinned.size > 0) {
        known.push({ family: implied.family, classes: [...pinned] });
      } else if (branch.implied !== null && branch.node !== null && !branchFails(branch.node, sourceCode)) {
        known.push(branch.implied);
      }
    }
    const [first, second] = known;
    if (first === undefined || second === undefined || known.some((item) => mixesOutcomes(item))) {
      return;
    }
    const union: Classification = { family: implied.family, classes: [...new Set([...first.classes, ...second.classes])] };
    if (!mixesOutcomes(union)) {
      return;
    }
    context.report({
      node: node.test,
      messageId: 'permissiveBranches',
      data: { subject: name === null ? owner : `${owner}.${name}`.slice(0, MAX_LABEL), first: classes(first), second: classes(second) },
    });
  };

  const readLiteralValue = (node: TSESTree.Node): OutcomeValue[] => {
    const target = unwrapExpression(node);
    if (target.type === AST_NODE_TYPES.Literal && (typeof target.value === 'number' || typeof target.value === 'string')) {
      return [target.value];
    }
    return [];
  };

  const mayBranchOnOutcome = (test: TSESTree.Node): boolean => {
    const target = unwrapExpression(test);
    return (
      target.type === AST_NODE_TYPES.BinaryExpression ||
      target.type === AST_NODE_TYPES.MemberExpression ||
      target.type === AST_NODE_TYPES.CallExpression ||
      target.type === AST_NODE_TYPES.UnaryExpression
    );
  };

  return function check(fileContext: Context): void {
    context = fileContext;
    sourceCode = fileContext.sourceCode;
    // Name verdicts are remembered for one file only: names are slices of its text.
    isStatusName = createNameMatcher(statusNames);
    isStateName = createNameMatcher(stateNames);
    try {
      const model = getTestModel(context);
      if (model.assertions.length === 0) {
        return;
      }
      const readContext = {
        sourceCode,
        isExpect: (identifier: TSESTree.Identifier) => model.resolveName(identifier)?.kind === 'expect',
      };
      // Cleanup hooks may accept several outcomes (an idempotent DELETE), unless the options say otherwise.
      const checked = allowInCleanupHooks ? model.assertions.filter((assertion) => !isCleanup(assertion.block)) : model.assertions;
      const classified: Classified[] = [];
      // Owners of status/state values that some non-negated assertion checks, per scope.
      const positiveOwners = new Map<TSESTree.Node | null, Set<string>>();
      for (const assertion of checked) {
        const scope = scopeOf(assertion);
        const owner = assertion.negated || NOT_PINNING.has(assertion.matcher) ? null : namedOwner(assertion.subject);
        if (owner !== null) {
          const set = positiveOwners.get(scope) ?? new Set<string>();
          set.add(owner);
          positiveOwners.set(scope, set);
        }
        for (const check of readOutcomeChecks(assertion, readContext)) {
          classified.push({ check, classification: classifyCheck(check), scope });
        }
      }
      if (classified.length > 0) {
        // Group by scope, then by the value's owner.
        const scopes = new Map<TSESTree.Node | null, Map<string, Classified[]>>();
        const starPins = new Map<TSESTree.Node | null, Classified[]>();
        for (const item of classified) {
          if (item.check.owner === '*') {
            const list = starPins.get(item.scope) ?? [];
            list.push(item);
            starPins.set(item.scope, list);
            continue;
          }
          const groups = scopes.get(item.scope) ?? new Map<string, Classified[]>();
          const key = groupKey(item.check);
          const list = groups.get(key) ?? [];
          list.push(item);
          groups.set(key, list);
          scopes.set(item.scope, groups);
        }
        for (const [scope, groups] of scopes) {
          const pins = starPins.get(scope) ?? [];
          const owners = positiveOwners.get(scope);
          for (const [key, group] of groups) {
            checkGroup(group, pins.filter((pin) => pin.classification?.family === 'http'));
            checkNegatives(group, pins.filter((pin) => pin.check.values.every(isHttpStatus)), owners?.has(key) === true);
          }
        }
      }
      const branches: Array<TSESTree.IfStatement | TSESTree.ConditionalExpression> = [
        ...model.nodesOfType(AST_NODE_TYPES.IfStatement).filter((node) => mayBranchOnOutcome(node.test) && !(node.parent.type === AST_NODE_TYPES.IfStatement && node.parent.alternate === node)),
        ...model.nodesOfType(AST_NODE_TYPES.ConditionalExpression).filter((node) => mayBranchOnOutcome(node.test)),
      ];
      if (branches.length > 0) {
        const expectedArgs = new Set<TSESTree.Node>();
        for (const assertion of checked) {
          for (const argument of assertion.expected) {
            expectedArgs.add(argument);
          }
        }
        for (const node of branches) {
          checkBranches(node, classified, expectedArgs);
        }
      }
    } finally {
      context = undefined as never;
      sourceCode = undefined as never;
      isStatusName = undefined as never;
      isStateName = undefined as never;
    }
  };

  /** `res` for `res.status`, `response.status()`, `job.state`; null for values that are not outcomes. */
  function namedOwner(subject: TSESTree.Node | null): string | null {
    if (subject === null) {
      return null;
    }
    const name = nameOf(subject);
    if (name === null || !(isStatusName(name) || isStateName(name))) {
      return null;
    }
    let target = unwrapExpression(subject);
    while (target.type === AST_NODE_TYPES.AwaitExpression) {
      target = unwrapExpression(target.argument);
    }
    const inner = target.type === AST_NODE_TYPES.CallExpression ? unwrapExpression(target.callee) : target;
    return sourceCode.getText(inner.type === AST_NODE_TYPES.MemberExpression ? unwrapExpression(inner.object) : inner);
  }

  function scopeOf(assertion: Assertion): TSESTree.Node | null {
    if (assertion.block !== null) {
      return assertion.block.callback;
    }
    let current: TSESTree.Node | null | undefined = assertion.head.parent;
    while (current != null) {
      if (isFunction(current)) {
        return current;
      }
      current = current.parent;
    }
    return null;
  }
}
