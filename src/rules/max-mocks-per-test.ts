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
import { WiringChecks } from './max-mocks-per-test/wiring.js';

export type Options = [
  {
    max?: number;
    maxModuleMocks?: number;
    countSpies?: boolean;
    ignore?: string[];
    checks?: 'wiring' | 'calls' | 'any';
  },
];
export type MessageIds =
  | 'tooManyMocks'
  | 'tooManyMocksInSetup'
  | 'tooManyModuleMocks'
  | 'wiringOnlyTest'
  | 'wiringOnlySetup'
  | 'wiringOnlyFile';

type RuleContext = Readonly<TSESLint.RuleContext<MessageIds, Options>>;

export default createRule<Options, MessageIds>({
  name: 'max-mocks-per-test',
  meta: {
    type: 'suggestion',
    docs: {
      description: 'Enforce a maximum number of replaced collaborators per test',
      recommended: 'strict',
      requiresTypeChecking: false,
      strictOptions: [{ max: 3, maxModuleMocks: 3, checks: 'any' }],
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
          checks: {
            type: 'string',
            enum: ['wiring', 'calls', 'any'],
            description:
              'Which tests over the limit are reported: `wiring`, only those whose every assertion checks calls on doubles or finds again a value a double was programmed to return, one at least doing the latter; `calls`, those whose assertions mostly check calls; `any`, every one.',
          },
        },
        additionalProperties: false,
      },
    ],
    defaultOptions: [{ max: 8, maxModuleMocks: 8, countSpies: false, ignore: [], checks: 'wiring' }],
    messages: {
      tooManyMocks:
        'This test runs with {{count}} replaced collaborators ({{names}}; {{outer}} at file or suite level, {{hooks}} in setup hooks, {{own}} in the test; limit {{max}}), so it checks mock wiring more than behaviour: use real collaborators or in-memory fakes, or test a smaller unit.',
      tooManyMocksInSetup:
        'Every test under this setup runs with {{count}} replaced collaborators ({{names}}; {{outer}} at file or suite level, {{hooks}} in setup hooks; limit {{max}}), so they check mock wiring more than behaviour: use real collaborators or in-memory fakes, or test a smaller unit.',
      tooManyModuleMocks:
        'This file replaces {{count}} collaborators at module level ({{names}}; limit {{max}}) and every test inherits them: test the unit with real collaborators, or split it so each part needs fewer mocks.',
      wiringOnlyTest:
        'This test runs with {{count}} replaced collaborators ({{names}}; {{outer}} at file or suite level, {{hooks}} in setup hooks, {{own}} in the test; limit {{max}}) and only checks how they were called and with what they were told to return: assert on the result or the resulting state with real collaborators or in-memory fakes, or test a smaller unit.',
      wiringOnlySetup:
        'Every test under this setup runs with {{count}} replaced collaborators ({{names}}; {{outer}} at file or suite level, {{hooks}} in setup hooks; limit {{max}}) and most of them only check how they were called and with what they were told to return: assert on results or resulting state with real collaborators or in-memory fakes, or test a smaller unit.',
      wiringOnlyFile:
        'This file replaces {{count}} collaborators at module level ({{names}}; limit {{max}}) and most of its tests only check how they were called and with what they were told to return: assert on results or resulting state with real collaborators, or split the unit so each part needs fewer mocks.',
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

/** A shared setup over the limit, with the tests that inherit it. */
interface SetupFinding {
  readonly test: TestBlock;
  readonly crossing: SetupCrossing;
  readonly tests: TestBlock[];
}

/**
 * What one configuration of the rule decides: the limits, whether sink spies count, which names
 * are ignored, which tests over the limit are reported. Made once per configured options object,
 * not per file (see `perOptions`); a file's state lives in its `MockTally` and `WiringChecks`, so
 * nothing of a file outlives its check.
 */
class MaxMocksChecker {
  private readonly max: number;
  private readonly maxModuleMocks: number;
  private readonly countSpies: boolean;
  private readonly onlyWiring: boolean;
  private readonly policy: 'wiring' | 'calls' | 'any';
  private readonly ignored: (name: string) => boolean;

  constructor(options: Options[0]) {
    this.max = options.max ?? 8;
    this.maxModuleMocks = options.maxModuleMocks ?? 8;
    this.countSpies = options.countSpies ?? false;
    this.policy = options.checks ?? 'wiring';
    this.onlyWiring = this.policy !== 'any';
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
    const wiring = this.onlyWiring ? new WiringChecks(model, context.sourceCode) : null;
    const fileReported = this.reportModuleMocks(context, tally, () => this.mostReportable(wiring, model.tests));
    this.reportTests(context, model.tests, tally, fileReported, wiring);
  }

  /** Too many collaborators replaced at module level: reported at the mock that tips the count over. With `checks: 'wiring'`, only when most of the file's tests check wiring. Returns whether it reported. */
  private reportModuleMocks(context: RuleContext, tally: MockTally, mostCheckWiring: () => boolean): boolean {
    const { fileLevel } = tally;
    if (fileLevel <= this.maxModuleMocks || !mostCheckWiring()) {
      return false;
    }
    const tipping = tally.tippingModuleMock(this.maxModuleMocks);
    context.report({
      node: tipping?.node ?? context.sourceCode.ast,
      messageId: this.onlyWiring ? 'wiringOnlyFile' : 'tooManyModuleMocks',
      data: { count: fileLevel, max: this.maxModuleMocks, names: nameMocks(tally.fileMocks()) },
    });
    return true;
  }

  /**
   * Each test whose own mocks take it over the limit, and once each shared setup (a hook, a suite
   * body, the file) whose mocks alone are over it: a blanket `beforeEach` is one finding, not one
   * per test under it. With `checks: 'wiring'`, a test only when it checks wiring, a setup only
   * when most of the tests that inherit it do.
   */
  private reportTests(context: RuleContext, tests: readonly TestBlock[], tally: MockTally, fileReported: boolean, wiring: WiringChecks | null): void {
    const { max } = this;
    const setups = new Map<TSESTree.Node | null, SetupFinding>();
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
          if (fileReported && crossing.node === null) {
            continue;
          }
          const setup = setups.get(crossing.node);
          if (setup === undefined) {
            setups.set(crossing.node, { test, crossing, tests: [test] });
          } else {
            setup.tests.push(test);
          }
        }
        if (own <= max) {
          // What the test adds does not cross the limit on its own: the setup's finding covers it.
          continue;
        }
      }
      if (this.reportable(wiring, test)) {
        const messageId = wiring === null ? 'tooManyMocks' : 'wiringOnlyTest';
        context.report({ node: test.node.callee, messageId, data: { count, max, outer, hooks, own, names: nameMocks(mocks.counted) } });
      }
    }
    for (const setup of setups.values()) {
      if (this.mostReportable(wiring, setup.tests)) {
        this.reportSetup(context, setup, tally);
      }
    }
  }

  /** Does the test's assertions make it reportable under `checks` (every test over the limit with `any`)? */
  private reportable(wiring: WiringChecks | null, test: TestBlock): boolean {
    if (wiring === null) {
      return true;
    }
    return this.policy === 'calls' ? wiring.checksWiring(test) : wiring.restatesDoubles(test);
  }

  /** Do the tests under a shared setup make it reportable under `checks`? */
  private mostReportable(wiring: WiringChecks | null, tests: readonly TestBlock[]): boolean {
    if (wiring === null) {
      return true;
    }
    return this.policy === 'calls' ? wiring.mostCheckWiring(tests) : wiring.mostRestateDoubles(tests);
  }

  /** A shared setup over the limit: reported on its hook or suite, or for the file on the mock that tips it over. */
  private reportSetup(context: RuleContext, { test, crossing }: SetupFinding, tally: MockTally): void {
    const { outer, hooks } = crossing;
    const node = crossing.node ?? tally.tippingModuleMock(this.max)?.node ?? test.node.callee;
    context.report({
      node,
      messageId: this.onlyWiring ? 'wiringOnlySetup' : 'tooManyMocksInSetup',
      data: { count: outer + hooks, max: this.max, outer, hooks, names: nameMocks(crossing.counted) },
    });
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
