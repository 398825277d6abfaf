/**
 * Outcome classification for permissive-assertion checks: which values are outcomes (HTTP
 * statuses, job/promise states, booleans), which class each belongs to, and whether a set of
 * accepted outcomes mixes success with failure. Pure functions over plain values.
 */

/** An outcome class: an HTTP status class, a state polarity, or a boolean. */
export type OutcomeClass = '1xx' | '2xx' | '3xx' | '4xx' | '5xx' | 'success' | 'failure' | 'pending' | 'true' | 'false';

export type OutcomeFamily = 'http' | 'state' | 'boolean';

/** A literal an assertion compares with. */
export type OutcomeValue = string | number | boolean | null;

/** A closed or half-open numeric interval; `Infinity` bounds are open ends. */
export interface Interval {
  readonly low: number;
  readonly high: number;
  readonly lowInclusive: boolean;
  readonly highInclusive: boolean;
}

/** Names (whole or last word) that hold an HTTP status by default. */
export const DEFAULT_STATUS_NAMES: readonly string[] = ['status', 'statusCode', 'code', 'httpStatus', 'httpStatusCode', 'responseStatus'];

/** Names (whole or last word) that hold a job/promise/operation state by default. */
export const DEFAULT_STATE_NAMES: readonly string[] = ['status', 'state', 'result', 'outcome', 'conclusion', 'phase'];

const SUCCESS_WORDS: ReadonlySet<string> = new Set([
  'completed', 'complete', 'success', 'succeeded', 'successful', 'fulfilled', 'resolved', 'done', 'ok', 'passed', 'pass', 'finished',
]);
const FAILURE_WORDS: ReadonlySet<string> = new Set([
  'failed', 'fail', 'failure', 'error', 'errored', 'rejected', 'crashed', 'timeout', 'timedout', 'timed_out', 'timed-out',
]);
const PENDING_WORDS: ReadonlySet<string> = new Set([
  'pending', 'waiting', 'queued', 'active', 'running', 'delayed', 'paused', 'started', 'processing', 'in_progress', 'in-progress', 'idle',
]);

/**
 * Common constant names for HTTP statuses (`HttpStatus.NOT_FOUND`, `StatusCodes.OK`,
 * `httpStatus.INTERNAL_SERVER_ERROR`); read only on objects whose name mentions a status.
 */
export const HTTP_STATUS_CONSTANTS: ReadonlyMap<string, number> = new Map([
  ['OK', 200], ['CREATED', 201], ['ACCEPTED', 202], ['NO_CONTENT', 204], ['PARTIAL_CONTENT', 206],
  ['MOVED_PERMANENTLY', 301], ['FOUND', 302], ['MOVED_TEMPORARILY', 302], ['SEE_OTHER', 303], ['NOT_MODIFIED', 304],
  ['TEMPORARY_REDIRECT', 307], ['PERMANENT_REDIRECT', 308],
  ['BAD_REQUEST', 400], ['UNAUTHORIZED', 401], ['PAYMENT_REQUIRED', 402], ['FORBIDDEN', 403], ['NOT_FOUND', 404],
  ['METHOD_NOT_ALLOWED', 405], ['NOT_ACCEPTABLE', 406], ['REQUEST_TIMEOUT', 408], ['CONFLICT', 409], ['GONE', 410],
  ['PRECONDITION_FAILED', 412], ['PAYLOAD_TOO_LARGE', 413], ['REQUEST_TOO_LONG', 413], ['UNSUPPORTED_MEDIA_TYPE', 415],
  ['UNPROCESSABLE_ENTITY', 422], ['TOO_MANY_REQUESTS', 429],
  ['INTERNAL_SERVER_ERROR', 500], ['NOT_IMPLEMENTED', 501], ['BAD_GATEWAY', 502], ['SERVICE_UNAVAILABLE', 503], ['GATEWAY_TIMEOUT', 504],
]);

const isSeparator = (code: number): boolean => code === 0x5f /* _ */ || code === 0x2d /* - */ || /\s/u.test(String.fromCharCode(code));
const isUpper = (code: number): boolean => code >= 0x41 && code <= 0x5a;
const isLowerOrDigit = (code: number): boolean => (code >= 0x61 && code <= 0x7a) || (code >= 0x30 && code <= 0x39);

/**
 * The last word of `jobStatus`, `status_code`, `HTTP_STATUS`, lower-cased (`status`, `code`,
 * `status`): words end at `_`, `-`, white space, and before a capital that follows a lower-case
 * letter or digit. Scans back from the end rather than splitting the whole name.
 */
