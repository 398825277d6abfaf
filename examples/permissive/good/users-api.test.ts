// ✅ Each test pins the one outcome it is about.
import { afterEach, describe, expect, it } from 'vitest';

import { createUser, deleteUser, getUser } from '../api';

describe('users API', () => {
  afterEach(async () => {
    const res = await deleteUser('u-2');
    expect([204, 404]).toContain(res.status);
  });

  it('returns 404 for an unknown user', async () => {
    const res = await getUser('missing');
    expect(res.status).toBe(404);
  });

  it('rejects a user without a name with 400', async () => {
    const res = await createUser({});
    expect(res.status).toBe(400);
    expect(res.body).toEqual({ error: 'name is required' });
  });

  it('creates a user', async () => {
    const res = await createUser({ name: 'Grace' });
    expect(res.status).toBe(201);
  });

  it('answers a lookup with a success status', async () => {
    const res = await getUser('u-1');
    // A set within one class is fine: both are successes.
    expect([200, 203]).toContain(res.status);
    expect(res.status).toBeGreaterThanOrEqual(200);
    expect(res.status).toBeLessThan(300);
  });
});
