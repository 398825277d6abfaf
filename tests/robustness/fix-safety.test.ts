import { Script } from 'node:vm';

import tsParser from '@typescript-eslint/parser';
import type * as RuleTesterModule from '@typescript-eslint/rule-tester';
import { parse as parseTypeScript } from '@typescript-eslint/typescript-estree';
import type { Linter, Rule } from 'eslint';
import { describe, expect, it, vi } from 'vitest';

import { checkFixSafety, type FixSafetyProblem } from '../../scripts/lib/fix-safety.mjs';
import { rules } from '../../src/rules/index.js';
import { configFor, createLinter, filenamesFor, lint, type LintSetup, NAMESPACE } from './lint-harness.js';
import { loadRuleCases } from './rule-cases.js';
import { snippets } from './snippets.js';
import { typedFile, typedFixtureRoot } from '../typed-rule-tester.js';

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
  /** Fixes of COUNTED_RULES after which the rule reports as often as before or more. */
  readonly newReports: string[];
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
    checkNoNewReports(code, config, filename, outcome.messages, source, tally);
    return;
  }
}

/** Rules whose fixes add `await`/`async` or rename a mock method: a fix of theirs must leave fewer reports of the rule, never a new one. */
const COUNTED_RULES: ReadonlySet<string> = new Set(['no-unawaited-async-mock', 'no-unawaited-assertion', 'no-mock-async-mismatch'].map((id) => `${NAMESPACE}/${id}`));

