import { ESLintUtils } from '@typescript-eslint/utils';

import { PACKAGE_VERSION, REPOSITORY_URL } from '../package-info.js';

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
  `${REPOSITORY_URL}/blob/v${PACKAGE_VERSION}/docs/rules/${ruleId}.md`;

export const createRule = ESLintUtils.RuleCreator<TestQualityRuleDocs>(ruleDocsUrl);
