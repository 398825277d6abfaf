/**
 * A test whose own title says, in words, that content must stay out of reach: the protected route
 * `should not resolve`, the dotfile `should not be served`. A check that only excludes success
 * (`not 200`) is the claim the test states; which refusal comes back (403, 404, a redirect to a
 * login) is the framework's choice. A title that names a status (`missing assets still 404`,
 * `returns 403`) asks for that status to be pinned, and the check stays reported. So do titles that
 * say the request is refused (`denies loading`, `refuses a guest`), a negated redirect (`does not
 * redirect`) and `cannot bypass`: blind hunters counted those as real weaknesses (pin the refusal),
 * while labellers differed; a rule change may not lose what the hunts found.
 *
 * The assertion's own message counts like the title. Texts are split into words and matched word by word.
 */

import type { Assertion } from '../../model/index.js';
import { assertionMessages, wordsOf } from './guard-claims.js';

/** Words that negate what follows within a few words (`should not be served`, `doesn't resolve`). */
const NEGATIONS: ReadonlySet<string> = new Set(['not', 'never', 'no', 'cannot', 'without', 'doesn', 'don', 'isn', 'won', 'wasn', 'aren', 'shouldn', 'mustn', 't']);
/** Verbs of a request getting through to content (`served`, `resolve`, `render`, `leak`). */
const ACCESS_WORDS: ReadonlySet<string> = new Set([
  'serve', 'served', 'serves', 'serving', 'resolve', 'resolves', 'resolved', 'render', 'renders', 'rendered',
  'expose', 'exposes', 'exposed', 'leak', 'leaks', 'leaked', 'reach', 'reaches', 'reached', 'reachable',
  'accessible', 'access', 'accessed', 'match', 'matches', 'matched',
]);
/** How many words may stand between the negation and the verb (`should not be served`, `does not resolve to`). */
const GAP = 3;

const STATUS = /(?<![\d.])[1-5]\d\d(?![\d.])/u;

function negatedWord(words: readonly string[], set: ReadonlySet<string>): boolean {
  return words.some((word, index) => set.has(word) && words.slice(Math.max(0, index - GAP), index).some((before) => NEGATIONS.has(before)));
}

const within = (excluded: readonly unknown[], low: number, high: number): boolean =>
  excluded.length > 0 && excluded.every((value) => typeof value === 'number' && value >= low && value <= high);

/** Does `text` say, in words and with no status number, that content must stay out of reach? */
function saysOutOfReach(text: string): boolean {
  return !STATUS.test(text) && negatedWord(wordsOf(text), ACCESS_WORDS);
}

/**
 * Does the test's own title, or the assertion's message (`assert.notEqual(res.status, 200, 'should not
 * resolve to the protected route')`), say that the content every excluded 2xx status would deliver
 * must stay out of reach? A title that names a status asks for it, whatever the message says.
 */
export function claimsOutOfReach(assertion: Assertion, excluded: readonly unknown[]): boolean {
  const title = assertion.block?.title ?? null;
  if (!within(excluded, 200, 299) || (title !== null && STATUS.test(title))) {
    return false;
  }
  return [...(title === null ? [] : [title]), ...assertionMessages(assertion)].some(saysOutOfReach);
}
