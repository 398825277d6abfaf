// One configuration in a fresh Node process, as in a lint step (cold JIT, fresh heap, nothing else resident):
//   node --expose-gc bench/lint-child.mjs <config> <cwd> <file-list.json> [passes]
// Lints the listed files `passes` times (default 1) and prints JSON { config, cpuMs, wallMs,
// mainThreadCpuMs, helperThreadsCpuMs, maxRssKb, retainedKb, files }: CPU time (user + system) and
// wall time of the linting itself (configuration and plugins are loaded before the clock starts), that
// CPU time split between the main thread and all other threads (Linux only, else null), peak RSS, and
// (with --expose-gc) the heap still in use after full garbage collections at the end — what the
// configuration keeps alive.
import { readFileSync } from 'node:fs';

import { createLinter } from './lint.mjs';

const [name, cwd, listFile, passesArgument = '1'] = process.argv.slice(2);
if (name === undefined || cwd === undefined || listFile === undefined) {
  throw new Error('usage: node bench/lint-child.mjs <config> <cwd> <file-list.json> [passes]');
}
const files = JSON.parse(readFileSync(listFile, 'utf8'));

/** CPU ms (user + system) of this process's main thread, or null where /proc is not available. */
function mainThreadCpuMs() {
  try {
    const stat = readFileSync(`/proc/self/task/${process.pid}/stat`, 'utf8');
    // Fields after the command name (which may contain spaces): utime and stime are the 12th and 13th.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ticksPerSecond = 100; // USER_HZ, 100 on Linux
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / ticksPerSecond;
  } catch {
    return null;
  }
}

const { eslint } = await createLinter(name, cwd);
const mainBefore = mainThreadCpuMs();
const cpuBefore = process.cpuUsage();
const start = process.hrtime.bigint();
let results = [];
for (let pass = 0; pass < Number(passesArgument); pass += 1) {
  results = await eslint.lintFiles(files);
}
const wallMs = Number(process.hrtime.bigint() - start) / 1e6;
const cpu = process.cpuUsage(cpuBefore);
const mainAfter = mainThreadCpuMs();
const maxRssKb = process.resourceUsage().maxRSS;
let retainedKb = null;
if (typeof globalThis.gc === 'function') {
  globalThis.gc();
  globalThis.gc();
  retainedKb = process.memoryUsage().heapUsed / 1024;
}
const cpuMs = (cpu.user + cpu.system) / 1000;
const mainThread = mainBefore === null || mainAfter === null ? null : mainAfter - mainBefore;
const split = { mainThreadCpuMs: mainThread, helperThreadsCpuMs: mainThread === null ? null : Math.max(0, cpuMs - mainThread) };
process.stdout.write(`${JSON.stringify({ config: name, cpuMs, wallMs, ...split, maxRssKb, retainedKb, files: results.length })}\n`);
