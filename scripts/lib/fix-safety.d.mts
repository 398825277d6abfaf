import type { Linter } from 'eslint';

export interface FixSafetyProblem {
  readonly ruleId: string;
  readonly messageId: string | undefined;
  readonly line: number;
  readonly column: number;
  readonly kind: 'autofix' | 'suggestion' | 'fix-all';
  readonly desc?: string;
  readonly problem: 'parse' | 'still-reported' | 'not-idempotent' | 'crash';
  readonly detail: string;
  readonly output: string;
}

export interface FixSafetyResult {
  readonly fixes: number;
  readonly suggestions: number;
  readonly problems: readonly FixSafetyProblem[];
}

export function checkFixSafety(
  linter: Linter,
  config: Linter.Config[],
  code: string,
  filename: string,
  options?: { readonly rulePrefix?: string; readonly messages?: Linter.LintMessage[] },
): FixSafetyResult;
