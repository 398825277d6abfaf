import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { describe, expect, it } from 'vitest';

import { compareFindings, matchFindings, writeComparisonSheet, type Finding } from '../../scripts/lib/compare-findings.mjs';

const ours = (file: string, line: number, endLine = line, messageId = 'unawaitedAsyncCall'): Finding => ({
  repo: 'o__r',
  file,
  line,
  column: 5,
  endLine,
  ruleId: 'no-unawaited-async-mock',
  messageId,
});
const theirs = (file: string, line: number, endLine = line, messageId = 'floatingVoid'): Finding => ({
  repo: 'o__r',
  file,
  line,
  column: 5,
  endLine,
  ruleId: '@typescript-eslint/no-floating-promises',
  messageId,
});
const key = (finding: Finding) => finding.line * 7 + finding.file.length;

describe('matchFindings', () => {
  it('pairs findings on the same start line of the same file', () => {
    const result = matchFindings([ours('a.test.ts', 10), ours('a.test.ts', 20)], [theirs('a.test.ts', 20), theirs('b.test.ts', 10)]);
    expect(result.both.map((pair) => [pair.ours.line, pair.theirs.line])).toEqual([[20, 20]]);
    expect(result.oursOnly.map((finding) => `${finding.file}:${finding.line}`)).toEqual(['a.test.ts:10']);
    expect(result.theirsOnly.map((finding) => `${finding.file}:${finding.line}`)).toEqual(['b.test.ts:10']);
  });

  it('pairs a finding that starts inside the other one\'s lines (a call inside a dropped multi-line chain)', () => {
    const result = matchFindings([ours('a.test.ts', 12)], [theirs('a.test.ts', 11, 14)]);
    expect(result.both).toHaveLength(1);
    expect(result.oursOnly).toEqual([]);
    expect(result.theirsOnly).toEqual([]);
  });

  it('pairs each finding once, preferring the same line over an overlap', () => {
    const result = matchFindings([ours('a.test.ts', 11, 14), ours('a.test.ts', 12)], [theirs('a.test.ts', 12)]);
    expect(result.both.map((pair) => pair.ours.line)).toEqual([12]);
    expect(result.oursOnly.map((finding) => finding.line)).toEqual([11]);
  });

  it('does not pair findings of different repositories with the same file name', () => {
    const result = matchFindings([ours('a.test.ts', 3)], [{ ...theirs('a.test.ts', 3), repo: 'x__y' }]);
    expect(result.both).toEqual([]);
  });
});

describe('compareFindings', () => {
  const oursList = [ours('a.test.ts', 1), ours('a.test.ts', 5), ours('b.test.ts', 9, 9, 'unawaitedThenable')];
  const theirsList = [theirs('a.test.ts', 5), theirs('b.test.ts', 2), theirs('b.test.ts', 30)];
  const others = [{ ...ours('b.test.ts', 30), ruleId: 'no-unawaited-assertion', messageId: 'unawaited' }];

  it('counts both sides, and the theirs-only findings another of our rules reports', () => {
    const comparison = compareFindings({ ours: oursList, theirs: theirsList, others, key });
    expect(comparison.counts).toEqual({ ours: 3, theirs: 3, both: 1, oursOnly: 2, theirsOnly: 2, theirsOnlyReportedByAnotherRule: 1 });
    expect(comparison.messageIds['ours-only']).toEqual({ unawaitedAsyncCall: 1, unawaitedThenable: 1 });
    expect(comparison.byRepo).toEqual({ o__r: { 'ours-only': 2, 'theirs-only': 2, both: 1 } });
  });

  it('reads labels by the compare-floating rule column and the sampled finding\'s place', () => {
    const labels = new Map([
      ['compare-floating\to__r/b.test.ts:2:5', { label: 'FP' as const, note: 'describe body' }],
      ['compare-floating\to__r/b.test.ts:30:5', { label: 'TP' as const, note: '' }],
    ]);
    const comparison = compareFindings({ ours: oursList, theirs: theirsList, key, labels, repoCap: 1 });
    expect(comparison.precision['theirs-only']).toMatchObject({ sampled: 2, labelled: 2, tp: 1, fp: 1, share: 50 });
    expect(comparison.precision['ours-only']).toMatchObject({ sampled: 2, labelled: 0, share: null });
  });

  it('takes at most the asked sample per side', () => {
    const comparison = compareFindings({ ours: oursList, theirs: theirsList, key, sample: 1, sampleBoth: 0, repoCap: 1 });
    expect(comparison.samples['ours-only']).toHaveLength(1);
    expect(comparison.samples.both).toEqual([]);
  });
});

describe('writeComparisonSheet', () => {
  it('writes a sheet that does not say which rule reported an item, a TSV in the --labels format and a key', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'compare-'));
    const file = path.join(dir, 'a.test.ts');
    writeFileSync(file, Array.from({ length: 12 }, (_, i) => `line${i + 1}();`).join('\n'));
    const withPath = (finding: Finding) => ({ ...finding, path: file });
    const comparison = compareFindings({ ours: [withPath(ours('a.test.ts', 2))], theirs: [withPath(theirs('a.test.ts', 7))], key, repoCap: 1 });
    expect(writeComparisonSheet(dir, comparison, { key })).toBe(2);
    const sheet = readFileSync(path.join(dir, 'compare-floating.md'), 'utf8');
    expect(sheet).toMatch(/^> ?2 \| line2\(\);$/mu);
    expect(sheet).not.toMatch(/no-floating-promises|no-unawaited-async-mock|ours-only|theirs-only/u);
    const rows = readFileSync(path.join(dir, 'compare-floating.tsv'), 'utf8').split('\n').filter((line) => line !== '' && !line.startsWith('#'));
    expect(rows.sort()).toEqual(['compare-floating\to__r/a.test.ts:2:5\t\t', 'compare-floating\to__r/a.test.ts:7:5\t\t']);
    const keyFile = readFileSync(path.join(dir, 'compare-floating.key.tsv'), 'utf8');
    expect(keyFile).toContain('theirs-only\to__r/a.test.ts:7:5\t@typescript-eslint/no-floating-promises\tfloatingVoid');
    expect(keyFile).toContain('ours-only\to__r/a.test.ts:2:5\ttest-quality/no-unawaited-async-mock\tunawaitedAsyncCall');
  });
});
