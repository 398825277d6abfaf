import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/types';

import { getChainRoot, getKeyName, getLastName, unwrapExpression } from '../../ast/nodes.js';
import type { TestBlock } from '../../model/index.js';
import { ONE_ANSWER_METHODS, RETRY_CONFIG_METHODS } from './collect.js';
import type { FactsDraft } from './facts.js';
import { readRetryConfigCall } from './limits.js';
import { calleeNameOf, integerLiteral } from './nodes.js';
import type { RetryFile } from './retry-file.js';

/**
 * Counts a test fixes by its own scenario rather than by a retry policy: answers it scripts, retries
 * it makes by hand, loops and sizes, injected failures, actions it writes more than once.
 */

/** Statements that wait rather than act: repeating them says nothing about call counts. */
const FLUSH_TEXT = /sleep|tick|advanceTimers|runAllTimers|runOnlyPendingTimers|Promise\.resolve|flush|setImmediate|nextTick|waitFor|delay\(|setTimeout|wait\(/u;
/** A query of testing-library at the start of a statement (`screen.getByText(…)`), linear on any text. */
const LEADING_NAME = /^[\w.]*/u;
const QUERY_LINK = /\.(?:getBy|getAllBy|queryBy|findBy)/u;

/** Does this statement (whitespace removed) wait rather than act? */
export function isFlushText(text: string): boolean {
  return FLUSH_TEXT.test(text) || QUERY_LINK.test(LEADING_NAME.exec(text)?.[0] ?? '');
}

/** Calls in reach of `test`: retry config calls set limits (see `limits.ts`), the others script its scenario. */
export function readScenarioCalls(file: RetryFile, draft: FactsDraft): void {
  for (const { item, place } of file.buckets.calls.inReach(draft.reach)) {
    const { node, method } = item;
    if (RETRY_CONFIG_METHODS.has(method)) {
      readRetryConfigCall(file, node, method, place, draft);
      continue;
    }
    if (method === 'reconnect') {
      if (place !== 'context') {
        draft.manualRetries += 1;
      }
      continue;
    }
    if (place === 'context') {
      continue;
    }
    if (method === 'times') {
      const value = integerLiteral(node.arguments[0]);
      if (value !== null) {
        draft.pin(value);
      }
    } else if (ONE_ANSWER_METHODS.has(method)) {
      draft.answers += 1;
    }
  }
}

/** Pins what the scenario fixes: scripted answers (`.reply()`, `{ once: true }`), invocations of the retrying code, retries by hand, comparisons and sizes, injected failures. */
export function pinScenario(file: RetryFile, draft: FactsDraft): void {
  const { properties, retryingCalls, comparisons, flaggedFailures } = file.buckets;
  for (const { item: property, place } of properties.inReach(draft.reach)) {
    if (getKeyName(property) === 'once' && place !== 'context') {
      draft.answers += 1;
    }
  }
  if (draft.answers >= 2) {
    draft.pin(draft.answers);
  }
  // The test runs the retrying code k times itself (`await gitRetry(a); await gitRetry(b)`): k calls without failures.
  const invocations = retryingCalls.inReach(draft.reach, false).filter(({ item, place }) => place === 'test' && !RETRY_CONFIG_METHODS.has(calleeNameOf(item) ?? '')).length;
  if (invocations >= 2) {
    draft.pinned.add(invocations);
  }
  if (draft.manualRetries > 0) {
    draft.pinned.add(draft.manualRetries);
    draft.pinned.add(draft.manualRetries + 1);
  }
  for (const { item, place } of comparisons.inReach(draft.reach, false)) {
    const { node, value } = item;
    if (place === 'test' || place === 'hook') {
      draft.pin(value);
      // `if (call === 0) … else if (call === 1) … else …` scripts answers 0..k and one more.
      if (node.type === AST_NODE_TYPES.BinaryExpression && (node.operator === '===' || node.operator === '==')) {
        draft.pinned.add(value + 2);
      }
    }
  }
  for (const { place } of flaggedFailures.inReach(draft.reach, false)) {
    if (place === 'test' || place === 'hook') {
      draft.pin(1);
    }
  }
}

/** Timer calls that advance a fake clock by a step: each one lets a poll or a backoff fire once more. */
const TIMER_STEPS: ReadonlySet<string> = new Set([
  'advanceTimersByTime', 'advanceTimersByTimeAsync', 'advanceTimersToNextTimer', 'advanceTimersToNextTimerAsync', 'runOnlyPendingTimers',
  'runOnlyPendingTimersAsync', 'tick', 'tickAsync', 'next', 'nextAsync',
]);

/** The call a statement makes: `await client.get('/a')`, `const r = await send()`, `await expect(client.get()).rejects…`. */
function actionCall(statement: TSESTree.Statement): TSESTree.CallExpression | null {
  let expression: TSESTree.Node | null = null;
  if (statement.type === AST_NODE_TYPES.ExpressionStatement) {
    expression = statement.expression;
  } else if (statement.type === AST_NODE_TYPES.VariableDeclaration && statement.declarations.length === 1) {
    expression = statement.declarations[0]?.init ?? null;
  }
  const call = expression === null ? null : unwrapExpression(expression.type === AST_NODE_TYPES.AwaitExpression ? expression.argument : expression);
  if (call?.type !== AST_NODE_TYPES.CallExpression) {
    return null;
  }
  // `expect(client.get('/a')).rejects.toThrow()`: the action is the call inside `expect`.
  const root = getChainRoot(call.callee);
  const first = call.callee.type === AST_NODE_TYPES.MemberExpression ? expectArgument(call.callee) : null;
  if (root?.type === AST_NODE_TYPES.Identifier && root.name === 'expect') {
    return first;
  }
  return call;
}

/** The argument of the `expect(…)` call a chain starts from, when it is a call (`expect(send()).rejects`). */
function expectArgument(callee: TSESTree.MemberExpression): TSESTree.CallExpression | null {
  let current: TSESTree.Node = callee;
  for (let depth = 0; depth < 8; depth++) {
    if (current.type === AST_NODE_TYPES.MemberExpression) {
      current = current.object;
    } else if (current.type === AST_NODE_TYPES.CallExpression && current.callee.type !== AST_NODE_TYPES.Identifier) {
      current = current.callee;
    } else {
      break;
    }
  }
  const argument = current.type === AST_NODE_TYPES.CallExpression ? current.arguments[0] : undefined;
  const value = argument === undefined ? null : unwrapExpression(argument.type === AST_NODE_TYPES.AwaitExpression ? argument.argument : argument);
  return value?.type === AST_NODE_TYPES.CallExpression ? value : null;
}

/**
 * The same action written k times (`await client.connect()` twice) makes k calls; so do k calls of one
 * function with other arguments (`await client.get('/a'); await client.get('/b')`); k equal steps of a fake
 * clock (in the test and its before-hooks) make k polls after the first.
 */
export function pinRepeatedStatements(file: RetryFile, test: TestBlock, draft: FactsDraft): void {
  const body = test.callback?.body;
  if (body?.type !== AST_NODE_TYPES.BlockStatement) {
    return;
  }
  const repeats = new Map<string, number>();
  const callees = new Map<string, number>();
  const steps = new Map<string, number>();
  // Equal steps of a fake clock in the before-hooks add to the test's own (`clock.tick(30)` in both: two heartbeats).
  for (const [block, place] of draft.reach) {
    const hookBody = place === 'hook' ? block?.callback?.body : undefined;
    for (const statement of hookBody?.type === AST_NODE_TYPES.BlockStatement ? hookBody.body : []) {
      const call = actionCall(statement);
      if (call !== null && TIMER_STEPS.has(getLastName(call.callee) ?? '')) {
        const step = file.sourceCode.getText(call).replace(/\s+/gu, '');
        steps.set(step, (steps.get(step) ?? 0) + 1);
      }
    }
  }
  for (const statement of body.body) {
    const call = actionCall(statement);
    const calleeName = call === null ? null : getLastName(call.callee);
    if (call !== null && calleeName !== null && TIMER_STEPS.has(calleeName)) {
      const step = file.sourceCode.getText(call).replace(/\s+/gu, '');
      steps.set(step, (steps.get(step) ?? 0) + 1);
    } else if (call !== null) {
      const callee = file.sourceCode.getText(call.callee).replace(/\s+/gu, '');
      if (!isFlushText(callee)) {
        callees.set(callee, (callees.get(callee) ?? 0) + 1);
      }
    }
    if (statement.type !== AST_NODE_TYPES.ExpressionStatement) {
      continue;
    }
    const text = file.sourceCode.getText(statement).replace(/\s+/gu, '');
    // Repeated plain assertions check, they do not act; `await expect(call()).rejects…` does act.
    const assertsOnly = /^(?:await)?expect[.(]/u.test(text) && !/\.(?:rejects|resolves)\./u.test(text);
    if (!assertsOnly && !isFlushText(text)) {
      repeats.set(text, (repeats.get(text) ?? 0) + 1);
    }
  }
  for (const times of repeats.values()) {
    if (times >= 2) {
      draft.pinned.add(times);
    }
  }
  // k calls of one function the test makes itself (`p.execute(s)` three times, a circuit breaker opening after two
  // failures): a count of 2 to k can be those calls, each reaching the double or stopped before it.
  for (const times of callees.values()) {
    for (let value = 2; value <= times; value++) {
      draft.pinned.add(value);
    }
  }
  // The same step of a fake clock k times (`advanceTimersByTime(1000)` × 3): the first poll and one per step.
  // A weak explanation: where the test sets a limit, the limit explains the count (TanStack Query's waits of 31 ms).
  for (const times of draft.limits.length === 0 ? steps.values() : []) {
    if (times >= 2) {
      draft.pinned.add(times);
      draft.pinned.add(times + 1);
    }
  }
}
