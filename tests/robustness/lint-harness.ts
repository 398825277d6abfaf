import tsParser from '@typescript-eslint/parser';
import { type ESLint, Linter } from 'eslint';

import { RULE_FAILURE_PREFIX } from '../../src/create-rule.js';
import { rules } from '../../src/rules/index.js';
export { seededRandom } from '../../scripts/lib/seeded-random.mjs';

/** Shared by the robustness tests: every rule of src/rules/index.ts, run through the real Linter. */
export const NAMESPACE = 'test-quality';
export const ruleIds: readonly string[] = Object.keys(rules).sort();

const plugin = { rules } as unknown as ESLint.Plugin;

export interface LintSetup {
  readonly sourceType?: 'module' | 'script' | 'commonjs' | undefined;
  readonly settings?: Readonly<Record<string, unknown>> | undefined;
  /** Options for one rule (the others run with their defaults). */
  readonly ruleOptions?: { readonly ruleId: string; readonly options: readonly unknown[] } | undefined;
}

const configCache = new Map<string, Linter.Config[]>();

/** The flat config for a setup (cached: ESLint normalises a new config array on every call). */
export function configFor(setup: LintSetup = {}): Linter.Config[] {
  const key = JSON.stringify([setup.sourceType, setup.settings, setup.ruleOptions]);
  const cached = configCache.get(key);
  if (cached !== undefined) {
    return cached;
  }
  const config = buildConfig(setup);
  configCache.set(key, config);
  return config;
}

function buildConfig(setup: LintSetup): Linter.Config[] {
  const ruleEntries: Linter.RulesRecord = {};
  for (const id of ruleIds) {
    const own = setup.ruleOptions?.ruleId === id ? setup.ruleOptions.options : [];
    ruleEntries[`${NAMESPACE}/${id}`] = ['error', ...own] as Linter.RuleEntry;
  }
  return [
    {
      files: ['**/*.{js,jsx,ts,tsx,mjs,cjs,mts,cts}'],
      linterOptions: { reportUnusedDisableDirectives: 'off' },
      languageOptions: {
        parser: tsParser as Linter.Parser,
        ecmaVersion: 'latest',
        sourceType: setup.sourceType ?? 'module',
        parserOptions: { ecmaFeatures: { jsx: true } },
      },
      ...(setup.settings === undefined ? {} : { settings: { ...setup.settings } }),
      plugins: { [NAMESPACE]: plugin },
      rules: ruleEntries,
    },
  ];
}

export function createLinter(): Linter {
  return new Linter({ configType: 'flat' });
}

export interface LintOutcome {
  readonly messages: readonly Linter.LintMessage[];
  /** Parsing failed (the input is not valid code; not our problem). */
  readonly fatal: boolean;
  /** A rule threw: the rule id (when ESLint names it) and the error. */
  readonly crash: { readonly ruleId: string | null; readonly stack: string } | null;
}

export function lint(linter: Linter, code: string, config: Linter.Config[], filename: string): LintOutcome {
  try {
    const messages = linter.verify(code, config, { filename });
    // createRule turns a rule's error into one message (see docs/architecture.md); here it is a crash.
    const failure = messages.find((message) => message.message.startsWith(RULE_FAILURE_PREFIX));
    if (failure !== undefined) {
      return { messages, fatal: false, crash: { ruleId: failure.ruleId, stack: failure.message } };
    }
    return { messages, fatal: messages.some((message) => message.fatal === true), crash: null };
  } catch (error) {
    const text = error instanceof Error ? (error.stack ?? error.message) : String(error);
    const ruleId = /\nRule: "([^"]+)"/u.exec(error instanceof Error ? error.message : text)?.[1] ?? null;
    return { messages: [], fatal: false, crash: { ruleId, stack: text } };
  }
}


export function pick<T>(random: () => number, items: readonly T[]): T {
  const item = items[Math.floor(random() * items.length)];
  if (item === undefined) {
    throw new Error('pick from an empty list');
  }
  return item;
}

/** A file name that parses the code: the case's own, else TS, else TSX (as the rule tester does). */
export function filenamesFor(filename: string | undefined): readonly string[] {
  return filename === undefined ? ['fuzz.test.ts', 'fuzz.test.tsx'] : [filename];
}
