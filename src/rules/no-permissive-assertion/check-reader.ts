/**
 * Reads one assertion's outcome checks: a `CheckReader` collects the facts its dialect's reader
 * finds (see `outcome-checks.ts`) and turns each into an `OutcomeCheck`, with the value's owner,
 * label and alias, and the rewrite that pins it. The readers of the matcher families that every
 * dialect shares (equality, bounds, `oneOf`, membership, `expect.toBeOneOf`) are its methods.
 */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/types';
import type { TSESLint } from '@typescript-eslint/utils';

import { getPropertyName, getStaticString, unwrapExpression } from '../../ast/nodes.js';
import type { Assertion } from '../../model/index.js';
import { bound, readCondition, type CheckShape, type Fact } from './conditions.js';
import type { Interval, OutcomeValue } from './outcome-classes.js';
import { declaredRead, nameOf, ownerNodeOf, ownerOf, readLiteral, readLiteralArray, valueOf } from './values.js';

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
  /** Text that identifies the value's owner: `res` for `res.status`, `response` for `response.status()`; `*` for a supertest chain's status. */
  readonly owner: string;
  /** The owner's node, which tells which value it is (see `value-identity.ts`); null for a supertest chain's status. */
  readonly ownerNode: TSESTree.Node | null;
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
type Rewrite = OutcomeCheck['rewrite'];

export interface ReadContext {
  readonly sourceCode: SourceCode;
  /** Is this identifier the framework's `expect` (for `expect.toBeOneOf`)? */
  isExpect(identifier: TSESTree.Identifier): boolean;
}

export const EQUAL_MATCHERS: ReadonlySet<string> = new Set(['toBe', 'toEqual', 'toStrictEqual']);

/** Comparison matchers by style, as the operator they mean. */
export const BOUND_MATCHERS: ReadonlyMap<string, string> = new Map([
  ['toBeGreaterThan', '>'], ['toBeGreaterThanOrEqual', '>='], ['toBeLessThan', '<'], ['toBeLessThanOrEqual', '<='],
  ['above', '>'], ['gt', '>'], ['greaterThan', '>'], ['least', '>='], ['gte', '>='], ['greaterThanOrEqual', '>='],
  ['below', '<'], ['lt', '<'], ['lessThan', '<'], ['most', '<='], ['lte', '<='], ['lessThanOrEqual', '<='],
  ['isAbove', '>'], ['isAtLeast', '>='], ['isBelow', '<'], ['isAtMost', '<='],
]);

/** A fact waiting to become a check (at the end, in order), or a check built on the spot. */
type Entry = { fact: Fact; node: TSESTree.Node; rewrite: Rewrite } | { check: OutcomeCheck };

function keyNameOf(node: TSESTree.Node): string | null {
  return node.type === AST_NODE_TYPES.Property && node.key.type === AST_NODE_TYPES.Identifier ? node.key.name : null;
}

/** The checks of one assertion, read by its dialect's reader; made per assertion, dropped after. */
export class CheckReader {
  private readonly entries: Entry[] = [];
  private readonly sourceCode: SourceCode;

  constructor(
    readonly assertion: Assertion,
    private readonly context: ReadContext,
  ) {
    this.sourceCode = context.sourceCode;
  }

  /** Every check read, in the order read. */
  checks(): OutcomeCheck[] {
    return this.entries.map((entry) => ('check' in entry ? entry.check : this.checkOf(entry.fact, entry.node, entry.rewrite)));
  }

  text(node: TSESTree.Node): string {
    return this.sourceCode.getText(node);
  }

  add(fact: Fact, node: TSESTree.Node = this.assertion.node, rewrite: Rewrite = this.wholeRewrite(fact.subject)): void {
    this.entries.push({ fact, node, rewrite });
  }

  addFacts(list: readonly Fact[]): void {
    for (const fact of list) {
      this.add(fact, this.assertion.node, fact.shape === 'ok' ? null : this.wholeRewrite(fact.subject));
    }
  }

  /** A check whose fields the dialect knows better than a fact can say (an implied status). */
  addCheck(check: OutcomeCheck): void {
    this.entries.push({ check });
  }

  impliedStatus(owner: TSESTree.Node, propertyName: string, valueNode: TSESTree.Node | undefined): void {
    const read = readLiteral(valueNode);
    if (read !== null && valueNode !== undefined) {
      this.addCheck({
        assertion: this.assertion,
        node: this.assertion.node,
        subject: null,
        name: propertyName,
        alias: null,
        owner: this.text(valueOf(owner)),
        ownerNode: valueOf(owner),
        label: `${this.text(valueOf(owner))}.${propertyName}`,
        accepts: !this.assertion.negated,
        values: [read.value],
        valueNodes: [valueNode],
        intervals: [],
        shape: 'equal',
        rewrite: null,
      });
    }
  }

