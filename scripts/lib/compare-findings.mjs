// The comparison of `npm run eval -- --typed --compare-floating`: findings of our rule against
// another rule's (typescript-eslint's `no-floating-promises`) on the same files in the same lint
// pass, matched by file and line, and a blind labelling sheet that mixes a sample of each side.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

import { codeOf } from './label-sheets.mjs';
import { cappedSample, wilsonInterval } from './precision.mjs';

/** The labels' rule column for comparison items (`--labels` reads them like any rule's). */
export const COMPARE_RULE = 'compare-floating';

const fileOf = (finding) => `${finding.repo}/${finding.file}`;
const endOf = (finding) => finding.endLine ?? finding.line;
const covers = (a, b) => b.line >= a.line && b.line <= endOf(a);

/**
 * Pairs findings of two rules that report the same dropped statement: same file and same start
 * line first (a dropped call statement is one line), then, for what is left, one finding's start
 * line inside the other's lines (one rule reports the statement, the other a call inside it).
 * Each finding is paired at most once. Returns the pairs and what each side reports alone.
 */
export function matchFindings(ours, theirs) {
  const byFile = new Map();
  for (const finding of theirs) {
    if (!byFile.has(fileOf(finding))) byFile.set(fileOf(finding), []);
    byFile.get(fileOf(finding)).push(finding);
  }
  const used = new Set();
  const both = [];
  const pending = [];
  for (const finding of ours) {
    const candidates = byFile.get(fileOf(finding)) ?? [];
    const same = candidates.find((other) => !used.has(other) && other.line === finding.line);
    if (same === undefined) {
      pending.push(finding);
      continue;
    }
    used.add(same);
    both.push({ ours: finding, theirs: same });
  }
  const oursOnly = [];
  for (const finding of pending) {
    const candidates = byFile.get(fileOf(finding)) ?? [];
    const near = candidates.find((other) => !used.has(other) && (covers(other, finding) || covers(finding, other)));
    if (near === undefined) {
      oursOnly.push(finding);
      continue;
    }
    used.add(near);
    both.push({ ours: finding, theirs: near });
  }
  const theirsOnly = theirs.filter((finding) => !used.has(finding));
  return { both, oursOnly, theirsOnly };
}

/** Counts of findings per `messageId`, sorted by count. */
export function countBy(findings, key = (finding) => finding.messageId ?? '?') {
  const counts = {};
  for (const finding of findings) counts[key(finding)] = (counts[key(finding)] ?? 0) + 1;
  return Object.fromEntries(Object.entries(counts).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)));
}

/** Where a comparison item sits: `repo/file:line:column` of the finding a labeller looks at. */
export const itemLocation = (item) => `${item.finding.repo}/${item.finding.file}:${item.finding.line}:${item.finding.column}`;

/**
 * The comparison: counts per side and per repository, and a seeded sample of each side (`sample`
 * items of ours-only and theirs-only, `sampleBoth` of both; no repository above `repoCap` of a side)
 * with their labels (`labels`: `--labels` map, rule column `compare-floating`) and precision.
 * `others` are the findings of our other rules: a theirs-only finding that one of them reports at
 * the same place is counted as such (say `no-unawaited-assertion` on a dropped `.rejects`).
 */