export function lastWord(name: string): string | undefined {
  let end = name.length;
  while (end > 0 && isSeparator(name.charCodeAt(end - 1))) {
    end -= 1;
  }
  if (end === 0) {
    return undefined;
  }
  let start = end - 1;
  while (start > 0) {
    const code = name.charCodeAt(start - 1);
    if (isSeparator(code) || (isUpper(name.charCodeAt(start)) && isLowerOrDigit(code))) {
      break;
    }
    start -= 1;
  }
  return name.slice(start, end).toLowerCase();
}

const ACCESSOR_PREFIXES: readonly string[] = ['get', 'fetch', 'read'];

/** The name an accessor reads, without a `get`/`is` prefix: `getState` → `state`. */
export function normaliseAccessorName(name: string): string {
  for (const prefix of ACCESSOR_PREFIXES) {
    if (name.startsWith(prefix) && isUpper(name.charCodeAt(prefix.length))) {
      return name.charAt(prefix.length).toLowerCase() + name.slice(prefix.length + 1);
    }
  }
  return name;
}

/**
 * Whether `name` is one of `names`, compared whole (case-insensitively) or by its last word
 * (`jobStatus` matches `status`, `errorCode` matches `code`).
 */
export function nameMatches(name: string, names: ReadonlySet<string>): boolean {
  const accessor = normaliseAccessorName(name);
  const last = lastWord(accessor);
  return names.has(accessor.toLowerCase()) || (last !== undefined && names.has(last));
}

/**
 * `nameMatches` for one name set, remembered for as long as the returned function lives: create
 * it per file. The same few names (`status`, `body`, `data`) come up assertion after assertion,
 * but a name read from the AST may be a slice of the file's text, which keeps the whole text
 * alive; a memo shared across files would hold on to the source of every file it has seen.
 */
export function createNameMatcher(names: ReadonlySet<string>): (name: string) => boolean {
  const known = new Map<string, boolean>();
  return (name) => {
    let verdict = known.get(name);
    if (verdict === undefined) {
      verdict = nameMatches(name, names);
      known.set(name, verdict);
    }
    return verdict;
  };
}

const nameSets = new WeakMap<readonly string[], ReadonlySet<string>>();

/** Lower-cases a name list for `nameMatches`; one set per list, made once however many files use it. */
export function nameSet(names: readonly string[]): ReadonlySet<string> {
  let set = nameSets.get(names);
  if (set === undefined) {
    set = new Set(names.map((name) => name.toLowerCase()));
    nameSets.set(names, set);
  }
  return set;
}

export const isHttpStatus = (value: OutcomeValue): value is number =>
  typeof value === 'number' && Number.isInteger(value) && value >= 100 && value <= 599;

export function httpClass(code: number): OutcomeClass {
  if (code < 200) {
    return '1xx';
  }
  if (code < 300) {
    return '2xx';
  }
  if (code < 400) {
    return '3xx';
  }
  return code < 500 ? '4xx' : '5xx';
}

const HTTP_CLASS_RANGES: ReadonlyArray<readonly [OutcomeClass, number, number]> = [
  ['1xx', 100, 199],
  ['2xx', 200, 299],
  ['3xx', 300, 399],
  ['4xx', 400, 499],
  ['5xx', 500, 599],
];

/** Does the interval contain an integer in [from, to]? */
function overlaps(interval: Interval, from: number, to: number): boolean {
  const low = interval.lowInclusive ? Math.ceil(interval.low) : Math.floor(interval.low) + 1;
  const high = interval.highInclusive ? Math.floor(interval.high) : Math.ceil(interval.high) - 1;
  return Math.max(low, from) <= Math.min(high, to);
}

/** HTTP classes an interval admits (within 100–599). */
export function intervalClasses(interval: Interval): OutcomeClass[] {
  return HTTP_CLASS_RANGES.filter(([, from, to]) => overlaps(interval, from, to)).map(([name]) => name);
}

/** Does the interval contain `value`? */
export function intervalIncludes(interval: Interval, value: number): boolean {
  const aboveLow = interval.lowInclusive ? value >= interval.low : value > interval.low;
  const belowHigh = interval.highInclusive ? value <= interval.high : value < interval.high;
  return aboveLow && belowHigh;
}

/** The polarity of a state word, or null for words that are not states. */
export function stateClass(value: string): OutcomeClass | null {
  const word = value.toLowerCase();
  if (SUCCESS_WORDS.has(word)) {
    return 'success';
  }
  if (FAILURE_WORDS.has(word)) {
    return 'failure';
  }
  return PENDING_WORDS.has(word) ? 'pending' : null;
}

