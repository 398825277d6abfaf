// The same tests, with counts the test itself explains.
import { describe, expect, it, vi } from 'vitest';

import { createClient } from '../http-client';

describe('http client retries', () => {
  it('gives up after maxRetries + 1 attempts', async () => {
    const maxRetries = 3;
    const send = vi.fn().mockResolvedValue({ status: 503 });
    const client = createClient({ send, maxRetries });
    await expect(client.get('/users')).rejects.toThrow('HTTP 503');
    expect(send).toHaveBeenCalledTimes(maxRetries + 1);
  });

  it('retries until the server answers', async () => {
    // Fault injection: two failures, then success — the count follows from the test.
    const send = vi
      .fn()
      .mockRejectedValueOnce(new Error('ECONNRESET'))
      .mockRejectedValueOnce(new Error('ECONNRESET'))
      .mockResolvedValueOnce({ status: 200 });
    const client = createClient({ send, maxRetries: 5 });
    await expect(client.get('/users')).resolves.toEqual({ status: 200 });
    expect(send).toHaveBeenCalledTimes(3);
  });

  it('does not retry a client error', async () => {
    const send = vi.fn().mockResolvedValue({ status: 404 });
    const client = createClient({ send });
    await expect(client.get('/missing')).resolves.toEqual({ status: 404 });
    expect(send).toHaveBeenCalledTimes(1);
  });
});