export function compareFindings({ ours, theirs, others = [], sample = 30, sampleBoth = 10, repoCap = 1 / 3, key, labels = new Map() }) {
  const { both, oursOnly, theirsOnly } = matchFindings(ours, theirs);
  const elsewhere = matchFindings(others, theirsOnly).both.length;
  const items = {
    'ours-only': oursOnly.map((finding) => ({ side: 'ours-only', finding })),
    'theirs-only': theirsOnly.map((finding) => ({ side: 'theirs-only', finding })),
    both: both.map((pair) => ({ side: 'both', finding: pair.ours, other: pair.theirs })),
  };
  const byRepo = {};
  for (const [side, list] of Object.entries(items)) {
    for (const item of list) {
      byRepo[item.finding.repo] ??= { 'ours-only': 0, 'theirs-only': 0, both: 0 };
      byRepo[item.finding.repo][side]++;
    }
  }
  const samples = {};
  const precision = {};
  for (const [side, list] of Object.entries(items)) {
    const size = side === 'both' ? sampleBoth : sample;
    const picked = size > 0 ? cappedSample(list, { size, capShare: repoCap, key: (item) => key(item.finding), repo: (item) => item.finding.repo }).sample : [];
    samples[side] = picked.map((item) => {
      const label = labels.get(`${COMPARE_RULE}\t${itemLocation(item)}`);
      return { ...item, label: label?.label ?? null, note: label?.note ?? '' };
    });
    const tp = samples[side].filter((item) => item.label === 'TP').length;
    const fp = samples[side].filter((item) => item.label === 'FP').length;
    const interval = wilsonInterval(tp, tp + fp);
    precision[side] = {
      sampled: samples[side].length,
      labelled: tp + fp,
      tp,
      fp,
      share: tp + fp === 0 ? null : Math.round((1000 * tp) / (tp + fp)) / 10,
      low: tp + fp === 0 ? null : Math.round(1000 * interval.low) / 10,
      high: tp + fp === 0 ? null : Math.round(1000 * interval.high) / 10,
    };
  }
  return {
    counts: { ours: ours.length, theirs: theirs.length, both: both.length, oursOnly: oursOnly.length, theirsOnly: theirsOnly.length, theirsOnlyReportedByAnotherRule: elsewhere },
    messageIds: { 'ours-only': countBy(oursOnly), 'theirs-only': countBy(theirsOnly), both: countBy(both.map((pair) => pair.ours)) },
    byRepo,
    samples,
    precision,
    lists: {
      oursOnly: oursOnly.map(({ repo, file, line, column, messageId }) => ({ repo, file, line, column, messageId })),
      theirsOnly: theirsOnly.map(({ repo, file, line, column, messageId }) => ({ repo, file, line, column, messageId })),
      both: both.map((pair) => ({ repo: pair.ours.repo, file: pair.ours.file, line: pair.ours.line, column: pair.ours.column, theirsLine: pair.theirs.line })),
    },
  };
}

/** Which rules reported a comparison item, for the sheet's key. */
function reporters(item, theirRule) {
  if (item.side === 'theirs-only') return theirRule;
  return item.side === 'both' ? `test-quality/${item.finding.ruleId} and ${theirRule}` : `test-quality/${item.finding.ruleId}`;
}

/**
 * The blind sheet of a comparison: every sampled item of every side in one seeded order, each with
 * its code and nothing that tells which rule reported it; `<name>.tsv` to fill in (the `--labels`
 * format), and `<name>.key.tsv`, which says the side of each item, to keep from the labeller.
 */
export function writeComparisonSheet(dir, comparison, { name = COMPARE_RULE, key, set = null, theirRule = '@typescript-eslint/no-floating-promises' }) {
  mkdirSync(dir, { recursive: true });
  const items = Object.values(comparison.samples)
    .flat()
    .map((item) => ({ item, order: key(item.finding) ^ 0x5bd1e995 }))
    .sort((a, b) => a.order - b.order || (itemLocation(a.item) < itemLocation(b.item) ? -1 : 1))
    .map(({ item }) => item);
  const out = [
    `# Labelling sheet: dropped promises in tests${set ? ` (set ${set})` : ''}`,
    '',
    'Each marked statement was reported as a promise that the test (or hook, or helper) starts and neither',
    'awaits, returns nor hands on. Decide: is it a real dropped promise that an experienced engineer reviewing',
    'this test would want changed (an assertion or a rejection that can be lost, work the test reads before it',
    'has happened, a request never sent)? TP only if yes. FP when nothing is lost: for example a call inside a',
    '`describe` body, a `done`-style test that finishes through its callback, a fake-timer flush, a node:test',
    'plan, an intentional fire-and-forget, a value that is not a promise at all. The full file is at the path given.',
    '',
  ];
  items.forEach((item, index) => {
    const { finding } = item;
    out.push(`## ${index + 1}. \`${COMPARE_RULE}\t${itemLocation(item)}\``, '', `File: ${finding.path}`, '', '```', codeOf(finding), '```', '');
  });
  writeFileSync(path.join(dir, `${name}.md`), `${out.join('\n')}\n`);
  const rows = items.map((item) => `${COMPARE_RULE}\t${itemLocation(item)}\t\t`);
  writeFileSync(path.join(dir, `${name}.tsv`), `# rule\tlocation\tTP|FP\treason\n${rows.join('\n')}\n`);
  const keyRows = items.map(
    (item, index) =>
      `${index + 1}\t${item.side}\t${itemLocation(item)}\t${reporters(item, theirRule)}\t${[item.finding.messageId, item.other?.messageId].filter(Boolean).join(', ')}`,
  );
  writeFileSync(path.join(dir, `${name}.key.tsv`), `# item\tside\tlocation\treported by\tmessageId\n${keyRows.join('\n')}\n`);
  return items.length;
}
