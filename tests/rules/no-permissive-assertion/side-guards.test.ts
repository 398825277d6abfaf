import rule from '../../../src/rules/no-permissive-assertion.js';
import { createRuleTester } from '../../rule-tester.js';

/**
 * Negative checks that are not the test's claim about an outcome: a rejection told apart from a
 * crash, a crash guard repeated in a loop whose claim is asserted after it, a state check on each
 * item of a collection. The invalid cases are their look-alikes that stay reported.
 */
createRuleTester().run('no-permissive-assertion side guards', rule, {
  valid: [
    {
      name: 'playwright: not 500 and not 200 on one response is a rejection told apart from a crash',
      code: `
import { expect, test } from '@playwright/test';
test('rejects an over-long password', async ({ request }) => {
  const response = await request.post('/api/sign-in', { data });
  expect(response.status()).not.toBe(500);
  expect(response.status()).not.toBe(200);
  expect(response.headers()['set-cookie']).toBeUndefined();
});`,
    },
    {
      name: 'playwright: ok() falsy with not 500 excludes every success and a crash',
      code: `
import { expect, test } from '@playwright/test';
test('deleting twice fails cleanly', async ({ page }) => {
  const second = await deleteOrganisation(page, id);
  expect(second.ok()).toBeFalsy();
  expect(second.status()).not.toBe(500);
  expect(await second.text()).toContain('not found');
});`,
    },
    {
      name: 'jest + fetch: res.ok toBe(false) with not 503',
      code: `
it('refuses the stale token', async () => {
  const res = await fetch(url, { headers });
  expect(res.ok).toBe(false);
  expect(res.status).not.toBe(503);
});`,
    },
    {
      name: 'node:test (JS): notStrictEqual 200 and 500 on one status',
      code: `
const test = require('node:test');
const assert = require('node:assert');
test('rejects the guest', async () => {
  const res = await app.inject({ url: '/admin' });
  assert.notStrictEqual(res.statusCode, 200);
  assert.notStrictEqual(res.statusCode, 500);
});`,
      languageOptions: { parserOptions: { sourceType: 'script' } },
    },
    {
      name: 'mocha + chai (JS): not ok and not 500',
      code: `
const { expect } = require('chai');
describe('login', () => {
  it('refuses a wrong password', async () => {
    const res = await client.post('/login').send(wrong);
    expect(res.ok).to.be.false;
    expect(res.status).to.not.equal(500);
  });
});`,
      languageOptions: { parserOptions: { sourceType: 'script' } },
    },
    {
      name: 'playwright: a crash guard on every attempt of a timing test, whose claim follows the loop',
      code: `
import { expect, test } from '@playwright/test';
test('answers in constant time', async ({ request }) => {
  const times: number[] = [];
  for (let i = 0; i < 100; i++) {
    const start = Date.now();
    const response = await request.post('/api/sign-in', { data: attempt(i) });
    times.push(Date.now() - start);
    expect(response.status()).not.toBe(500);
  }
  expect(spread(times)).toBeLessThan(50);
});`,
    },
    {
      name: 'vitest: a crash guard per scenario when the statuses are compared after the loop',
      code: `
import { expect, it } from 'vitest';
it('answers every scenario alike', async () => {
  const statuses = [];
  for (const scenario of scenarios) {
    const res = await signIn(scenario);
    statuses.push(res.status);
    expect(res.status).not.toBe(500);
  }
  expect(new Set(statuses).size).toBe(1);
});`,
    },
    {
      name: 'vitest: a state check on each item a filter returned',
      code: `
import { expect, it } from 'vitest';
it('lists only unfinished jobs', async () => {
  const jobs = await listJobs({ state: 'pending' });
  expect(jobs.length).toBeGreaterThan(0);
  jobs.forEach((job) => {
    expect(job.state).not.toBe('completed');
  });
});`,
    },
    {
      name: 'mocha + chai (JS): a state check on each item of a for-of',
      code: `
const { expect } = require('chai');
it('keeps failed runs out of the active list', async () => {
  for (const run of await activeRuns()) {
    expect(run.status).to.not.equal('failed');
  }
});`,
      languageOptions: { parserOptions: { sourceType: 'script' } },
    },
    {
      name: 'vitest: a state check in a loop on a result the loop made is the claim that it has not finished (no state negative is reported)',
      code: `
import { expect, it } from 'vitest';
it('runs every job', async () => {
  for (const id of ids) {
    const job = await run(id);
    expect(job.state).not.toBe('completed');
  }
});`,
    },
  ],
  invalid: [
    {
      name: 'not 500 alone still accepts a success and a failure',
      code: `
import { expect, test } from '@playwright/test';
test('handles a preflight', async ({ request }) => {
  const response = await request.fetch('/api/health', { method: 'OPTIONS' });
  expect(response.status()).not.toBe(500);
});`,
      errors: [{ messageId: 'negativeOnlyCheck', line: 5, column: 3, endLine: 5, endColumn: 42 }],
    },
    {
      name: 'ok() falsy of another response does not excuse not 500',
      code: `
import { expect, test } from '@playwright/test';
test('refuses the guest', async ({ request }) => {
  const first = await request.get('/a');
  const second = await request.get('/b');
  expect(first.ok()).toBeFalsy();
  expect(second.status()).not.toBe(500);
});`,
      errors: [{ messageId: 'negativeOnlyCheck', line: 7, column: 3, endLine: 7, endColumn: 40 }],
    },
    {
      name: 'jest: not 200 in a loop is still a refusal a crash passes',
      code: `
it('refuses every admin route', async () => {
  for (const route of adminRoutes) {
    const res = await request(app).get(route);
    expect(res.status).not.toBe(200);
  }
  expect(audit.entries).toHaveLength(0);
});`,
      errors: [{ messageId: 'negativeOnlyCheck', line: 5, column: 5, endLine: 5, endColumn: 37 }],
    },
    {
      name: 'vitest: a crash guard in a loop with nothing asserted after it is the whole test',
      code: `
import { expect, it } from 'vitest';
it('serves every page', async () => {
  for (const url of urls) {
    const response = await fetch(url);
    expect(response.status).not.toBe(500);
  }
});`,
      errors: [{ messageId: 'negativeOnlyCheck', line: 6, column: 5, endLine: 6, endColumn: 42 }],
    },
  ],
});
