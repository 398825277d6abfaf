import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/types';

import { getPropertyName } from '../ast/nodes.js';
import type { FrameworkName, Library } from './framework-names.js';
import type { TestBlock } from './test-blocks.js';

export type AssertionStyle =
  /** jest/vitest/bun/jasmine/playwright `expect(x).matcher(y)` */
  | 'expect'
  /** chai `expect(x).to…` or `x.should…` */
  | 'chai'
  /** `assert(x)`, `assert.equal(a, b)` (node:assert, chai assert, `t.assert`, custom assert functions) */
  | 'assert'
  /** `sinon.assert.calledWith(spy, …)` */
  | 'spyAssert'
  /** supertest `request(app).get(url).expect(200)` */
  | 'supertest';

export type AsyncKind =
  /** `.resolves` / `.rejects` */
  | 'resolves'
  | 'rejects'
  /** `expect.poll(fn)` */
  | 'poll'
  /** chai-as-promised `.eventually`, `.rejectedWith`, `.fulfilled` … */
  | 'eventually'
  /** a matcher that returns a promise: playwright web-first matchers, `assert.rejects`, `expectAsync` */
  | 'matcher'
  /** a supertest request chain */
  | 'request';

/** One property link of an assertion chain, with its call when the link is called. */
export interface ChainPart {
  readonly name: string;
  readonly node: TSESTree.MemberExpression;
  readonly call: TSESTree.CallExpression | null;
}

export interface Assertion {
  readonly style: AssertionStyle;
  readonly library: Library;
  /** The outermost expression of the chain: what yields the result (or the promise). */
  readonly node: TSESTree.Expression;
  /** The first call of the chain: `expect(x)`, `assert.equal(a, b)`, `request(app)`. */
  readonly head: TSESTree.CallExpression | TSESTree.MemberExpression;
  /** What is asserted on; null when the style has none (`assert.fail()`). */
  readonly subject: TSESTree.Node | null;
  /** The matcher or method name: `toBe`, `oneOf`, `strictEqual`, `ok` (for `assert(x)`), `expect` (supertest). */
  readonly matcher: string;
  /** Expected values: the matcher's arguments, or an assert call's arguments after the subject. */
  readonly expected: readonly TSESTree.CallExpressionArgument[];
  readonly negated: boolean;
  /** Modifiers seen in the chain, in order: `not`, `resolves`, `soft`, `eventually`, `deep` … */
  readonly modifiers: readonly string[];
  /** Whether, and why, the assertion produces a promise that someone must wait for. */
  readonly asyncKind: AsyncKind | null;
  readonly chain: readonly ChainPart[];
  /** The block the assertion is written in; null outside any test, suite or hook. */
  block: TestBlock | null;
}

const EXPECT_MODIFIERS: ReadonlySet<string> = new Set(['not', 'resolves', 'rejects']);

/** Words that chain chai assertions without asserting anything. */
const CHAI_LANGUAGE: ReadonlySet<string> = new Set([
  'to', 'be', 'been', 'is', 'that', 'which', 'and', 'has', 'have', 'with', 'at', 'of', 'same', 'but', 'does', 'still', 'also', 'should',
]);
const CHAI_MODIFIERS: ReadonlySet<string> = new Set(['not', 'deep', 'nested', 'own', 'ordered', 'any', 'all', 'itself', 'eventually', 'lengthOf']);
const CHAI_ASYNC_MATCHERS: ReadonlySet<string> = new Set(['rejected', 'rejectedWith', 'fulfilled', 'become', 'eventually']);
const ASSERT_ASYNC_MATCHERS: ReadonlySet<string> = new Set(['rejects', 'doesNotReject', 'isRejected', 'isFulfilled', 'becomes', 'doesNotBecome']);

/** Playwright's web-first matchers, which retry and return a promise. */
export const PLAYWRIGHT_ASYNC_MATCHERS: ReadonlySet<string> = new Set([
  'toBeAttached', 'toBeChecked', 'toBeDisabled', 'toBeEditable', 'toBeEmpty', 'toBeEnabled', 'toBeFocused', 'toBeHidden',
  'toBeInViewport', 'toBeVisible', 'toContainText', 'toContainClass', 'toHaveAccessibleDescription', 'toHaveAccessibleErrorMessage',
  'toHaveAccessibleName', 'toHaveAttribute', 'toHaveClass', 'toHaveCount', 'toHaveCSS', 'toHaveId', 'toHaveJSProperty', 'toHaveRole',
  'toHaveScreenshot', 'toHaveText', 'toHaveTitle', 'toHaveURL', 'toHaveValue', 'toHaveValues', 'toBeOK', 'toPass', 'toMatchAriaSnapshot',
]);

/** Collects the links above `start`: `expect(x)` → `.not` → `.toBe` → `(1)`. */
export function collectChain(start: TSESTree.Expression): { parts: ChainPart[]; top: TSESTree.Expression } {
  const parts: ChainPart[] = [];
  let top: TSESTree.Expression = start;
  for (;;) {
    const parent = top.parent;
    if (parent?.type === AST_NODE_TYPES.MemberExpression && parent.object === top) {
      const name = getPropertyName(parent);
      if (name === null) {
        break;
      }
      const grand = parent.parent;
      const call = grand.type === AST_NODE_TYPES.CallExpression && grand.callee === parent ? grand : null;
      parts.push({ name, node: parent, call });
      top = call ?? parent;
    } else if (parent?.type === AST_NODE_TYPES.TSNonNullExpression || parent?.type === AST_NODE_TYPES.ChainExpression) {
      top = parent;
    } else {
      break;
    }
  }
  return { parts, top };
}

