#!/usr/bin/env node
// Corpus evaluation: `npm run eval -- <dir or file…> [options]` (see docs/evaluation.md).
//
// Lints every JS/TS file under the given folders with the built plugin's `all` config (TS parser,
// JSX on) through ESLint's Linter, file by file, and never stops on a bad file. Writes
// `<out>.json` and `<out>.md`: files, lines, parse failures, rule crashes (file + stack), findings
// per rule and per repository, lint time per rule (ESLint `stats`), and a seeded random sample of
// findings per rule with a code excerpt for hand labelling.
//
// Options:
//   --out <prefix>      report path without extension (default: eval-report)
//   --sample <n>        findings sampled per rule (default: 40)
//   --seed <n>          sample seed (default: 1)
//   --rules <a,b>       only these rule ids (default: every rule of `all`)
//   --max-files <n>     stop after n files (quick runs)
//   --fix-safety        also check every autofix and suggestion (parses, re-lint clean, idempotent)
//   --labels <tsv>      hand labels of this set (repeatable) → precision per rule on the sample,
//                       with its 95% Wilson interval
//   --set <name>        the corpus set's name (tuning, validation-v1 …): titles the report and
//                       names the `<!-- eval:NAME:TABLE -->` markers --doc rewrites
//   --repos <txt>       the set's `owner/name commit` list, for the manifest (default:
//                       scripts/corpus-repos.txt)
//   --repo-cap <share>  no repository above this share of a rule's sample (default: 1/3; 1 = off)
//   --dist <dir>        the built plugin to load (default: this checkout's dist/)
//   --label-sheets <dir> write one blind labelling sheet per rule (findings with code, no labels)
//   --recall <tsv>      hunted instances (scripts/lib/recall.mjs) → recall per rule on them
//   --from <json>       re-render a previous report (new sample size/labels) without linting
//   --eslint <module>   the ESLint package to lint with (default: eslint; e.g. eslint-v9)
//   --doc <md>          rewrite the `<!-- eval:NAME -->` … `<!-- /eval:NAME -->` tables of a doc
//                       (docs/evaluation.md) from this report
//   --typed             lint whole checkouts (scripts/build-corpus.sh --whole) with types: each
//                       `owner__name` folder's test files through typescript-eslint's project
//                       service rooted at that folder, with `recommended-type-checked`; files no
//                       tsconfig includes get a fallback program (scripts/lib/typed-corpus.mjs).
//                       --max-files then caps the files of each repository (a seeded choice)
//   --compare-floating  (with --typed) also run @typescript-eslint/no-floating-promises in the
//                       same pass and compare it with no-unawaited-async-mock (scripts/lib/
//                       compare-findings.mjs); with --label-sheets, a blind sheet of both sides
//   --compare-sample <n> items sampled per side of the comparison (default: 30; both: a third)
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

import tsParser from '@typescript-eslint/parser';

import { compareFindings, writeComparisonSheet } from './lib/compare-findings.mjs';
import { parseArgs, USAGE } from './lib/eval-args.mjs';
import { checkFixSafety } from './lib/fix-safety.mjs';
import { writeLabelSheets } from './lib/label-sheets.mjs';
import { cappedSample, wilsonInterval } from './lib/precision.mjs';
import { readInstances, recallByRule } from './lib/recall.mjs';
import { lintCounters, readCounted } from './lib/lint-summary.mjs';
import { lintTyped } from './lib/typed-lint.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
// `--eslint eslint-v9` runs the same evaluation on ESLint 9 (installed under that alias).
// A rule that throws must count as a crash here, not turn into one "Internal error" finding
// (src/create-rule.ts's safety net), so let errors through to ESLint.
process.env.TEST_QUALITY_DEBUG ??= '1';
const argValue = (flag, fallback) => (process.argv.includes(flag) ? process.argv[process.argv.indexOf(flag) + 1] : fallback);
const eslintModule = argValue('--eslint', 'eslint');
const dist = path.resolve(argValue('--dist', path.join(root, 'dist')));
const { Linter } = await import(eslintModule);
const { default: plugin } = await import(pathToFileURL(path.join(dist, 'index.js')).href);
const { getTestModel } = await import(pathToFileURL(path.join(dist, 'model/index.js')).href);

