import { describe, expect, it } from 'vitest';

import { isValidationPair } from '../../../src/rules/no-permissive-assertion/binary-domain.js';
import { acceptedBesides, describeClasses, describeConsequence } from '../../../src/rules/no-permissive-assertion/outcome-classes.js';

describe('describeConsequence', () => {
  it('says success and failure only when a success is accepted', () => {
    expect(describeConsequence({ family: 'http', classes: ['2xx', '4xx'] })).toBe('it passes on success and on failure alike');
    expect(describeConsequence({ family: 'http', classes: ['2xx', '5xx'] })).toBe('it passes on success and on failure alike');
    expect(describeConsequence({ family: 'state', classes: ['success', 'failure'] })).toBe('it passes on success and on failure alike');
  });

  it('names what a crash passes for when no success is accepted', () => {
    expect(describeConsequence({ family: 'http', classes: ['4xx', '5xx'] })).toBe('a server crash (5xx) passes as well as a client error (4xx)');
    expect(describeConsequence({ family: 'http', classes: ['3xx', '5xx'] })).toBe('a server crash (5xx) passes as well as a redirect (3xx)');
    expect(describeConsequence({ family: 'http', classes: ['1xx', '3xx', '4xx', '5xx'] })).toBe(
      'a server crash (5xx) passes as well as an informational response (1xx), a redirect (3xx) or a client error (4xx)',
    );
  });
});

describe('acceptedBesides', () => {
  it('lists the HTTP classes a negative check still lets through', () => {
    expect(describeClasses(acceptedBesides('http', (code) => code !== 500))).toBe('1xx, 2xx, 3xx, 4xx and 5xx');
    expect(describeClasses(acceptedBesides('http', (code) => typeof code === 'number' && code < 500))).toBe('1xx, 2xx, 3xx and 4xx');
    expect(describeClasses(acceptedBesides('state', () => true))).toBe('success and failure states');
  });

  it('drops the polarity of an excluded state word', () => {
    const notCompleted = acceptedBesides('state', (word) => word !== 'completed');
    expect(describeClasses(notCompleted)).toBe('failure states');
    expect(describeConsequence(notCompleted)).toBe('a failure passes as well as an unfinished operation');
    expect(describeConsequence({ family: 'state', classes: ['failure'] })).toBe('a failure passes');
  });
});

describe('isValidationPair', () => {
  it('is one 2xx and one guard rejection, nothing else', () => {
    expect(isValidationPair([200, 400])).toBe(true);
    expect(isValidationPair([422, 201])).toBe(true);
    expect(isValidationPair([200, 403, 200])).toBe(true);
    expect(isValidationPair([200, 404])).toBe(false);
    expect(isValidationPair([200, 400, 500])).toBe(false);
    expect(isValidationPair([200, 201])).toBe(false);
    expect(isValidationPair([400, 401])).toBe(false);
    expect(isValidationPair(['200', 400])).toBe(false);
  });
});
