import type { TSESLint } from '@typescript-eslint/utils';

import { createRule, perOptions } from '../create-rule.js';
import { getTestModel, type TestBlock, type TestModel } from '../model/index.js';
import { counterNameOf, doubleKey, readCountAssertion, type CountAssertion } from './no-magic-retry-count/count-assertions.js';
import { counterShape, countsRetriesOnly, isConfigEcho, isCountedInFailingFunction, isLoggerKey, isPastTenseCounter } from './no-magic-retry-count/counters.js';
import { deriveCount, expressionFor, type CountedTwice } from './no-magic-retry-count/derive-count.js';
import type { TestFacts } from './no-magic-retry-count/facts.js';
import { expectedCount } from './no-magic-retry-count/limits.js';
import { isRetryCounterName, mayHoldRetryEvidence } from './no-magic-retry-count/retry-evidence.js';
import { RetryFile } from './no-magic-retry-count/retry-file.js';

export type Options = [{ allowConfiguredLimit?: boolean }];
export type MessageIds = 'configuredLimit' | 'deriveCount' | 'magicRetryCount';

type RuleContext = Readonly<TSESLint.RuleContext<MessageIds, Options>>;

export default createRule<Options, MessageIds>({
  name: 'no-magic-retry-count',
  meta: {
    type: 'suggestion',
    docs: {
      description: 'Disallow exact retry counts that encode an unconfigured retry policy',
      recommended: 'strict',
      requiresTypeChecking: false,
    },
    hasSuggestions: true,
    schema: [
      {
        type: 'object',
        properties: {
          allowConfiguredLimit: {
            type: 'boolean',
            description: 'Accept a literal count that a retry limit configured in the same test predicts (`retries: 3` → 4 calls); `false` reports it with a suggestion to derive it.',
          },
        },
        additionalProperties: false,
      },
    ],
    defaultOptions: [{ allowConfiguredLimit: true }],
    messages: {
      magicRetryCount:
        'The exact count {{count}} depends on a retry limit this test never sets (the code\'s default); set the limit in the test and derive the count from it (e.g. `maxRetries + 1`), or assert a bound when timing makes the count vary.',
      configuredLimit:
        'The count {{count}} restates the configured `{{name}}` ({{limit}}) by hand; write it as `{{expression}}` so the assertion follows the configuration.',
      deriveCount: 'Write the count as `{{expression}}`.',
    },
  },
  create(context, [options]) {
    const checker = checkerFor(options);
    return {
      'Program:exit'() {
        checker.check(context);
      },
    };
  },
});

/** One checker per configured options object, not per file (see `perOptions`). */
const checkerFor = perOptions((options: Options[0]) => new RetryCountChecker(options));

/**
 * Exact count assertions (of at least 2) inside tests, in the model's order, without the steps: a count one more
 * than an earlier count of the same thing in the same test (`toHaveBeenCalledTimes(1)`, another request,
 * `toHaveBeenCalledTimes(2)`) is the test's own action counted, not a retry policy.
 */
function countAssertionsOf(model: TestModel, sourceCode: Readonly<TSESLint.SourceCode>): Array<{ count: CountAssertion; test: TestBlock }> {
  const found: Array<{ count: CountAssertion; test: TestBlock }> = [];
  const seen = new Set<string>();
  for (const assertion of model.assertions) {
    const block = assertion.block;
    if (block === null || block.kind !== 'test') {
      continue;
    }
    const count = readCountAssertion(assertion);
    if (count === null) {
      continue;
    }
    const counted = sourceCode.getText(count.counted);
    const tests = `${block.node.range[0]}:${counted}:`;
    if (count.count >= 2 && !seen.has(`${tests}${count.count - 1}`)) {
      found.push({ count, test: block });
    }
    seen.add(`${tests}${count.count}`);
  }
  return found;
}

/** What the options decide; shared by every file linted with them, holding nothing of any file (that is `RetryFile`). */
class RetryCountChecker {
  readonly allowConfiguredLimit: boolean;

  constructor(options: Options[0]) {
    this.allowConfiguredLimit = options.allowConfiguredLimit ?? true;
  }

