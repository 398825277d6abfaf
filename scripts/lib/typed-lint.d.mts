import type { Linter, Rule } from 'eslint';

import type { Tally } from './typed-corpus.mjs';

export declare const FLOATING: '@typescript-eslint/no-floating-promises';

export interface TypedFinding {
  repo: string;
  file: string;
  path: string;
  line: number;
  column: number;
  endLine?: number;
  ruleId: string;
  messageId?: string;
  message: string;
}

export interface TypedResult {
  summary: Record<string, unknown> & { files: number; findings: number; ruleCrashes: number; parseFailures: number; rules: string[] };
  repos: Record<string, { files: number; filesWithTests: number; tests: number }>;
  crashes: { repo: string; file: string; ruleId: string | null; message: string }[];
  parseFailures: { repo: string; file: string; message: string }[];
  typed: {
    repos: Record<string, Tally>;
    total: Tally;
    projectErrors: { repo: string; file: string; message: string }[];
    brokenConfigs: Record<string, Record<string, string[]>>;
  };
  floating?: TypedFinding[];
  findings: TypedFinding[];
}

/** Lints the test files of every `owner__name` checkout of `options.dirs` with types. */
export declare function lintTyped(
  options: { dirs: string[]; rules: string[] | null; maxFiles: number; compareFloating: boolean; set: string | null },
  env: {
    Linter: typeof Linter;
    plugin: unknown;
    evalRules: Record<string, Rule.RuleModule>;
    namespace: string;
    key: (finding: { ruleId: string; repo: string; file: string; line: number; column: number }) => number;
    maxBytes: number;
  },
): TypedResult;