const NAMESPACE = 'test-quality';
// The rule `--compare-floating` compares with @typescript-eslint/no-floating-promises.
const COMPARED_RULE = 'no-unawaited-async-mock';
const EXTENSIONS = /\.(?:[cm]?[jt]sx?)$/u;
const SKIP_DIRS = new Set(['node_modules', '.git']);
const MAX_BYTES = 1_000_000;

/**
 * A seeded 32-bit hash (FNV-1a) of a finding's identity: samples take the findings with the
 * smallest hashes, so a finding stays in the sample while the rest of the pool changes, and
 * hand labels carry over between runs.
 */
function sampleKey(seed, finding) {
  const text = `${seed}|${finding.ruleId}|${finding.repo}/${finding.file}:${finding.line}:${finding.column}`;
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

function* walk(dir) {
  if (EXTENSIONS.test(dir) && statSync(dir, { throwIfNoEntry: false })?.isFile()) {
    yield dir;
    return;
  }
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!SKIP_DIRS.has(entry.name)) yield* walk(full);
    } else if (entry.isFile() && EXTENSIONS.test(entry.name) && !/\.d\.[cm]?ts$/u.test(entry.name)) {
      yield full;
    }
  }
}

/** The `owner__name` folder of a corpus file (or the given folder) and the file's path inside it. */
function locate(file, dir) {
  const parts = path.relative(dir, file).split(path.sep);
  const index = parts.findIndex((part, i) => i < parts.length - 1 && /^[^_]+(?:_[^_]+)*__.+$/u.test(part));
  if (index === -1) {
    return { repo: path.basename(dir), relative: parts.join('/') };
  }
  return { repo: parts[index], relative: parts.slice(index + 1).join('/') };
}

// An internal rule that builds the shared test model on every file, first (so its time is measured
// apart from the rules' and model crashes surface even when no rule asks for it), and reports the
// model's size once per file.
const evalPlugin = {
  rules: {
    'model-stats': {
      meta: { type: 'problem', schema: [] },
      create(context) {
        let model = null;
        return {
          Program() {
            model = getTestModel(context);
          },
          'Program:exit'(node) {
            if (model === null) return;
            context.report({
              node,
              message: JSON.stringify({
                tests: model.tests.length,
                blocks: model.blocks.length,
                assertions: model.assertions.length,
                mocks: model.mocks.length,
              }),
            });
          },
        };
      },
    },
  },
};

function makeConfig(ruleIds, sourceType) {
  // The model rule comes first so that it, not the first rule, pays for building the model.
  const rules = { 'eval/model-stats': 'warn', ...Object.fromEntries(ruleIds.map((id) => [`${NAMESPACE}/${id}`, 'error'])) };
  return [
    {
      files: ['**/*.{js,jsx,ts,tsx,mjs,cjs,mts,cts}'],
      linterOptions: { noInlineConfig: true, reportUnusedDisableDirectives: 'off' },
      languageOptions: {
        parser: tsParser,
        ecmaVersion: 'latest',
        sourceType,
        parserOptions: { ecmaFeatures: { jsx: true } },
      },
      plugins: { [NAMESPACE]: plugin, eval: evalPlugin },
      rules,
    },
  ];
}

function excerpt(lines, line, endLine) {
  const from = Math.max(1, line - 4);
  const to = Math.min(lines.length, Math.max(line, Math.min(endLine ?? line, line + 6)) + 2);
  const width = String(to).length;
  const out = [];
  for (let n = from; n <= to; n++) {
    const marker = n >= line && n <= (endLine ?? line) ? '>' : ' ';
    out.push(`${marker}${String(n).padStart(width)} | ${lines[n - 1] ?? ''}`);
  }
  return out.join('\n');
}

