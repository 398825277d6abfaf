// ✅ The mocks have the shape of the functions they replace.
import { describe, expect, it, vi } from 'vitest';

import { fetchUser, formatUser, greeting } from './users.js';

vi.mock('./users.js', async (importOriginal) => ({
  ...(await importOriginal<typeof import('./users.js')>()),
  fetchUser: vi.fn().mockResolvedValue({ id: 1, name: 'Ada' }),
}));

describe('greeting', () => {
  it('greets a known user', async () => {
    vi.mocked(fetchUser).mockResolvedValueOnce({ id: 2, name: 'Grace' });
    vi.mocked(formatUser).mockReturnValue('Grace (#2)');
    expect(await greeting(2)).toBe('Hello, Grace (#2)');
  });
});
