import rule from '../../src/rules/no-permissive-assertion.js';
import { createRuleTester } from '../rule-tester.js';

createRuleTester().run('no-permissive-assertion', rule, {
  valid: [
    {
      name: 'round 12 (V14): an explanation that runs over two comment lines still explains (puter plan gate)',
      code: `
it('lets a subscriber past the gate', async () => {
  for (const route of WIRE_ROUTES) {
    const res = await call(route, token);
    // Whether the fake provider answers is the controller's
    // business; all this asserts is that the plan gate is not
    // what stopped the request.
    expect(res.status, route).not.toBe(402);
  }
});
it('leaves the video proxy outside the plan gate', async () => {
  // Unsigned, so this is turned away on the signature — the point is
  // that a free account gets that answer rather than a 402.
  const res = await fetch(new URL('/puterai/video/proxy', origin));
  expect(res.status).not.toBe(402);
});`,
    },
    {
      name: 'round 12 (V14): a comment that says rate limiting is tolerated explains accepting 429 (aws toolkit)',
      code: `
it('Walkthrough pattern URL exists', async function () {
  const response = await fetch(url, { method: 'HEAD' });
  // ignore if too frequent
  assert.ok(response.status === 200 || response.status === 429);
});`,
    },
    {
      name: 'round 12 (V13): chai bounds chained with .and (at.least(400).and.below(500)) accept only client errors',
      code: `
it('rejects an invalid id', async () => {
  try {
    await cko.forward.get(invalidRequestId);
    throw new Error('Should have thrown an error');
  } catch (err) {
    const code = err.http_code ?? err.status;
    expect(code).to.be.at.least(400).and.below(500);
  }
});`,
    },
    {
      name: 'round 12 (V11, V12): an error body read into a variable from the same response pins the outcome (browserless, agents)',
      code: `
it('handles a selector timeout', async () => {
  await fetch('http://localhost:3000/chrome/scrape', { method: 'POST' }).then(async (res) => {
    const { error } = await res.json();
    expect(error).to.include('Timed out waiting for selector');
    expect(res.status).not.to.equal(200);
  });
});
it('rejects a tampered state', async () => {
  const response = await agentStub.fetch(new Request(callbackUrl));
  expect(response.status).toBeGreaterThanOrEqual(400);
  const body = (await response.json()) as { error: string };
  expect(body.error).toContain('State serverId mismatch');
});`,
    },
    {
      name: 'round 12 (V12): a comment that says what the test cares about puts the claim elsewhere (agents sub-agent routing)',
      code: `
it('dispatches to the child', async () => {
  const res = await parentStub.fetch(url);
  // The child doesn't implement onRequest: it returns the default 404/500 shape. What we
  // care about here is that the hook fired and the framework dispatched.
  expect(await parentStub.hookCount('called')).toBe(1);
  expect([200, 404, 500]).toContain(res.status);
});`,
    },
    {
      name: 'round 11 (V11): a comment that says which status is expected and why explains the tolerance (openmrs, SigNoz)',
      code: `
export const endVisit = async (api, visit) => {
  const visitRes = await api.post('visit/' + visit.uuid, { data: {} });
  // 400 is expected when the visit was already ended via the UI
  expect([200, 400].includes(visitRes.status())).toBeTruthy();
  return await visitRes.json();
};
test('TC-01 refreshes', async ({ page }) => {
  const response = await refetch;
  // Without seeded telemetry the backend may return 4xx for query_range.
  // Only 5xx is a real failure; the URL assertions above prove the click took effect.
  expect(response.status()).toBeLessThan(500);
});
test('TC-02 refreshes twice', async ({ page }) => {
  const response = await refetch;
  // 4xx is expected without seeded telemetry; only 5xx is a failure.
  expect(response.status()).toBeLessThan(500);
});`,
    },
    {
      name: 'round 11 (V11): "should not block" with the blocking statuses excluded claims the blocking guard did not fire (dd-trace)',
      code: `
it('should not block', async () => {
  const response = await get('/ssrf/http/manual-blocking?host=localhost');
  assert.notStrictEqual(response.status, 418);
  assert.notStrictEqual(response.status, 403);
  await assertExploitDetected();
});`,
    },
    {
      name: 'round 11 (V11): statuses read from a static table (Object.values) are configuration, not a response',
      code: `
it('uses statuses in the HTTP error range', () => {
  for (const status of Object.values(V2_ERROR_STATUS_BY_CODE)) {
    expect(status).toBeGreaterThanOrEqual(400);
    expect(status).toBeLessThan(600);
  }
});`,
    },
    {
      name: 'round 11 (V9): a helper named for failure (expectScrapeToFail) claims only that the call failed',
      code: `
function expectScrapeToFail(response) {
  expect(response.statusCode).not.toBe(200);
  expect(response.body.success).toBe(false);
}
const assertRequestError = (res) => {
  expect(res.status).toBeGreaterThanOrEqual(400);
};
it('rejects a bad url', async () => {
  const raw = await scrapeRaw({ url: 'nope' });
  expectScrapeToFail(raw);
  assertRequestError(raw);
  expect(raw.body.error).toBe('Invalid URL');
});`,
    },
    {
      name: 'round 11 (V9): a set of states with an unfinished one lists the vocabulary of a snapshot (firecrawl shape)',
      code: `
test('get crawl status', async () => {
  const start = await client.startCrawl('https://docs.firecrawl.dev', { limit: 3 });
  const status = await client.getCrawlStatus(start.id);
  expect(['scraping', 'completed', 'failed', 'cancelled']).toContain(status.status);
  expect(['succeeded', 'failed', 'processing']).toContain(call.sys.status);
});`,
    },
    {
      name: 'round 11 (V9): a set of states with a neutral one (skipped, info) is a schema check of the field',
      code: `
it('returns a result with name, status, and messages', () => {
  const result = runBuildCheck({ skipExecution: true });
  expect(['pass', 'fail', 'skipped']).toContain(result.status);
  expect(['ok', 'err', 'timeout', 'info']).toContain(env.outcome);
});`,
    },
    {
      name: 'round 11 (V9): a title that says "non-404" states the negative claim itself',
      code: `
it('returns non-404 even without multipart body', async () => {
  const response = await callEndpoint({ method: 'transcribe' });
  expect(response.status).not.toBe(404);
});`,
    },
    {
      name: 'round 10 (V8): "does not redirect internal paths" excluding only 301/308 claims nothing redirected (astro shape)',
      code: `
it('Does not redirect internal paths', async () => {
  for (const path of ['/_server-islands/x', '/_image', '/_actions/y']) {
    const res = await app.render(new Request('http://example.com' + path));
    expect(res.status).not.toBe(301);
    expect(res.status).not.toBe(308);
  }
});`,
    },
    {
      name: 'round 10: not redirecting an ajax request, with the error body only checked to exist (was invalid until round 10)',
      code: `
it('does not redirect an ajax request', async () => {
  try {
    await post('/request_password_reset');
  } catch (error) {
    expect(error.status).not.toBe(302);
    expect(error.text).toBeDefined();
  }
});`,
    },
    {
      name: 'round 10: a suite naming the CSRF guard, "should allow …" excluding only 403 (better-auth; was invalid until round 10)',
      code: `
import { describe, expect, it } from 'vitest';
describe('Fetch Metadata CSRF Protection', () => {
  it('should allow same-origin navigation on first login', async () => {
    const response = await auth.handler(legitimateRequest);
    expect(response.status).not.toBe(403);
  });
});`,
    },
    {
      name: 'round 10: "allows a team member …" excluding only 403 claims the guard admits the member (was invalid until round 10)',
      code: `
it('allows a team member to read the private package', async () => {
  const res = await request(app).get('/@team/private-pkg').set('authorization', memberToken);
  expect(res.status).not.toBe(403);
});`,
    },
    {
      name: 'round 10: "accepts same-origin sign-in requests" excluding only 403 (was invalid until round 10)',
      code: `
const { it } = require('node:test');
const assert = require('node:assert');
it('accepts same-origin sign-in requests', async () => {
  const response = await auth.handler(signInRequest);
  assert.notStrictEqual(response.status, 403);
});`,
      languageOptions: { parserOptions: { sourceType: 'script' } },
    },
    {
      name: 'round 10 (V9): an authorization-matrix "allow" case excluding only 403 claims the guard let the request through',
      code: `
describe('scope enforcement', () => {
  it('should allow a write with the records scope', async () => {
    const res = await api.post('/records').set('Authorization', token).send({});
    expect(res.status).not.toBe(403);
  });
  it('should allow with the integrations:list scope', async () => {
    const res = await api.get('/integrations').set('Authorization', lister);
    expect(res.status).not.toBe(403);
  });
  it('should deny a write without the records scope', async () => {
    const res = await api.post('/records').set('Authorization', readOnly).send({});
    expect(res.status).toBe(403);
  });
});`,
    },
    {
      name: 'round 10 (V9): a routing test excluding only 404/405 claims the route matched (vitest)',
      code: `
import { expect, it } from 'vitest';
it('should match the transcribe URL with an underscored agent name', async () => {
  const res = await app.fetch(new Request('http://x/agent/my_agent/transcribe', { method: 'POST' }));
  expect(res.status).not.toBe(404);
  expect(res.status).not.toBe(405);
});`,
    },
    {
      name: 'round 10 (V9): "should not require authorization" excluding only 401 (node:test)',
      code: `
import test from 'node:test';
import assert from 'node:assert/strict';
test('should not require authorization in no-auth mode', async () => {
  const res = await fetch(base + '/v1/crawl');
  assert.notEqual(res.status, 401);
});`,
    },
    {
      name: 'jest: a set within one class (401/403) is fine',
      code: `
test('rejects a guest', async () => {
  const res = await request(app).get('/admin');
  expect([401, 403]).toContain(res.status);
});`,
    },
    {
      name: 'vitest: redirect codes 301/302 are one class',
      code: `
import { expect, it } from 'vitest';
it('redirects the old url', async () => {
  const res = await fetch(url, { redirect: 'manual' });
  expect(res.status).toBeOneOf([301, 302]);
});`,
    },
    {
      name: '2xx with 3xx (created or redirected after a de-duplicated POST) is left alone',
      code: `
it('creates the order', async () => {
  const res = await request(app).post('/orders').send(order);
  expect([201, 302]).toContain(res.statusCode);
});`,
    },
    {
      name: 'chai oneOf over ids is not an outcome set (typeorm)',
      code: `
const { expect } = require('chai');
describe('find options', () => {
  it('orders posts', async () => {
    const posts = await repo.find({ order: { title: 'ASC' } });
    expect(posts[1].id).to.be.oneOf([1, 2, 4]);
    expect(posts[2].id).to.be.oneOf([200, 404]);
  });
});`,
      languageOptions: { parserOptions: { sourceType: 'script' } },
    },
    {
      name: 'render counts are not outcomes',
      code: `
import { expect, test } from 'vitest';
test('renders once or twice in strict mode', () => {
  expect(renderCount).toBeOneOf([1, 2]);
  expect([1, 2]).toContain(result.current.renders);
});`,
    },
    {
      name: 'errno codes are not HTTP statuses',
      code: `
it('fails to read', async () => {
  const err = await readFile('/nope').catch((error) => error);
  expect(['ENOENT', 'EACCES']).toContain(err.code);
});`,
    },
    {
      name: 'an idempotent DELETE in afterEach may answer 200 or 404',
      code: `
afterEach(async () => {
  const res = await request(app).delete('/users/1');
  expect([200, 404]).toContain(res.status);
});
it('creates a user', async () => {
  const res = await request(app).post('/users').send({ name: 'a' });
  expect(res.status).toBe(201);
});`,
    },
    {
      name: 'status literals in a route handler are not assertions',
      code: `
const app = express();
app.get('/flaky', (req, res) => {
  if (req.query.fail) {
    res.status(500).send('boom');
  } else {
    res.status(200).send('ok');
  }
});
it('answers', async () => {
  const res = await request(app).get('/flaky');
  expect(res.status).toBe(200);
});`,
    },
    {
      name: 'a negative check next to a positive pin on the same response',
      code: `
it('does not crash', async () => {
  const res = await request(app).get('/');
  expect(res.status).not.toBe(500);
  expect(res.status).toBe(200);
});`,
    },
    {
      name: 'two bounds that together stay within 2xx',
      code: `
it('succeeds', async () => {
  const res = await fetch(url);
  expect(res.status).toBeGreaterThanOrEqual(200);
  expect(res.status).toBeLessThan(300);
});`,
    },
    {
      name: 'chai within one class',
      code: `
import { expect } from 'chai';
it('succeeds', async () => {
  const res = await client.get('/');
  expect(res.status).to.be.within(200, 299);
});`,
    },
    {
      name: 'below 400 admits only success and redirects',
      code: `
import { test, expect } from '@playwright/test';
test('home loads', async ({ page }) => {
  const response = await page.goto('/');
  expect(response.status()).toBeLessThan(400);
});`,
    },
    {
      name: 'exit codes with bounds outside the HTTP range (node-red)',
      code: `
it('reports the exit code', function (done) {
  n4.on('input', function (msg) {
    msg.payload.code.should.be.above(0);
    expect(result.code).toBeGreaterThan(0);
    done();
  });
});`,
    },
    {
      name: 'branches on an input, not on the outcome',
      code: `
it.each([true, false])('answers admin=%s', async (isAdmin) => {
  const res = await request(app).get('/admin').set('x-admin', String(isAdmin));
  if (isAdmin) {
    expect(res.status).toBe(200);
  } else {
    expect(res.status).toBe(403);
  }
  expect(res.status).toBe(isAdmin ? 200 : 403);
});`,
    },
    {
      name: 'optional value sets (changesets, typeorm)',
      code: `
it('bumps', () => {
  expect(dependent?.newVersion).toBeOneOf(['1.0.0', undefined]);
  expect(res2).toBeOneOf([null, '']);
});`,
    },
    {
      name: 'node:test: two success codes',
      code: `
import { test } from 'node:test';
test('creates', async (t) => {
  const res = await app.inject({ method: 'POST', url: '/' });
  t.assert.ok(res.statusCode === 200 || res.statusCode === 201);
});`,
    },
    {
      name: 'supertest pins the status; the callback checks the body',
      code: `
it('lists', async () => {
  await request(app).get('/items').expect(200).expect((res) => res.body.items.length > 0);
});`,
    },
    {
      name: 'toast variants are not job states',
      code: `
it('shows a toast', () => {
  expect(['success', 'error']).toContain(toast.variant);
});`,
    },
    {
      name: 'pending-only state sets',
      code: `
it('queues the job', async () => {
  expect(['waiting', 'delayed']).toContain(await job.getState());
});`,
    },
    {
      name: 'playwright: toBeOK pins the response',
      code: `
import { test, expect } from '@playwright/test';
test('api answers', async ({ request }) => {
  const response = await request.get('/api');
  await expect(response).toBeOK();
  expect(response.status()).not.toBe(204);
});`,
    },
    {
      name: 'chai-http status pin with a negative check',
      code: `
const chai = require('chai');
const { expect } = chai;
describe('GET /', function () {
  it('answers', async function () {
    const res = await chai.request(app).get('/');
    expect(res).to.have.status(200);
    expect(res.status).to.not.equal(500);
  });
});`,
      languageOptions: { parserOptions: { sourceType: 'script' } },
    },
    {
      name: 'an error guard that fails the test is not a second outcome',
      code: `
it('loads', async () => {
  const res = await fetch(url);
  if (res.status !== 200) {
    throw new Error(await res.text());
  }
  expect(await res.json()).toEqual({ ok: true });
});`,
    },
    {
      name: 'a ternary that is not asserted',
      code: `
it('labels', async () => {
  const res = await fetch(url);
  const label = res.status === 200 ? 'ok' : 'error';
  expect(label).toBe('ok');
});`,
    },
    {
      name: 'polling until the job leaves 202',
      code: `
it('finishes', async () => {
  let res = await get('/jobs/1');
  while (res.status === 202) {
    res = await get('/jobs/1');
  }
  expect(res.status).toBe(200);
});`,
    },
    {
      name: 'a set narrowed by a pin on the same value',
      code: `
it('finds nothing', async () => {
  const res = await request(app).get('/missing');
  expect([200, 404]).toContain(res.status);
  expect(res.status).toBe(404);
});`,
    },
    {
      name: 'JSX: a component that renders a status code',
      code: `
import { render, screen } from '@testing-library/react';
it('renders the code', () => {
  render(<ErrorPage status={500} fallback={[200, 404]} />);
  expect(screen.getByText('500')).toBeTruthy();
});`,
      filename: 'page.test.tsx',
    },
    {
      name: 'mocha + sinon: spy assertions with status arguments',
      code: `
const sinon = require('sinon');
describe('handler', function () {
  it('replies', function () {
    const reply = sinon.spy();
    handler(req, reply);
    sinon.assert.calledWith(reply, 500);
  });
});`,
      languageOptions: { parserOptions: { sourceType: 'script' } },
    },
    {
      name: 'a boolean check that pins one value',
      code: `
it('is enabled', () => {
  expect(typeof flags.enabled).toBe('boolean');
  expect(flags.enabled).toBe(true);
});`,
    },
    {
      name: 'a type check is not an outcome set',
      code: `
it('has a status', () => {
  expect(['number', 'string']).toContain(typeof res.status);
});`,
    },
    {
      name: 'disjunction over two different values',
      code: `
it('is set', () => {
  expect(res.status === 200 || body.status === 404).toBe(true);
});`,
    },
    {
      name: 'supertest: a numeric pin next to a negative callback',
      code: `
import request from 'supertest';
it('answers', async () => {
  await request(app).get('/').expect(200).expect((res) => res.status !== 500);
});`,
    },
    {
      name: 'a conjunction that stays within 2xx',
      code: `
it('answers', async () => {
  const res = await fetch(url);
  expect(res.status >= 200 && res.status < 300).toBe(true);
});`,
    },
    {
      name: 'chai assert with the literal first, and a negative check next to it',
      code: `
const { assert } = require('chai');
it('answers', async () => {
  const res = await agent.get('/');
  assert.equal(200, res.status);
  assert.notEqual(res.status, 500);
});`,
      languageOptions: { parserOptions: { sourceType: 'script' } },
    },
    {
      name: 'status constants within one class',
      code: `
it('rejects a guest', async () => {
  const res = await request(app).get('/admin');
  expect([StatusCodes.UNAUTHORIZED, StatusCodes.FORBIDDEN]).toContain(res.status);
});`,
    },
    {
      name: 'waiting for a job to leave a pending state',
      code: `
it('starts the job', async () => {
  expect(job.status).not.toBe('pending');
});`,
    },
    {
      name: 'a negative status check in afterAll cleanup',
      code: `
afterAll(async () => {
  const res = await request(app).delete('/fixtures');
  expect(res.status).not.toBe(500);
});`,
    },
    {
      name: 'a status comparison inside a response hook is not an assertion (hono)',
      code: `
it('should modify the response if the hook is provided', async () => {
  const afterResponseHook = (res) => {
    if (res.status === 200 || res.status === 500) {
      return res;
    }
    return false;
  };
  const result = await toSSG(app, fsMock, { afterResponseHook });
  expect(result.files).toHaveLength(10);
});`,
    },
    {
      name: 'sizes in pixels are not statuses (TanStack)',
      code: `
it('resizes', () => {
  expect(Number(nextHeight)).toBeLessThan(500);
  expect(chunkDeltas[1]).toBeGreaterThanOrEqual(200);
});`,
    },
    {
      name: 'a per-item status set within one class (outline batch)',
      code: `
it('denies both documents', async () => {
  const body = await res.json();
  expect([403, 404]).toContain(body.data[1].status);
});`,
    },
    {
      name: 'binding: a pin on the same response after other requests still pins it',
      code: `
it('creates and reads back', async () => {
  const res = await request(app).get('/users/1');
  expect(res.status).not.toBe(500);
  const other = await request(app).post('/users').send({ name: 'b' });
  expect(other.status).toBe(201);
  expect(res.status).toBe(200);
});`,
    },
    {
      name: 'binding: a pin after the last assignment pins the response assigned',
      code: `
it('retries once', async () => {
  let res = await client.get('/flaky');
  res = await client.get('/flaky');
  expect(res.status).not.toBe(500);
  expect(res.status).toBe(200);
});`,
    },
    {
      name: 'binding: a pin on the same loop variable in the same iteration',
      code: `
import { expect, it } from 'vitest';
it('serves every page', async () => {
  for (const url of urls) {
    const response = await fetch(url);
    expect(response.status).not.toBe(500);
    expect(response.status).toBe(200);
  }
});`,
    },
    {
      name: 'binding: two bounds on one destructured status combine',
      code: `
it('succeeds', async () => {
  const { status } = await request(app).get('/');
  expect(status).toBeGreaterThanOrEqual(200);
  expect(status).toBeLessThan(300);
});`,
    },
    {
      name: 'supertest: a chain pin stored in a variable pins that response',
      code: `
import request from 'supertest';
it('answers', async () => {
  const res = await request(app).get('/').expect(200);
  expect(res.status).not.toBe(500);
});`,
    },
    {
      name: 'mocha + supertest: the end callback gets the pinned chain response',
      code: `
const request = require('supertest');
const { expect } = require('chai');
it('answers', function (done) {
  request(app).get('/').expect(200).end(function (err, res) {
    expect(res.status).to.not.equal(500);
    done(err);
  });
});`,
      languageOptions: { parserOptions: { sourceType: 'script' } },
    },
    {
      name: 'a guard outcome the test separates: 200 or 400, then a branch that asserts the 200 body (outline)',
      code: `
it('must reject SQL-injection attempts in duration values', async () => {
  const res = await server.post('/api/documents.list', user, { body });
  // Acceptable: 200 with empty data, or 400.
  expect([200, 400]).toContain(res.status);
  if (res.status === 200) {
    const body = await res.json();
    expect(Array.isArray(body.data)).toBe(true);
  }
});`,
    },
    {
      name: 'a guard outcome separated by if/else with an assertion in each arm (outline, 403)',
      code: `
it('must not leak docs of another team', async () => {
  const res = await server.post('/api/documents.list', user, { body });
  if (res.status === 200) {
    const body = await res.json();
    expect(body.data.map((d) => d.id)).not.toContain(otherTeamDoc.id);
  } else {
    expect(res.status).toEqual(403);
  }
});`,
    },
    {
      name: 'mocha + chai: a validation middleware that sets 400 or leaves 200, separated by a branch',
      code: `
const { expect } = require('chai');
it('validates the body', function () {
  const res = httpMocks.createResponse();
  validate(schema)(req, res, next);
  expect(res.statusCode).to.be.oneOf([200, 400]);
  if (res.statusCode === 400) {
    expect(res._getJSONData().errors).to.have.length(1);
  }
});`,
      languageOptions: { parserOptions: { sourceType: 'script' } },
    },
    {
      name: 'node:test: 200 or 422 separated by a ternary that asserts each outcome',
      code: `
import { test } from 'node:test';
test('accepts or rejects the payload', async (t) => {
  const res = await app.inject({ method: 'POST', url: '/items', payload });
  t.assert.ok(res.statusCode === 200 || res.statusCode === 422);
  res.statusCode === 200 ? t.assert.deepStrictEqual(res.json(), item) : t.assert.match(res.body, /invalid/);
});`,
    },
    {
      name: 'jasmine: a not-redirect check in a catch, with the error body pinned on the next line (parse-server)',
      code: `
describe('public API', () => {
  it('returns the missing username error on an ajax request', async () => {
    try {
      await req({ method: 'POST', url: resetUrl, followRedirects: false });
    } catch (error) {
      expect(error.status).not.toBe(302);
      expect(error.text).toEqual('{"code":200,"error":"Missing username"}');
    }
  });
});`,
      languageOptions: { parserOptions: { sourceType: 'script' } },
    },
    {
      name: 'vitest: not 200, with the error of the same body pinned',
      code: `
import { expect, it } from 'vitest';
it('refuses a guest', async () => {
  const res = await request(app).delete('/carts/1');
  expect(res.status).not.toBe(200);
  expect(res.body.error).toBe('Forbidden');
});`,
    },
    {
      name: 'mocha+chai: not 200, with the whole body deep-equal to the error',
      code: `
const { expect } = require('chai');
describe('carts', () => {
  it('refuses a guest', async () => {
    const res = await chai.request(app).delete('/carts/1');
    expect(res.status).to.not.equal(200);
    expect(res.body).to.deep.equal({ error: 'Not found' });
  });
});`,
      languageOptions: { parserOptions: { sourceType: 'script' } },
    },
    {
      name: 'node:test: an axios error, its status not 200 and its error code pinned',
      code: `
const assert = require('node:assert');
const { test } = require('node:test');
test('refuses a wrong password', async () => {
  try {
    await axios.post(url, { password: 'nope' });
  } catch (err) {
    assert.notStrictEqual(err.response.status, 200);
    assert.strictEqual(err.response.data.code, 'E_AUTH');
  }
});`,
      languageOptions: { parserOptions: { sourceType: 'script' } },
    },
    {
      name: 'playwright: not 200, with the JSON of the same response pinned',
      code: `
import { test, expect } from '@playwright/test';
test('a member cannot edit the team', async ({ request }) => {
  const response = await request.post('/api/team', { data });
  expect(response.status()).not.toBe(200);
  expect(await response.json()).toEqual({ code: 'FORBIDDEN' });
});`,
    },
    {
      name: 'jest: an error message matched with a regular expression pins the failure',
      code: `
it('rejects a bad token', async () => {
  const err = await client.get('/me').catch((error) => error);
  expect(err.status).not.toBe(200);
  expect(err.message).toMatch(/invalid token/);
});`,
    },
    {
      name: 'node:test: a race the test explains in the comment right above (fastify)',
      code: `
const { test } = require('node:test');
test('no double-send near the timeout boundary', async (t) => {
  const res = await fastify.inject({ method: 'GET', url: '/' });
  // Should get either 200 or 503 depending on race, but never crash
  t.assert.ok(res.statusCode === 200 || res.statusCode === 503);
  t.assert.ok(JSON.parse(res.payload));
});`,
      languageOptions: { parserOptions: { sourceType: 'script' } },
    },
    {
      name: 'jest: the comment heading the paragraph says which outcomes are acceptable (outline)',
      code: `
it('must not leak a private document', async () => {
  const res = await server.post('/api/documents.list', viewer, { body });
  // Acceptable: 200 with scoped data, 400 (validation), or 500 (type mismatch).
  // Unacceptable: 200 with the secret document visible.
  if (res.status === 200) {
    const data = await res.json();
    expect(data.ids).not.toContain(secret.id);
  } else {
    expect([400, 500]).toContain(res.status);
  }
});`,
    },
    {
      name: 'playwright: "whatever the failure mode" above the claim and its status guard (documenso)',
      code: `
import { test, expect } from '@playwright/test';
test('a member cannot read the webhook secret', async ({ page }) => {
  const { status, body } = await callGetTeamWebhooks(page, team.id);

  // Whatever the failure mode, the signing key must never appear in the response.
  expect(body).not.toContain('super-secret-signing-key');
  expect(status).not.toBe(200);
});`,
    },
    {
      name: 'mocha+chai: a trailing comment saying the set is racy',
      code: `
const { expect } = require('chai');
describe('timeouts', () => {
  it('answers once', async () => {
    const res = await chai.request(app).get('/slow');
    expect(res.status).to.be.oneOf([200, 503]); // racy: the timeout may fire first
  });
});`,
      languageOptions: { parserOptions: { sourceType: 'script' } },
    },
    {
      name: 'jest: "not failed" is the claim that the job did not fail (bullmq)',
      code: `
it('does not fail a repeatable job after stalls', async () => {
  const job = await queue.getJob(jobId);
  const state = await job.getState();
  expect(state).not.toBe('failed');
});`,
    },
    {
      name: 'vitest: chai-style message on "not failed" in TypeScript',
      code: `
import { expect, it } from 'vitest';
it('keeps the job alive', async () => {
  const job: Job = await queue.getJob(id);
  expect(await job.getState()).not.toBe('failed', 'should not be failed after stalls');
});`,
    },
    {
      name: 'jest: not 200 after a fault the test injects, with its side effects asserted after (growthbook)',
      code: `
it('keeps the healed constant when the second replay fails', async () => {
  let replayCalls = 0;
  mockReplay = async () => {
    replayCalls++;
    if (replayCalls > 1) {
      throw new Error('simulated failure');
    }
  };
  const res = await request(app).post('/api/v1/releases/publish').send(body);
  expect(res.status).not.toBe(200);
  expect(replayCalls).toBe(2);
  expect(await healedValue()).toBe('healed');
});`,
    },
    {
      name: 'vitest: not 200 after a mock set to reject, with the rollback asserted after',
      code: `
import { expect, it, vi } from 'vitest';
it('rolls back when the write fails', async () => {
  vi.spyOn(store, 'write').mockRejectedValueOnce(new Error('disk full'));
  const res = await request(app).post('/items').send(item);
  expect(res.status).not.toBe(200);
  expect(await store.count()).toBe(0);
});`,
    },
    {
      name: 'mocha+sinon: not 200 after a stub set to reject, with the rollback asserted after',
      code: `
const sinon = require('sinon');
const { expect } = require('chai');
describe('items', () => {
  it('rolls back when the write fails', async () => {
    sinon.stub(store, 'write').rejects(new Error('disk full'));
    const res = await chai.request(app).post('/items').send(item);
    expect(res.status).to.not.equal(200);
    expect(await store.count()).to.equal(0);
  });
});`,
      languageOptions: { parserOptions: { sourceType: 'script' } },
    },
    {
      name: 'vitest: the title says the excluded status must not come back (formbricks)',
      code: `
import { expect, test } from 'vitest';
test('the pinned path is reached, not 404ed', async () => {
  const response = await viaPinnedUrl('/api/auth/oauth2/callback/saml');
  expect(response.status).not.toBe(404);
});`,
    },
    {
      name: 'mocha+chai: "does not return a 404" with a not-404 check',
      code: `
const { expect } = require('chai');
describe('legacy routes', () => {
  it('does not return a 404 for the old callback path', async () => {
    const res = await chai.request(app).get('/oauth2/callback/saml');
    expect(res.status).to.not.equal(404);
  });
});`,
      languageOptions: { parserOptions: { sourceType: 'script' } },
    },
    {
      name: 'binding: optional chaining and a non-null assertion read the same response',
      code: `
it('answers', async () => {
  const res: Response | undefined = await maybeFetch(url);
  expect(res?.status).not.toBe(500);
  expect(res!.status).toBe(200);
});`,
    },
    {
      // The reason of a disable directive is for the linter, not an explanation in the test: the rule
      // still reports, so the directive is used (RuleTester fails a valid case on an unused directive).
      name: 'README: a per-line disable with a reason silences the finding',
      code: `
it('answers before the timeout', async () => {
  const res = await request(app).get('/slow');
  // eslint-disable-next-line @rule-tester/no-permissive-assertion -- the timeout races the response on purpose
  expect([200, 504]).toContain(res.status);
});`,
    },
    {
      name: 'vitest: not 429 while the budget lasts, then 429 pinned once it is spent (better-auth)',
      code: `
import { expect, it } from 'vitest';
it('resets the count at the exact window boundary', async () => {
  const first = await client.signIn.email(credentials);
  expect(first.error?.status).not.toBe(429);
  const blocked = await client.signIn.email(credentials);
  expect(blocked.error?.status).toBe(429);
});`,
    },
    {
      name: 'jest: a loop of not-429 steps before the request that is pinned to 429',
      code: `
it('blocks the sixth attempt', async () => {
  for (let i = 0; i < 5; i++) {
    const res = await request(app).post('/login').send(wrong);
    expect(res.status).not.toBe(429);
  }
  const res = await request(app).post('/login').send(wrong);
  expect(res.status).toBe(429);
});`,
    },
    {
      name: 'mocha+chai: not 413 under the limit, then 413 pinned over it',
      code: `
const { expect } = require('chai');
describe('upload', () => {
  it('enforces the body limit', async () => {
    const small = await chai.request(app).post('/upload').send(kb(10));
    expect(small.status).to.not.equal(413);
    const big = await chai.request(app).post('/upload').send(kb(2000));
    expect(big.status).to.equal(413);
  });
});`,
      languageOptions: { parserOptions: { sourceType: 'script' } },
    },
    {
      name: 'node:test: 429 pinned once the budget is spent, not 429 after the window resets',
      code: `
import { test } from 'node:test';
import assert from 'node:assert/strict';
test('lets the client in again after the window', async (t) => {
  const blocked = await app.inject({ method: 'POST', url: '/otp' });
  assert.strictEqual(blocked.statusCode, 429);
  t.mock.timers.tick(60_000);
  const after = await app.inject({ method: 'POST', url: '/otp' });
  assert.notStrictEqual(after.statusCode, 429);
});`,
    },
    {
      name: 'vitest: >= 400 on an injected network fault, recovery asserted after (better-auth)',
      code: `
import { expect, it } from 'vitest';
it('fails closed on a network refresh and retries later', async () => {
  let calls = 0;
  responders.set(id, async () => {
    calls += 1;
    if (calls === 2) throw new TypeError('network unavailable');
    return okResponse();
  });
  await authorize(id);
  expect((await authorize(id)).status).toBeGreaterThanOrEqual(400);
  expect((await authorize(id)).status).toBeLessThan(400);
});`,
    },
    {
      name: 'jest: a 4xx-or-5xx set after a mock set to reject, with the rollback asserted after',
      code: `
it('rolls back when the write fails', async () => {
  jest.spyOn(store, 'write').mockRejectedValueOnce(new Error('disk full'));
  const res = await request(app).post('/items').send(item);
  expect([400, 500, 503]).toContain(res.status);
  expect(await store.count()).toBe(0);
});`,
    },
    {
      name: 'mocha+sinon: >= 400 after a stub set to throw, with the emitted event asserted after',
      code: `
const sinon = require('sinon');
const assert = require('node:assert');
describe('orders', () => {
  it('reports the failed payment', async () => {
    sinon.stub(gateway, 'charge').throws(new Error('card declined'));
    const res = await inject(app, { method: 'POST', url: '/orders' });
    assert.ok(res.statusCode >= 400);
    assert.strictEqual(events.length, 1);
  });
});`,
      languageOptions: { parserOptions: { sourceType: 'script' } },
    },
    {
      name: 'node:test: the assertion message says the request must not be rate limited (better-auth)',
      code: `
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
describe('IPv6 rate limiting', () => {
  it('should not group addresses from different subnets', async () => {
    for (const ip of subnets) {
      const response = await fetch(url, { headers: { 'x-forwarded-for': ip } });
      assert.notEqual(response.status, 429, \`Request with IP \${ip} should not be rate limited\`);
    }
  });
});`,
    },
    {
      name: 'vitest: the suite names an origin-check bypass and the check excludes 403 (better-auth)',
      code: `
import { describe, expect, it } from 'vitest';
describe('SAML ACS Origin Check Bypass', () => {
  it('should allow ACS endpoint POST from external IdP origin', async () => {
    const acsRes = await auth.handler(new Request(acsUrl, { method: 'POST', headers, body }));
    expect(acsRes.status).not.toBe(403);
  });
});`,
    },
    {
      name: 'jest: a title saying the CSRF check is skipped, with a not-403 check',
      code: `
it('skips the CSRF check for webhook callbacks', async () => {
  const res = await request(app).post('/webhooks/stripe').send(event);
  expect(res.status).not.toBe(403);
});`,
    },
    {
      name: 'mocha+chai: "does not rate limit" with a not-429 check',
      code: `
const { expect } = require('chai');
describe('health endpoint', () => {
  it('does not rate limit health probes', async () => {
    const res = await chai.request(app).get('/health');
    expect(res.status).to.not.equal(429);
  });
});`,
      languageOptions: { parserOptions: { sourceType: 'script' } },
    },
    {
      // Round 9 (V8's labels): a title that says, in words, that the content must stay out of reach states the claim the
      // check makes; which refusal comes back is the framework's choice (vitest, an Astro-style security test).
      name: 'vitest: "should not resolve to the protected route" with only not-200',
      code: `
import { describe, expect, it } from 'vitest';
describe('base prefix boundary', () => {
  it('should not resolve to the protected route', async () => {
    const response = await app.render(new Request('http://example.com/docs-admin/secret'));
    expect(response.status).not.toBe(200);
  });
});`,
    },
    {
      name: 'node:test + node:assert: the assertion message says the protected route must not resolve',
      code: `
const { it } = require('node:test');
const assert = require('node:assert/strict');
it('middleware blocks /appX/admin (single-character prefix extension)', async () => {
  const response = await app.render(new Request('http://example.com/appX/admin'));
  assert.notEqual(response.status, 200, 'should not resolve to the protected route');
});`,
      languageOptions: { parserOptions: { sourceType: 'script' } },
    },
    {
      name: 'mocha + node:assert: "dotfile should not be served" with only not-200',
      code: `
const assert = require('node:assert/strict');
it('dotfile should not be served', async () => {
  const res = await fetch(base + '/.env');
  assert.notEqual(res.status, 200);
});`,
      languageOptions: { parserOptions: { sourceType: 'script' } },
    },
    {
      name: 'vitest: a test titled "auth passes" excludes only 401 and 403 (the auth guard let the request through)',
      code: `
import { describe, expect, it } from 'vitest';
describe('runs API', () => {
  it('JWT with admin scope: auth passes', async () => {
    const res = await get('/api/v1/runs', { Authorization: \`Bearer \${jwt}\` });
    expect(res.status).not.toBe(401);
    expect(res.status).not.toBe(403);
  });
});`,
    },
    {
      name: 'vitest: an auth-matrix test titled only "…: passes" excludes 401 and 403 (the credential let the request through)',
      code: `
import { describe, expect, it } from 'vitest';
describe('prompts API', () => {
  it('JWT write:prompts:<slug> matching (ACTION_ALIASES write→update): passes', async () => {
    const res = await post({ Authorization: \`Bearer \${jwt}\` });
    expect(res.status).not.toBe(401);
    expect(res.status).not.toBe(403);
  });
});`,
    },
    {
      name: 'mocha+chai: a test titled "read access granted" excludes only 403',
      code: `
const { expect } = require('chai');
describe('package read access', () => {
  it('team member: read access granted', async () => {
    const res = await request(app).get('/@team/private-pkg').set('authorization', memberToken);
    expect(res.status).to.not.equal(403);
  });
});`,
      languageOptions: { parserOptions: { sourceType: 'script' } },
    },
    {
      name: 'jest: "auth passes" after a "no-filter" list and before "(not 401/403)" in the title',
      code: `
describe('sessions list', () => {
  it('read:sessions on no-filter list: auth passes (not 401/403)', async () => {
    const res = await list({ Authorization: \`Bearer \${jwt}\` });
    expect(res.status).not.toBe(401);
  });
});`,
    },
    {
      name: 'node:test: the assertion message says no auth error is expected',
      code: `
const { it } = require('node:test');
const assert = require('node:assert');
it('reads a public package without login', async () => {
  const res = await app.httpRequest().get('/@scope/public-pkg');
  assert(![401, 403].includes(res.status), \`expected no auth error, got \${res.status}\`);
});`,
      languageOptions: { parserOptions: { sourceType: 'script' } },
    },
    {
      name: 'mocha+chai: the assertion message says auth is expected to pass',
      code: `
const { expect } = require('chai');
describe('read access', () => {
  it('should pass for admin', async () => {
    const res = await request(app).get('/@scope/private-pkg').set('authorization', admin);
    expect(res.status, 'expected auth to pass').to.not.be.oneOf([401, 403]);
  });
});`,
      languageOptions: { parserOptions: { sourceType: 'script' } },
    },
    {
      name: 'mocha+chai: a test titled "routes to … endpoint" only excludes 404 (the route was matched)',
      code: `
const { expect } = require('chai');
describe('auth router', () => {
  it('routes to the token endpoint', async () => {
    const res = await app.request('/token', { method: 'POST', body });
    expect(res.status).to.not.equal(404);
  });
});`,
      languageOptions: { parserOptions: { sourceType: 'script' } },
    },
    {
      name: 'jest: test.each titled "accepts %s" only excludes 400 (the validation let the input in)',
      code: `
describe('host validation', () => {
  test.each([['localhost:9292'], ['127.0.0.1:9292']])('accepts %s', async (host) => {
    const status = await dispatchHost(handler, host);
    expect(status).not.toBe(400);
  });
});`,
    },
    {
      name: 'vitest: "lets queries through" with a not-400 check and the call it lets through asserted',
      code: `
import { expect, test, vi } from 'vitest';
test('lets queries through to the upstream call when mutations are protected', async () => {
  const response = await fetch(url, { method: 'POST', body: query });
  expect(response.status).not.toBe(400);
  expect(getToken).toHaveBeenCalled();
});`,
    },
    {
      name: 'node:assert: a probe in beforeAll whose catch deploys instead of failing',
      code: `
import assert from 'node:assert';
import { beforeAll, describe, test, expect } from 'vitest';
describe('remote bindings', () => {
  beforeAll(async () => {
    try {
      assert((await fetch(remoteUrl)).status !== 404);
    } catch {
      runCommand('npx wrangler deploy', workerPath);
    }
  });
  test('fetches from the remote worker', async () => {
    expect(await fetchJson(url)).toEqual({ remote: 'hello' });
  });
});`,
    },
    {
      name: 'jest: an assertion in a try whose catch only notes the failure is a probe, not a claim',
      code: `
let deployed = true;
test('serves the page', async () => {
  try {
    expect((await fetch(url)).status).not.toBe(404);
  } catch {
    deployed = false;
  }
  if (deployed) {
    expect(await page.title()).toBe('Home');
  }
});`,
    },
    {
      name: 'vitest: a negative state check excluding the one success state is the claim "not finished"',
      code: `
import { expect, it } from 'vitest';
it('leaves the batch pending while a member is processing', async () => {
  await engine.performCompleteBatch({ batchId });
  const batch = await prisma.batch.findFirst({ where: { id: batchId } });
  expect(batch?.status).not.toBe('COMPLETED');
});`,
    },
    {
      name: 'jest: a state only checked to be not completed (a cancelled job must not complete)',
      code: `
it('cancels the job', async () => {
  await job.cancel();
  expect(await job.getState()).not.toBe('completed');
});`,
    },
    {
      name: 'mocha+chai: the title states the negative state claim (has not reached its final state)',
      code: `
const { expect } = require('chai');
describe('State', () => {
  it('should show that a machine has not reached its final state', () => {
    expect(createActor(machine).getSnapshot().status).to.not.equal('done');
  });
});`,
      languageOptions: { parserOptions: { sourceType: 'script' } },
    },
    {
      name: 'mocha+chai: a comment says the field has no strict guarantees since a server change',
      code: `
const { expect } = require('chai');
it('lists databases that were never sharded', async function () {
  const result = await sh.status();
  const item = result.value.databases.find((db) => db.database._id === 'dbSh');
  // Cannot get strict guarantees about the value of this field since SERVER-60926 and SERVER-63983
  expect(item?.database.partitioned).to.be.oneOf([true, false, undefined]);
});`,
      languageOptions: { parserOptions: { sourceType: 'script' } },
    },
    {
      name: 'jest: a Node-version-dependent outcome explained once, then the same tolerance repeated after a blank line',
      code: `
it('should not crash app when host header is malformed', async () => {
  // Node.js may have different behavior with custom Host headers (security backport to 20.19+)
  // Just verify the app doesn't crash completely
  const response1 = await fetch('/', { headers: { host: 'foo.bar:baz' } });
  expect([200, 500]).toContain(response1.status);

  const response2 = await fetch('/', { headers: { Host: 'foo.bar:8080' } });
  expect([200, 500]).toContain(response2.status);
});`,
    },
    {
      name: 'playwright: a loop over trick paths whose declaration says the exact router outcome is the framework\'s business',
      code: `
import { expect, test } from '@playwright/test';
// Paths using URL encoding tricks. With the auth check on the endpoint itself, the exact router
// outcome (401 vs 404 vs 500) is Astro's business; what must always hold is that none of these
// serve the protected resource.
const trickPaths = ['/api//admin/users', '/api/%2e/admin/users'];
test('no URL encoding trick can access the protected route', async () => {
  for (const path of trickPaths) {
    const res = await fetch(app.serverUrl + path);
    expect(res.status, \`expected non-200 for \${path}\`).not.toBe(200);
  }
});`,
    },
    {
      name: 'vitest: forEach over paths whose declaration says the status varies by router',
      code: `
import { expect, it } from 'vitest';
// The exact status varies by router version; only "not served" is the claim.
const paths = ['//admin', '/admin/./'];
it('never serves the admin page', () => {
  paths.forEach(async (path) => {
    const res = await request(app).get(path);
    expect(res.status).not.toBe(200);
  });
});`,
    },
    {
      name: 'mocha+chai: a comment in the paragraph says which failure comes back is not the test\'s business',
      code: `
const { expect } = require('chai');
it('does not serve the protected file through a traversal', async () => {
  const res = await request(app).get('/files/..%2fsecret');
  // Which rejection the router picks is not this test's business; it must not serve the file.
  expect(res.status).to.not.equal(200);
});`,
      languageOptions: { parserOptions: { sourceType: 'script' } },
    },
    {
      name: 'jest: not-401 on the re-probe after the pre-auth probe is pinned to 401 inside a listed object',
      code: `
it('re-probes after authorization', async () => {
  await expect(client.connect(first)).rejects.toThrow(UnauthorizedError);
  expect(posts).toEqual([{ method: 'server/discover', status: 401, hasAuth: false }]);
  await client.connect(second);
  const probes = posts.filter((p) => p.method === 'server/discover');
  expect(probes[1]!.status).not.toBe(401);
  expect(client.getNegotiatedProtocolVersion()).toBe('2025-11-25');
});`,
    },
    {
      name: 'node:test: a 401 pinned in a listed object makes not-401 on the retry a step',
      code: `
const { test } = require('node:test');
const assert = require('node:assert');
test('retries with a token', async () => {
  assert.deepStrictEqual(calls, [{ statusCode: 401 }]);
  const retry = await send(withToken);
  assert.notStrictEqual(retry.statusCode, 401);
});`,
      languageOptions: { parserOptions: { sourceType: 'script' } },
    },
    {
      name: 'vitest: a Content-Type validation suite whose test says the POST check does not apply, with not-415',
      code: `
import { describe, expect, it } from 'vitest';
describe('handler Content-Type validation', () => {
  it('does not apply the POST check to bodyless methods', async () => {
    const response = await handler.fetch(new Request(url, { method: 'DELETE' }));
    expect(response.status).not.toBe(415);
  });
});`,
    },
    {
      name: 'mocha+chai: a title that says content-type validation is skipped, with not-415',
      code: `
const { expect } = require('chai');
it('skips content-type validation for GET requests', async () => {
  const res = await request(app).get('/items');
  expect(res.status).to.not.equal(415);
});`,
      languageOptions: { parserOptions: { sourceType: 'script' } },
    },
    {
      name: 'vitest: not OK on a Connect RPC status enum (not HTTP) means failed',
      code: `
import { expect, test } from 'vitest';
import { EnumStatusCode } from '@acme/connect/common_pb';
test('rejects an invalid operation', async () => {
  const resp = await client.publishOperations({ operations: ['query {'] });
  expect(resp.response?.code).not.toBe(EnumStatusCode.OK);
  expect(resp.response?.details).toContain('invalid');
});`,
    },
    {
      name: 'jest: not OK on a gRPC Status enum is not an HTTP status check',
      code: `
import { Status } from '@grpc/grpc-js/build/src/constants';
it('fails without credentials', async () => {
  const result = await call(client, 'getUser', { id: 1 });
  expect(result.code).not.toEqual(Status.OK);
});`,
    },
    {
      name: 'mocha+chai: a set of OpenTelemetry span status codes is not HTTP',
      code: `
const { expect } = require('chai');
it('records the span', () => {
  const span = exporter.getFinishedSpans()[0];
  expect([SpanStatusCode.OK, SpanStatusCode.ERROR]).to.include(span.status.code);
});`,
      languageOptions: { parserOptions: { sourceType: 'script' } },
    },
    {
      name: 'node:test: not SUCCESS on a StatusCode enum of a non-HTTP protocol',
      code: `
import { test } from 'node:test';
import assert from 'node:assert/strict';
test('rejects a bad frame', async () => {
  const reply = await session.send(badFrame);
  assert.notEqual(reply.statusCode, StatusCode.SUCCESS);
});`,
    },
  ],
  invalid: [
    {
      name: 'round 12: chai bounds chained with .and that still span 4xx and 5xx',
      code: `
it('rejects an invalid id', async () => {
  const res = await get(invalidRequestId);
  expect(res.status).to.be.at.least(400).and.below(600);
});`,
      errors: [{ messageId: 'permissiveRange', line: 4, column: 3 }],
    },
    {
      name: 'round 12: a body read from another response pins nothing about this one',
      code: `
it('rejects a tampered state', async () => {
  const response = await agentStub.fetch(new Request(callbackUrl));
  const other = await agentStub.fetch(new Request(otherUrl));
  expect(response.status).toBeGreaterThanOrEqual(400);
  const body = await other.json();
  expect(body.error).toContain('State serverId mismatch');
});`,
      errors: [{ messageId: 'permissiveRange', line: 5, column: 3 }],
    },
    {
      name: 'round 11: statuses collected from responses are outcomes, even in a loop (only a table read with Object.values is configuration)',
      code: `
it('rejects every bad input', async () => {
  const statuses = await Promise.all(inputs.map(async (input) => (await post(input)).status));
  for (const status of statuses) {
    expect(status).toBeGreaterThanOrEqual(400);
  }
});`,
      errors: [{ messageId: 'permissiveRange', line: 5, column: 5 }],
    },
    {
      name: 'round 11: a helper not named for failure still checks nothing but "not a success"',
      code: `
function checkScrape(response) {
  expect(response.statusCode).not.toBe(200);
}
it('scrapes', async () => {
  checkScrape(await scrapeRaw({ url: 'nope' }));
});`,
      errors: [{ messageId: 'negativeOnlyCheck', line: 3, column: 3 }],
    },
    {
      name: 'negative-only: not 429 with no pin of 429 after it is still reported',
      code: `
it('lets a fresh client in', async () => {
  const first = await client.signIn.email(credentials);
  expect(first.error?.status).not.toBe(429);
});`,
      errors: [
        { messageId: 'negativeOnlyCheck', line: 4, column: 3, endLine: 4, endColumn: 44 },
      ],
    },
    {
      name: 'negative-only: a pin of another status later does not excuse not-429',
      code: `
it('signs in', async () => {
  const first = await client.signIn.email(credentials);
  expect(first.status).not.toBe(429);
  const second = await client.signIn.email(wrong);
  expect(second.status).toBe(401);
});`,
      errors: [
        { messageId: 'negativeOnlyCheck', line: 4, column: 3, endLine: 4, endColumn: 37 },
      ],
    },
    {
      name: 'negative-only: not 200 is not excused by a 200 pinned on another response (pg-boss)',
      code: `
it('auth is applied to API routes', async () => {
  const home = await app.fetch(new Request('http://local/'));
  expect(home.status).toBe(200);
  const api = await app.fetch(await postJson('http://local/api/send', body));
  expect(api.status).not.toBe(200);
});`,
      errors: [
        { messageId: 'negativeOnlyCheck', line: 6, column: 3, endLine: 6, endColumn: 35 },
      ],
    },
    {
      name: 'range: >= 400 after a fault the test injects, with nothing asserted after (smithy)',
      code: `
import { expect, it, vi } from 'vitest';
it('replaces handler errors via onError', async () => {
  const handler = new ServiceHandler({
    handlers: { MyOp: async () => { throw new Error('original'); } },
    onError: vi.fn(() => clientFault),
  });
  const response = await handler.handle(request, {});
  expect(response.statusCode).toBeGreaterThanOrEqual(400);
});`,
      errors: [
        { messageId: 'permissiveRange', line: 9, column: 3, endLine: 9, endColumn: 58 },
      ],
    },
    {
      name: 'range: >= 400 for a validation rejection with no injected fault is still reported',
      code: `
it('rejects a mismatched client id', async () => {
  const res = await authorize(otherId);
  expect(res.status).toBeGreaterThanOrEqual(400);
  expect(fetchMetadata).toHaveBeenCalledTimes(1);
});`,
      errors: [
        { messageId: 'permissiveRange', line: 4, column: 3, endLine: 4, endColumn: 49 },
      ],
    },
    {
      name: 'negative-only: "not rate limited" in the title does not excuse a check of another status',
      code: `
it('is not rate limited', async () => {
  const res = await request(app).get('/health');
  expect(res.status).not.toBe(500);
});`,
      errors: [
        { messageId: 'negativeOnlyCheck', line: 4, column: 3, endLine: 4, endColumn: 35 },
      ],
    },
    {
      // Round 9: a title that says the request is refused does not excuse not-200 (blind hunters counted these: pin the refusal).
      name: 'negative-only: "denies loading" a file outside the allow list, only not-200',
      code: `
it('denies loading a file outside the allow list', async () => {
  const res = await fixture.fetch('/_image?href=/etc/passwd');
  expect(res.status).not.toBe(200);
});`,
      errors: [
        { messageId: 'negativeOnlyCheck', line: 4, column: 3, endLine: 4, endColumn: 35 },
      ],
    },
    {
      name: 'negative-only: a pin on the body of another response does not pin this one',
      code: `
it('refuses a guest', async () => {
  const res = await request(app).delete('/carts/1');
  const other = await request(app).get('/carts/1');
  expect(res.status).not.toBe(200);
  expect(other.body.error).toBe('Forbidden');
});`,
      errors: [
        { messageId: 'negativeOnlyCheck', line: 5, column: 3, endLine: 5, endColumn: 35 },
      ],
    },
    {
      name: 'negative-only: a boolean flag or a negated body check does not pin the outcome',
      code: `
import { expect, it } from 'vitest';
it('refuses a guest', async () => {
  const res = await request(app).delete('/carts/1');
  expect(res.status).not.toBe(200);
  expect(res.body.success).toBe(false);
  expect(res.body).not.toEqual({});
});`,
      errors: [
        { messageId: 'negativeOnlyCheck', line: 5, column: 3, endLine: 5, endColumn: 35 },
      ],
    },
    {
      name: 'a comment that only lists the outcomes is no reason (pg-boss)',
      code: `
it('requires authentication', async () => {
  const response = await app.fetch(request);
  // Auth is enforced (may return 401, 403, or 500 if middleware throws)
  expect(response.status).not.toBe(200);
});`,
      errors: [
        { messageId: 'negativeOnlyCheck', line: 5, column: 3, endLine: 5, endColumn: 40 },
      ],
    },
    {
      name: 'a race comment separated from the assertion by a blank line does not explain it',
      code: `
const { test } = require('node:test');
test('answers', async (t) => {
  // the timeout races the handler
  const res = await fastify.inject({ method: 'GET', url: '/' });

  t.assert.ok(res.statusCode === 200 || res.statusCode === 503);
});`,
      languageOptions: { parserOptions: { sourceType: 'script' } },
      errors: [
        { messageId: 'permissiveOutcomeSet', line: 7, column: 3, endLine: 7, endColumn: 64 },
      ],
    },
    {
      name: 'a "Not Acceptable" status comment is not a tolerance',
      code: `
it('negotiates', async () => {
  const res = await request(app).get('/').set('Accept', 'x/y');
  expect([406, 500]).toContain(res.status); // 406 Not Acceptable
});`,
      errors: [
        { messageId: 'permissiveOutcomeSet', line: 4, column: 3, endLine: 4, endColumn: 43 },
      ],
    },
    {
      name: 'a forced failure with nothing asserted after the status check is still the whole claim',
      code: `
it('fails the publish', async () => {
  mockReplay = async () => {
    throw new Error('simulated failure');
  };
  const res = await request(app).post('/publish');
  expect(res.status).not.toBe(200);
});`,
      errors: [
        { messageId: 'negativeOnlyCheck', line: 7, column: 3, endLine: 7, endColumn: 35 },
      ],
    },
    {
      name: 'a throw in the test body itself is a guard, not an injected fault',
      code: `
it('refuses a guest', async () => {
  const res = await request(app).delete('/carts/1');
  if (!res) throw new Error('no response');
  expect(res.status).not.toBe(200);
  expect(await carts.count()).toBe(1);
});`,
      errors: [
        { messageId: 'negativeOnlyCheck', line: 5, column: 3, endLine: 5, endColumn: 35 },
      ],
    },
    {
      name: 'a title that names the expected status as well as the excluded one asks for the pin',
      code: `
it('rejects a guest with 401, not 200', async () => {
  const res = await request(app).get('/admin');
  expect(res.status).not.toBe(200);
});`,
      errors: [
        { messageId: 'negativeOnlyCheck', line: 4, column: 3, endLine: 4, endColumn: 35 },
      ],
    },
    {
      name: 'a title negating another status does not excuse this one',
      code: `
import { expect, test } from 'vitest';
test('is reached, not 404ed', async () => {
  const response = await fetch(url);
  expect(response.status).not.toBe(500);
});`,
      errors: [
        { messageId: 'negativeOnlyCheck', line: 5, column: 3, endLine: 5, endColumn: 40 },
      ],
    },
    {
      name: 'jest: a literal set as subject, with the title naming the status',
      code: `
test('returns 404 for a missing user', async () => {
  const res = await request(app).get('/users/nope');
  expect([200, 404]).toContain(res.status);
});`,
      errors: [
        {
          messageId: 'permissiveOutcomeSet', line: 4, column: 3, endLine: 4, endColumn: 43,
          suggestions: [
            { messageId: 'pinOutcome', output: `
test('returns 404 for a missing user', async () => {
  const res = await request(app).get('/users/nope');
  expect(res.status).toBe(404);
});` },
          ],
        },
      ],
    },
    {
      name: 'vitest: toBeOneOf across 2xx and 5xx',
      code: `
import { expect, it } from 'vitest';
it('answers', async () => {
  const res = await fetch(url);
  expect(res.status).toBeOneOf([200, 500]);
});`,
      errors: [
        { messageId: 'permissiveOutcomeSet', line: 5, column: 3, endLine: 5, endColumn: 43 },
      ],
    },
    {
      name: 'vitest: asymmetric expect.toBeOneOf inside toMatchObject',
      code: `
import { expect, it } from 'vitest';
it('responds 404 for an unknown id', async () => {
  const res = await fetch(url);
  expect(res).toMatchObject({ status: expect.toBeOneOf([200, 404]) });
});`,
      errors: [
        {
          messageId: 'permissiveOutcomeSet', line: 5, column: 39, endLine: 5, endColumn: 67,
          suggestions: [
            { messageId: 'pinOutcome', output: `
import { expect, it } from 'vitest';
it('responds 404 for an unknown id', async () => {
  const res = await fetch(url);
  expect(res).toMatchObject({ status: 404 });
});` },
          ],
        },
      ],
    },
    {
      name: 'vitest: asymmetric expect.toBeOneOf inside toEqual',
      code: `
import { expect, it } from 'vitest';
it('answers', async () => {
  const res = await fetch(url);
  expect(res.status).toEqual(expect.toBeOneOf([204, 500]));
});`,
      errors: [
        { messageId: 'permissiveOutcomeSet', line: 5, column: 30, endLine: 5, endColumn: 58 },
      ],
    },
    {
      name: 'mocha + chai (CommonJS): oneOf',
      code: `
const { expect } = require('chai');
describe('GET /', function () {
  it('answers', async function () {
    const res = await chai.request(app).get('/');
    expect(res.status).to.be.oneOf([200, 500]);
  });
});`,
      languageOptions: { parserOptions: { sourceType: 'script' } },
      errors: [
        { messageId: 'permissiveOutcomeSet', line: 6, column: 5, endLine: 6, endColumn: 47 },
      ],
    },
    {
      name: 'node:assert: includes inside assert.ok',
      code: `
import assert from 'node:assert';
import { test } from 'node:test';
test('loads', async () => {
  const { status } = await fetch(url);
  assert.ok([200, 404].includes(status));
});`,
      errors: [
        { messageId: 'permissiveOutcomeSet', line: 6, column: 3, endLine: 6, endColumn: 41 },
      ],
    },
    {
      name: 'includes inside toBe(true): the shape prefer-to-contain rewrites',
      code: `
it('loads', async () => {
  const res = await fetch(url);
  expect([200, 404].includes(res.status)).toBe(true);
});`,
      errors: [
        { messageId: 'permissiveOutcomeSet', line: 4, column: 3, endLine: 4, endColumn: 53 },
      ],
    },
    {
      name: 'disjunction inside a truthiness check',
      code: `
it('loads', async () => {
  const s = (await fetch(url)).status;
  expect(s === 200 || s === 404).toBe(true);
});`,
      errors: [
        { messageId: 'permissiveOutcomeSet', line: 4, column: 3, endLine: 4, endColumn: 44 },
      ],
    },
    {
      name: 'node:test: t.assert.ok with a disjunction (fastify)',
      code: `
import { test } from 'node:test';
test('no double-send near the timeout', async (t) => {
  const res = await fastify.inject({ method: 'GET', url: '/' });
  t.assert.ok(res.statusCode === 200 || res.statusCode === 503);
});`,
      errors: [
        { messageId: 'permissiveOutcomeSet', line: 5, column: 3, endLine: 5, endColumn: 64 },
      ],
    },
    {
      name: 'global assert with loose equality',
      code: `
it('loads', async () => {
  const a = await get('/');
  assert(a.status == 200 || a.status == 500);
});`,
      errors: [
        { messageId: 'permissiveOutcomeSet', line: 4, column: 3, endLine: 4, endColumn: 45 },
      ],
    },
    {
      name: 'chai within spanning 2xx to 4xx',
      code: `
import { expect } from 'chai';
it('answers', async () => {
  const res = await client.get('/');
  expect(res.status).to.be.within(200, 499);
});`,
      errors: [
        { messageId: 'permissiveRange', line: 5, column: 3, endLine: 5, endColumn: 44 },
      ],
    },
    {
      name: 'a lower bound with no upper bound',
      code: `
it('answers', async () => {
  const res = await fetch(url);
  expect(res.status).toBeGreaterThanOrEqual(200);
});`,
      errors: [
        { messageId: 'permissiveRange', line: 4, column: 3, endLine: 4, endColumn: 49 },
      ],
    },
    {
      name: 'an upper bound of 500 admits client errors',
      code: `
it('does not crash', async () => {
  const res = await fetch(url);
  expect(res.status).toBeLessThan(500);
});`,
      errors: [
        { messageId: 'permissiveRange', line: 4, column: 3, endLine: 4, endColumn: 39 },
      ],
    },
    {
      name: '>= 400 admits 5xx where the test expects a client error',
      code: `
it('rejects an invalid body with 400', async () => {
  const res = await request(app).post('/users').send({});
  expect(res.status).toBeGreaterThanOrEqual(400);
});`,
      errors: [
        {
          messageId: 'permissiveRange', line: 4, column: 3, endLine: 4, endColumn: 49,
          suggestions: [
            { messageId: 'pinOutcome', output: `
it('rejects an invalid body with 400', async () => {
  const res = await request(app).post('/users').send({});
  expect(res.status).toBe(400);
});` },
          ],
        },
      ],
    },
    {
      name: 'negative-only status check',
      code: `
it('does not crash', async () => {
  const res = await request(app).get('/');
  expect(res.status).not.toBe(500);
  expect(res.body).toBeTruthy();
});`,
      errors: [
        { messageId: 'negativeOnlyCheck', line: 4, column: 3, endLine: 4, endColumn: 35 },
      ],
    },
    {
      name: 'negative-only with node:assert notStrictEqual',
      code: `
const assert = require('node:assert');
const { test } = require('node:test');
test('returns 201 for a new user', async () => {
  const res = await app.inject({ method: 'POST', url: '/users' });
  assert.notStrictEqual(res.statusCode, 500);
});`,
      languageOptions: { parserOptions: { sourceType: 'script' } },
      errors: [
        {
          messageId: 'negativeOnlyCheck', line: 6, column: 3, endLine: 6, endColumn: 45,
          suggestions: [
            { messageId: 'pinOutcome', output: `
const assert = require('node:assert');
const { test } = require('node:test');
test('returns 201 for a new user', async () => {
  const res = await app.inject({ method: 'POST', url: '/users' });
  assert.strictEqual(res.statusCode, 201);
});` },
          ],
        },
      ],
    },
    {
      name: 'negative-only inside a supertest callback',
      code: `
import request from 'supertest';
it('answers', async () => {
  await request(app).get('/').expect((res) => res.status !== 500);
});`,
      errors: [
        { messageId: 'negativeOnlyCheck', line: 4, column: 38, endLine: 4, endColumn: 65 },
      ],
    },
    {
      name: 'branches that accept 2xx or 5xx',
      code: `
it('answers', async () => {
  const res = await request(app).get('/');
  if (res.status === 200) {
    expect(res.body).toEqual({ ok: true });
  } else {
    expect(res.status).toBe(500);
  }
});`,
      errors: [
        { messageId: 'permissiveBranches', line: 4, column: 7, endLine: 4, endColumn: 25 },
      ],
    },
    {
      name: 'a ternary that accepts either outcome',
      code: `
it('answers', async () => {
  const res = await request(app).get('/');
  res.status === 200 ? expect(res.body.items).toHaveLength(2) : expect(res.status).toBe(503);
});`,
      errors: [
        { messageId: 'permissiveBranches', line: 4, column: 3, endLine: 4, endColumn: 21 },
      ],
    },
    {
      name: 'a ternary inside the expected value',
      code: `
it('answers', async () => {
  const res = await request(app).get('/');
  expect(res.status).toBe(res.status === 200 ? 200 : 500);
});`,
      errors: [
        { messageId: 'permissiveBranches', line: 4, column: 27, endLine: 4, endColumn: 45 },
      ],
    },
    {
      name: 'an early return that accepts a 404',
      code: `
it('loads the page', async () => {
  const res = await fetch(url);
  if (res.status === 404) {
    return;
  }
  expect(res.status).toBe(200);
});`,
      errors: [
        { messageId: 'permissiveBranches', line: 4, column: 7, endLine: 4, endColumn: 25 },
      ],
    },
    {
      name: 'job states that mix success and failure, with the title naming one',
      code: `
it('marks the job completed', async () => {
  await worker.run();
  expect(['completed', 'failed']).toContain(await job.getState());
});`,
      errors: [
        {
          messageId: 'permissiveOutcomeSet', line: 4, column: 3, endLine: 4, endColumn: 66,
          suggestions: [
            { messageId: 'pinOutcome', output: `
it('marks the job completed', async () => {
  await worker.run();
  expect(await job.getState()).toBe('completed');
});` },
          ],
        },
      ],
    },
    {
      name: 'promise settlement states',
      code: `
it('settles', async () => {
  const [result] = await Promise.allSettled([task()]);
  expect(result.status).toBeOneOf(['fulfilled', 'rejected']);
});`,
      errors: [
        { messageId: 'permissiveOutcomeSet', line: 4, column: 3, endLine: 4, endColumn: 61 },
      ],
    },
    {
      name: 'boolean tautology',
      code: `
it('has a flag', () => {
  expect(settings.flag).toBeOneOf([true, false]);
});`,
      errors: [
        { messageId: 'booleanTautology', line: 3, column: 3, endLine: 3, endColumn: 49 },
      ],
    },
    {
      name: 'playwright: a set over response.status()',
      code: `
import { test, expect } from '@playwright/test';
test('page answers', async ({ page }) => {
  const response = await page.goto('/');
  expect([200, 404]).toContain(response.status());
});`,
      errors: [
        { messageId: 'permissiveOutcomeSet', line: 5, column: 3, endLine: 5, endColumn: 50 },
      ],
    },
    {
      name: 'statusNames option adds a name',
      code: `
it('answers', async () => {
  const reply = await call();
  expect([200, 500]).toContain(reply.httpCode);
});`,
      options: [{'statusNames':['httpCode']}],
      errors: [
        { messageId: 'permissiveOutcomeSet', line: 4, column: 3, endLine: 4, endColumn: 47 },
      ],
    },
    {
      name: 'HTTP status constants',
      code: `
it('answers', async () => {
  const res = await request(app).get('/');
  expect([HttpStatus.OK, HttpStatus.NOT_FOUND]).toContain(res.status);
});`,
      errors: [
        { messageId: 'permissiveOutcomeSet', line: 4, column: 3, endLine: 4, endColumn: 70 },
      ],
    },
    {
      name: 'mocha+chai: constants of the http-status package (lower-case owner)',
      code: `
const { expect } = require('chai');
const httpStatus = require('http-status');
it('answers', async () => {
  const res = await request(app).get('/');
  expect(res.status).to.be.oneOf([httpStatus.OK, httpStatus.INTERNAL_SERVER_ERROR]);
});`,
      languageOptions: { parserOptions: { sourceType: 'script' } },
      errors: [
        { messageId: 'permissiveOutcomeSet', line: 6, column: 3, endLine: 6, endColumn: 84 },
      ],
    },
    {
      name: 'allowInCleanupHooks: false reports cleanup hooks too',
      code: `
afterEach(async () => {
  const res = await request(app).delete('/users/1');
  expect([200, 404]).toContain(res.status);
});`,
      options: [{'allowInCleanupHooks':false}],
      errors: [
        { messageId: 'permissiveOutcomeSet', line: 4, column: 3, endLine: 4, endColumn: 43 },
      ],
    },
    {
      name: 'JSX test file',
      code: `
import { render } from '@testing-library/react';
it('loads data', async () => {
  render(<App />);
  const res = await fetch('/api');
  expect([200, 500]).toContain(res.status);
});`,
      filename: 'app.test.tsx',
      errors: [
        { messageId: 'permissiveOutcomeSet', line: 6, column: 3, endLine: 6, endColumn: 43 },
      ],
    },
    {
      name: 'chai should style include over a literal set',
      code: `
require('chai').should();
describe('api', function () {
  it('answers', async function () {
    const res = await agent.get('/');
    [200, 500].should.include(res.status);
  });
});`,
      languageOptions: { parserOptions: { sourceType: 'script' } },
      errors: [
        { messageId: 'permissiveOutcomeSet', line: 6, column: 5, endLine: 6, endColumn: 42 },
      ],
    },
    {
      name: 'playwright: a nullable status with a fallback',
      code: `
import { test, expect } from '@playwright/test';
test('unknown route renders without a server crash', async ({ page }) => {
  const response = await page.goto('/nope');
  expect([200, 404]).toContain(response?.status() ?? 0);
});`,
      errors: [
        { messageId: 'permissiveOutcomeSet', line: 5, column: 3, endLine: 5, endColumn: 56 },
      ],
    },
    {
      name: 'chai assert: oneOf and an open lower bound',
      code: `
import { assert } from 'chai';
it('answers', async () => {
  const res = await agent.get('/');
  assert.oneOf(res.status, [200, 500]);
  assert.isAtLeast(res.body.status, 200);
});`,
      errors: [
        { messageId: 'permissiveOutcomeSet', line: 5, column: 3, endLine: 5, endColumn: 39 },
        { messageId: 'permissiveRange', line: 6, column: 3, endLine: 6, endColumn: 41 },
      ],
    },
    {
      name: 'binding: a pin on an earlier loop variable does not excuse a later response',
      code: `
it('serves the pages, then the api', async () => {
  for (const response of pages) {
    expect(response.status).toBe(200);
  }
  const response = await fetch(apiUrl);
  expect(response.status).not.toBe(500);
});`,
      errors: [
        { messageId: 'negativeOnlyCheck', line: 7, column: 3, endLine: 7, endColumn: 40 },
      ],
    },
    {
      name: 'binding: a second call of the same function is another value',
      code: `
import { expect, it } from 'vitest';
it('authorizes twice', async () => {
  expect((await authorize()).status).toBe(200);
  await revoke(token);
  expect((await authorize()).status).not.toBe(500);
});`,
      errors: [
        { messageId: 'negativeOnlyCheck', line: 6, column: 3, endLine: 6, endColumn: 51 },
      ],
    },
    {
      name: 'binding: after a reassignment the earlier pin is on another response',
      code: `
it('reads two pages', async () => {
  let res = await client.get('/a');
  expect(res.status).toBe(200);
  res = await client.get('/b');
  expect(res.status).not.toBe(500);
});`,
      errors: [
        { messageId: 'negativeOnlyCheck', line: 6, column: 3, endLine: 6, endColumn: 35 },
      ],
    },
    {
      name: 'binding: bounds on two calls do not combine into one class',
      code: `
it('authorizes', async () => {
  expect((await authorize()).status).toBeLessThan(400);
  expect((await authorize()).status).toBeGreaterThanOrEqual(200);
});`,
      errors: [
        {
          messageId: 'permissiveRange', line: 4, column: 3, endLine: 4, endColumn: 65,
          data: { classes: '2xx, 3xx, 4xx and 5xx', consequence: 'it passes on success and on failure alike', subject: '(await authorize()).status' },
        },
      ],
    },
    {
      name: 'supertest: a pin on another request does not excuse a negative check',
      code: `
import request from 'supertest';
it('reads the profile after login', async () => {
  await request(app).post('/login').send(credentials).expect(200);
  const res = await request(app).get('/me');
  expect(res.status).not.toBe(500);
});`,
      errors: [
        { messageId: 'negativeOnlyCheck', line: 6, column: 3, endLine: 6, endColumn: 35 },
      ],
    },
    {
      name: 'message: a client error with a server error is not "success and failure"',
      code: `
it('rejects a guest', async () => {
  const res = await request(app).get('/admin');
  expect([404, 401, 500]).toContain(res.status);
});`,
      errors: [
        {
          messageId: 'permissiveOutcomeSet', line: 4, column: 3, endLine: 4, endColumn: 48,
          data: { classes: '4xx and 5xx', consequence: 'a server crash (5xx) passes as well as a client error (4xx)', subject: 'res.status' },
        },
      ],
    },
    {
      name: 'message: a redirect or a crash (chai oneOf)',
      code: `
const { expect } = require('chai');
it('redirects to login', async function () {
  const res = await agent.get('/account').redirects(0);
  expect(res.status).to.be.oneOf([302, 503]);
});`,
      languageOptions: { parserOptions: { sourceType: 'script' } },
      errors: [
        {
          messageId: 'permissiveOutcomeSet', line: 5, column: 3, endLine: 5, endColumn: 45,
          data: { classes: '3xx and 5xx', consequence: 'a server crash (5xx) passes as well as a redirect (3xx)', subject: 'res.status' },
        },
      ],
    },
    {
      name: 'message: a negative check names the classes it still accepts',
      code: `
it('rejects the hook', async () => {
  const res = await fastify.inject({ method: 'GET', url: '/' });
  expect(res.statusCode).not.toBe(200);
});`,
      errors: [
        {
          messageId: 'negativeOnlyCheck', line: 4, column: 3, endLine: 4, endColumn: 39,
          data: {
            subject: 'res.statusCode', excluded: '200', classes: '1xx, 2xx, 3xx, 4xx and 5xx',
            consequence: 'it passes on success and on failure alike', kind: 'status',
          },
        },
      ],
    },
    {
      name: 'a crash accepted in the else arm of a separated outcome (outline)',
      code: `
it('must not leak docs through a partial id', async () => {
  const res = await server.post('/api/documents.list', user, { body });
  if (res.status === 200) {
    const body = await res.json();
    expect(body.data).toEqual([]);
  } else {
    expect([400, 500]).toContain(res.status);
  }
});`,
      errors: [
        {
          messageId: 'permissiveOutcomeSet', line: 8, column: 5, endLine: 8, endColumn: 45,
          data: { classes: '4xx and 5xx', consequence: 'a server crash (5xx) passes as well as a client error (4xx)', subject: 'res.status' },
        },
      ],
    },
    {
      name: 'a guard pair the test never separates is still reported',
      code: `
it('validates the body', async () => {
  const res = await request(app).post('/users').send({});
  expect([200, 400]).toContain(res.status);
});`,
      errors: [
        { messageId: 'permissiveOutcomeSet', line: 4, column: 3, endLine: 4, endColumn: 43 },
      ],
    },
    {
      name: 'a found-or-missing pair is not a guard outcome, even when the test branches on it',
      code: `
it('loads the user', async () => {
  const res = await request(app).get('/users/1');
  expect([200, 404]).toContain(res.status);
  if (res.status === 200) {
    expect(res.body.name).toBe('a');
  }
});`,
      errors: [
        { messageId: 'permissiveOutcomeSet', line: 4, column: 3, endLine: 4, endColumn: 43 },
      ],
    },
    {
      name: 'an early return on a guard status asserts nothing for that outcome',
      code: `
it('updates the user', async () => {
  const res = await request(app).put('/users/1').send(user);
  if (res.status === 400) {
    return;
  }
  expect(res.status).toBe(200);
});`,
      errors: [
        { messageId: 'permissiveBranches', line: 4, column: 7, endLine: 4, endColumn: 25 },
      ],
    },
    {
      name: 'negative-only: "auth passes" does not excuse excluding a status no auth guard answers with',
      code: `
import { expect, it } from 'vitest';
it('private API key: auth passes', async () => {
  const res = await get('/api/v1/runs', { Authorization: \`Bearer \${apiKey}\` });
  expect(res.status).not.toBe(500);
});`,
      errors: [
        { messageId: 'negativeOnlyCheck', line: 5, column: 3, endLine: 5, endColumn: 35 },
      ],
    },
    {
      name: 'negative-only: "…: passes" does not excuse excluding 404, which no auth guard answers with',
      code: `
it('JWT read:runs matching: passes', async () => {
  const res = await get('/api/v1/runs', { Authorization: \`Bearer \${jwt}\` });
  expect(res.status).not.toBe(404);
});`,
      errors: [
        { messageId: 'negativeOnlyCheck', line: 4, column: 3, endLine: 4, endColumn: 35 },
      ],
    },
    {
      name: 'negative-only: "is not allowed" negates the pass, so not-403 stays reported',
      code: `
it('a guest is not allowed to delete the project', async () => {
  const res = await request(app).delete('/projects/1').set('authorization', guestToken);
  expect(res.status).not.toBe(403);
});`,
      errors: [
        { messageId: 'negativeOnlyCheck', line: 4, column: 3, endLine: 4, endColumn: 35 },
      ],
    },
    {
      name: 'negative-only: "auth does not pass" negates the pass, so not-401 stays reported',
      code: `
it('expired key: auth does not pass', async () => {
  const res = await get('/api/v1/runs', { Authorization: \`Bearer \${expired}\` });
  expect(res.status).not.toBe(401);
});`,
      errors: [
        { messageId: 'negativeOnlyCheck', line: 4, column: 3, endLine: 4, endColumn: 35 },
      ],
    },
    {
      name: 'negative-only: a test that claims the handler outcome keeps not-401 reported',
      code: `
it('creates the user for an authenticated admin', async () => {
  const res = await request(app).post('/users').set('authorization', admin).send(user);
  expect(res.status).not.toBe(401);
});`,
      errors: [
        { messageId: 'negativeOnlyCheck', line: 4, column: 3, endLine: 4, endColumn: 35 },
      ],
    },
    {
      name: 'negative-only: an assertion in a try whose catch rethrows is still a claim',
      code: `
it('serves the page', async () => {
  try {
    expect((await fetch(url)).status).not.toBe(404);
  } catch (error) {
    await dumpLogs();
    throw error;
  }
});`,
      errors: [
        { messageId: 'negativeOnlyCheck', line: 4, column: 5, endLine: 4, endColumn: 52 },
      ],
    },
    {
      name: 'set: an assertion in a try whose catch asserts is still a claim (mocha+chai)',
      code: `
const { expect } = require('chai');
it('answers the request', async () => {
  try {
    const res = await request(app).get('/items');
    expect(res.status).to.be.oneOf([200, 500]);
  } catch (error) {
    expect(error.code).to.equal('ECONNRESET');
  }
});`,
      languageOptions: { parserOptions: { sourceType: 'script' } },
      errors: [
        { messageId: 'permissiveOutcomeSet', line: 6, column: 5, endLine: 6, endColumn: 47 },
      ],
    },
    {
      name: 'mocha: an assertion in a try whose catch hands the error to done is still a claim',
      code: `
const { expect } = require('chai');
it('answers the request', (done) => {
  request(app).get('/items').end((err, res) => {
    try {
      expect(res.status).to.not.equal(500);
      done();
    } catch (error) {
      done(error);
    }
  });
});`,
      languageOptions: { parserOptions: { sourceType: 'script' } },
      errors: [
        { messageId: 'negativeOnlyCheck', line: 6, column: 7, endLine: 6, endColumn: 43 },
      ],
    },
    {
      name: 'an explained tolerance does not excuse a later check that accepts another set',
      code: `
it('should not crash app when host header is malformed', async () => {
  // Node.js may have different behavior with custom Host headers
  const response1 = await fetch('/', { headers: { host: 'foo.bar:baz' } });
  expect([200, 500]).toContain(response1.status);

  const response2 = await fetch('/');
  expect([200, 404, 500]).toContain(response2.status);
});`,
      errors: [
        { messageId: 'permissiveOutcomeSet', line: 8, column: 3, endLine: 8, endColumn: 54 },
      ],
    },
    {
      name: 'a comment on the loop\'s paths that only describes them keeps not-200 reported',
      code: `
// Paths using URL encoding tricks
const trickPaths = ['/api//admin/users'];
test('trick paths against the protected route', async () => {
  for (const path of trickPaths) {
    const res = await fetch(url + path);
    expect(res.status).not.toBe(200);
  }
});`,
      errors: [
        { messageId: 'negativeOnlyCheck', line: 7, column: 5, endLine: 7, endColumn: 37 },
      ],
    },
    {
      // Round 9: a title that names the status it expects asks for that status to be pinned.
      name: 'negative-only: "should not be served, returns 404" names the status, so not-200 stays reported',
      code: `
it('dotfile should not be served (returns 404)', async () => {
  const res = await fetch(base + '/.env');
  expect(res.status).not.toBe(200);
});`,
      errors: [
        {
          messageId: 'negativeOnlyCheck', line: 4, column: 3, endLine: 4, endColumn: 35,
          suggestions: [
            { messageId: 'pinOutcome', output: `
it('dotfile should not be served (returns 404)', async () => {
  const res = await fetch(base + '/.env');
  expect(res.status).toBe(404);
});` },
          ],
        },
      ],
    },
    {
      // Round 9: a title that claims an error, not that content stays out of reach.
      name: 'negative-only: "should throw error" with only not-200 stays reported',
      code: `
it('should throw error when the filter references a forbidden field', async () => {
  const res = await agent.resource('posts').list({ filter: { secret: 1 } });
  expect(res.status).not.toBe(200);
});`,
      errors: [
        { messageId: 'negativeOnlyCheck', line: 4, column: 3, endLine: 4, endColumn: 35 },
      ],
    },
    {
      // Round 9: a negated redirect says nothing about a 2xx exclusion.
      name: 'negative-only: "does not redirect" does not excuse not-200',
      code: `
it('does not redirect internal paths', async () => {
  const res = await app.render(new Request('http://example.com/_server-islands/x'));
  expect(res.status).not.toBe(200);
});`,
      errors: [
        { messageId: 'negativeOnlyCheck', line: 4, column: 3, endLine: 4, endColumn: 35 },
      ],
    },
    {
      name: 'a comment that only names the case keeps not-200 reported',
      code: `
test('double slashes cannot bypass protected route', async () => {
  // Double slashes before the protected segment
  const res1 = await fetch(url + '//api/admin/users');
  expect(res1.status).not.toBe(200);
});`,
      errors: [
        { messageId: 'negativeOnlyCheck', line: 5, column: 3, endLine: 5, endColumn: 36 },
      ],
    },
    {
      name: 'a 200 pinned inside a listed object does not excuse not-200 on another response',
      code: `
it('serves the home page but not the API', async () => {
  expect(calls).toEqual([{ path: '/', status: 200 }]);
  const api = await fetch('/api');
  expect(api.status).not.toBe(200);
});`,
      errors: [
        { messageId: 'negativeOnlyCheck', line: 5, column: 3, endLine: 5, endColumn: 35 },
      ],
    },
    {
      name: 'a Content-Type validation suite whose test says nothing about the check keeps not-415 reported',
      code: `
describe('handler Content-Type validation', () => {
  it('handles DELETE', async () => {
    const response = await handler.fetch(new Request(url, { method: 'DELETE' }));
    expect(response.status).not.toBe(415);
  });
});`,
      errors: [
        { messageId: 'negativeOnlyCheck', line: 5, column: 5, endLine: 5, endColumn: 42 },
      ],
    },
    {
      name: 'a check that does not apply excuses only the status of the guard the texts name, not a 500',
      code: `
describe('handler Content-Type validation', () => {
  it('does not apply the POST check to bodyless methods', async () => {
    const response = await handler.fetch(new Request(url, { method: 'DELETE' }));
    expect(response.status).not.toBe(500);
  });
});`,
      errors: [
        { messageId: 'negativeOnlyCheck', line: 5, column: 5, endLine: 5, endColumn: 42 },
      ],
    },
  ],
});
