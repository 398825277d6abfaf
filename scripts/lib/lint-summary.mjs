// The counters every `npm run eval` summary starts from, typed (`--typed`) or not.

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
