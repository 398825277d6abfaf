// Pre-commit hooks in a temp git repository: husky + lint-staged set up exactly as docs/pre-commit.md says, and the
// pre-commit framework running the hook we ship in .pre-commit-hooks.yaml as users get it (pre-commit builds its
// node environment from a clone of this repository, with packages from the npm registry). Real git, real hooks.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';

import { BAD_TEST, FIXED_TEST, PERMISSIVE_MESSAGE_STYLISH, QUALIFIED_RULE_ID, readmeConfig } from './support/fixtures.js';
import { cloneHead } from './support/clone.js';
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

const preCommitProject = (config: string): TempProject =>
  createProject({
    link: ['@typescript-eslint/parser'],
    bins: { eslint: 'eslint/bin/eslint.js' },
    files: {
      '.gitignore': 'node_modules\n.pre-commit-home\nhook-repository\n',
      'package.json': `${JSON.stringify({ name: 'user-project', private: true, type: 'module' }, null, 2)}\n`,
      'eslint.config.js': readmeConfig(),
      '.pre-commit-config.yaml': config,
    },
  });

/** The two TypeScript module extensions `types_or` misses, each with a permissive assertion. */
const BAD_FILES = ['test/users.test.mts', 'test/orders.test.cts'];

/**
 * `pre-commit install`, a first commit, then a commit adding BAD_FILES (rejected with our finding in each) and one
 * with the fixed files (accepted) — through real `git commit`s.
 */
async function commitBadThenFixed(project: TempProject, timeoutMs: number): Promise<void> {
  const env = { PRE_COMMIT_HOME: project.path('.pre-commit-home') };
  const commit = (message: string): Promise<RunResult> => run('git', ['commit', '-m', message], { cwd: project.dir, env: { ...GIT_ENV, ...env }, timeoutMs });
  await initRepository(project);
  const install = await run('pre-commit', ['install'], { cwd: project.dir, env: { ...GIT_ENV, ...env }, timeoutMs: 60_000 });
  expect(install.code, install.stdout + install.stderr).toBe(0);
  await git(project, ['add', '-A'], env);
  const setup = await commit('chore: pre-commit');
  expect(setup.code, setup.stdout + setup.stderr).toBe(0);

  for (const file of BAD_FILES) {
    project.write(file, BAD_TEST);
  }
  await git(project, ['add', ...BAD_FILES], env);
  const rejected = await commit('test: users and orders');
  const rejectedOutput = rejected.stdout + rejected.stderr;
  expect(rejected.code, rejectedOutput).not.toBe(0);
  expect(rejectedOutput).toMatch(/eslint \(test-quality\)\.+Failed/u);
  for (const file of BAD_FILES) {
    expect(rejectedOutput).toContain(file);
  }
  expect(rejectedOutput.split(`${PERMISSIVE_MESSAGE_STYLISH}  ${QUALIFIED_RULE_ID}`)).toHaveLength(BAD_FILES.length + 1);
  expect(await commitCount(project)).toBe(1);

  for (const file of BAD_FILES) {
    project.write(file, FIXED_TEST);
  }
  await git(project, ['add', ...BAD_FILES], env);
  const accepted = await commit('test: users and orders');
  expect(accepted.code, accepted.stdout + accepted.stderr).toBe(0);
  expect(accepted.stdout + accepted.stderr).toMatch(/eslint \(test-quality\)\.+Passed/u);
  expect(await commitCount(project)).toBe(2);
}

describe('pre-commit framework', () => {
  beforeAll(() => {
    assertBuilt();
    expect(spawnSync('pre-commit', ['--version']).status, 'pre-commit is not installed: run scripts/ci-system-deps.sh').toBe(0);
  });

  it('ships a valid .pre-commit-hooks.yaml', async () => {
    const result = await run('pre-commit', ['validate-manifest', join(REPO_ROOT, '.pre-commit-hooks.yaml')], { cwd: REPO_ROOT, timeoutMs: 60_000 });
    expect(result.code, result.stdout + result.stderr).toBe(0);
  });

  it('the documented local hook rejects a commit with permissive assertions in .mts and .cts files and accepts the fixed one', async () => {
    const project = preCommitProject(documented('yaml', 'repo: local'));
    try {
      await commitBadThenFixed(project, 60_000);
    } finally {
      project.remove();
    }
  });

  it(
    'the shipped hook, built by pre-commit from a clone of this repository, rejects the same commit and accepts the fixed one',
    async () => {
      const project = preCommitProject('');
      try {
        const { dir: clone, commit } = await cloneHead(project.dir, 'hook-repository');
        // What docs/pre-commit.md shows, with this checkout's clone for the GitHub URL and its commit for `rev`.
        const config = documented('yaml', 'rev: ')
          .replace('https://github.com/test-quality/eslint-plugin-test-quality', clone)
          .replace(/rev: .+/u, `rev: ${commit}`);
        expect(config).toContain(`repo: ${clone}`);
        project.write('.pre-commit-config.yaml', config);
        // pre-commit builds the node environment here: npm install and npm pack in its clone, npm install -g.
        await commitBadThenFixed(project, 900_000);
        // The hook's node environment holds the package pre-commit packed from the clone, with its build.
        const home = project.path('.pre-commit-home');
        const built = readdirSync(home)
          .map((name) => join(home, name, 'node_env-system', 'lib', 'node_modules', 'eslint-plugin-test-quality', 'dist', 'index.js'))
          .filter((path) => existsSync(path));
        expect(built).toHaveLength(1);
      } finally {
        project.remove();
      }
    },
    1_200_000,
  );
});
