// The ESLint CLI, majors 9 and 10, on a temp project that installs the built plugin like a user does.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

import { BAD_FINDING, BAD_TEST, BAD_TEST_WITH_NEW_VIOLATION, cjsConfig, configWithRuleOptions, FIXED_TEST, MIXED_FIX_OUTPUT, MIXED_FIX_TEST, PERMISSIVE_MESSAGE, PERMISSIVE_MESSAGE_STYLISH, PIN_SUGGESTION, QUALIFIED_RULE_ID, readmeConfig, RULE_ID, userProjectFiles } from './support/fixtures.js';
import { assertBuilt, builtPlugin, createProject, runEslint, type EslintMajor } from './support/project.js';

// Each test spawns real programs; leave room for a loaded machine.
vi.setConfig({ testTimeout: 90_000, hookTimeout: 90_000 });

interface JsonMessage {
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
interface JsonResult {
  filePath: string;
  messages: JsonMessage[];
  errorCount: number;
  source?: string;
  output?: string;
}

const parseJson = (stdout: string): JsonResult[] => JSON.parse(stdout) as JsonResult[];

/** Applies one ESLint suggestion to the source it was computed on. */
const applySuggestion = (source: string, fix: { range: [number, number]; text: string }): string =>
  source.slice(0, fix.range[0]) + fix.text + source.slice(fix.range[1]);

const majors: EslintMajor[] = [9, 10];

describe.each(majors)('ESLint %i CLI', (major) => {
  const project = createProject({
    eslint: major,
    link: ['@typescript-eslint/parser'],
    files: userProjectFiles(),
  });
  beforeAll(assertBuilt);
  afterAll(() => project.remove());

  it('exits 1 and prints our rule id, position and message for a permissive assertion', async () => {
    const result = await runEslint(major, project, ['test/users.test.ts']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(`${BAD_FINDING.line}:${BAD_FINDING.column}  error  ${PERMISSIVE_MESSAGE_STYLISH}  ${QUALIFIED_RULE_ID}`);
    expect(result.stdout).toContain('1 problem (1 error, 0 warnings)');
  });

  it('exits 0 and prints nothing on a clean CommonJS mocha/chai test', async () => {
    const result = await runEslint(major, project, ['test/health.test.cjs']);
    expect({ code: result.code, stdout: result.stdout, stderr: result.stderr }).toEqual({ code: 0, stdout: '', stderr: '' });
  });

  it('--format json carries the rule id, range, message and a suggestion that fixes the test', async () => {
    const result = await runEslint(major, project, ['--format', 'json', 'test']);
    expect(result.code).toBe(1);
    const results = parseJson(result.stdout);
    const users = results.find((entry) => entry.filePath.endsWith('users.test.ts'));
    const health = results.find((entry) => entry.filePath.endsWith('health.test.cjs'));
    expect(health?.messages).toEqual([]);
    expect(users?.messages).toHaveLength(1);
    const message = users?.messages[0];
    expect(message).toMatchObject({ ruleId: QUALIFIED_RULE_ID, severity: 2, message: PERMISSIVE_MESSAGE, ...BAD_FINDING });
    expect(message?.fix).toBeUndefined();
    expect(message?.suggestions?.map((entry) => entry.desc)).toEqual([PIN_SUGGESTION]);
    const suggestion = message?.suggestions?.[0];
    if (suggestion !== undefined) {
      expect(applySuggestion(BAD_TEST, suggestion.fix)).toBe(FIXED_TEST);
    }
  });

  it('--fix applies the safe autofix, leaves the suggestion-only problem untouched, and still fails', async () => {
    project.write('fix/fix-me.test.ts', MIXED_FIX_TEST);
    const result = await runEslint(major, project, ['--fix', '--format', 'json', 'fix/fix-me.test.ts']);
    expect(result.code).toBe(1);
    expect(project.read('fix/fix-me.test.ts')).toBe(MIXED_FIX_OUTPUT);
    expect(parseJson(result.stdout)[0]?.messages.map((m) => [m.ruleId, m.line, m.column])).toEqual([[QUALIFIED_RULE_ID, BAD_FINDING.line, BAD_FINDING.column]]);
    project.write('fix/fix-me.test.ts', FIXED_TEST);
    const fixed = await runEslint(major, project, ['fix/fix-me.test.ts']);
    expect({ code: fixed.code, stdout: fixed.stdout }).toEqual({ code: 0, stdout: '' });
  });

  it('--print-config shows the README setup turning on exactly the rules of the built recommended config', async () => {
    const plugin = await builtPlugin();
    const printed = await runEslint(major, project, ['--print-config', 'test/users.test.ts']);
    expect(printed.code).toBe(0);
    const rules = (JSON.parse(printed.stdout) as { rules: Record<string, unknown[]> }).rules;
    const ours = Object.fromEntries(Object.entries(rules).filter(([id]) => id.startsWith('test-quality/')).map(([id, entry]) => [id, entry[0]]));
    expect(ours).toEqual(Object.fromEntries(Object.keys(plugin.configs.recommended.rules ?? {}).map((id) => [id, 2])));
    expect(ours[QUALIFIED_RULE_ID]).toBe(2);
  });

  it('loads the plugin from eslint.config.cjs through require()', async () => {
    const cjsProject = createProject({
      eslint: major,
      link: ['@typescript-eslint/parser'],
      files: { 'package.json': '{"name":"cjs-project"}', 'eslint.config.cjs': cjsConfig(), 'test/users.test.ts': BAD_TEST },
    });
    try {
      const result = await runEslint(major, cjsProject, ['--format', 'json', 'test/users.test.ts']);
      expect(result.stderr).toBe('');
      expect(result.code).toBe(1);
      expect(parseJson(result.stdout)[0]?.messages).toMatchObject([{ ruleId: QUALIFIED_RULE_ID, ...BAD_FINDING }]);
    } finally {
      cjsProject.remove();
    }
  });

  it('exits 2 with ESLint\'s schema error for an invalid rule option', async () => {
    const badOptions = createProject({
      eslint: major,
      link: ['@typescript-eslint/parser'],
      files: {
        'package.json': '{"type":"module"}',
        'eslint.config.js': configWithRuleOptions(RULE_ID, { noSuchOption: true }),
        'test/users.test.ts': BAD_TEST,
      },
    });
    try {
      const result = await runEslint(major, badOptions, ['test/users.test.ts']);
      expect(result.code).toBe(2);
      expect(result.stderr).toContain(`Key "${QUALIFIED_RULE_ID}":`);
      expect(result.stderr).toContain('Unexpected property "noSuchOption"');
    } finally {
      badOptions.remove();
    }
  });

  it('adopts in a legacy codebase with bulk suppressions: old findings pass, new ones fail', async () => {
    const legacy = createProject({
      eslint: major,
      link: ['@typescript-eslint/parser'],
      files: { 'package.json': '{"type":"module"}', 'eslint.config.js': readmeConfig(), 'test/users.test.ts': BAD_TEST },
    });
    try {
      const suppress = await runEslint(major, legacy, ['--suppress-all', '.']);
      expect(suppress.code).toBe(0);
      const suppressions = JSON.parse(legacy.read('eslint-suppressions.json')) as Record<string, Record<string, { count: number }>>;
      expect(suppressions).toEqual({ 'test/users.test.ts': { [QUALIFIED_RULE_ID]: { count: 1 } } });

      const again = await runEslint(major, legacy, ['.']);
      expect({ code: again.code, stdout: again.stdout }).toEqual({ code: 0, stdout: '' });

      legacy.write('test/users.test.ts', BAD_TEST_WITH_NEW_VIOLATION);
      const grown = await runEslint(major, legacy, ['--format', 'json', '.']);
      expect(grown.code).toBe(1);
      // One more finding than recorded: ESLint reports all of that rule's findings in that file.
      const messages = parseJson(grown.stdout).flatMap((entry) => entry.messages);
      expect(messages.map((m) => [m.ruleId, m.line, m.column])).toEqual([
        [QUALIFIED_RULE_ID, BAD_FINDING.line, BAD_FINDING.column],
        [QUALIFIED_RULE_ID, 13, 5],
      ]);

      legacy.write('test/users.test.ts', BAD_TEST);
      legacy.write('test/orders.test.ts', BAD_TEST);
      const newFile = await runEslint(major, legacy, ['--format', 'json', '.']);
      expect(newFile.code).toBe(1);
      expect(parseJson(newFile.stdout).filter((entry) => entry.messages.length > 0).map((entry) => entry.filePath.replace(/\\/g, '/').split('/').pop())).toEqual([
        'orders.test.ts',
      ]);
    } finally {
      legacy.remove();
    }
  });
});
