// A user's project in a temp directory, set up as the README says: an ESM package that installs the plugin by one
// route (a packed tarball, a git URL …) with ESLint and the TypeScript parser from the npm registry, the README's
// `eslint.config.js`, and a bad test file. `checkScratchProject` runs every check in `SCRATCH_CHECKS` on it; each
// check returns the problems it found (empty when the project works as the README promises). More checks of the
// installed package (types, other configs) belong in that list.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** A vitest test with a permissive assertion and a floating `.rejects` assertion that an `await` follows. */
export const BAD_TEST = `import { describe, expect, it } from 'vitest';

import { getUser } from '../src/users';

describe('GET /users/:id', () => {
  it('returns 404 for an unknown user', async () => {
    const res = await getUser('missing');
    expect([200, 404]).toContain(res.status);
    expect(getUser('deleted')).rejects.toThrow('gone');
    expect(await getUser('admin')).toMatchObject({ role: 'admin' });
  });
});
`;

/** What ESLint reports for BAD_TEST (saved as test/users.test.mts) with the README's config. */
export const EXPECTED_FINDINGS = [
  { file: 'test/users.test.mts', line: 8, column: 5, ruleId: 'test-quality/no-permissive-assertion' },
  { file: 'test/users.test.mts', line: 9, column: 5, ruleId: 'test-quality/no-unawaited-assertion' },
];

/** A fenced code block of README.md: the first of `language` that contains `marker`. */
export function readmeBlock(language, marker) {
  const readme = readFileSync(join(REPO_ROOT, 'README.md'), 'utf8');
  const block = [...readme.matchAll(new RegExp(`\`\`\`${language}\\n([\\s\\S]*?)\`\`\``, 'gu'))].map((match) => match[1]).find((text) => text.includes(marker));
  if (block === undefined) {
    throw new Error(`README.md has no \`\`\`${language} block with ${marker}`);
  }
  return block;
}

/** Versions of a package installed in this repository (so the scratch install hits npm's cache). */
export const devVersion = (name) => JSON.parse(readFileSync(join(REPO_ROOT, 'node_modules', name, 'package.json'), 'utf8')).version;

/** Runs a program to completion; throws with its output when it fails. */
export function exec(command, args, options) {
  const result = spawnSync(command, args, { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, ...options });
  if (result.status !== 0) {
    throw new Error(`${command} ${args.join(' ')} failed (exit ${result.status ?? result.signal}) in ${options.cwd}:\n${result.stdout}\n${result.stderr}`);
  }
  return result;
}

/** An empty user project: package.json, the README's eslint.config.js and BAD_TEST. */
export function createScratchProject(label) {
  const dir = mkdtempSync(join(tmpdir(), `tq-${label}-`));
  const write = (path, content) => {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), content);
  };
  write('package.json', `${JSON.stringify({ name: 'scratch-project', private: true, type: 'module' }, null, 2)}\n`);
  write('eslint.config.js', readmeBlock('js', 'export default'));
  write('test/users.test.mts', BAD_TEST);
  return { dir, write, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** `npm install --save-dev` the plugin (as `spec`) with ESLint and the parser, the README's Install command. */
export function installPlugin(project, spec, extraArgs = []) {
  const packages = [spec, `eslint@${devVersion('eslint')}`, `@typescript-eslint/parser@${devVersion('@typescript-eslint/parser')}`];
  exec('npm', ['install', '--save-dev', '--no-audit', '--no-fund', '--prefer-offline', ...extraArgs, ...packages], { cwd: project.dir });
}

/** ESLint's findings in the project, as `{ file, line, column, ruleId }`. */
export function lintFindings(project) {
  const result = spawnSync(process.execPath, [join(project.dir, 'node_modules', 'eslint', 'bin', 'eslint.js'), '--format', 'json', '.'], {
    cwd: project.dir,
    encoding: 'utf8',
  });
  if (result.status !== 0 && result.status !== 1) {
    throw new Error(`eslint failed (exit ${result.status}) in ${project.dir}:\n${result.stdout}\n${result.stderr}`);
  }
  return JSON.parse(result.stdout).flatMap((file) =>
    file.messages.map((message) => ({ file: relative(project.dir, file.filePath).replaceAll('\\', '/'), line: message.line, column: message.column, ruleId: message.ruleId })),
  );
}

const describeFinding = (finding) => `${finding.file}:${finding.line}:${finding.column} ${finding.ruleId}`;

/** The README config finds exactly EXPECTED_FINDINGS in BAD_TEST. */
function lintCheck(project) {
  const found = lintFindings(project).map(describeFinding).sort();
  const expected = EXPECTED_FINDINGS.map(describeFinding).sort();
  return JSON.stringify(found) === JSON.stringify(expected) ? [] : [`ESLint with the README config found [${found.join(', ')}], expected [${expected.join(', ')}]`];
}

/** The installed package is a copy with its build, not a link to this checkout. */
function installedCheck(project) {
  const installed = join(project.dir, 'node_modules', 'eslint-plugin-test-quality');
  const problems = [];
  for (const file of ['package.json', 'dist/index.js', 'dist/index.d.ts']) {
    try {
      readFileSync(join(installed, file));
    } catch {
      problems.push(`the installed package has no ${file}`);
    }
  }
  return problems;
}

/** Checks run on every scratch project after the install: each returns a list of problems. */
export const SCRATCH_CHECKS = [
  { name: 'installed package', run: installedCheck },
  { name: 'README config finds the expected problems', run: lintCheck },
];

/** Runs every check; returns `{ check, problems }` per check. */
export const checkScratchProject = (project) => SCRATCH_CHECKS.map((check) => ({ check: check.name, problems: check.run(project) }));
