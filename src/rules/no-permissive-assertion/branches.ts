/**
 * Branches on an outcome that accept a success in one arm and a failure in the other:
 * `if (res.status === 200) {…} else { expect(res.status).toBe(500) }`, the ternary form, and an
 * early-returning `if` followed by the rest of the test.
 */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/types';
import type { TSESLint } from '@typescript-eslint/utils';

import { firstIndexNotBefore, getLastName, isFunction, rangeContains, someDescendant, unwrapExpression } from '../../ast/nodes.js';
import type { Assertion, TestModel } from '../../model/index.js';
import { isValidationPair } from './binary-domain.js';
import { readCondition, type Fact } from './conditions.js';
import { classify, mixesOutcomes, type Classification, type OutcomeClass, type OutcomeValue } from './outcome-classes.js';
import type { Classified, OutcomeFile } from './outcome-groups.js';
import { nameOf } from './values.js';

type SourceCode = Readonly<TSESLint.SourceCode>;

export type BranchNode = TSESTree.IfStatement | TSESTree.ConditionalExpression;

/** Two branches that accept the value as `first` and as `second`; worded by the rule. */
export interface PermissiveBranches {
  /** Text of what owns the value: `res` for `res.status`. */
  readonly owner: string;
  /** The value's name (`status`); null when unnamed. */
  readonly name: string | null;
  readonly first: Classification;
  readonly second: Classification;
}

/** The outcome a branch condition tests, and the classes it implies when it holds. */
export interface BranchCondition {
  readonly fact: Fact;
  readonly name: string | null;
  readonly owner: string;
  /** Which value the condition tests (see `value-identity.ts`). */
  readonly key: string;
  readonly kind: { readonly statusLike: boolean; readonly stateLike: boolean };
  readonly implied: Classification;
}

interface Branch {
  readonly region: TSESTree.Node | readonly [number, number];
  readonly implied: Classification | null;
  readonly node: TSESTree.Node | null;
}

/**
 * One file's accepting checks by the value they check, each list in source order, so that a
 * branch finds the checks of its value inside it by binary search instead of scanning every check
 * of the file (thousands of `if (res.status === 200) … else …` stay linear).
 */
export class BranchIndex {
  private readonly byValue = new Map<string, Classified[]>();
  private readonly siblingIndexes = new Map<TSESTree.BlockStatement, Map<TSESTree.Node, number>>();

  constructor(checks: readonly Classified[]) {
    for (const item of checks) {
      if (item.check.accepts && item.classification !== null) {
        const list = this.byValue.get(item.key) ?? [];
        list.push(item);
        this.byValue.set(item.key, list);
      }
    }
    for (const list of this.byValue.values()) {
      list.sort((a, b) => a.check.node.range[0] - b.check.node.range[0]);
    }
  }

  /** The accepting checks of the value `key` that lie within `range`. */
  *within(key: string, range: readonly [number, number]): Generator<Classified> {
    const list = this.byValue.get(key);
    if (list === undefined) {
      return;
    }
    for (let index = firstIndexNotBefore(list, (item) => item.check.node.range[0] < range[0]); index < list.length; index += 1) {
      const item = list[index];
      if (item === undefined || item.check.node.range[0] >= range[1]) {
        return;
      }
      if (rangeContains(range, item.check.node.range)) {
        yield item;
      }
    }
  }

  /** The position of `statement` in its block, read once per block. */
  indexIn(block: TSESTree.BlockStatement, statement: TSESTree.Node): number {
    let indexes = this.siblingIndexes.get(block);
    if (indexes === undefined) {
      indexes = new Map(block.body.map((child, index) => [child, index]));
      this.siblingIndexes.set(block, indexes);
    }
    return indexes.get(statement) ?? -1;
  }
}

