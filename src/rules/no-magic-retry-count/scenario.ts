import { AST_NODE_TYPES } from '@typescript-eslint/types';

import { getKeyName } from '../../ast/nodes.js';
import type { TestBlock } from '../../model/index.js';
import { ONE_ANSWER_METHODS, RETRY_CONFIG_METHODS } from './collect.js';
import type { FactsDraft } from './facts.js';
import { readRetryConfigCall } from './limits.js';
import { calleeNameOf, integerLiteral } from './nodes.js';
import { placeOf } from './places.js';
import type { RetryFile } from './retry-file.js';

/**
 * Counts a test fixes by its own scenario rather than by a retry policy: answers it scripts, retries
 * it makes by hand, loops and sizes, injected failures, actions it writes more than once.
 */

/** Statements that wait rather than act: repeating them says nothing about call counts. */
const FLUSH_TEXT = /sleep|tick|advanceTimers|runAllTimers|runOnlyPendingTimers|Promise\.resolve|flush|setImmediate|nextTick|waitFor|delay\(|setTimeout|wait\(|^(?:await)?[\w.]*\.(?:getBy|getAllBy|queryBy|findBy)/u;

/** Calls in reach of `test`: retry config calls set limits (see `limits.ts`), the others script its scenario. */
export function readScenarioCalls(file: RetryFile, test: TestBlock, draft: FactsDraft): void {
  for (const { node, method } of file.nodes.calls) {
    const place = placeOf(file.blockOf(node), test);
    if (place === null) {
      continue;
    }
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
export function pinScenario(file: RetryFile, test: TestBlock, draft: FactsDraft): void {
  const { properties, retryingCalls, comparisons, sizes, flaggedFailures } = file.nodes;
  for (const property of properties) {
    if (getKeyName(property) === 'once' && placeOf(file.blockOf(property), test) !== null && placeOf(file.blockOf(property), test) !== 'context') {
      draft.answers += 1;
    }
  }
  if (draft.answers >= 2) {
    draft.pin(draft.answers);
  }
  // The test runs the retrying code k times itself (`await gitRetry(a); await gitRetry(b)`): k calls without failures.
  const invocations = retryingCalls.filter((node) => placeOf(file.blockOf(node), test) === 'test' && !RETRY_CONFIG_METHODS.has(calleeNameOf(node) ?? '')).length;
  if (invocations >= 2) {
    draft.pinned.add(invocations);
  }
  if (draft.manualRetries > 0) {
    draft.pinned.add(draft.manualRetries);
    draft.pinned.add(draft.manualRetries + 1);
  }
  for (const { node, value } of [...comparisons, ...sizes]) {
    const place = placeOf(file.blockOf(node), test);
    if (place === 'test' || place === 'hook') {
      draft.pin(value);
      // `if (call === 0) … else if (call === 1) … else …` scripts answers 0..k and one more.
      if (node.type === AST_NODE_TYPES.BinaryExpression && (node.operator === '===' || node.operator === '==')) {
        draft.pinned.add(value + 2);
      }
    }
  }
  for (const node of flaggedFailures) {
    const place = placeOf(file.blockOf(node), test);
    if (place === 'test' || place === 'hook') {
      draft.pin(1);
    }
  }
}

/** The same action written k times (`await client.connect()` twice) makes k calls. */
export function pinRepeatedStatements(file: RetryFile, test: TestBlock, draft: FactsDraft): void {
  const body = test.callback?.body;
  if (body?.type !== AST_NODE_TYPES.BlockStatement) {
    return;
  }
  const repeats = new Map<string, number>();
  for (const statement of body.body) {
    if (statement.type !== AST_NODE_TYPES.ExpressionStatement) {
      continue;
    }
    const text = file.sourceCode.getText(statement).replace(/\s+/gu, '');
    // Repeated plain assertions check, they do not act; `await expect(call()).rejects…` does act.
    const assertsOnly = /^(?:await)?expect[.(]/u.test(text) && !/\.(?:rejects|resolves)\./u.test(text);
    if (!assertsOnly && !FLUSH_TEXT.test(text)) {
      repeats.set(text, (repeats.get(text) ?? 0) + 1);
    }
  }
  for (const times of repeats.values()) {
    if (times >= 2) {
      draft.pinned.add(times);
    }
  }
}
