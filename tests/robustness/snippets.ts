/**
 * Test-shaped seed programs for the robustness tests (fuzzing and fix safety): each family of
 * weakness from DESIGN.md in several frameworks, plus look-alikes and odd syntax. Written for this
 * repository (no third-party code).
 */
export interface Snippet {
  readonly name: string;
  readonly code: string;
  readonly filename: string;
  readonly sourceType?: 'module' | 'script';
}

export const snippets: readonly Snippet[] = [
  {
    name: 'vitest over-mocking with module and property mocks',
    filename: 'src/orders/checkout.test.ts',
    code: `import { describe, it, expect, vi, beforeEach } from 'vitest';
import { checkout } from './checkout';
import * as payments from './payments';
vi.mock('./checkout');
vi.mock('./inventory', () => ({ reserve: vi.fn().mockResolvedValue(true) }));
vi.mock('./mailer');
beforeEach(() => {
  vi.spyOn(payments, 'charge').mockResolvedValue({ ok: true });
  vi.stubEnv('CURRENCY', 'EUR');
});
describe('checkout', () => {
  it('charges the card', async () => {
    const log = vi.spyOn(console, 'log').mockImplementation(() => {});
    const clock = vi.fn(() => 42);
    await checkout({ id: 1, clock });
    expect(payments.charge).toHaveBeenCalledTimes(1);
    expect(log).not.toHaveBeenCalled();
  });
});
`,
  },
  {
    name: 'jest partial self-mock',
    filename: '__tests__/user-service.js',
    sourceType: 'script',
    code: `const service = require('../src/user-service');
jest.mock('../src/user-service', () => ({
  ...jest.requireActual('../src/user-service'),
  load: jest.fn(() => Promise.resolve({ id: 1 })),
}));
test('loads a user', async () => {
  const user = await service.load(1);
  expect(user.id).toBe(1);
});
`,
  },
  {
    name: 'permissive status sets',
    filename: 'test/api.test.ts',
    code: `import request from 'supertest';
import { app } from '../src/app';
describe('api', () => {
  it('creates a user', async () => {
    const res = await request(app).post('/users').send({ name: 'a' });
    expect([200, 404]).toContain(res.status);
    expect(res.status).toBeOneOf([201, 500]);
    expect([200, 201].includes(res.status)).toBe(true);
    expect(res.status === 200 || res.status === 503).toBeTruthy();
    expect(res.status).not.toBe(500);
    expect(res.status).toBeGreaterThanOrEqual(400);
  });
  it('keeps a job state', async () => {
    const state = await job.getState();
    expect(['completed', 'failed']).toContain(state);
    expect([401, 403]).toContain(res.status);
  });
  afterEach(async () => {
    const res = await request(app).delete('/users/1');
    expect([200, 404]).toContain(res.status);
  });
});
`,
  },
  {
    name: 'chai oneOf and supertest expect',
    filename: 'test/routes.spec.js',
    sourceType: 'script',
    code: `const { expect } = require('chai');
const request = require('supertest');
const app = require('../app');
describe('routes', function () {
  it('gets', function (done) {
    request(app).get('/').expect(200, done);
  });
  it('accepts anything', async function () {
    const res = await request(app).get('/x');
    expect(res.status).to.be.oneOf([200, 500]);
    res.status.should.be.oneOf([302, 404]);
  });
});
`,
  },
  {
    name: 'unawaited async mocks and assertions',
    filename: 'src/sync.test.ts',
    code: `import { test, expect, vi } from 'vitest';
import { sync } from './sync';
test('syncs', async () => {
  const fetcher = vi.fn().mockResolvedValue({ items: [] });
  const save = vi.fn(async () => 1);
  fetcher();
  save({ id: 1 });
  sync(fetcher);
  expect(sync(fetcher)).resolves.toEqual([]);
  expect(save()).rejects.toThrow('x');
  const p = fetcher();
  p.then((value) => value);
  void save();
  await Promise.all([fetcher(), save()]);
  expectTypeOf(sync).returns.resolves.toBeArray();
});
`,
  },
  {
    name: 'chai-as-promised and sinon resolves',
    filename: 'test/client.spec.ts',
    code: `import chai, { expect } from 'chai';
import chaiAsPromised from 'chai-as-promised';
import sinon from 'sinon';
chai.use(chaiAsPromised);
describe('client', () => {
  it('rejects', () => {
    const stub = sinon.stub().resolves({ ok: false });
    stub();
    expect(Promise.reject(new Error('x'))).to.be.rejectedWith('x');
    expect(stub()).to.eventually.deep.equal({ ok: false });
  });
  it('returns the chain', () => {
    return expect(Promise.resolve(1)).to.eventually.equal(1);
  });
});
`,
  },
  {
    name: 'node:test with assert.rejects, mock.fn and plans',
    filename: 'test/queue.test.mjs',
    code: `import { test, mock } from 'node:test';
import assert from 'node:assert/strict';
import { Queue } from '../lib/queue.js';
test('drains', async (t) => {
  const worker = mock.fn(async () => 'done');
  const queue = new Queue(worker);
  queue.push(1);
  worker();
  assert.rejects(queue.close());
  await assert.rejects(() => queue.push(null), /invalid/);
  t.mock.method(queue, 'flush', async () => {});
  assert.equal(worker.mock.callCount(), 1);
});
test('planned', (t) => {
  t.plan(1);
  assert.rejects(Promise.reject(new Error('x')));
});
`,
  },
  {
    name: 'retry counts with evidence and without',
    filename: 'test/retry.test.ts',
    code: `import { it, expect, vi } from 'vitest';
import { fetchWithRetry } from '../src/retry';
it('retries failed requests', async () => {
  const request = vi.fn().mockRejectedValue(new Error('boom'));
  await expect(fetchWithRetry(request)).rejects.toThrow('boom');
  expect(request).toHaveBeenCalledTimes(4);
});
it('respects maxRetries', async () => {
  const request = vi.fn().mockRejectedValue(new Error('boom'));
  await expect(fetchWithRetry(request, { maxRetries: 3 })).rejects.toThrow();
  expect(request).toHaveBeenCalledTimes(4);
});
it('succeeds on the third attempt', async () => {
  let attempts = 0;
  const request = vi.fn(async () => {
    attempts++;
    if (attempts < 3) throw new Error('flaky');
    return 'ok';
  });
  await fetchWithRetry(request);
  expect(request).toHaveBeenCalledTimes(3);
});
it('retrievedCodes are listed', () => {
  expect(list).toHaveLength(4);
});
`,
  },
  {
    name: 'sinon retry with callCount',
    filename: 'test/backoff.spec.js',
    sourceType: 'script',
    code: `const sinon = require('sinon');
const assert = require('assert');
const { backoff } = require('../lib/backoff');
describe('backoff', () => {
  it('retries with exponential backoff', async () => {
    const op = sinon.stub().rejects(new Error('down'));
    await backoff(op).catch(() => {});
    assert.strictEqual(op.callCount, 5);
    sinon.assert.callCount(op, 5);
    assert.equal(op.callCount, 0);
  });
});
`,
  },
  {
    name: 'React Testing Library with jest mocks and JSX',
    filename: 'src/components/Button.test.tsx',
    code: `import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Button } from './Button';
jest.mock('./useTheme', () => ({ useTheme: () => 'dark' }));
it('clicks', async () => {
  const onClick = jest.fn();
  render(<Button onClick={onClick}>Go</Button>);
  userEvent.click(screen.getByText('Go'));
  waitFor(() => expect(onClick).toHaveBeenCalled());
  await screen.findByRole('button');
  expect(screen.getAllByRole('button')).toHaveLength(1);
});
`,
  },
  {
    name: 'bun test and jasmine spellings',
    filename: 'spec/store.spec.ts',
    code: `import { describe, test, expect, mock, spyOn } from 'bun:test';
mock.module('./store', () => ({ get: () => 1 }));
describe.each([[1], [2]])('store %i', (n) => {
  test.concurrent('reads', async () => {
    const spy = spyOn(globalThis, 'fetch').mockResolvedValue(new Response('x'));
    expect(fetch('x')).resolves.toBeDefined();
    expect(spy).toHaveBeenCalledTimes(n);
  });
});
`,
  },
  {
    name: 'playwright test and it.extend',
    filename: 'e2e/login.spec.ts',
    code: `import { test as base, expect } from '@playwright/test';
const test = base.extend<{ user: string }>({ user: async ({}, use) => { await use('a'); } });
test('logs in', async ({ page, user }) => {
  await page.goto('/login');
  expect(page.getByText(user)).toBeVisible();
  expect.soft(await page.title()).not.toBe('Error 500');
  await expect.poll(() => page.url()).toMatch(/home/);
});
`,
  },
  {
    name: 'odd syntax: decorators, enums, namespaces, generics',
    filename: 'test/odd.test.ts',
    code: `@Injectable()
class Service { @Inject() dep!: Dep; constructor(private readonly x = 1) {} }
enum Status { Ok = 200, Fail = 500 }
namespace NS { export const a = 1; }
declare module 'x' { export const y: number; }
describe('odd', () => {
  it.each\`a | b\n\${1} | \${2}\`('works $a', async ({ a, b }: { a: number; b: number }) => {
    const f = <T,>(x: T): T => x;
    expect(f(a) satisfies number).toBe(a as number);
    expect([Status.Ok, Status.Fail]).toContain(b!);
    label: for (const x of [1]) { if (x) break label; }
  });
});
`,
  },
  {
    name: 'test shapes with weird callees',
    filename: 'test/weird.test.js',
    code: `it();
it('no callback');
describe('x', null);
test('t', async function* () { yield 1; });
expect();
expect.assertions(1);
vi.mock();
jest.mock(\`./\${name}\`);
sinon.stub();
new it('x', () => {});
it?.('optional', () => { expect?.(1)?.toBe?.(1); });
(0, it)('seq', () => {});
it['skip']('computed', () => {});
const { it: myIt } = require('mocha');
myIt('renamed', () => { expect(1).toBe(1); });
export default function () { return expect(1).resolves; }
`,
  },
  {
    name: 'route handler status literals are not assertions',
    filename: 'test/server.test.ts',
    code: `import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
const server = setupServer(
  http.get('/x', () => HttpResponse.json({}, { status: [200, 500][0] })),
);
it('handles', async () => {
  app.get('/y', (req, res) => res.status(req.ok ? 200 : 500).end());
  const res = await fetch('/x');
  expect(res.status).toBe(200);
});
`,
  },
  {
    name: 'done callbacks and returned chains',
    filename: 'test/callbacks.spec.js',
    sourceType: 'script',
    code: `describe('callbacks', () => {
  it('uses done', (done) => {
    const p = api.get();
    p.then(() => done(), done);
  });
  it('returns', () => api.get().then((r) => expect(r.status).toBe(200)));
  it('leaks', () => {
    api.get().then((r) => expect(r.status).toBe(200));
    Promise.resolve().then(() => { throw new Error('x'); });
  });
});
`,
  },
  {
    name: 'fake timers flush',
    filename: 'src/poller.test.ts',
    code: `import { vi, it, expect } from 'vitest';
it('polls', async () => {
  vi.useFakeTimers();
  const tick = vi.fn().mockResolvedValue(1);
  const promise = poll(tick);
  await vi.advanceTimersByTimeAsync(1000);
  await expect(promise).resolves.toBe(1);
  expect(tick).toHaveBeenCalledTimes(3);
});
`,
  },
];
