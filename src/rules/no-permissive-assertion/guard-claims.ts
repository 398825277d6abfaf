/**
 * A negative check whose claim is that one guard did not fire: it excludes the status only that
 * guard answers with (429 for a rate limiter, 403 for an origin or CSRF check, 401/407 for an
 * authentication step, 413 for a size limit, 415 for a content-type check), and the test's title, one of its suites' titles, or
 * the assertion's own message says the guard must not fire (`'should not be rate limited'`,
 * `'SAML ACS Origin Check Bypass'`, `'skips the CSRF check for …'`). Which other outcome comes back
 * is not what such a test is about; a title that merely names the guard (`'CSRF protection'`,
 * `'should allow same-origin requests'`) says nothing about it not firing and keeps the check reported.
 *
 * The same claim in positive words counts too, each phrase for the statuses of the guard it names:
 * `'auth passes'`, `'expected auth to pass'`, `'expected no auth error'`, and alone `'passes'` or
 * `'granted'` (`'JWT admin: passes'`, `'read access granted'`) for 401/403/407;
 * `'routes to the token endpoint'`, `'route is matched'` for 404/405; `'accepts …'` for 400 or 413
 * (an input a validation or size check lets in); `'lets queries through'` for any guard's status.
 *
 * A text that says some check does not apply (`'does not apply the POST check to bodyless
 * methods'`) counts when another of the texts names the guard (a suite `'Content-Type validation'`).
 *
 * Texts are split into words once and matched word by word, so the check is linear on any title.
 */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/types';

import type { Assertion, TestBlock } from '../../model/index.js';

/** A guard: the statuses it answers with, and the word sequences that name it. */
interface Guard {
  readonly statuses: readonly number[];
  readonly names: ReadonlyArray<readonly string[]>;
}

const GUARDS: readonly Guard[] = [
  { statuses: [429], names: [['rate', 'limit'], ['rate', 'limited'], ['rate', 'limiting'], ['rate', 'limiter'], ['ratelimit'], ['ratelimited'], ['throttled'], ['throttling'], ['too', 'many', 'requests']] },
  { statuses: [403], names: [['origin', 'check'], ['origin', 'checks'], ['origin', 'validation'], ['csrf'], ['forbidden']] },
  // A firewall or RASP that blocks a request answers 403 or 418 (`'should not block'`).
  { statuses: [403, 418], names: [['block'], ['blocked'], ['blocks'], ['blocking']] },
  { statuses: [401, 407], names: [['unauthorized'], ['unauthorised'], ['auth', 'check'], ['auth', 'guard'], ['authentication', 'check']] },
  { statuses: [413], names: [['size', 'limit'], ['body', 'limit'], ['payload', 'too', 'large'], ['too', 'large']] },
  { statuses: [415], names: [['content', 'type'], ['contenttype'], ['media', 'type'], ['mime', 'type']] },
];

/** Words naming a check in general (`does not apply the POST check`, `validation is skipped`). */
const CHECK_WORDS: ReadonlySet<string> = new Set(['check', 'checks', 'validation', 'validations', 'guard', 'guards']);

/** Words right before a guard's name that say it does not fire (`not rate limited`, `bypass the origin check`). */
const NEGATING_BEFORE: ReadonlySet<string> = new Set(['not', 'never', 'no', 'without', 'bypass', 'bypasses', 'bypassing', 'skip', 'skips', 'skipping', 'skipped', 'disable', 'disables', 'disabled', 'exempt', 'exempted', 'isn', 'doesn', 'don', 'wasn', 'won', 'aren']);
/** Words right after a guard's name that say it does not fire (`origin check bypass`, `CSRF check is skipped`). */
const NEGATING_AFTER: ReadonlySet<string> = new Set(['bypass', 'bypassed', 'skipped', 'disabled', 'exempt', 'exemption', 'off']);
/** How many words may stand between the negation and the guard's name (`should not be rate limited`). */
const MAX_GAP = 3;

const WORD = /[a-z]+/gu;

/** The lower-case words of `text`. */
export function wordsOf(text: string): string[] {
  return text.toLowerCase().match(WORD) ?? [];
}

