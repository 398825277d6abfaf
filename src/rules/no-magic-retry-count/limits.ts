import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/types';
import type { TSESLint } from '@typescript-eslint/utils';
import { findVariable } from '@typescript-eslint/utils/ast-utils';

import { getChainRoot, getKeyName, isFunction, unwrapExpression } from '../../ast/nodes.js';
import type { TestBlock } from '../../model/index.js';
import type { FactsDraft } from './facts.js';
import { integerLiteral } from './nodes.js';
import { isDirectlyIn, type Place } from './places.js';
import { isAttemptNumberKey, isDisablingValue, isRetryDecisionKey, isRetryOptionKey, limitKeyOf, splitWords } from './retry-evidence.js';
import type { RetryFile } from './retry-file.js';

/** A retry limit the test configures: `{ retries: 3 }`, `{ maxRetries: MAX }`, `.retry(2)`. */
export interface Limit {
  /** How the count is written when derived: the option key, or the constant's name. */
  readonly name: string;
  /** The option key or method that sets the limit (`maxAttempts`, `retries`, `retry`). */
  readonly key: string;
  readonly value: number;
  /** The literal that spells the limit inside an object property, when it is one. */
  readonly property: TSESTree.Property | null;
  /** The constant the limit is read from (`maxRetries: MAX_RETRIES`). */
  readonly variable: TSESLint.Scope.Variable | null;
  readonly block: TestBlock | null;
}

/**
 * What a limit predicts for a count: `retries: 3` means 4 calls but 3 retries (an `onRetry`
 * counter); `attempts: 3` means 3 calls.
 */
export function expectedCount(limit: Limit, countsRetries: boolean): number {
  const words = splitWords(limit.key);
  const ofAttempts = words.some((word) => word === 'attempts' || word === 'attempt' || word === 'tries');
  return ofAttempts || countsRetries ? limit.value : limit.value + 1;
}

/** The value of `const MAX = 3`, read through `identifier`; null for anything but a single integer `const`. */
function constantValue(sourceCode: Readonly<TSESLint.SourceCode>, identifier: TSESTree.Identifier): { value: number; variable: TSESLint.Scope.Variable } | null {
  const variable = findVariable(sourceCode.getScope(identifier), identifier.name);
  const definition = variable?.defs[0];
  if (variable === null || variable.defs.length !== 1 || definition?.node.type !== AST_NODE_TYPES.VariableDeclarator) {
    return null;
  }
  const declaration = definition.node.parent;
  const value = integerLiteral(definition.node.init);
  return value === null || declaration.type !== AST_NODE_TYPES.VariableDeclaration || declaration.kind !== 'const' ? null : { value, variable };
}

/** Retry options in reach of `test` (`{ retries: 3 }`, `retry: false`, `onRetry`): retry context, limits, and retrying switched off. */
export function readLimitOptions(file: RetryFile, draft: FactsDraft): void {
  for (const { item: property, place } of file.buckets.properties.inReach(draft.reach)) {
    if (place === 'context' && !isDirectlyIn(property, file.blockOf(property))) {
      // A helper of the file or suite that sets a limit (`const makeClient = () => createClient({ retries: 2 })`): the file sets the policy.
      const setsLimit = limitKeyOf(property) !== null && !file.isBlockOptions(property);
      draft.ownsPolicy ||= setsLimit && !isDisablingValue(property.value);
      // A helper the test calls that switches retrying off (`maxRequestRetries: 0`): the test's counts are not retries.
      draft.disabled ||= setsLimit && isDisablingValue(property.value) && file.isInHelperCalledBy(property, draft.test);
      continue;
    }
    const name = getKeyName(property);
    if (name === null) {
      continue;
    }
    if (name === 'once') {
      continue;
    }
    // Options of a test or suite call (`it('x', { retry: 3 }, fn)`) configure the runner, not the code.
    if (file.isBlockOptions(property)) {
      continue;
    }
    // An attempt number the test writes (`retryAttempt: 3` in an event it publishes, `attempt: 2` in the job it
    // passes): a count equal to it, or one more, echoes or advances the test's own number.
    if (place !== 'context' && limitKeyOf(property) === null && isAttemptNumberKey(name)) {
      const value = integerLiteral(property.value);
      if (value !== null) {
        draft.pin(value);
        continue;
      }
    }
    if (!isRetryOptionKey(name) && limitKeyOf(property) === null) {
      continue;
    }
    if (isDisablingValue(property.value)) {
      draft.disabled = true;
      continue;
    }
    // A callback (`onRetry`, `retryOnMount: () => false`) hooks into retrying without setting a policy;
    // a decision the test passes in (`retry: (count) => count < 2`, `shouldRetry`) sets it.
    if (isFunction(unwrapExpression(property.value))) {
      draft.ownsPolicy ||= isRetryDecisionKey(name);
      continue;
    }
    draft.retryContext = true;
    readLimitOption(file, property, draft);
  }
}

