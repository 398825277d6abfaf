// Real collaborators; only the network boundary is replaced, once.
import { afterEach, expect, it, vi } from 'vitest';

import { checkout } from '../checkout';

afterEach(() => {
  vi.unstubAllGlobals();
});

it('charges the gross total plus shipping', async () => {
  const fetch = vi.fn(async (url: string) =>
    Response.json(url.includes('/carts/') ? [{ sku: 'a', quantity: 2, unitPrice: 10 }] : { status: 'paid' }),
  );
  vi.stubGlobal('fetch', fetch);

  const result = await checkout('u1', 'DE');

  expect(result.status).toBe('paid');
  expect(result.total).toBeCloseTo(20 * 1.19 + 4.9);
  expect(fetch).toHaveBeenCalledTimes(2);
});
