// Oxlint: the same built plugin, loaded as an oxlint JS plugin (`jsPlugins` in .oxlintrc.json), must give the same
// findings (rule, line, column, message) as ESLint on examples/ and on our rule tests' invalid cases.
import { cpSync, existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

import { BAD_FINDING, BAD_TEST, FIXED_TEST, PERMISSIVE_MESSAGE, QUALIFIED_RULE_ID } from './support/fixtures.js';
import { REPO_MODULES, REPO_ROOT, assertBuilt, builtPlugin, createProject, run, type TempProject } from './support/project.js';
import { invalidCases, testedRuleIds } from './support/rule-cases.js';

// Each test spawns real programs; leave room for a loaded machine.
vi.setConfig({ testTimeout: 90_000, hookTimeout: 90_000 });

interface OxlintReport {
  diagnostics: { message: string; code: string; severity: string; filename: string; labels: { span: { line: number; column: number } }[] }[];
}
interface Finding {
  readonly file: string;
  readonly rule: string;
  readonly line: number;
  readonly column: number;
  readonly message: string;
}

const OXLINT_BIN = join(REPO_MODULES, 'oxlint', 'bin', 'oxlint');
const TEST_FILE = /(\.(test|spec)\.[cm]?[jt]sx?|\/__tests__\/.+\.[cm]?[jt]sx?)$/u;

/** The rules to compare: every rule that runs without type information, at its default options. */
async function syntacticRules(): Promise<string[]> {
  const plugin = await builtPlugin();
  return Object.entries(plugin.rules)
    .filter(([, rule]) => (rule.meta.docs as { requiresTypeChecking?: boolean } | undefined)?.requiresTypeChecking !== true)
    .map(([id]) => `test-quality/${id}`)
    .sort();
}

/** The `.oxlintrc.json` block of docs/oxlint.md, verbatim. */
function documentedConfigText(): string {
  const doc = readFileSync(join(REPO_ROOT, 'docs', 'oxlint.md'), 'utf8');
  const block = [...doc.matchAll(/```json\n([\s\S]*?)```/gu)].map((match) => match[1] ?? '').find((text) => text.includes('"jsPlugins"'));
  if (block === undefined) {
    throw new Error('docs/oxlint.md has no ```json block with "jsPlugins"');
  }
  return block;
}

const documentedConfig = (): { jsPlugins: string[]; rules: Record<string, unknown> } =>
  JSON.parse(documentedConfigText()) as { jsPlugins: string[]; rules: Record<string, unknown> };

/**
 * The documented config with `rules` replaced by the rules to compare, and oxlint's own default rules turned off
 * so that only our findings appear.
 */
const oxlintConfig = (rules: readonly string[]): string =>
  JSON.stringify({ ...documentedConfig(), plugins: [], categories: { correctness: 'off' }, rules: Object.fromEntries(rules.map((id) => [id, 'error'])) }, null, 2);

const key = (finding: Finding): string => `${finding.file}:${finding.line}:${finding.column} ${finding.rule} ${finding.message}`;

async function runOxlint(project: TempProject, paths: readonly string[]): Promise<{ findings: Finding[]; unparsable: Set<string> }> {
  const result = await run(process.execPath, [OXLINT_BIN, '-c', '.oxlintrc.json', '--format', 'json', ...paths], { cwd: project.dir, timeoutMs: 60_000 });
  if (result.code !== 0 && result.code !== 1) {
    throw new Error(`oxlint failed (${result.code}):\n${result.stdout}\n${result.stderr}`);
  }
  const report = JSON.parse(result.stdout) as OxlintReport;
  const findings: Finding[] = [];
  const unparsable = new Set<string>();
  for (const diagnostic of report.diagnostics) {
    const match = /^test-quality\((.+)\)$/u.exec(diagnostic.code);
    const file = diagnostic.filename.replace(/\\/gu, '/');
    if (match === null) {
      // Anything that is not our rule is a parse error (only our rules are on).
      unparsable.add(file);
      continue;
    }
    const span = diagnostic.labels[0]?.span;
    findings.push({ file, rule: `test-quality/${match[1] ?? ''}`, line: span?.line ?? 0, column: span?.column ?? 0, message: diagnostic.message });
  }
  return { findings, unparsable };
}

interface ESLintInstance {
  lintFiles(patterns: string[]): Promise<{ filePath: string; messages: { ruleId: string | null; line: number; column: number; message: string; fatal?: boolean }[] }[]>;
}

async function runEslint(project: TempProject, paths: readonly string[], rules: readonly string[], scriptFiles: readonly string[]): Promise<{ findings: Finding[]; unparsable: Set<string> }> {
  const { ESLint } = (await import('eslint')) as unknown as { ESLint: new (options: object) => ESLintInstance };
  const plugin = await builtPlugin();
  const tsParser = (await import('@typescript-eslint/parser')) as unknown as { default?: unknown };
  const eslint = new ESLint({
    cwd: project.dir,
    overrideConfigFile: true,
    overrideConfig: [
      {
        files: ['**/*.{js,jsx,ts,tsx,mjs,cjs,mts,cts}'],
        plugins: { 'test-quality': plugin },
        languageOptions: { parser: tsParser.default ?? tsParser, parserOptions: { ecmaFeatures: { jsx: true } } },
        rules: Object.fromEntries(rules.map((id) => [id, 'error'])),
      },
      ...(scriptFiles.length > 0 ? [{ files: [...scriptFiles], languageOptions: { sourceType: 'script' } }] : []),
    ],
  });
  const findings: Finding[] = [];
  const unparsable = new Set<string>();
  for (const result of await eslint.lintFiles([...paths])) {
    const file = relative(project.dir, result.filePath).replace(/\\/gu, '/');
    for (const message of result.messages) {
      if (message.fatal === true || message.ruleId === null) {
        unparsable.add(file);
      } else {
        findings.push({ file, rule: message.ruleId, line: message.line, column: message.column, message: message.message });
      }
    }
  }
  return { findings, unparsable };
}

function listFiles(dir: string, base: string): string[] {
  if (!existsSync(dir)) {
    return [];
  }
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (name === 'node_modules') {
      return [];
    }
    return statSync(path).isDirectory() ? listFiles(path, base) : [relative(base, path).replace(/\\/gu, '/')];
  });
}

