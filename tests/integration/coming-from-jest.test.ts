// docs/coming-from-jest.md: the combined configs (ours + eslint-plugin-jest, ours + @vitest/eslint-plugin), taken
// verbatim from the doc, lint a sample through ESLint's API (majors 9 and 10) with the built plugin and the real
// jest/vitest plugins: every marked problem is reported exactly once, and no line is reported twice for one problem.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

import { assertBuilt, createProject, REPO_ROOT, type EslintMajor, type TempProject } from './support/project.js';

vi.setConfig({ testTimeout: 90_000, hookTimeout: 90_000 });

/** Rules of the three plugins that report the same problem; a line must not get two of one group. */
const SAME_PROBLEM: Readonly<Record<string, readonly string[]>> = {
  unawaited: ['test-quality/no-unawaited-assertion', 'jest/valid-expect', 'vitest/valid-expect', 'vitest/require-awaited-expect-poll'],
  permissive: ['test-quality/no-permissive-assertion', 'jest/prefer-to-contain', 'vitest/prefer-to-contain'],
  'mock-promise': ['test-quality/no-unawaited-async-mock', 'jest/prefer-mock-promise-shorthand', 'vitest/prefer-mock-promise-shorthand'],
};
const groupOf = (ruleId: string | null): string | undefined => Object.keys(SAME_PROBLEM).find((group) => SAME_PROBLEM[group]?.includes(ruleId ?? ''));

/** A test file with each overlapping pattern; `// problem: <group>` marks the lines that must be reported once. */
const sample = (framework: 'jest' | 'vitest'): string => {
  const mock = framework === 'jest' ? 'jest' : 'vi';
  const header = framework === 'vitest' ? "import { describe, expect, it, vi } from 'vitest';\n" : '';
  const poll =
    framework === 'vitest'
      ? `
  it('polls', () => {
    expect.poll(() => loadUser('a')).toEqual({ id: 1 }); // problem: unawaited
  });
`
      : '';
  return `${header}import { loadUser, saveUser } from '../src/users';

const fetchUser = ${mock}.fn().mockRejectedValue(new Error('not found'));
const api = { get: ${mock}.fn() };
api.get.mockReturnValue(Promise.reject(new Error('offline'))); // problem: mock-promise

describe('users', () => {
  it('returns 404 for a missing user', async () => {
    const res = await loadUser('nope');
    expect([200, 404]).toContain(res.status); // problem: permissive
  });

  it('answers', async () => {
    const res = await loadUser('x');
    expect([200, 404].includes(res.status)).toBe(true); // problem: permissive
  });

  it('rejects bad input', async () => {
    expect(saveUser('')).rejects.toThrow('empty'); // problem: unawaited
  });

  it('resolves', () => {
    expect(loadUser('a')).resolves.toEqual({ id: 1 }); // problem: unawaited
  });

  it('loads the user', () => {
    fetchUser(1); // problem: mock-promise
    expect(fetchUser).toHaveBeenCalledWith(1);
  });
${poll}});
`;
};

/** The doc's ```js config block that extends the given plugin's config. */
function docConfig(framework: 'jest' | 'vitest'): string {
  const doc = readFileSync(join(REPO_ROOT, 'docs', 'coming-from-jest.md'), 'utf8');
  const importLine = framework === 'jest' ? "from 'eslint-plugin-jest'" : "from '@vitest/eslint-plugin'";
  const block = [...doc.matchAll(/```js\n([\s\S]*?)```/gu)].map((match) => match[1] ?? '').find((text) => text.includes(importLine));
  if (block === undefined) {
    throw new Error(`docs/coming-from-jest.md has no \`\`\`js config block importing ${importLine}`);
  }
  return block;
}

/** The doc's config without its `rules`: both recommended configs, plus their style rules that overlap ours. */
function naiveConfig(framework: 'jest' | 'vitest'): string {
  const config = docConfig(framework);
  const withoutRules = config.replace(/\n {4}rules: \{[\s\S]*?\n {4}\},/u, '');
  if (withoutRules === config) {
    throw new Error('could not remove the `rules` of the doc config (has its layout changed?)');
  }
  const overlapping = [`${framework}/prefer-to-contain`, `${framework}/prefer-mock-promise-shorthand`, ...(framework === 'vitest' ? ['vitest/require-awaited-expect-poll'] : [])];
  return withoutRules.replace(/\n\]\);\s*$/u, `\n  { rules: ${JSON.stringify(Object.fromEntries(overlapping.map((id) => [id, 'error'])))} },\n]);\n`);
}

