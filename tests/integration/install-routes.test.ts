// Runs scripts/install-routes.mjs: the plugin installed into scratch projects from the packed tarball and from a
// `git+file://` URL of a fresh clone of HEAD (npm runs our `prepare` build), each linting a bad test file with the
// README's config and getting the expected findings. Real npm, real registry for ESLint and the parser.
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';

import { REPO_ROOT, run } from './support/project.js';

// A git install makes npm install our devDependencies and build; minutes on a loaded machine.
vi.setConfig({ testTimeout: 1_200_000 });

interface RoutesReport {
  readonly routes: readonly { readonly route: string; readonly spec: string; readonly checks: readonly { readonly check: string; readonly problems: readonly string[] }[] }[];
}

const script = join(REPO_ROOT, 'scripts', 'install-routes.mjs');

describe('scripts/install-routes.mjs', () => {
  it('installs from the tarball and from git, and the README config finds the expected problems each time', async () => {
    const result = await run(process.execPath, [script, '--json'], { cwd: REPO_ROOT, timeoutMs: 1_200_000 });
    expect(result.code, result.stdout + result.stderr).toBe(0);
    const report = JSON.parse(result.stdout) as RoutesReport;
    expect(report.routes.map((route) => route.route)).toEqual(['tarball', 'git']);
    expect(report.routes[0]?.spec).toMatch(/eslint-plugin-test-quality-[\d.]+\.tgz$/u);
    expect(report.routes[1]?.spec).toMatch(/^git\+file:\/\/.+#[0-9a-f]{40}$/u);
    for (const route of report.routes) {
      expect(route.checks.map((check) => check.check)).toEqual(expect.arrayContaining(['installed package', 'README config finds the expected problems']));
      expect(route.checks.filter((check) => check.problems.length > 0)).toEqual([]);
    }
  });

  it('names the routes it knows when asked for another', async () => {
    const result = await run(process.execPath, [script, 'svn'], { cwd: REPO_ROOT });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('unknown route "svn"; expected one of tarball, git');
  });
});
