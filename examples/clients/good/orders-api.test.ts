// ✅ Each test pins the one outcome it is about.
import { describe, expect, it } from 'vitest';

import { getOrder } from '../users-api';

describe('GET /orders/:id', () => {
  it('returns 404 for an unknown order', async () => {
    const res = await getOrder('missing');
    expect(res.status).toBe(404);
  });

  it('returns the order', async () => {
    const res = await getOrder('o-1');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ id: 'o-1', total: 42 });
  });
});