function lintAll(options) {
  const allRuleIds = Object.keys(plugin.configs.all.rules).map((key) => key.slice(NAMESPACE.length + 1));
  const ruleIds = options.rules ?? allRuleIds;
  for (const id of ruleIds) {
    if (!(id in plugin.rules)) throw new Error(`unknown rule ${id}`);
  }
  const linter = new Linter({ cwd: '/' });
  const configs = { module: makeConfig(ruleIds, 'module'), script: makeConfig(ruleIds, 'script') };

  const summary = {
    startedAt: new Date().toISOString(),
    set: options.set,
    eslint: new Linter().version,
    dirs: options.dirs,
    rules: ruleIds,
    ...lintCounters(),
  };
  const findings = [];
  const repos = {};
  const crashes = [];
  const parseFailures = [];
  const timeByRule = {};
  let parseMs = 0;
  const fixSafety = { files: 0, fixes: 0, suggestions: 0, problems: [] };
  const started = performance.now();

  outer: for (const dir of options.dirs) {
    for (const file of walk(dir)) {
      if (summary.files >= options.maxFiles) break outer;
      const code = readCounted(file, MAX_BYTES, summary);
      if (code === null) {
        continue;
      }
      const { repo, relative } = locate(file, dir);
      repos[repo] ??= { files: 0, filesWithTests: 0, tests: 0 };
      repos[repo].files++;

      let sourceType = file.endsWith('.cjs') || file.endsWith('.cts') ? 'script' : 'module';
      const excluded = new Set();
      let messages = null;
      for (let attempt = 0; attempt <= ruleIds.length + 2; attempt++) {
        try {
          // verifyAndFix without fixing: one pass, and the only entry point that records `stats`.
          messages = linter.verifyAndFix(code, configs[sourceType], {
            filename: file,
            fix: false,
            stats: true,
            ruleFilter: ({ ruleId }) => !excluded.has(ruleId),
          }).messages;
        } catch (error) {
          const ruleId = /\nRule: "([^"]+)"/u.exec(String(error?.message))?.[1] ?? null;
          crashes.push({ repo, file: relative, path: file, ruleId, sourceType, message: String(error?.message), stack: String(error?.stack) });
          if (ruleId === null || excluded.has(ruleId)) break;
          excluded.add(ruleId);
          continue;
        }
        const fatal = messages.find((message) => message.fatal === true);
        if (fatal !== undefined && sourceType === 'module' && !file.endsWith('.mjs') && !file.endsWith('.mts')) {
          sourceType = 'script';
          continue;
        }
        break;
      }
      if (messages === null) continue;
      if (sourceType === 'script') summary.parsedAsScript++;
      const fatal = messages.find((message) => message.fatal === true);
      if (fatal !== undefined) {
        summary.parseFailures++;
        parseFailures.push({ repo, file: relative, line: fatal.line, column: fatal.column, message: fatal.message });
        continue;
      }
      for (const pass of linter.getTimes().passes ?? []) {
        parseMs += pass.parse?.total ?? 0;
        for (const [ruleId, time] of Object.entries(pass.rules ?? {})) {
          timeByRule[ruleId] = (timeByRule[ruleId] ?? 0) + (time.total ?? 0);
        }
      }
      const ours = [];
      for (const message of messages) {
        if (message.ruleId === 'eval/model-stats') {
          try {
            const stats = JSON.parse(message.message);
            if (stats.tests > 0) {
              summary.filesWithTests++;
              repos[repo].filesWithTests++;
            }
            summary.tests += stats.tests;
            repos[repo].tests += stats.tests;
            summary.assertions += stats.assertions;
            summary.mocks += stats.mocks;
          } catch {
            // not ours to worry about
          }
          continue;
        }
        if (typeof message.ruleId !== 'string' || !message.ruleId.startsWith(`${NAMESPACE}/`)) continue;
        ours.push(message);
        findings.push({
          repo,
          file: relative,
          path: file,
          line: message.line,
          column: message.column,
          endLine: message.endLine,
          ruleId: message.ruleId.slice(NAMESPACE.length + 1),
          messageId: message.messageId,
          message: message.message,
          fix: message.fix !== undefined,
          suggestions: (message.suggestions ?? []).map((suggestion) => suggestion.desc),
        });
      }
      if (options.fixSafety && ours.some((message) => message.fix !== undefined || (message.suggestions ?? []).length > 0)) {
        fixSafety.files++;
        const result = checkFixSafety(linter, configs[sourceType], code, file, { messages: ours });
        fixSafety.fixes += result.fixes;
        fixSafety.suggestions += result.suggestions;
        for (const problem of result.problems) {
          fixSafety.problems.push({ repo, file: relative, ...problem, output: undefined });
        }
      }
      if (summary.files % 500 === 0) {
        process.stderr.write(`… ${summary.files} files, ${findings.length} findings, ${crashes.length} crashes\n`);
      }
    }
  }

  summary.lintSeconds = Math.round((performance.now() - started) / 10) / 100;
  summary.ruleCrashes = crashes.length;
  summary.findings = findings.length;
  const timing = {
    parseMs: Math.round(parseMs),
    rules: Object.fromEntries(Object.entries(timeByRule).sort((a, b) => b[1] - a[1]).map(([id, ms]) => [id, Math.round(ms)])),
  };
  return { summary, repos, timing, crashes, parseFailures, ...(options.fixSafety ? { fixSafety } : {}), findings };
}