interface Message {
  ruleId: string | null;
  line: number;
  message: string;
  fatal?: boolean;
}
interface ESLintModule {
  ESLint: new (options: Record<string, unknown>) => { lintFiles(patterns: string[]): Promise<{ filePath: string; messages: Message[] }[]> };
}

async function lint(project: TempProject, file: string): Promise<Message[]> {
  const resolved = createRequire(project.path('package.json')).resolve('eslint');
  const { ESLint } = (await import(pathToFileURL(resolved).href)) as ESLintModule;
  // eslint-plugin-jest reads jest's version from an installed `jest`; there is none here, so it is given in settings.
  const eslint = new ESLint({ cwd: project.dir, overrideConfig: { settings: { jest: { version: 30 } } } });
  const [result] = await eslint.lintFiles([file]);
  return result?.messages ?? [];
}

/** `line:group` for each marked line of the sample. */
const markedProblems = (code: string): string[] =>
  code.split('\n').flatMap((text, index) => {
    const group = /\/\/ problem: ([\w-]+)$/u.exec(text)?.[1];
    return group === undefined ? [] : [`${index + 1}:${group}`];
  });

/** `line:group` for every line that has reports of two rules of one group. */
function duplicates(messages: readonly Message[]): string[] {
  const seen = new Map<string, Set<string>>();
  for (const message of messages) {
    const group = groupOf(message.ruleId);
    if (group !== undefined && message.ruleId !== null) {
      const key = `${message.line}:${group}`;
      seen.set(key, (seen.get(key) ?? new Set()).add(message.ruleId));
    }
  }
  return [...seen].filter(([, rules]) => rules.size > 1).map(([key, rules]) => `${key} (${[...rules].join(', ')})`);
}

const describeMessages = (messages: readonly Message[]): string => messages.map((message) => `\n  ${message.line} ${message.ruleId ?? '(fatal)'}: ${message.message}`).join('');

const majors: EslintMajor[] = [9, 10];
const frameworks = ['jest', 'vitest'] as const;

describe.each(majors)('ESLint %i: our configs next to eslint-plugin-jest and @vitest/eslint-plugin', (major) => {
  const projects: TempProject[] = [];
  const projectWith = (framework: 'jest' | 'vitest', config: string): TempProject => {
    const project = createProject({
      eslint: major,
      link: ['@typescript-eslint/parser', 'eslint-plugin-jest', '@vitest/eslint-plugin'],
      files: { 'package.json': JSON.stringify({ name: 'user-project', private: true, type: 'module' }), 'eslint.config.js': config, 'test/users.test.ts': sample(framework) },
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

  it.each(frameworks)('%s: the doc config reports each marked problem once and no line twice for one problem', async (framework) => {
    const messages = await lint(projectWith(framework, docConfig(framework)), 'test/users.test.ts');
    expect(messages.filter((message) => message.fatal === true || message.ruleId === null)).toEqual([]);
    expect(duplicates(messages), `duplicate reports:${describeMessages(messages)}`).toEqual([]);
    const reported = messages.flatMap((message) => {
      const group = groupOf(message.ruleId);
      return group === undefined ? [] : [`${message.line}:${group}`];
    });
    expect(reported.sort(), `reports:${describeMessages(messages)}`).toEqual(markedProblems(sample(framework)).sort());
    // Both plugins run: each reports something of its own.
    expect(messages.some((message) => message.ruleId?.startsWith('test-quality/'))).toBe(true);
    expect(messages.some((message) => message.ruleId?.startsWith(`${framework}/`))).toBe(true);
  });

  it.each(frameworks)('%s: without the doc config rules, the overlapping rules report the same lines twice', async (framework) => {
    const messages = await lint(projectWith(framework, naiveConfig(framework)), 'test/users.test.ts');
    const found = duplicates(messages).map((entry) => entry.split(' ')[0]?.split(':')[1]);
    expect(new Set(found)).toEqual(new Set(['unawaited', 'permissive', 'mock-promise']));
  });
});
