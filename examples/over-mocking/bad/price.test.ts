// Mocked subject: the file tests ./price and replaces it.
import { expect, it, vi } from 'vitest';

import * as subject from './price';
import { price } from './price';

// no-mocked-subject: a partial self-mock still replaces the code under test.
vi.mock('./price', async (importOriginal) => ({
  ...(await importOriginal<typeof import('./price')>()),
  round: vi.fn(() => 12),
}));

it('adds tax', () => {
  expect(price(10, 'DE')).toBe(12);
});

it('rounds the gross price', () => {
  // no-mocked-subject in `strict` only (allowSeams: false): a stub of the subject's own namespace
  // while another of its functions runs is a seam, not reported by `recommended`.
  vi.spyOn(subject, 'round').mockReturnValue(11.9);
  expect(subject.price(10, 'DE')).toBe(11.9);
});