function checkNoNewReports(code: string, config: Linter.Config[], filename: string, messages: readonly Linter.LintMessage[], source: string, tally: Tally): void {
  for (const message of messages) {
    if (message.ruleId === null || !COUNTED_RULES.has(message.ruleId)) continue;
    const before = messages.filter((other) => other.ruleId === message.ruleId).length;
    for (const fix of [...(message.fix === undefined ? [] : [message.fix]), ...(message.suggestions ?? []).map((suggestion) => suggestion.fix)]) {
      const output = code.slice(0, fix.range[0]) + fix.text + code.slice(fix.range[1]);
      const after = lint(linter, output, config, filename).messages.filter((other) => other.ruleId === message.ruleId).length;
      if (after >= before) tally.newReports.push(`${source}: ${message.ruleId} ${message.messageId ?? ''} at ${message.line}:${message.column}: ${before} reports before, ${after} after\n${output}`);
    }
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
    const tally: Tally = { fixes: 0, suggestions: 0, byRule: new Map(), problems: [], newReports: [] };
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
    expect(tally.newReports.slice(0, 3)).toEqual([]);

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

/**
 * Every fix shape of the two unawaited rules and of the typed `no-mock-async-mismatch` (issue #26),
 * one case per shape: what is offered (nothing where `await` or `async` would not parse), and
 * for each offer that its output parses with espree and with typescript-estree, that the problem
 * is gone and no new one of the same rule appears, and that a second fix run changes nothing.
 * Script-mode shapes are also compiled by Node itself (`vm.Script`): class `static {}` blocks.
 */
interface FixShape {
  readonly name: string;
  readonly ruleId: string;
  readonly code: string;
  readonly sourceType?: 'module' | 'script';
  /** With type information over tests/fixtures/typed (the typed rule). */
  readonly typed?: boolean;
  /** What each report offers, in order: `fix` for an autofix, else the suggestion's messageId. */
  readonly offers: readonly (readonly string[])[];
}

const shapes: readonly FixShape[] = [
  {
    name: 'add await and async, or return, in a sync test',
    ruleId: 'no-unawaited-async-mock',
    code: `const save = jest.fn().mockRejectedValue(new Error('x'));\nit('a', () => {\n  save();\n});`,
    offers: [['addAwait', 'returnPromise']],
  },
  {
    name: 'await a conditional and a logical expression whole',
    ruleId: 'no-unawaited-async-mock',
    code: `const save = jest.fn().mockRejectedValue(new Error('x'));\nit('a', async () => {\n  ready ? save() : skip();\n  ok && save();\n  expect(save).toHaveBeenCalled();\n});`,
    offers: [['addAwait'], ['addAwait']],
  },
  {
    name: 'await and return a parenthesised sequence',
    ruleId: 'no-unawaited-async-mock',
    code: `const save = jest.fn().mockRejectedValue(new Error('x'));\nit('a', () => {\n  (prepare(), save());\n});`,
    offers: [['addAwait', 'returnPromise']],
  },
  {
    name: 'keep a directive first',
    ruleId: 'no-unawaited-async-mock',
    sourceType: 'script',
    code: `const save = jest.fn().mockRejectedValue(new Error('x'));\nit('a', function () {\n  'use strict';\n  save();\n});`,
    offers: [['addAwait', 'returnPromise']],
  },
  {
    name: 'no async for a script function naming await',
    ruleId: 'no-unawaited-async-mock',
    sourceType: 'script',
    code: `const save = jest.fn().mockRejectedValue(new Error('x'));\nit('a', function () {\n  var await = 1;\n  save(await);\n});`,
    offers: [['returnPromise']],
  },
  {
    name: 'no await in a class static block',
    ruleId: 'no-unawaited-async-mock',
    sourceType: 'script',
    code: `const save = jest.fn().mockRejectedValue(new Error('x'));\nit('a', async function () {\n  class Fixture {\n    static {\n      save();\n    }\n  }\n  save();\n  expect(Fixture).toBeDefined();\n});`,
    offers: [[], ['addAwait']],
  },
  {
    name: 'shorthand: computed keys keep their quotes, a sequence argument its parentheses',
    ruleId: 'no-unawaited-async-mock',
    code: `const get = vi.fn();\nvi.fn()['mockReturnValue'](Promise.reject(new Error('x')));\nget[\`mockReturnValueOnce\`](Promise.reject(err));\nget.mockReturnValue(Promise.reject((log(), err)));\n(get.mockReturnValueOnce)(Promise.reject(err));`,
    offers: [['useShorthand'], ['useShorthand'], ['useShorthand'], ['useShorthand']],
  },
  {
    name: 'autofix in an async test, suggestions in a sync one',
    ruleId: 'no-unawaited-assertion',
    code: `it('a', async () => {\n  expect(load()).resolves.toBe(1);\n  (setup(), expect(load()).rejects.toThrow());\n});\nit('b', () => {\n  expect(load()).resolves.toBe(1);\n});`,
    offers: [['fix'], ['fix'], ['addAwait', 'returnPromise']],
  },
  {
    name: 'no autofix in a class static block; none for a script function naming await',
    ruleId: 'no-unawaited-assertion',
    sourceType: 'script',
    code: `it('a', async function () {\n  class Fixture {\n    static {\n      expect(load()).resolves.toBe(1);\n    }\n  }\n  expect(load()).resolves.toBe(2);\n});\nit('b', function () {\n  var await = load();\n  expect(await).resolves.toBe(1);\n});`,
    offers: [[], ['fix'], ['returnPromise']],
  },
  {
    name: 'typed: rename keeps identifier, quoted and template keys',
    ruleId: 'no-mock-async-mismatch',
    typed: true,
    code: `import { vi } from 'vitest';\nimport { fetchUser, formatUser, plainUser } from './api';\nvi.mocked(fetchUser).mockReturnValue(plainUser);\nvi.mocked(fetchUser)['mockReturnValueOnce'](plainUser);\nvi.mocked(fetchUser)[\`mockReturnValue\`](plainUser);\nvi.mocked(formatUser)['mockResolvedValue']('1:a');`,
    offers: [['fix'], ['fix'], ['fix'], ['useReturnValue']],
  },
  {
    name: 'typed: make an implementation async, also a parenthesised one',
    ruleId: 'no-mock-async-mismatch',
    typed: true,
    code: `import { vi } from 'vitest';\nimport { service, plainUser } from './api';\nvi.spyOn(service, 'getUser').mockImplementation(() => plainUser);\nvi.spyOn(service, 'getUser').mockImplementation((function () { return plainUser; }));`,
    offers: [['makeImplementationAsync'], ['makeImplementationAsync']],
  },
];

function shapeConfig(shape: FixShape): Linter.Config[] {
  return [
    {
      files: ['**/*.{js,ts}'],
      languageOptions: {
        parser: tsParser as Linter.Parser,
        sourceType: shape.sourceType ?? 'module',
        parserOptions: shape.typed === true ? { projectService: true, tsconfigRootDir: typedFixtureRoot } : {},
      },
      plugins: { [NAMESPACE]: { rules } as never },
      rules: { [`${NAMESPACE}/${shape.ruleId}`]: 'error' },
    },
  ];
}

/** Parses `text` with espree (ESLint's default parser) and with typescript-estree; the first error, or null. */
function parseError(text: string, sourceType: 'module' | 'script'): string | null {
  const espreeFatal = createLinter()
    .verify(text, [{ languageOptions: { sourceType } }], { filename: 'output.js' })
    .find((message) => message.fatal === true);
  if (espreeFatal !== undefined) {
    return `espree: ${espreeFatal.message}`;
  }
  try {
    parseTypeScript(text, { loc: true, range: true });
  } catch (error) {
    return `typescript-estree: ${String(error)}`;
  }
  return null;
}

describe('fix shapes of the async rules', () => {
  for (const shape of shapes) {
    it(shape.name, () => {
      const config = shapeConfig(shape);
      const filename = shape.typed === true ? typedFile('file.ts') : 'shape.test.js';
      const linter = createLinter();
      const messages = linter.verify(shape.code, config, { filename });
      expect(messages.filter((message) => message.fatal === true)).toEqual([]);
      expect(messages.map((message) => [...(message.fix === undefined ? [] : ['fix']), ...(message.suggestions ?? []).map((suggestion) => suggestion.messageId ?? '')])).toEqual(
        shape.offers,
      );
      const result = checkFixSafety(linter, config, shape.code, filename, { rulePrefix: `${NAMESPACE}/`, messages });
      expect(result.problems, describeProblems(result.problems.map((problem) => ({ ...problem, source: shape.name })))).toEqual([]);
      for (const message of messages) {
        for (const fix of [...(message.fix === undefined ? [] : [message.fix]), ...(message.suggestions ?? []).map((suggestion) => suggestion.fix)]) {
          const output = shape.code.slice(0, fix.range[0]) + fix.text + shape.code.slice(fix.range[1]);
          expect(parseError(output, shape.sourceType ?? 'module'), output).toBeNull();
          if (shape.sourceType === 'script') {
            expect(() => new Script(output), output).not.toThrow();
          }
          // A fix never makes a new problem of its own rule: the output has fewer reports than the input.
          expect(linter.verify(output, config, { filename }).length, output).toBeLessThan(messages.length);
        }
      }
    });
  }
});
