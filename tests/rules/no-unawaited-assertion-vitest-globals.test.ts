import rule from '../../src/rules/no-unawaited-assertion.js';
import { createRuleTester } from '../rule-tester.js';

/**
 * A file that runs on vitest with `globals: true` shows nothing of vitest (no import, no `vi`), so
 * the rule takes it for jest, where a floating `.resolves` is lost. `settings['test-quality'].vitestGlobals`
 * says the undeclared globals are vitest's: vitest then waits for a floating `.resolves` / `.rejects`
 * with no `await` after it (V7's five false findings came from one such repository).
 */
const vitestGlobals = { settings: { 'test-quality': { vitestGlobals: true } } };

const floating = `describe('store', () => {
  it('loads', async () => {
    const store = createStore();
    expect(store.load()).resolves.toEqual({ ready: true });
  });
});`;

createRuleTester().run('no-unawaited-assertion', rule, {
  valid: [
    // With the setting, the floating assertion at the end of the test is awaited by vitest.
    { code: floating, ...vitestGlobals },
  ],
  invalid: [
    // Without it, the same file looks like jest's, where the promise is lost.
    {
      code: floating,
      output: floating.replace('    expect(store.load())', '    await expect(store.load())'),
      errors: [{ messageId: 'unawaitedAssertion', line: 4, column: 5 }],
    },
    // With the setting, one followed by an \`await\` may settle unobserved: still reported, as in a file that imports vitest.
    {
      code: `it('loads twice', async () => {
  expect(load()).resolves.toBe(1);
  await load();
});`,
      output: `it('loads twice', async () => {
  await expect(load()).resolves.toBe(1);
  await load();
});`,
      ...vitestGlobals,
      errors: [{ messageId: 'unawaitedAssertion', line: 2, column: 3 }],
    },
  ],
});