/** States that are neither a success nor a failure: the outcome was skipped, or only informs. */
const NEUTRAL_WORDS: ReadonlySet<string> = new Set(['skipped', 'skip', 'info', 'unknown', 'warning', 'warn', 'none', 'partial']);

/**
 * Does a set of states list the field's vocabulary rather than the outcomes a test accepts? A set that
 * also holds an unfinished state (`pending`, `processing`, any `-ing` state such as `scraping`) or a
 * neutral one (`skipped`, `info`) is a shape check of a snapshot or a schema, not a claim about how the
 * operation ended (round 11: blind labellers dismissed every such set on V6 and V9).
 */
export function enumeratesStates(values: readonly OutcomeValue[]): boolean {
  return values.some((value) => {
    if (typeof value !== 'string') {
      return false;
    }
    const word = value.toLowerCase();
    return PENDING_WORDS.has(word) || NEUTRAL_WORDS.has(word) || (word.length > 4 && word.endsWith('ing'));
  });
}

/** The classes a set of accepted outcomes spans, with the family it belongs to. */
export interface Classification {
  readonly family: OutcomeFamily;
  readonly classes: readonly OutcomeClass[];
}

/**
 * Classifies accepted values and intervals. `statusLike`/`stateLike` say whether the subject's
 * name makes it an HTTP status or a state; booleans need no name. Returns null when the values
 * are not outcomes (render counts, ids, errno codes, mixed kinds).
 */
export function classify(
  values: readonly OutcomeValue[],
  intervals: readonly Interval[],
  subject: { readonly statusLike: boolean; readonly stateLike: boolean },
): Classification | null {
  if (values.length === 0 && intervals.length === 0) {
    return null;
  }
  if (intervals.length === 0 && values.every((value) => typeof value === 'boolean' || value === null)) {
    const classes = new Set<OutcomeClass>();
    for (const value of values) {
      if (typeof value === 'boolean') {
        classes.add(value ? 'true' : 'false');
      }
    }
    return classes.size === 0 ? null : { family: 'boolean', classes: [...classes] };
  }
  const httpBound = (bound: number): boolean => !Number.isFinite(bound) || (bound >= 100 && bound <= 600);
  if (subject.statusLike && values.every(isHttpStatus) && intervals.every((interval) => httpBound(interval.low) && httpBound(interval.high))) {
    const classes = new Set<OutcomeClass>(values.map(httpClass));
    for (const interval of intervals) {
      for (const name of intervalClasses(interval)) {
        classes.add(name);
      }
    }
    return classes.size === 0 ? null : { family: 'http', classes: sortClasses(classes) };
  }
  if (subject.stateLike && intervals.length === 0 && values.every((value) => typeof value === 'string')) {
    const classes = new Set<OutcomeClass>();
    for (const value of values) {
      const polarity = stateClass(value);
      if (polarity !== null) {
        classes.add(polarity);
      }
    }
    return classes.size === 0 ? null : { family: 'state', classes: sortClasses(classes) };
  }
  return null;
}

const CLASS_ORDER: readonly OutcomeClass[] = ['1xx', '2xx', '3xx', '4xx', '5xx', 'success', 'pending', 'failure', 'true', 'false'];

const sortClasses = (classes: ReadonlySet<OutcomeClass>): OutcomeClass[] => CLASS_ORDER.filter((name) => classes.has(name));

/**
 * Does one assertion that accepts these classes pass on success and on failure alike?
 * HTTP: 2xx with 4xx/5xx, or 5xx with any other class (3xx with 4xx, such as a login redirect
 * or a 401, is left alone). States: a success word with a failure word. Booleans: both.
 */
export function mixesOutcomes(classification: Classification): boolean {
  const has = (name: OutcomeClass): boolean => classification.classes.includes(name);
  switch (classification.family) {
    case 'http':
      return (has('2xx') && (has('4xx') || has('5xx'))) || (has('5xx') && classification.classes.length > 1);
    case 'state':
      return has('success') && has('failure');
    case 'boolean':
      return has('true') && has('false');
    default:
      return false;
  }
}

/** `2xx and 4xx`, `success and failure states`, `true and false`. */
export function describeClasses(classification: Classification): string {
  const names = classification.family === 'state' ? classification.classes.filter((name) => name !== 'pending') : classification.classes;
  const list = names.length <= 1 ? names.join('') : `${names.slice(0, -1).join(', ')} and ${names.at(-1) ?? ''}`;
  return classification.family === 'state' ? `${list} states` : list;
}

