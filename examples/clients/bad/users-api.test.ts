// ❌ The test every client integration test shows (editor, CI, pre-commit, oxlint): it passes whether the
// API answers 200 or 404, so it cannot catch the bug its title is about.
import { describe, expect, it } from 'vitest';

import { getUser } from '../users-api';

describe('GET /users/:id', () => {
  it('returns 404 for an unknown user', async () => {
    const res = await getUser('missing');
    expect([200, 404]).toContain(res.status);
  });
});
