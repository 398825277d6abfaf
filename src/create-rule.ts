import { RuleCreator, applyDefault, type RuleWithMetaAndName } from '@typescript-eslint/utils/eslint-utils';

import { DOCS_REF, REPOSITORY_URL } from './package-info.js';
import { withTestModel } from './model/index.js';

/** Config a rule belongs to; `false` keeps it out of every config but `all`. */
export type RuleConfigLevel = 'recommended' | 'strict' | false;

export interface TestQualityRuleDocs {
  /** Lowest config that turns the rule on (`strict` includes `recommended`). */
  readonly recommended: RuleConfigLevel;
  /** The rule needs `parserOptions.projectService`; it then lives in `recommended-type-checked`. */
  readonly requiresTypeChecking: boolean;
  /** Options the `strict` config uses (lower thresholds, fewer exemptions); defaults when absent. */
  readonly strictOptions?: readonly unknown[];
}

export const ruleDocsUrl = (ruleId: string): string =>
  `${REPOSITORY_URL}/blob/${DOCS_REF}/docs/rules/${ruleId}.md`;

const namedRule = RuleCreator<TestQualityRuleDocs>(ruleDocsUrl);

/** Stands in for "no options given" as a cache key. */
const NO_OPTIONS = {};

type RuleContext = Parameters<ReturnType<typeof namedRule>['create']>[0];
type ReportDescriptor = Parameters<RuleContext['report']>[0];
type Listener = (...args: never[]) => void;

/** Why a rule failed, as one line: the error's name and message, cut short. */
function describeError(error: unknown): string {
  const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  const line = text.split('\n', 1)[0] ?? '';
  return line.length > 300 ? `${line.slice(0, 300)}…` : line;
}

/** Set `TEST_QUALITY_DEBUG` to let a rule's error through to ESLint (with its stack) instead. */
const rethrows = (): boolean => {
  const env = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env;
  return env?.['TEST_QUALITY_DEBUG'] !== undefined && env['TEST_QUALITY_DEBUG'] !== '' && env['TEST_QUALITY_DEBUG'] !== '0';
};

/** The start of the one message a rule reports for a file it failed on (tests look for it). */
export const RULE_FAILURE_PREFIX = 'Internal error in ';

/**
 * One rule's run over one file, fenced so that a bug of ours costs that rule that file and nothing
 * else: the rule's reports are held back until its `Program:exit` is over, and an error thrown by
 * `create` or any listener drops them, stops the rule's other listeners for this file and reports
 * one message instead, naming the rule, the file and the error. ESLint then goes on with the other
 * rules and files; without the fence one throw stops the whole lint run. A class rather than
 * closures per file, so its methods keep their optimised code (see `perOptions`).
 */
class FencedRun {
  private failed = false;
  private flushed = false;
  private readonly held: ReportDescriptor[] = [];

  constructor(private readonly context: RuleContext) {}

  report(descriptor: ReportDescriptor): void {
    if (this.failed) {
      return;
    }
    if (this.flushed) {
      this.context.report(descriptor);
    } else {
      this.held.push(descriptor);
    }
  }

  fail(error: unknown): void {
    if (rethrows()) {
      throw error;
    }
    if (this.failed) {
      return;
    }
    this.failed = true;
    this.held.length = 0;
    const { context } = this;
    const message = `${RULE_FAILURE_PREFIX}${context.id} on ${context.filename}: ${describeError(error)}. The rule reports nothing for this file; please report this at ${REPOSITORY_URL}/issues.`;
    (context.report as unknown as (descriptor: { loc: { line: number; column: number }; message: string }) => void)({ loc: { line: 1, column: 0 }, message });
  }

  call(listener: Listener, ...args: never[]): void {
    if (this.failed) {
      return;
    }
    try {
      listener(...args);
    } catch (error) {
      this.fail(error);
    }
  }

  /** The rule's own `Program:exit` (if any), then its held reports. */
  exit(listener: Listener | undefined, ...args: never[]): void {
    if (listener !== undefined) {
      this.call(listener, ...args);
    }
    if (this.failed || this.flushed) {
      return;
    }
    this.flushed = true;
    try {
      for (const descriptor of this.held) {
        this.context.report(descriptor);
      }
    } catch (error) {
      this.fail(error);
    }
    this.held.length = 0;
  }

  /** The rule's listeners, each fenced; `Program:exit` also hands over the held reports. */
  fence(listeners: Readonly<Record<string, Listener | undefined>>): Record<string, Listener> {
    const fenced: Record<string, Listener> = {};
    for (const [selector, listener] of Object.entries(listeners)) {
      if (listener !== undefined && selector !== 'Program:exit') {
        fenced[selector] = this.call.bind(this, listener);
      }
    }
    fenced['Program:exit'] = this.exit.bind(this, listeners['Program:exit']);
    return fenced;
  }
}

/**
 * typescript-eslint's RuleCreator, except that the options merged with their defaults are worked
 * out once per configured options object rather than cloned and merged again for every file
 * (ESLint hands every file of one configuration the same option objects; rules never mutate them),
 * that the rule's listeners get the shared test model's collecting listeners added
 * (`withTestModel`): every rule of ours reads the model at `Program:exit`, and that each run of
 * the rule on a file is fenced (`FencedRun`): an error of ours becomes one message on that file,
 * not the end of the lint run.
 */
export function createRule<Options extends readonly unknown[], MessageIds extends string>(
  rule: Readonly<RuleWithMetaAndName<Options, MessageIds, TestQualityRuleDocs>>,
): ReturnType<typeof namedRule<Options, MessageIds>> {
  const created = namedRule(rule);
  const defaults = (rule.meta.defaultOptions ?? []) as Options;
  const merged = new WeakMap<object, Options>();
  const optionsFor = (given: Options): Options => {
    const first: unknown = given[0];
    const key = given.length === 0 ? NO_OPTIONS : given.length === 1 && typeof first === 'object' && first !== null ? first : null;
    const cached = key === null ? undefined : merged.get(key);
    if (cached !== undefined) {
      return cached;
    }
    const options = applyDefault<Options, Options>(defaults, given);
    if (key !== null) {
      merged.set(key, options);
    }
    return options;
  };
  return {
    ...created,
    create(context) {
      const run = new FencedRun(context as RuleContext);
      // The rule sees a context whose `report` holds reports back until the run is over.
      const fencedContext = Object.create(context, { report: { value: run.report.bind(run) } }) as typeof context;
      let listeners: Readonly<Record<string, Listener | undefined>> = {};
      try {
        listeners = withTestModel(fencedContext, rule.create(fencedContext, optionsFor(context.options))) as Record<string, Listener | undefined>;
      } catch (error) {
        run.fail(error);
      }
      return run.fence(listeners);
    },
  };
}

/** How many rule checkers were created in this process; read by tests. */
export const checkerStats = { created: 0 };

/**
 * Memoizes a rule's checker per configured options object (ESLint hands every file of one
 * configuration the same options object). A checker's functions are then created once rather than
 * for each file: V8 drops the optimised code of a function at a full garbage collection once every
 * closure made from it is dead, so functions created anew for each file were compiled again and
 * again over a lint. The checker gets the file as an argument and keeps nothing of it afterwards.
 */
export function perOptions<Key extends object, Checker>(create: (options: Key) => Checker): (options: Key) => Checker {
  const checkers = new WeakMap<Key, Checker>();
  return (options) => {
    let checker = checkers.get(options);
    if (checker === undefined) {
      checker = create(options);
      checkers.set(options, checker);
      checkerStats.created += 1;
    }
    return checker;
  };
}
