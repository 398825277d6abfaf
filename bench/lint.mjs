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
