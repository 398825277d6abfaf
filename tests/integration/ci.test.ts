// CI: SARIF through @microsoft/eslint-formatter-sarif (validated against the SARIF 2.1.0 JSON schema that
// @microsoft/jest-sarif ships) and `--max-warnings 0`, with the ESLint CLI of both majors.
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

import { BAD_FINDING, BAD_TEST, CLEAN_TEST_CJS, PERMISSIVE_MESSAGE, PERMISSIVE_MESSAGE_STYLISH, QUALIFIED_RULE_ID, RULE_ID, userProjectFiles, warnConfig } from './support/fixtures.js';
import { assertBuilt, builtPlugin, createProject, runEslint, type EslintMajor } from './support/project.js';

// Each test spawns real programs; leave room for a loaded machine.
vi.setConfig({ testTimeout: 90_000, hookTimeout: 90_000 });

const require = createRequire(import.meta.url);

interface SarifLog {
  version: string;
  runs: {
    tool: { driver: { name: string; version?: string; rules?: { id: string; helpUri?: string; shortDescription?: { text: string } }[] } };
    results: {
      ruleId?: string;
      ruleIndex?: number;
      level: string;
      message: { text: string };
      locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number; startColumn: number; endLine?: number; endColumn?: number } } }[];
    }[];
  }[];
}

type Validate = ((data: unknown) => boolean) & { errors?: unknown };

/** A validator for SARIF 2.1.0 (a draft-04 JSON schema, hence ajv-draft-04; its one pattern is not valid as a unicode RegExp). */
function sarifValidator(): Validate {
  const Ajv = require('ajv-draft-04') as { default: new (options: object) => { compile(schema: unknown): Validate } };
  const addFormats = require('ajv-formats') as { default: (ajv: unknown) => void };
  const ajv = new Ajv.default({ allErrors: true, strict: false, unicodeRegExp: false });
  addFormats.default(ajv);
  return ajv.compile(require('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json'));
}

const majors: EslintMajor[] = [9, 10];

describe.each(majors)('CI with ESLint %i', (major) => {
  const project = createProject({
    eslint: major,
    link: ['@typescript-eslint/parser', '@microsoft/eslint-formatter-sarif'],
    files: userProjectFiles(),
  });
  beforeAll(assertBuilt);
  afterAll(() => project.remove());

  it('writes valid SARIF 2.1.0 with our rule id, message, location and help URI', async () => {
    const result = await runEslint(major, project, ['--format', '@microsoft/eslint-formatter-sarif', '--output-file', 'eslint.sarif', 'test']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(1);
    const log = JSON.parse(project.read('eslint.sarif')) as SarifLog;
    const validate = sarifValidator();
    expect(validate(log), JSON.stringify(validate.errors, null, 2)).toBe(true);
    expect(validate({ ...log, version: '2.0.0' })).toBe(false);

    expect(log.version).toBe('2.1.0');
    const [run] = log.runs;
    expect(run?.tool.driver.name).toBe('ESLint');
    const plugin = await builtPlugin();
    const docsUrl = plugin.rules[RULE_ID as keyof typeof plugin.rules].meta.docs?.url;
    expect(docsUrl).toMatch(new RegExp(`^https://.+/docs/rules/${RULE_ID}\\.md$`, 'u'));
    expect(run?.tool.driver.rules).toEqual([
      expect.objectContaining({ id: QUALIFIED_RULE_ID, helpUri: docsUrl, shortDescription: { text: plugin.rules[RULE_ID as keyof typeof plugin.rules].meta.docs?.description } }),
    ]);
    expect(run?.results).toHaveLength(1);
    expect(run?.results[0]).toMatchObject({
      ruleId: QUALIFIED_RULE_ID,
      ruleIndex: 0,
      level: 'error',
      message: { text: PERMISSIVE_MESSAGE },
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: expect.stringMatching(/test\/users\.test\.ts$/u) as unknown as string },
            region: { startLine: BAD_FINDING.line, startColumn: BAD_FINDING.column, endLine: BAD_FINDING.endLine, endColumn: BAD_FINDING.endColumn },
          },
        },
      ],
    });
  });

  it('--max-warnings 0 fails a run whose only findings are warnings, and passes a clean one', async () => {
    const warnProject = createProject({
      eslint: major,
      link: ['@typescript-eslint/parser'],
      files: { 'package.json': '{"type":"module"}', 'eslint.config.js': warnConfig(), 'test/users.test.ts': BAD_TEST, 'test/health.test.cjs': CLEAN_TEST_CJS },
    });
    try {
      const lenient = await runEslint(major, warnProject, ['test']);
      expect(lenient.code).toBe(0);
      expect(lenient.stdout).toContain(`${BAD_FINDING.line}:${BAD_FINDING.column}  warning  ${PERMISSIVE_MESSAGE_STYLISH}  ${QUALIFIED_RULE_ID}`);

      const strict = await runEslint(major, warnProject, ['--max-warnings', '0', 'test']);
      expect(strict.code).toBe(1);
      expect(strict.stdout + strict.stderr).toContain('ESLint found too many warnings (maximum: 0).');

      const clean = await runEslint(major, warnProject, ['--max-warnings', '0', 'test/health.test.cjs']);
      expect(clean.code).toBe(0);
    } finally {
      warnProject.remove();
    }
  });
});
