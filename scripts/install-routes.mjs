// Proves each install route of the README on a scratch project: the plugin installed from the tarball `npm pack`
// makes of this checkout (what the registry will serve), and from a `git+file://` URL of a fresh clone of its HEAD
// commit (what `npm install git+https://…` does before a release: npm runs our `prepare` build). Each scratch
// project gets ESLint and the parser from the npm registry, the README's config and a bad test file, and must get
// the expected findings (scripts/lib/scratch-project.mjs).
//
//   node scripts/install-routes.mjs [tarball] [git] [--json]
//
// Exits 0 when every route works, 1 otherwise; `--json` prints `{ routes: [{ route, spec, checks }] }`.
import { existsSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

import { REPO_ROOT, checkScratchProject, createScratchProject, exec, installPlugin } from './lib/scratch-project.mjs';

/** A fresh clone of this checkout's HEAD commit (committed work only, as a user would get it). */
function cloneHead(destination) {
  const commit = exec('git', ['rev-parse', 'HEAD'], { cwd: REPO_ROOT }).stdout.trim();
  const clone = join(destination, 'clone');
  exec('git', ['clone', '--quiet', '--no-checkout', REPO_ROOT, clone], { cwd: destination });
  exec('git', ['fetch', '--quiet', REPO_ROOT, commit], { cwd: clone });
  exec('git', ['checkout', '--quiet', '--detach', commit], { cwd: clone });
  return { clone, commit };
}

/**
 * `npm pack` of a clone of HEAD (its `prepare` builds dist/ there, with this checkout's devDependencies, leaving this
 * checkout's dist/ alone); its stdout must be the tarball name and nothing else, which pre-commit relies on.
 */
function packTarball(destination) {
  const { clone } = cloneHead(destination);
  symlinkSync(join(REPO_ROOT, 'node_modules'), join(clone, 'node_modules'), 'dir');
  const { stdout } = exec('npm', ['pack', '--pack-destination', destination], { cwd: clone });
  const name = stdout.replace(/\n$/u, '');
  if (!/^[\w.-]+\.tgz$/u.test(name) || !existsSync(join(destination, name))) {
    throw new Error(`npm pack printed ${JSON.stringify(stdout)} on stdout; expected only the tarball's file name`);
  }
  return join(destination, name);
}

/** A `git+file://…#<commit>` dependency spec for a fresh clone of HEAD: npm clones it, installs and runs `prepare`. */
function gitSpec(destination) {
  const { clone, commit } = cloneHead(destination);
  return `git+${pathToFileURL(clone).href}#${commit}`;
}

const ROUTES = {
  tarball: packTarball,
  git: gitSpec,
};

function runRoute(route) {
  const work = mkdtempSync(join(tmpdir(), `tq-route-${route}-`));
  const project = createScratchProject(route);
  try {
    const spec = ROUTES[route](work);
    installPlugin(project, spec);
    return { route, spec, checks: checkScratchProject(project) };
  } finally {
    project.remove();
    rmSync(work, { recursive: true, force: true });
  }
}

const args = process.argv.slice(2);
const json = args.includes('--json');
const asked = args.filter((arg) => arg !== '--json');
for (const route of asked) {
  if (!(route in ROUTES)) {
    console.error(`install-routes: unknown route ${JSON.stringify(route)}; expected one of ${Object.keys(ROUTES).join(', ')}`);
    process.exit(2);
  }
}

const results = (asked.length > 0 ? asked : Object.keys(ROUTES)).map(runRoute);
const failed = results.filter((result) => result.checks.some((check) => check.problems.length > 0));
if (json) {
  console.log(JSON.stringify({ routes: results }, null, 2));
} else {
  for (const result of results) {
    for (const check of result.checks) {
      console.log(`${check.problems.length === 0 ? 'ok  ' : 'FAIL'} ${result.route}: ${check.check}${check.problems.map((problem) => `\n     ${problem}`).join('')}`);
    }
  }
}
process.exit(failed.length === 0 ? 0 : 1);
