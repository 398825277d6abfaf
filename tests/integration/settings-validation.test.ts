// Bad `settings['test-quality']` and a rule option regex that does not compile stop the lint run with one error
// naming the key, through the real ESLint CLI and Node API (majors 9 and 10) on a temp project using the built plugin.
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

import { BAD_TEST, QUALIFIED_RULE_ID, TEST_FILES_GLOB } from './support/fixtures.js';
import { assertBuilt, createProject, runEslint, type EslintMajor, type TempProject } from './support/project.js';

vi.setConfig({ testTimeout: 90_000, hookTimeout: 90_000 });

/** The README config plus the given `settings` and extra rule entries. */
const configWith = (settings: unknown, rules: Record<string, unknown> = {}): string => `import tsParser from '@typescript-eslint/parser';
import testQuality from 'eslint-plugin-test-quality';

export default [
  {
    files: ${JSON.stringify(TEST_FILES_GLOB)},
    languageOptions: { parser: tsParser },
    ...testQuality.configs.recommended,
    settings: { 'test-quality': ${JSON.stringify(settings)} },
  },
  { files: ['**/*.ts'], rules: ${JSON.stringify(rules)} },
];
`;

const BAD_SETTINGS = { pathAlias: { '@/': 'src/' }, pathAliases: 5, testFunctions: 'scenario' };
const SETTINGS_ERROR = [
  "eslint-plugin-test-quality: invalid settings['test-quality']:",
  '\t- "pathAlias" is not a setting of this plugin (did you mean "pathAliases"?); the settings are testFunctions, suiteFunctions, assertFunctions, frameworkModules, pathAliases, vitestGlobals.',
  `\t- "pathAliases" should be an object mapping import prefixes to folders (strings), e.g. { '@/': 'src/' }; got 5 (number).`,
  `\t- "testFunctions" should be an array of non-empty strings, e.g. ['scenario']; got "scenario" (string).`,
].join('\n');
const BAD_IGNORE = { 'test-quality/max-mocks-per-test': ['error', { ignore: ['console', '/logger(/u'] }] };
const REGEX_ERROR =
  'eslint-plugin-test-quality: rule "test-quality/max-mocks-per-test": option "ignore"[1] is "/logger(/u", which is written as a regular expression (/source/flags) but does not compile: Invalid regular expression: /logger(/u: Unterminated group. Fix the pattern, or write the exact name without slashes.';

interface ESLintModule {
  ESLint: new (options: Record<string, unknown>) => { lintFiles(patterns: string[]): Promise<{ messages: { ruleId: string | null }[] }[]> };
}

async function lintWithApi(project: TempProject): Promise<{ ruleIds: (string | null)[] } | { error: string }> {
  const resolved = createRequire(project.path('package.json')).resolve('eslint');
  const { ESLint } = (await import(pathToFileURL(resolved).href)) as ESLintModule;
  try {
    const results = await new ESLint({ cwd: project.dir }).lintFiles(['test/users.test.ts']);
    return { ruleIds: results.flatMap((result) => result.messages.map((message) => message.ruleId)) };
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  }
}

const majors: EslintMajor[] = [9, 10];

describe.each(majors)('ESLint %i: invalid settings and options', (major) => {
  const projects: TempProject[] = [];
  const projectWith = (config: string): TempProject => {
    const project = createProject({
      eslint: major,
      link: ['@typescript-eslint/parser'],
      files: { 'package.json': JSON.stringify({ name: 'user-project', private: true, type: 'module' }), 'eslint.config.js': config, 'test/users.test.ts': BAD_TEST },
    });
    projects.push(project);
    return project;
  };
  beforeAll(assertBuilt);
  afterAll(() => {
    for (const project of projects) {
      project.remove();
    }
  });

  it('lints as usual with valid settings and a valid ignore pattern (the control)', async () => {
    const project = projectWith(configWith({ pathAliases: { '@/': 'src/' }, testFunctions: ['scenario'] }, { 'test-quality/max-mocks-per-test': ['error', { ignore: ['/^logger\\./u'] }] }));
    const result = await runEslint(major, project, ['test/users.test.ts']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(QUALIFIED_RULE_ID);
    expect(await lintWithApi(project)).toEqual({ ruleIds: [QUALIFIED_RULE_ID] });
  });

  it('CLI: unknown keys and wrong types stop the run (exit 2) with one error naming each key', async () => {
    const result = await runEslint(major, projectWith(configWith(BAD_SETTINGS)), ['test/users.test.ts']);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain(SETTINGS_ERROR);
    expect(result.stderr.split("invalid settings['test-quality']")).toHaveLength(2);
  });

  it('CLI: a settings value that is not an object stops the run', async () => {
    const result = await runEslint(major, projectWith(configWith(['scenario'])), ['test/users.test.ts']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`settings['test-quality'] should be an object such as { testFunctions: ['scenario'] }; got ["scenario"] (array).`);
  });

  it('CLI: an ignore entry written as a regex that does not compile stops the run, naming the rule, option and entry', async () => {
    const result = await runEslint(major, projectWith(configWith({}, BAD_IGNORE)), ['test/users.test.ts']);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain(REGEX_ERROR);
  });

  it('API: lintFiles rejects with the same messages', async () => {
    const settings = await lintWithApi(projectWith(configWith(BAD_SETTINGS)));
    expect(settings).toEqual({ error: expect.stringContaining(SETTINGS_ERROR) as unknown });
    const regex = await lintWithApi(projectWith(configWith({}, BAD_IGNORE)));
    expect(regex).toEqual({ error: expect.stringContaining(REGEX_ERROR) as unknown });
  });
});
