import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Reads the cases of every rule test (tests/rules/*.test.ts) without running them: a test file
 * that mocks `@typescript-eslint/rule-tester` with {@link CapturingRuleTester} and then calls
 * {@link loadRuleCases} gets each `run(name, rule, { valid, invalid })` as data.
 */
export interface RuleCase {
  readonly ruleId: string;
  readonly kind: 'valid' | 'invalid';
  readonly code: string;
  readonly filename: string | undefined;
  readonly options: readonly unknown[] | undefined;
  readonly settings: Readonly<Record<string, unknown>> | undefined;
  readonly sourceType: 'module' | 'script' | 'commonjs' | undefined;
  /** The rule tester was set up for type information (these cases run here without it). */
  readonly typed: boolean;
  /** The case expects an autofix (`output`) or a suggestion. */
  readonly expectsFix: boolean;
}

interface CaseObject {
  readonly code: string;
  readonly filename?: string;
  readonly options?: readonly unknown[];
  readonly settings?: Record<string, unknown>;
  readonly languageOptions?: { readonly sourceType?: 'module' | 'script' | 'commonjs' };
  readonly output?: string | readonly string[] | null;
  readonly errors?: readonly { readonly suggestions?: readonly unknown[] | null }[] | number;
}

interface TesterConfig {
  readonly languageOptions?: { readonly parserOptions?: Record<string, unknown> };
}

const captured: RuleCase[] = [];

function toCase(ruleId: string, kind: RuleCase['kind'], item: string | CaseObject, typed: boolean): RuleCase | null {
  const object: CaseObject = typeof item === 'string' ? { code: item } : item;
  if (typeof object.code !== 'string') {
    return null;
  }
  return {
    ruleId,
    kind,
    code: object.code,
    filename: object.filename,
    options: object.options,
    settings: object.settings,
    sourceType: object.languageOptions?.sourceType,
    typed,
    expectsFix:
      (object.output != null && object.output !== object.code) ||
      (Array.isArray(object.errors) && object.errors.some((error: { suggestions?: readonly unknown[] | null }) => (error.suggestions?.length ?? 0) > 0)),
  };
}

/** Stands in for `RuleTester`: records the cases instead of running them. */
export class CapturingRuleTester {
  static afterAll: unknown;
  static describe: unknown;
  static it: unknown;
  static itOnly: unknown;
  static itSkip: unknown;

  readonly #typed: boolean;

  constructor(config: TesterConfig = {}) {
    const parserOptions = config.languageOptions?.parserOptions ?? {};
    this.#typed = 'project' in parserOptions || 'projectService' in parserOptions;
  }

  run(
    ruleId: string,
    _rule: unknown,
    tests: { readonly valid: readonly (string | CaseObject)[]; readonly invalid: readonly CaseObject[] },
  ): void {
    for (const item of tests.valid) {
      const ruleCase = toCase(ruleId, 'valid', item, this.#typed);
      if (ruleCase !== null) captured.push(ruleCase);
    }
    for (const item of tests.invalid) {
      const ruleCase = toCase(ruleId, 'invalid', item, this.#typed);
      if (ruleCase !== null) captured.push(ruleCase);
    }
  }
}

const rulesTestDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../rules');

/** Imports every rule test file (with the rule tester mocked) and returns their cases. */
export async function loadRuleCases(): Promise<readonly RuleCase[]> {
  if (captured.length === 0) {
    const files = readdirSync(rulesTestDir)
      .filter((name) => name.endsWith('.test.ts'))
      .sort();
    for (const name of files) {
      await import(path.join(rulesTestDir, name));
    }
  }
  return captured;
}
