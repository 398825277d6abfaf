import tsParser from '@typescript-eslint/parser';
import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';

import * as shapes from '../../bench/shapes.mjs';
import { RULE_FAILURE_PREFIX } from '../../src/create-rule.js';
import plugin from '../../src/index.js';

/**
 * The adversarial files of issue #26, each through the real Linter with every rule (`all`, built
 * from src): none may throw, none may make a rule give up on the file (`RULE_FAILURE_PREFIX`).
 * The chains are longer than the ones that overflowed the stack before the resolver was capped
 * (const ~1,600 hops, let ~1,300, member and destructuring ~2,000); the other shapes are sized to
 * lint in a second or so. Growth with size is measured by `npm run bench -- --scaling`, not here:
 * no timing asserts.
 */
const config: Linter.Config[] = [
  {
    files: ['**/*.{js,ts}'],
    linterOptions: { reportUnusedDisableDirectives: 'off' },
    languageOptions: { parser: tsParser as Linter.Parser, ecmaVersion: 'latest', sourceType: 'module' },
  },
  { ...(plugin.configs.all as Linter.Config), files: ['**/*.{js,ts}'] },
];

const linter = new Linter({ configType: 'flat' });

/** The messages of our rules, by rule id without the namespace; throws on a parse error or a rule's failure. */
function findings(code: string, filename: string): Map<string, number> {
  const messages = linter.verify(code, config, { filename });
  const fatal = messages.find((message) => message.fatal === true);
  expect(fatal?.message ?? null).toBeNull();
  const failures = messages.filter((message) => message.message.startsWith(RULE_FAILURE_PREFIX)).map((message) => message.message);
  expect(failures).toEqual([]);
  const byRule = new Map<string, number>();
  for (const message of messages) {
    const id = (message.ruleId ?? '').replace('test-quality/', '');
    byRule.set(id, (byRule.get(id) ?? 0) + 1);
  }
  return byRule;
}

describe('alias chains longer than the stack allowed', () => {
  it('a chain of 1,600 const aliases', () => {
    expect(findings(shapes.constChain(1600), 'chain.js').size).toBe(0);
  });

  it('a chain of 1,400 let reassignments', () => {
    expect(findings(shapes.letChain(1400), 'chain.js').size).toBe(0);
  });

  it('a chain of 2,100 member aliases', () => {
    expect(findings(shapes.memberChain(2100), 'chain.js').size).toBe(0);
  });

  it('a chain of 2,100 destructuring aliases', () => {
    expect(findings(shapes.destructuringChain(2100), 'chain.js').size).toBe(0);
  });

  it('a framework name at the root of a 2,000-hop chain is a miss, not a crash', () => {
    expect(findings(shapes.frameworkChain(2000), 'chain.test.ts').size).toBe(0);
  });
});

describe('long and wide shapes', () => {
  it('a destructured require of 3,000 names that is also mocked', () => {
    expect(findings(shapes.hugeDestructuring(3000), 'mocked.test.js').size).toBe(0);
  });

  it("a retry test titled 'retry ' + 'A' × 50,000 still has its count reported", () => {
    expect(findings(shapes.retryTitle(50_000), 'retry.test.ts').get('no-magic-retry-count')).toBeGreaterThan(0);
  });

  it("'logger' × 5,000 as the owner of a counted logging call", () => {
    findings(shapes.loggerOwner(5000), 'retry.test.ts');
  });

  it('200 small retry tests in one file', () => {
    findings(shapes.manyRetryTests(200), 'retry.test.ts');
  });

  it('2,000 `{ let q; }` blocks in a retry test still has its count reported', () => {
    expect(findings(shapes.blocksInRetryTest(2000), 'retry.test.ts').get('no-magic-retry-count')).toBeGreaterThan(0);
  });

  it('one test with 400 configured and called spies, their dropped promises reported', () => {
    expect(findings(shapes.manySpies(400), 'spies.test.ts').get('no-unawaited-async-mock')).toBeGreaterThan(0);
  });

  it('300 status if/else branches in one test, reported as permissive', () => {
    expect(findings(shapes.statusBranches(300), 'status.test.ts').get('no-permissive-assertion')).toBeGreaterThan(0);
  });

  it('a literal array of 5,000 items in toContain is reported once', () => {
    expect(findings(shapes.literalArray(5000), 'array.test.ts').get('no-permissive-assertion')).toBe(1);
  });

  it('a chain of 400 calls (`p.then().then()…`) in a test', () => {
    const chain = `p${'.then(() => 1)'.repeat(400)}`;
    findings(`import { it } from 'vitest';\nit('chains', async () => {\n  const p = Promise.resolve(1);\n  await ${chain};\n});\n`, 'chain.test.ts');
  });

  it('a mock 300 object literals deep', () => {
    const open = Array.from({ length: 300 }, (_, index) => `{ k${index}: `).join('');
    const code = `import { it, vi } from 'vitest';\nit('nests', () => {\n  const api = ${open}vi.fn().mockReturnValue(1)${' }'.repeat(300)};\n  api.k0.k1.mockReturnValue(2);\n});\n`;
    findings(code, 'nested.test.ts');
  });

  it('a member chain of 700 links off a framework name', () => {
    findings(`import { vi } from 'vitest';\nvi${'.a'.repeat(700)}();\n`, 'members.test.ts');
  });
});
