// Pre-commit hooks in a temp git repository: husky + lint-staged set up exactly as docs/pre-commit.md says, and the
// pre-commit framework running the hook we ship in .pre-commit-hooks.yaml. Real git, real hooks, no network.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';

import { BAD_TEST, FIXED_TEST, PERMISSIVE_MESSAGE_STYLISH, QUALIFIED_RULE_ID, readmeConfig } from './support/fixtures.js';
import { REPO_ROOT, assertBuilt, createProject, run, type RunResult, type TempProject } from './support/project.js';

// Each test spawns real programs; leave room for a loaded machine.
vi.setConfig({ testTimeout: 90_000, hookTimeout: 90_000 });

const GIT_ENV = {
  // Keep the user's global and system git config (hooksPath, signing …) out of the temp repository.
  GIT_CONFIG_GLOBAL: process.platform === 'win32' ? 'NUL' : '/dev/null',
  GIT_CONFIG_NOSYSTEM: '1',
};

/** A fenced code block of docs/pre-commit.md: the first of `language` that contains `marker`. */
function documented(language: string, marker: string): string {
  const doc = readFileSync(join(REPO_ROOT, 'docs', 'pre-commit.md'), 'utf8');
  const block = [...doc.matchAll(new RegExp(`\`\`\`${language}\n([\\s\\S]*?)\`\`\``, 'gu'))].map((match) => match[1] ?? '').find((text) => text.includes(marker));
  if (block === undefined) {
    throw new Error(`docs/pre-commit.md has no \`\`\`${language} block with ${marker}`);
  }
  return block;
}

/** The lint-staged config from docs/pre-commit.md. */
const lintStagedConfig = (): unknown => (JSON.parse(documented('json', '"lint-staged"')) as { 'lint-staged': unknown })['lint-staged'];

function git(project: TempProject, args: readonly string[], env: Record<string, string> = {}): Promise<RunResult> {
  return run('git', args, { cwd: project.dir, env: { ...GIT_ENV, ...env }, timeoutMs: 60_000 });
}

async function initRepository(project: TempProject): Promise<void> {
  for (const args of [
    ['init', '-q', '-b', 'main'],
    ['config', 'user.name', 'Test User'],
    ['config', 'user.email', 'test@example.com'],
    ['config', 'commit.gpgsign', 'false'],
  ]) {
    const result = await git(project, args);
    expect(result.code, result.stderr).toBe(0);
  }
}

const commitCount = async (project: TempProject): Promise<number> => {
  const result = await git(project, ['rev-list', '--count', 'HEAD']);
  return result.code === 0 ? Number(result.stdout.trim()) : 0;
};

describe('husky + lint-staged', () => {
  it('rejects a commit that adds a permissive assertion with our message, and accepts the fixed commit', async () => {
    assertBuilt();
    const project = createProject({
      link: ['@typescript-eslint/parser', 'husky', 'lint-staged'],
      bins: { eslint: 'eslint/bin/eslint.js', husky: 'husky/bin.js', 'lint-staged': 'lint-staged/bin/lint-staged.js' },
      files: {
        '.gitignore': 'node_modules\n',
        'package.json': `${JSON.stringify({ name: 'user-project', private: true, type: 'module', 'lint-staged': lintStagedConfig() }, null, 2)}\n`,
        'eslint.config.js': readmeConfig(),
      },
    });
    try {
      await initRepository(project);
      // docs/pre-commit.md: `npx husky init`, then the hook runs lint-staged.
      const init = await run('npx', ['husky', 'init'], { cwd: project.dir, env: GIT_ENV, timeoutMs: 60_000 });
      expect(init.code, init.stdout + init.stderr).toBe(0);
      project.write('.husky/pre-commit', 'npx lint-staged\n');
      expect((await git(project, ['add', '-A'])).code).toBe(0);
      const setup = await git(project, ['commit', '-q', '-m', 'chore: lint test files before each commit']);
      expect(setup.code, setup.stdout + setup.stderr).toBe(0);

      project.write('test/users.test.ts', BAD_TEST);
      await git(project, ['add', 'test/users.test.ts']);
      const rejected = await git(project, ['commit', '-m', 'test: users']);
      expect(rejected.code).not.toBe(0);
      expect(rejected.stdout + rejected.stderr).toContain(PERMISSIVE_MESSAGE_STYLISH);
      expect(rejected.stdout + rejected.stderr).toContain(QUALIFIED_RULE_ID);
      expect(await commitCount(project)).toBe(1);
      // lint-staged restores the staged state it found: the bad file is still staged, unchanged.
      expect(project.read('test/users.test.ts')).toBe(BAD_TEST);

      project.write('test/users.test.ts', FIXED_TEST);
      await git(project, ['add', 'test/users.test.ts']);
      const accepted = await git(project, ['commit', '-m', 'test: users']);
      expect(accepted.code, accepted.stdout + accepted.stderr).toBe(0);
      expect(await commitCount(project)).toBe(2);
    } finally {
      project.remove();
    }
  });
});

