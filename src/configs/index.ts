import type { TestQualityRuleDocs } from '../create-rule.js';

export type ConfigName = 'all' | 'recommended' | 'recommended-type-checked' | 'strict';

/** How our configs turn a rule on: ESLint's rule entry shape (`Linter.RuleEntry`), mutable as ESLint declares it. */
export type ConfigRuleEntry = 'error' | ['error', ...unknown[]];

/**
 * One of our flat configs. Spelled out structurally, not as typescript-eslint's `FlatConfig.Config`
 * (whose `languageOptions` and `plugins` types ESLint's own `Linter.Config` does not accept), so that it is
 * assignable to ESLint 9's and 10's `Linter.Config` and to `defineConfig`'s `extends` elements.
 */
export interface FlatConfig<Plugin> {
  name: string;
  plugins: Record<string, Plugin>;
  rules: Record<string, ConfigRuleEntry>;
}

interface RuleWithDocs {
  readonly meta: {
    readonly docs?: Partial<TestQualityRuleDocs> & { readonly description?: string };
    readonly deprecated?: unknown;
  };
}

/**
 * What each config turns on, derived from each rule's `meta.docs`:
 * - `recommended`: rules whose level is `recommended` and that need no type information;
 * - `recommended-type-checked`: `recommended` plus the `recommended` rules that need types;
 * - `strict`: every `recommended` or `strict` rule, with the rule's `strictOptions` when it has them;
 * - `all`: every rule.
 */
export function deriveConfigRules(
  rules: Readonly<Record<string, RuleWithDocs>>,
  namespace: string,
): Record<ConfigName, Record<string, ConfigRuleEntry>> {
  const result: Record<ConfigName, Record<string, ConfigRuleEntry>> = {
    recommended: {},
    'recommended-type-checked': {},
    strict: {},
    all: {},
  };
  for (const [id, rule] of Object.entries(rules)) {
    if (rule.meta.deprecated !== undefined && rule.meta.deprecated !== false) {
      continue;
    }
    const docs = rule.meta.docs ?? {};
    const key = `${namespace}/${id}`;
    const typed = docs.requiresTypeChecking === true;
    result.all[key] = 'error';
    if (docs.recommended === 'recommended') {
      result['recommended-type-checked'][key] = 'error';
      if (!typed) {
        result.recommended[key] = 'error';
      }
    }
    if ((docs.recommended === 'recommended' || docs.recommended === 'strict') && !typed) {
      const strictOptions = docs.strictOptions;
      result.strict[key] = strictOptions === undefined ? 'error' : ['error', ...strictOptions];
    }
  }
  return result;
}

/** Flat configs, each named `test-quality/<config>`, with the plugin registered in it. */
export function createConfigs<Plugin>(
  plugin: Plugin,
  rules: Readonly<Record<string, RuleWithDocs>>,
  namespace: string,
): Record<ConfigName, FlatConfig<Plugin>> {
  const derived = deriveConfigRules(rules, namespace);
  const config = (name: ConfigName): FlatConfig<Plugin> => ({
    name: `${namespace}/${name}`,
    plugins: { [namespace]: plugin },
    rules: derived[name],
  });
  return {
    recommended: config('recommended'),
    'recommended-type-checked': config('recommended-type-checked'),
    strict: config('strict'),
    all: config('all'),
  };
}
