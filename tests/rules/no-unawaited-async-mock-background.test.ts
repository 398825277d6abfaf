import rule from '../../src/rules/no-unawaited-async-mock.js';
import { createRuleTester } from '../rule-tester.js';

/**
 * Round 8 (blind labels of V7): look-alikes a reviewer dismisses.
 * 1. `Promise.resolve().then(async () => { … })` with nothing in `resolve()`: the idiom that starts a
 *    background task (a simulated remote peer, a collector the test reads through a returned
 *    function); awaiting it would deadlock the test. Reported only when an assertion follows it
 *    with no `await` in between: that check runs before the task can have done anything.
 * 2. a setup-time `Promise.reject(e)` consumed by calling a handler the code under test registered
 *    with a mock (`vi.mocked(process.on).mock.calls[0][1]({ … })`, sinon's `on.firstCall.args[1](…)`):
 *    that call runs the code under test on the spot.
 */
const script = { languageOptions: { parserOptions: { sourceType: 'script' as const } } };

createRuleTester().run('no-unawaited-async-mock', rule, {
  valid: [
    // 1. mocha + sinon (TS): a simulated remote peer answering in the background while the client under test runs.
    `import { expect } from 'aegir/chai';
async function stubPeerResponse(data: StubbedResponse): Promise<Connection> {
  const [outgoing, incoming] = await streamPair();
  connection.newStream.resolves(outgoing);
  const messages = pbStream(incoming).pb(Message);
  Promise.resolve().then(async () => {
    const message = await messages.read();
    if (message.dialRequest == null) {
      throw new Error('Unexpected message');
    }
    await messages.write(data.response);
  });
  return connection;
}
it('confirms a reachable address', async () => {
  await stubPeerResponse({ response });
  const result = await client.verify(observedAddress);
  expect(result.confirmed).to.be.true();
});`,
    // 1. jest (JS): a collector started in a helper; the tests await the promise the returned function gives.
    {
      code: `function observe(stream) {
  const output = [];
  let finish;
  const done = new Promise((resolve) => { finish = resolve; });
  Promise.resolve().then(async () => {
    for await (const message of stream) {
      output.push(message);
    }
    finish(output);
  });
  return () => done;
}
test('collects every message', async () => {
  const collected = observe(source);
  source.end();
  expect(await collected()).toHaveLength(2);
});`,
      ...script,
    },
    // 2. vitest (TS): the handler the runner registered with \`process.on\` calls the rejecting mock on the spot.
    `import { beforeAll, test, expect, vi } from 'vitest';
let runner: any;
beforeAll(async () => {
  vi.spyOn(process, 'on');
  runner = (await import('../src/run.js')).runner;
});
test('should exit process if failing to execute', async () => {
  runner.errorMe = vi.fn().mockReturnValue(Promise.reject(new Error('Uups')));
  vi.mocked(process.on).mock.calls[0][1]({ command: 'errorMe', foo: 'bar' });
  expect((await instances[0]).errorMe).toHaveBeenCalledTimes(1);
  await sleep();
  expect(gracefulExitMock).toBeCalledWith(1);
});`,
    // 2. mocha + sinon (JS): the same through a sinon stub's recorded arguments.
    {
      code: `const sinon = require('sinon');
const { expect } = require('chai');
const processOn = sinon.stub(process, 'on');
it('exits when the command fails', async function () {
  runner.errorMe = sinon.stub().returns(Promise.reject(new Error('Uups')));
  processOn.firstCall.args[1]({ command: 'errorMe' });
  expect((await runners[0]).errorMe.calledOnce).to.equal(true);
});`,
      ...script,
    },
  ],
  invalid: [
    {
      // 1. A background loop followed right away by an assertion on what it should have done (mocha + chai, TS): the check
      // runs before the loop has sent anything, so the test is vacuous.
      code: `import { expect } from 'aegir/chai';
it('limits the data transferred', async () => {
  const stream = await local.dialProtocol(ma, protocol);
  Promise.resolve().then(async () => {
    while (true) {
      await delay(100);
      stream.send(new Uint8Array(2048));
    }
  }).catch(() => {});
  expect(transferred.byteLength).to.be.lessThan(DATA_LIMIT);
});`,
      errors: [{ messageId: 'unawaitedChain', line: 4, column: 3, suggestions: [
        { messageId: 'addAwait', output: `import { expect } from 'aegir/chai';
it('limits the data transferred', async () => {
  const stream = await local.dialProtocol(ma, protocol);
  await Promise.resolve().then(async () => {
    while (true) {
      await delay(100);
      stream.send(new Uint8Array(2048));
    }
  }).catch(() => {});
  expect(transferred.byteLength).to.be.lessThan(DATA_LIMIT);
});` },
      ] }],
    },
    {
      // 1. A value in \`resolve(…)\` is work the test started, checked in the callback (jest, JS): still a dropped chain.
      code: `test('loads the user', () => {
  Promise.resolve(loadUser(1)).then((user) => {
    expect(user.name).toBe('a');
  });
});`,
      ...script,
      errors: [{ messageId: 'unawaitedChain', line: 2, column: 3, suggestions: [
        { messageId: 'addAwait', output: `test('loads the user', async () => {
  await Promise.resolve(loadUser(1)).then((user) => {
    expect(user.name).toBe('a');
  });
});` },
        { messageId: 'returnPromise', output: `test('loads the user', () => {
  return Promise.resolve(loadUser(1)).then((user) => {
    expect(user.name).toBe('a');
  });
});` },
      ] }],
    },
    {
      // 2. The recorded call is only read, not called (vitest, TS): nothing consumes the rejection before the test ends.
      code: `import { test, expect, vi } from 'vitest';
test('registers the handler', () => {
  runner.errorMe = vi.fn().mockReturnValue(Promise.reject(new Error('Uups')));
  expect(vi.mocked(process.on).mock.calls[0][0]).toBe('message');
});`,
      errors: [{ messageId: 'promiseReturnValue', line: 3, column: 28, suggestions: [
        { messageId: 'useShorthand', output: `import { test, expect, vi } from 'vitest';
test('registers the handler', () => {
  runner.errorMe = vi.fn().mockRejectedValue(new Error('Uups'));
  expect(vi.mocked(process.on).mock.calls[0][0]).toBe('message');
});` },
      ] }],
    },
  ],
});
