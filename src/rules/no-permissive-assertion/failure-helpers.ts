import type { TSESTree } from '@typescript-eslint/types';

import { functionName, getEnclosingFunction, nameWords } from '../../ast/nodes.js';
import type { PermissiveCheck } from './outcome-groups.js';
import { onlyFailureClasses } from './side-guards.js';

/**
 * A helper named for failure (`expectScrapeToFail`, `assertRequestError`, `expectRejected`) states its
 * claim in its name: the call failed, whatever the failure. A check in it that excludes only success
 * (`not.toBe(200)`) or accepts only failures (`>= 400`) is that claim; its callers pin which failure
 * (round 11: blind labellers dismissed both such helpers on V9).
 */

const FAILURE_WORDS: ReadonlySet<string> = new Set(['fail', 'fails', 'failure', 'failed', 'error', 'errors', 'reject', 'rejects', 'rejected', 'rejection', 'deny', 'denies', 'denied']);

/** Is `node` written directly in a function whose name says the call under check fails? */
export function inFailureHelper(node: TSESTree.Node): boolean {
  const fn = getEnclosingFunction(node);
  const name = fn === null ? null : functionName(fn);
  return name !== null && nameWords(name).some((word) => FAILURE_WORDS.has(word));
}

/**
 * A failure-only check (`>= 400`) that claims only "it failed": in a helper named for failure (`assertRequestError`), or
 * next to a pin on another detail of the same response (`expect(body.error).toContain('State mismatch')`, `pinned`),
 * which a crash would not produce (round 12, V12's labels).
 */
export function claimsAnyFailure({ culprit, classification }: PermissiveCheck, pinned: boolean): boolean {
  return classification.family === 'http' && onlyFailureClasses(classification.classes) && (pinned || inFailureHelper(culprit.check.assertion.node));
}
