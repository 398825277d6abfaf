// One ESLint instance per configuration, through ESLint's Node API; the timed unit is the whole
// `lintFiles` call (file reading, config lookup, parsing, rules, result objects).
import { ESLint } from 'eslint';

import { loadConfig } from './configs.mjs';

/** A fresh ESLint for configuration `name`, rooted at `cwd` (files outside it are ignored). */
export async function createLinter(name, cwd, { stats = false, modelProbe = false } = {}) {
  const overrideConfig = await loadConfig(name, { modelProbe });
  return {
    name,
    config: overrideConfig,
    eslint: new ESLint({
      cwd,
      overrideConfigFile: true,
      overrideConfig,
      cache: false,
      fix: false,
      stats,
      errorOnUnmatchedPattern: false,
      warnIgnored: false,
    }),
  };
}

const collectGarbage = typeof globalThis.gc === 'function' ? globalThis.gc : () => {};

/** Lints `files` once; returns wall time in ms and the results. Collects garbage first if it can. */
export async function timedLint(eslint, files) {
  collectGarbage();
  const start = process.hrtime.bigint();
  const results = await eslint.lintFiles(files);
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  return { ms, results };
}

/** Per-rule and parse time (ms) summed over files, from results linted with `stats: true`. */
export function sumStats(results) {
  const rules = new Map();
  let parse = 0;
  let total = 0;
  for (const result of results) {
    for (const pass of result.stats?.times?.passes ?? []) {
      parse += pass.parse?.total ?? 0;
      total += typeof pass.total === 'number' ? pass.total : (pass.total?.total ?? 0);
      for (const [id, time] of Object.entries(pass.rules ?? {})) {
        rules.set(id, (rules.get(id) ?? 0) + (time.total ?? 0));
      }
    }
  }
  return { parse, total, rules };
}

/** Findings per rule id, and how many files did not parse. */
export function countFindings(results) {
  const byRule = new Map();
  let fatal = 0;
  for (const result of results) {
    for (const message of result.messages) {
      if (message.fatal === true) {
        fatal += 1;
      } else if (message.ruleId != null) {
        byRule.set(message.ruleId, (byRule.get(message.ruleId) ?? 0) + 1);
      }
    }
  }
  return { byRule, fatal };
}

export const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

/**
 * A distribution-free interval for the median of `values` (order statistics): the narrowest
 * [k-th smallest, k-th largest] that holds the true median with probability ≥ `level`, from the
 * binomial distribution of how many samples fall below it. With 15 samples and level 0.9 that is
 * the 4th smallest to the 4th largest (96%); with 5 samples, the smallest to the largest (94%).
 * Returns { low, high, coverage }, or null when no interval of these samples reaches `level`.
 */
export function medianInterval(values, level = 0.9) {
  const sorted = [...values].sort((a, b) => a - b);
  const n = sorted.length;
  // P(X = i) for X ~ Binomial(n, 1/2), built up in ratios to stay exact enough for n in the hundreds.
  const probabilities = [2 ** -n];
  for (let i = 1; i <= n; i += 1) {
    probabilities.push((probabilities[i - 1] * (n - i + 1)) / i);
  }
  for (let k = Math.floor((n - 1) / 2); k >= 0; k -= 1) {
    // The interval [sorted[k], sorted[n - 1 - k]] misses the median when at most k samples fall on one side.
    let outside = 0;
    for (let i = 0; i <= k; i += 1) {
      outside += 2 * probabilities[i];
    }
    const coverage = 1 - outside;
    if (coverage >= level) {
      return { low: sorted[k], high: sorted[n - 1 - k], coverage };
    }
  }
  return null;
}
