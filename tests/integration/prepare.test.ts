// scripts/prepare.mjs, npm's `prepare` lifecycle, in the three places npm runs it without our devDependencies: an
// installed package (dist/ only), a source checkout whose dist/ is built but typescript is not installed, and one
// with neither. It must never print on stdout (npm pack's stdout is the tarball name).
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';

import { REPO_ROOT, run } from './support/project.js';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) {
    rmSync(dir, { recursive: true, force: true });
  }
});

/** A package directory with scripts/prepare.mjs and the given files, outside any node_modules that has typescript. */
function packageDir(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'tq-prepare-'));
  dirs.push(dir);
  mkdirSync(join(dir, 'scripts'));
  cpSync(join(REPO_ROOT, 'scripts', 'prepare.mjs'), join(dir, 'scripts', 'prepare.mjs'));
  cpSync(join(REPO_ROOT, 'scripts', 'clean-dist.mjs'), join(dir, 'scripts', 'clean-dist.mjs'));
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), content);
  }
  return dir;
}

const prepare = (dir: string): ReturnType<typeof run> => run(process.execPath, [join(dir, 'scripts', 'prepare.mjs')], { cwd: dir });
const BUILT = 'export default {};\n';

describe('scripts/prepare.mjs', () => {
  it('does nothing in an installed package, which ships dist/ and no src/', async () => {
    const dir = packageDir({ 'package.json': '{}', 'dist/index.js': BUILT });
    const result = await prepare(dir);
    expect(result).toEqual({ code: 0, stdout: '', stderr: '' });
    expect(readFileSync(join(dir, 'dist', 'index.js'), 'utf8')).toBe(BUILT);
  });

  it('keeps an existing dist/ in a source checkout without typescript, and says so on stderr', async () => {
    const dir = packageDir({ 'package.json': '{}', 'tsconfig.build.json': '{}', 'src/index.ts': 'export default {};\n', 'dist/index.js': BUILT });
    const result = await prepare(dir);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('typescript (a devDependency) is not installed; keeping the existing dist/');
    expect(readFileSync(join(dir, 'dist', 'index.js'), 'utf8')).toBe(BUILT);
  });

  it('fails with a message naming typescript when there is neither dist/ nor typescript', async () => {
    const dir = packageDir({ 'package.json': '{}', 'tsconfig.build.json': '{}', 'src/index.ts': 'export default {};\n' });
    const result = await prepare(dir);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('cannot build dist/: typescript (a devDependency) is not installed');
    expect(existsSync(join(dir, 'dist'))).toBe(false);
  });
});