/** Words naming an authentication or authorization step (`auth passes`, `no auth error`). */
const AUTH_WORDS: ReadonlySet<string> = new Set(['auth', 'authn', 'authz', 'authentication', 'authorization', 'authorisation']);
/** Words right after the step's name that say it let the request through (`auth passes`, `auth to pass`). */
const PASSING_AFTER: ReadonlySet<string> = new Set(['pass', 'passes', 'passed', 'passing', 'succeeds', 'succeed', 'succeeded', 'granted']);
/** Words right after the step's name that, negated before it, say it did not fail (`no auth error`). */
const FAILING_AFTER: ReadonlySet<string> = new Set(['error', 'errors', 'failure', 'failures', 'rejection']);
/** Words naming a route, and the words after it that say the request found it (`routes to`, `route was matched`). */
const ROUTE_WORDS: ReadonlySet<string> = new Set(['route', 'routes', 'routed', 'routing']);
const ROUTE_FOUND_AFTER: ReadonlySet<string> = new Set(['to', 'matched', 'matches', 'found', 'resolved', 'reached']);
/**
 * Words that, alone, say a request was let through (`JWT admin: passes`, `read access granted`);
 * they count only for the statuses of an authentication or authorization step. Not `allows`
 * (`'should allow same-origin navigation'` names what the guard admits, not that it stays silent),
 * nor `authenticated` (`'creates the user for an authenticated admin'` claims the handler's outcome).
 */
const PASSING_ALONE: ReadonlySet<string> = new Set(['passes', 'passed', 'granted']);
/** Words that accept an input (`accepts a chunked body`). */
const ACCEPTING: ReadonlySet<string> = new Set(['accept', 'accepts', 'accepted', 'accepting']);
/** Verbs of `lets … through`, `passes through`. */
const THROUGH_BEFORE: ReadonlySet<string> = new Set(['let', 'lets', 'letting', 'allow', 'allows', 'allowed', 'pass', 'passes', 'passed', 'go', 'goes', 'get', 'gets']);
/** Statuses only a guard answers with: an authentication step, a route table, a validation, size or rate check. */
const GUARD_STATUSES: ReadonlySet<number> = new Set([400, 401, 403, 404, 405, 407, 413, 415, 429]);

const within = (values: readonly unknown[], statuses: readonly number[]): boolean =>
  values.every((value) => typeof value === 'number' && statuses.includes(value));

function someNear(words: readonly string[], from: number, to: number, set: ReadonlySet<string>): boolean {
  for (let index = Math.max(0, from); index < Math.min(words.length, to); index += 1) {
    if (set.has(words[index] ?? '')) {
      return true;
    }
  }
  return false;
}

/** The index of the first word of `set` in `words[from, to)`, or -1. */
function firstNear(words: readonly string[], from: number, to: number, set: ReadonlySet<string>): number {
  for (let index = Math.max(0, from); index < Math.min(words.length, to); index += 1) {
    if (set.has(words[index] ?? '')) {
      return index;
    }
  }
  return -1;
}

/**
 * A word of `names` followed by a word of `after` with no negation in between (`auth passes`,
 * `auth to pass`, not `auth does not pass`), or, with `negatedAfter`, negated right before and
 * followed by a failure word (`no auth error`).
 */
function namePasses(words: readonly string[], names: ReadonlySet<string>, after: ReadonlySet<string>, negatedAfter: ReadonlySet<string> | null): boolean {
  for (let index = 0; index < words.length; index += 1) {
    if (!names.has(words[index] ?? '')) {
      continue;
    }
    const passing = firstNear(words, index + 1, index + 3, after);
    if (passing !== -1 && !someNear(words, index + 1, passing, NEGATING_BEFORE)) {
      return true;
    }
    if (negatedAfter !== null && someNear(words, index - 2, index, NEGATING_BEFORE) && someNear(words, index + 1, index + 3, negatedAfter)) {
      return true;
    }
  }
  return false;
}

