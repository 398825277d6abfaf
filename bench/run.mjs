// `npm run bench`: how much this plugin adds to a lint step that already parses every test file,
// side by side with the anchor plugins, on real test files and on synthetic files at growing scales.
//
//   node --expose-gc bench/run.mjs [--real <dir>]... [--max-files N] [--chunk-size N] [--reps N]
//     [--scaling-reps N] [--process-rounds N] [--memory-passes N] [--no-scaling] [--no-processes] [--quick] [--dist <build dir>]
//     [--reference <build dir>] [--out <file>]
//   node --expose-gc bench/run.mjs --scaling [--scaling-reps N] [--quick] [--dist <build dir>]
//
// Without --real it lints this repository's own test files (tests/, examples/). Writes
// bench/results.md (commit it) and bench/results.json (raw numbers, ignored by git). --reference adds
// the configuration `reference` (`recommended` from another build) and reports `recommended` against
// it, paired per repetition and round.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, platform, release, totalmem } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

import { CONFIG_LABELS, CONFIG_NAMES, distUrl, JEST_VERSION, MODEL_PROBE_ID, referenceDistUrl, ruleIdsOf } from './configs.mjs';
import { collectFiles, commonRoot } from './corpus.mjs';
import { generateCorpus } from './generate.mjs';
import { runScaling } from './scaling.mjs';
import { countFindings, createLinter, median, medianInterval, sumStats, timedLint } from './lint.mjs';

const repoRoot = fileURLToPath(new URL('../', import.meta.url));
const tmpRoot = join(repoRoot, 'bench', '.tmp');
const OURS = 'test-quality/';

function parseOptions(argv) {
  const options = {
    real: [],
    maxFiles: 300,
    chunkSize: 25,
    reps: 5,
    scalingReps: 9, // 5 let one jittery small point tilt the growth fit past ×2.2 (×2.28 at 5, ×1.99 at 9, same build)
    processRounds: 7,
    memoryPasses: 1,
    scaling: true,
    memory: true,
    quick: false,
    out: join(repoRoot, 'bench', 'results.md'),
    // The build under test; `node bench/build.mjs` (run by `npm run bench`) writes it.
    dist: join(repoRoot, 'bench', '.tmp', 'build', 'dist'),
  };
  for (let index = 0; index < argv.length; index += 1) {
    const argument = argv[index];
    const next = () => {
      index += 1;
      const value = argv[index];
      if (value === undefined) {
        throw new Error(`${argument} needs a value`);
      }
      return value;
    };
    switch (argument) {
      case '--real':
        options.real.push(next());
        break;
      case '--max-files':
        options.maxFiles = Number(next());
        break;
      case '--chunk-size':
        options.chunkSize = Number(next());
        break;
      case '--reps':
        options.reps = Number(next());
        break;
      case '--scaling-reps':
        options.scalingReps = Number(next());
        break;
      case '--process-rounds':
        options.processRounds = Number(next());
        break;
      case '--memory-passes':
        options.memoryPasses = Number(next());
        break;
      case '--no-scaling':
        options.scaling = false;
        break;
      case '--scaling':
        // Only the growth per doubling over the adversarial shapes (bench/scaling.mjs); writes no results.md.
        options.scalingOnly = true;
        break;
      case '--no-processes':
        options.memory = false;
        break;
      case '--quick':
        options.quick = true;
        break;
      case '--dist':
        options.dist = next();
        break;
      case '--reference':
        options.reference = next();
        break;
      case '--out':
        options.out = next();
        break;
      case '--render':
        options.render = next();
        break;
      default:
        throw new Error(`unknown option ${argument}`);
    }
  }
  // Read by configs.mjs here and in the memory children (they inherit the environment).
  process.env.BENCH_DIST = options.dist;
  if (options.reference !== undefined) {
    process.env.BENCH_REFERENCE_DIST = options.reference;
  }
  if (options.quick) {
    options.maxFiles = Math.min(options.maxFiles, 40);
    options.reps = Math.min(options.reps, 2);
    options.scalingReps = 1;
    options.processRounds = 1;
    options.memoryPasses = 1;
  }
  return options;
}

const log = (message) => process.stderr.write(`${message}\n`);
const round = (value, digits = 0) => (Number.isFinite(value) ? Number(value.toFixed(digits)) : NaN);
const percent = (value) => `${value >= 0 ? '+' : ''}${(value * 100).toFixed(1)}%`;
const growth = (value) => (value === undefined ? '—' : `×${value.toFixed(2)}`);
const ms = (value) => (Number.isFinite(value) ? value.toFixed(value < 100 ? 1 : 0) : 'n/a');

/** The configurations a run compares: with --reference, `reference` right after `recommended`. */
function configNames(options) {
  return options.reference === undefined ? CONFIG_NAMES : CONFIG_NAMES.flatMap((name) => (name === 'recommended' ? [name, 'reference'] : [name]));
}

function cpuMs(before) {
  const used = process.cpuUsage(before);
  return (used.user + used.system) / 1000;
}

/**
 * Lints `files` with every configuration, one chunk of files at a time: for each chunk every
 * configuration runs once, in an order that rotates with the chunk and the repetition, so a change
 * in machine load hits all configurations alike. One warm-up round first. Each `lintFiles` call is
 * timed whole (wall clock and process CPU time) and summed per configuration and repetition.
 */
