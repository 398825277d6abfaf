// Peak memory of one configuration, measured in a fresh process so nothing else is resident:
//   node bench/rss-child.mjs <config> <cwd> <file-list.json> [passes]
// Lints the listed files `passes` times (default 1) and prints JSON { config, maxRssKb, retainedKb,
// ms, files }: peak RSS, and (run with --expose-gc) the heap still in use after full garbage
// collections at the end — what the configuration keeps alive, as opposed to when V8 collected.
import { readFileSync } from 'node:fs';

import { createLinter } from './lint.mjs';

const [name, cwd, listFile, passesArgument = '1'] = process.argv.slice(2);
if (name === undefined || cwd === undefined || listFile === undefined) {
  throw new Error('usage: node bench/rss-child.mjs <config> <cwd> <file-list.json> [passes]');
}
const files = JSON.parse(readFileSync(listFile, 'utf8'));
const { eslint } = await createLinter(name, cwd);
const start = process.hrtime.bigint();
let results = [];
for (let pass = 0; pass < Number(passesArgument); pass += 1) {
  results = await eslint.lintFiles(files);
}
const ms = Number(process.hrtime.bigint() - start) / 1e6;
const maxRssKb = process.resourceUsage().maxRSS;
let retainedKb = null;
if (typeof globalThis.gc === 'function') {
  globalThis.gc();
  globalThis.gc();
  retainedKb = process.memoryUsage().heapUsed / 1024;
}
process.stdout.write(`${JSON.stringify({ config: name, maxRssKb, retainedKb, ms, files: results.length })}\n`);