/** A word of `set` with no negation in the words right before it (`accepts …`, not `does not accept …`). */
function saysUnnegated(words: readonly string[], set: ReadonlySet<string>): boolean {
  return words.some((word, index) => set.has(word) && !someNear(words, index - MAX_GAP, index, NEGATING_BEFORE));
}

/** `lets queries through`, `passes through`. */
function letsThrough(words: readonly string[]): boolean {
  return words.some((word, index) => word === 'through' && someNear(words, index - MAX_GAP - 1, index, THROUGH_BEFORE) && !someNear(words, index - MAX_GAP - 1, index, NEGATING_BEFORE));
}

/** Do `words` say, in positive words, that the guard answering with `excluded` let the request through? */
function saysGuardPassed(words: readonly string[], excluded: readonly unknown[]): boolean {
  return (
    (within(excluded, [401, 403, 407]) && (namePasses(words, AUTH_WORDS, PASSING_AFTER, FAILING_AFTER) || saysUnnegated(words, PASSING_ALONE))) ||
    (within(excluded, [404, 405]) && namePasses(words, ROUTE_WORDS, ROUTE_FOUND_AFTER, null)) ||
    (within(excluded, [400, 413]) && saysUnnegated(words, ACCEPTING)) ||
    (within(excluded, [...GUARD_STATUSES]) && letsThrough(words))
  );
}

function nameAt(words: readonly string[], index: number, name: readonly string[]): boolean {
  return name.every((word, offset) => words[index + offset] === word);
}

function negatedNear(words: readonly string[], start: number, end: number): boolean {
  for (let index = Math.max(0, start - MAX_GAP - 1); index < start; index += 1) {
    if (NEGATING_BEFORE.has(words[index] ?? '')) {
      return true;
    }
  }
  for (let index = end; index < Math.min(words.length, end + MAX_GAP); index += 1) {
    if (NEGATING_AFTER.has(words[index] ?? '')) {
      return true;
    }
  }
  return false;
}

/** Does `words` say the guard does not fire? */
function saysGuardSilent(words: readonly string[], guard: Guard): boolean {
  for (let index = 0; index < words.length; index += 1) {
    for (const name of guard.names) {
      if (nameAt(words, index, name) && negatedNear(words, index, index + name.length)) {
        return true;
      }
    }
  }
  return false;
}

/** Does `words` name the guard anywhere (`Content-Type validation`), negated or not? */
function namesGuard(words: readonly string[], guard: Guard): boolean {
  return words.some((_, index) => guard.names.some((name) => nameAt(words, index, name)));
}

/** Does `words` say some check does not apply (`does not apply the POST check`, `validation is skipped`)? */
function saysCheckSkipped(words: readonly string[]): boolean {
  return words.some((word, index) => CHECK_WORDS.has(word) && negatedNear(words, index, index + 1));
}

/** The static text of a message argument (a string or a template's literal parts); null for anything else. */
function messageText(node: TSESTree.Node | undefined): string | null {
  if (node?.type === AST_NODE_TYPES.Literal && typeof node.value === 'string') {
    return node.value;
  }
  if (node?.type === AST_NODE_TYPES.TemplateLiteral) {
    return node.quasis.map((quasi) => quasi.value.cooked ?? quasi.value.raw).join(' ');
  }
  return null;
}

/** The assertion's own message, when it has a static one (`assert.notEqual(s, 429, 'msg')`, `expect(s, 'msg')`). */
export function assertionMessages(assertion: Assertion): string[] {
  const { head } = assertion;
  const messages = head.type === AST_NODE_TYPES.CallExpression && head.callee.type === AST_NODE_TYPES.Identifier ? [...assertion.expected, ...head.arguments.slice(1)] : assertion.expected;
  return messages.map(messageText).filter((text): text is string => text !== null);
}

/** The titles of the assertion's test and suites, and its message. */
function claimTexts(assertion: Assertion): string[] {
  const texts: string[] = [];
  for (let block: TestBlock | null = assertion.block; block !== null; block = block.parent) {
    if (block.title !== null) {
      texts.push(block.title);
    }
  }
  return [...texts, ...assertionMessages(assertion)];
}

