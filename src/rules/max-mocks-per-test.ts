import type { TSESTree } from '@typescript-eslint/types';
import type { TSESLint } from '@typescript-eslint/utils';

import { getTestModel, isMockingSubject, type TestBlock } from '../model/index.js';
import { createRule, perOptions } from '../create-rule.js';
import { compileIgnore } from './max-mocks-per-test/ignore.js';
import { groupByOwner } from './max-mocks-per-test/owners.js';
import { MockTally } from './max-mocks-per-test/tally.js';
import { weighMocks } from './max-mocks-per-test/weights.js';

export type Options = [
  {
    max?: number;
    maxModuleMocks?: number;
    countSpies?: boolean;
    ignore?: string[];
  },
];
export type MessageIds = 'tooManyMocks' | 'tooManyMocksInSetup' | 'tooManyModuleMocks';

type RuleContext = Readonly<TSESLint.RuleContext<MessageIds, Options>>;

export default createRule<Options, MessageIds>({
  name: 'max-mocks-per-test',
  meta: {
    type: 'suggestion',
    docs: {
      description: 'Enforce a maximum number of replaced collaborators per test',
      recommended: 'recommended',
      requiresTypeChecking: false,
      strictOptions: [{ max: 3, maxModuleMocks: 3 }],
    },
    schema: [
      {
        type: 'object',
        description: 'Thresholds and what counts as a mock.',
        properties: {
          max: {
            type: 'integer',
            minimum: 0,
            description: 'Most replaced collaborators one test may run with (file level, enclosing setup hooks and the test together).',
          },
          maxModuleMocks: {
            type: 'integer',
            minimum: 0,
            description: 'Most collaborators a file may replace at module level (hoisted module mocks and top-level replacements).',
          },
          countSpies: {
            type: 'boolean',
            description: 'Also count behaviour-less spies such as `vi.fn()` used as callback sinks.',
          },
          ignore: {
            type: 'array',
            items: { type: 'string' },
            uniqueItems: true,
            description: 'Module specifiers or replaced names (`console`, `logger.info`) never counted; `/…/` entries are regular expressions.',
          },
        },
        additionalProperties: false,
      },
    ],
    defaultOptions: [{ max: 5, maxModuleMocks: 5, countSpies: false, ignore: [] }],
    messages: {
      tooManyMocks:
        'This test runs with {{count}} replaced collaborators ({{outer}} at file or suite level, {{hooks}} in setup hooks, {{own}} in the test; limit {{max}}), so it checks mock wiring more than behaviour: use real collaborators or in-memory fakes, or test a smaller unit.',
      tooManyMocksInSetup:
        'Every test under this setup runs with {{count}} replaced collaborators ({{outer}} at file or suite level, {{hooks}} in setup hooks; limit {{max}}), so they check mock wiring more than behaviour: use real collaborators or in-memory fakes, or test a smaller unit.',
      tooManyModuleMocks:
        'This file replaces {{count}} collaborators at module level (limit {{max}}) and every test inherits them: test the unit with real collaborators, or split it so each part needs fewer mocks.',
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

/**
 * What one configuration of the rule decides: the limits, whether sink spies count, which names
 * are ignored. Made once per configured options object, not per file (see `perOptions`); a file's
 * state lives in its `MockTally`, so nothing of a file outlives its check.
 */
class MaxMocksChecker {
  private readonly max: number;
  private readonly maxModuleMocks: number;
  private readonly countSpies: boolean;
  private readonly ignored: (name: string) => boolean;

  constructor(options: Options[0]) {
    this.max = options.max ?? 5;
    this.maxModuleMocks = options.maxModuleMocks ?? 5;
    this.countSpies = options.countSpies ?? false;
    this.ignored = compileIgnore(options.ignore ?? []);
  }

  /** Weighs the file's mocks, counts them where they apply, and reports the file, then its tests. */
  check(context: RuleContext): void {
    const model = getTestModel(context);
    if (model.mocks.length === 0 || isMockingSubject(context.filename)) {
      return;
    }
    const weights = weighMocks(model, context.sourceCode, this.countSpies, this.ignored);
    if (![...weights.values()].some((weight) => weight > 0)) {
      return;
    }
    const tally = new MockTally(model, weights, groupByOwner(model, context.sourceCode));
    const fileReported = this.reportModuleMocks(context, tally);
    this.reportTests(context, model.tests, tally, fileReported);
  }

  /** Too many collaborators replaced at module level: reported at the mock that tips the count over. Returns whether it reported. */
  private reportModuleMocks(context: RuleContext, tally: MockTally): boolean {
    const { fileLevel } = tally;
    if (fileLevel <= this.maxModuleMocks) {
      return false;
    }
    const tipping = tally.tippingModuleMock(this.maxModuleMocks);
    context.report({
      node: tipping?.node ?? context.sourceCode.ast,
      messageId: 'tooManyModuleMocks',
      data: { count: fileLevel, max: this.maxModuleMocks },
    });
    return true;
  }

  /** Each test over the limit, or once the shared setup that takes every test under it over the limit. */
  private reportTests(context: RuleContext, tests: readonly TestBlock[], tally: MockTally, fileReported: boolean): void {
    const { max } = this;
    const setupReports = new Set<TSESTree.Node>();
    for (const test of tests) {
      const { own, outer, hooks, nearestSetup } = tally.testMocks(test);
      const count = own + outer + hooks;
      if (count <= max) {
        continue;
      }
      if (own > 0 || nearestSetup === null) {
        // File-level mocks alone, already named by the file report, are not repeated on every test.
        if (!(own === 0 && fileReported)) {
          context.report({ node: test.node.callee, messageId: 'tooManyMocks', data: { count, max, outer, hooks, own } });
        }
        continue;
      }
      // The test adds nothing: report the shared setup once instead of every test under it.
      if (!(fileReported && hooks === 0 && outer === tally.fileLevel) && !setupReports.has(nearestSetup)) {
        setupReports.add(nearestSetup);
        context.report({ node: nearestSetup, messageId: 'tooManyMocksInSetup', data: { count, max, outer, hooks } });
      }
    }
  }
}

/** The checker of each configured options object (see `perOptions`). */
const checkerFor = perOptions((options: Options[0]) => new MaxMocksChecker(options));