async function interleave(linters, files, reps, { chunkSize = Infinity, onResults = () => {} } = {}) {
  const chunks = [];
  for (let start = 0; start < files.length; start += Math.min(chunkSize, files.length)) {
    chunks.push(files.slice(start, start + chunkSize));
  }
  const samples = new Map(linters.map((linter) => [linter.name, { wall: [], cpu: [], results: [] }]));
  for (let rep = -1; rep < reps; rep += 1) {
    const totals = new Map(linters.map((linter) => [linter.name, { wall: 0, cpu: 0, results: [] }]));
    for (const [chunkIndex, chunk] of chunks.entries()) {
      const offset = (rep + 1 + chunkIndex) % linters.length;
      for (const linter of [...linters.slice(offset), ...linters.slice(0, offset)]) {
        const before = process.cpuUsage();
        const { ms: wall, results } = await timedLint(linter.eslint, chunk);
        const total = totals.get(linter.name);
        total.cpu += cpuMs(before);
        total.wall += wall;
        total.results.push(...results);
      }
    }
    for (const linter of linters) {
      const sample = samples.get(linter.name);
      const total = totals.get(linter.name);
      if (rep >= 0) {
        sample.wall.push(total.wall);
        sample.cpu.push(total.cpu);
        onResults(linter.name, total.results);
      }
      sample.results = total.results;
    }
    log(`  ${rep < 0 ? 'warm-up' : `rep ${rep + 1}/${reps}`} done`);
  }
  return samples;
}

/**
 * A paired difference, per repetition or round: the median over samples of (value − minus[i]) ÷
 * over[i], with the order-statistic interval for that median (null with too few samples).
 */
function pairedDifference(values, minus, over) {
  const ratios = values.map((value, index) => (value - minus[index]) / over[index]);
  return { median: median(ratios), interval: medianInterval(ratios) };
}

/**
 * What a configuration adds above the do-nothing control, as a share of the baseline, paired per
 * repetition or round: the cost of the rules' own work with ESLint's charge for running that many
 * rules taken out.
 */
const aboveControl = (sample, control, baseline) => (control === undefined ? { median: null, interval: null } : pairedDifference(sample.cpu, control.cpu, baseline.cpu));

/**
 * With --reference, `recommended` against the same configuration from the reference build, paired
 * per repetition or round: the median of (recommended ÷ reference) − 1, i.e. (recommended − reference) ÷ reference.
 * Nothing (no fields) without it, so such a run's results are as before.
 */
function versusReference(name, samples, pick, key = 'vsReference') {
  const reference = samples.get('reference');
  if (name !== 'recommended' || reference === undefined) {
    return {};
  }
  const { median: ratio, interval } = pairedDifference(pick(samples.get(name)), pick(reference), pick(reference));
  return { [key]: ratio, [`${key}Interval`]: interval };
}

function lineCount(files) {
  let lines = 0;
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    for (let index = text.indexOf('\n'); index !== -1; index = text.indexOf('\n', index + 1)) {
      lines += 1;
    }
  }
  return lines;
}

async function benchReal(options, files, cwd) {
  log(`real files: ${files.length} files, ${options.reps} repetitions`);
  const linters = [];
  for (const name of configNames(options)) {
    linters.push(await createLinter(name, cwd));
  }
  const samples = await interleave(linters, files, options.reps, { chunkSize: options.chunkSize });
  const baseline = samples.get('baseline');
  const control = samples.get('control');
  const rows = [];
  for (const linter of linters) {
    const sample = samples.get(linter.name);
    const ruleCount = ruleIdsOf(linter.config).length;
    const wall = median(sample.wall);
    const cpu = median(sample.cpu);
    // Paired: each repetition's total against the baseline's total in the same repetition.
    const cpuRatios = sample.cpu.map((value, rep) => value / baseline.cpu[rep] - 1);
    const addedCpu = median(cpuRatios);
    const above = aboveControl(sample, control, baseline);
    const addedWall = median(sample.wall.map((value, rep) => value / baseline.wall[rep] - 1));
    const findings = countFindings(sample.results);
    rows.push({
      config: linter.name,
      rules: ruleCount,
      wall,
      cpu,
      wallSamples: sample.wall.map((value) => round(value, 1)),
      cpuSamples: sample.cpu.map((value) => round(value, 1)),
      addedWall,
      addedCpu,
      addedCpuInterval: medianInterval(cpuRatios),
      aboveControlCpu: above.median,
      aboveControlInterval: above.interval,
      ...versusReference(linter.name, samples, (entry) => entry.cpu),
      perRuleCpu: ruleCount > 0 ? addedCpu / ruleCount : 0,
      findings: [...findings.byRule.values()].reduce((sum, count) => sum + count, 0),
      fatal: findings.fatal,
    });
  }
  // Per-rule time: one more run per configuration with ESLint's `stats: true` (rule timing).
  log('per-rule timing (stats: true)');
  const perRule = [];
  let parseMs = 0;
  let baselineMs = 0;
  for (const name of configNames(options)) {
    const { eslint } = await createLinter(name, cwd, { stats: true, modelProbe: name === 'all' });
    const { results } = await timedLint(eslint, files);
    const stats = sumStats(results);
    if (name === 'baseline') {
      parseMs = stats.parse;
      baselineMs = stats.total;
    }
    for (const [id, time] of stats.rules) {
      perRule.push({ config: name, id, ms: time });
    }
  }
  return { rows, perRule, parseMs, baselineMs };
}

