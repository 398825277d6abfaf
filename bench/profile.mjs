// Where our rules spend their time: lints a folder with one configuration under the V8 CPU profiler
// and prints the functions of this plugin (dist/) with the most self time.
//
//   node bench/build.mjs && node bench/profile.mjs <dir> [--config all] [--max-files N] [--top N] [--dist <dir>] [--save <file.cpuprofile>]
//
// A saved profile opens in Chrome DevTools (Performance → Load profile) or https://www.speedscope.app.
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';

import { distUrl } from './configs.mjs';
import { collectFiles, commonRoot } from './corpus.mjs';
import { createLinter } from './lint.mjs';

const repoRoot = fileURLToPath(new URL('../', import.meta.url));
const argv = process.argv.slice(2);
const option = (name, fallback) => {
  const index = argv.indexOf(name);
  return index === -1 ? fallback : argv[index + 1];
};
// Which build to profile: bench/.tmp/build/dist (what `npm run bench` builds) unless --dist says otherwise.
process.env.BENCH_DIST = option('--dist', fileURLToPath(new URL('.tmp/build/dist', import.meta.url)));
const distPrefix = distUrl();
const dir = argv[0];
if (dir === undefined || dir.startsWith('--')) {
  throw new Error('usage: node bench/profile.mjs <dir> [--config all] [--max-files N] [--top N] [--dist <dir>] [--save <file>]');
}
const configName = option('--config', 'all');
const { files } = collectFiles([dir], Number(option('--max-files', 'Infinity')));
const { eslint } = await createLinter(configName, commonRoot(files));
await eslint.lintFiles(files); // warm-up, not profiled

const session = new Session();
session.connect();
await session.post('Profiler.enable');
await session.post('Profiler.setSamplingInterval', { interval: 200 });
await session.post('Profiler.start');
await eslint.lintFiles(files);
const { profile } = await session.post('Profiler.stop');
session.disconnect();

const save = option('--save', null);
if (save !== null) {
  writeFileSync(save, JSON.stringify(profile));
}

// Self time per node = its hit count × the mean sampling interval. Time in code we call outside
// dist/ (ESLint's scope manager, the parser's helpers) is charged to the nearest dist/ caller.
const interval = (profile.endTime - profile.startTime) / Math.max(1, profile.samples.length);
const totalMs = (profile.endTime - profile.startTime) / 1000;
const parentOf = new Map();
const byId = new Map();
for (const node of profile.nodes) {
  byId.set(node.id, node);
  for (const child of node.children ?? []) {
    parentOf.set(child, node.id);
  }
}
const keyOf = (node) => {
  const { url, functionName, lineNumber } = node.callFrame;
  return `${functionName || '(anonymous)'} ${relative(repoRoot, fileURLToPath(url))}:${lineNumber + 1}`;
};
const isOurs = (node) => node.callFrame.url.startsWith(distPrefix);
const self = new Map();
const charged = new Map();
let oursMs = 0;
for (const node of profile.nodes) {
  const ms = ((node.hitCount ?? 0) * interval) / 1000;
  if (ms === 0) {
    continue;
  }
  let owner = node;
  while (owner !== undefined && !isOurs(owner)) {
    owner = byId.get(parentOf.get(owner.id));
  }
  if (owner === undefined) {
    continue;
  }
  oursMs += ms;
  const key = keyOf(owner);
  charged.set(key, (charged.get(key) ?? 0) + ms);
  if (owner === node) {
    self.set(key, (self.get(key) ?? 0) + ms);
  }
}
const top = Number(option('--top', '25'));
console.log(
  `${files.length} files, config ${configName}: ${totalMs.toFixed(0)} ms profiled, ${oursMs.toFixed(0)} ms (${((oursMs / totalMs) * 100).toFixed(1)}%) in dist/ code and what it calls`,
);
console.log('   self ms  +callees ms  function');
for (const [key, ms] of [...charged].sort((a, b) => b[1] - a[1]).slice(0, top)) {
  console.log(`${(self.get(key) ?? 0).toFixed(1).padStart(10)} ${ms.toFixed(1).padStart(12)}  ${key}`);
}
