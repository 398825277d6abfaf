import type * as RuleTesterModule from '@typescript-eslint/rule-tester';
import type { Linter, Rule } from 'eslint';
import { describe, expect, it, vi } from 'vitest';

import { checkFixSafety, type FixSafetyProblem } from '../../scripts/lib/fix-safety.mjs';
import { rules } from '../../src/rules/index.js';
import { configFor, createLinter, filenamesFor, lint, type LintSetup, NAMESPACE } from './lint-harness.js';
import { loadRuleCases } from './rule-cases.js';
import { snippets } from './snippets.js';

// Read the rule tests' cases as data instead of running them (see rule-cases.ts).
vi.mock('@typescript-eslint/rule-tester', async (importOriginal) => ({
  ...(await importOriginal<typeof RuleTesterModule>()),
  RuleTester: (await import('./rule-cases.js')).CapturingRuleTester,
}));

/**
 * Every autofix and suggestion our rules offer, on the seed snippets and on the rule tests'
 * cases: the output parses, re-linting no longer reports the same problem at that place, and
 * running the autofixes to completion and then once more changes nothing.
 */
const linter = createLinter();

interface Tally {
  fixes: number;
  suggestions: number;
  readonly byRule: Map<string, number>;
  readonly problems: (FixSafetyProblem & { readonly source: string })[];
}

function check(code: string, setup: LintSetup, filenames: readonly string[], source: string, tally: Tally): void {
  const config = configFor(setup);
  for (const filename of filenames) {
    const outcome = lint(linter, code, config, filename);
    if (outcome.fatal || outcome.crash !== null) continue;
    const result = checkFixSafety(linter, config, code, filename, { rulePrefix: `${NAMESPACE}/`, messages: [...outcome.messages] });
    tally.fixes += result.fixes;
    tally.suggestions += result.suggestions;
    for (const message of outcome.messages) {
      const offers = (message.fix === undefined ? 0 : 1) + (message.suggestions?.length ?? 0);
      if (offers > 0 && message.ruleId !== null) tally.byRule.set(message.ruleId, (tally.byRule.get(message.ruleId) ?? 0) + offers);
    }
    tally.problems.push(...result.problems.map((problem) => ({ ...problem, source })));
    return;
  }
}

function describeProblems(problems: Tally['problems']): string {
  return problems
    .slice(0, 5)
    .map((problem) => `${problem.source}: ${problem.problem} after ${problem.kind}${problem.desc === undefined ? '' : ` "${problem.desc}"`} of ${problem.ruleId} at ${problem.line}:${problem.column} — ${problem.detail}\n--- output ---\n${problem.output}`)
    .join('\n\n');
}

describe('fix safety', () => {
  it('holds for every fix and suggestion on the seed snippets and rule test cases', async () => {
    const tally: Tally = { fixes: 0, suggestions: 0, byRule: new Map(), problems: [] };
    for (const snippet of snippets) {
      check(snippet.code, { sourceType: snippet.sourceType }, [snippet.filename], `snippet ${snippet.name}`, tally);
    }
    const cases = await loadRuleCases();
    for (const [index, ruleCase] of cases.entries()) {
      if (ruleCase.kind !== 'invalid') continue;
      const setup: LintSetup = {
        sourceType: ruleCase.sourceType,
        settings: ruleCase.settings,
        ruleOptions: ruleCase.options === undefined ? undefined : { ruleId: ruleCase.ruleId, options: ruleCase.options },
      };
      check(ruleCase.code, setup, filenamesFor(ruleCase.filename), `${ruleCase.ruleId} invalid case #${index}`, tally);
    }
    expect(tally.problems, describeProblems(tally.problems)).toEqual([]);

    // Not vacuous: every rule whose (untyped) tests expect a fix or suggestion had some checked here.
    const offering = new Set(
      cases.filter((ruleCase) => ruleCase.expectsFix && !ruleCase.typed && ruleCase.ruleId in rules).map((ruleCase) => `${NAMESPACE}/${ruleCase.ruleId}`),
    );
    const unchecked = [...offering].filter((id) => (tally.byRule.get(id) ?? 0) === 0);
    expect(unchecked).toEqual([]);
  }, 180_000);
});

// The checker itself must catch broken fixes, or the test above proves nothing.
function fixer(fix: (node: Rule.Node, fixer: Rule.RuleFixer) => Rule.Fix, suggest: boolean): Rule.RuleModule {
  return {
    meta: { type: 'problem', fixable: 'code', hasSuggestions: true, schema: [], messages: { bad: 'bad', apply: 'apply' } },
    create(context) {
      return {
        'CallExpression[callee.name="flaky"]'(node: Rule.Node) {
          context.report(
            suggest
              ? { node, messageId: 'bad', suggest: [{ messageId: 'apply', fix: (f) => fix(node, f) }] }
              : { node, messageId: 'bad', fix: (f) => fix(node, f) },
          );
        },
      };
    },
  };
}

const badRules: Record<string, Rule.RuleModule> = {
  'breaks-syntax': fixer((node, f) => f.insertTextAfter(node, ' )('), false),
  'keeps-reporting': fixer((node, f) => f.insertTextBefore(node, 'void '), true),
  // Appends a blank line on every pass, so a fix run never converges.
  'never-settles': {
    meta: { type: 'problem', fixable: 'whitespace', schema: [], messages: { bad: 'bad' } },
    create(context) {
      return {
        Program(node) {
          context.report({ node, messageId: 'bad', fix: (f) => f.insertTextAfterRange([node.range?.[1] ?? 0, node.range?.[1] ?? 0], '\n') });
        },
      };
    },
  },
};

describe('fix safety checker', () => {
  const code = 'flaky();\n';
  for (const [id, expected] of [
    ['breaks-syntax', 'parse'],
    ['keeps-reporting', 'still-reported'],
    ['never-settles', 'not-idempotent'],
  ] as const) {
    it(`reports a ${expected} problem for a fix that ${id.replace('-', ' ')}`, () => {
      const config: Linter.Config[] = [{ plugins: { bad: { rules: badRules } }, rules: { [`bad/${id}`]: 'error' } }];
      const result = checkFixSafety(createLinter(), config, code, 'file.js', { rulePrefix: 'bad/' });
      expect(result.problems.map((problem) => problem.problem)).toContain(expected);
    });
  }
});
