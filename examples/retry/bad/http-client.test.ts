// Retry tests that pin the client's retry policy with magic numbers.
import { describe, expect, it, vi } from 'vitest';

import { createClient } from '../http-client';

describe('http client retries', () => {
  it('gives up when the server keeps failing', async () => {
    const send = vi.fn().mockRejectedValue(new Error('ECONNRESET'));
    const client = createClient({ send });
    await expect(client.get('/users')).rejects.toThrow('ECONNRESET');
    // no-magic-retry-count: 4 comes from the client's default retry policy, which this test never sets.
    expect(send).toHaveBeenCalledTimes(4);
  });

  it('honours maxRetries', async () => {
    const send = vi.fn().mockRejectedValue(new Error('ECONNRESET'));
    const client = createClient({ send, maxRetries: 2 });
    await expect(client.get('/users')).rejects.toThrow('ECONNRESET');
    // no-magic-retry-count with allowConfiguredLimit: false only: 3 restates `maxRetries: 2` by hand
    // (suggestion: `maxRetries + 1`); the default options accept a limit the test sets itself.
    expect(send).toHaveBeenCalledTimes(3);
  });
});
