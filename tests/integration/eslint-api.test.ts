// ESLint's Node API (majors 9 and 10), resolved from a temp project the way a tool would resolve it, with the
// built plugin loaded from that project's eslint.config.js / eslint.config.cjs and from overrideConfig.
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

import { BAD_FINDING, BAD_TEST, cjsConfig, FIXED_TEST, PERMISSIVE_MESSAGE, QUALIFIED_RULE_ID, TEST_FILES_GLOB, type ConfigName, userProjectFiles } from './support/fixtures.js';
import { assertBuilt, createProject, type EslintMajor, type TempProject } from './support/project.js';

// Each test spawns real programs; leave room for a loaded machine.
vi.setConfig({ testTimeout: 90_000, hookTimeout: 90_000 });

interface LintMessage {
  ruleId: string | null;
  severity: number;
  message: string;
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
  fix?: unknown;
  suggestions?: { desc: string; fix: { range: [number, number]; text: string } }[];
}
interface LintResult {
  filePath: string;
  messages: LintMessage[];
  output?: string;
}
interface ESLintInstance {
  lintFiles(patterns: string[]): Promise<LintResult[]>;
  lintText(code: string, options: { filePath: string }): Promise<LintResult[]>;
  calculateConfigForFile(filePath: string): Promise<{ rules?: Record<string, unknown> }>;
}
interface ESLintModule {
  ESLint: (new (options: Record<string, unknown>) => ESLintInstance) & { version: string; outputFixes(results: LintResult[]): Promise<void> };
  loadESLint(options?: { useFlatConfig?: boolean }): Promise<new (options: Record<string, unknown>) => ESLintInstance>;
}
interface PluginLike {
  rules: Record<string, unknown>;
  configs: Record<ConfigName, { name?: string; rules?: Record<string, unknown>; plugins?: Record<string, unknown> }>;
}

/** Imports a package as code in the project would: resolved from the project directory. */
async function importFrom<T>(project: TempProject, specifier: string): Promise<T> {
  const resolved = createRequire(project.path('package.json')).resolve(specifier);
  return (await import(pathToFileURL(resolved).href)) as T;
}

const severity = (entry: unknown): unknown => (Array.isArray(entry) ? entry[0] : entry);

const majors: EslintMajor[] = [9, 10];

describe.each(majors)('ESLint %i Node API', (major) => {
  const project = createProject({
    eslint: major,
    link: ['@typescript-eslint/parser'],
    files: userProjectFiles(),
  });
  let api: ESLintModule | undefined;
  const eslintModule = (): ESLintModule => {
    if (api === undefined) {
      throw new Error('eslint did not load');
    }
    return api;
  };

  beforeAll(async () => {
    assertBuilt();
    api = await importFrom<ESLintModule>(project, 'eslint');
    expect(api.ESLint.version.split('.')[0]).toBe(String(major));
  });
  afterAll(() => project.remove());

  it('lintFiles reports our finding with position and suggestion, and nothing on the clean file', async () => {
    const eslint = new (eslintModule().ESLint)({ cwd: project.dir });
    const results = await eslint.lintFiles(['test']);
    const byName = Object.fromEntries(results.map((result) => [result.filePath.replace(/\\/gu, '/').split('/').pop(), result.messages]));
    expect(byName['health.test.cjs']).toEqual([]);
    expect(byName['users.test.ts']).toMatchObject([{ ruleId: QUALIFIED_RULE_ID, severity: 2, message: PERMISSIVE_MESSAGE, ...BAD_FINDING }]);
    const [message] = byName['users.test.ts'] ?? [];
    expect(message?.fix).toBeUndefined();
    const fix = message?.suggestions?.[0]?.fix;
    expect(fix === undefined ? undefined : BAD_TEST.slice(0, fix.range[0]) + fix.text + BAD_TEST.slice(fix.range[1])).toBe(FIXED_TEST);
  });

  it('lintText with fix: true produces no output for suggestion-only problems', async () => {
    const eslint = new (eslintModule().ESLint)({ cwd: project.dir, fix: true });
    const [result] = await eslint.lintText(BAD_TEST, { filePath: project.path('test/inline.test.ts') });
    expect(result?.output).toBeUndefined();
    expect(result?.messages.map((m) => m.ruleId)).toEqual([QUALIFIED_RULE_ID]);
  });

  it('loadESLint() finds the flat config and gives the same finding', async () => {
    const FlatESLint = await eslintModule().loadESLint();
    const [result] = await new FlatESLint({ cwd: project.dir }).lintFiles(['test/users.test.ts']);
    expect(result?.messages).toMatchObject([{ ruleId: QUALIFIED_RULE_ID, line: BAD_FINDING.line, column: BAD_FINDING.column }]);
  });

  it.each<ConfigName>(['recommended', 'strict', 'all'])('overrideConfig with the built %s config turns on its rules and reports', async (config) => {
    const plugin = (await importFrom<{ default: PluginLike }>(project, 'eslint-plugin-test-quality')).default;
    const tsParser = await importFrom<{ default: unknown }>(project, '@typescript-eslint/parser');
    const eslint = new (eslintModule().ESLint)({
      cwd: project.dir,
      overrideConfigFile: true,
      overrideConfig: [{ files: TEST_FILES_GLOB, languageOptions: { parser: tsParser.default }, ...plugin.configs[config] }],
    });
    const resolved = await eslint.calculateConfigForFile(project.path('test/users.test.ts'));
    const ours = Object.fromEntries(
      Object.entries(resolved.rules ?? {})
        .filter(([id]) => id.startsWith('test-quality/'))
        .map(([id, entry]) => [id, severity(entry)]),
    );
    expect(plugin.configs[config].name).toBe(`test-quality/${config}`);
    expect(ours).toEqual(Object.fromEntries(Object.keys(plugin.configs[config].rules ?? {}).map((id) => [id, 2])));
    if (config === 'all') {
      expect(Object.keys(ours).sort()).toEqual(Object.keys(plugin.rules).map((id) => `test-quality/${id}`).sort());
    }
    const [result] = await eslint.lintFiles(['test/users.test.ts']);
    expect(result?.messages.filter((m) => m.ruleId === QUALIFIED_RULE_ID)).toMatchObject([{ line: BAD_FINDING.line, column: BAD_FINDING.column }]);
  });

  it('loads the plugin from an eslint.config.cjs that require()s it', async () => {
    const cjsProject = createProject({
      eslint: major,
      link: ['@typescript-eslint/parser'],
      files: { 'package.json': '{"name":"cjs-project"}', 'eslint.config.cjs': cjsConfig(), 'test/users.test.ts': BAD_TEST },
    });
    try {
      const requireFromProject = createRequire(cjsProject.path('package.json'));
      const required = requireFromProject('eslint-plugin-test-quality') as PluginLike & { default?: unknown };
      expect(required.default).toBeUndefined();
      expect(Object.keys(required.configs).sort()).toEqual(['all', 'recommended', 'recommended-type-checked', 'strict']);
      const eslint = new (eslintModule().ESLint)({ cwd: cjsProject.dir });
      const [result] = await eslint.lintFiles(['test/users.test.ts']);
      expect(result?.messages).toMatchObject([{ ruleId: QUALIFIED_RULE_ID, ...BAD_FINDING }]);
    } finally {
      cjsProject.remove();
    }
  });
});