  check(context: RuleContext): void {
    const sourceCode = context.sourceCode;
    // Every kind of evidence (titles, option keys, counter names, retry calls) needs a retry word:
    // a file without one is settled before its assertions are read.
    if (!mayHoldRetryEvidence(sourceCode.text)) {
      return;
    }
    const model = getTestModel(context);
    if (!model.hasTests) {
      return;
    }
    const found = countAssertionsOf(model, sourceCode);
    if (found.length === 0) {
      return;
    }
    const file = new RetryFile(sourceCode, model, context.filename);
    // An unchanged count after an earlier assertion proves that nothing more happened (a cancelled retry):
    // only the first of a test's assertions of one count of one thing is checked; the later ones go with it.
    const first = new Map<string, { count: CountAssertion; repeats: CountAssertion[] }>();
    const tests = new Map<TestBlock, number>();
    for (const { count, test } of found) {
      let testId = tests.get(test);
      if (testId === undefined) {
        testId = tests.size;
        tests.set(test, testId);
      }
      const key = `${testId}:${count.count}:${sourceCode.getText(count.counted)}`;
      const earlier = first.get(key);
      if (earlier === undefined) {
        first.set(key, { count, repeats: [] });
      } else {
        earlier.repeats.push(count);
      }
    }
    for (const { count, repeats } of first.values()) {
      const block = count.assertion.block;
      if (block !== null) {
        this.checkCount(context, file, count, block, repeats);
      }
    }
  }

  /** Reports `count` when retry evidence makes it a retry count that no configured limit of the test explains. */
  private checkCount(context: RuleContext, file: RetryFile, count: CountAssertion, test: TestBlock, repeats: readonly CountAssertion[]): void {
    const counter = count.kind === 'counter' ? counterShape(file.sourceCode, count.counted) : null;
    if (count.kind === 'counter' && (counter === null || isConfigEcho(count.counted))) {
      return;
    }
    const facts = file.factsOf(test);
    // `// initial + one retry`: the comment on the line says where the number comes from.
    if (facts.negated || facts.pinned.has(count.count) || file.isExplainedByComment(count.node)) {
      return;
    }
    const countedKey = count.kind === 'calls' ? doubleKey(count.counted) : null;
    // Log lines are counted by what the code logs, not by how often it tried (medusa's event bus).
    if (countedKey !== null && isLoggerKey(countedKey)) {
      return;
    }
    const failingKey = countedKey !== null && facts.failingKeys.has(countedKey);
    const evidence =
      facts.retryContext ||
      (counter === 'hand' && isRetryCounterName(counterNameOf(count.counted) ?? '')) ||
      // A stub that always fails is a retry sign only in a file that speaks of retrying at all;
      // elsewhere it drives fallbacks and error paths (`getPreset` rejecting, a loader falling back).
      (file.fileMentionsRetry() && (failingKey || (count.kind === 'counter' && facts.anyFailing)));
    if (evidence) {
      const failsEveryCall = failingKey || (count.kind === 'counter' && countsFailingCalls(file, count, counter, facts));
      this.report(context, file, { count, repeats }, test, facts, failsEveryCall);
    }
  }

  /** The finding for a retry count: restating a configured limit by hand, or a count no limit of the test explains. */
  private report(context: RuleContext, file: RetryFile, found: CountedTwice, test: TestBlock, facts: TestFacts, failsEveryCall: boolean): void {
    const { count } = found;
    const countsRetries = countsRetriesOnly(count);
    const limit = facts.limits.find((item) => count.count === expectedCount(item, countsRetries));
    if (limit !== undefined) {
      if (this.allowConfiguredLimit) {
        return;
      }
      const name = limit.variable?.name ?? limit.name;
      const expression = expressionFor(name, limit.value, count.count);
      const derived = deriveCount(file.sourceCode, found, { limit, all: facts.limits }, test);
      context.report({
        node: count.node,
        messageId: 'configuredLimit',
        data: { count: count.count, name, limit: limit.value, expression },
        suggest: derived === null ? [] : [{ messageId: 'deriveCount', data: { expression: derived.expression }, fix: derived.fix }],
      });
      return;
    }
    // A test that sets a retry limit owns the policy; a count further away is its scenario's arithmetic.
    // A past-tense counter (`q.retried`) counts what the scenario made fail, not attempts.
    // Only a count of what fails on every call measures the retry policy alone: any other count (a stub that
    // fails twice then succeeds, a spy on a step that succeeds, a counter in a callback) is also the
    // scenario's own arithmetic, which reviewers dismissed (blind labels, V2 and V3).
    // In the retry helper's own suite, the default count of the operation the test hands it is the contract under test.
    if (failsEveryCall && facts.limits.length === 0 && !facts.ownsPolicy && !isPastTenseCounter(count.counted) && !file.countsSubjectsDefault(test, count.counted)) {
      context.report({ node: count.node, messageId: 'magicRetryCount', data: { count: count.count } });
    }
  }
}

/**
 * Does a counter count calls of something that fails on every call? Counted up inside a function that always
 * fails (`() => { attempts++; throw e; }`), or a retry-named property (`job.attemptsMade`) in a test with an
 * always-failing double.
 */
function countsFailingCalls(file: RetryFile, count: CountAssertion, counter: ReturnType<typeof counterShape>, facts: TestFacts): boolean {
  return (counter === 'member' && facts.anyFailing) || isCountedInFailingFunction(file.sourceCode, count.counted);
}
