import type { ESLint, Linter, Rule } from 'eslint';

import { createConfigs, type ConfigName } from './configs/index.js';
import { PACKAGE_NAME, PACKAGE_VERSION } from './package-info.js';
import { rules } from './rules/index.js';

const NAMESPACE = 'test-quality';

export type { ConfigName };
export type RuleName = keyof typeof rules;

/**
 * A config of this plugin (`configs.recommended` …), typed with the types of the ESLint the user has
 * installed (9 or 10): a `Linter.Config`, usable in a config array, spread into a config object, or
 * listed in `defineConfig`'s `extends`.
 */
export interface TestQualityConfig extends Linter.Config {
  name: string;
  plugins: Record<string, ESLint.Plugin>;
  rules: Linter.RulesRecord;
}

/**
 * The plugin object, an `ESLint.Plugin` of the installed ESLint. Each rule is typed both as ESLint's
 * `Rule.RuleModule` (so the plugin is assignable where ESLint expects a plugin) and as the
 * typescript-eslint rule it is built as (so tools written against typescript-eslint keep its types).
 */
export interface TestQualityPlugin extends ESLint.Plugin {
  meta: { name: string; version: string; namespace: string };
  rules: typeof rules & Record<RuleName, Rule.RuleModule>;
  configs: Record<ConfigName, TestQualityConfig>;
}

const configs = {} as Record<ConfigName, TestQualityConfig>;

const plugin: TestQualityPlugin = {
  meta: { name: PACKAGE_NAME, version: PACKAGE_VERSION, namespace: NAMESPACE },
  // typescript-eslint's RuleModule declares a richer `create(context)` than ESLint's, which ESLint's types reject.
  rules: rules as TestQualityPlugin['rules'],
  configs,
};

// Configs reference the plugin object itself, so they are attached once it exists.
Object.assign(configs, createConfigs(plugin, rules, NAMESPACE));

export default plugin;
// `require('eslint-plugin-test-quality')` returns the plugin itself, not a namespace object.
export { plugin as 'module.exports' };
