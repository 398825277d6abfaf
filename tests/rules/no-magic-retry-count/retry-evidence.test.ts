import { describe, expect, it } from 'vitest';

import { readCountAssertion } from '../../../src/rules/no-magic-retry-count/count-assertions.js';
import { isLoggerKey } from '../../../src/rules/no-magic-retry-count/counters.js';
import {
  isCounterName,
  isRetryCounterName,
  isRetryDecisionKey,
  isRetryOptionKey,
  isRetryTitle,
  mayHoldRetryEvidence,
  splitWords,
  statedNumbers,
} from '../../../src/rules/no-magic-retry-count/retry-evidence.js';
import { isFlushText } from '../../../src/rules/no-magic-retry-count/scenario.js';
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

describe('retry words on adversarial text', () => {
  // Each reader of user text must be linear: 1 MB of the worst shape for a backtracking regex has to
  // simply complete (the vitest timeout is the guard; no timing is asserted).
  const megabyte = 1_000_000;
  const shapes = {
    capitals: 'A'.repeat(megabyte),
    camel: 'aA'.repeat(megabyte / 2),
    runs: 'AAAAa'.repeat(megabyte / 5),
    spaces: `not${' '.repeat(megabyte)}`,
    negations: 'no '.repeat(megabyte / 3),
    words: `not ${'a'.repeat(megabyte)}`,
    loggers: 'logger'.repeat(megabyte / 6),
    dots: 'a.'.repeat(megabyte / 2),
    digits: '1'.repeat(megabyte),
  };

  it.each(Object.entries(shapes))('reads %s', (_name, text) => {
    const retryText = `retry ${text}`;
    expect(splitWords(retryText).length).toBeGreaterThan(0);
    expect(typeof isRetryTitle(retryText)).toBe('boolean');
    expect(typeof isRetryTitle(text)).toBe('boolean');
    expect(typeof isRetryCounterName(retryText)).toBe('boolean');
    expect(typeof isCounterName(retryText)).toBe('boolean');
    expect(typeof isRetryOptionKey(retryText)).toBe('boolean');
    expect(typeof isRetryDecisionKey(retryText)).toBe('boolean');
    expect(typeof mayHoldRetryEvidence(text)).toBe('boolean');
    expect(Array.isArray(statedNumbers(retryText))).toBe(true);
    expect(typeof isLoggerKey(`${text}.warn`)).toBe('boolean');
    expect(typeof isLoggerKey(`a.${text}`)).toBe('boolean');
    expect(typeof isFlushText(text)).toBe('boolean');
    expect(typeof isFlushText(`${text}(`)).toBe('boolean');
  });
});

describe('splitWords', () => {
  it('splits runs of capitals before the last one of a word', () => {
    expect(splitWords('HTTPRetryAfterMS')).toEqual(['http', 'retry', 'after', 'ms']);
    expect(splitWords('ABcDEf aB1C')).toEqual(['a', 'bc', 'd', 'ef', 'a', 'b1', 'c']);
    expect(splitWords('reconnect_ÉtatKelvin')).toEqual(['reconnect', 'tat', 'kelvin']);
  });

  it('reads limits, decisions and stated numbers', () => {
    expect(statedNumbers('retries once with a refreshed token')).toEqual([1]);
    expect(statedNumbers('should fail after max retries (3 attempts)')).toEqual([3]);
    expect(statedNumbers('retries on 503')).toEqual([]);
    expect(statedNumbers('retries order 3')).toEqual([]);
    expect(statedNumbers('two 429s then 200')).toEqual([2]);
    expect(statedNumbers('retries 5 times')).toEqual([5]);
    expect(isRetryDecisionKey('shouldRetry')).toBe(true);
    expect(isRetryDecisionKey('retryStrategy')).toBe(true);
    expect(isRetryDecisionKey('onRetry')).toBe(false);
    expect(isRetryDecisionKey('retryDelay')).toBe(false);
    expect(isLoggerKey('logLabeledWarning')).toBe(true);
    expect(isLoggerKey('this.log.debug')).toBe(true);
    expect(isLoggerKey('logIn')).toBe(false);
    expect(isLoggerKey('client.send')).toBe(false);
  });
});
