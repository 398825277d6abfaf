// docs/ci.md's ways to lint a large repository give the findings of one plain run: `--concurrency=2` (worker threads,
// each loading its own plugin), a warm `--cache --cache-strategy content` run, and the shards of the documented
// GitHub Actions matrix, whose findings must add up to the single run's. ESLint 9 and 10, real CLI.
import { cpSync, existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

import { readmeOptInConfig } from './support/fixtures.js';
import { REPO_ROOT, assertBuilt, createProject, runEslint, type EslintMajor, type TempProject } from './support/project.js';

// Several ESLint runs per major, some with worker threads; leave room for a loaded machine.
vi.setConfig({ testTimeout: 180_000, hookTimeout: 60_000 });

interface Finding {
  readonly rule: string | null;
  readonly file: string;
  readonly line: number;
  readonly message: string;
}

/** The yaml block of docs/ci.md with the shard matrix. */
function documentedShardJob(): string {
  const doc = readFileSync(join(REPO_ROOT, 'docs', 'ci.md'), 'utf8');
  const block = [...doc.matchAll(/```yaml\n([\s\S]*?)```/gu)].map((match) => match[1] ?? '').find((text) => text.includes('matrix:'));
  if (block === undefined) {
    throw new Error('docs/ci.md has no ```yaml block with a `matrix:`');
  }
  return block;
}

/** The matrix's path groups, each as the arguments it gives ESLint. */
function documentedShards(): string[][] {
  const list = /^ +paths:\n((?: +- .+\n)+)/mu.exec(documentedShardJob())?.[1];
  if (list === undefined) {
    throw new Error('the docs/ci.md matrix has no `paths:` list');
  }
  return list
    .trim()
    .split('\n')
    .map((line) => line.trim().replace(/^- /u, '').split(/\s+/u));
}

/** The documented ESLint command of a shard, minus `npx eslint` and the paths. */
function documentedShardFlags(): string[] {
  const command = /run: npx eslint (.+) \$\{\{ matrix\.paths \}\}/u.exec(documentedShardJob())?.[1];
  if (command === undefined) {
    throw new Error('the docs/ci.md matrix job has no `npx eslint … ${{ matrix.paths }}` step');
  }
  return command.split(/\s+/u);
}

/**
 * The example projects of examples/ (bad and good tests of every rule that needs no types, with the modules they
 * test) spread over the matrix's directories, a few per directory, linted with the README's setup that adds the two
 * opt-in rules to `recommended` (as examples/eslint.config.js does), so that every example project has findings.
 */
function largeProject(major: EslintMajor): TempProject {
  const project = createProject({
    eslint: major,
    link: ['@typescript-eslint/parser'],
    files: { 'package.json': JSON.stringify({ name: 'large-project', private: true, type: 'module' }), 'eslint.config.js': readmeOptInConfig() },
  });
  const directories = documentedShards().flat();
  const examples = readdirSync(join(REPO_ROOT, 'examples'), { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(REPO_ROOT, 'examples', entry.name, 'bad')))
    .map((entry) => entry.name)
    .sort();
  examples.forEach((example, index) => {
    cpSync(join(REPO_ROOT, 'examples', example), project.path(join(directories[index % directories.length] ?? '', example)), { recursive: true });
  });
  return project;
}

async function findings(major: EslintMajor, project: TempProject, args: readonly string[]): Promise<Finding[]> {
  const result = await runEslint(major, project, ['--format', 'json', ...args]);
  expect(result.code, result.stderr).toBe(1);
  const files = JSON.parse(result.stdout) as { filePath: string; messages: { ruleId: string | null; line: number; message: string; fatal?: boolean }[] }[];
  const found = files.flatMap((file) =>
    file.messages.map((message) => ({ rule: message.ruleId, file: file.filePath.slice(project.dir.length + 1), line: message.line, message: message.message })),
  );
  return found.sort((a, b) => `${a.file}:${String(a.line).padStart(6)}:${a.rule ?? ''}:${a.message}`.localeCompare(`${b.file}:${String(b.line).padStart(6)}:${b.rule ?? ''}:${b.message}`));
}

const majors: EslintMajor[] = [9, 10];

describe.each(majors)('a large repository with ESLint %i', (major) => {
  let project: TempProject;
  let plain: Finding[];

  beforeAll(async () => {
    assertBuilt();
    project = largeProject(major);
    plain = await findings(major, project, ['.']);
  });
  afterAll(() => project.remove());

  it('the plain run finds problems of several rules in files of every shard, and no parse errors', () => {
    expect(plain.filter((finding) => finding.rule === null)).toEqual([]);
    expect(new Set(plain.map((finding) => finding.rule)).size).toBeGreaterThanOrEqual(4);
    for (const directory of documentedShards().flat()) {
      expect(plain.some((finding) => finding.file.startsWith(`${directory}/`)), directory).toBe(true);
    }
  });

  it('--concurrency=2 gives the same findings', async () => {
    expect(await findings(major, project, ['--concurrency=2', '.'])).toEqual(plain);
  });

  it('a warm --cache --cache-strategy content run gives the same findings, from the cache', async () => {
    const cache = ['--cache', '--cache-strategy', 'content', '--cache-location', '.cache/eslint/'];
    expect(await findings(major, project, [...cache, '.'])).toEqual(plain);
    const cacheFile = readdirSync(project.path('.cache/eslint'));
    expect(cacheFile).toHaveLength(1);
    const cached = readFileSync(project.path(`.cache/eslint/${cacheFile[0] ?? ''}`), 'utf8');
    expect(cached).toContain('users-api.test.ts');
    expect(await findings(major, project, [...cache, '.'])).toEqual(plain);
  });

  it("the documented matrix's shards, each run with the documented flags, add up to the single run", async () => {
    const flags = documentedShardFlags();
    expect(flags).toEqual(expect.arrayContaining(['--concurrency=auto', '--cache', '--cache-strategy', 'content']));
    const shards: Finding[][] = [];
    for (const paths of documentedShards()) {
      shards.push(await findings(major, project, [...flags, ...paths]));
    }
    for (const shard of shards) {
      expect(shard.length).toBeGreaterThan(0);
    }
    const added = shards.flat();
    expect(added).toHaveLength(plain.length);
    expect([...added].sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)))).toEqual([...plain].sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b))));
  });
});