  /** `toHaveProperty('status', 404)` / chai `.property('status', 404)`: a positive pin of a status-like property. */
  pinnedProperty(owner: TSESTree.Node, keyNode: TSESTree.Node | undefined, valueNode: TSESTree.Node | undefined): void {
    const key = getStaticString(keyNode);
    if (key !== null && valueNode !== undefined) {
      this.impliedStatus(owner, key, valueNode);
    }
  }

  readEqual(value: TSESTree.Node, expected: TSESTree.Node, isNegated: boolean): void {
    const read = readLiteral(expected);
    if (read === null) {
      return;
    }
    if (typeof read.value === 'boolean') {
      const conditionFacts = readCondition(value, read.value !== isNegated);
      this.addFacts(conditionFacts);
      if (conditionFacts.length > 0) {
        return;
      }
    }
    this.add({ subject: value, accepts: !isNegated, values: [read.value], valueNodes: [expected], intervals: [], shape: 'equal' });
  }

  readBound(value: TSESTree.Node, expected: TSESTree.Node | undefined, isNegated: boolean): void {
    const operator = BOUND_MATCHERS.get(this.assertion.matcher);
    const n = readLiteral(expected)?.value;
    if (operator === undefined || typeof n !== 'number') {
      return;
    }
    const interval = bound(operator, n, isNegated);
    if (interval !== null) {
      this.add({ subject: value, accepts: true, values: [], valueNodes: [], intervals: [this.chainedBounds(interval, isNegated)], shape: 'range' });
    }
  }

  /** chai's `at.least(400).and.below(500)`: bounds chained after the matcher narrow the same interval. */
  private chainedBounds(first: Interval, isNegated: boolean): Interval {
    const { chain, matcher } = this.assertion;
    const start = chain.findIndex((part) => part.name === matcher && part.call !== null);
    let interval = first;
    for (const part of start === -1 || isNegated ? [] : chain.slice(start + 1)) {
      const operator = part.call === null ? undefined : BOUND_MATCHERS.get(part.name);
      const n = operator === undefined ? undefined : readLiteral(part.call?.arguments[0])?.value;
      const next = operator === undefined || typeof n !== 'number' ? null : bound(operator, n, false);
      if (next !== null) {
        interval = intersect(interval, next);
      }
    }
    return interval;
  }

  /** `oneOf([200, 404])`: the value is one of an inline list. */
  readOneOf(value: TSESTree.Node, listNode: TSESTree.Node | undefined, accepts: boolean): void {
    const list = readLiteralArray(listNode);
    if (list !== null) {
      this.add({ subject: value, accepts, values: list.values, valueNodes: list.nodes, intervals: [], shape: 'set' });
    }
  }

  /** `[200, 404]` includes the value: true when the container is an inline list of literals and a fact was read. */
  readMembership(container: TSESTree.Node, value: TSESTree.Node | undefined, accepts: boolean): boolean {
    const set = readLiteralArray(container);
    if (set === null || value === undefined || value.type === AST_NODE_TYPES.SpreadElement) {
      return false;
    }
    this.add({ subject: value, accepts, values: set.values, valueNodes: set.nodes, intervals: [], shape: 'set' });
    return true;
  }

  /** `expect.toBeOneOf([...])` as the expected value or inside an expected object literal. */
  readAsymmetric(value: TSESTree.Node, expected: TSESTree.Node, depth = 0): void {
    const target = unwrapExpression(expected);
    if (depth > 3) {
      return;
    }
    if (target.type === AST_NODE_TYPES.CallExpression) {
      this.readExpectOneOf(value, target, depth);
      return;
    }
    if (target.type === AST_NODE_TYPES.ObjectExpression) {
      const { negated, matcher } = this.assertion;
      for (const property of target.properties) {
        if (property.type !== AST_NODE_TYPES.Property || property.computed || property.key.type !== AST_NODE_TYPES.Identifier) {
          continue;
        }
        this.readAsymmetric(property, property.value, depth + 1);
        if (depth === 0 && !negated && (matcher === 'toMatchObject' || EQUAL_MATCHERS.has(matcher)) && value.type !== AST_NODE_TYPES.Property) {
          const read = readLiteral(property.value);
          if (read !== null && typeof read.value === 'number') {
            this.impliedStatus(value, property.key.name, property.value);
          }
        }
      }
    }
  }

