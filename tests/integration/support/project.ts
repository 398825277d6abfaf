// Temp projects that use the BUILT plugin the way a user's project does: `node_modules/eslint-plugin-test-quality`
// is a symlink to this repository (so `exports` → `dist/`), and every client is the real program from our
// devDependencies, linked or started by path. No network, no mocks.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

import type { TestQualityPlugin } from '../../../src/index.js';

export const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));
export const REPO_MODULES = join(REPO_ROOT, 'node_modules');

export type EslintMajor = 9 | 10;

/** The two ESLint majors we support: 10 is `eslint`, 9 is the `eslint-v9` npm alias. */
export const ESLINT_PACKAGES: Readonly<Record<EslintMajor, string>> = {
  9: join(REPO_MODULES, 'eslint-v9'),
  10: join(REPO_MODULES, 'eslint'),
};

export const eslintBin = (major: EslintMajor): string => join(ESLINT_PACKAGES[major], 'bin', 'eslint.js');

/**
 * Fails loudly when `dist/` is missing or lacks a rule that `src/rules` has: these tests exercise the built
 * package, which `npm test` builds first (`npm run build` when running vitest alone).
 */
export function assertBuilt(): void {
  const entry = join(REPO_ROOT, 'dist', 'index.js');
  if (!existsSync(entry)) {
    throw new Error('dist/index.js is missing: run `npm run build` before the integration tests.');
  }
  const missing = sourceRuleIds().filter((id) => !existsSync(join(REPO_ROOT, 'dist', 'rules', `${id}.js`)));
  if (missing.length > 0) {
    throw new Error(`dist/ is stale (no build of ${missing.join(', ')}): run \`npm run build\`.`);
  }
}

/** The plugin object as `dist/index.js` exports it. */
export async function builtPlugin(): Promise<TestQualityPlugin> {
  const module = (await import(pathToFileURL(join(REPO_ROOT, 'dist', 'index.js')).href)) as { default: TestQualityPlugin };
  return module.default;
}

/** Rule ids that exist in the source tree. */
export function sourceRuleIds(): string[] {
  return readdirSync(join(REPO_ROOT, 'src', 'rules'))
    .filter((name) => name.endsWith('.ts') && name !== 'index.ts')
    .map((name) => name.slice(0, -'.ts'.length))
    .sort();
}

export interface TempProject {
  readonly dir: string;
  path(relative: string): string;
  write(relative: string, content: string): void;
  read(relative: string): string;
  remove(): void;
}

export interface ProjectOptions {
  /** Which ESLint `node_modules/eslint` points to (the one the language server and `npx eslint` find). */
  readonly eslint?: EslintMajor;
  /** Extra packages from our node_modules to link into the project (`@typescript-eslint/parser`, `husky` …). */
  readonly link?: readonly string[];
  /** `node_modules/.bin/<name>` → `node_modules/<package>/<file>`, as npm would create them. */
  readonly bins?: Readonly<Record<string, string>>;
  readonly files?: Readonly<Record<string, string>>;
}

/** A fresh project under the OS temp dir, with the built plugin and chosen packages linked in. */
export function createProject(options: ProjectOptions = {}): TempProject {
  const dir = mkdtempSync(join(tmpdir(), 'tq-integration-'));
  const modules = join(dir, 'node_modules');
  mkdirSync(modules);
  const link = (target: string, name: string): void => {
    const at = join(modules, name);
    mkdirSync(dirname(at), { recursive: true });
    symlinkSync(target, at, 'dir');
  };
  link(REPO_ROOT, 'eslint-plugin-test-quality');
  link(ESLINT_PACKAGES[options.eslint ?? 10], 'eslint');
  for (const name of options.link ?? []) {
    link(join(REPO_MODULES, name), name);
  }
  if (options.bins !== undefined) {
    mkdirSync(join(modules, '.bin'));
    for (const [name, file] of Object.entries(options.bins)) {
      symlinkSync(join('..', file), join(modules, '.bin', name));
    }
  }
  const project: TempProject = {
    dir,
    path: (relative) => join(dir, relative),
    write(relative, content) {
      const file = join(dir, relative);
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, content);
    },
    read: (relative) => readFileSync(join(dir, relative), 'utf8'),
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
  for (const [relative, content] of Object.entries(options.files ?? {})) {
    project.write(relative, content);
  }
  return project;
}

export interface RunResult {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

export interface RunOptions {
  readonly cwd: string;
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** Kill the process (and fail) after this many milliseconds. */
  readonly timeoutMs?: number;
}

/** Runs a program to completion, with a hard time limit; never throws on a non-zero exit code. */
export function run(command: string, args: readonly string[], options: RunOptions): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: { ...cleanEnv(), ...options.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${command} ${args.join(' ')} timed out after ${options.timeoutMs ?? 60_000} ms\n${stdout}\n${stderr}`));
    }, options.timeoutMs ?? 60_000);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

/** Runs an ESLint CLI of the given major inside a project. */
export function runEslint(major: EslintMajor, project: TempProject, args: readonly string[]): Promise<RunResult> {
  return run(process.execPath, [eslintBin(major), ...args], { cwd: project.dir });
}

/** The environment without variables that would make child programs behave differently from a user's shell. */
function cleanEnv(): Record<string, string | undefined> {
  const dropped = (key: string): boolean =>
    key.startsWith('VITEST') || key.startsWith('GIT_') || key === 'NODE_OPTIONS' || key === 'ESLINT_USE_FLAT_CONFIG' || key === 'NO_COLOR';
  return {
    ...Object.fromEntries(Object.entries(process.env).filter(([key]) => !dropped(key))),
    // Plain output even when the test runner itself forces colours.
    FORCE_COLOR: '0',
  };
}
