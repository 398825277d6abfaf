import type { TSESLint } from '@typescript-eslint/utils';

import { validateSettings } from './settings-validation.js';

/**
 * `settings['test-quality']` as users write it. Every list adds to the built-in names;
 * nothing here removes a built-in.
 */
export interface TestQualityUserSettings {
  /** Extra names of test functions (`it`-like), e.g. `['scenario']`. */
  readonly testFunctions?: readonly string[];
  /** Extra names of suite functions (`describe`-like). */
  readonly suiteFunctions?: readonly string[];
  /** Extra assertion helpers called like `assert(actual, ...)`, e.g. `['expectStatus']`. */
  readonly assertFunctions?: readonly string[];
  /** Extra module specifiers that export the framework's globals (`describe`, `it`, `expect`, `vi` …). */
  readonly frameworkModules?: readonly string[];
  /** Import path aliases, prefix to folder, e.g. `{ '@/': 'src/' }`. */
  readonly pathAliases?: Readonly<Record<string, string>>;
  /** The undeclared globals (`describe`, `it`, `expect`) are vitest's: its `globals: true` option. */
  readonly vitestGlobals?: boolean;
}

export interface TestQualitySettings {
  readonly testFunctions: ReadonlySet<string>;
  readonly suiteFunctions: ReadonlySet<string>;
  readonly assertFunctions: ReadonlySet<string>;
  readonly frameworkModules: ReadonlySet<string>;
  readonly pathAliases: ReadonlyMap<string, string>;
  readonly vitestGlobals: boolean;
}

const EMPTY_SETTINGS: TestQualitySettings = {
  testFunctions: new Set(),
  suiteFunctions: new Set(),
  assertFunctions: new Set(),
  frameworkModules: new Set(),
  pathAliases: new Map(),
  vitestGlobals: false,
};

const cache = new WeakMap<object, TestQualitySettings>();

const stringList = (value: unknown): Set<string> =>
  new Set(Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : []);

const stringMap = (value: unknown): Map<string, string> => {
  const result = new Map<string, string>();
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return result;
  }
  for (const [key, target] of Object.entries(value)) {
    if (typeof target === 'string') {
      result.set(key, target);
    }
  }
  return result;
};

/** Parsed settings by their content, so equal settings from two configs are one object (and share models). */
const byContent = new Map<string, TestQualitySettings>();
/** Distinct settings contents kept; past it the map starts over (configs are few; this bounds a long-lived process). */
const MAX_CONTENTS = 256;

const sortedList = (values: ReadonlySet<string>): string[] => [...values].sort();

/** The content of parsed settings as a string: equal strings, equal settings. */
function contentKey(settings: TestQualitySettings): string {
  return JSON.stringify([
    sortedList(settings.testFunctions),
    sortedList(settings.suiteFunctions),
    sortedList(settings.assertFunctions),
    sortedList(settings.frameworkModules),
    [...settings.pathAliases].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
    settings.vitestGlobals,
  ]);
}

/**
 * Reads `settings['test-quality']` once per settings object; throws on malformed settings
 * (`validateSettings`). Equal contents give the same object, so it can key what is computed from
 * the settings (the test model).
 */
export function getSettings(context: Readonly<TSESLint.RuleContext<string, readonly unknown[]>>): TestQualitySettings {
  const all = context.settings as Record<string, unknown> | undefined;
  const raw = all?.['test-quality'];
  if (raw === null || typeof raw !== 'object') {
    validateSettings(raw);
    return EMPTY_SETTINGS;
  }
  const cached = cache.get(raw);
  if (cached !== undefined) {
    return cached;
  }
  validateSettings(raw);
  const source = raw as Record<string, unknown>;
  const parsed: TestQualitySettings = {
    testFunctions: stringList(source['testFunctions']),
    suiteFunctions: stringList(source['suiteFunctions']),
    assertFunctions: stringList(source['assertFunctions']),
    frameworkModules: stringList(source['frameworkModules']),
    pathAliases: stringMap(source['pathAliases']),
    vitestGlobals: source['vitestGlobals'] === true,
  };
  const key = contentKey(parsed);
  let canonical = key === EMPTY_KEY ? EMPTY_SETTINGS : byContent.get(key);
  if (canonical === undefined) {
    if (byContent.size >= MAX_CONTENTS) {
      byContent.clear();
    }
    byContent.set(key, parsed);
    canonical = parsed;
  }
  cache.set(raw, canonical);
  return canonical;
}

const EMPTY_KEY = contentKey(EMPTY_SETTINGS);