  /** `expect.toBeOneOf([...])` itself, for the value (or, deeper, the object property) it stands for. */
  private readExpectOneOf(value: TSESTree.Node, target: TSESTree.CallExpression, depth: number): void {
    const callee = unwrapExpression(target.callee);
    if (
      callee.type === AST_NODE_TYPES.MemberExpression &&
      getPropertyName(callee) === 'toBeOneOf' &&
      callee.object.type === AST_NODE_TYPES.Identifier &&
      this.context.isExpect(callee.object)
    ) {
      const list = readLiteralArray(target.arguments[0]);
      if (list !== null) {
        const fact: Fact = { subject: value, accepts: true, values: list.values, valueNodes: list.nodes, intervals: [], shape: 'set' };
        if (depth === 0) {
          this.add(fact, target, (literal) => ({ range: target.range, text: literal }));
        } else {
          this.addCheck({ ...this.checkOf(fact, target, (literal) => ({ range: target.range, text: literal })), name: nameOf(value) ?? keyNameOf(value) });
        }
      }
    }
  }

  /** Replaces the whole assertion with one that pins `value` to a literal. */
  private wholeRewrite(value: TSESTree.Node): Rewrite {
    const { assertion } = this;
    if (assertion.asyncKind !== null || assertion.node.type === AST_NODE_TYPES.ChainExpression) {
      return null;
    }
    const head = assertion.head;
    // Texts are read only when a suggestion is built, not for every check.
    const valueText = (): string => this.text(value);
    const target = assertion.node;
    switch (assertion.style) {
      case 'expect':
        return head.type === AST_NODE_TYPES.CallExpression ? (literal) => ({ range: target.range, text: `${this.text(head.callee)}(${valueText()}).toBe(${literal})` }) : null;
      case 'chai':
        return head.type === AST_NODE_TYPES.CallExpression ? (literal) => ({ range: target.range, text: `${this.text(head.callee)}(${valueText()}).to.equal(${literal})` }) : null;
      case 'assert': {
        if (head.type !== AST_NODE_TYPES.CallExpression) {
          return null;
        }
        const callee = unwrapExpression(head.callee);
        const namespace =
          callee.type === AST_NODE_TYPES.MemberExpression ? this.text(callee.object) : callee.type === AST_NODE_TYPES.Identifier && callee.name === 'assert' ? 'assert' : null;
        return namespace === null || assertion.library === 'unknown' ? null : (literal) => ({ range: target.range, text: `${namespace}.strictEqual(${valueText()}, ${literal})` });
      }
      default:
        return null;
    }
  }

  private checkOf(fact: Fact, node: TSESTree.Node, rewrite: Rewrite): OutcomeCheck {
    const name = fact.shape === 'ok' ? 'status' : nameOf(fact.subject);
    const subjectNode = valueOf(fact.subject);
    return {
      assertion: this.assertion,
      node,
      subject: fact.subject,
      name,
      alias: this.aliasOf(fact.subject),
      owner: fact.subject.type === AST_NODE_TYPES.Property ? this.ownerLabel() : ownerOf(fact.subject, this.sourceCode),
      ownerNode: fact.subject.type === AST_NODE_TYPES.Property ? this.ownerNode() : ownerNodeOf(fact.subject),
      label: fact.subject.type === AST_NODE_TYPES.Property ? `${this.ownerLabel()}.${keyNameOf(fact.subject) ?? ''}` : this.text(subjectNode),
      accepts: fact.accepts,
      values: fact.values,
      valueNodes: fact.valueNodes,
      intervals: fact.intervals,
      shape: fact.shape,
      rewrite,
    };
  }

  /** `s` in `const s = res.status` (or `const { status: s } = res`): the name it was read from. */
  private aliasOf(node: TSESTree.Node): string | null {
    const target = valueOf(node);
    const read = target.type === AST_NODE_TYPES.Identifier ? declaredRead(this.sourceCode, target) : null;
    return read === null ? null : (read.key ?? nameOf(read.init));
  }

  private ownerNode(): TSESTree.Node | null {
    const { subject } = this.assertion;
    return subject === null ? null : valueOf(subject);
  }

  private ownerLabel(): string {
    const { subject } = this.assertion;
    return subject === null ? '' : this.text(valueOf(subject));
  }
}

/** The values both intervals hold (`>= 400` and `< 500`: 400 to 499). */
function intersect(a: Interval, b: Interval): Interval {
  const low = a.low === b.low ? { low: a.low, lowInclusive: a.lowInclusive && b.lowInclusive } : a.low > b.low ? { low: a.low, lowInclusive: a.lowInclusive } : { low: b.low, lowInclusive: b.lowInclusive };
  const high = a.high === b.high ? { high: a.high, highInclusive: a.highInclusive && b.highInclusive } : a.high < b.high ? { high: a.high, highInclusive: a.highInclusive } : { high: b.high, highInclusive: b.highInclusive };
  return { ...low, ...high };
}