/**
 * A lint step as users run it: every configuration in a fresh Node process (cold JIT, fresh heap,
 * no other configuration resident) linting all the files once, rounds in a rotating order. Gives
 * the time each configuration adds and its peak memory from the same runs.
 */
function benchProcesses(options, files, cwd) {
  log(`fresh process per configuration: ${options.processRounds} rounds of ${options.memoryPasses} pass(es)`);
  mkdirSync(tmpRoot, { recursive: true });
  const listFile = join(tmpRoot, 'process-files.json');
  writeFileSync(listFile, JSON.stringify(files));
  const names = configNames(options);
  const samples = new Map(names.map((name) => [name, { cpu: [], wall: [], rss: [], retained: [], main: [], helpers: [] }]));
  for (let roundIndex = 0; roundIndex < options.processRounds; roundIndex += 1) {
    const offset = roundIndex % names.length;
    for (const name of [...names.slice(offset), ...names.slice(0, offset)]) {
      const child = spawnSync(process.execPath, ['--expose-gc', join(repoRoot, 'bench', 'lint-child.mjs'), name, cwd, listFile, String(options.memoryPasses)], {
        cwd: repoRoot,
        encoding: 'utf8',
        maxBuffer: 16 * 1024 * 1024,
      });
      if (child.status !== 0) {
        throw new Error(`lint child for ${name} failed:\n${child.stderr}`);
      }
      const measured = JSON.parse(child.stdout.trim().split('\n').at(-1));
      const sample = samples.get(name);
      sample.cpu.push(measured.cpuMs);
      sample.wall.push(measured.wallMs);
      sample.rss.push(measured.maxRssKb);
      sample.retained.push(measured.retainedKb);
      sample.main.push(measured.mainThreadCpuMs);
      sample.helpers.push(measured.helperThreadsCpuMs);
    }
    log(`  round ${roundIndex + 1}/${options.processRounds} done`);
  }
  const base = samples.get('baseline');
  const control = samples.get('control');
  return names.map((name) => {
    const sample = samples.get(name);
    const cpuRatios = sample.cpu.map((value, round) => value / base.cpu[round] - 1);
    const above = aboveControl(sample, control, base);
    const rssRatios = sample.rss.map((value, round) => value / base.rss[round] - 1);
    const peak = median(sample.rss);
    const lowest = Math.min(...sample.rss);
    return {
      config: name,
      cpu: median(sample.cpu),
      wall: median(sample.wall),
      // Paired: each round's run against the baseline's run in the same round.
      addedCpu: median(cpuRatios),
      // How sure the median is: machine noise moves a single round by several points.
      addedCpuInterval: medianInterval(cpuRatios),
      aboveControlCpu: above.median,
      aboveControlInterval: above.interval,
      ...versusReference(name, samples, (entry) => entry.cpu),
      addedWall: median(sample.wall.map((value, round) => value / base.wall[round] - 1)),
      // Interference from other work only adds time, so the fastest runs are the least disturbed.
      addedCpuFastest: Math.min(...sample.cpu) / Math.min(...base.cpu) - 1,
      cpuSamples: sample.cpu.map((value) => round(value, 1)),
      // Linux only (per-thread CPU from /proc): what the main thread and V8's helper threads (parallel
      // and concurrent GC, the optimising compiler) add, paired per round like the ratios.
      addedMainMs: sample.main.includes(null) ? null : median(sample.main.map((value, round) => value - base.main[round])),
      addedHelpersMs: sample.helpers.includes(null) ? null : median(sample.helpers.map((value, round) => value - base.helpers[round])),
      maxRssMb: peak / 1024,
      minRssMb: lowest / 1024,
      samplesMb: sample.rss.map((kb) => round(kb / 1024, 1)),
      // Paired like the CPU ratios, with the same interval: single peaks jump by a third with when V8 collects.
      added: median(rssRatios),
      addedInterval: medianInterval(rssRatios),
      ...versusReference(name, samples, (entry) => entry.rss, 'rssVsReference'),
      addedMin: lowest / Math.min(...base.rss) - 1,
      retainedMb: median(sample.retained) / 1024,
    };
  });
}

/** Scale points: each axis doubles one dimension and holds the others. */
function scalingAxes(quick) {
  const shrink = (values) => (quick ? values.slice(0, 2) : values);
  return [
    {
      axis: 'tests per file',
      key: 'tests',
      points: shrink([250, 500, 1000, 2000]).map((tests) => ({ files: 1, tests, mocks: 1, depth: 2, padding: 1 })),
    },
    {
      axis: 'file length (lines; 100 tests, longer bodies)',
      key: 'lines',
      points: shrink([11, 23, 47, 95]).map((padding) => ({ files: 1, tests: 100, mocks: 1, depth: 2, padding })),
    },
    {
      axis: 'mocks per test',
      key: 'mocks',
      points: shrink([2, 4, 8, 16]).map((mocks) => ({ files: 1, tests: 200, mocks, depth: 2, padding: 1 })),
    },
    {
      axis: 'nesting depth',
      key: 'depth',
      points: shrink([2, 4, 8, 16]).map((depth) => ({ files: 1, tests: 256, mocks: 1, depth, padding: 1 })),
    },
    {
      axis: 'number of files (250 tests each)',
      key: 'files',
      points: shrink([4, 8, 16, 32]).map((files) => ({ files, tests: 250, mocks: 1, depth: 2, padding: 1 })),
    },
  ];
}

