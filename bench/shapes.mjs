// Adversarial test files of issue #26 ("no input may crash the lint run, go quadratic, or get a fix
// that breaks the file"), one generator per shape: `generate(n)` gives the file's text for size n.
// Used by `npm run bench -- --scaling` (doubling n) and by tests/robustness/adversarial.test.ts
// (crash regressions at a fixed size). Deterministic: the same n always gives the same bytes.

const range = (n) => Array.from({ length: n }, (_, index) => index);

/** A chain of `const` aliases, `const v1 = v0; … vN.x();`: no test, no framework name. */
export const constChain = (n) => `const v0 = 0;\n${range(n).map((i) => `const v${i + 1} = v${i};`).join('\n')}\nv${n}.x();\n`;

/** The same through `let` and reassignment: every write agrees, so every one is followed. */
export const letChain = (n) => `let v0 = 0;\n${range(n).map((i) => `let v${i + 1} = v${i}; v${i + 1} = v${i};`).join('\n')}\nv${n}.x();\n`;

/** Member links: `const v1 = v0.a;`. */
export const memberChain = (n) => `const v0 = { a: 0 };\n${range(n).map((i) => `const v${i + 1} = v${i}.a;`).join('\n')}\nv${n}.x();\n`;

/** Destructuring links: `const { a: v1 } = v0;`. */
export const destructuringChain = (n) => `const v0 = { a: 0 };\n${range(n).map((i) => `const { a: v${i + 1} } = v${i};`).join('\n')}\nv${n}.x();\n`;

/** A framework name at the root of a long alias chain, then a mock and a test through the end of it. */
export const frameworkChain = (n) =>
  [
    `import { vi, it, expect } from 'vitest';`,
    `const v0 = vi;`,
    ...range(n).map((i) => `const v${i + 1} = v${i};`),
    `it('works', () => {`,
    `  const fn = v${n}.fn();`,
    `  fn();`,
    `  expect(fn).toHaveBeenCalled();`,
    `});`,
    '',
  ].join('\n');

/** `const { a0, …, aN } = require('./x'); vi.mock('./x')`: every name becomes a key of the module mock. */
export const hugeDestructuring = (n) =>
  `const { vi } = require('vitest');\nconst { ${range(n).map((i) => `a${i}`).join(', ')} } = require('./x');\nvi.mock('./x');\n`;

const VITEST_HEADER = `import { describe, expect, it, vi } from 'vitest';\nimport { client } from './client';\n`;

/** A retry test whose title is `'retry ' + 'A'.repeat(n)`. */
export const retryTitle = (n) =>
  `${VITEST_HEADER}it('retry ${'A'.repeat(n)}', async () => {\n  const fetcher = vi.fn().mockRejectedValue(new Error('down'));\n  await client.get(fetcher).catch(() => {});\n  expect(fetcher).toHaveBeenCalledTimes(3);\n});\n`;

/** `'logger'.repeat(n)` as the owner of a logging call counted in a retry test. */
export const loggerOwner = (n) => {
  const owner = 'logger'.repeat(n);
  return `${VITEST_HEADER}it('retries the request', async () => {\n  const ${owner} = { warn: vi.fn() };\n  const fetcher = vi.fn().mockRejectedValue(new Error('down'));\n  await client.get(fetcher, ${owner}).catch(() => {});\n  expect(${owner}.warn).toHaveBeenCalledTimes(3);\n  expect(fetcher).toHaveBeenCalledTimes(3);\n});\n`;
};

/** n small retry tests in one file. */
export const manyRetryTests = (n) =>
  `${VITEST_HEADER}${range(n)
    .map(
      (i) =>
        `it('retries request ${i}', async () => {\n  const fetcher${i} = vi.fn().mockRejectedValue(new Error('down'));\n  await client.get(fetcher${i}).catch(() => {});\n  expect(fetcher${i}).toHaveBeenCalledTimes(3);\n});`,
    )
    .join('\n')}\n`;

/** n `{ let q; }` blocks in one retry test. */
export const blocksInRetryTest = (n) =>
  `${VITEST_HEADER}it('retries the request', async () => {\n  const fetcher = vi.fn().mockRejectedValue(new Error('down'));\n${range(n)
    .map(() => '  { let q; }')
    .join('\n')}\n  await client.get(fetcher).catch(() => {});\n  expect(fetcher).toHaveBeenCalledTimes(3);\n});\n`;

/** One test with n configured and called spies. */
export const manySpies = (n) =>
  `${VITEST_HEADER}it('calls every handler', async () => {\n${range(n)
    .map((i) => `  const s${i} = vi.fn().mockRejectedValue(new Error('${i}'));\n  s${i}();`)
    .join('\n')}\n  expect(await client.run()).toBe(1);\n});\n`;

/** n × `if (res.status === 200) {…} else { expect(res.status).toBe(404) }` in one test. */
export const statusBranches = (n) =>
  `${VITEST_HEADER}it('answers', async () => {\n  const res = await client.get('/x');\n${range(n)
    .map((i) => `  if (res.status === 200) {\n    expect(res.body.id).toBe(${i});\n  } else {\n    expect(res.status).toBe(404);\n  }`)
    .join('\n')}\n});\n`;

/** A literal array of n + 2 items, a success and a failure first, in `expect([...]).toContain(job.state)`. */
export const literalArray = (n) =>
  `${VITEST_HEADER}it('finishes the job', async () => {\n  const job = await client.run();\n  expect(['completed', 'failed', ${range(n)
    .map((i) => `'state${i}'`)
    .join(', ')}]).toContain(job.state);\n});\n`;

/**
 * The shapes, each with the size of its base point (a few KB of text) and its file name. The
 * scaling run doubles n three times from there.
 */
export const SHAPES = [
  { key: 'const-chain', label: 'const alias chain', generate: constChain, base: 300, filename: 'chain.js' },
  { key: 'let-chain', label: 'let reassignment chain', generate: letChain, base: 200, filename: 'chain.js' },
  { key: 'member-chain', label: 'member alias chain', generate: memberChain, base: 300, filename: 'chain.js' },
  { key: 'destructuring-chain', label: 'destructuring alias chain', generate: destructuringChain, base: 300, filename: 'chain.js' },
  { key: 'huge-destructuring', label: 'destructured require + vi.mock', generate: hugeDestructuring, base: 1000, filename: 'mocked.test.js' },
  { key: 'retry-title', label: "retry test titled 'retry ' + 'A'×n", generate: retryTitle, base: 4000, filename: 'retry.test.ts' },
  { key: 'logger-owner', label: "'logger'×n as a member owner", generate: loggerOwner, base: 600, filename: 'retry.test.ts' },
  { key: 'retry-tests', label: 'n small retry tests', generate: manyRetryTests, base: 40, filename: 'retry.test.ts' },
  { key: 'retry-blocks', label: 'n `{ let q; }` in a retry test', generate: blocksInRetryTest, base: 400, filename: 'retry.test.ts' },
  { key: 'spies', label: 'n configured and called spies', generate: manySpies, base: 100, filename: 'spies.test.ts' },
  { key: 'status-branches', label: 'n status if/else branches', generate: statusBranches, base: 60, filename: 'status.test.ts' },
  { key: 'literal-array', label: 'n-item literal array in toContain', generate: literalArray, base: 600, filename: 'array.test.ts' },
];
