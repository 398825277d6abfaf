import { AST_NODE_TYPES } from '@typescript-eslint/types';

import type { TestBlock } from '../../model/index.js';
import { doubleKey } from './count-assertions.js';
import { readDoubles } from './doubles.js';
import { readLimitOptions, type Limit } from './limits.js';
import type { Reach } from './reach.js';
import { announcesDefault, isRetryTitle, statedNumbers } from './retry-evidence.js';
import type { RetryFile } from './retry-file.js';
import { pinRepeatedStatements, pinScenario, readScenarioCalls } from './scenario.js';
import { setsTimeout } from './timeouts.js';

/** What one test says about retrying: the evidence, the limits it sets, and the counts it fixes itself. */
export interface TestFacts {
  /** Retry evidence independent of what is counted: titles and retry options. */
  readonly retryContext: boolean;
  /** The test says it must not retry, or switches retrying off (`retry: false`): its counts are its own calls. */
  readonly negated: boolean;
  readonly limits: readonly Limit[];
  /**
   * The test sets the retry policy in a way no count is read from: a decision it passes in (`shouldRetry`),
   * a limit it computes (`retries: config.retries`), a positional limit (`new RetryHelper(3, …)`).
   */
  readonly ownsPolicy: boolean;
  /** Counts fixed by the test's own fault injection. */
  readonly pinned: ReadonlySet<number>;
  /** Keys of doubles that fail on every call. */
  readonly failingKeys: ReadonlySet<string>;
  /** A failing double without a known key, or a failing double used by a hand-written counter. */
  readonly anyFailing: boolean;
}

/** The facts of one test while they are read, one kind of evidence after another. */
export class FactsDraft {
  /** Retry titles so far; a retry option or a retry config call sets it too. */
  retryContext: boolean;
  /** A retry option switched off (`retry: false`). */
  disabled = false;
  readonly limits: Limit[] = [];
  ownsPolicy = false;
  readonly pinned = new Set<number>();
  /** Answers the test scripts one request at a time (`nock(…).reply()`, `{ once: true }`). */
  answers = 0;
  /** Retries the test makes by hand (`await job.retry()`, `client.reconnect()`). */
  manualRetries = 0;

  constructor(
    retryContext: boolean,
    /** The blocks in reach of the test, with their places. */
    readonly reach: Reach,
    readonly test: TestBlock,
  ) {
    this.retryContext = retryContext;
  }

  /** Pins `value` and its neighbours, `value - 1` and `value + 1`. */
  pin(value: number): void {
    this.pinned.add(value - 1);
    this.pinned.add(value);
    this.pinned.add(value + 1);
  }
}

/**
 * `ensureNotBusy(path, 1, 3, open)` in the test, with `open` failing always: the test hands the code its failing
 * double and the numbers it works with, so a count equal to one of them is the test's own limit, passed by position.
 */
function pinHandedLimits(file: RetryFile, draft: FactsDraft, failingKeys: ReadonlySet<string>): void {
  for (const { item, place } of file.buckets.handedNumbers.inReach(draft.reach)) {
    const handsFailing = item.node.arguments.some((argument) => {
      const key = argument.type === AST_NODE_TYPES.Identifier ? doubleKey(argument) : null;
      return key !== null && failingKeys.has(key);
    });
    if (place === 'test' && handsFailing) {
      item.values.forEach((value) => draft.pin(value));
    }
  }
}

/** Gathers what the file says about `test`: in the test, its before-hooks, and the suites (or file) around it. */
export function gatherFacts(file: RetryFile, test: TestBlock): TestFacts {
  const chain: TestBlock[] = [];
  for (let current: TestBlock | null = test; current !== null; current = current.parent) {
    chain.push(current);
  }
  const negated = test.title !== null && !isRetryTitle(test.title) && /\b(?:retry|retries|retried|retrying|reconnect)/iu.test(test.title);
  const draft = new FactsDraft(chain.some((block) => block.title !== null && isRetryTitle(block.title)), file.reachOf(test), test);
  readLimitOptions(file, draft);
  readScenarioCalls(file, draft);
  pinScenario(file, draft);
  pinRepeatedStatements(file, test, draft);
  const { failingKeys, anyFailing } = readDoubles(file, draft);
  pinHandedLimits(file, draft, failingKeys);
  draft.ownsPolicy ||= file.buckets.positionalLimits.inReach(draft.reach).length > 0;
  // A title that states the count (`retries once`, `(3 attempts)`, `after 5 createBucket conflicts`) or a message
  // the test asserts that states it (`rejectedWith('… after 5 attempts.')`) explains the count it asserts.
  for (const value of test.title === null ? [] : statedNumbers(test.title)) {
    draft.pin(value);
  }
  for (const value of file.assertedNumbers(test)) {
    draft.pin(value);
  }
  // A suite whose titles state the retry protocol (`should retry once`) documents it for its tests: their counts
  // apply it to their own scenario. A test that says it checks the default policy asserts the default on purpose.
  draft.ownsPolicy ||= file.suiteStatesProtocol(test) || chain.some((block) => block.title !== null && announcesDefault(block.title));
  // A timeout the test sets (`'--timeout', '60'`, `{ timeout: 5000 }`) bounds the polls or attempts that fit in it.
  draft.ownsPolicy ||= setsTimeout(test, file.sourceCode.visitorKeys);
  const { retryContext, limits, pinned, ownsPolicy } = draft;
  return { retryContext, negated: negated || (draft.disabled && limits.length === 0), limits, ownsPolicy, pinned, failingKeys, anyFailing };
}
