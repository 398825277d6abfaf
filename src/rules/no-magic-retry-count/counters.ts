import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/types';
import type { TSESLint } from '@typescript-eslint/utils';
import { findVariable } from '@typescript-eslint/utils/ast-utils';

import { getPropertyName, referenceKey, unwrapExpression } from '../../ast/nodes.js';
import { counterNameOf, type CountAssertion } from './count-assertions.js';
import { isRetryCounterName, isRetryOptionKey, splitWords } from './retry-evidence.js';

/**
 * What a count assertion counts: a counter the test keeps by hand, a configuration value read back,
 * a logging double, retries rather than calls.
 */

/** `logger.info`, `loggerMock.warn`, `console.error`, `this.log.debug`: a logging double. */
export function isLoggerKey(key: string): boolean {
  const parts = key.split('.');
  const method = parts.at(-1) ?? '';
  const owner = parts.slice(0, -1).join('.');
  return /^(?:console|(?:\w*\.)?(?:log|logs|logger|loggerMock|mockLogger)|\w*Logger\w*)$/iu.test(owner) &&
    /^(?:log|info|warn|warning|error|debug|trace|fatal|verbose|silly)$/u.test(method);
}

const CONFIG_LINKS: ReadonlySet<string> = new Set(['opts', 'options', 'config', 'configuration', 'settings', 'defaults', 'params', 'props', 'init']);

/** `expect(opts.retry).toBe(10)`, `expect(job.opts.attempts).toBe(3)`: the count is a configuration value read back. */
export function isConfigEcho(node: TSESTree.Node): boolean {
  const value = unwrapExpression(node);
  if (value.type !== AST_NODE_TYPES.MemberExpression) {
    return false;
  }
  const name = getPropertyName(value);
  if (name !== null && isRetryOptionKey(name) && !/count|made|done|performed|so_?far/iu.test(name)) {
    return true;
  }
  const key = referenceKey(value);
  return key !== null && key.split('.').some((link) => CONFIG_LINKS.has(link));
}

/** Does the count name retries rather than calls (`retryCalled`, `onRetry`, `retryCount`)? */
export function countsRetriesOnly(found: CountAssertion): boolean {
  const key = referenceKey(found.counted);
  const name = key?.split('.').at(-1) ?? '';
  return splitWords(name).some((word) => word === 'retry' || word === 'retries' || word === 'retried');
}

/**
 * What kind of counter is asserted: `hand` for a variable the test increments (`attempts++`),
 * `list` for the length of a recorded list, `member` for a retry-named property (`job.attemptsMade`);
 * null for values that only look like counters (`const count = await queue.count()`).
 */
export function counterShape(sourceCode: Readonly<TSESLint.SourceCode>, node: TSESTree.Node): 'hand' | 'list' | 'member' | null {
  const value = unwrapExpression(node);
  if (value.type === AST_NODE_TYPES.Identifier) {
    const variable = findVariable(sourceCode.getScope(value), value.name);
    if (variable === null) {
      return null;
    }
    const incremented = variable.references.some((reference) => {
      const parent = reference.identifier.parent;
      return (
        parent.type === AST_NODE_TYPES.UpdateExpression ||
        (parent.type === AST_NODE_TYPES.AssignmentExpression && parent.left === reference.identifier && parent.operator !== '=')
      );
    });
    if (incremented) {
      return 'hand';
    }
    return variable.references.some((reference) => reference.identifier.parent.type === AST_NODE_TYPES.MemberExpression && /^(?:push|unshift|add|set)$/u.test(getPropertyName(reference.identifier.parent as TSESTree.MemberExpression) ?? ''))
      ? 'list'
      : null;
  }
  if (value.type === AST_NODE_TYPES.MemberExpression) {
    const name = getPropertyName(value);
    if (name === 'length') {
      return counterNameOf(value.object) === null ? null : 'list';
    }
    return name !== null && isRetryCounterName(name) ? 'member' : null;
  }
  return null;
}
