import { describe, expect, it } from 'vitest';

import { readCountAssertion } from '../../../src/rules/no-magic-retry-count/count-assertions.js';
import { isRetryCounterName, isRetryOptionKey, isRetryTitle, mayHoldRetryEvidence, splitWords } from '../../../src/rules/no-magic-retry-count/retry-evidence.js';
import { modelOf } from '../../model/model-harness.js';

/** The counts read from every assertion of `code`, as `count:kind` (null for non-count assertions). */
function countsOf(code: string): Array<string | null> {
  return modelOf(code).assertions.map((assertion) => {
    const found = readCountAssertion(assertion);
    return found === null ? null : `${found.count}:${found.kind}`;
  });
}

describe('retry words', () => {
  it('splits camelCase, snake_case and titles into words', () => {
    expect(splitWords('axiosRetry(axios, { max_retries })')).toEqual(['axios', 'retry', 'axios', 'max', 'retries']);
  });

  it('matches retry words, not look-alikes', () => {
    expect(isRetryTitle('retries on 503')).toBe(true);
    expect(isRetryTitle('exponential backoff')).toBe(true);
    expect(isRetryTitle('makes 3 attempts')).toBe(true);
    expect(isRetryTitle('useRetryLink')).toBe(true);
    expect(isRetryTitle('retrieves the codes')).toBe(false);
    expect(isRetryTitle('retrievedCodes')).toBe(false);
    expect(isRetryTitle('an attempt to read undefined')).toBe(false);
    expect(isRetryTitle('does not retry on 400')).toBe(false);
    expect(isRetryTitle("shouldn't retry a POST")).toBe(false);
  });

  it('recognises retry counters and retry options', () => {
    expect(isRetryCounterName('attempts')).toBe(true);
    expect(isRetryCounterName('retryCount')).toBe(true);
    expect(isRetryCounterName('entries')).toBe(false);
    expect(isRetryOptionKey('maxRetries')).toBe(true);
    expect(isRetryOptionKey('retryDelay')).toBe(true);
    expect(isRetryOptionKey('timeout')).toBe(false);
  });

  it('finds a retry word in any text that holds retry evidence, and none in text without', () => {
    const evidence = [
      ...['retry', 'retries', 'maxRetries', 'maxAttempts', 'attempts', 'retryCount', 'numRetries', 'maxTries', 'tries', 'reconnectionAttempts', 'maxReconnects', 'reconnectTries', 'max_attempts', 'backoffMs'].filter(isRetryOptionKey),
      ...['attempts', 'retryCount', 'numTries', 'reconnects', 'attempt'].filter(isRetryCounterName),
      ...['retries on 503', 'exponential backoff', 'makes 3 attempts', 'reconnects after a drop', 'useRetryLink'].filter(isRetryTitle),
    ];
    expect(evidence).toHaveLength(24);
    expect(evidence.filter((text) => !mayHoldRetryEvidence(text))).toEqual([]);
    expect(mayHoldRetryEvidence("it('sends the batch', () => { expect(send).toHaveBeenCalledTimes(3); });")).toBe(false);
    expect(mayHoldRetryEvidence('const entries = await retrieve(); // returns 3')).toBe(true);
  });
});

describe('readCountAssertion', () => {
  it('reads jest/vitest call counts and counters', () => {
    expect(
      countsOf(`
it('x', () => {
  expect(fetchMock).toHaveBeenCalledTimes(3);
  expect(vi.mocked(send)).toBeCalledTimes(2);
  expect(fetchMock.mock.calls).toHaveLength(4);
  expect(attempts).toBe(5);
  expect(user.name).toBe('x');
  expect(fetchMock).not.toHaveBeenCalledTimes(3);
  expect(fetchMock).toHaveBeenCalledTimes(n);
});
`),
    ).toEqual(['3:calls', '2:calls', '4:calls', '5:counter', null, null, null]);
  });

  it('reads sinon, chai and sinon-chai spellings', () => {
    expect(
      countsOf(`
import sinon from 'sinon';
import { expect } from 'chai';
it('x', () => {
  expect(stub.callCount).to.equal(3);
  expect(stub).to.have.callCount(4);
  expect(stub).to.have.been.calledThrice;
  sinon.assert.callCount(stub, 2);
  sinon.assert.calledTwice(stub);
  expect(stub.calledTwice).to.be.true;
});
`),
    ).toEqual(['3:calls', '4:calls', '3:calls', '2:calls', '2:calls', '2:calls']);
  });

  it('reads node:assert and node:test spellings, either way round', () => {
    expect(
      countsOf(`
import { test } from 'node:test';
import assert from 'node:assert/strict';
test('x', (t) => {
  assert.strictEqual(fn.mock.callCount(), 3);
  assert.equal(3, stub.callCount);
  t.assert.equal(retries, 2);
  assert.ok(stub.calledThrice);
});
`),
    ).toEqual(['3:calls', '3:calls', '2:counter', '3:calls']);
  });
});
