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

/**
 * typescript-eslint's RuleCreator, except that the options merged with their defaults are worked
 * out once per configured options object rather than cloned and merged again for every file
 * (ESLint hands every file of one configuration the same option objects; rules never mutate them),
 * and that the rule's listeners get the shared test model's collecting listeners added
 * (`withTestModel`): every rule of ours reads the model at `Program:exit`.
 */
export function createRule<Options extends readonly unknown[], MessageIds extends string>(
  rule: Readonly<RuleWithMetaAndName<Options, MessageIds, TestQualityRuleDocs>>,
): ReturnType<typeof namedRule<Options, MessageIds>> {
  const created = namedRule(rule);
  const defaults = (rule.meta.defaultOptions ?? []) as Options;
  const merged = new WeakMap<object, Options>();
  return {
    ...created,
    create(context) {
      const first: unknown = context.options[0];
      const key = context.options.length === 0 ? NO_OPTIONS : context.options.length === 1 && typeof first === 'object' && first !== null ? first : null;
      const cached = key === null ? undefined : merged.get(key);
      if (cached !== undefined) {
        return withTestModel(context, rule.create(context, cached));
      }
      const options = applyDefault<Options, Options>(defaults, context.options);
      if (key !== null) {
        merged.set(key, options);
      }
      return withTestModel(context, rule.create(context, options));
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