/** Hand labels: TSV `rule<TAB>repo/file:line:column<TAB>TP|FP<TAB>note`, `#` comments. */
function readLabels(files) {
  const labels = new Map();
  for (const file of files) {
    for (const line of readFileSync(file, 'utf8').split(/\r?\n/u)) {
      if (line.trim() === '' || line.startsWith('#')) continue;
      const [rule, location, label, note = ''] = line.split('\t');
      if (label !== 'TP' && label !== 'FP') throw new Error(`bad label line in ${file}: ${line}`);
      labels.set(`${rule}\t${location}`, { label, note });
    }
  }
  return labels;
}

const locationOf = (finding) => `${finding.repo}/${finding.file}:${finding.line}:${finding.column}`;

function excerptOf(finding) {
  try {
    return excerpt(readFileSync(finding.path, 'utf8').split(/\r?\n/u), finding.line, finding.endLine);
  } catch {
    return '(file not available)';
  }
}

function buildReport(result, ruleIds, options) {
  const { findings } = result;
  const labels = readLabels(options.labels);
  const byRule = Object.fromEntries(ruleIds.map((id) => [id, 0]));
  const byRepo = {};
  for (const finding of findings) {
    byRule[finding.ruleId] = (byRule[finding.ruleId] ?? 0) + 1;
    byRepo[finding.repo] ??= {};
    byRepo[finding.repo][finding.ruleId] = (byRepo[finding.repo][finding.ruleId] ?? 0) + 1;
  }
  const samples = {};
  const precision = {};
  for (const id of ruleIds) {
    const { sample, capped, cap } = cappedSample(
      findings.filter((finding) => finding.ruleId === id),
      { size: options.sample, capShare: options.repoCap, key: (finding) => sampleKey(options.seed, finding), repo: (finding) => finding.repo },
    );
    samples[id] = sample.map((finding) => {
      const label = labels.get(`${id}\t${locationOf(finding)}`);
      return { ...finding, excerpt: excerptOf(finding), label: label?.label ?? null, note: label?.note ?? '' };
    });
    const tp = samples[id].filter((finding) => finding.label === 'TP').length;
    const fp = samples[id].filter((finding) => finding.label === 'FP').length;
    const interval = wilsonInterval(tp, tp + fp);
    precision[id] = {
      sampled: samples[id].length,
      cappedOut: capped,
      repoCap: cap === Infinity ? null : cap,
      labelled: tp + fp,
      tp,
      fp,
      precision: tp + fp === 0 ? null : Math.round((1000 * tp) / (tp + fp)) / 10,
      low: tp + fp === 0 ? null : Math.round(1000 * interval.low) / 10,
      high: tp + fp === 0 ? null : Math.round(1000 * interval.high) / 10,
    };
  }
  const comparison =
    result.floating === undefined
      ? undefined
      : compareFindings({
          ours: findings.filter((finding) => finding.ruleId === COMPARED_RULE),
          theirs: result.floating,
          others: findings.filter((finding) => finding.ruleId !== COMPARED_RULE),
          sample: options.compareSample,
          sampleBoth: Math.round(options.compareSample / 3),
          repoCap: options.repoCap,
          key: (finding) => sampleKey(options.seed, finding),
          labels,
        });
  return {
    summary: result.summary,
    ...(result.typed === undefined ? {} : { typed: result.typed }),
    ...(comparison === undefined ? {} : { comparison }),
    repos: result.repos,
    findingsByRule: byRule,
    findingsByRepo: byRepo,
    precision,
    ...(options.recall === null ? {} : { recall: recallByRule(readInstances(options.recall), findings) }),
    timing: result.timing,
    crashes: result.crashes,
    parseFailures: result.parseFailures,
    ...(result.fixSafety === undefined ? {} : { fixSafety: result.fixSafety }),
    samples,
    findings,
    ...(result.floating === undefined ? {} : { floating: result.floating }),
  };
}