const isChaiChain = (parts: readonly ChainPart[]): boolean => parts.some((part) => CHAI_LANGUAGE.has(part.name));

/** Normalises an expect-style chain starting at its head call (`expect(x)`, `expect.soft(x)`, `chai.expect(x)`). */
export function readExpectChain(
  head: TSESTree.CallExpression,
  name: FrameworkName,
  headModifier: 'poll' | 'soft' | null,
): Assertion | null {
  const { parts, top } = collectChain(head);
  if (parts.length === 0) {
    return null;
  }
  const subject = head.arguments[0] ?? null;
  if (name.library === 'chai' || isChaiChain(parts)) {
    return readChaiParts(head, subject, parts, top, name.library === 'unknown' ? 'chai' : name.library);
  }
  const modifiers: string[] = headModifier === null ? [] : [headModifier];
  let matcherPart: ChainPart | null = null;
  for (const part of parts) {
    if (EXPECT_MODIFIERS.has(part.name) && part.call === null) {
      modifiers.push(part.name);
    } else {
      matcherPart = part;
      break;
    }
  }
  if (matcherPart === null) {
    return null;
  }
  let asyncKind: AsyncKind | null = null;
  if (modifiers.includes('resolves')) {
    asyncKind = 'resolves';
  } else if (modifiers.includes('rejects')) {
    asyncKind = 'rejects';
  } else if (headModifier === 'poll') {
    asyncKind = 'poll';
  } else if (name.kind === 'expectAsync' || (name.library === 'playwright' && PLAYWRIGHT_ASYNC_MATCHERS.has(matcherPart.name))) {
    asyncKind = 'matcher';
  }
  return {
    style: 'expect',
    library: name.kind === 'expectAsync' ? 'jasmine' : name.library,
    node: top,
    head,
    subject,
    matcher: matcherPart.name,
    expected: matcherPart.call?.arguments ?? [],
    negated: modifiers.includes('not'),
    modifiers,
    asyncKind,
    chain: parts,
    block: null,
  };
}

/** Normalises a chai chain (`expect(x).to.not.equal(y)`, `x.should.be.oneOf([...])`). */
export function readChaiParts(
  head: TSESTree.CallExpression | TSESTree.MemberExpression,
  subject: TSESTree.Node | null,
  parts: readonly ChainPart[],
  top: TSESTree.Expression,
  library: Library,
): Assertion | null {
  const modifiers: string[] = [];
  let matcherPart: ChainPart | null = null;
  for (const part of parts) {
    if (CHAI_LANGUAGE.has(part.name)) {
      continue;
    }
    if (CHAI_MODIFIERS.has(part.name) && part.call === null) {
      modifiers.push(part.name);
      continue;
    }
    matcherPart = part;
    break;
  }
  if (matcherPart === null) {
    return null;
  }
  const isAsync =
    modifiers.includes('eventually') || parts.some((part) => CHAI_ASYNC_MATCHERS.has(part.name));
  return {
    style: 'chai',
    library,
    node: top,
    head,
    subject,
    matcher: matcherPart.name,
    expected: matcherPart.call?.arguments ?? [],
    negated: modifiers.includes('not'),
    modifiers,
    asyncKind: isAsync ? 'eventually' : null,
    chain: parts,
    block: null,
  };
}

/** Normalises `assert(x)`, `assert.equal(a, b)`, `t.assert.ok(x)`, `sinon.assert.callCount(spy, 2)`. */
export function readAssertCall(
  call: TSESTree.CallExpression,
  method: string | null,
  name: FrameworkName,
  style: 'assert' | 'spyAssert',
): Assertion {
  const matcher = method ?? (name.library === 'unknown' ? name.name : 'ok');
  const [subject = null, ...expected] = call.arguments;
  const negated = /^(?:not[A-Z]|isNot[A-Z])/u.test(matcher) || matcher === 'notOk';
  return {
    style,
    library: name.library,
    node: collectChain(call).top,
    head: call,
    subject,
    matcher,
    expected,
    negated,
    modifiers: [],
    asyncKind: style === 'assert' && ASSERT_ASYNC_MATCHERS.has(matcher) ? 'matcher' : null,
    chain: [],
    block: null,
  };
}

/** Normalises a supertest chain from its first call; null unless it has an `.expect(…)`. */
export function readSupertestChain(head: TSESTree.CallExpression): Assertion | null {
  const { parts, top } = collectChain(head);
  const expectations = parts.filter((part) => part.name === 'expect' && part.call !== null);
  const first = expectations[0];
  if (first === undefined) {
    return null;
  }
  return {
    style: 'supertest',
    library: 'supertest',
    node: top,
    head,
    subject: head,
    matcher: 'expect',
    expected: first.call?.arguments ?? [],
    negated: false,
    modifiers: [],
    asyncKind: 'request',
    chain: parts,
    block: null,
  };
}