/**
 * The shipped hook as a `repo: local` hook: same id, entry, args and file types, but `language: system` so that
 * pre-commit uses the project's ESLint (on PATH) instead of building a node environment from the network.
 */
function shippedHookAsLocal(): string {
  const manifest = readFileSync(join(REPO_ROOT, '.pre-commit-hooks.yaml'), 'utf8');
  const hookLines = manifest
    .split('\n')
    .filter((line) => line.trim() !== '' && !line.startsWith('#') && !line.trim().startsWith('additional_dependencies:'))
    .map((line) => `    ${line.replace(/^(\s*)language: node$/u, '$1language: system')}`);
  return ['repos:', '  - repo: local', '    hooks:', ...hookLines, ''].join('\n');
}

const preCommitProject = (config: string): TempProject =>
  createProject({
    link: ['@typescript-eslint/parser'],
    bins: { eslint: 'eslint/bin/eslint.js' },
    files: {
      '.gitignore': 'node_modules\n.pre-commit-home\n',
      'package.json': `${JSON.stringify({ name: 'user-project', private: true, type: 'module' }, null, 2)}\n`,
      'eslint.config.js': readmeConfig(),
      '.pre-commit-config.yaml': config,
    },
  });

describe('pre-commit framework', () => {
  beforeAll(() => {
    assertBuilt();
    expect(spawnSync('pre-commit', ['--version']).status, 'pre-commit is not installed: run scripts/ci-system-deps.sh').toBe(0);
  });

  it('ships a valid .pre-commit-hooks.yaml', async () => {
    const result = await run('pre-commit', ['validate-manifest', join(REPO_ROOT, '.pre-commit-hooks.yaml')], { cwd: REPO_ROOT, timeoutMs: 60_000 });
    expect(result.code, result.stdout + result.stderr).toBe(0);
  });

  it('the documented local hook rejects a commit with a permissive assertion and accepts the fixed one', async () => {
    const project = preCommitProject(documented('yaml', 'repo: local'));
    const env = { PRE_COMMIT_HOME: project.path('.pre-commit-home') };
    try {
      await initRepository(project);
      const install = await run('pre-commit', ['install'], { cwd: project.dir, env: { ...GIT_ENV, ...env }, timeoutMs: 60_000 });
      expect(install.code, install.stdout + install.stderr).toBe(0);
      await git(project, ['add', '-A'], env);
      const setup = await git(project, ['commit', '-q', '-m', 'chore: pre-commit'], env);
      expect(setup.code, setup.stdout + setup.stderr).toBe(0);

      project.write('test/users.test.ts', BAD_TEST);
      await git(project, ['add', 'test/users.test.ts'], env);
      const rejected = await git(project, ['commit', '-m', 'test: users'], env);
      expect(rejected.code).not.toBe(0);
      expect(rejected.stdout + rejected.stderr).toMatch(/eslint \(test-quality\)\.+Failed/u);
      expect(rejected.stdout + rejected.stderr).toContain(`${PERMISSIVE_MESSAGE_STYLISH}  ${QUALIFIED_RULE_ID}`);
      expect(await commitCount(project)).toBe(1);

      project.write('test/users.test.ts', FIXED_TEST);
      await git(project, ['add', 'test/users.test.ts'], env);
      const accepted = await git(project, ['commit', '-m', 'test: users'], env);
      expect(accepted.code, accepted.stdout + accepted.stderr).toBe(0);
      expect(accepted.stdout + accepted.stderr).toMatch(/eslint \(test-quality\)\.+Passed/u);
      expect(await commitCount(project)).toBe(2);
    } finally {
      project.remove();
    }
  });

  it('the shipped hook definition fails on a staged permissive assertion and passes once fixed', async () => {
    const project = preCommitProject(shippedHookAsLocal());
    const env = {
      PRE_COMMIT_HOME: project.path('.pre-commit-home'),
      PATH: `${project.path('node_modules/.bin')}${delimiter}${process.env.PATH ?? ''}`,
    };
    try {
      await initRepository(project);
      project.write('test/users.test.ts', BAD_TEST);
      await git(project, ['add', '-A'], env);
      const hook = ['run', 'eslint-test-quality', '--files', 'test/users.test.ts'];
      const failed = await run('pre-commit', hook, { cwd: project.dir, env: { ...GIT_ENV, ...env }, timeoutMs: 60_000 });
      expect(failed.code).toBe(1);
      expect(failed.stdout).toMatch(/eslint \(test-quality\)\.+Failed/u);
      expect(failed.stdout).toContain(`${PERMISSIVE_MESSAGE_STYLISH}  ${QUALIFIED_RULE_ID}`);

      project.write('test/users.test.ts', FIXED_TEST);
      await git(project, ['add', '-A'], env);
      const passed = await run('pre-commit', hook, { cwd: project.dir, env: { ...GIT_ENV, ...env }, timeoutMs: 60_000 });
      expect(passed.code, passed.stdout + passed.stderr).toBe(0);
      expect(passed.stdout).toMatch(/eslint \(test-quality\)\.+Passed/u);
    } finally {
      project.remove();
    }
  });
});
