// The configurations the benchmark compares. Every one parses with @typescript-eslint/parser and
// ignores inline config, so they all do the same parsing work and differ only in their rules.
// Plugins are imported lazily so a memory child loads only what its configuration needs.

import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

/** The build under test: `dist/`, or the folder in BENCH_DIST (`bench/run.mjs --dist <dir>`). */
export const distUrl = () => (process.env.BENCH_DIST ? pathToFileURL(`${resolve(process.env.BENCH_DIST)}/`).href : new URL('../dist/', import.meta.url).href);

/**
 * The build the `reference` configuration loads (another commit's `dist/`, say): the folder in
 * BENCH_REFERENCE_DIST (`bench/run.mjs --reference <dir>`; children inherit it).
 */
export function referenceDistUrl() {
  if (!process.env.BENCH_REFERENCE_DIST) {
    throw new Error('the reference configuration needs BENCH_REFERENCE_DIST (bench/run.mjs --reference <dist dir>)');
  }
  return pathToFileURL(`${resolve(process.env.BENCH_REFERENCE_DIST)}/`).href;
}

export const FILE_GLOB = '**/*.{js,jsx,mjs,cjs,ts,tsx,mts,cts}';
export const EXTENSIONS = new Set(['.js', '.jsx', '.mjs', '.cjs', '.ts', '.tsx', '.mts', '.cts']);

/** The jest major version given to eslint-plugin-jest, so it never probes for an installed jest. */
export const JEST_VERSION = 29;

export const CONFIG_NAMES = ['baseline', 'floor', 'control', 'recommended', 'all', 'jest', 'vitest'];

export const CONFIG_LABELS = {
  baseline: 'parse-only baseline (@typescript-eslint/parser, no rules)',
  floor: 'floor: one rule doing nothing',
  control: 'control: as many rules as `recommended`, each doing nothing',
  recommended: 'test-quality `recommended`',
  all: 'test-quality `all`',
  jest: 'eslint-plugin-jest `flat/recommended`',
  vitest: '@vitest/eslint-plugin `recommended`',
  // Only with `bench/run.mjs --reference <dir>`, which names the folder after this label.
  reference: 'test-quality `recommended`, reference build',
};

async function base() {
  const { default: tsParser } = await import('@typescript-eslint/parser');
  return [
    {
      name: 'bench/parse',
      files: [FILE_GLOB],
      languageOptions: {
        parser: tsParser,
        sourceType: 'module',
        parserOptions: { ecmaFeatures: { jsx: true } },
      },
      linterOptions: { noInlineConfig: true, reportUnusedDisableDirectives: 'off' },
    },
    {
      name: 'bench/commonjs',
      files: ['**/*.cjs', '**/*.cts'],
      languageOptions: { sourceType: 'commonjs' },
    },
  ];
}

/**
 * `count` rules that each listen to `Program:exit` and do nothing: what ESLint charges for running
 * that many rules at all (rule contexts, listener registration, dispatch), apart from their work.
 */
function control(count) {
  const rules = {};
  const on = {};
  for (let index = 0; index < count; index += 1) {
    rules[`noop-${index}`] = { meta: { type: 'problem', schema: [] }, create: () => ({ 'Program:exit'() {} }) };
    on[`control/noop-${index}`] = 'error';
  }
  return { name: 'bench/control', files: [FILE_GLOB], plugins: { control: { rules } }, rules: on };
}

/** Rule id of the timing probe that builds the shared test model before any of our rules runs. */
export const MODEL_PROBE_ID = 'bench/test-model';

async function ours(name, modelProbe, buildUrl = distUrl()) {
  // The built package, as users get it (`npm run build` first).
  const { default: plugin } = await import(new URL('index.js', buildUrl).href);
  const config = [{ ...plugin.configs[name], files: [FILE_GLOB] }];
  if (modelProbe) {
    // Same module instance as the plugin's rules use, so the model it builds is the one they share.
    // Created first, it gets the listeners that collect the model during ESLint's traversal and
    // finishes the model at Program:exit before our rules run: ESLint's rule timing then shows the
    // model's cost apart from each rule's own work.
    const { getTestModel, withTestModel } = await import(new URL('model/index.js', buildUrl).href);
    const probe = {
      meta: { type: 'problem', schema: [] },
      create(context) {
        return withTestModel(context, {
          'Program:exit'() {
            getTestModel(context);
          },
        });
      },
    };
    config.unshift({ files: [FILE_GLOB], plugins: { bench: { rules: { 'test-model': probe } } }, rules: { [MODEL_PROBE_ID]: 'error' } });
  }
  return config;
}

/**
 * The flat config array of one named configuration. `modelProbe` (ours only) adds a rule that builds
 * the shared test model first, so rule timing charges the build to it rather than to whichever of
 * our rules happens to ask first.
 */
export async function loadConfig(name, { modelProbe = false } = {}) {
  const parse = await base();
  switch (name) {
    case 'baseline':
      return parse;
    case 'floor':
      // What ESLint charges a file for running any rule at all, whatever the plugin.
      return [...parse, control(1)];
    case 'control': {
      // As many do-nothing rules as our `recommended` turns on.
      const { default: plugin } = await import(new URL('index.js', distUrl()).href);
      return [...parse, control(Object.keys(plugin.configs.recommended.rules).length)];
    }
    case 'recommended':
    case 'all':
      return [...parse, ...(await ours(name, modelProbe))];
    case 'reference':
      // Our `recommended` from the other build, to compare two builds within one run.
      return [...parse, ...(await ours('recommended', modelProbe, referenceDistUrl()))];
    case 'jest': {
      const { default: jest } = await import('eslint-plugin-jest');
      const recommended = jest.configs['flat/recommended'];
      return [...parse, { ...recommended, files: [FILE_GLOB], settings: { ...recommended.settings, jest: { version: JEST_VERSION } } }];
    }
    case 'vitest': {
      const { default: vitest } = await import('@vitest/eslint-plugin');
      return [...parse, { ...vitest.configs.recommended, files: [FILE_GLOB] }];
    }
    default:
      throw new Error(`unknown configuration ${name}`);
  }
}

/** Rule ids a configuration turns on (for per-rule tables). */
export function ruleIdsOf(config) {
  const ids = new Set();
  for (const entry of config) {
    for (const [id, setting] of Object.entries(entry.rules ?? {})) {
      const level = Array.isArray(setting) ? setting[0] : setting;
      if (level !== 'off' && level !== 0) {
        ids.add(id);
      } else {
        ids.delete(id);
      }
    }
  }
  return [...ids];
}