/** Values that name what the test passes in (`isTransient`, `config.retries`, `vi.fn()`), rather than spell it. */
const PASSED_IN: ReadonlySet<string> = new Set([AST_NODE_TYPES.Identifier, AST_NODE_TYPES.MemberExpression, AST_NODE_TYPES.CallExpression, AST_NODE_TYPES.BinaryExpression]);

/** The limit a retry option sets, when it is an integer or an integer constant: `retries: 3`, `maxRetries: MAX_RETRIES`. */
function readLimitOption(file: RetryFile, property: TSESTree.Property, draft: FactsDraft): void {
  const limitName = limitKeyOf(property);
  const value = unwrapExpression(property.value);
  if (limitName === null) {
    // `retry: isTransient`, `shouldRetry: vi.fn()…`: a decision the test passes in.
    const name = getKeyName(property);
    draft.ownsPolicy ||= name !== null && isRetryDecisionKey(name) && PASSED_IN.has(value.type);
    return;
  }
  const literal = integerLiteral(value);
  const constant = literal === null && value.type === AST_NODE_TYPES.Identifier ? constantValue(file.sourceCode, value) : null;
  if (literal !== null) {
    draft.limits.push({ name: limitName, key: limitName, value: literal, property, variable: null, block: file.blockOf(property) });
  } else if (constant !== null && value.type === AST_NODE_TYPES.Identifier) {
    draft.limits.push({ name: value.name, key: limitName, value: constant.value, property: null, variable: constant.variable, block: file.blockOf(property) });
  } else if (PASSED_IN.has(value.type)) {
    // `retries: config.retries`, `maxRetries: n`: a limit the test sets, with a value this rule cannot read.
    draft.ownsPolicy = true;
  }
}

/**
 * A call that configures a retry limit by argument (`.retry(2)`, `client.setRetries(MAX)`), at `place`
 * from the test; a framework's own `this.retries(2)` and a switched-off limit say nothing.
 */
export function readRetryConfigCall(file: RetryFile, node: TSESTree.CallExpression, method: string, place: Place, draft: FactsDraft): void {
  const callee = unwrapExpression(node.callee);
  const root = getChainRoot(callee);
  const isFramework = root === null || root.type === AST_NODE_TYPES.ThisExpression || file.model.resolveName(root) !== null;
  const argument = node.arguments[0];
  if (isFramework || (argument !== undefined && isDisablingValue(argument))) {
    return;
  }
  const value = integerLiteral(argument);
  const constant = value === null && argument?.type === AST_NODE_TYPES.Identifier ? constantValue(file.sourceCode, argument) : null;
  if (value !== null) {
    draft.retryContext = true;
    draft.limits.push({ name: method, key: method, value, property: null, variable: null, block: file.blockOf(node) });
  } else if (constant !== null && argument?.type === AST_NODE_TYPES.Identifier) {
    draft.retryContext = true;
    draft.limits.push({ name: argument.name, key: method, value: constant.value, property: null, variable: constant.variable, block: file.blockOf(node) });
  } else if (method !== 'retry' && argument !== undefined && PASSED_IN.has(unwrapExpression(argument).type)) {
    // `client.setRetries(config.retries)`: a limit the test sets, with a value this rule cannot read.
    draft.ownsPolicy = true;
  } else if (place !== 'context') {
    // `await job.retry('failed')`: the test retries by hand; each call is one more attempt.
    draft.manualRetries += 1;
  }
}
