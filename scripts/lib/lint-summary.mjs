// The counters every `npm run eval` summary starts from, typed (`--typed`) or not, and the read that feeds them.
import { readFileSync, statSync } from 'node:fs';

/** Zeroed counts of files, tests, findings and time, filled in as a run lints. */
export function lintCounters() {
  return {
    files: 0,
    lines: 0,
    skippedLarge: 0,
    parsedAsScript: 0,
    parseFailures: 0,
    filesWithTests: 0,
    tests: 0,
    assertions: 0,
    mocks: 0,
    ruleCrashes: 0,
    findings: 0,
    lintSeconds: 0,
  };
}

/** A file's text, counted in `summary` (files, lines); null when it is gone, or over `maxBytes` (counted as skipped). */
export function readCounted(file, maxBytes, summary) {
  let size;
  try {
    size = statSync(file).size;
  } catch {
    return null;
  }
  if (size > maxBytes) {
    summary.skippedLarge++;
    return null;
  }
  const code = readFileSync(file, 'utf8');
  summary.files++;
  summary.lines += code.split('\n').length;
  return code;
}
