import rule from '../../src/rules/no-unawaited-async-mock.js';
import { createTypedRuleTester } from '../typed-rule-tester.js';

/**
 * Issue #22, with types (`recommended-type-checked`): any call statement in a test, hook or
 * same-file helper whose type is a thenable and whose promise is dropped, with the test-aware
 * notion of "handled" that `no-floating-promises` lacks. tests/fixtures/typed/api.ts has async
 * `fetchUser` and `service.getUser`.
 */
/** The typed thenable check is opt-in (`typedThenables`, on in `strict`); every case here turns it on. */
const options = [{ typedThenables: true }] as const;

createTypedRuleTester().run('no-unawaited-async-mock', rule, {
  valid: [
    // The next check is on a mock's calls (vue-query's delegation tests, urql's `setItem` spy): the call is
    // made on the spot, the dropped promise's outcome is not what the test checks.
    { code: `import { vi, it, expect } from 'vitest';
import { service } from './api';
it('delegates', () => {
  const spy = vi.spyOn(service, 'getUser');
  service.getUser(1);
  expect(spy).toHaveBeenCalledWith(1);
});`, options },
    // Other work dropped in a worker's processor or a listener runs when someone else decides: left alone.
    { code: `import { fetchUser } from './api';
declare class Worker { constructor(name: string, processor: (job: { id: number }) => Promise<void>); }
it('processes', async () => {
  const worker = new Worker('q', async (job) => {
    fetchUser(job.id);
  });
  await fetchUser(1);
});`, options },
    // A value that only may be a promise (`User | Promise<User>`): not in a synchronous test, not when an
    // `await` comes before the assertion, not as the last statement.
    { code: `import { maybeAsync, fetchUser } from './api';
it('sync', () => {
  maybeAsync(1);
  expect(1).toBe(1);
});
it('awaits', async () => {
  maybeAsync(1);
  await fetchUser(2);
  expect(1).toBe(1);
});
it('ends', async () => {
  await fetchUser(2);
  maybeAsync(1);
});`, options },
    // Issue #22 policy: in an async test a later `await` settles the dropped work before anything reads it
    // (TanStack's prefetch then an awaited refetch, hono's write then an awaited `reader.read()`).
    { code: `import { it, expect } from 'vitest';
import { fetchUser, service } from './api';
it('prefetches', async () => {
  fetchUser(1);
  const user = await service.getUser(2);
  expect(user.id).toBe(2);
});
it('reads inside the assertion', async () => {
  service.getUser(1);
  expect(await fetchUser(2)).toEqual({ id: 2, name: '2' });
});`, options },
    // jest: work started inside an awaited callback (`act`, an event promise's executor) and a main loop left
    // running until an awaited close (bullmq's `worker.run()`).
    { code: `import { fetchUser, service } from './api';
declare function act(fn: () => Promise<void>): Promise<void>;
declare const worker: { run(): Promise<void>; on(event: string, fn: () => void): void; close(): Promise<void> };
it('acts', async () => {
  await act(async () => {
    fetchUser(1);
  });
  expect(1).toBe(1);
});
it('waits for the event', async () => {
  await new Promise<void>((resolve) => {
    worker.on('completed', resolve);
    service.getUser(1);
  });
  worker.run();
  await worker.close();
});`, options },
    // mocha: a `for await` after the drop.
    { code: `import { fetchUser } from './api';
declare function events(): AsyncIterable<number>;
describe('stream', function () {
  it('iterates', async function () {
    fetchUser(1);
    for await (const event of events()) {
      expect(event).to.equal(1);
    }
  });
});`, options },
    // node:test: a helper that drops a call and then awaits (the previous form of the hook case below).
    { code: `import { test } from 'node:test';
import assert from 'node:assert';
import { fetchUser, service } from './api';
async function seedAll() {
  service.getUser(2);
  await fetchUser(3);
}
test('seeds', async () => {
  await seedAll();
  assert.ok(true);
});`, options },
    // jest: a test that completes through `done` decides itself when it is over.
    { code: `import { fetchUser } from './api';
it('done', (done) => {
  fetchUser(1);
  setTimeout(done, 10);
});`, options },
    // node:test: a plan, or an awaited \`t.completed\`.
    { code: `import { test } from 'node:test';
import { fetchUser } from './api';
test('plan', (t) => {
  t.plan(1);
  fetchUser(1).then((user) => t.assert.equal(user.id, 1));
});
test('completed', async (t) => {
  fetchUser(2).then((user) => t.assert.equal(user.id, 2));
  await t.completed;
});`, options },
    // vitest: an awaited fake-timer flush after the call.
    { code: `import { vi, it } from 'vitest';
import { fetchUser } from './api';
it('flushes', async () => {
  fetchUser(1);
  await vi.runAllTimersAsync();
});`, options },
    // A suite body is never awaited: setup code there is left alone (move it to a hook to wait for it).
    { code: `import { fetchUser } from './api';
describe('suite', () => {
  fetchUser(1);
  it('runs', () => {});
});`, options },
    // An event-based wait after the call; a fire-and-forget marked void; a rejection swallowed on purpose.
    { code: `import { once } from 'node:events';
import { service, fetchUser } from './api';
it('waits for the event', async () => {
  service.getUser(1);
  await once(emitter, 'ready');
});
it('fires and forgets', () => {
  void fetchUser(1);
  fetchUser(2).catch(() => {});
});`, options },
    // Helpers: one that only \`done\` tests call, one used as a mock implementation (no test calls it), one awaited.
    { code: `import { fetchUser } from './api';
function fireRequest(callback: () => void) {
  fetchUser(1).then(() => setTimeout(callback, 10));
}
function impl() {
  fetchUser(2);
}
async function seed() {
  await fetchUser(3);
}
const mock = jest.fn(impl);
it('done', (done) => {
  fireRequest(done);
});
it('awaits', async () => {
  await seed();
});`, options },
    // Calls that return plain values, and the typed check in a file without tests.
    { code: `import { formatUser, plainUser, fetchUser } from './api';
it('formats', () => {
  formatUser(plainUser);
});
fetchUser(1);`, options },
    // Default options: the typed thenable check is off, so an imported async function dropped right
    // before an assertion is left alone (what the file itself shows is still checked, untyped).
    `import { service } from './api';
it('renames', async () => {
  service.getUser(1);
  expect(1).toBe(1);
});`,
  ],
  invalid: [
    {
      options,
      // A dropped wait in a worker's processor inside a test (bullmq's `delay(50);`): reported there too.
      code: `import { fetchUser } from './api';
declare function delay(ms: number): Promise<void>;
declare class Worker { constructor(name: string, processor: (job: { id: number }) => Promise<void>); }
it('limits', async () => {
  const worker = new Worker('q', async (job) => {
    delay(50);
    await fetchUser(job.id);
  });
  await fetchUser(1);
});`,
      errors: [
        {
          messageId: 'unawaitedThenable',
          data: { where: 'this test' },
          line: 6,
          column: 5,
          suggestions: [
            {
              messageId: 'addAwait',
              data: { asyncNote: '' },
              output: `import { fetchUser } from './api';
declare function delay(ms: number): Promise<void>;
declare class Worker { constructor(name: string, processor: (job: { id: number }) => Promise<void>); }
it('limits', async () => {
  const worker = new Worker('q', async (job) => {
    await delay(50);
    await fetchUser(job.id);
  });
  await fetchUser(1);
});`,
            },
          ],
        },
      ],
    },
    {
      options,
      // A value that may be a promise (probot's middleware: `boolean | void | Promise<boolean>`), dropped in an
      // async test that asserts with no `await` in between.
      code: `import { maybeAsync } from './api';
let counter = 0;
it('loads once', async () => {
  maybeAsync(1);
  expect(counter).toBe(1);
});`,
      errors: [
        {
          messageId: 'unawaitedThenable',
          data: { where: 'this test' },
          line: 4,
          column: 3,
          suggestions: [
            {
              messageId: 'addAwait',
              data: { asyncNote: '' },
              output: `import { maybeAsync } from './api';
let counter = 0;
it('loads once', async () => {
  await maybeAsync(1);
  expect(counter).toBe(1);
});`,
            },
          ],
        },
      ],
    },
    {
      options,
      // Issue #22 policy (probot's middleware): the test reads the state with no `await` after the drop.
      code: `import { it, expect } from 'vitest';
import { fetchUser } from './api';
it('counts', async () => {
  let counter = 0;
  fetchUser(1);
  expect(counter).toBe(0);
  await fetchUser(2);
});`,
      errors: [
        {
          messageId: 'unawaitedThenable',
          data: { where: 'this test' },
          line: 5,
          column: 3,
          suggestions: [
            {
              messageId: 'addAwait',
              data: { asyncNote: '' },
              output: `import { it, expect } from 'vitest';
import { fetchUser } from './api';
it('counts', async () => {
  let counter = 0;
  await fetchUser(1);
  expect(counter).toBe(0);
  await fetchUser(2);
});`,
            },
          ],
        },
      ],
    },
    {
      options,
      // A dropped wait (bullmq's `delay(50);` in a processor) waits for nothing, whatever comes after it.
      code: `import { fetchUser } from './api';
declare function delay(ms: number): Promise<void>;
it('limits', async () => {
  delay(50);
  await fetchUser(1);
});`,
      errors: [
        {
          messageId: 'unawaitedThenable',
          data: { where: 'this test' },
          line: 4,
          column: 3,
          suggestions: [
            {
              messageId: 'addAwait',
              data: { asyncNote: '' },
              output: `import { fetchUser } from './api';
declare function delay(ms: number): Promise<void>;
it('limits', async () => {
  await delay(50);
  await fetchUser(1);
});`,
            },
          ],
        },
      ],
    },
    {
      options,
      // A sync in-memory fake whose methods are \`async\` by signature: only types show the promise.
      code: `class MemoryStore {
  items: number[] = [];
  async insert(item: number): Promise<void> { this.items.push(item); }
}
it('inserts', () => {
  const store = new MemoryStore();
  store.insert(1);
  expect(store.items).toEqual([1]);
});`,
      errors: [
        {
          messageId: 'unawaitedThenable',
          data: { where: 'this test' },
          line: 7,
          column: 3,
          suggestions: [
            {
              messageId: 'addAwait',
              data: { asyncNote: ' and make the test function `async`' },
              output: `class MemoryStore {
  items: number[] = [];
  async insert(item: number): Promise<void> { this.items.push(item); }
}
it('inserts', async () => {
  const store = new MemoryStore();
  await store.insert(1);
  expect(store.items).toEqual([1]);
});`,
            },
          ],
        },
      ],
    },
    {
      options,
      // Same-file helpers called from hooks: a sync one (no fix: `await` needs an async helper) and an async one that ends with no `await` after the drop.
      code: `import { fetchUser, service } from './api';
function seedUsers() {
  fetchUser(1);
}
async function seedAll() {
  await fetchUser(3);
  service.getUser(2);
}
beforeEach(() => {
  seedUsers();
});
beforeEach(async () => {
  await seedAll();
});`,
      errors: [
        { messageId: 'unawaitedThenable', data: { where: '`seedUsers` (a helper called from a test)' }, line: 3, column: 3, suggestions: [] },
        {
          messageId: 'unawaitedThenable',
          data: { where: '`seedAll` (a helper called from a test)' },
          line: 7,
          column: 3,
          suggestions: [
            {
              messageId: 'addAwait',
              data: { asyncNote: '' },
              output: `import { fetchUser, service } from './api';
function seedUsers() {
  fetchUser(1);
}
async function seedAll() {
  await fetchUser(3);
  await service.getUser(2);
}
beforeEach(() => {
  seedUsers();
});
beforeEach(async () => {
  await seedAll();
});`,
            },
          ],
        },
      ],
    },
    {
      options,
      // A service call of the subject, dropped while the next line reads state as if it had happened.
      code: `import { service } from './api';
it('reads after writing', async () => {
  service.getUser(1);
  expect(service.cachedUser(1)).toBeDefined();
});`,
      errors: [
        {
          messageId: 'unawaitedThenable',
          data: { where: 'this test' },
          line: 3,
          column: 3,
          suggestions: [
            {
              messageId: 'addAwait',
              output: `import { service } from './api';
it('reads after writing', async () => {
  await service.getUser(1);
  expect(service.cachedUser(1)).toBeDefined();
});`,
            },
          ],
        },
      ],
    },
  ],
});
