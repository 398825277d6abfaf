import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/types';

import { getKeyName, getStaticString, someDescendant, type VisitorKeys } from '../../ast/nodes.js';
import type { TestBlock } from '../../model/index.js';

/** Option keys that bound how long the code under test keeps polling or retrying (`timeout`, `deadlineMs`, `maxWait`). */
const TIMEOUT_KEY = /^(?:timeout|deadline|maxwait|maxduration|polltimeout|waittimeout)(?:ms|seconds|secs|s)?$/u;
/** Command-line flags that do the same (`'--timeout', '60'`). */
const TIMEOUT_FLAG = /^--?(?:timeout|deadline|max-wait)(?:=\S+)?$/u;

const isNumeric = (node: TSESTree.Node | undefined): boolean => {
  if (node === undefined) {
    return false;
  }
  if (node.type === AST_NODE_TYPES.Literal) {
    return typeof node.value === 'number' || (typeof node.value === 'string' && /^\d+(?:\.\d+)?$/u.test(node.value));
  }
  return node.type === AST_NODE_TYPES.BinaryExpression || node.type === AST_NODE_TYPES.Identifier;
};

/** `timeout: 5000`, `deadlineMs: 30_000`: a literal (or named) duration. */
function isTimeoutOption(node: TSESTree.Node): boolean {
  if (node.type !== AST_NODE_TYPES.Property) {
    return false;
  }
  const key = getKeyName(node)?.toLowerCase().replace(/[_-]/gu, '');
  return key !== undefined && TIMEOUT_KEY.test(key) && isNumeric(node.value);
}

/** `['--timeout', '60']` or `['--timeout=60']` in an argument list. */
function isTimeoutFlag(node: TSESTree.Node): boolean {
  if (node.type !== AST_NODE_TYPES.ArrayExpression) {
    return false;
  }
  return node.elements.some((element, index) => {
    const text = element === null ? null : getStaticString(element);
    return text !== null && TIMEOUT_FLAG.test(text) && (text.includes('=') || isNumeric(node.elements[index + 1] ?? undefined));
  });
}

/**
 * Does the test itself set a timeout for the code under test (`{ timeout: 5000 }`, `'--timeout', '60'`)?
 * Then how many polls or attempts fit in it follows from the test's own setting, and a count of them is
 * not a magic number (a reviewer reads it off the timeout and the interval). Options of the test call
 * itself (`it('x', { timeout: 5000 }, fn)`) configure the runner and are not read: only the callback is.
 */
export function setsTimeout(test: TestBlock, visitorKeys: VisitorKeys): boolean {
  return test.callback !== null && someDescendant(test.callback, visitorKeys, (node) => isTimeoutOption(node) || isTimeoutFlag(node));
}
