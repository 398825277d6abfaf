import { generateRandomJS } from 'eslump';
import type * as RuleTesterModule from '@typescript-eslint/rule-tester';
import { describe, expect, it, vi } from 'vitest';

import { configFor, createLinter, filenamesFor, lint, type LintSetup, pick, ruleIds, seededRandom } from './lint-harness.js';
import { mutate } from './mutate.js';
import { loadRuleCases } from './rule-cases.js';
import { snippets } from './snippets.js';

// Read the rule tests' cases as data instead of running them (see rule-cases.ts).
vi.mock('@typescript-eslint/rule-tester', async (importOriginal) => ({
  ...(await importOriginal<typeof RuleTesterModule>()),
  RuleTester: (await import('./rule-cases.js')).CapturingRuleTester,
}));

/**
 * Every rule over random programs (eslump) and over mutants of the rule tests' cases and of our
 * seed snippets: no rule may throw. Seeded and deterministic; `npm run fuzz` sets FUZZ_SCALE for
 * a longer run (and FUZZ_SEED for other programs).
 */
const scale = Math.max(1, Number(process.env.FUZZ_SCALE ?? 1));
const seed = Number(process.env.FUZZ_SEED ?? 20_261_124);
const RANDOM_PROGRAMS = 300 * scale;
const MUTANTS_PER_CASE = 2 * scale;
const MUTANTS_PER_SNIPPET = 20 * scale;
// Generous: a loaded CI machine can be several times slower than a laptop.
const TIMEOUT = 180_000 * scale;

interface Crash {
  readonly source: string;
  readonly ruleId: string | null;
  readonly filename: string;
  readonly code: string;
  readonly stack: string;
}

const linter = createLinter();

/** Lints `code` under the first file name that parses it; returns a crash or whether it parsed. */
function run(code: string, setup: LintSetup, filenames: readonly string[], source: string, crashes: Crash[]): boolean {
  const config = configFor(setup);
  for (const filename of filenames) {
    const outcome = lint(linter, code, config, filename);
    if (outcome.crash !== null) {
      crashes.push({ source, ruleId: outcome.crash.ruleId, filename, code, stack: outcome.crash.stack.split('\n').slice(0, 8).join('\n') });
      return true;
    }
    if (!outcome.fatal) return true;
  }
  return false;
}

function withDeterministicMathRandom<T>(random: () => number, body: () => T): T {
  const original = Math.random;
  Math.random = random;
  try {
    return body();
  } finally {
    Math.random = original;
  }
}

function report(crashes: readonly Crash[]): string {
  return crashes
    .slice(0, 5)
    .map((crash) => `${crash.source} → ${crash.ruleId ?? '?'} (${crash.filename})\n--- code ---\n${crash.code}\n--- stack ---\n${crash.stack}`)
    .join('\n\n');
}

describe('fuzzing every rule', () => {
  it('has rules to fuzz', () => {
    expect(ruleIds.length).toBeGreaterThan(0);
  });

  it('notices a rule that throws (the harness can fail)', () => {
    const throwing = { create: () => ({ Identifier: () => { throw new TypeError('boom'); } }) };
    const outcome = lint(linter, 'it("x", () => {});', [{ plugins: { bad: { rules: { throws: throwing } } }, rules: { 'bad/throws': 'error' } }], 'x.test.js');
    expect(outcome.crash?.ruleId).toBe('bad/throws');
  });

  it(`survives ${RANDOM_PROGRAMS} random programs, bare and inside a test`, () => {
    const random = seededRandom(seed);
    const crashes: Crash[] = [];
    let parsed = 0;
    for (let i = 0; i < RANDOM_PROGRAMS; i++) {
      const sourceType = i % 2 === 0 ? 'module' : 'script';
      const program = withDeterministicMathRandom(random, () => generateRandomJS({ sourceType, maxDepth: 5, comments: i % 3 === 0, whitespace: i % 5 === 0 }));
      if (sourceType === 'module') {
        if (run(program, { sourceType }, ['random.test.js'], `random #${i}`, crashes)) parsed++;
      } else {
        const framework = pick(random, ['vitest', 'jest', 'mocha', 'node:test']);
        const header = framework === 'node:test' ? "const { test: it, mock } = require('node:test');\n" : framework === 'vitest' ? "const { it, vi, expect } = require('vitest');\n" : '';
        const wrapped = `${header}describe('random', () => {\n  it('runs', async () => {\n${program}\n  });\n});\n`;
        if (run(wrapped, { sourceType }, ['random.test.js'], `random-in-test #${i}`, crashes)) parsed++;
      }
    }
    expect(crashes, report(crashes)).toEqual([]);
    // Most generated programs must parse, or this test proves nothing.
    expect(parsed).toBeGreaterThan(RANDOM_PROGRAMS * 0.5);
  }, TIMEOUT);

  it('survives mutants of the seed snippets', () => {
    const random = seededRandom(seed + 1);
    const crashes: Crash[] = [];
    let parsed = 0;
    let total = 0;
    for (const snippet of snippets) {
      const jsx = snippet.filename.endsWith('x') || snippet.filename.endsWith('.js');
      if (run(snippet.code, { sourceType: snippet.sourceType }, [snippet.filename], `snippet ${snippet.name}`, crashes)) parsed++;
      total++;
      for (let i = 0; i < MUTANTS_PER_SNIPPET; i++) {
        const mutant = mutate(snippet.code, random, 1 + (i % 3), jsx);
        if (mutant === null) continue;
        total++;
        if (run(mutant, { sourceType: snippet.sourceType }, [snippet.filename], `mutant ${i} of snippet ${snippet.name}`, crashes)) parsed++;
      }
    }
    expect(crashes, report(crashes)).toEqual([]);
    expect(parsed).toBeGreaterThan(total * 0.5);
  }, TIMEOUT);

  it("survives the rule tests' cases and their mutants", async () => {
    const cases = await loadRuleCases();
    expect(new Set(cases.map((ruleCase) => ruleCase.ruleId)).size).toBeGreaterThan(0);
    const random = seededRandom(seed + 2);
    const crashes: Crash[] = [];
    for (const [index, ruleCase] of cases.entries()) {
      const setup: LintSetup = {
        sourceType: ruleCase.sourceType,
        settings: ruleCase.settings,
        ruleOptions: ruleCase.options === undefined ? undefined : { ruleId: ruleCase.ruleId, options: ruleCase.options },
      };
      const filenames = filenamesFor(ruleCase.filename);
      const source = `${ruleCase.ruleId} ${ruleCase.kind} case #${index}`;
      run(ruleCase.code, setup, filenames, source, crashes);
      const jsx = filenames.some((name) => /\.(?:[cm]?js|jsx|tsx)$/u.test(name));
      for (let i = 0; i < MUTANTS_PER_CASE; i++) {
        const mutant = mutate(ruleCase.code, random, 1 + (i % 3), jsx);
        if (mutant !== null) run(mutant, setup, filenames, `mutant ${i} of ${source}`, crashes);
      }
    }
    expect(crashes, report(crashes)).toEqual([]);
  }, TIMEOUT);
});
