// The subject runs for real; only its collaborator is mocked, and a spy only observes.
import { expect, it, vi } from 'vitest';

import * as subject from './price';
import { price } from './price';

vi.mock('../tax', () => ({ taxRate: () => 0.2 }));

it('adds tax and rounds', () => {
  expect(price(9.99, 'FR')).toBe(11.99);
});

it('rounds once', () => {
  const round = vi.spyOn(subject, 'round');
  expect(subject.round(1.005)).toBe(1);
  expect(round).toHaveBeenCalledTimes(1);
});