/** Does a branch fail the test on its own (`throw`, `fail(…)`, `expect.fail`, `assert.fail`)? */
function branchFails(node: TSESTree.Node, sourceCode: SourceCode): boolean {
  let seen = 0;
  const fails = (current: TSESTree.Node): boolean =>
    current.type === AST_NODE_TYPES.ThrowStatement || (current.type === AST_NODE_TYPES.CallExpression && getLastName(unwrapExpression(current.callee)) === 'fail');
  // At most 500 nodes are read: a branch that fails the test does so near its top.
  const skip = (current: TSESTree.Node): boolean => {
    seen += 1;
    return seen > 500 || (isFunction(current) && current !== node);
  };
  return someDescendant(node, sourceCode.visitorKeys, fails, skip);
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

/** The `if` statements (not `else if` links) and ternaries whose condition may test an outcome. */
export function outcomeBranches(model: TestModel): BranchNode[] {
  return [
    ...model.nodesOfType(AST_NODE_TYPES.IfStatement).filter((node) => mayBranchOnOutcome(node.test) && !(node.parent.type === AST_NODE_TYPES.IfStatement && node.parent.alternate === node)),
    ...model.nodesOfType(AST_NODE_TYPES.ConditionalExpression).filter((node) => mayBranchOnOutcome(node.test)),
  ];
}

/** Every expected value of the assertions: a ternary among them is a value written in two ways. */
export function expectedArguments(assertions: readonly Assertion[]): Set<TSESTree.Node> {
  const expectedArgs = new Set<TSESTree.Node>();
  for (const assertion of assertions) {
    for (const argument of assertion.expected) {
      expectedArgs.add(argument);
    }
  }
  return expectedArgs;
}

/** The one outcome fact the condition states about a status or state; null for anything else. */
export function readBranchCondition(test: TSESTree.Expression, file: OutcomeFile): BranchCondition | null {
  const facts = readCondition(test, true).filter((fact) => fact.shape !== 'range');
  if (facts.length !== 1) {
    return null;
  }
  const [fact] = facts;
  if (fact === undefined) {
    return null;
  }
  const name = fact.shape === 'ok' ? 'status' : nameOf(fact.subject);
  let owner = file.sourceCode.getText(fact.subject);
  let ownerNode: TSESTree.Node = fact.subject;
  const target = unwrapExpression(fact.subject);
  const inner = target.type === AST_NODE_TYPES.CallExpression ? unwrapExpression(target.callee) : target;
  if (inner.type === AST_NODE_TYPES.MemberExpression) {
    ownerNode = unwrapExpression(inner.object);
    owner = file.sourceCode.getText(ownerNode);
  }
  const kind = { statusLike: name !== null && file.isStatusName(name), stateLike: name !== null && file.isStateName(name) };
  const implied = classify(fact.values, fact.intervals, kind);
  if (implied === null || implied.family === 'boolean') {
    return null;
  }
  return { fact, name, owner, key: file.identities.keyOf(ownerNode), kind, implied };
}

/** The two ways through: then and else, the ternary's arms, or an early-returning `if` and the statements after it. */
function branchesOf(node: BranchNode, { fact, implied }: BranchCondition, index: BranchIndex): Branch[] | null {
  const yes = fact.accepts ? implied : null;
  const no = fact.accepts ? null : implied;
  if (node.type === AST_NODE_TYPES.ConditionalExpression) {
    return [{ region: node.consequent, implied: yes, node: node.consequent }, { region: node.alternate, implied: no, node: node.alternate }];
  }
  if (node.alternate !== null) {
    return [{ region: node.consequent, implied: yes, node: node.consequent }, { region: node.alternate, implied: no, node: node.alternate }];
  }
  if (exits(node.consequent) && node.parent.type === AST_NODE_TYPES.BlockStatement) {
    const siblings = node.parent.body;
    const start = siblings[index.indexIn(node.parent, node) + 1];
    const end = siblings.at(-1);
    if (start === undefined || end === undefined) {
      return null;
    }
    return [{ region: node.consequent, implied: yes, node: node.consequent }, { region: [start.range[0], end.range[1]], implied: no, node: null }];
  }
  return null;
}

/**
 * What a branch accepts the value as: the classes its own accepting checks of the value (or, for
 * a ternary that is an expected value, its literal) pin, else what the condition implies there,
 * unless the branch fails the test on its own.
 */
function branchOutcome(branch: Branch, condition: BranchCondition, index: BranchIndex, literalBranches: boolean, file: OutcomeFile): Classification | null {
  const { implied, key, kind } = condition;
  const pinned = new Set<OutcomeClass>();
  for (const item of index.within(key, 'type' in branch.region ? branch.region.range : branch.region)) {
    if (item.classification?.family === implied.family) {
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
    return { family: implied.family, classes: [...pinned] };
  }
  if (branch.implied !== null && branch.node !== null && !branchFails(branch.node, file.sourceCode)) {
    return branch.implied;
  }
  return null;
}

/**
 * `if (res.status === 200) { expect(res.body)… } else { expect(res.status).toBe(400) }`: a
 * validation outcome (one 2xx or a 400/422, see `binary-domain.ts`) that the test separates, with
 * an assertion in each arm and nothing but single values pinned.
 */
function separatesValidation(branches: readonly Branch[], { fact, key }: BranchCondition, index: BranchIndex, file: OutcomeFile): boolean {
  if (fact.shape !== 'equal' || fact.values.length !== 1) {
    return false;
  }
  const values: OutcomeValue[] = [...fact.values];
  for (const branch of branches) {
    const region = 'type' in branch.region ? branch.region.range : branch.region;
    if (!file.domains.holdsAssertion(region)) {
      return false;
    }
    for (const item of index.within(key, region)) {
      if (item.check.values.length !== 1 || item.check.intervals.length > 0) {
        return false;
      }
      const [value] = item.check.values;
      if (value !== undefined) {
        values.push(value);
      }
    }
  }
  return isValidationPair(values);
}

/** `if (res.status === 200) {…} else { expect(res.status).toBe(500) }` and the ternary form. */
export function readPermissiveBranches(
  node: BranchNode,
  condition: BranchCondition,
  index: BranchIndex,
  expectedArgs: ReadonlySet<TSESTree.Node>,
  file: OutcomeFile,
): PermissiveBranches | null {
  const branches = branchesOf(node, condition, index);
  if (branches === null) {
    return null;
  }
  const literalBranches = node.type === AST_NODE_TYPES.ConditionalExpression && expectedArgs.has(node);
  const known: Classification[] = [];
  for (const branch of branches) {
    const outcome = branchOutcome(branch, condition, index, literalBranches, file);
    if (outcome !== null) {
      known.push(outcome);
    }
  }
  const [first, second] = known;
  if (first === undefined || second === undefined || known.some((item) => mixesOutcomes(item))) {
    return null;
  }
  const union: Classification = { family: condition.implied.family, classes: [...new Set([...first.classes, ...second.classes])] };
  if (!mixesOutcomes(union) || separatesValidation(branches, condition, index, file)) {
    return null;
  }
  return { owner: condition.owner, name: condition.name, first, second };
}
