import rule from '../../src/rules/no-magic-retry-count.js';
import { createRuleTester } from '../rule-tester.js';

createRuleTester().run('no-magic-retry-count', rule, {
  valid: [
    // Round 8 (V7's labels): a timeout the test passes bounds how many polls or attempts fit in it, so the count follows from
    // the test's own setting (jest, TS: a command-line flag; mocha + sinon, JS: an option).
    `import { describe, test, expect, jest } from '@jest/globals';
describe('gate evaluation', () => {
  test('should succeed when requests fail but succeed on retry', async () => {
    const { code } = await runCLI(['--service', 'svc', '--env', 'prod']);
    expect(code).toBe(0);
  });
  test('pass with a 500 error', async () => {
    const mockError = Object.assign(new Error('Request failed with status code 500'), { response: { status: 500 } });
    const mockApi = {
      requestGateEvaluation: jest.fn().mockResolvedValue({ id: 'evaluation' }),
      getGateEvaluationResult: jest.fn().mockRejectedValue(mockError),
    };
    jest.spyOn(apiModule, 'apiConstructor').mockReturnValue(mockApi);
    const runPromise = runCLI(['--service', 'svc', '--env', 'prod', '--timeout', '60']);
    await jest.runAllTimersAsync();
    const { code } = await runPromise;
    expect(code).toBe(0);
    expect(mockApi.requestGateEvaluation).toHaveBeenCalledTimes(1);
    expect(mockApi.getGateEvaluationResult).toHaveBeenCalledTimes(5);
  });
});
`,
    `const sinon = require('sinon');
const { expect } = require('chai');
describe('retry-after plugin', function () {
  it('stops retrying after the timeout', async function () {
    const fetch = sinon.stub().resolves(new Response(null, { status: 429, headers: { 'retry-after': '3' } }));
    await createClient({ fetch, timeout: 5000 }).call().catch(() => {});
    expect(fetch.callCount).to.equal(2);
  });
});
`,
    // Round 2: a count the test's configured limit predicts restates it in the test's own words: not reported by default.
    `import { it, expect, vi } from 'vitest';
it('gives up after maxRetries', async () => {
  const send = vi.fn().mockRejectedValue(new Error('offline'));
  await expect(createClient({ send, maxRetries: 2 }).get('/users')).rejects.toThrow();
  expect(send).toHaveBeenCalledTimes(3);
});
`,
    // Round 2: the same with sinon and chai in mocha (JS), a limit of attempts.
    `const sinon = require('sinon');
const { expect } = require('chai');
describe('casLoop', function () {
  it('stops after maxAttempts conflicts', async function () {
    const write = sinon.stub().rejects(new Error('conflict'));
    await casLoop({ write, maxAttempts: 3 }).catch(() => {});
    expect(write.callCount).to.equal(3);
  });
});
`,
    // Round 2: a count one more than the test's earlier count of the same thing counts the request the test made again.
    `import { test, expect } from '@jest/globals';
test('retries on 429', async () => {
  let count = 0;
  const fetch = async () => (count++ === 0 ? new Response(null, { status: 429 }) : new Response('{}'));
  const client = new Client({ fetch });
  await client.request('/foo');
  expect(count).toEqual(2);
  await client.request('/foo');
  expect(count).toEqual(3);
});
`,
    // Round 2: node:test, the test runs the queue again by hand after a first exact count.
    `import { test } from 'node:test';
import assert from 'node:assert/strict';
test('retries the job', async (t) => {
  const job = t.mock.fn(() => { throw new Error('boom'); });
  await runOnce({ job });
  assert.equal(job.mock.callCount(), 1);
  await makeRunnable();
  await runOnce({ job });
  assert.equal(job.mock.callCount(), 2);
});
`,
    // Round 2: the attempt number the test publishes itself, echoed back.
    `import { it, expect } from 'vitest';
it('emits retry events with details', async () => {
  const received = [];
  agenda.on('retry', (notification, details) => received.push(details));
  await channel.publish({ type: 'retry', retryAttempt: 3, error: 'Temporary failure' });
  expect(received[0].attempt).toBe(3);
});
`,
    // Round 2: the attempt number the test passes in, advanced by one (mocha + chai, JS).
    `const { expect } = require('chai');
describe('observation retry', function () {
  it('increases the attempt count on a later failure', async function () {
    const job = { data: { retryBaggage: { attempt: 2 } } };
    await retryObservation(new Error('not found'), job);
    expect(queue.add.firstCall.args[1].retryBaggage.attempt).to.equal(3);
  });
});
`,
    // Round 2: a comment on the line says where the count comes from.
    `import { test, expect, vi } from 'vitest';
test('logs when assignment fails on every attempt', async () => {
  vi.mocked(createMembership).mockRejectedValue(new Error('db down'));
  await provision(args);
  expect(createMembership).toHaveBeenCalledTimes(2); // initial + one retry
});
`,
    // Log lines counted in a retry scenario equal the configured attempts by coincidence (medusa event bus shape).
    `import { describe, expect, it, jest } from '@jest/globals';
describe('worker retries', () => {
  it('logs the final retry attempt', async () => {
    const loggerMock = { info: jest.fn(), warn: jest.fn() };
    const bus = new EventBus({ logger: loggerMock });
    await bus.worker({ name: 'eventName', attemptsMade: 2, opts: { attempts: 2 } }).catch(() => undefined);
    expect(loggerMock.warn).toHaveBeenCalledTimes(1);
    expect(loggerMock.info).toHaveBeenCalledTimes(2);
    expect(console.error).toHaveBeenCalledTimes(2);
  });
});`,
    // A "does not retry" test counts its own call: 1 is never a retry count.
    `
import { it, expect, vi } from 'vitest';
it('does not retry on 400', async () => {
  const send = vi.fn().mockResolvedValue({ status: 400 });
  await client({ send, retries: 3 }).get('/users');
  expect(send).toHaveBeenCalledTimes(1);
});
`,
    // Fault injection: fail twice, then succeed — the test fixes the count.
    `
import { it, expect, vi } from 'vitest';
it('retries until the request succeeds', async () => {
  fetchMock
    .mockRejectedValueOnce(new Error('ECONNRESET'))
    .mockRejectedValueOnce(new Error('ECONNRESET'))
    .mockResolvedValueOnce({ status: 200 });
  await fetchWithRetry('/users');
  expect(fetchMock).toHaveBeenCalledTimes(3);
});
`,
    // Fault injection with a counter: `if (attempts < 3) throw`.
    `
it('retries a flaky task', async () => {
  let attempts = 0;
  const task = jest.fn(async () => {
    attempts++;
    if (attempts < 3) throw new Error('flaky');
    return 'ok';
  });
  await retry(task);
  expect(attempts).toBe(3);
  expect(task).toHaveBeenCalledTimes(3);
});
`,
    // The count is derived from the configuration.
    `
it('gives up after maxRetries', async () => {
  const maxRetries = 3;
  fetchMock.mockRejectedValue(new Error('down'));
  await expect(get('/x', { maxRetries })).rejects.toThrow();
  expect(fetchMock).toHaveBeenCalledTimes(maxRetries + 1);
});
`,
    // The count is a variable.
    `
it('retries as often as asked', async () => {
  const tries = attemptsFor('GET');
  await expect(get('/x', { retries: tries - 1 })).rejects.toThrow();
  expect(fetchMock).toHaveBeenCalledTimes(tries);
});
`,
    // A configuration echo: the default is what is under test.
    `
it('normalises the retry option', () => {
  const opts = normalizeOptions({ retry: 10 });
  expect(opts.retry).toBe(10);
  expect(options.retries).toBe(5);
});
`,
    // "retrieve" is not a retry.
    `
describe('retrievedCodes', () => {
  it('retrieves every page', async () => {
    await retrieveAll();
    expect(fetchPage).toHaveBeenCalledTimes(3);
  });
});
`,
    // 0 is never reported.
    `
it('does no retry after cancel', async () => {
  const send = vi.fn().mockRejectedValue(new Error('x'));
  controller.abort();
  expect(send).toHaveBeenCalledTimes(0);
});
`,
    // Retrying switched off (\`retry: false\`): every call is one the test made (TanStack Query).
    `
import { it, expect, vi } from 'vitest';
it('should not mismatch on error', async () => {
  const fetchDataError = vi.fn(() => {
    throw new Error('fetchDataError');
  });
  useQuery({ queryKey: key, queryFn: () => fetchDataError(), retry: false });
  await prefetchClient.prefetchQuery({ queryKey: key, queryFn: () => fetchDataError() });
  expect(fetchDataError).toHaveBeenCalledTimes(2);
});
`,
    // A retry callback is not a retry policy (TanStack Query \`retryOnMount: () => false\`).
    `
import { it, expect, vi } from 'vitest';
it('should refetch when changed enabled to true in error state', async () => {
  const queryFn = vi.fn();
  queryFn.mockResolvedValue({ rows: [] });
  useQuery({ queryKey: key, queryFn, retryOnMount: () => false });
  fireEvent.click(toggle);
  expect(queryFn).toHaveBeenCalledTimes(2);
});
`,
    // The test sets the limit (\`retry: 2\`); 4 is its remount scenario, not an unconfigured default.
    `
import { it, expect } from 'vitest';
it('should continue retries when observers unmount and remount', async () => {
  let count = 0;
  useQuery({
    queryKey: key,
    queryFn: async () => {
      count++;
      return Promise.reject(new Error('some error'));
    },
    retry: 2,
    retryDelay: 100,
  });
  remount();
  expect(count).toBe(4);
});
`,
    // \`retry: 2\` predicts 3 calls; 2 is an intermediate state of the scenario (TanStack Query, paused while offline).
    `
import { it, expect } from 'vitest';
it('online queries should pause retries if you are offline', async () => {
  let count = 0;
  useQuery({
    queryKey: key,
    queryFn: async () => {
      count++;
      throw new Error('failed' + count);
    },
    retry: 2,
  });
  goOffline();
  expect(count).toBe(2);
});
`,
    // A value read back, not a counter the test increments (bullmq).
    `
describe('retries', () => {
  it('retries count considering prioritized jobs', async () => {
    await queue.add('a', {});
    const count = await queue.count();
    expect(count).toBe(9);
  });
});
`,
    // The same action twice makes two calls (bullmq connection tests).
    `
it('clears the cached reconnect promise so subsequent calls can retry', async () => {
  const cluster = createMockClusterClient({ connect: sinon.stub().returns(pending) });
  await expect(client.bzpopmin('marker', 1)).rejects.toThrow(/timed out/);
  await expect(client.bzpopmin('marker', 1)).rejects.toThrow(/timed out/);
  expect(cluster.disconnect.callCount).toBe(2);
});
`,
    // The test retries by hand (bullmq \`job.retry('completed')\`).
    `
it('retries a job that completes', async () => {
  const job = await queue.add('test', { foo: 'bar' });
  await completing;
  await job.retry('completed');
  await completing2;
  expect(job.attemptsMade).toEqual(2);
});
`,
    // The test starts a second reconnect itself (bullmq).
    `
it('waits for a concurrent reconnect started from the end event', async () => {
  const waitUntilReady = sinon.spy(RedisConnection, 'waitUntilReady');
  client.once('end', () => {
    concurrentReconnect = client.connect();
  });
  const reconnecting = connection.reconnect();
  client.emit('end');
  expect(waitUntilReady.callCount).toBe(2);
});
`,
    // \`attempts: 3\` predicts 3 attempts; 2 is the cancelled attempt plus one retry (bullmq).
    `
it('should handle cancellation of job with backoff retry', async () => {
  let attemptCount = 0;
  const worker = new Worker(queueName, async () => {
    attemptCount++;
  });
  const job = await queue.add('test', { foo: 'bar' }, { attempts: 3, backoff: { type: 'fixed', delay: 100 } });
  worker.cancelJob(job.id);
  await completed;
  expect(attemptCount).toBe(2);
});
`,
    // A test whose callback the model cannot see (\`withEffectRoot(fn)\`) keeps its options to itself (svelte-query).
    `
describe('createQuery', () => {
  it(
    'should return the correct states for an unsuccessful query',
    withEffectRoot(async () => {
      createQuery(() => ({ queryKey: key, queryFn, retry: 1, retryDelay: 1 }));
    }),
  );
  it('should cancel an ongoing fetch when refetch is called', async () => {
    let fetchCount = 0;
    render(Base, { props: { options: () => ({ queryFn: () => { fetchCount++; return promise; } }) } });
    await refetchTwice();
    expect(fetchCount).toBe(2);
  });
});
`,
    // A failure behind a flag: fail once, then succeed.
    `
it('retries a job that fails', async () => {
  let failedOnce = false;
  const worker = new Worker(queueName, async () => {
    if (!failedOnce) {
      throw new Error('Not even!');
    }
  });
  await completing;
  expect(job.attemptsMade).toEqual(2);
});
`,
    // A scripted responder: call 0 fails, call 1 fails, then data (urql retryExchange).
    `
import { it, expect, vi } from 'vitest';
it('should reset the retry counter if an operation succeeded first', () => {
  let call = 0;
  const response = vi.fn(() => {
    if (call === 0) {
      call++;
      return failure();
    } else if (call === 1) {
      call++;
      return failureThenData();
    }
    return data();
  });
  run(response);
  expect(response).toHaveBeenCalledTimes(3);
});
`,
    // A fake endpoint answering a fixed number of times (nock \`.times(4)\`, gaxios).
    {
      code: `
const assert = require('assert');
const nock = require('nock');
describe('retry & exponential backoff', () => {
  it('should provide an expected set of defaults', async () => {
    const scope = nock(url).get('/').times(4).reply(500);
    await assert.rejects(request({ url, retry: true }), (e) => {
      assert.strictEqual(getConfig(e).currentRetryAttempt, 3);
      return true;
    });
  });
});
`,
      languageOptions: { parserOptions: { sourceType: 'script' } },
    },
    // A sequence of answers written out (axios-retry's setupResponses with nock replies).
    `
it('should execute for each retry', async () => {
  setupResponses(client, [
    () => nock(host).get('/test').replyWithError(NETWORK_ERROR),
    () => nock(host).get('/test').replyWithError(NETWORK_ERROR),
    () => nock(host).get('/test').reply(200, 'It worked!'),
  ]);
  let retryCount = 0;
  axiosRetry(client, { retryDelay: () => { retryCount += 1; return 0; } });
  await client.get(host + '/test');
  expect(retryCount).toBe(2);
});
`,
    // sinon: the third call succeeds (\`onCall(2)\`).
    `
import sinon from 'sinon';
import { expect } from 'chai';
it('retries until the third call', async () => {
  const send = sinon.stub().rejects(new Error('busy'));
  send.onCall(2).resolves({ ok: true });
  await withRetry(send);
  expect(send.callCount).to.equal(3);
});
`,
    // Runner options are not the code's retry policy.
    `
import { it, expect, vi } from 'vitest';
it('sends the batch', { retry: 3 }, async () => {
  const send = vi.fn();
  await flush(send);
  expect(send).toHaveBeenCalledTimes(4);
});
`,
    // Runner options of a test whose callback is a named function stay with that test.
    `
it('uploads despite flakiness', { retry: 3 }, uploadScenario);
it('sends the batch', async () => {
  await flush(send);
  expect(send).toHaveBeenCalledTimes(4);
});
`,
    `
describe('batching', function () {
  it('sends the batch', async function () {
    this.retries(3);
    await flush(send);
    expect(send.callCount).to.equal(4);
  });
});
`,
    // A loop of the test's own makes the calls.
    `
it('reconnects after each drop', async () => {
  for (const _ of Array.from({ length: 3 })) {
    socket.emit('close');
  }
  expect(connect).toHaveBeenCalledTimes(3);
});
`,
    // A negated count says nothing about the policy.
    `
it('retries on 503', async () => {
  fetchMock.mockResolvedValue({ status: 503 });
  await get('/x');
  expect(fetchMock).not.toHaveBeenCalledTimes(3);
});
`,
    // A stub that always fails in a file that never speaks of retrying drives a fallback, not a retry (renovate, node-red).
    `
import { it, expect, vi } from 'vitest';
it('handles not finding any preset', async () => {
  mockedPresets.getPreset.mockRejectedValue(new Error('not found'));
  const onboardingConfig = await getOnboardingConfig(config);
  expect(mockedPresets.getPreset).toHaveBeenCalledTimes(2);
});
`,
    // The test runs the retrying function twice itself, with a stub that succeeds (renovate \`gitRetry\`).
    `
import { describe, it, expect, vi } from 'vitest';
describe('gitRetry', () => {
  it('returns result if git returns successfully', async () => {
    const gitFunc = vi.fn().mockImplementation((args) => (args === undefined ? 'some result' : 'different result'));
    expect(await git.gitRetry(() => gitFunc())).toBe('some result');
    expect(await git.gitRetry(() => gitFunc('arg'))).toBe('different result');
    expect(gitFunc).toHaveBeenCalledTimes(2);
  });
});
`,
    // A conditional failure in the test's own fake: shallow clone fails, the full clone works (renovate).
    `
import { it, expect, vi } from 'vitest';
it('retries if shallow fails because of dumb http git repo', async () => {
  const mockClone = vi.fn().mockImplementation(async (_url, _path, opts) => {
    if (typeof opts !== 'undefined' && Object.hasOwn(opts, '--depth')) {
      throw new Error('fatal: dumb http transport does not support shallow capabilities');
    }
  });
  await getPkgReleases({ datasource, packageName: 'mypkg' });
  expect(mockClone).toHaveBeenCalledTimes(2);
});
`,
    // No retry evidence at all: an exact count elsewhere is fine.
    `
it('renders each row', () => {
  const onRender = vi.fn();
  renderRows([1, 2, 3], onRender);
  expect(onRender).toHaveBeenCalledTimes(3);
});
`,
    // JSX: two clicks on the retry button, two calls.
    `
import { it, expect, vi } from 'vitest';
it('calls onRetry for each click on the retry button', () => {
  const onRetry = vi.fn();
  const { getByRole } = render(<ErrorBanner onRetry={onRetry} />);
  fireEvent.click(getByRole('button'));
  fireEvent.click(getByRole('button'));
  expect(onRetry).toHaveBeenCalledTimes(2);
});
`,
    // The option accepts a literal equal to the configured limit + 1.
    {
      code: `
it('gives up after three retries', async () => {
  fetchMock.mockRejectedValue(new Error('down'));
  await expect(get('/x', { retries: 3 })).rejects.toThrow();
  expect(fetchMock).toHaveBeenCalledTimes(4);
});
`,
      options: [{ allowConfiguredLimit: true }],
    },
    // node:test: a scripted failure count (\`callCount() < 2\`).
    `
import { test, mock } from 'node:test';
import assert from 'node:assert/strict';
test('retries twice then succeeds', async () => {
  const fn = mock.fn(async () => {
    if (fn.mock.callCount() < 2) throw new Error('flaky');
    return 'ok';
  });
  await retry(fn, { retries: 5 });
  assert.equal(fn.mock.callCount(), 3);
});
`,
    // Fail once, then succeed (sinon): the test's own script fixes two calls (mocha + chai, CommonJS).
    {
      code: `
const sinon = require('sinon');
const { expect } = require('chai');
describe('upload retries', function () {
  it('retries after a transient failure', async function () {
    const send = sinon.stub(api, 'send');
    send.onFirstCall().rejects(new Error('ECONNRESET'));
    send.resolves({ ok: true });
    await uploadWithRetry(api);
    expect(send.callCount).to.equal(2);
    expect(send).to.have.been.calledTwice;
  });
});
`,
      languageOptions: { parserOptions: { sourceType: 'script' } },
    },
    // A retry predicate the test passes in decides when retrying stops (TanStack Query \`retry: fn\`).
    `
import { describe, it, expect, vi } from 'vitest';
const retryTwice = (failureCount: number) => failureCount < 2;
describe('useQuery retries', () => {
  it('retries with the given predicate', async () => {
    const queryFn = vi.fn().mockRejectedValue(new Error('down'));
    useQuery({ queryKey: key, queryFn, retry: retryTwice, retryDelay: 1 });
    expect(queryFn).toHaveBeenCalledTimes(3);
  });
  it('asks the strategy before each retry', async () => {
    const send = vi.fn().mockRejectedValue(new Error('down'));
    await expect(withRetry(send, { shouldRetry: isTransient })).rejects.toThrow('down');
    expect(send).toHaveBeenCalledTimes(4);
  });
});
`,
    // A scripted responder: two 429s, then 200.
    `
import { it, expect, vi } from 'vitest';
it('retries rate-limited requests', async () => {
  const statuses = [429, 429, 200];
  const fetchMock = vi.fn(async () => new Response(null, { status: statuses.shift() }));
  await getWithRetry(fetchMock, '/users');
  expect(fetchMock).toHaveBeenCalledTimes(3);
});
`,
    // jest-fetch-mock's scripted answers, one per call.
    `
it('retries after a 503 and a 429', async () => {
  fetch.mockResponses(['', { status: 503 }], ['', { status: 429 }], ['{}', { status: 200 }]);
  await fetchWithRetry('/users');
  expect(fetch).toHaveBeenCalledTimes(3);
});
`,
    // Three explicit calls of the test's own make three requests.
    `
import { it, expect, vi } from 'vitest';
it('resets the retry budget after each success', async () => {
  const send = vi.fn().mockResolvedValue({ status: 200 });
  const client = createClient({ send });
  await client.get('/a');
  await client.get('/b');
  await client.get('/c');
  expect(send).toHaveBeenCalledTimes(3);
});
`,
    // Fake-timer advances of a poll: one call at start and one per advance.
    `
import { it, expect, jest } from '@jest/globals';
it('polls again after each backoff', async () => {
  jest.useFakeTimers();
  const check = jest.fn().mockRejectedValue(new Error('not ready'));
  startPolling(check, { interval: 1000 });
  await jest.advanceTimersByTimeAsync(1000);
  await jest.advanceTimersByTimeAsync(1000);
  await jest.advanceTimersByTimeAsync(1000);
  expect(check).toHaveBeenCalledTimes(4);
});
`,
    // Log lines counted by a logging function's name (firebase-tools \`logLabeledWarning\`).
    `
import sinon from 'sinon';
import { expect } from 'chai';
describe('deploy retries', () => {
  it('warns before each retry', async () => {
    const logLabeledWarning = sinon.stub(utils, 'logLabeledWarning');
    const upload = sinon.stub().rejects(new Error('503'));
    await deployWithRetry(upload).catch(() => {});
    expect(logLabeledWarning.calledTwice).to.be.true;
    expect(warnSpy).to.have.callCount(3);
  });
});
`,
    // The protocol is stated in the title: once retried means two calls; "3 attempts" means three.
    `
it('retries once with a refreshed token', async () => {
  const send = jest.fn().mockResolvedValue({ status: 401 });
  await client.get('/me', { send }).catch(() => {});
  expect(send).toHaveBeenCalledTimes(2);
});
it('should fail after max retries (3 attempts)', async () => {
  prisma.docs.create.mockRejectedValue(uniqueConstraintError);
  await service.createDoc(args);
  expect(prisma.docs.create).toHaveBeenCalledTimes(3);
});
`,
    // Limits the test sets under other names own the policy: \`limitRetriesTo\`, \`maxRetriesPerRequest\`.
    `
import { it, expect, vi } from 'vitest';
it('gives up after the retry limit', async () => {
  const send = vi.fn().mockRejectedValue(new Error('down'));
  await expect(client.get('/x', { send, limitRetriesTo: 7 })).rejects.toThrow();
  expect(send).toHaveBeenCalledTimes(5);
});
it('fails pending commands when the connection drops', async () => {
  const redis = new Redis({ port, maxRetriesPerRequest: 2 });
  const connect = vi.spyOn(redis, 'connect').mockRejectedValue(new Error('ECONNREFUSED'));
  await redis.get('key').catch(() => {});
  expect(connect).toHaveBeenCalledTimes(2);
});
`,
    // A positional limit: \`new RetryHelper(3, …)\` makes three attempts.
    `
import { test, expect, jest } from '@jest/globals';
test('retries the operation', async () => {
  const op = jest.fn<() => Promise<void>>().mockRejectedValue(new Error('x'));
  const helper = new RetryHelper(3, 0, 0);
  await expect(helper.execute(op)).rejects.toThrow();
  expect(op).toHaveBeenCalledTimes(3);
});
`,
    // Round 11 (V9 labels): the test hands the code its always-failing double and the limit by position
    // (\`ensureNotBusy(path, 1, 3, open)\`): the count is the number the test passed.
    `
import { describe, test, vi } from 'vitest';
describe('ensureNotBusy', () => {
  test('is bounded — gives up after maxAttempts when the lock never clears', async ({ expect }) => {
    const open = vi.fn().mockRejectedValue(codeError('EBUSY'));
    await expect(ensureNotBusy('C:/kit/forever-locked.exe', 1, 3, open)).resolves.toBeUndefined();
    expect(open).toHaveBeenCalledTimes(3);
  });
});
`,
    // A limit the test sets from a value it computes still owns the policy.
    `
it('retries as configured', async () => {
  const send = vi.fn().mockRejectedValue(new Error('down'));
  await expect(get('/x', { send, retries: config.retries })).rejects.toThrow();
  expect(send).toHaveBeenCalledTimes(4);
});
`,
    // A past-tense counter counts the jobs that were retried, not the attempts (bull \`q.retried\`).
    `
const { expect } = require('chai');
describe('retryJobs', function () {
  it('retries every failed job', async function () {
    await q.retryJobs();
    expect(q.retried).to.equal(2);
  });
});
`,
    // node:test: the test calls the retrying code twice itself (different arguments).
    `
import { test, mock } from 'node:test';
import assert from 'node:assert/strict';
test('does a fresh retry budget per call', async () => {
  const fn = mock.fn(async () => 'ok');
  await withRetry(() => fn('a'));
  await withRetry(() => fn('b'));
  assert.equal(fn.mock.callCount(), 2);
});
`,
    // A helper of the file sets the limit: the file owns the policy, so the count is not an unset default.
    `
import { describe, it, expect, vi } from 'vitest';
const makeClient = (send: () => Promise<unknown>) => createClient({ send, maxRetries: 2 });
describe('client retries', () => {
  it('gives up after the configured retries', async () => {
    const send = vi.fn().mockRejectedValue(new Error('down'));
    await expect(makeClient(send).get('/x')).rejects.toThrow();
    expect(send).toHaveBeenCalledTimes(3);
  });
});
`,
    // A limit set by a call with a value the rule cannot read (\`setRetries(config.retries)\`) is still set by the test.
    `
import { it, expect, vi } from 'vitest';
it('retries as configured', async () => {
  const send = vi.fn().mockRejectedValue(new Error('down'));
  client.setRetries(config.retries);
  await client.get('/x', { send }).catch(() => {});
  expect(send).toHaveBeenCalledTimes(4);
});
`,
    // Round 3: \`onFirstCall().rejects()\` then \`resolves()\` on a member of a stubbed namespace (\`sinon.stub(gcfNS)\`): fail once, then succeed.
    `
import { expect } from 'chai';
import * as sinon from 'sinon';
import * as gcfNS from './cloudfunctions';
describe('fabricator', () => {
  let gcf: sinon.SinonStubbedInstance<typeof gcfNS>;
  beforeEach(() => {
    gcf = sinon.stub(gcfNS);
    gcf.createFunction.rejects(new Error('unexpected createFunction'));
  });
  it('deletes the broken function and retries on quota exhaustion', async () => {
    gcf.createFunction.onFirstCall().rejects({ message: 'quota exhausted', code: 8 });
    gcf.createFunction.resolves({ name: 'op', done: false });
    await fabricator.createFunction(endpoint);
    expect(gcf.createFunction).to.have.been.calledTwice;
  });
});
`,
    // Round 3: the same with \`onCall(2)\` in a hook (JS, CommonJS): the third call succeeds.
    {
      code: `
const sinon = require('sinon');
const { expect } = require('chai');
describe('upload retries', function () {
  beforeEach(function () {
    api.send.rejects(new Error('ECONNRESET'));
    api.send.onCall(2).resolves({ ok: true });
  });
  it('retries until the upload goes through', async function () {
    await uploadWithRetry(api);
    expect(api.send.callCount).to.equal(3);
  });
});
`,
      languageOptions: { parserOptions: { sourceType: 'script' } },
    },
    // Round 3: the title states the count with what it counts, in words that are not retry words ('after 5 createBucket conflicts').
    {
      code: `
const sinon = require('sinon');
const { expect } = require('chai');
describe('upsertBucket', function () {
  it('retries with a random suffix on a conflict', async function () {
    createBucketStub.onFirstCall().rejects(conflictError);
    createBucketStub.onSecondCall().resolves({ name: 'b-x' });
    await upsertBucket(req);
  });
  it('should error out after 5 createBucket conflicts', async function () {
    createBucketStub.rejects(conflictError);
    await expect(upsertBucket(req)).to.be.rejectedWith('could not create a bucket');
    expect(createBucketStub.callCount).to.equal(5);
  });
});
`,
      languageOptions: { parserOptions: { sourceType: 'script' } },
    },
    // Round 3: the error message the test asserts states the count ('after 3 attempts'): the code reports its own limit.
    `
import { describe, it, expect, vi } from 'vitest';
describe('withRetry', () => {
  it('surfaces the last error', async () => {
    const send = vi.fn().mockRejectedValue(new Error('offline'));
    await expect(withRetry(send)).rejects.toThrow('Gave up after 3 attempts: offline');
    expect(send).toHaveBeenCalledTimes(3);
  });
});
`,
    // Round 3: node:test, the message asserted by a regular expression.
    `
import { describe, it, mock } from 'node:test';
import assert from 'node:assert/strict';
describe('withRetry', () => {
  it('surfaces the last error', async () => {
    const send = mock.fn(async () => { throw new Error('offline'); });
    await assert.rejects(withRetry(send), /failed after 4 tries/);
    assert.equal(send.mock.callCount(), 4);
  });
});
`,
    // Round 3: a sibling title states the protocol ('should retry once'); this test's 3 = two files, one of them retried once.
    `
import { expect } from 'chai';
import * as sinon from 'sinon';
describe('uploadSourceMaps', () => {
  it('should retry once on failure if wait step succeeds', async () => {
    uploadStub.onFirstCall().rejects(new Error('transient'));
    uploadStub.onSecondCall().resolves({});
    await uploadSourceMaps([fileOne], request);
    expect(uploadStub.callCount).to.equal(2);
  });
  it('should track failed files if retry attempt also fails', async () => {
    uploadStub.callsFake((source) => (source.file.includes('file2') ? Promise.reject(new Error('permanent')) : Promise.resolve({})));
    const result = await uploadSourceMaps([fileOne, fileTwo], request);
    expect(result.failedFiles).to.deep.equal(['file2']);
    expect(archiveStub.callCount).to.equal(3);
  });
});
`,
    // Round 3: a helper of the file that the test calls switches retrying off (\`maxRequestRetries: 0\`): 2 calls are a fallback, not retries.
    `
import { describe, test, expect, vi } from 'vitest';
describe('adaptive crawler', () => {
  const makeOneshotCrawler = async (options, sources) =>
    new AdaptiveCrawler({ maxConcurrency: 1, maxRequestRetries: 0, requestList: await RequestList.open({ sources }), ...options });
  const requestHandler = vi.fn(async () => { throw new Error('HTTP handler failed'); });
  test('falls back to the browser when the HTTP attempt fails', async () => {
    const crawler = await makeOneshotCrawler({ requestHandler }, ['http://localhost/static']);
    await crawler.run();
    expect(requestHandler).toHaveBeenCalledTimes(2);
  });
});
`,
    // Round 3: the same with a helper function declaration (jest, JS).
    `
function makeQueue(handler) {
  return new Queue({ handler, retries: 0 });
}
describe('queue retries', () => {
  it('runs the handler once per job', async () => {
    const handler = jest.fn().mockRejectedValue(new Error('boom'));
    const queue = makeQueue(handler);
    await queue.push({ id: 1 });
    await queue.drain();
    expect(handler).toHaveBeenCalledTimes(2);
  });
});
`,
    // Round 3: a retry library testing its own default, as the title says ('without any config options').
    `
import { describe, test, expect, vi } from 'vitest';
describe('configuration', () => {
  test('retrying without any config options', async () => {
    const baseQuery = vi.fn().mockResolvedValue({ error: 'rejected' });
    await runQuery(retry(baseQuery));
    expect(baseQuery).toHaveBeenCalledTimes(6);
  });
});
`,
    // Round 3: the suite says its tests check the default policy (mocha + chai + sinon, JS).
    {
      code: `
const sinon = require('sinon');
const { expect } = require('chai');
describe('default retry policy', function () {
  it('gives up when the server keeps failing', async function () {
    const send = sinon.stub().rejects(new Error('503'));
    await createClient({ send }).get('/users').catch(() => {});
    expect(send.callCount).to.equal(4);
  });
});
`,
      languageOptions: { parserOptions: { sourceType: 'script' } },
    },
    // Round 3: "every verification attempt" is one attempt per signature the test provides, not a retry.
    `
import { vi, test, expect } from 'vitest';
test('returns the typed mismatch error after every verification attempt fails', async () => {
  headers.set('webhook-signature', 'v1,AA== v1,AQ==');
  const verify = vi.spyOn(crypto.subtle, 'verify').mockRejectedValue(new Error('synthetic verification failure'));
  await expect(client.webhooks.verifySignature(payload, headers, secret)).rejects.toThrow('does not match');
  expect(verify).toHaveBeenCalledTimes(2);
});
`,
    // Round 4 (V2/V3 labels): the count of a double the test never makes fail is the scenario's arithmetic, even in a
    // retry suite: a flush triggered every 2 of 4 steps (vitest).
    `import { describe, test, expect, vi } from 'vitest';
describe('checkpointing with retries', () => {
  test('buffer is cleared after a successful checkpoint', async () => {
    const checkpoint = vi.fn().mockResolvedValue(undefined);
    await runExecution({ checkpoint, steps: 4, bufferedSteps: 2 });
    expect(checkpoint).toHaveBeenCalledTimes(2);
  });
});
`,
    // Round 4: a spy on a step that succeeds counts the events the test sends (jest globals, retry suite title).
    `describe('delivery retries', () => {
  it('dispatches every event once', async () => {
    const trackSpy = jest.spyOn(plugin, 'track');
    await Promise.all([analytics.track('a'), analytics.track('b'), analytics.track('c')]);
    expect(trackSpy).toHaveBeenCalledTimes(3);
  });
});
`,
    // Round 4: a counter kept in a callback that succeeds counts what the scenario made happen (mocha + chai, JS).
    `const { expect } = require('chai');
describe('when retried', function () {
  it('returns the value of the final call to the executor', async function () {
    let counter = 0;
    const result = await session.withTransaction(async () => {
      counter += 1;
      return counter;
    });
    expect(counter).to.equal(3);
  });
});
`,
    // Round 4: an attempt counter in an implementation that fails until the test's own threshold (node:test).
    `import { test } from 'node:test';
import assert from 'node:assert/strict';
test('jittered retry happy case', async () => {
  const resolveAt = 3;
  let attempts = 0;
  await jitteredExponentialRetry(async () => {
    if (attempts >= resolveAt) {
      return 'done';
    }
    attempts++;
    throw new Error('Expected failure');
  }, []);
  assert.equal(attempts, 3);
});
`,
    // Round 4 (was invalid): a call list counted in a retry suite, with no double made to fail in the test.
    `
describe('retrying', () => {
  it('stops after the limit', async () => {
    await expect(load()).rejects.toThrow();
    expect(fetchMock.mock.calls).toHaveLength(3);
  });
});
`,
    // Round 4: a comment on the lines above the assertion adds the count up (jest).
    `import { it, expect, jest } from '@jest/globals';
it('throws when initial polling reaches the retry limit', async () => {
  const fetch = jest.fn().mockImplementation(() => mockResponse('', 500));
  await dataManager.identify(resolve, reject, context);
  // Should attempt the initial request
  // + 3 retries = 4 total attempts
  expect(fetch).toHaveBeenCalledTimes(4);
});
`,
    // Round 4: a comment ending the line multiplies the count out (vitest, not a retry: 4 URLs × 2 header variants).
    `import { describe, it, expect, vi } from 'vitest';
describe('discovery retries', () => {
  it('returns undefined when all discovery URLs fail', async () => {
    const fetch = vi.fn().mockImplementation(() => Promise.reject(new TypeError('CORS error')));
    expect(await discover('https://auth.example.com', { fetch })).toBeUndefined();
    expect(fetch).toHaveBeenCalledTimes(8); // 4 URLs × 2 attempts each (with and without headers)
  });
});
`,
    // Round 4: a sibling test's comment states the fixed protocol; another test of the suite applies it (jest, TS).
    `import { it, expect, jest } from '@jest/globals';
it('exhausts retries on a recoverable error', async () => {
  const poll = jest.fn().mockResolvedValue({ status: 500 });
  await createPollingInitializer({ poll }).run();
  // 1 initial + 3 retries = 4 total
  expect(poll).toHaveBeenCalledTimes(4);
});
it('exhausts retries on a network error', async () => {
  const poll = jest.fn().mockRejectedValue(new Error('network failure'));
  await createPollingInitializer({ poll }).run();
  expect(poll).toHaveBeenCalledTimes(4);
});
`,
    // Round 4: the test calls the code three times itself; a circuit breaker lets two of them reach the stub
    // (mocha + chai + sinon, TS).
    `import { stub } from 'sinon';
import { expect } from 'chai';
describe('CircuitBreakerPolicy with retries', () => {
  it('opens after failing calls', async () => {
    const s = stub().throws(new MyException());
    await expect(p.execute(s)).to.be.rejectedWith(MyException);
    await expect(p.execute(s)).to.be.rejectedWith(MyException);
    await expect(p.execute(s)).to.be.rejectedWith(BrokenCircuitError);
    expect(s).calledTwice;
  });
});
`,
    // Round 4: a limit set in a hook under a key that ends in what it counts (\`fetchRetryCount\`): 4 = 3 + 1 (jest).
    `describe('flush', () => {
  beforeEach(() => {
    [posthog, mocks] = createTestClient('KEY', { flushAt: 10, fetchRetryCount: 3, fetchRetryDelay: 100 });
  });
  it('responds with an error after retries with network error', async () => {
    mocks.fetch.mockImplementation(() => Promise.reject(new Error('network problems')));
    await expect(posthog.flush()).rejects.toHaveProperty('name', 'PostHogFetchNetworkError');
    expect(mocks.fetch).toHaveBeenCalledTimes(4);
  });
});
`,
    // Round 4: \`connectionRetries: 2\` is a limit: 3 calls restate it (mocha + sinon, JS).
    `const sinon = require('sinon');
const assert = require('node:assert');
describe('session storage', function () {
  it('allows overriding connection retry settings', async function () {
    const connect = sinon.stub().rejects(new Error('missing table'));
    const storage = new SessionStorage({ connect, connectionRetries: 2 });
    await assert.rejects(storage.findSessions('shop'));
    assert.equal(connect.callCount, 3);
  });
});
`,
    // Round 4: a positional limit and a stub that never fails (the code retries on a collision, \`true\`): 11 = 10 + 1.
    `import { it, expect, jest } from '@jest/globals';
it('rejects when the retry limit is reached', async () => {
  const hasUserWithId = jest.fn().mockImplementation(async () => true);
  await expect(generateUserId(hasUserWithId, 10)).rejects.toThrow('Cannot generate user ID in reasonable retries');
  expect(hasUserWithId).toHaveBeenCalledTimes(11);
});
`,
    // Round 4: equal steps of a fake clock in the hook and the test count heartbeats, here with a callback that gets an
    // error every time (mocha + chai + sinon, JS).
    `const sinon = require('sinon');
const { expect } = require('chai');
describe('MonitorInterval retries', function () {
  let clock, fnSpy;
  beforeEach(function () {
    clock = sinon.useFakeTimers();
    fnSpy = sinon.spy((cb) => cb(new Error('ahh')));
    executor = new MonitorInterval(fnSpy, { heartbeatFrequencyMS: 30 });
    clock.tick(30);
  });
  it('reschedules another call to fn() in the future', function () {
    clock.tick(30);
    expect(fnSpy.calledTwice).to.be.true;
  });
});
`,
    // Round 5: the retry helper's own suite (the suite is named after it): the test hands it an operation that always
    // fails, and the count is the helper's default, the contract under test (vitest, a local wrapper of the import).
    `import { describe, it, expect } from 'vitest';
import { retryOnFailure as retryWithLogger } from '@acme/utils';
describe('retryOnFailure', () => {
  it('throws the error after all retries fail', async () => {
    let attempts = 0;
    await expect(() =>
      retryOnFailure(() => {
        attempts++;
        throw new Error('500 error');
      }),
    ).rejects.toThrow('500 error');
    expect(attempts).toBe(3);
  });
});
function retryOnFailure(action, backoff) {
  return retryWithLogger(action, console, backoff);
}
`,
    // Round 5: the retry helper's own suite, recognised by the module under test (\`retry.test.ts\` imports \`../src/retry\`):
    // the always-failing double is the operation the test hands the helper (jest, TS).
    {
      code: `import { it, expect, jest } from '@jest/globals';
import { withRetry } from '../src/retry';
it('gives up when the operation keeps failing', async () => {
  const operation = jest.fn().mockRejectedValue(new Error('ECONNRESET'));
  await expect(withRetry(operation)).rejects.toThrow('ECONNRESET');
  expect(operation).toHaveBeenCalledTimes(4);
});
`,
      filename: 'retry.test.ts',
    },
    // Round 5: the helper's own suite, recognised by the file named after it; the operation wraps the stub
    // (mocha + chai + sinon, CommonJS).
    {
      code: `const sinon = require('sinon');
const { expect } = require('chai');
const { retryAsync } = require('./utils');
describe('when the task keeps failing', function () {
  it('stops retrying', async function () {
    const task = sinon.stub().rejects(new Error('busy'));
    await retryAsync(() => task('job')).catch(() => {});
    expect(task.callCount).to.equal(5);
  });
});
`,
      filename: 'retry-async.spec.js',
      languageOptions: { parserOptions: { sourceType: 'script' } },
    },
    // Round 5: the helper's own suite named in a method-style title (\`pRetry()\`), node:test with an always-throwing mock.
    `import { describe, it, mock } from 'node:test';
import assert from 'node:assert';
import pRetry from '../lib/index.js';
describe('pRetry()', () => {
  it('rethrows the last error', async () => {
    const op = mock.fn(async () => { throw new Error('down'); });
    await assert.rejects(pRetry(op));
    assert.strictEqual(op.mock.callCount(), 5);
  });
});
`,
    // Round 5: the suite is named after the helper the file imports from its own module (\`retry.test.ts\`, \`./retry\`) (vitest).
    {
      code: `import { describe, test, expect, vi } from 'vitest';
import { retry } from './retry';
describe('retry', () => {
  test('rethrows when the lock persists', async () => {
    const execute = vi.fn().mockRejectedValue(new Error('locked'));
    await expect(retry(execute)).rejects.toThrow('locked');
    expect(execute).toHaveBeenCalledTimes(5);
  });
});
`,
      filename: 'retry.test.ts',
    },
    // Round 5: an implementation that hands an error to a logger of the file, not to a handler its caller passes in,
    // does not fail the call (vitest).
    `import { describe, test, expect, vi } from 'vitest';
describe('hookStart retries', () => {
  test('warns on every start', async () => {
    vi.mocked(exec).mockImplementation(async (command, args, options) => {
      logger.warn(new Error('deprecated flag'));
    });
    await hookStart(1234);
    expect(exec).toBeCalledTimes(2);
  });
});
`,
    // Round 5: a callback answered with no error succeeds (mocha + sinon, CommonJS).
    {
      code: `const sinon = require('sinon');
const assert = require('node:assert');
describe('reconnect', function () {
  it('connects', async function () {
    const connect = sinon.stub().callsFake((options, done) => {
      done(null, new Connection());
    });
    await start(connect);
    assert.equal(connect.callCount, 2);
  });
});
`,
      languageOptions: { parserOptions: { sourceType: 'script' } },
    },
  ],
  invalid: [
    // Round 11: numbers handed to a call that is not given the failing double set no limit for it.
    {
      code: `
import { describe, test, vi } from 'vitest';
describe('ensureNotBusy retries', () => {
  test('gives up when the lock never clears', async ({ expect }) => {
    const open = vi.fn().mockRejectedValue(codeError('EBUSY'));
    const file = makeFile('C:/kit/forever-locked.exe', 3);
    await expect(ensureNotBusy(file, open)).resolves.toBeUndefined();
    expect(open).toHaveBeenCalledTimes(3);
  });
});
`,
      errors: [{ messageId: 'magicRetryCount', line: 8, column: 40 }],
    },
    // Round 3: a sibling title that counts the scenario's failures ('after two 429s') states no protocol.
    {
      code: `
import { describe, it, expect, vi } from 'vitest';
describe('client retries', () => {
  it('retries after two 429s', async () => {
    const send = vi.fn().mockResolvedValueOnce({ status: 429 }).mockResolvedValueOnce({ status: 429 }).mockResolvedValueOnce({ status: 200 });
    await createClient({ send }).get('/x');
    expect(send).toHaveBeenCalledTimes(3);
  });
  it('gives up when the server keeps failing', async () => {
    const send = vi.fn().mockResolvedValue({ status: 503 });
    await createClient({ send }).get('/x').catch(() => {});
    expect(send).toHaveBeenCalledTimes(6);
  });
});
`,
      errors: [{ messageId: 'magicRetryCount', line: 12, column: 40 }],
    },
    // Round 8: the same command without a timeout: the count pins the command's hidden backoff defaults.
    {
      code: `
import { describe, test, expect, jest } from '@jest/globals';
describe('gate evaluation', () => {
  test('should succeed when requests fail but succeed on retry', async () => {
    const { code } = await runCLI(['--service', 'svc', '--env', 'prod']);
    expect(code).toBe(0);
  });
  test('should fail when gate evaluation request fails with 500', async () => {
    const mockError = Object.assign(new Error('Request failed with status code 500'), { response: { status: 500 } });
    const mockApi = {
      requestGateEvaluation: jest.fn().mockRejectedValue(mockError),
      getGateEvaluationResult: jest.fn(),
    };
    jest.spyOn(apiModule, 'apiConstructor').mockReturnValue(mockApi);
    const runPromise = runCLI(['--service', 'svc', '--env', 'prod']);
    await jest.runAllTimersAsync();
    const { code } = await runPromise;
    expect(code).toBe(0);
    expect(mockApi.requestGateEvaluation).toHaveBeenCalledTimes(6);
  });
});
`,
      errors: [{ messageId: 'magicRetryCount', line: 19, column: 65 }],
    },
    // Round 3: a helper that switches retrying off counts only for the tests that call it.
    {
      code: `
import { describe, test, expect, vi } from 'vitest';
describe('crawler retries', () => {
  const makeOneshotCrawler = (options) => new Crawler({ maxRequestRetries: 0, ...options });
  test('gives up on a failing handler', async () => {
    const requestHandler = vi.fn(async () => { throw new Error('boom'); });
    await new Crawler({ requestHandler }).run();
    expect(requestHandler).toHaveBeenCalledTimes(4);
  });
  test('runs once', async () => {
    await makeOneshotCrawler({}).run();
  });
});
`,
      errors: [{ messageId: 'magicRetryCount', line: 8, column: 50 }],
    },
    // Round 3: a protocol stated in another suite's titles documents nothing here (mocha + chai + sinon, JS).
    {
      code: `
const sinon = require('sinon');
const { expect } = require('chai');
describe('upload', function () {
  const uploadStub = sinon.stub();
  describe('single file', function () {
    it('should retry once on failure', async function () {
      uploadStub.onFirstCall().rejects(new Error('transient'));
      await upload([fileOne]);
      expect(uploadStub).to.have.been.calledTwice;
    });
  });
  describe('many files', function () {
    it('should track failed files after retrying', async function () {
      uploadStub.rejects(new Error('permanent'));
      await upload([fileOne, fileTwo]);
      expect(uploadStub.callCount).to.equal(6);
    });
  });
});
`,
      languageOptions: { parserOptions: { sourceType: 'script' } },
      errors: [{ messageId: 'magicRetryCount', line: 17, column: 45 }],
    },
    // Round 3: a number in the title that counts something else ('2 files with retries') states no retry count.
    {
      code: `
import { it, expect, jest } from '@jest/globals';
it('uploads 2 files with retries', async () => {
  const send = jest.fn().mockRejectedValue(new Error('down'));
  await uploadAll([a, b], { send }).catch(() => {});
  expect(send).toHaveBeenCalledTimes(8);
});
`,
      errors: [{ messageId: 'magicRetryCount', line: 6, column: 38 }],
    },
    // Round 2: a jump from an earlier count is not one step of the test's own: still a policy count.
    {
      code: `
import { it, expect, vi } from 'vitest';
it('retries until it gives up', async () => {
  const send = vi.fn().mockRejectedValue(new Error('offline'));
  const pending = createClient({ send }).get('/users').catch(() => {});
  expect(send).toHaveBeenCalledTimes(1);
  await vi.runAllTimersAsync();
  await pending;
  expect(send).toHaveBeenCalledTimes(4);
});
`,
      errors: [{ messageId: 'magicRetryCount', line: 9, column: 38 }],
    },
    // jest globals: an always-failing stub and a count nobody configured.
    {
      code: `
describe('fetchWithRetry', () => {
  it('gives up eventually', async () => {
    fetchMock.mockRejectedValue(new Error('ECONNRESET'));
    await expect(fetchWithRetry('/users')).rejects.toThrow('ECONNRESET');
    expect(fetchMock).toHaveBeenCalledTimes(4);
  });
});
`,
      errors: [{ messageId: 'magicRetryCount', line: 6, column: 45 }],
    },
    // vitest: in a file about retrying, a fetch stub that always answers 503 is evidence by itself.
    {
      code: `
import { describe, it, expect, vi } from 'vitest';
describe('loadUsers', () => {
  it('reports the outage', async () => {
    const fetchMock = vi.fn().mockResolvedValue({ status: 503 });
    await expect(loadUsers(fetchMock)).rejects.toThrow('unavailable');
    expect(fetchMock).toHaveBeenCalledTimes(3);
  });
  it('waits between attempts', async () => {
    await loadUsers(vi.fn(), { retryDelay: 10 });
  });
});
`,
      errors: [{ messageId: 'magicRetryCount', line: 7, column: 45 }],
    },
    // The literal restates the configured limit + 1: derive it.
    {
      code: `
import { it, expect, vi } from 'vitest';
it('sends the request again after a failure', async () => {
  const send = vi.fn();
  const client = createClient({ send, maxRetries: 3 });
  send.mockRejectedValue(new Error('offline'));
  await expect(client.get('/users')).rejects.toThrow('offline');
  expect(send).toHaveBeenCalledTimes(4);
});
`,
      options: [{ allowConfiguredLimit: false }],
      errors: [
        {
          messageId: 'configuredLimit',
          line: 8,
          column: 38,
          suggestions: [
            {
              messageId: 'deriveCount',
              data: { expression: 'maxRetries + 1' },
              output: `
import { it, expect, vi } from 'vitest';
it('sends the request again after a failure', async () => {
  const maxRetries = 3;
  const send = vi.fn();
  const client = createClient({ send, maxRetries });
  send.mockRejectedValue(new Error('offline'));
  await expect(client.get('/users')).rejects.toThrow('offline');
  expect(send).toHaveBeenCalledTimes(maxRetries + 1);
});
`,
            },
          ],
        },
      ],
    },
    // A named constant configures the limit: the suggestion reuses it.
    {
      code: `
const MAX_RETRIES = 2;
test('retries a 503', async () => {
  fetchMock.mockResolvedValue({ status: 503 });
  await get('/x', { retries: MAX_RETRIES });
  expect(fetchMock).toHaveBeenCalledTimes(3);
});
`,
      options: [{ allowConfiguredLimit: false }],
      errors: [
        {
          messageId: 'configuredLimit',
          line: 6,
          column: 43,
          suggestions: [
            {
              messageId: 'deriveCount',
              data: { expression: 'MAX_RETRIES + 1' },
              output: `
const MAX_RETRIES = 2;
test('retries a 503', async () => {
  fetchMock.mockResolvedValue({ status: 503 });
  await get('/x', { retries: MAX_RETRIES });
  expect(fetchMock).toHaveBeenCalledTimes(MAX_RETRIES + 1);
});
`,
            },
          ],
        },
      ],
    },
    // A count equal to the limit (bullmq's `attempts` counts every attempt).
    {
      code: `
it('fails after all attempts', async () => {
  const job = await queue.add('test', {}, { attempts: 3, backoff: 100 });
  await failed;
  expect(job.attemptsMade).toBe(3);
});
`,
      options: [{ allowConfiguredLimit: false }],
      errors: [
        {
          messageId: 'configuredLimit',
          line: 5,
          column: 33,
          suggestions: [
            {
              messageId: 'deriveCount',
              data: { expression: 'attempts' },
              output: `
it('fails after all attempts', async () => {
  const attempts = 3;
  const job = await queue.add('test', {}, { attempts, backoff: 100 });
  await failed;
  expect(job.attemptsMade).toBe(attempts);
});
`,
            },
          ],
        },
      ],
    },
    // A retry counter equal to \`retries\` (axios-retry's onRetry): suggest the option's name.
    {
      code: `
it('should resolve with correct number of retries', async () => {
  let retryCalled = 0;
  const onRetry = () => {
    retryCalled += 1;
  };
  axiosRetry(client, { retries: 2, onRetry });
  await client.get('/test').catch(() => {});
  expect(retryCalled).toBe(2);
});
`,
      options: [{ allowConfiguredLimit: false }],
      errors: [
        {
          messageId: 'configuredLimit',
          line: 9,
          column: 28,
          suggestions: [
            {
              messageId: 'deriveCount',
              data: { expression: 'retries' },
              output: `
it('should resolve with correct number of retries', async () => {
  const retries = 2;
  let retryCalled = 0;
  const onRetry = () => {
    retryCalled += 1;
  };
  axiosRetry(client, { retries, onRetry });
  await client.get('/test').catch(() => {});
  expect(retryCalled).toBe(retries);
});
`,
            },
          ],
        },
      ],
    },
    // mocha + chai + sinon: `stub.rejects()` always fails.
    {
      code: `
import sinon from 'sinon';
import { expect } from 'chai';
describe('client', () => {
  it('retries on network errors', async () => {
    const send = sinon.stub().rejects(new Error('ECONNRESET'));
    await request(send).catch(() => {});
    expect(send.callCount).to.equal(3);
  });
});
`,
      errors: [{ messageId: 'magicRetryCount', line: 8, column: 37 }],
    },
    // sinon-chai spellings.
    {
      code: `
import sinon from 'sinon';
import { expect } from 'chai';
describe('backoff', () => {
  it('waits between calls', async () => {
    const send = sinon.stub().rejects(new Error('busy'));
    await run(send);
    expect(send).to.have.callCount(5);
    expect(send).to.have.been.calledThrice;
  });
});
`,
      errors: [
        { messageId: 'magicRetryCount', line: 8, column: 36 },
        { messageId: 'magicRetryCount', line: 9, column: 31 },
      ],
    },
    // sinon.assert spellings.
    {
      code: `
import sinon from 'sinon';
it('retries the upload', async () => {
  const upload = sinon.stub().rejects(new Error('EPIPE'));
  await sync(upload);
  sinon.assert.callCount(upload, 3);
});
`,
      errors: [{ messageId: 'magicRetryCount', line: 6, column: 34 }],
    },
    // node:test: `mock.fn` that always throws, `fn.mock.callCount()`.
    {
      code: `
import { test, mock } from 'node:test';
import assert from 'node:assert/strict';
test('retries a failing job', async () => {
  const fn = mock.fn(async () => {
    throw new Error('down');
  });
  await assert.rejects(runJob(fn));
  assert.strictEqual(fn.mock.callCount(), 3);
});
`,
      errors: [{ messageId: 'magicRetryCount', line: 9, column: 43 }],
    },
    // node:test: a hand-written attempt counter is evidence by its name.
    {
      code: `
import { test } from 'node:test';
test('eventually gives up', async (t) => {
  let attempts = 0;
  await connect(() => {
    attempts++;
    throw new Error('refused');
  }).catch(() => {});
  t.assert.equal(attempts, 4);
});
`,
      errors: [{ messageId: 'magicRetryCount', line: 9, column: 28 }],
    },
    // Round 4 (V3 labels, TP): a counter kept in a stream override that always fails pins the default limit (mocha + chai, TS).
    {
      code: `
import { expect } from 'chai';
describe('query', () => {
  it('handles stream exception during initialization', async () => {
    let attempts = 0;
    const overrides = {
      runQuery: () => {
        ++attempts;
        return stream(new Error('Expected error'));
      },
    };
    firestore = await createInstance(overrides);
    await expect(firestore.collection('c').get()).to.eventually.be.rejectedWith('Expected error');
    expect(attempts).to.equal(5);
  });
});
`,
      errors: [{ messageId: 'magicRetryCount', line: 14, column: 31 }],
    },
    // Round 4 (V2 labels, TP): an always-failing stub in a test whose title does not speak of retrying, in a file that does (jest).
    {
      code: `
describe('isFileExisted()', () => {
  it('should treat premature close errors as missing blobs', async () => {
    mockedExists.mockRejectedValue(new PrematureCloseError('Premature close'));
    await expect(isFileExisted('foo.txt')).resolves.toBe(false);
    expect(mockedExists).toHaveBeenCalledTimes(3);
  });
  it('should retry premature close errors', async () => {
    mockedExists.mockRejectedValueOnce(new PrematureCloseError('x')).mockResolvedValueOnce(true);
    await expect(isFileExisted('foo.txt')).resolves.toBe(true);
  });
});
`,
      errors: [{ messageId: 'magicRetryCount', line: 6, column: 48 }],
    },
    // Round 4 (V2 labels, TP): a comment that only restates the count explains nothing (vitest).
    {
      code: `
import { test, expect, vi } from 'vitest';
test('returns function-rejected after all retries are exhausted', async () => {
  const checkpoint = vi.fn().mockRejectedValue(new Error('Server unreachable'));
  await runExecution({ checkpoint });
  // Should have attempted 5 retries (default maxAttempts in retryWithBackoff)
  expect(checkpoint).toHaveBeenCalledTimes(5);
});
`,
      errors: [{ messageId: 'magicRetryCount', line: 7, column: 44 }],
    },
    // Round 4: a comment ending the line before explains that line's count, not the next one (jest).
    {
      code: `
it('retries a failing upload', async () => {
  const upload = jest.fn().mockRejectedValue(new Error('EPIPE'));
  const onRetry = jest.fn();
  await sync({ upload, onRetry }).catch(() => {});
  expect(onRetry).toHaveBeenCalledTimes(3); // 1 + 2 per file
  expect(upload).toHaveBeenCalledTimes(4);
});
`,
      errors: [{ messageId: 'magicRetryCount', line: 7, column: 40 }],
    },
    // Round 4: two calls the test makes do not explain a count beyond them (node:test, JS).
    {
      code: `
const { test, mock } = require('node:test');
const assert = require('node:assert');
test('retries each request', async () => {
  const send = mock.fn(async () => { throw new Error('down'); });
  await get(send, '/a').catch(() => {});
  await get(send, '/b').catch(() => {});
  assert.strictEqual(send.mock.callCount(), 8);
});
`,
      languageOptions: { parserOptions: { sourceType: 'script' } },
      errors: [{ messageId: 'magicRetryCount', line: 8, column: 45 }],
    },
    // Round 4 (moved from the invalid case above it): the same \`mock.calls\` spelling, with the double made to fail.
    {
      code: `
describe('retrying', () => {
  it('stops after the limit', async () => {
    fetchMock.mockRejectedValue(new Error('down'));
    await expect(load()).rejects.toThrow();
    expect(fetchMock.mock.calls).toHaveLength(3);
  });
});
`,
      errors: [{ messageId: 'magicRetryCount', line: 6, column: 47 }],
    },
    // CommonJS, node:assert on a sinon stub.
    {
      code: `
const assert = require('node:assert');
const sinon = require('sinon');
describe('reconnect', function () {
  it('tries again', async function () {
    const connect = sinon.stub().rejects(new Error('ECONNREFUSED'));
    await start(connect);
    assert.equal(connect.callCount, 5);
  });
});
`,
      languageOptions: { parserOptions: { sourceType: 'script' } },
      errors: [{ messageId: 'magicRetryCount', line: 8, column: 37 }],
    },
    // JSX: a retrying component.
    {
      code: `
import { it, expect, vi } from 'vitest';
it('shows the error after retrying', async () => {
  const load = vi.fn().mockRejectedValue(new Error('offline'));
  render(<Users load={load} />);
  await screen.findByText('offline');
  expect(load).toHaveBeenCalledTimes(3);
});
`,
      errors: [{ messageId: 'magicRetryCount', line: 7, column: 38 }],
    },
    // An unchanged count after cancelling is not reported again; the first one is.
    {
      code: `
it('stops retrying after cancel', async () => {
  fetchMock.mockRejectedValue(new Error('down'));
  const request = get('/x');
  await vi.advanceTimersByTimeAsync(100);
  expect(fetchMock).toHaveBeenCalledTimes(2);
  request.cancel();
  await vi.advanceTimersByTimeAsync(1000);
  expect(fetchMock).toHaveBeenCalledTimes(2);
});
`,
      errors: [{ messageId: 'magicRetryCount', line: 6, column: 43 }],
    },
    // A limit configured through a call (`.retry(2)`): reported, no rewrite offered.
    {
      code: `
it('retries the upload', async () => {
  await request(app).post('/upload').retry(2);
  expect(handler).toHaveBeenCalledTimes(3);
});
`,
      options: [{ allowConfiguredLimit: false }],
      errors: [{ messageId: 'configuredLimit', line: 4, column: 41, suggestions: [] }],
    },
    // `calledThrice` read as a boolean.
    {
      code: `
import sinon from 'sinon';
import assert from 'node:assert';
it('retries', async () => {
  const send = sinon.stub().throws(new Error('x'));
  await run(send);
  assert.ok(send.calledThrice);
});
`,
      errors: [{ messageId: 'magicRetryCount', line: 7, column: 18 }],
    },
    // A limit under another name (\`limitRetriesTo\`) is read: the count restates it.
    {
      code: `
import { it, expect, vi } from 'vitest';
it('gives up after the retry limit', async () => {
  const send = vi.fn().mockRejectedValue(new Error('down'));
  await expect(client.get('/x', { send, limitRetriesTo: 7 })).rejects.toThrow();
  expect(send).toHaveBeenCalledTimes(8);
});
`,
      options: [{ allowConfiguredLimit: false }],
      errors: [
        {
          messageId: 'configuredLimit',
          line: 6,
          column: 38,
          suggestions: [
            {
              messageId: 'deriveCount',
              data: { expression: 'limitRetriesTo + 1' },
              output: `
import { it, expect, vi } from 'vitest';
it('gives up after the retry limit', async () => {
  const limitRetriesTo = 7;
  const send = vi.fn().mockRejectedValue(new Error('down'));
  await expect(client.get('/x', { send, limitRetriesTo })).rejects.toThrow();
  expect(send).toHaveBeenCalledTimes(limitRetriesTo + 1);
});
`,
            },
          ],
        },
      ],
    },
    // A past-tense counter equal to the configured \`retries\` restates it (mocha + chai).
    {
      code: `
const { expect } = require('chai');
describe('queue', function () {
  it('retries a failing job', async function () {
    const q = new Queue({ retries: 2 });
    await q.process(() => Promise.reject(new Error('x')));
    expect(q.retried).to.equal(2);
  });
});
`,
      languageOptions: { parserOptions: { sourceType: 'script' } },
      options: [{ allowConfiguredLimit: false }],
      errors: [
        {
          messageId: 'configuredLimit',
          line: 7,
          column: 32,
          suggestions: [
            {
              messageId: 'deriveCount',
              data: { expression: 'retries' },
              output: `
const { expect } = require('chai');
describe('queue', function () {
  it('retries a failing job', async function () {
    const retries = 2;
    const q = new Queue({ retries });
    await q.process(() => Promise.reject(new Error('x')));
    expect(q.retried).to.equal(retries);
  });
});
`,
            },
          ],
        },
      ],
    },
    // An unconfigured limit with a logger in the test: the count of the retried call, not of log lines, is reported.
    // (Round 3: the title no longer says "the default number of retries"; a test that says it checks the default is valid.)
    {
      code: `
import { it, expect, vi } from 'vitest';
it('gives up after retrying', async () => {
  const logger = { warn: vi.fn() };
  const send = vi.fn().mockRejectedValue(new Error('down'));
  await expect(createClient({ send, logger }).get('/x')).rejects.toThrow();
  expect(logger.warn).toHaveBeenCalledTimes(3);
  expect(send).toHaveBeenCalledTimes(4);
});
`,
      errors: [{ messageId: 'magicRetryCount', line: 8, column: 38 }],
    },
    // The constant goes after the directive prologue, so the function stays strict.
    {
      code: `
it('retries in strict mode', function () {
  'use strict';
  const client = createClient({ send, maxRetries: 2 });
  return client.get('/x').catch(() => {
    expect(send).toHaveBeenCalledTimes(3);
  });
});
`,
      options: [{ allowConfiguredLimit: false }],
      errors: [
        {
          messageId: 'configuredLimit',
          line: 6,
          column: 40,
          suggestions: [
            {
              messageId: 'deriveCount',
              data: { expression: 'maxRetries + 1' },
              output: `
it('retries in strict mode', function () {
  'use strict';
  const maxRetries = 2;
  const client = createClient({ send, maxRetries });
  return client.get('/x').catch(() => {
    expect(send).toHaveBeenCalledTimes(maxRetries + 1);
  });
});
`,
            },
          ],
        },
      ],
    },
    // A count repeated after cancelling is rewritten with the first: the suggestion leaves no literal copy to report.
    {
      code: `
const MAX_RETRIES = 3;
it('stops retrying after cancel', async () => {
  fetchMock.mockRejectedValue(new Error('down'));
  const request = get('/x', { retries: MAX_RETRIES });
  await request.catch(() => {});
  expect(fetchMock).toHaveBeenCalledTimes(4);
  request.cancel();
  expect(fetchMock).toHaveBeenCalledTimes(4);
});
`,
      options: [{ allowConfiguredLimit: false }],
      errors: [
        {
          messageId: 'configuredLimit',
          line: 7,
          column: 43,
          suggestions: [
            {
              messageId: 'deriveCount',
              data: { expression: 'MAX_RETRIES + 1' },
              output: `
const MAX_RETRIES = 3;
it('stops retrying after cancel', async () => {
  fetchMock.mockRejectedValue(new Error('down'));
  const request = get('/x', { retries: MAX_RETRIES });
  await request.catch(() => {});
  expect(fetchMock).toHaveBeenCalledTimes(MAX_RETRIES + 1);
  request.cancel();
  expect(fetchMock).toHaveBeenCalledTimes(MAX_RETRIES + 1);
});
`,
            },
          ],
        },
      ],
    },
    // Equal fake-clock waits in a test that sets the limit do not explain a count that restates it (TanStack Query).
    {
      code: `
import { it, expect, vi } from 'vitest';
it('should pause retries while offline', async () => {
  const queryFn = vi.fn().mockRejectedValue(new Error('failed'));
  useQuery({ queryKey: key, queryFn, retry: 1, retryDelay: 10 });
  await vi.advanceTimersByTimeAsync(10);
  await vi.advanceTimersByTimeAsync(10);
  expect(queryFn).toHaveBeenCalledTimes(2);
});
`,
      options: [{ allowConfiguredLimit: false }],
      errors: [
        {
          messageId: 'configuredLimit',
          line: 8,
          column: 41,
          suggestions: [
            {
              messageId: 'deriveCount',
              data: { expression: 'retry + 1' },
              output: `
import { it, expect, vi } from 'vitest';
it('should pause retries while offline', async () => {
  const retry = 1;
  const queryFn = vi.fn().mockRejectedValue(new Error('failed'));
  useQuery({ queryKey: key, queryFn, retry, retryDelay: 10 });
  await vi.advanceTimersByTimeAsync(10);
  await vi.advanceTimersByTimeAsync(10);
  expect(queryFn).toHaveBeenCalledTimes(retry + 1);
});
`,
            },
          ],
        },
      ],
    },
    // Another step's equal limit in the same object keeps its literal (medusa's orchestrator flows).
    {
      code: `
it('retries the second step', async () => {
  const flow = { action: 'first', maxRetries: 3, next: { action: 'second', maxRetries: 3 } };
  await run(flow, handler);
  expect(handler.second).toHaveBeenCalledTimes(4);
});
`,
      options: [{ allowConfiguredLimit: false }],
      errors: [
        {
          messageId: 'configuredLimit',
          line: 5,
          column: 48,
          suggestions: [
            {
              messageId: 'deriveCount',
              data: { expression: 'maxRetries + 1' },
              output: `
it('retries the second step', async () => {
  const maxRetries = 3;
  const flow = { action: 'first', maxRetries, next: { action: 'second', maxRetries: 3 } };
  await run(flow, handler);
  expect(handler.second).toHaveBeenCalledTimes(maxRetries + 1);
});
`,
            },
          ],
        },
      ],
    },
    // Round 5: the helper's own suite, but its module exports the default and the test imports it: name it (vitest).
    {
      code: `import { describe, it, expect, vi } from 'vitest';
import { withRetry, MAX_RETRIES } from './retry';
describe('withRetry', () => {
  it('gives up', async () => {
    const op = vi.fn().mockRejectedValue(new Error('down'));
    await expect(withRetry(op)).rejects.toThrow();
    expect(op).toHaveBeenCalledTimes(4);
    expect(MAX_RETRIES).toBeGreaterThan(0);
  });
});
`,
      filename: 'retry.test.ts',
      errors: [{ messageId: 'magicRetryCount', line: 7, column: 38 }],
    },
    // Round 5: a retrying function that is not the file's subject (the suite and file are about syncing): the count is
    // still its hidden default (jest, TS).
    {
      code: `import { describe, it, expect, jest } from '@jest/globals';
import { syncWithRetry } from '../src/helpers';
describe('syncUsers', () => {
  it('reports the error when the API keeps failing', async () => {
    const fetchUsers = jest.fn().mockRejectedValue(new Error('503'));
    await expect(syncWithRetry(fetchUsers)).rejects.toThrow('503');
    expect(fetchUsers).toHaveBeenCalledTimes(3);
  });
});
`,
      filename: 'sync.test.ts',
      errors: [{ messageId: 'magicRetryCount', line: 7, column: 46 }],
    },
    // Round 5: a sibling's comment adds up its own scenario (two injected failures and a success), not the retry
    // protocol: the always-failing test's count is still unexplained (vitest).
    {
      code: `import { describe, test, expect, vi } from 'vitest';
describe('createDatabase retry on lock', () => {
  test('retries when the database is locked', async () => {
    const execute = vi.spyOn(connection, 'execute').mockRejectedValueOnce(lockError()).mockRejectedValueOnce(lockError()).mockResolvedValue([]);
    await schema.createDatabase('db');
    // two failed attempts + successful attempt with two statements
    expect(execute).toHaveBeenCalledTimes(4);
  });
  test('rethrows when the lock persists', async () => {
    const execute = vi.spyOn(connection, 'execute').mockRejectedValue(lockError());
    await expect(schema.createDatabase('db')).rejects.toThrow('lock');
    expect(execute).toHaveBeenCalledTimes(5);
  });
});
`,
      errors: [{ messageId: 'magicRetryCount', line: 12, column: 43 }],
    },
    // Round 5: an implementation that hands an error to the caller's handler fails on every call, like one that throws
    // (vitest, a crashing child process).
    {
      code: `import { describe, test, expect, vi } from 'vitest';
describe('hookStart', () => {
  test('if the process crashes many times, stops retrying', async () => {
    vi.mocked(exec).mockImplementation(async (command, args, options) => {
      await options?.externalErrorHandler?.(new Error('Process crashed'));
    });
    const tunnel = (await hookStart(1234)).valueOrAbort();
    expect(exec).toBeCalledTimes(5);
    expect(tunnel.getStatus().status).toBe('error');
  });
});
`,
      errors: [{ messageId: 'magicRetryCount', line: 8, column: 34 }],
    },
  ],
});
