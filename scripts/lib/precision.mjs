// Precision statistics for `npm run eval`: the 95% Wilson score interval of a labelled sample,
// and a seeded sample that no single repository dominates.

/**
 * The Wilson score interval of `tp` successes in `n` trials (95% by default), in [0, 1]; for
 * n = 0, the whole range. Unlike the normal approximation it stays inside [0, 1] and is honest
 * for small samples and for proportions near 100%.
 */
export function wilsonInterval(tp, n, z = 1.959964) {
  if (n === 0) return { low: 0, high: 1 };
  const p = tp / n;
  const z2 = z * z;
  const denominator = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / denominator;
  const half = (z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / denominator;
  return { low: Math.max(0, centre - half), high: Math.min(1, centre + half) };
}

/**
 * Takes up to `size` items in ascending `key` order, skipping an item once its repository
 * already holds `cap` items of the sample, where `cap` is the largest count that keeps every
 * repository at or under `capShare` of the sample (at least 1). `capShare` ≥ 1 means no cap.
 * Returns the sample and how many items the cap left out.
 */
export function cappedSample(items, { size, capShare, key, repo }) {
  const ordered = items.map((item) => ({ item, key: key(item) })).sort((a, b) => a.key - b.key);
  const target = Math.min(size, ordered.length);
  const cap = capShare >= 1 ? Infinity : Math.max(1, Math.floor(target * capShare));
  const perRepo = new Map();
  const sample = [];
  let capped = 0;
  for (const { item } of ordered) {
    if (sample.length >= target) break;
    const count = perRepo.get(repo(item)) ?? 0;
    if (count >= cap) {
      capped++;
      continue;
    }
    perRepo.set(repo(item), count + 1);
    sample.push(item);
  }
  return { sample, capped, cap };
}
