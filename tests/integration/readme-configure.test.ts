// README "Changing one rule's options": both ways it shows (a second config object with the same `files`, and
// `defineConfig` + `extends`) turn on `max-mocks-per-test` (a rule `recommended` leaves out) with the options given
// and keep every rule of `recommended` on but the ones they turn off, through ESLint's API (majors 9 and 10) with the
// built plugin. The obvious way it warns against (`rules` in the same object as the spread config) is checked to drop
// the other rules, so the test tells the two apart. README "Configs": its opt-in block adds the two rules
// `recommended` leaves out, at their default options, to the rules of `recommended`.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

import { readmeConfig, readmeOptInConfig } from './support/fixtures.js';
import { assertBuilt, builtPlugin, createProject, REPO_ROOT, type EslintMajor, type TempProject } from './support/project.js';

vi.setConfig({ testTimeout: 90_000, hookTimeout: 90_000 });

/** The ```js blocks of the README section with the given heading. */
function sectionBlocks(heading: string): string[] {
  const readme = readFileSync(join(REPO_ROOT, 'README.md'), 'utf8');
  const start = readme.indexOf(`\n${heading}\n`);
  if (start === -1) {
    throw new Error(`README.md has no "${heading}" section`);
  }
  const end = readme.indexOf('\n#', start + heading.length + 2);
  const section = readme.slice(start, end === -1 ? undefined : end);
  return [...section.matchAll(/```js\n([\s\S]*?)```/gu)].map((match) => match[1] ?? '');
}

interface ESLintModule {
  ESLint: new (options: Record<string, unknown>) => {
    calculateConfigForFile(file: string): Promise<{ rules?: Record<string, unknown> }>;
    lintText(code: string, options: { filePath: string }): Promise<{ messages: { ruleId: string | null; line: number }[] }[]>;
  };
}

async function eslintIn(project: TempProject, options: Record<string, unknown> = {}): Promise<InstanceType<ESLintModule['ESLint']>> {
  const resolved = createRequire(project.path('package.json')).resolve('eslint');
  const { ESLint } = (await import(pathToFileURL(resolved).href)) as ESLintModule;
  return new ESLint({ cwd: project.dir, ...options });
}

async function rulesFor(project: TempProject): Promise<Record<string, unknown>> {
  const config = await (await eslintIn(project)).calculateConfigForFile(project.path('test/users.test.ts'));
  return Object.fromEntries(Object.entries(config.rules ?? {}).filter(([id]) => id.startsWith('test-quality/')));
}

const majors: EslintMajor[] = [9, 10];

/** The rules `recommended` leaves out until a blind measurement shows they meet its precision bar. */
const OPT_IN = ['max-mocks-per-test', 'no-magic-retry-count'] as const;