/** Redirect statuses: a check that excludes only these claims the request was not redirected (`'does not redirect internal paths'`). */
const REDIRECTS: readonly number[] = [301, 302, 303, 307, 308];

/**
 * Does the check exclude only what an authentication or authorization step answers (401, 403, 407),
 * only what a route table answers (404, 405), or only redirects (301, 302, 303, 307, 308)? Such a check
 * claims the guard let the request through, the route matched or nothing redirected, whatever the
 * handler then does: blind reviewers of V9 dismissed 75 of 89 guard and route findings (authorization
 * matrices with a pinned deny twin, routing suites), and V8's all 4 "does not redirect" ones, in titles
 * no word list covers. The rule reports it only when the title names the status to pin (see `evidentValue`) or
 * claims more (`titleClaimsMore`).
 */
export function excludesOnlyGuardOrRoute(excluded: readonly unknown[]): boolean {
  return excluded.length > 0 && (within(excluded, [401, 403, 407]) || within(excluded, [404, 405]) || within(excluded, REDIRECTS));
}


/** Verbs by which a title claims what the handler does (`creates the user`, `serves the page`, `returns the run`). */
const OUTCOME_VERBS: ReadonlySet<string> = new Set([
  'create', 'creates', 'serve', 'serves', 'return', 'returns', 'respond', 'responds', 'render', 'renders', 'update', 'updates',
  'delete', 'deletes', 'save', 'saves', 'send', 'sends', 'upload', 'uploads', 'fetch', 'fetches', 'list', 'lists', 'load', 'loads',
]);
/** Words after which an outcome word is a verb (`should create`, `it returns`), not a noun (`integrations:list scope`). */
const VERB_BEFORE: ReadonlySet<string> = new Set(['should', 'must', 'will', 'can', 'to', 'and', 'it', 'then', 'still', 'also']);
/** Words that say a request was let through; negated (`is not allowed`, `auth does not pass`), they claim the opposite of `not 403`. */
const LET_THROUGH: ReadonlySet<string> = new Set(['allow', 'allows', 'allowed', 'pass', 'passes', 'passed', 'permit', 'permits', 'permitted', 'grant', 'grants', 'granted', 'access']);

/**
 * Does the test's title claim more than that the guard or the route let the request through: a
 * handler outcome, with the verb first or after a modal (`creates the user for an authenticated
 * admin`, `should return the run`; not `should allow with integrations:list scope`), the opposite (`a guest is not
 * allowed to delete …`, `auth does not pass`), or an authentication step while the check excludes only
 * a route's statuses (`JWT read:runs: passes` with `not 404`)? Then the guard-only check stays reported.
 */
export function titleClaimsMore(assertion: Assertion, excluded: readonly unknown[]): boolean {
  const title = assertion.block?.kind === 'test' ? assertion.block.title : null;
  if (title === null) {
    return false;
  }
  const words = wordsOf(title);
  return (
    words.some((word, index) => OUTCOME_VERBS.has(word) && (index === 0 || VERB_BEFORE.has(words[index - 1] ?? ''))) ||
    words.some((word, index) => LET_THROUGH.has(word) && someNear(words, index - MAX_GAP, index, NEGATING_BEFORE)) ||
    (within(excluded, [404, 405]) && (namePasses(words, AUTH_WORDS, PASSING_AFTER, FAILING_AFTER) || saysUnnegated(words, PASSING_ALONE)))
  );
}

/** Is every excluded value the status of one guard that the test's titles or the assertion's message say must not fire? */
export function claimsGuardSilent(assertion: Assertion, excluded: readonly unknown[]): boolean {
  if (excluded.length === 0) {
    return false;
  }
  const guard = GUARDS.find((candidate) => within(excluded, candidate.statuses));
  const texts = claimTexts(assertion).map(wordsOf);
  if (texts.some((words) => (guard !== undefined && saysGuardSilent(words, guard)) || saysGuardPassed(words, excluded))) {
    return true;
  }
  // A suite that names the guard (`Content-Type validation`) and a title that says a check does not apply.
  return guard !== undefined && texts.some((words) => namesGuard(words, guard)) && texts.some(saysCheckSkipped);
}
