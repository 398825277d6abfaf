// The package as npm makes it from a fresh clone of HEAD (our `prepare` builds dist/ there with this checkout's
// devDependencies): `npm pack` prints only the tarball name on stdout (the pre-commit framework reads it as a file
// name), and `npm publish --dry-run` ships dist/ with types for every export and says nothing but its listing.
import { existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

import { cloneHead, type Clone } from './support/clone.js';
import { REPO_MODULES, run } from './support/project.js';

// npm builds the package (tsc) on a loaded machine.
vi.setConfig({ testTimeout: 300_000, hookTimeout: 120_000 });

interface PackageJson {
  readonly name: string;
  readonly version: string;
  readonly exports: Record<string, string | Record<string, string>>;
  readonly repository: { readonly type: string; readonly url: string };
}

interface PublishReport {
  readonly files: readonly { readonly path: string }[];
}

describe('the package npm makes from a clone of HEAD', () => {
  const work = mkdtempSync(join(tmpdir(), 'tq-package-'));
  let clone: Clone;

  beforeAll(async () => {
    clone = await cloneHead(work);
    expect(existsSync(join(clone.dir, 'dist'))).toBe(false);
    symlinkSync(REPO_MODULES, join(clone.dir, 'node_modules'), 'dir');
  });
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('npm pack prints only the tarball name on stdout', async () => {
    const packed = await run('npm', ['pack', '--pack-destination', work], { cwd: clone.dir, timeoutMs: 300_000 });
    expect(packed.code, packed.stderr).toBe(0);
    const { name, version } = JSON.parse(readFileSync(join(clone.dir, 'package.json'), 'utf8')) as PackageJson;
    expect(packed.stdout).toBe(`${name}-${version}.tgz\n`);
    expect(existsSync(join(work, packed.stdout.trim()))).toBe(true);
  });

  it('npm publish --dry-run ships dist/ with the types of every export, and warns about nothing but the login', async () => {
    const published = await run('npm', ['publish', '--dry-run', '--json'], { cwd: clone.dir, timeoutMs: 300_000 });
    expect(published.code, published.stderr).toBe(0);
    const warnings = published.stderr
      .split('\n')
      .filter((line) => line.startsWith('npm warn') || line.startsWith('npm error'))
      // A dry run without npm credentials; the real publish is logged in (docs/releasing.md).
      .filter((line) => !/^npm warn publish This command requires you to be logged in .+ \(dry-run\)$/u.test(line));
    expect(warnings).toEqual([]);

    const manifest = JSON.parse(readFileSync(join(clone.dir, 'package.json'), 'utf8')) as PackageJson;
    const report = (JSON.parse(published.stdout) as Record<string, PublishReport>)[manifest.name] ?? (JSON.parse(published.stdout) as PublishReport);
    const files = report.files.map((file) => file.path).sort();
    expect(files.filter((path) => !path.startsWith('dist/'))).toEqual(['CHANGELOG.md', 'LICENSE', 'README.md', 'package.json', 'scripts/prepare.mjs']);
    for (const path of files.filter((file) => file.startsWith('dist/') && file.endsWith('.js'))) {
      expect(files, `${path} has no declaration file`).toContain(path.replace(/\.js$/u, '.d.ts'));
    }
    const targets = Object.values(manifest.exports).flatMap((target) => (typeof target === 'string' ? [target] : Object.values(target)));
    expect(targets).toContain('./dist/index.d.ts');
    for (const target of targets) {
      expect(files, `exports names ${target}`).toContain(target.replace(/^\.\//u, ''));
    }
    // npm provenance checks that the package's repository is the one the workflow runs in.
    expect(manifest.repository).toEqual({ type: 'git', url: 'git+https://github.com/test-quality/eslint-plugin-test-quality.git' });
  });
});