function main() {
  const options = parseArgs(process.argv.slice(2), { root });
  if (options.help === true) {
    const lines = readFileSync(fileURLToPath(import.meta.url), 'utf8').split('\n').slice(1);
    const header = lines.slice(0, lines.findIndex((line) => !line.startsWith('//')));
    process.stdout.write(`${USAGE}\n\n${header.map((line) => line.replace(/^\/\/ ?/u, '')).join('\n')}\n`);
    return;
  }
  let result;
  if (options.from === null) {
    result = options.typed
      ? lintTyped(options, { Linter, plugin, evalRules: evalPlugin.rules, namespace: NAMESPACE, key: (finding) => sampleKey(options.seed, finding), maxBytes: MAX_BYTES })
      : lintAll(options);
  } else {
    result = JSON.parse(readFileSync(options.from, 'utf8'));
    if (options.set !== null) result.summary.set = options.set;
  }
  const ruleIds = result.summary.rules;
  const report = buildReport(result, ruleIds, options);
  const { summary, fixSafety } = report;
  writeFileSync(`${options.out}.json`, `${JSON.stringify(report, null, 2)}\n`);
  writeFileSync(`${options.out}.md`, renderMarkdown(report, ruleIds));
  if (options.doc !== null) updateDoc(options.doc, report, ruleIds, options);
  if (options.labelSheets !== null) {
    writeLabelSheets(options.labelSheets, report, ruleIds, { root, set: options.set });
    if (report.comparison !== undefined) {
      writeComparisonSheet(options.labelSheets, report.comparison, { key: (finding) => sampleKey(options.seed, finding), set: options.set });
    }
  }
  process.stdout.write(
    `${summary.files} files (${summary.filesWithTests} with tests, ${summary.tests} tests), ${summary.parseFailures} parse failures, ` +
      `${summary.ruleCrashes} rule crashes, ${summary.findings} findings in ${summary.lintSeconds}s → ${options.out}.{json,md}\n`,
  );
  for (const [id, count] of Object.entries(report.findingsByRule)) {
    const p = report.precision[id];
    process.stdout.write(`  ${id}: ${count}${p.labelled > 0 ? ` (precision ${formatPrecision(p)} on ${p.labelled} labelled, ${p.fp} FP)` : ''}\n`);
  }
  for (const [id, r] of Object.entries(report.recall ?? {})) {
    process.stdout.write(`  recall ${id}: ${r.reported} of ${r.instances} hunted instances, ${r.recall}% (95% CI ${r.low}–${r.high}%)\n`);
  }
  if (report.typed !== undefined) {
    const total = report.typed.total;
    process.stdout.write(
      `typed: ${total.tsconfig} files with a tsconfig program, ${total.fallback} with the fallback program, ${total.none} without a program ` +
        `(${total.notInProject} in no tsconfig, ${total.projectErrors} project errors, ${total.configErrors} under a tsconfig with errors)\n`,
    );
  }
  if (report.comparison !== undefined) {
    const { counts } = report.comparison;
    process.stdout.write(
      `compared with no-floating-promises: ${counts.both} both, ${counts.oursOnly} ${COMPARED_RULE} only, ${counts.theirsOnly} no-floating-promises only ` +
        `(${counts.theirsOnlyReportedByAnotherRule} of them reported by another test-quality rule)\n`,
    );
  }
  if (fixSafety !== undefined) {
    process.stdout.write(`fix safety: ${fixSafety.fixes} fixes, ${fixSafety.suggestions} suggestions checked, ${fixSafety.problems.length} problems\n`);
  }
  if (summary.ruleCrashes > 0 || (fixSafety !== undefined && fixSafety.problems.length > 0)) process.exitCode = 1;
}

/** `93.3% (95% CI 83.3–99.4%)`, or `–` with nothing labelled. */
function formatPrecision(p) {
  return p.precision === null ? '–' : `${p.precision}% (95% CI ${p.low}–${p.high}%)`;
}

/** Commits pinned in the set's repository list (`--repos`), by `owner/name`. */
function pinnedCommits(reposFile) {
  const commits = new Map();
  try {
    for (const line of readFileSync(reposFile, 'utf8').split(/\r?\n/u)) {
      const [repo, commit] = line.trim().split(/\s+/u);
      if (repo && !repo.startsWith('#')) commits.set(repo, commit ?? '');
    }
  } catch {
    // no list: commits stay blank
  }
  return commits;
}

