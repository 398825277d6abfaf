import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { TSESLint } from '@typescript-eslint/utils';

import { type Assertion, type TestModel, findUnhandledPromise, getTestModel } from '../model/index.js';
import { addAwaitFix, returnFix, safeAwaitFix } from '../ast/await-fixes.js';
import { createRule } from '../create-rule.js';
import { runnerWaitsFor } from './no-unawaited-assertion/runner-waits.js';
import { isShouldJsPromise, isShouldMemberChain, readShouldCalls, readShouldJs, type ShouldJs } from './no-unawaited-assertion/should-js.js';

export type Options = [];
export type MessageIds = 'unawaitedAssertion' | 'addAwait' | 'returnPromise';

type RuleContext = Readonly<TSESLint.RuleContext<MessageIds, Options>>;

/** Names a callback parameter that completes a test (`.expect(200, done)`, `.notify(done)`). */
const DONE_NAMES: ReadonlySet<string> = new Set(['done', 'cb', 'callback', 'next', 'finish', 'end', 'resolve']);

/**
 * What the message calls an async assertion, or null when it is not one. A `x.should…` chain in a
 * file that loads should.js (and not chai) is should.js's: async by should.js's promise assertions.
 */
function describeAssertion(assertion: Assertion, shouldJs: ShouldJs | null): string | null {
  if (shouldJs !== null && shouldJs.ownsShouldMembers && isShouldMemberChain(assertion)) {
    return isShouldJsPromise(assertion.chain) ? 'should.js' : null;
  }
  switch (assertion.asyncKind) {
    case null:
      return null;
    case 'resolves':
      return '`.resolves`';
    case 'rejects':
      return '`.rejects`';
    case 'poll':
      return '`expect.poll`';
    case 'eventually':
      return 'chai-as-promised';
    case 'request':
      return 'supertest';
    default:
      return assertion.style === 'assert' ? `\`assert.${assertion.matcher}\`` : `\`${assertion.matcher}\``;
  }
}

/** A completion callback handed to the chain: `.end(cb)`, `.expect(200, done)`, `.notify(done)`. */
function completesThroughCallback(assertion: Assertion): boolean {
  return assertion.chain.some((part) => {
    const call = part.call;
    if (call === null) {
      return false;
    }
    if (part.name === 'end' || part.name === 'notify') {
      return call.arguments.length > 0;
    }
    if (assertion.style !== 'supertest' || part.name !== 'expect' || call.arguments.length < 2) {
      return false;
    }
    const last = call.arguments.at(-1);
    return (
      last?.type === AST_NODE_TYPES.FunctionExpression ||
      last?.type === AST_NODE_TYPES.ArrowFunctionExpression ||
      (last?.type === AST_NODE_TYPES.Identifier && DONE_NAMES.has(last.name))
    );
  });
}

/** `expect(p).resolves.toBeNone` never runs a matcher at all: that is jest/vitest `valid-expect`'s finding, not a dropped promise. */
function isUncalledMatcher(assertion: Assertion): boolean {
  if (assertion.style !== 'expect') {
    return false;
  }
  const matcher = assertion.chain.find((part) => part.name === assertion.matcher);
  return matcher !== undefined && matcher.call === null;
}

export default createRule<Options, MessageIds>({
  name: 'no-unawaited-assertion',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow async assertions that nobody waits for',
      recommended: 'recommended',
      requiresTypeChecking: false,
    },
    fixable: 'code',
    hasSuggestions: true,
    schema: [],
    messages: {
      unawaitedAssertion:
        'This {{kind}} assertion returns a promise that nobody waits for, so the test can pass before it runs; `await` it or `return` it.',
      addAwait: 'Add `await`{{asyncNote}}.',
      returnPromise: 'Return the assertion.',
    },
  },
  create(context) {
    return {
      'Program:exit'() {
        checkFile(context);
      },
    };
  },
});

/** Checks one file; a module function, so V8 keeps its optimised code from file to file (see `perOptions`). */
function checkFile(context: RuleContext): void {
  const model = getTestModel(context);
  if (!model.hasTests) {
    return;
  }
  const shouldJs = readShouldJs(model);
  for (const assertion of model.assertions) {
    const kind = describeAssertion(assertion, shouldJs);
    if (kind !== null) {
      checkAssertion(context, model, assertion, kind);
    }
  }
  if (shouldJs !== null) {
    for (const assertion of readShouldCalls(shouldJs, model, context.sourceCode)) {
      checkAssertion(context, model, assertion, 'should.js');
    }
  }
}

/** Reports one async assertion (`kind` names it in the message) when nobody waits for its promise. */
function checkAssertion(context: RuleContext, model: TestModel, assertion: Assertion, kind: string): void {
  const { sourceCode } = context;
  if (assertion.block === null || completesThroughCallback(assertion) || isUncalledMatcher(assertion) || runnerWaitsFor(assertion, model, sourceCode.visitorKeys)) {
    return;
  }
  const unhandled = findUnhandledPromise(assertion.node, model, sourceCode);
  if (unhandled === null) {
    return;
  }
  const { statement, fn } = unhandled;
  const fix = safeAwaitFix(sourceCode, statement, fn);
  const suggestions: Array<{ messageId: MessageIds; data?: Record<string, string>; fix: NonNullable<ReturnType<typeof returnFix>> }> = [];
  if (fix === null) {
    const awaitFix = addAwaitFix(sourceCode, model, statement, fn);
    if (awaitFix !== null) {
      suggestions.push({ messageId: 'addAwait', data: { asyncNote: fn?.async === true ? '' : ' and make the test function `async`' }, fix: awaitFix });
    }
    const returnSuggestion = returnFix(model, statement, fn);
    if (returnSuggestion !== null) {
      suggestions.push({ messageId: 'returnPromise', fix: returnSuggestion });
    }
  }
  context.report({
    node: assertion.node,
    messageId: 'unawaitedAssertion',
    data: { kind },
    ...(fix === null ? {} : { fix }),
    suggest: suggestions,
  });
}
