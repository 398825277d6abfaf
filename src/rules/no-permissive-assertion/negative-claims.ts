/**
 * A test whose own title says an outcome must not happen, in words rather than numbers: the protected
 * route `should not be served`, `cannot bypass` the guard, the path `does not redirect`, the image
 * loader `denies loading` a file. A check that only excludes that outcome (`not 200`, `not 301`) is
 * the claim the test states; which refusal comes back is often the framework's choice. A title that
 * names a status (`missing assets still 404`, `returns 403`) asks for that status to be pinned, and
 * the check stays reported.
 *
 * Titles are split into words once and matched word by word.
 */

/** Words that negate what follows within a few words (`should not be served`, `cannot bypass`, `doesn't redirect`). */
const NEGATIONS: ReadonlySet<string> = new Set(['not', 'never', 'no', 'cannot', 'without', 'doesn', 'don', 'isn', 'won', 'wasn', 'aren', 'shouldn', 'mustn', 't']);
/** Verbs of a request getting through to content (`served`, `resolve`, `render`, `leak`, `bypass`). */
const ACCESS_WORDS: ReadonlySet<string> = new Set([
  'serve', 'served', 'serves', 'serving', 'resolve', 'resolves', 'resolved', 'render', 'renders', 'rendered', 'load', 'loads', 'loaded',
  'expose', 'exposes', 'exposed', 'leak', 'leaks', 'leaked', 'bypass', 'bypasses', 'bypassed', 'reach', 'reaches', 'reached', 'reachable',
  'accessible', 'access', 'accessed', 'match', 'matches', 'matched',
]);
/** Words that say the request was refused (`denies loading`, `is blocked`). */
const DENIALS: ReadonlySet<string> = new Set(['denies', 'deny', 'denied', 'blocks', 'blocked', 'refuses', 'refused']);
/** Redirect words (`does not redirect`, `no redirect`). */
const REDIRECTS: ReadonlySet<string> = new Set(['redirect', 'redirects', 'redirected', 'redirecting', 'redirection']);
/** How many words may stand between the negation and the verb (`should not be served`, `does not resolve to`). */
const GAP = 3;

const STATUS = /(?<![\d.])[1-5]\d\d(?![\d.])/u;

function negatedWord(words: readonly string[], set: ReadonlySet<string>): boolean {
  return words.some((word, index) => set.has(word) && words.slice(Math.max(0, index - GAP), index).some((before) => NEGATIONS.has(before)));
}

const within = (excluded: readonly unknown[], low: number, high: number): boolean =>
  excluded.length > 0 && excluded.every((value) => typeof value === 'number' && value >= low && value <= high);

/** Does the test's title say, in words, that every excluded status's outcome must not happen? */
export function titleDeniesOutcome(title: string | null, excluded: readonly unknown[]): boolean {
  if (title === null || STATUS.test(title)) {
    return false;
  }
  const words = title.toLowerCase().match(/[a-z]+/gu) ?? [];
  if (within(excluded, 200, 299)) {
    return negatedWord(words, ACCESS_WORDS) || words.some((word) => DENIALS.has(word));
  }
  return within(excluded, 300, 399) && negatedWord(words, REDIRECTS);
}
