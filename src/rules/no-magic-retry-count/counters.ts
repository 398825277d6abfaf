import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/types';
import type { TSESLint } from '@typescript-eslint/utils';
import { findVariable } from '@typescript-eslint/utils/ast-utils';

import { getPropertyName, isFunction, referenceKey, unwrapExpression } from '../../ast/nodes.js';
import { counterNameOf, type CountAssertion } from './count-assertions.js';
import { isFailingImplementation } from './failing-doubles.js';
import { isRetryCounterName, isRetryOptionKey, splitWords } from './retry-evidence.js';

/**
 * What a count assertion counts: a counter the test keeps by hand, a configuration value read back,
 * a logging double, retries rather than calls.
 */

const LOG_METHODS: ReadonlySet<string> = new Set(['log', 'info', 'warn', 'warning', 'error', 'debug', 'trace', 'fatal', 'verbose', 'silly']);
const LOGGER_NAMES: ReadonlySet<string> = new Set(['log', 'logs', 'logger', 'loggermock', 'mocklogger']);
/** Words that name a logging function or double: `logLabeledWarning`, `warnSpy`, `mockLogger`, `consoleErrorSpy`. */
const LOG_WORDS: ReadonlySet<string> = new Set(['log', 'logs', 'logger', 'logging', 'warn', 'warning', 'warnings', 'console']);
const WORD_CHARACTERS = /^\w+$/u;
const SESSION_WORDS: ReadonlySet<string> = new Set(['in', 'out', 'on', 'off']);

/**
 * `logger.info`, `loggerMock.warn`, `console.error`, `this.log.debug`, `logLabeledWarning`: a logging double.
 * Read link by link, with no regex over the whole key (a key can be as long as the file).
 */
export function isLoggerKey(key: string): boolean {
  const parts = key.split('.');
  const method = parts.at(-1) ?? '';
  const owner = parts.slice(0, -1);
  const ownerName = (owner.at(-1) ?? '').toLowerCase();
  const loggerOwner =
    (owner.length === 1 && ownerName === 'console') ||
    (owner.length >= 1 && owner.length <= 2 && owner.every((part) => WORD_CHARACTERS.test(part) || part === '') && LOGGER_NAMES.has(ownerName)) ||
    (owner.length === 1 && WORD_CHARACTERS.test(ownerName) && ownerName.includes('logger'));
  if (loggerOwner && LOG_METHODS.has(method)) {
    return true;
  }
  if (!/log|warn|console/iu.test(method)) {
    return false;
  }
  const words = splitWords(method);
  // `logIn`, `logOut` act; they do not log.
  return words.some((word, index) => LOG_WORDS.has(word) && !(word === 'log' && SESSION_WORDS.has(words[index + 1] ?? '')));
}

const CONFIG_LINKS: ReadonlySet<string> = new Set(['opts', 'options', 'config', 'configuration', 'settings', 'defaults', 'params', 'props', 'init']);

/** `expect(opts.retry).toBe(10)`, `expect(job.opts.attempts).toBe(3)`: the count is a configuration value read back. */
export function isConfigEcho(node: TSESTree.Node): boolean {
  const value = unwrapExpression(node);
  if (value.type !== AST_NODE_TYPES.MemberExpression) {
    return false;
  }
  const name = getPropertyName(value);
  if (name !== null && isRetryOptionKey(name) && !/count|made|done|performed|so_?far|retried|reconnected/iu.test(name)) {
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

/** `q.retried`, `client.reconnected`: how many things were retried, which the test's own scenario decides, unless a limit it sets predicts it. */
export function isPastTenseCounter(node: TSESTree.Node): boolean {
  const value = unwrapExpression(node);
  const name = value.type === AST_NODE_TYPES.MemberExpression ? getPropertyName(value) : null;
  return name !== null && /retried|reconnected/iu.test(name) && splitWords(name).some((word) => word === 'retried' || word === 'reconnected');
}

/** Does this reference change the counter: `attempts++`, `calls += 1`, `calls.push(x)`? */
function countsUp(reference: TSESLint.Scope.Reference): boolean {
  const parent = reference.identifier.parent;
  if (parent.type === AST_NODE_TYPES.UpdateExpression) {
    return true;
  }
  if (parent.type === AST_NODE_TYPES.AssignmentExpression) {
    return parent.left === reference.identifier && parent.operator !== '=';
  }
  return parent.type === AST_NODE_TYPES.MemberExpression && /^(?:push|unshift|add)$/u.test(getPropertyName(parent) ?? '');
}

/**
 * Is a counter the test keeps (`attempts`, `calls.length`) counted up inside a function that fails on every call
 * (`() => { attempts++; throw e; }`, `runQuery: () => { ++attempts; return stream(new Error('x')); }`)?
 * Then the count is how often the code called a function that never succeeds: its retry policy.
 */
export function isCountedInFailingFunction(sourceCode: Readonly<TSESLint.SourceCode>, node: TSESTree.Node): boolean {
  let value = unwrapExpression(node);
  if (value.type === AST_NODE_TYPES.MemberExpression && getPropertyName(value) === 'length') {
    value = unwrapExpression(value.object);
  }
  if (value.type !== AST_NODE_TYPES.Identifier) {
    return false;
  }
  const variable = findVariable(sourceCode.getScope(value), value.name);
  return (
    variable !== null &&
    variable.references.some((reference) => {
      if (!countsUp(reference)) {
        return false;
      }
      let fn: TSESTree.Node | undefined = reference.identifier.parent;
      while (fn !== undefined && !isFunction(fn)) {
        fn = fn.parent;
      }
      return fn !== undefined && isFailingImplementation(fn);
    })
  );
}
