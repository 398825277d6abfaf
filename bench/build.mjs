// Builds the plugin for the benchmark into bench/.tmp/build/ (dist/ plus a copy of package.json,
// the layout the build expects), so a benchmark run never depends on, or races with, the shared dist/.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../', import.meta.url));
const build = fileURLToPath(new URL('.tmp/build/', import.meta.url));
rmSync(build, { recursive: true, force: true });
mkdirSync(build, { recursive: true });
copyFileSync(`${root}package.json`, `${build}package.json`);
const tsc = fileURLToPath(new URL('../node_modules/typescript/bin/tsc', import.meta.url));
const result = spawnSync(process.execPath, [tsc, '-p', 'tsconfig.build.json', '--outDir', `${build}dist`], { cwd: root, stdio: 'inherit' });
if (result.status !== 0) {
  process.exit(result.status ?? 1);
}
console.error(`built the plugin into ${build}dist`);