async function benchScaling(options) {
  const axes = [];
  for (const { axis, key, points } of scalingAxes(options.quick)) {
    log(`scaling: ${axis}`);
    const rows = [];
    for (const [index, point] of points.entries()) {
      const corpus = generateCorpus(join(tmpRoot, 'scaling', `${key}-${index}`), point);
      const baseline = await createLinter('baseline', corpus.root, { stats: true });
      const all = await createLinter('all', corpus.root, { stats: true, modelProbe: true });
      // Both run with ESLint's rule timing on; our rules' own time is summed from it per repetition.
      const ruleTimes = [];
      const samples = await interleave([baseline, all], corpus.files, options.scalingReps, {
        onResults: (name, results) => {
          if (name !== 'all') {
            return;
          }
          let ours = 0;
          for (const [id, time] of sumStats(results).rules) {
            if (id.startsWith(OURS) || id === MODEL_PROBE_ID) {
              ours += time;
            }
          }
          ruleTimes.push(ours);
        },
      });
      const findings = countFindings(samples.get('all').results);
      rows.push({
        ...point,
        lines: corpus.lines,
        size: key === 'lines' ? corpus.lines : point[key],
        baselineCpu: median(samples.get('baseline').cpu),
        allCpu: median(samples.get('all').cpu),
        // CPU time `all` adds over the baseline, paired per repetition.
        addedCpu: median(samples.get('all').cpu.map((value, rep) => value - samples.get('baseline').cpu[rep])),
        rulesMs: median(ruleTimes),
        findings: [...findings.byRule.entries()].filter(([id]) => id.startsWith(OURS)).reduce((sum, [, count]) => sum + count, 0),
        fatal: findings.fatal,
      });
    }
    for (let index = 1; index < rows.length; index += 1) {
      const previous = rows[index - 1];
      const row = rows[index];
      row.sizeGrowth = row.size / previous.size;
      row.addedGrowth = row.addedCpu / previous.addedCpu;
      row.rulesGrowth = row.rulesMs / previous.rulesMs;
    }
    // Growth exponents from a least-squares fit of log(time) on log(size): 1 = linear, 2 = quadratic.
    const exponent = (pick) => {
      const points = rows.filter((row) => pick(row) > 0).map((row) => [Math.log(row.size), Math.log(pick(row))]);
      if (points.length < 2) {
        return NaN;
      }
      const meanX = points.reduce((sum, [x]) => sum + x, 0) / points.length;
      const meanY = points.reduce((sum, [, y]) => sum + y, 0) / points.length;
      const numerator = points.reduce((sum, [x, y]) => sum + (x - meanX) * (y - meanY), 0);
      const denominator = points.reduce((sum, [x]) => sum + (x - meanX) ** 2, 0);
      return numerator / denominator;
    };
    axes.push({ axis, key, rows, addedExponent: exponent((row) => row.addedCpu), rulesExponent: exponent((row) => row.rulesMs) });
  }
  return axes;
}

function versions() {
  const read = (name) => {
    try {
      return JSON.parse(readFileSync(join(repoRoot, 'node_modules', name, 'package.json'), 'utf8')).version;
    } catch {
      return 'not installed';
    }
  };
  const ownVersion = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')).version;
  let commit = 'unknown';
  try {
    commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: repoRoot, encoding: 'utf8' }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain', '--', 'src'], { cwd: repoRoot, encoding: 'utf8' }).trim();
    if (dirty !== '') {
      commit += ' + uncommitted src changes';
    }
  } catch {
    // not a git checkout
  }
  return {
    'eslint-plugin-test-quality': `${ownVersion} (${commit})`,
    eslint: read('eslint'),
    '@typescript-eslint/parser': read('@typescript-eslint/parser'),
    'eslint-plugin-jest': `${read('eslint-plugin-jest')} (settings.jest.version ${JEST_VERSION})`,
    '@vitest/eslint-plugin': read('@vitest/eslint-plugin'),
  };
}

const coverageText = (interval) => `${Math.round(interval.coverage * 100)}%`;
const rangeText = (interval) => `${percent(interval.low)} to ${percent(interval.high)}`;

/** ` (94% interval for the median +a% to +b%)`, or nothing when there are too few samples for one. */
const intervalText = (interval) => (interval == null ? '' : ` (${coverageText(interval)} interval for the median ${rangeText(interval)})`);

/** `+a% to +b% (94%)` for a table cell; `n/a` with too few samples for an interval. */
const intervalCell = (interval) => (interval == null ? 'n/a' : `${rangeText(interval)} (${coverageText(interval)})`);

/** Whether a paired difference is told apart from none: its interval all above or all below 0. */
function sideOfZero(label, figure, interval) {
  if (interval == null) {
    return `${label}: ${figure > 0 ? 'slower' : 'not slower'} on the median, too few samples for an interval`;
  }
  if (interval.low > 0) {
    return `${label}: slower`;
  }
  return interval.high < 0 ? `${label}: faster` : `${label}: not told apart (the interval includes 0)`;
}

/**
 * The targets row for --reference: `recommended` against the reference build's, paired per round
 * (lint step) and per repetition (warm), with the same intervals as the figures above the control.
 */
