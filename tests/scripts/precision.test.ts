import { describe, expect, it } from 'vitest';

import { cappedSample, wilsonInterval } from '../../scripts/lib/precision.mjs';

const Z2 = 1.959964 ** 2;

describe('wilsonInterval', () => {
  it('matches the closed forms at the ends: all true gives n/(n+z²) as the lower bound', () => {
    const { low, high } = wilsonInterval(10, 10);
    expect(low).toBeCloseTo(10 / (10 + Z2), 6);
    expect(high).toBeCloseTo(1, 9);
  });

  it('none true gives z²/(n+z²) as the upper bound', () => {
    const { low, high } = wilsonInterval(0, 10);
    expect(low).toBeCloseTo(0, 9);
    expect(high).toBeCloseTo(Z2 / (10 + Z2), 6);
  });

  it('29 of 30 gives 83.3% to 99.4% (a 28-of-30 sample stays under 80%)', () => {
    const interval = wilsonInterval(29, 30);
    expect(interval.low).toBeCloseTo(0.8333, 3);
    expect(interval.high).toBeCloseTo(0.9941, 3);
    expect(wilsonInterval(28, 30).low).toBeLessThan(0.8);
  });

  it('is the whole range for an empty sample', () => {
    expect(wilsonInterval(0, 0)).toEqual({ low: 0, high: 1 });
  });
});

describe('cappedSample', () => {
  const items = [
    { repo: 'a', key: 1 },
    { repo: 'a', key: 2 },
    { repo: 'a', key: 3 },
    { repo: 'a', key: 4 },
    { repo: 'b', key: 5 },
    { repo: 'c', key: 6 },
    { repo: 'b', key: 7 },
    { repo: 'c', key: 8 },
  ];
  const options = { key: (item: { key: number }) => item.key, repo: (item: { repo: string }) => item.repo };

  it('keeps every repository at or under the share, in key order', () => {
    const { sample, capped, cap } = cappedSample(items, { ...options, size: 6, capShare: 1 / 3 });
    expect(cap).toBe(2);
    expect(sample.map((item) => item.key)).toEqual([1, 2, 5, 6, 7, 8]);
    expect(capped).toBe(2);
  });

  it('takes the lowest keys when there is no cap', () => {
    const { sample, capped } = cappedSample(items, { ...options, size: 3, capShare: 1 });
    expect(sample.map((item) => item.key)).toEqual([1, 2, 3]);
    expect(capped).toBe(0);
  });

  it('returns fewer than asked when one repository holds most findings, rather than exceed the cap', () => {
    const { sample } = cappedSample(items.slice(0, 5), { ...options, size: 5, capShare: 1 / 3 });
    expect(sample.map((item) => item.repo)).toEqual(['a', 'b']);
  });
});