describe.each(majors)("ESLint %i: README's ways of changing one rule's options", (major) => {
  const projects: TempProject[] = [];
  const projectWith = (config: string): TempProject => {
    const project = createProject({
      eslint: major,
      link: ['@typescript-eslint/parser'],
      files: { 'package.json': JSON.stringify({ name: 'user-project', private: true, type: 'module' }), 'eslint.config.js': config, 'test/users.test.ts': "it('x', () => {});\n" },
    });
    projects.push(project);
    return project;
  };
  let recommended: string[] = [];
  let defaults: Record<string, unknown[]> = {};
  beforeAll(async () => {
    assertBuilt();
    const plugin = await builtPlugin();
    recommended = Object.keys(plugin.configs.recommended.rules).sort();
    defaults = Object.fromEntries(OPT_IN.map((id) => [id, [...((plugin.rules[id].meta.defaultOptions ?? []) as unknown[])]]));
  });
  afterAll(() => {
    for (const project of projects) {
      project.remove();
    }
  });

  it('shows two configs, each turning max-mocks-per-test on with its options and keeping the rules of recommended on', async () => {
    const blocks = sectionBlocks("### Changing one rule's options");
    expect(blocks).toHaveLength(2);
    // The rule the examples set is one `recommended` leaves out: they turn it on, not merely change it.
    expect(recommended).not.toContain('test-quality/max-mocks-per-test');
    for (const block of blocks) {
      const rules = await rulesFor(projectWith(block));
      const turnedOff = [...block.matchAll(/'(test-quality\/[a-z-]+)': 'off'/gu)].map((match) => match[1] ?? '');
      // What a block turns off is a rule of `recommended`, so turning it off changes something.
      for (const id of turnedOff) {
        expect(recommended).toContain(id);
      }
      // ESLint 9.15+ merges the rule's defaults into its options: `max` is ours, the rest the defaults.
      expect(rules['test-quality/max-mocks-per-test']).toEqual([2, expect.objectContaining({ max: 5 })]);
      const on = Object.keys(rules).filter((id) => (rules[id] as unknown[])[0] === 2);
      expect(on.sort()).toEqual([...recommended.filter((id) => !turnedOff.includes(id)), 'test-quality/max-mocks-per-test'].sort());
      for (const id of turnedOff) {
        expect((rules[id] as unknown[])[0]).toBe(0);
      }
    }
  });

  it("the Configs section's opt-in block turns on the rules of recommended and the two it leaves out, at their defaults", async () => {
    const [block, ...others] = sectionBlocks('### Configs');
    expect(others).toEqual([]);
    expect(block).toBe(readmeOptInConfig());
    for (const id of OPT_IN) {
      expect(recommended).not.toContain(`test-quality/${id}`);
    }
    const rules = await rulesFor(projectWith(block ?? ''));
    const on = Object.keys(rules).filter((id) => (rules[id] as unknown[])[0] === 2);
    expect(on.sort()).toEqual([...recommended, ...OPT_IN.map((id) => `test-quality/${id}`)].sort());
    for (const id of OPT_IN) {
      expect(rules[`test-quality/${id}`]).toEqual([2, ...(defaults[id] ?? [])]);
    }
  });

  it('the way it warns against (rules in the spread object) drops the other rules', async () => {
    const naive = readmeConfig().replace('...testQuality.configs.recommended,', "...testQuality.configs.recommended,\n    rules: { 'test-quality/max-mocks-per-test': ['error', { max: 5 }] },");
    const rules = await rulesFor(projectWith(naive));
    expect(Object.keys(rules)).toEqual(['test-quality/max-mocks-per-test']);
  });

  it("the README's per-line disable comment silences that line only, and is reported once unused", async () => {
    const [block] = sectionBlocks('### Turning a rule off for one line');
    expect(block).toMatch(/^\/\/ eslint-disable-next-line test-quality\/no-permissive-assertion -- \S/u);
    const project = projectWith(readmeConfig());
    const inTest = (body: string): string => `it('answers', async () => {\n  const res = await get('/');\n${body}});\n`;
    const assertion = (block ?? '').split('\n')[1] ?? '';
    const lint = async (code: string, options: Record<string, unknown> = {}): Promise<string[]> => {
      const [result] = await (await eslintIn(project, options)).lintText(code, { filePath: project.path('test/users.test.ts') });
      return (result?.messages ?? []).map((message) => `${message.line}:${message.ruleId ?? ''}`);
    };
    expect(await lint(inTest(`${assertion}\n`))).toEqual(['3:test-quality/no-permissive-assertion']);
    expect(await lint(inTest(block ?? ''))).toEqual([]);
    expect(await lint(inTest(`${block ?? ''}${assertion}\n`))).toEqual(['5:test-quality/no-permissive-assertion']);
    // Once the line is fixed, the comment itself is reported.
    const fixed = (block ?? '').replace(assertion, '  expect(res.status).toBe(200);');
    expect(await lint(inTest(fixed), { overrideConfig: { linterOptions: { reportUnusedDisableDirectives: 'error' } } })).toEqual(['3:']);
  });
});
