// `npm run bench -- --scaling`: how each rule's time grows with its input, over the adversarial
// shapes of issue #26 (bench/shapes.mjs) and the synthetic files of the main bench (more tests,
// longer tests). Every shape is linted at four sizes, doubling from a base of a few KB, with our
// `all` plus the model probe (so the shared model's cost shows on a row of its own, `(model)`).
// Each rule's CPU time is added up around its `create` and listeners (see `measuredConfig`); each
// point is the least of `--scaling-reps` runs (at most 5) after a warm-up, each after a full garbage
// collection. Printed as one table: each rule's time at each size and its growth per doubling; a
// growth above ×2.3 on a rule that takes at least NOISE_FLOOR_MS at the largest size is marked ⚠
// (linear is ×2, quadratic ×4).
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { ESLint } from 'eslint';

import { loadConfig, MODEL_PROBE_ID } from './configs.mjs';
import { generateFile } from './generate.mjs';
import { SHAPES } from './shapes.mjs';

const DOUBLINGS = 3;
const LIMIT = 2.3;
/** Below this (ms, at the larger size) a rule's time is timer and scheduling noise: its growth is not judged. */
const NOISE_FLOOR_MS = 2;

/** The main bench's synthetic files as two more shapes: more tests per file, and longer tests. */
const SYNTHETIC = [
  {
    key: 'more-tests',
    label: 'synthetic file, n tests',
    base: 50,
    filename: 'synthetic.test.ts',
    generate: (n) => generateFile({ files: 1, tests: n, mocks: 1, depth: 2, padding: 1, flavour: 'vitest', seed: 1 }, 0).text,
  },
  {
    key: 'more-lines',
    label: 'synthetic file, 20 tests of n lines',
    base: 5,
    filename: 'synthetic.test.ts',
    generate: (n) => generateFile({ files: 1, tests: 20, mocks: 1, depth: 2, padding: n, flavour: 'vitest', seed: 1 }, 0).text,
  },
];

const log = (message) => process.stderr.write(`${message}\n`);
const collectGarbage = typeof globalThis.gc === 'function' ? globalThis.gc : () => {};

/**
 * A copy of the configuration whose rules of ours (and the model probe) add up the CPU time their
 * `create` and listeners take, per rule, into `spent`. CPU time, not ESLint's rule timing (wall
 * time): on a loaded machine a rule that runs for a few milliseconds is preempted more often than
 * not, and wall time then measures the other processes.
 */
function measuredConfig(config, spent) {
  const cpuMs = (since) => {
    const used = process.cpuUsage(since);
    return (used.user + used.system) / 1000;
  };
  const wrapRule = (name, rule) => ({
    ...rule,
    create(context) {
      const started = process.cpuUsage();
      const listeners = rule.create(context);
      spent.set(name, (spent.get(name) ?? 0) + cpuMs(started));
      const wrapped = {};
      for (const [selector, listener] of Object.entries(listeners)) {
        wrapped[selector] = (...args) => {
          const before = process.cpuUsage();
          try {
            return listener(...args);
          } finally {
            spent.set(name, (spent.get(name) ?? 0) + cpuMs(before));
          }
        };
      }
      return wrapped;
    },
  });
  const wrapPlugin = (namespace, plugin) => ({
    ...plugin,
    rules: Object.fromEntries(Object.entries(plugin.rules ?? {}).map(([id, rule]) => [id, wrapRule(`${namespace}/${id}` === MODEL_PROBE_ID ? '(model)' : id, rule)])),
  });
  return config.map((entry) =>
    entry.plugins === undefined
      ? entry
      : { ...entry, plugins: Object.fromEntries(Object.entries(entry.plugins).map(([namespace, plugin]) => [namespace, namespace === 'test-quality' || namespace === 'bench' ? wrapPlugin(namespace, plugin) : plugin])) },
  );
}

/** Lints one shape at its four sizes; returns, per size, the least CPU time of each rule and of the whole lint. */
async function measureShape(eslint, spent, shape, folder, reps) {
  const points = [];
  for (let step = 0; step <= DOUBLINGS; step += 1) {
    const n = shape.base * 2 ** step;
    const text = shape.generate(n);
    const filePath = join(folder, shape.filename);
    writeFileSync(filePath, text);
    const best = new Map();
    let crashed = null;
    for (let rep = -1; rep < reps; rep += 1) {
      try {
        // A full collection first, so a pause for the previous run's garbage lands in no rule's time.
        collectGarbage();
        spent.clear();
        const started = process.cpuUsage();
        const [result] = await eslint.lintText(text, { filePath });
        const used = process.cpuUsage(started);
        spent.set('(whole lint)', (used.user + used.system) / 1000);
        const failure = result.messages.find((message) => message.fatal === true || message.message.startsWith('Internal error in '));
        if (failure !== undefined) {
          crashed = `${failure.ruleId ?? 'parse'}: ${failure.message.slice(0, 120)}`;
        }
        if (rep >= 0) {
          for (const [name, ms] of spent) {
            best.set(name, Math.min(best.get(name) ?? Infinity, ms));
          }
        }
      } catch (error) {
        crashed = String(error).split('\n', 1)[0];
        break;
      }
    }
    points.push({ n, bytes: text.length, times: best, crashed });
    log(`  ${shape.key} n=${n} (${(text.length / 1024).toFixed(0)} KB)${crashed === null ? '' : ` CRASH ${crashed}`}`);
  }
  return points;
}