/** The generated tables of docs/evaluation.md, by marker name. */
function docTables(report, ruleIds, options) {
  const { summary } = report;
  const commits = pinnedCommits(options.repos);
  const byName = (a, b) => a.toLowerCase().localeCompare(b.toLowerCase());
  const repoName = (folder) => folder.replace('__', '/');
  const lines = (rows) => rows.join('\n');
  const tables = {};
  tables.summary = lines([
    '| files | lines | files with tests | tests | assertions | mocks | parse failures | rule crashes | findings | seconds |',
    '| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    `| ${summary.files} | ${summary.lines} | ${summary.filesWithTests} | ${summary.tests} | ${summary.assertions} | ${summary.mocks} | ${summary.parseFailures} | ${summary.ruleCrashes} | ${summary.findings} | ${summary.lintSeconds} |`,
  ]);
  tables.manifest = lines([
    '| repository | commit | JS/TS files | files with tests | tests |',
    '| --- | --- | ---: | ---: | ---: |',
    ...Object.keys(report.repos ?? {})
      .sort(byName)
      .map((folder) => {
        const repo = repoName(folder);
        const counts = report.repos[folder];
        return `| [${repo}](https://github.com/${repo}) | \`${(commits.get(repo) ?? '').slice(0, 12)}\` | ${counts.files} | ${counts.filesWithTests} | ${counts.tests} |`;
      }),
  ]);
  tables.rules = lines([
    '| rule | findings | sampled | labelled | TP | FP | precision | 95% interval | lint ms |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...ruleIds.map((id) => {
      const p = report.precision[id];
      const interval = p.precision === null ? '–' : `${p.low}–${p.high}%`;
      return `| [${id}](rules/${id}.md) | ${report.findingsByRule[id] ?? 0} | ${p.sampled} | ${p.labelled} | ${p.tp} | ${p.fp} | ${p.precision === null ? '–' : `${p.precision}%`} | ${interval} | ${report.timing.rules[`${NAMESPACE}/${id}`] ?? 0} |`;
    }),
    `| (shared test model) | | | | | | | | ${report.timing.rules['eval/model-stats'] ?? 0} |`,
    `| (parsing) | | | | | | | | ${report.timing.parseMs} |`,
  ]);
  tables.repos = lines([
    `| repository | ${ruleIds.join(' | ')} |`,
    `| --- | ${ruleIds.map(() => '---:').join(' | ')} |`,
    ...Object.keys(report.findingsByRepo)
      .sort(byName)
      .map((folder) => `| ${repoName(folder)} | ${ruleIds.map((id) => report.findingsByRepo[folder][id] ?? 0).join(' | ')} |`),
  ]);
  if (report.recall !== undefined) {
    tables.recall = lines([
      '| rule | hunted instances | reported | recall | 95% interval |',
      '| --- | ---: | ---: | ---: | ---: |',
      ...Object.keys(report.recall)
        .sort(byName)
        .map((id) => {
          const r = report.recall[id];
          return `| [${id}](rules/${id}.md) | ${r.instances} | ${r.reported} | ${r.recall}% | ${r.low}–${r.high}% |`;
        }),
    ]);
  }
  const fixSafety = report.fixSafety;
  tables['fix-safety'] =
    fixSafety === undefined
      ? '(run with `--fix-safety`)'
      : `${fixSafety.fixes} autofixes and ${fixSafety.suggestions} suggestions in ${fixSafety.files} files checked; ${fixSafety.problems.length} problems.`;
  return { ...tables, ...typedTables(report) };
}

