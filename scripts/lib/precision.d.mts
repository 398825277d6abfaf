/** The 95% (by default) Wilson score interval of `tp` successes in `n` trials, in [0, 1]. */
export declare function wilsonInterval(tp: number, n: number, z?: number): { low: number; high: number };

/** Up to `size` items in ascending key order, no repository above `capShare` of the sample. */
export declare function cappedSample<T>(
  items: readonly T[],
  options: { size: number; capShare: number; key: (item: T) => number; repo: (item: T) => string },
): { sample: T[]; capped: number; cap: number };
