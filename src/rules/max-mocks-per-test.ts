import type { TSESTree } from '@typescript-eslint/types';
import type { TSESLint } from '@typescript-eslint/utils';

import { getTestModel, type TestBlock } from '../model/index.js';
import { createRule, perOptions } from '../create-rule.js';
import { compileIgnore } from './max-mocks-per-test/ignore.js';
import { testsMockingUtility } from './max-mocks-per-test/mocking-utility.js';
import { groupByOwner } from './max-mocks-per-test/owners.js';
import { nameMocks } from './max-mocks-per-test/names.js';
import { MockTally, type SetupCrossing } from './max-mocks-per-test/tally.js';
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
        'This test runs with {{count}} replaced collaborators ({{names}}; {{outer}} at file or suite level, {{hooks}} in setup hooks, {{own}} in the test; limit {{max}}), so it checks mock wiring more than behaviour: use real collaborators or in-memory fakes, or test a smaller unit.',
      tooManyMocksInSetup:
        'Every test under this setup runs with {{count}} replaced collaborators ({{names}}; {{outer}} at file or suite level, {{hooks}} in setup hooks; limit {{max}}), so they check mock wiring more than behaviour: use real collaborators or in-memory fakes, or test a smaller unit.',
      tooManyModuleMocks:
        'This file replaces {{count}} collaborators at module level ({{names}}; limit {{max}}) and every test inherits them: test the unit with real collaborators, or split it so each part needs fewer mocks.',
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
    if (model.mocks.length === 0 || testsMockingUtility(context.filename, model, context.cwd)) {
      return;
    }
    const weights = weighMocks(model, context.sourceCode, this.countSpies, this.ignored);
    if (!hasWeight(weights)) {
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
      data: { count: fileLevel, max: this.maxModuleMocks, names: nameMocks(tally.fileMocks()) },
    });
    return true;
  }

  /**
   * Each test whose own mocks take it over the limit, and once each shared setup (a hook, a suite
   * body, the file) whose mocks alone are over it: a blanket `beforeEach` is one finding, not one
   * per test under it.
   */
  private reportTests(context: RuleContext, tests: readonly TestBlock[], tally: MockTally, fileReported: boolean): void {
    const { max } = this;
    const setupReports = new Set<TSESTree.Node | null>();
    for (const test of tests) {
      const mocks = tally.testMocks(test);
      const { own, outer, hooks } = mocks;
      const count = own + outer + hooks;
      if (count <= max) {
        continue;
      }
      if (outer + hooks > max) {
        for (const crossing of tally.setupCrossings(test, max)) {
          // File-level mocks over the limit are already named by the file report.
          const namedByFile = fileReported && crossing.node === null;
          if (!namedByFile && !setupReports.has(crossing.node)) {
            setupReports.add(crossing.node);
            this.reportSetup(context, test, tally, crossing);
          }
        }
        if (own <= max) {
          // What the test adds does not cross the limit on its own: the setup's finding covers it.
          continue;
        }
      }
      context.report({ node: test.node.callee, messageId: 'tooManyMocks', data: { count, max, outer, hooks, own, names: nameMocks(mocks.counted) } });
    }
  }

  /** A shared setup over the limit: reported on its hook or suite, or for the file on the mock that tips it over. */
  private reportSetup(context: RuleContext, test: TestBlock, tally: MockTally, crossing: SetupCrossing): void {
    const { outer, hooks } = crossing;
    const node = crossing.node ?? tally.tippingModuleMock(this.max)?.node ?? test.node.callee;
    context.report({ node, messageId: 'tooManyMocksInSetup', data: { count: outer + hooks, max: this.max, outer, hooks, names: nameMocks(crossing.counted) } });
  }
}

function hasWeight(weights: ReadonlyMap<unknown, number>): boolean {
  for (const weight of weights.values()) {
    if (weight > 0) {
      return true;
    }
  }
  return false;
}

/** The checker of each configured options object (see `perOptions`). */
const checkerFor = perOptions((options: Options[0]) => new MaxMocksChecker(options));