const growthOf = (previous, next) => (previous > 0 ? next / previous : NaN);

/**
 * The table rows of one shape: a row per rule that takes at least NOISE_FLOOR_MS at some size (and
 * always the model and the whole lint), its time at each size, its growth per doubling and over the
 * whole range (the geometric mean). A rule is flagged when both that mean and its last doubling are
 * above LIMIT (growth that lasts): one slow point (a garbage collection) does not flag it.
 */
function shapeRows(shape, points) {
  const names = [...new Set(points.flatMap((point) => [...point.times.keys()]))].sort((a, b) => (a.startsWith('(') === b.startsWith('(') ? a.localeCompare(b) : a.startsWith('(') ? -1 : 1));
  const rows = [];
  const flagged = [];
  let quiet = 0;
  for (const name of names) {
    const times = points.map((point) => point.times.get(name) ?? NaN);
    const last = times.at(-1) ?? NaN;
    if (!name.startsWith('(') && !times.some((ms) => ms >= NOISE_FLOOR_MS)) {
      quiet += 1;
      continue;
    }
    const growths = [];
    for (let index = 1; index < times.length; index += 1) {
      const growth = growthOf(times[index - 1], times[index]);
      growths.push(times[index] >= NOISE_FLOOR_MS && Number.isFinite(growth) ? `×${growth.toFixed(2)}` : '—');
    }
    const overall = growthOf(times[0], last) ** (1 / DOUBLINGS);
    const lastStep = growthOf(times.at(-2) ?? NaN, last);
    const judged = last >= NOISE_FLOOR_MS && name !== '(whole lint)';
    const over = judged && Number.isFinite(overall) && overall > LIMIT && Number.isFinite(lastStep) && lastStep > LIMIT;
    if (over) {
      flagged.push({ shape: shape.key, rule: name, growth: overall, last: lastStep, ms: last });
    }
    const overallText = Number.isFinite(overall) && last >= NOISE_FLOOR_MS ? `×${overall.toFixed(2)}${over ? ' ⚠' : ''}` : '—';
    rows.push(`| ${shape.key} | ${name} | ${times.map((ms) => (Number.isFinite(ms) ? ms.toFixed(1) : 'n/a')).join(' | ')} | ${growths.join(' | ')} | ${overallText} |`);
  }
  if (quiet > 0) {
    rows.push(`| ${shape.key} | ${quiet} other rules | < ${NOISE_FLOOR_MS} | | | | | | | |`);
  }
  return { rows, flagged };
}

/** Runs the scaling bench (options: dist, scalingReps, quick); prints the table, returns the flagged rows. */
export async function runScaling(options, tmpRoot) {
  const folder = join(tmpRoot, 'scaling-shapes');
  mkdirSync(folder, { recursive: true });
  const reps = options.quick ? 1 : Math.max(1, Math.min(options.scalingReps, 5));
  const spent = new Map();
  const config = measuredConfig(await loadConfig('all', { modelProbe: true }), spent);
  const eslint = new ESLint({ cwd: folder, overrideConfigFile: true, overrideConfig: config, cache: false, fix: false });
  const shapes = [...SHAPES, ...SYNTHETIC];
  const out = [
    `## Growth per doubling, per rule (CPU ms, least of ${reps} after a warm-up; ⚠ above ×${LIMIT} where the rule takes ≥ ${NOISE_FLOOR_MS} ms)`,
    '',
    '| shape | rule | ms at n | ms at 2n | ms at 4n | ms at 8n | n→2n | 2n→4n | 4n→8n | per doubling |',
    '|---|---|---:|---:|---:|---:|---:|---:|---:|---:|',
  ];
  const sizes = ['', '## Shapes', '', '| shape | what | n (base) | KB at n | KB at 8n | crash |', '|---|---|---:|---:|---:|---|'];
  const flagged = [];
  for (const shape of shapes) {
    log(`scaling: ${shape.label}`);
    const points = await measureShape(eslint, spent, shape, folder, reps);
    const table = shapeRows(shape, points);
    out.push(...table.rows);
    flagged.push(...table.flagged);
    const crash = points.find((point) => point.crashed !== null)?.crashed ?? '';
    sizes.push(`| ${shape.key} | ${shape.label} | ${shape.base} | ${((points[0]?.bytes ?? 0) / 1024).toFixed(1)} | ${((points.at(-1)?.bytes ?? 0) / 1024).toFixed(1)} | ${crash} |`);
  }
  out.push(...sizes, '', flagged.length === 0 ? `No rule grows faster than ×${LIMIT} per doubling.` : `Above ×${LIMIT} per doubling: ${flagged.map((row) => `${row.rule} on ${row.shape} (×${row.growth.toFixed(2)} per doubling, ×${row.last.toFixed(2)} last, to ${row.ms.toFixed(1)} ms)`).join('; ')}.`, '');
  process.stdout.write(`${out.join('\n')}\n`);
  return flagged;
}