function referenceRow(dir, warm, step) {
  const modes = [...(step?.vsReference === undefined ? [] : [['lint step', step]]), ['warm', warm]];
  const cpu = modes.map(([label, row]) => `${label} ${percent(row.vsReference)}${intervalText(row.vsReferenceInterval)}`);
  const rss = step?.rssVsReference === undefined ? '' : ` Peak RSS, paired per round: ${percent(step.rssVsReference)}${intervalText(step.rssVsReferenceInterval)}.`;
  const sides = modes.map(([label, row]) => sideOfZero(label, row.vsReference, row.vsReferenceInterval));
  return (
    `| \`recommended\` no slower than the reference build (\`${dir}\`) | CPU, median of (recommended ÷ reference in the same run) − 1: ${cpu.join(', ')}.${rss} | ` +
    `${sides.join('; ')} |`
  );
}

/** Per-rule time of `recommended` next to the reference build's (one timed run each, so single-run noise). */
function referencePerRule(perRule, dir) {
  const timesOf = (name) => new Map(perRule.filter((entry) => entry.config === name).map((entry) => [entry.id, entry.ms]));
  const current = timesOf('recommended');
  const reference = timesOf('reference');
  const total = (times) => [...times.values()].reduce((sum, value) => sum + value, 0);
  const ids = [...new Set([...current.keys(), ...reference.keys()])].sort((a, b) => (current.get(b) ?? 0) - (current.get(a) ?? 0));
  const lines = [
    `#### \`recommended\` against the reference build (\`${dir}\`)`,
    '',
    `The same rule timing, one run each: ${ms(total(current))} ms for our rules in \`recommended\`, ${ms(total(reference))} ms in the reference build. ` +
      'There is no model probe here, so the shared model\'s build is charged to whichever rule asks for it first.',
    '',
    '| rule | `recommended` ms | reference ms | change |',
    '|---|---:|---:|---:|',
  ];
  for (const id of ids) {
    const now = current.get(id);
    const before = reference.get(id);
    lines.push(`| \`${id}\` | ${now === undefined ? '—' : ms(now)} | ${before === undefined ? '—' : ms(before)} | ${now === undefined || before === undefined ? '—' : percent(now / before - 1)} |`);
  }
  lines.push('');
  return lines;
}

