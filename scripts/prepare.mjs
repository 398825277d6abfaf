// npm's `prepare` lifecycle: builds dist/ where npm runs it on a source checkout — `npm install` in a clone, a
// `git+…` dependency (npm installs its devDependencies, runs `prepare`, then packs it), `npm pack` and
// `npm publish` — and does nothing in an installed package, which ships dist/ and neither src/ nor
// devDependencies. It prints nothing on stdout: `npm pack`'s stdout must be only the tarball name (the
// pre-commit framework reads it as a file name), so the compiler's output goes to stderr.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../', import.meta.url));
const has = (path) => existsSync(new URL(`../${path}`, import.meta.url));

if (!has('src/index.ts') || !has('tsconfig.build.json')) {
  // An installed package (registry tarball, packed file): dist/ is what it ships.
  process.exit(0);
}

let tsc;
try {
  tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
} catch {
  if (has('dist/index.js')) {
    console.error('prepare: typescript (a devDependency) is not installed; keeping the existing dist/.');
    process.exit(0);
  }
  console.error('prepare: cannot build dist/: typescript (a devDependency) is not installed. Run `npm install` with devDependencies.');
  process.exit(1);
}

await import('./clean-dist.mjs');
const build = spawnSync(process.execPath, [tsc, '-p', 'tsconfig.build.json'], { cwd: root, stdio: ['ignore', process.stderr, process.stderr] });
process.exit(build.status ?? 1);
