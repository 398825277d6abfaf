// `npm run bench -- --scaling`: how each rule's time grows with its input, over the adversarial
// shapes of issue #26 (bench/shapes.mjs) and the synthetic files of the main bench (more tests,
// longer tests). Every shape is linted at four sizes, doubling from a base of a few KB, with our
// `all` (plus the model probe, so the shared model's cost shows on a row of its own) and ESLint's
// rule timing on; each point is the fastest of `--scaling-reps` runs after a warm-up (the fastest,
// not the median: on a loaded machine interference only ever adds time). Printed as one table:
// each rule's time at each size and its growth per doubling; a growth above ×2.3 on a rule that
// takes at least NOISE_FLOOR_MS at the largest size is marked ⚠ (linear is ×2, quadratic ×4).
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { MODEL_PROBE_ID } from './configs.mjs';
import { generateFile } from './generate.mjs';
import { createLinter } from './lint.mjs';
import { SHAPES } from './shapes.mjs';

const OURS = 'test-quality/';
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

/** Per-rule time (ms) of one lint, from ESLint's stats; `parse` and the model probe under their own names. */
function timesOf(result) {
  const times = new Map();
  for (const pass of result.stats?.times?.passes ?? []) {
    times.set('(parse)', (times.get('(parse)') ?? 0) + (pass.parse?.total ?? 0));
    for (const [id, time] of Object.entries(pass.rules ?? {})) {
      const name = id === MODEL_PROBE_ID ? '(model)' : id.startsWith(OURS) ? id.slice(OURS.length) : null;
      if (name !== null) {
        times.set(name, (times.get(name) ?? 0) + (time.total ?? 0));
      }
    }
  }
  return times;
}

/** Lints one shape at its four sizes; returns, per size, the fastest time of each rule. */
async function measureShape(linter, shape, folder, reps) {
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
        const [result] = await linter.eslint.lintText(text, { filePath });
        const failure = result.messages.find((message) => message.fatal === true || message.message.startsWith('Internal error in '));
        if (failure !== undefined) {
          crashed = `${failure.ruleId ?? 'parse'}: ${failure.message.slice(0, 120)}`;
        }
        if (rep >= 0) {
          for (const [name, ms] of timesOf(result)) {
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
 * always the model and the parse), its time at each size, its growth per doubling and over the
 * whole range (the geometric mean). A rule is flagged when that mean, or its last doubling, is above
 * LIMIT: one slow point in the middle (a garbage collection) does not flag it.
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
    const judged = last >= NOISE_FLOOR_MS && name !== '(parse)';
    const over = judged && ((Number.isFinite(overall) && overall > LIMIT) || (Number.isFinite(lastStep) && lastStep > LIMIT));
    if (over) {
      flagged.push({ shape: shape.key, rule: name, growth: Math.max(Number.isFinite(overall) ? overall : 0, Number.isFinite(lastStep) ? lastStep : 0), ms: last });
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
  const linter = await createLinter('all', folder, { stats: true, modelProbe: true });
  const shapes = [...SHAPES, ...SYNTHETIC];
  const out = [
    `## Growth per doubling, per rule (fastest of ${reps} after a warm-up; ⚠ above ×${LIMIT} where the rule takes ≥ ${NOISE_FLOOR_MS} ms)`,
    '',
    '| shape | rule | ms at n | ms at 2n | ms at 4n | ms at 8n | n→2n | 2n→4n | 4n→8n | per doubling |',
    '|---|---|---:|---:|---:|---:|---:|---:|---:|---:|',
  ];
  const sizes = ['', '## Shapes', '', '| shape | what | n (base) | KB at n | KB at 8n | crash |', '|---|---|---:|---:|---:|---|'];
  const flagged = [];
  for (const shape of shapes) {
    log(`scaling: ${shape.label}`);
    const points = await measureShape(linter, shape, folder, reps);
    const table = shapeRows(shape, points);
    out.push(...table.rows);
    flagged.push(...table.flagged);
    const crash = points.find((point) => point.crashed !== null)?.crashed ?? '';
    sizes.push(`| ${shape.key} | ${shape.label} | ${shape.base} | ${((points[0]?.bytes ?? 0) / 1024).toFixed(1)} | ${((points.at(-1)?.bytes ?? 0) / 1024).toFixed(1)} | ${crash} |`);
  }
  out.push(...sizes, '', flagged.length === 0 ? `No rule grows faster than ×${LIMIT} per doubling.` : `Above ×${LIMIT} per doubling: ${flagged.map((row) => `${row.rule} on ${row.shape} (×${row.growth.toFixed(2)} to ${row.ms.toFixed(1)} ms)`).join('; ')}.`, '');
  process.stdout.write(`${out.join('\n')}\n`);
  return flagged;
}