/** The tables of a typed run: how each repository's files were linted, and the comparison. */
function typedTables(report) {
  const tables = {};
  if (report.typed !== undefined) {
    const row = (name, t) =>
      `| ${name} | ${t.testFiles} | ${t.files} | ${t.tsconfig} | ${t.fallback} | ${t.none} | ${t.notInProject} | ${t.projectErrors} | ${t.configErrors} | ${t.parseFailures} | ${t.seconds} |`;
    tables.typed = [
      '| repository | test files | linted | tsconfig program | fallback program | no program | in no tsconfig | project errors | under a tsconfig with errors | parse failures | seconds |',
      '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
      ...Object.keys(report.typed.repos)
        .sort((a, b) => a.toLowerCase().localeCompare(b.toLowerCase()))
        .map((folder) => row(folder.replace('__', '/'), report.typed.repos[folder])),
      row('**total**', report.typed.total),
    ].join('\n');
  }
  if (report.comparison !== undefined) {
    const { counts, precision } = report.comparison;
    const labelled = (side) => {
      const p = precision[side];
      return p.labelled === 0 ? '–' : `${p.tp} of ${p.labelled} (${p.share}%, ${p.low}–${p.high}%)`;
    };
    tables['compare-floating'] = [
      `| reported by | findings | sampled | real dropped promises (labelled) |`,
      '| --- | ---: | ---: | ---: |',
      `| both | ${counts.both} | ${precision.both.sampled} | ${labelled('both')} |`,
      `| only \`${COMPARED_RULE}\` | ${counts.oursOnly} | ${precision['ours-only'].sampled} | ${labelled('ours-only')} |`,
      `| only \`no-floating-promises\` | ${counts.theirsOnly} | ${precision['theirs-only'].sampled} | ${labelled('theirs-only')} |`,
      `| … of which another test-quality rule reports | ${counts.theirsOnlyReportedByAnotherRule} | | |`,
    ].join('\n');
    tables['compare-floating-repos'] = [
      `| repository | both | only \`${COMPARED_RULE}\` | only \`no-floating-promises\` |`,
      '| --- | ---: | ---: | ---: |',
      ...Object.entries(report.comparison.byRepo)
        .sort((a, b) => a[0].toLowerCase().localeCompare(b[0].toLowerCase()))
        .map(([folder, n]) => `| ${folder.replace('__', '/')} | ${n.both} | ${n['ours-only']} | ${n['theirs-only']} |`),
    ].join('\n');
  }
  return tables;
}

/** Rewrites the `<!-- eval:NAME -->` tables (`eval:SET:NAME` with `--set`) of a doc. */
function updateDoc(file, report, ruleIds, options) {
  const tables = docTables(report, ruleIds, options);
  let text = readFileSync(file, 'utf8');
  for (const [key, table] of Object.entries(tables)) {
    const name = options.set === null ? key : `${options.set}:${key}`;
    const pattern = new RegExp(`(<!-- eval:${name} -->)[\\s\\S]*?(<!-- /eval:${name} -->)`, 'u');
    text = text.replace(pattern, (_match, start, end) => `${start}\n${table}\n${end}`);
  }
  writeFileSync(file, text);
}