function renderMarkdown(report) {
  const { options, machine, real, memory, scaling, command } = report;
  const out = [];
  const recommended = real.rows.find((row) => row.config === 'recommended');
  const all = real.rows.find((row) => row.config === 'all');
  const allMemory = memory?.find((row) => row.config === 'all');
  const labelOf = (name) => (name === 'reference' ? `${CONFIG_LABELS.reference} (\`${options.reference}\`)` : CONFIG_LABELS[name]);
  out.push('# Benchmark results', '');
  out.push(`Written by \`bench/run.mjs\` on ${report.date}. Reproduce with:`, '', '```sh', command, '```', '');
  out.push(
    `Machine: ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGb} GB RAM, ${machine.os}, Node ${machine.node}. ` +
      `Load average (1 min) at start ${machine.loadStart}, at end ${machine.loadEnd}` +
      (machine.loadStart > machine.cores ? ' — the machine was shared with other work, so wall times are noisy; CPU time (user + system of the linting process) is the primary figure.' : '.'),
    '',
  );
  out.push('Versions: ' + Object.entries(report.versions).map(([name, version]) => `${name} ${version}`).join(', ') + '.', '');
  out.push('## Targets', '');
  out.push('| target | measured | met |', '|---|---|---|');
  const recommendedStep = memory?.find((row) => row.config === 'recommended');
  const controlStep = memory?.find((row) => row.config === 'control');
  const controlWarm = real.rows.find((row) => row.config === 'control');
  const stepText =
    recommendedStep === undefined
      ? ''
      : `lint step (fresh process, median of ${options.processRounds}): ${percent(recommendedStep.addedCpu)} CPU${intervalText(recommendedStep.addedCpuInterval)}, ${percent(recommendedStep.addedWall)} wall, fastest runs ${percent(recommendedStep.addedCpuFastest)}; `;
  const floorStep = memory?.find((row) => row.config === 'floor');
  const floorWarm = real.rows.find((row) => row.config === 'floor');
  const controlText =
    (controlStep === undefined || controlWarm === undefined
      ? ''
      : ` The same number of rules doing nothing adds ${percent(controlStep.addedCpu)} (lint step) / ${percent(controlWarm.addedCpu)} (warm)`) +
    (floorStep === undefined || floorWarm === undefined ? '' : `; one rule doing nothing, ${percent(floorStep.addedCpu)} / ${percent(floorWarm.addedCpu)}`) +
    (controlStep === undefined && floorStep === undefined ? '' : '.') +
    (recommended.aboveControlCpu == null || controlWarm === undefined
      ? ''
      : ` Above that control, paired per run (our rules' own work, with ESLint's charge for running ${controlWarm.rules} rules taken out): ${
          recommendedStep?.aboveControlCpu == null ? '' : `lint step ${percent(recommendedStep.aboveControlCpu)}${intervalText(recommendedStep.aboveControlInterval)}, `
        }warm ${percent(recommended.aboveControlCpu)}${intervalText(recommended.aboveControlInterval)}.`);
  const met = recommended.addedCpu <= 0.1 && (recommendedStep === undefined || recommendedStep.addedCpu <= 0.1);
  // Whether noise could turn the verdict: a median's interval that straddles the 10% line.
  const straddles = (interval) => interval != null && interval.low <= 0.1 && interval.high > 0.1;
  const unsettled = '; the target lies inside an interval, so this run does not settle it';
  const decided = !straddles(recommended.addedCpuInterval) && (recommendedStep === undefined || !straddles(recommendedStep.addedCpuInterval));
  // Both medians must meet the target; the verdict names each, so a split result reads as one.
  const against = (label, added) => `${label} ${percent(added)} ${added <= 0.1 ? '≤' : '>'} 10%`;
  const verdicts = [...(recommendedStep === undefined ? [] : [against('lint step', recommendedStep.addedCpu)]), against('warm', recommended.addedCpu)];
  out.push(
    `| \`recommended\` adds ≤ 10% to the parse-only baseline on real test files | ${stepText}warm, in one process: ${percent(recommended.addedCpu)} CPU${intervalText(recommended.addedCpuInterval)}, ${percent(recommended.addedWall)} wall.${controlText} | ${met ? 'yes' : 'no'} (${verdicts.join(', ')}${decided ? '' : unsettled}) |`,
  );
  if (recommended.vsReference !== undefined) {
    out.push(referenceRow(options.reference, recommended, recommendedStep));
  }
  if (scaling !== null) {
    const axisOf = (key) => scaling.find((entry) => entry.key === key);
    const perDoubling = (value) => 2 ** value;
    const tests = axisOf('tests');
    const lines = axisOf('lines');
    // Verdict on our rules' timed work (ESLint's rule timing, in-process): the CPU time `all` adds
    // is a small difference of two large, noisy totals on a single file.
    const linear = [tests, lines].every((axis) => perDoubling(axis.rulesExponent) <= 2.2);
    out.push(
      `| doubling tests per file / file length at most doubles our rules' time | per doubling ×${perDoubling(tests.rulesExponent).toFixed(2)} (tests), ×${perDoubling(lines.rulesExponent).toFixed(2)} (lines) from rule timing; ` +
        `×${perDoubling(tests.addedExponent).toFixed(2)} / ×${perDoubling(lines.addedExponent).toFixed(2)} from the (noisier) CPU time \`all\` adds | ${linear ? 'yes' : 'no'} (×2 = linear; ≤ ×2.2 allows for timing noise) |`,
    );
  }
  if (allMemory !== undefined) {
    const controlMemory = memory.find((row) => row.config === 'control');
    const controlMemoryText = controlMemory === undefined ? '' : ` The same number of rules doing nothing adds ${percent(controlMemory.added)}.`;
    out.push(
      `| peak RSS with \`all\` within 10% of the baseline's | median ${percent(allMemory.added)}${intervalText(allMemory.addedInterval)} (${allMemory.maxRssMb.toFixed(0)} MB), lowest ${percent(allMemory.addedMin)}.${controlMemoryText} | ${allMemory.added <= 0.1 ? 'yes' : 'no'} (on the median${straddles(allMemory.addedInterval) ? unsettled : ''}) |`,
    );
  }
  out.push('| the test model is built once per file however many rules run | counted, not timed: `tests/model/model-sharing.test.ts` | see `npm run vitest` |', '');

  out.push('## Real test files, warm in one process', '');
  out.push(
    `${real.files} files (${real.lines} lines) ${real.source}. ` +
      `${options.reps} repetitions after one warm-up round. The files are linted in chunks of ${options.chunkSize}: for each chunk every configuration runs once, ` +
      'in an order that rotates per chunk and repetition so a change in machine load hits all configurations alike; garbage is collected before each call. ' +
      'The timed unit is one whole `ESLint#lintFiles` call (`cache: false`, inline config off), summed per repetition; times are medians over repetitions, ' +
      '"added" is the median over repetitions of (configuration ÷ baseline in the same repetition) − 1; its interval is the range that holds the true median with the probability shown, from the order of the samples (no assumption about their distribution).',
    '',
  );
  out.push('| configuration | rules | median CPU ms | median wall ms | added CPU vs baseline | interval for that median | added wall vs baseline | added CPU per rule | findings | files not parsed |');
  out.push('|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
  for (const row of real.rows) {
    const isBase = row.config === 'baseline';
    out.push(
      `| ${labelOf(row.config)} | ${row.rules} | ${ms(row.cpu)} | ${ms(row.wall)} | ${isBase ? '—' : percent(row.addedCpu)} | ${isBase ? '—' : intervalCell(row.addedCpuInterval)} | ${isBase ? '—' : percent(row.addedWall)} | ${isBase ? '—' : percent(row.perRuleCpu)} | ${row.findings} | ${row.fatal} |`,
    );
  }
  out.push('');
  out.push(`\`all\` adds ${percent(all.addedCpu)} CPU; it differs from \`recommended\` by the typed rule, which does nothing without type information.`, '');

  out.push('### Per-rule time', '');
  const ourRules = real.perRule.filter((entry) => entry.config === 'all').sort((a, b) => b.ms - a.ms);
  const ourTotal = ourRules.reduce((sum, entry) => sum + entry.ms, 0);
  const anchorTotal = (name) => real.perRule.filter((entry) => entry.config === name).reduce((sum, entry) => sum + entry.ms, 0);
  out.push(
    "ESLint's rule timing (`stats: true`, wall clock), one run per configuration over the same files. " +
      `In the baseline run parsing took ${ms(real.parseMs)} ms of ${ms(real.baselineMs)} ms per-file lint time; ` +
      `our rules in \`all\` took ${ms(ourTotal)} ms together (${((ourTotal / real.baselineMs) * 100).toFixed(1)}% of the baseline's per-file time; the shared model is built by a timing probe first so its cost shows on its own row), ` +
      `eslint-plugin-jest's ${ms(anchorTotal('jest'))} ms, @vitest/eslint-plugin's ${ms(anchorTotal('vitest'))} ms. ` +
      'Time ESLint spends dispatching nodes to listeners and collecting the extra garbage is not in these figures, only in the totals above. ' +
      'Our rules first, then each anchor\'s five slowest.',
    '',
  );
  out.push('| rule | ms | % of parse time |', '|---|---:|---:|');
  for (const entry of ourRules) {
    const label = entry.id === MODEL_PROBE_ID ? 'shared test model (built once per file, for all our rules)' : `\`${entry.id}\``;
    out.push(`| ${label} | ${ms(entry.ms)} | ${((entry.ms / real.parseMs) * 100).toFixed(2)}% |`);
  }
  for (const name of ['jest', 'vitest']) {
    const entries = real.perRule.filter((entry) => entry.config === name).sort((a, b) => b.ms - a.ms);
    for (const entry of entries.slice(0, 5)) {
      out.push(`| \`${entry.id}\` | ${ms(entry.ms)} | ${((entry.ms / real.parseMs) * 100).toFixed(2)}% |`);
    }
  }
  out.push('');
  if (real.perRule.some((entry) => entry.config === 'reference')) {
    out.push(...referencePerRule(real.perRule, options.reference));
  }

  if (memory !== null) {
    out.push('## A lint step: one fresh process per configuration', '');
    out.push(
      `Each configuration lints the same ${real.files} files ${options.memoryPasses === 1 ? 'once' : `${options.memoryPasses} times over`} in a fresh Node process (cold JIT, fresh heap, no other configuration loaded), ` +
        `as a CI lint step or a pre-commit hook does; ${options.processRounds} rounds, configurations in an order that rotates per round. ` +
        'Timed: the `lintFiles` call (configuration and plugins are loaded before the clock starts). "Added" is the median over rounds of (configuration ÷ baseline in the same round) − 1; ' +
        'its interval holds the true median with the probability shown (from the order of the samples). Other work on the machine only ever adds time, so the change between the fastest runs is shown too. The floor row is what ESLint charges for running any rule at all, the control row its cost of running as many rules as `recommended` has.',
      '',
    );
    const threads = memory.every((row) => row.addedMainMs !== null);
    if (threads) {
      out.push(
        'The CPU a configuration adds is split by thread (Linux, from `/proc/self/task`): the main thread runs the rules, parsing and most of the garbage collection; ' +
          "V8's helper threads run parallel and concurrent garbage collection and the optimising compiler, so what a plugin adds there is mostly the compiling of its hot code, a cost per process that a longer lint spreads over more files.",
        '',
      );
    }
    out.push(
      `| configuration | median CPU ms | median wall ms | added CPU vs baseline | interval for that median | added wall vs baseline | added CPU, fastest runs |${threads ? ' added on the main thread ms | added on V8 helper threads ms |' : ''} CPU samples ms |`,
      `|---|---:|---:|---:|---:|---:|---:|${threads ? '---:|---:|' : ''}---|`,
    );
    for (const row of memory) {
      const isBase = row.config === 'baseline';
      const split = threads ? ` ${isBase ? '—' : ms(row.addedMainMs)} | ${isBase ? '—' : ms(row.addedHelpersMs)} |` : '';
      out.push(
        `| ${labelOf(row.config)} | ${ms(row.cpu)} | ${ms(row.wall)} | ${isBase ? '—' : percent(row.addedCpu)} | ${isBase ? '—' : intervalCell(row.addedCpuInterval)} | ${isBase ? '—' : percent(row.addedWall)} | ${isBase ? '—' : percent(row.addedCpuFastest)} |${split} ${row.cpuSamples.join(', ')} |`,
      );
    }
    out.push('');
    out.push('## Peak memory', '');
    out.push(
      `Peak RSS (\`process.resourceUsage().maxRSS\`) of the same fresh processes (${options.processRounds} rounds). ` +
        'Peaks vary between identical runs with when V8 collects garbage; that noise only adds, so the lowest peak is shown next to the median. ' +
        '"Vs baseline" is the median over rounds of (configuration ÷ baseline in the same round) − 1, with its interval as for CPU. ' +
        'The last column is the heap still in use after full garbage collections at the end (median): what a configuration keeps alive, so a leak would show there.',
      '',
    );
    out.push('| configuration | median peak RSS MB | vs baseline | interval for that median | lowest peak MB | vs baseline | samples MB | heap kept after full GC MB |', '|---|---:|---:|---:|---:|---:|---|---:|');
    for (const row of memory) {
      const isBase = row.config === 'baseline';
      out.push(
        `| ${labelOf(row.config)} | ${row.maxRssMb.toFixed(0)} | ${isBase ? '—' : percent(row.added)} | ${isBase ? '—' : intervalCell(row.addedInterval)} | ${row.minRssMb.toFixed(0)} | ${isBase ? '—' : percent(row.addedMin)} | ${row.samplesMb.join(', ')} | ${row.retainedMb.toFixed(1)} |`,
      );
    }
    out.push('');
  }

  if (scaling !== null) {
    out.push('## Scaling (synthetic files)', '');
    out.push(
      'Files from `bench/generate.mjs` (deterministic; jest, vitest, mocha+chai+sinon and node:test spellings; module mocks, spies with behaviour, hook mocks, ' +
        `awaited and floating promises, status and retry-count assertions). Each point: baseline and \`all\` interleaved, both with ESLint's rule timing on, ${options.scalingReps} repetitions after a warm-up; ` +
        '"our rules" is the sum of our rules\' times and the shared model build from ESLint\'s rule timing (median of the repetitions). Growth = each figure ÷ the previous point\'s.',
      '',
    );
    for (const axis of scaling) {
      out.push(`### ${axis.axis}`, '');
      out.push(
        `Fitted growth per doubling of the input (least squares on log–log): ×${(2 ** axis.rulesExponent).toFixed(2)} for our rules' timed work, ×${(2 ** axis.addedExponent).toFixed(2)} for the CPU time \`all\` adds (×2 = linear, ×4 = quadratic; non-positive differences are left out of the fit).`,
        '',
      );
      out.push('| files | tests/file | mocks/test | depth | lines | baseline CPU ms | `all` CPU ms | `all` adds CPU ms | our rules (timed) ms | timed ms per 1k lines | growth (adds) | growth (timed) | input growth | findings |');
      out.push('|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
      for (const row of axis.rows) {
        out.push(
          `| ${row.files} | ${row.tests} | ${row.mocks} | ${row.depth} | ${row.lines} | ${ms(row.baselineCpu)} | ${ms(row.allCpu)} | ${ms(row.addedCpu)} | ${ms(row.rulesMs)} | ${(row.rulesMs / (row.lines / 1000)).toFixed(2)} | ${growth(row.addedGrowth)} | ${growth(row.rulesGrowth)} | ${growth(row.sizeGrowth)} | ${row.findings} |`,
        );
      }
      out.push('');
    }
  }
  return `${out.join('\n')}\n`;
}

async function main() {
  const options = parseOptions(process.argv.slice(2));
  if (options.render !== undefined) {
    // Writes the tables again from a saved run (after a change to the wording), measuring nothing.
    const report = JSON.parse(readFileSync(options.render, 'utf8'));
    writeFileSync(options.out, renderMarkdown(report));
    log(`wrote ${relative(repoRoot, options.out)} from ${options.render}, measured ${report.date}`);
    return;
  }
  if (options.scalingOnly === true) {
    await runScaling(options, tmpRoot);
    return;
  }
  if (typeof globalThis.gc !== 'function') {
    log('note: run with node --expose-gc (npm run bench does) so garbage is collected between runs');
  }
  try {
    readFileSync(new URL('index.js', distUrl()));
  } catch {
    throw new Error(`${fileURLToPath(distUrl())} has no index.js: run \`node bench/build.mjs\` first (npm run bench does)`);
  }
  if (options.reference !== undefined) {
    try {
      readFileSync(new URL('index.js', referenceDistUrl()));
    } catch {
      throw new Error(`--reference ${options.reference}: ${fileURLToPath(referenceDistUrl())} has no index.js (give a built dist/ folder)`);
    }
  }
  const started = Date.now();
  const loadStart = round(loadavg()[0], 1);
  // Read when the build under test was made, so edits during a long run do not relabel it.
  const versionsMeasured = versions();
  const dirs = options.real.length > 0 ? options.real : [join(repoRoot, 'tests'), join(repoRoot, 'examples')];
  const collected = collectFiles(dirs, options.maxFiles);
  if (collected.files.length === 0) {
    throw new Error(`no JS/TS files under ${dirs.join(', ')}`);
  }
  const cwd = commonRoot(collected.files);
  const source =
    options.real.length > 0
      ? `sampled from ${collected.total} files in ${collected.groups} folders under ${options.real.map((dir) => `\`${dir}\``).join(', ')} (each folder takes turns, hash order, so reruns pick the same files)`
      : `of this repository's own tests (\`tests/\`, \`examples/\`; pass \`--real <dir>\` for a real corpus)`;
  const realResult = await benchReal(options, collected.files, cwd);
  const memory = options.memory ? benchProcesses(options, collected.files, cwd) : null;
  const scaling = options.scaling ? await benchScaling(options) : null;
  const args = process.argv.slice(2).map((argument) => (/[\s"']/u.test(argument) ? JSON.stringify(argument) : argument));
  const report = {
    date: new Date().toISOString().replace(/\.\d+Z$/u, 'Z'),
    command: `npm run bench${args.length > 0 ? ` -- ${args.join(' ')}` : ''}`,
    options,
    machine: {
      cpu: cpus()[0]?.model.trim() ?? 'unknown CPU',
      cores: cpus().length,
      memoryGb: Math.round(totalmem() / 1024 ** 3),
      os: `${platform()} ${release()}`,
      node: process.version,
      loadStart,
      loadEnd: round(loadavg()[0], 1),
    },
    versions: versionsMeasured,
    real: { ...realResult, files: collected.files.length, lines: lineCount(collected.files), source, cwd: relative(repoRoot, cwd) || '.' },
    memory,
    scaling,
    durationSeconds: Math.round((Date.now() - started) / 1000),
  };
  writeFileSync(options.out, renderMarkdown(report));
  writeFileSync(join(repoRoot, 'bench', 'results.json'), `${JSON.stringify(report, (key, value) => (value instanceof Map ? Object.fromEntries(value) : value), 2)}\n`);
  log(`wrote ${relative(repoRoot, options.out)} in ${report.durationSeconds} s`);
  process.stdout.write(renderMarkdown(report));
}

await main();
