// Every ❌/✅ example block of docs/rules/*.md, linted with the built plugin's rule of that doc through ESLint's API:
// a ❌ block must be reported (in each of its top-level tests or suites when it has several), a ✅ block must be clean.
// Options are the plugin configs' (`recommended` first; the rule's defaults for a rule no recommended config turns on,
// as a user who enables it by hand gets them) unless a `<!-- doc-example: {"options": […]} -->` line says
// otherwise; the type-checked rule's examples are linted with type information inside tests/fixtures/typed.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import tsParser, { parse } from '@typescript-eslint/parser';
import type { TSESTree } from '@typescript-eslint/types';
import { ESLint, type Linter } from 'eslint';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

import { assertBuilt, builtPlugin, REPO_ROOT, sourceRuleIds } from '../integration/support/project.js';
import { typedFile, typedFixtureRoot } from '../typed-rule-tester.js';
import { allDocExamples, type DocExample } from './doc-examples.js';

vi.setConfig({ testTimeout: 60_000, hookTimeout: 60_000 });

const NAMESPACE = 'test-quality';
// Not `strict`: a rule that only `strict` turns on (with its `strictOptions`) is documented at its defaults, which
// `all` gives; examples of its strict options say so in a directive.
const CONFIG_ORDER = ['recommended', 'recommended-type-checked', 'all'] as const;
const TEST_CALLS = new Set(['it', 'test', 'specify', 'describe', 'context', 'suite']);

const examplesByRule = allDocExamples(REPO_ROOT);
const examples = [...examplesByRule.values()].flat();
const scratch = mkdtempSync(join(tmpdir(), 'tq-doc-examples-'));
let plugin: Awaited<ReturnType<typeof builtPlugin>>;

beforeAll(async () => {
  assertBuilt();
  plugin = await builtPlugin();
});
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** The rule entry the docs' examples assume: the directive's options, else the first config of CONFIG_ORDER that has the rule. */
function ruleEntry(example: DocExample): Linter.RuleEntry {
  if (example.options !== undefined) {
    return ['error', ...example.options];
  }
  const key = `${NAMESPACE}/${example.ruleId}`;
  for (const name of CONFIG_ORDER) {
    const entry = plugin.configs[name].rules[key];
    if (entry !== undefined) {
      return entry;
    }
  }
  throw new Error(`${example.where}: no config of the plugin turns on ${key}`);
}

const typed = (example: DocExample): boolean => plugin.rules[example.ruleId as keyof typeof plugin.rules].meta.docs?.requiresTypeChecking === true;

/** Lints one example; the type-checked rule's examples as a file of the typed fixture project. */
async function lint(example: DocExample): Promise<Linter.LintMessage[]> {
  const isTyped = typed(example);
  const cwd = isTyped ? typedFixtureRoot : scratch;
  const filePath = isTyped ? typedFile(example.lang === 'tsx' ? 'react.tsx' : example.lang === 'ts' ? 'file.ts' : 'file.js') : join(scratch, example.filename);
  const eslint = new ESLint({
    cwd,
    overrideConfigFile: true,
    overrideConfig: [
      {
        files: ['**/*.{js,jsx,ts,tsx,mjs,cjs,mts,cts}'],
        languageOptions: {
          parser: tsParser,
          parserOptions: { ecmaFeatures: { jsx: true }, ...(isTyped ? { projectService: true, tsconfigRootDir: typedFixtureRoot } : {}) },
        },
        plugins: { [NAMESPACE]: plugin },
        rules: { [`${NAMESPACE}/${example.ruleId}`]: ruleEntry(example) },
      },
    ],
  });
  const [result] = await eslint.lintText(example.code, { filePath });
  return result?.messages ?? [];
}

/** Top-level `it(…)`/`test(…)`/`describe(…)` calls of a block, with their 1-based line ranges. */
function topLevelTests(example: DocExample): { name: string; start: number; end: number }[] {
  const program = parse(example.code, { loc: true, range: true, jsx: true, sourceType: 'module' });
  const calls: { name: string; start: number; end: number }[] = [];
  for (const statement of program.body) {
    if (statement.type !== 'ExpressionStatement' || statement.expression.type !== 'CallExpression') {
      continue;
    }
    let callee: TSESTree.Node = statement.expression.callee;
    while (callee.type === 'MemberExpression') {
      callee = callee.object;
    }
    if (callee.type === 'Identifier' && TEST_CALLS.has(callee.name)) {
      const title = statement.expression.arguments[0];
      const name = `${callee.name}(${title?.type === 'Literal' ? JSON.stringify(title.value) : '…'})`;
      calls.push({ name, start: statement.loc.start.line, end: statement.loc.end.line });
    }
  }
  return calls;
}

const describeMessages = (messages: readonly Linter.LintMessage[]): string =>
  messages.length === 0 ? 'nothing' : messages.map((message) => `\n  ${message.line}:${message.column} ${message.ruleId ?? '(parse)'}: ${message.message}`).join('');

describe('rule docs examples', () => {
  it('every rule has a doc with at least one ❌ and one ✅ example', () => {
    const counts = Object.fromEntries(
      sourceRuleIds().map((id) => {
        const own = examplesByRule.get(id) ?? [];
        return [id, { reported: own.filter((example) => example.expectation === 'reported').length > 0, clean: own.filter((example) => example.expectation === 'clean').length > 0 }];
      }),
    );
    expect(counts).toEqual(Object.fromEntries(sourceRuleIds().map((id) => [id, { reported: true, clean: true }])));
  });

  it.each(examples.map((example) => [example.where, example] as const))('%s', async (_where, example) => {
    const messages = await lint(example);
    const where = `${example.where}, linted as ${example.filename} with ${JSON.stringify(ruleEntry(example))}`;
    const fatal = messages.filter((message) => message.fatal === true || message.ruleId === null);
    expect(fatal, `${where}: does not parse:${describeMessages(fatal)}`).toEqual([]);
    if (example.expectation === 'clean') {
      expect(messages, `${where}: labelled ✅ but reported:${describeMessages(messages)}`).toEqual([]);
      return;
    }
    expect(messages.length, `${where}: labelled ❌ but reported nothing`).toBeGreaterThan(0);
    // A block of several tests or suites is several examples: each must be reported.
    const tests = topLevelTests(example);
    const unreported = (tests.length < 2 ? [] : tests)
      .filter((test) => !messages.some((message) => message.line >= test.start && message.line <= test.end))
      .map((test) => `${test.name} at block lines ${test.start}-${test.end}`);
    expect(unreported, `${where}: labelled ❌ but these tests in it are not reported: ${unreported.join('; ')}; reports:${describeMessages(messages)}`).toEqual([]);
  });
});
