// ❌ Each mock below contradicts the type of the function it replaces.
import { describe, expect, it, vi } from 'vitest';

import { fetchUser, formatUser, greeting } from './users.js';

vi.mock('./users.js', async (importOriginal) => ({
  ...(await importOriginal<typeof import('./users.js')>()),
  // fetchUser returns a Promise; this double returns a plain object.
  fetchUser: vi.fn().mockReturnValue({ id: 1, name: 'Ada' }),
}));

describe('greeting', () => {
  it('greets a known user', async () => {
    // `.then` on a plain object throws inside greeting(); the catch turns it into "stranger".
    vi.mocked(fetchUser).mockReturnValueOnce({ id: 2, name: 'Grace' });
    // formatUser is synchronous; the code under test now formats a Promise.
    vi.mocked(formatUser).mockResolvedValue('Grace (#2)');
    expect(await greeting(2)).toBeTypeOf('string');
  });
});