describe('oxlint JS plugin', () => {
  const project = createProject({
    link: ['oxlint', '@typescript-eslint/parser'],
    files: { 'package.json': JSON.stringify({ name: 'user-project', private: true, type: 'module' }), 'test/users.test.ts': BAD_TEST },
  });
  let rules: string[] = [];

  beforeAll(async () => {
    assertBuilt();
    rules = await syntacticRules();
    project.write('.oxlintrc.json', oxlintConfig(rules));
  });
  afterAll(() => project.remove());

  it('loads the built plugin from node_modules and reports our finding with rule, position and message', async () => {
    const { findings, unparsable } = await runOxlint(project, ['test/users.test.ts']);
    expect([...unparsable]).toEqual([]);
    expect(findings).toEqual([{ file: 'test/users.test.ts', rule: QUALIFIED_RULE_ID, line: BAD_FINDING.line, column: BAD_FINDING.column, message: PERMISSIVE_MESSAGE }]);
  });

  it('docs/oxlint.md lists exactly the rules of the built recommended config', async () => {
    const plugin = await builtPlugin();
    const documented = documentedConfig();
    expect(documented.jsPlugins).toEqual(['eslint-plugin-test-quality']);
    expect(documented.rules).toEqual(plugin.configs.recommended.rules);
  });

  it('the documented bare `npx oxlint` with the documented config reports our findings only: not in node_modules, no oxlint default rules', async () => {
    const userProject = createProject({
      link: ['oxlint'],
      files: {
        'package.json': JSON.stringify({ name: 'user-project', private: true, type: 'module' }),
        '.oxlintrc.json': documentedConfigText(),
        'test/users.test.ts': BAD_TEST,
        // What oxlint's default rules would report (no-debugger), and a test file inside an installed package.
        'src/users.js': 'export function getUser() {\n  debugger;\n  return null;\n}\n',
        'node_modules/some-library/test/users.test.ts': BAD_TEST,
      },
    });
    try {
      const result = await run(process.execPath, [OXLINT_BIN, '--format', 'json'], { cwd: userProject.dir, timeoutMs: 60_000 });
      expect(result.code, result.stderr).toBe(1);
      const report = JSON.parse(result.stdout) as OxlintReport;
      expect(report.diagnostics.map((diagnostic) => `${diagnostic.filename} ${diagnostic.code}`)).toEqual([`test/users.test.ts test-quality(${QUALIFIED_RULE_ID.split('/')[1] ?? ''})`]);
    } finally {
      userProject.remove();
    }
  });

  it('--fix leaves our suggestion alone; --fix-suggestions applies it', async () => {
    project.write('test/fix-me.test.ts', BAD_TEST);
    const fix = await run(process.execPath, [OXLINT_BIN, '-c', '.oxlintrc.json', '--fix', 'test/fix-me.test.ts'], { cwd: project.dir });
    expect(fix.code).toBe(1);
    expect(project.read('test/fix-me.test.ts')).toBe(BAD_TEST);
    const suggestions = await run(process.execPath, [OXLINT_BIN, '-c', '.oxlintrc.json', '--fix-suggestions', 'test/fix-me.test.ts'], { cwd: project.dir });
    expect(suggestions.code).toBe(0);
    expect(project.read('test/fix-me.test.ts')).toBe(FIXED_TEST);
  });

  it('gives the same findings as ESLint on examples/', async () => {
    const examples = listFiles(join(REPO_ROOT, 'examples'), REPO_ROOT).filter((file) => TEST_FILE.test(file));
    expect(examples.length).toBeGreaterThan(0);
    cpSync(join(REPO_ROOT, 'examples'), project.path('examples'), { recursive: true, filter: (source) => !source.includes('node_modules') });
    const scripts = examples.filter((file) => file.endsWith('.cjs'));
    const oxlint = await runOxlint(project, examples);
    const eslint = await runEslint(project, examples, rules, scripts);
    expect([...oxlint.unparsable]).toEqual([]);
    expect(oxlint.findings.map(key).sort()).toEqual(eslint.findings.map(key).sort());
    expect(eslint.findings.length).toBeGreaterThan(0);
  });

  it('gives the same findings as ESLint on every rule test invalid case that oxlint can parse', async () => {
    const files: string[] = [];
    const scripts: string[] = [];
    for (const ruleId of testedRuleIds()) {
      if (!rules.includes(`test-quality/${ruleId}`)) {
        continue;
      }
      for (const ruleCase of invalidCases(ruleId)) {
        const file = `cases/${ruleId}/${ruleCase.index}/${ruleCase.filename}`;
        project.write(file, ruleCase.code);
        files.push(file);
        if (ruleCase.sourceType === 'script') {
          scripts.push(file);
        }
      }
    }
    expect(files.length).toBeGreaterThan(0);
    const oxlint = await runOxlint(project, files);
    const eslint = await runEslint(project, files, rules, scripts);
    const comparable = (finding: Finding): boolean => !oxlint.unparsable.has(finding.file) && !eslint.unparsable.has(finding.file);
    const oxlintKeys = oxlint.findings.filter(comparable).map(key).sort();
    const eslintKeys = eslint.findings.filter(comparable).map(key).sort();
    expect(oxlintKeys).toEqual(eslintKeys);
    // Most cases must be comparable, or this test proves little.
    expect(oxlint.unparsable.size).toBeLessThanOrEqual(Math.floor(files.length / 10));
    // Every extracted case is an invalid case at default options: ESLint must report something in each.
    const silent = files.filter((file) => !eslintKeys.some((entry) => entry.startsWith(`${file}:`)));
    expect(silent, 'invalid cases that ESLint does not report: is that rule test itself failing?').toEqual([]);
  });
});
