import type { TSESLint } from '@typescript-eslint/utils';

import { createConfigs, type ConfigName } from './configs/index.js';
import { PACKAGE_NAME, PACKAGE_VERSION } from './package-info.js';
import { rules } from './rules/index.js';

const NAMESPACE = 'test-quality';

export interface TestQualityPlugin {
  readonly meta: { readonly name: string; readonly version: string; readonly namespace: string };
  readonly rules: typeof rules;
  readonly configs: Record<ConfigName, TSESLint.FlatConfig.Config>;
}

const configs = {} as Record<ConfigName, TSESLint.FlatConfig.Config>;

const plugin: TestQualityPlugin = {
  meta: { name: PACKAGE_NAME, version: PACKAGE_VERSION, namespace: NAMESPACE },
  rules,
  configs,
};

// Configs reference the plugin object itself, so they are attached once it exists.
Object.assign(configs, createConfigs(plugin as unknown as TSESLint.FlatConfig.Plugin, rules, NAMESPACE));

export default plugin;
// `require('eslint-plugin-test-quality')` returns the plugin itself, not a namespace object.
export { plugin as 'module.exports' };