function renderMarkdown(report, ruleIds) {
  const { summary } = report;
  const out = [];
  const row = (cells) => out.push(`| ${cells.join(' | ')} |`);
  out.push('# Corpus evaluation report', '');
  out.push(`Generated ${summary.startedAt} over ${summary.dirs.join(', ')}${summary.set ? ` (set: ${summary.set})` : ''}.`, '');
  row(['files', 'lines', 'with tests', 'tests', 'assertions', 'mocks', 'parse failures', 'parsed as script', 'rule crashes', 'findings', 'seconds']);
  row(Array(11).fill('---'));
  row([summary.files, summary.lines, summary.filesWithTests, summary.tests, summary.assertions, summary.mocks, summary.parseFailures, summary.parsedAsScript, summary.ruleCrashes, summary.findings, summary.lintSeconds]);
  const typed = typedTables(report);
  if (typed.typed !== undefined) {
    out.push('', '## Typed: how each repository\'s test files were linted', '', typed.typed);
    const errors = report.typed.projectErrors;
    if (errors.length > 0) {
      out.push('', `Project errors (${errors.length}):`, '', ...errors.slice(0, 50).map((error) => `- \`${error.repo}/${error.file}\` ${error.message}`));
    }
    for (const [repo, configs] of Object.entries(report.typed.brokenConfigs)) {
      for (const [config, messages] of Object.entries(configs)) out.push(`- tsconfig with errors \`${repo}/${config}\`: ${messages.join('; ')}`);
    }
  }
  if (typed['compare-floating'] !== undefined) {
    const { comparison } = report;
    out.push('', `## Compared with no-floating-promises`, '', typed['compare-floating'], '');
    for (const [side, counts] of Object.entries(comparison.messageIds)) {
      out.push(`- ${side}: ${Object.entries(counts).map(([id, n]) => `${id} ${n}`).join(', ') || 'none'}`);
    }
    out.push('', typed['compare-floating-repos'], '');
    for (const [side, items] of Object.entries(comparison.samples)) {
      out.push(`### Sample: ${side} (${items.length})`, '');
      for (const item of items) {
        out.push(`- \`${item.finding.repo}/${item.finding.file}:${item.finding.line}:${item.finding.column}\` ${item.finding.messageId ?? ''}${item.label === null ? '' : ` — ${item.label}${item.note ? `: ${item.note}` : ''}`}`);
      }
      out.push('');
    }
  }
  out.push('', '## Findings, precision and time per rule', '');
  row(['rule', 'findings', 'sampled', 'capped out', 'labelled', 'TP', 'FP', 'precision (95% Wilson interval)', 'lint ms']);
  row(['---', '---:', '---:', '---:', '---:', '---:', '---:', '---:', '---:']);
  for (const id of ruleIds) {
    const p = report.precision[id];
    row([id, report.findingsByRule[id] ?? 0, p.sampled, p.cappedOut ?? 0, p.labelled, p.tp, p.fp, formatPrecision(p), report.timing.rules[`${NAMESPACE}/${id}`] ?? 0]);
  }
  if (report.floating !== undefined) {
    row(['(@typescript-eslint/no-floating-promises)', report.floating.length, '', '', '', '', '', '', report.timing.rules['@typescript-eslint/no-floating-promises'] ?? 0]);
  }
  row(['(shared model, via eval/model-stats)', '', '', '', '', '', '', '', report.timing.rules['eval/model-stats'] ?? 0]);
  row(['(parsing)', '', '', '', '', '', '', '', report.timing.parseMs]);
  if (report.recall !== undefined) {
    out.push('', '## Recall on hunted instances', '');
    row(['rule', 'instances', 'reported', 'recall (95% Wilson interval)', 'missed']);
    row(['---', '---:', '---:', '---:', '---']);
    for (const [id, r] of Object.entries(report.recall)) {
      row([id, r.instances, r.reported, `${r.recall}% (${r.low}–${r.high}%)`, r.missed.map((place) => `\`${place}\``).join(', ')]);
    }
  }
  out.push('', '## Findings per repository', '');
  row(['repository', 'files', 'with tests', 'tests', ...ruleIds]);
  row(['---', '---:', '---:', '---:', ...ruleIds.map(() => '---:')]);
  for (const repo of Object.keys({ ...report.findingsByRepo, ...report.repos }).sort((a, b) => a.localeCompare(b))) {
    const counts = report.repos?.[repo] ?? { files: '?', filesWithTests: '?', tests: '?' };
    row([repo, counts.files, counts.filesWithTests, counts.tests, ...ruleIds.map((id) => report.findingsByRepo[repo]?.[id] ?? 0)]);
  }
  out.push('', `## Rule crashes (${report.crashes.length})`, '');
  for (const crash of report.crashes) {
    out.push(`- \`${crash.ruleId ?? '?'}\` in \`${crash.repo}/${crash.file}\``, '', '```', crash.stack.split('\n').slice(0, 12).join('\n'), '```');
  }
  out.push('', `## Parse failures (${report.parseFailures.length})`, '');
  for (const failure of report.parseFailures.slice(0, 100)) {
    out.push(`- \`${failure.repo}/${failure.file}:${failure.line}:${failure.column}\` ${failure.message}`);
  }
  if (report.fixSafety !== undefined) {
    const { fixSafety } = report;
    out.push('', `## Fix safety`, '', `${fixSafety.fixes} autofixes and ${fixSafety.suggestions} suggestions checked in ${fixSafety.files} files; ${fixSafety.problems.length} problems.`, '');
    for (const problem of fixSafety.problems) {
      out.push(`- ${problem.problem}: \`${problem.ruleId}\` ${problem.kind}${problem.desc ? ` "${problem.desc}"` : ''} at \`${problem.repo}/${problem.file}:${problem.line}:${problem.column}\` — ${problem.detail.split('\n')[0]}`);
    }
  }
  out.push('', '## Samples for hand labelling', '');
  for (const id of ruleIds) {
    const sample = report.samples[id] ?? [];
    out.push(`### ${id} (${sample.length} of ${report.findingsByRule[id] ?? 0})`, '');
    sample.forEach((finding, index) => {
      const label = finding.label === null ? 'unlabelled' : `${finding.label}${finding.note ? ` — ${finding.note}` : ''}`;
      out.push(`${index + 1}. \`${finding.ruleId}\t${locationOf(finding)}\` ${finding.message}  `, `   label: ${label}`, '', '```', finding.excerpt, '```', '');
    });
  }
  return `${out.join('\n')}\n`;
}

main();