/** The HTTP classes of the statuses 100–599 that `admits` lets through. */
export function httpClassesAdmitted(admits: (value: number) => boolean): Classification | null {
  const found = new Set<OutcomeClass>();
  for (let code = 100; code <= 599; code += 1) {
    if (admits(code)) {
      found.add(httpClass(code));
    }
  }
  return found.size === 0 ? null : { family: 'http', classes: sortClasses(found) };
}

const STATE_WORDS: readonly string[] = [...SUCCESS_WORDS, ...PENDING_WORDS, ...FAILURE_WORDS];

/**
 * What a check that only excludes values still accepts: the HTTP classes of the statuses it lets
 * through, or, for a state, the polarities of no excluded word (a state vocabulary names one
 * word per polarity, so `not 'completed'` leaves the pending and failure states).
 */
export function acceptedBesides(family: OutcomeFamily, admits: (value: OutcomeValue) => boolean): Classification {
  if (family === 'http') {
    return httpClassesAdmitted(admits) ?? { family, classes: [] };
  }
  const gone = new Set(STATE_WORDS.filter((word) => !admits(word)).map(stateClass));
  const classes: OutcomeClass[] = ['success', 'pending', 'failure'];
  return { family, classes: classes.filter((name) => !gone.has(name)) };
}

const HTTP_OUTCOME_NAMES: Readonly<Partial<Record<OutcomeClass, string>>> = {
  '1xx': 'an informational response (1xx)',
  '3xx': 'a redirect (3xx)',
  '4xx': 'a client error (4xx)',
};

/**
 * What accepting these classes lets through, for a message: `it passes on success and on failure
 * alike` when a success (2xx, a success state) is accepted with a failure; `a server crash (5xx)
 * passes as well as a client error (4xx)` when no success is accepted but a 5xx is, with the other
 * classes named one by one. Only for classifications that `mixesOutcomes`.
 */
export function describeConsequence(classification: Classification): string {
  const { classes } = classification;
  if (classification.family === 'state' && !classes.includes('success')) {
    return classes.includes('pending') ? 'a failure passes as well as an unfinished operation' : 'a failure passes';
  }
  if (classification.family !== 'http' || classes.includes('2xx')) {
    return 'it passes on success and on failure alike';
  }
  const others = classes.filter((name) => name !== '5xx').map((name) => HTTP_OUTCOME_NAMES[name] ?? name);
  const list = others.length <= 1 ? others.join('') : `${others.slice(0, -1).join(', ')} or ${others.at(-1) ?? ''}`;
  return `a server crash (5xx) passes as well as ${list}`;
}

/** The one HTTP status the title names (`returns 404 for a missing id`), if exactly one. */
export function statusNamedInTitle(title: string | null): number | null {
  if (title === null) {
    return null;
  }
  const found = new Set<number>();
  for (const match of title.matchAll(/(?<![\d.])([2-5]\d\d)(?![\d.])/gu)) {
    found.add(Number(match[1]));
  }
  return found.size === 1 ? ([...found][0] ?? null) : null;
}

const isWordChar = (code: number): boolean => isUpper(code) || isLowerOrDigit(code) || code === 0x5f /* _ */ || code === 0x2d; /* - */

/** Does `word` occur in `text` with no letter, digit, `_` or `-` right before or after it? One `indexOf` scan, no regex. */
function containsWord(text: string, word: string): boolean {
  if (word.length === 0) {
    return false;
  }
  for (let at = text.indexOf(word); at !== -1; at = text.indexOf(word, at + 1)) {
    const before = at === 0 ? -1 : text.charCodeAt(at - 1);
    const after = at + word.length >= text.length ? -1 : text.charCodeAt(at + word.length);
    if (!isWordChar(before) && !isWordChar(after)) {
      return true;
    }
  }
  return false;
}

/** The one candidate word the title names (`marks the job completed`), if exactly one; only state words count. */
export function wordNamedInTitle(title: string | null, candidates: readonly string[]): string | null {
  if (title === null) {
    return null;
  }
  const lower = title.toLowerCase();
  const named: string[] = [];
  for (const candidate of new Set(candidates)) {
    if (stateClass(candidate) !== null && containsWord(lower, candidate.toLowerCase())) {
      named.push(candidate);
    }
  }
  return named.length === 1 ? (named[0] ?? null) : null;
}
