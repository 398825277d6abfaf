// Over-mocked: every collaborator of checkout() is replaced, and the test only checks that each
// replacement was called the way the implementation calls it, passing on what the others returned:
// it restates the wiring.
import { describe, expect, it, vi } from 'vitest';

import { charge } from '../payments';
import { checkout } from '../checkout';
import { loadCart } from '../cart';
import { receipt } from '../receipts';
import { reserve } from '../inventory';

vi.mock('../cart', () => ({ loadCart: vi.fn(async () => [{ sku: 'a', quantity: 1, unitPrice: 10 }]) }));
vi.mock('../payments', () => ({ charge: vi.fn(async () => ({ status: 'paid' })) }));
vi.mock('../tax', () => ({ taxRate: () => 0 }));
vi.mock('../shipping', () => ({ shippingCost: () => 0 }));
vi.mock('../clock', () => ({ now: () => 0 }));
vi.mock('../discounts', () => ({ discountRate: () => 0 }));
vi.mock('../fraud', () => ({ screen: () => true }));
vi.mock('../inventory', () => ({ reserve: vi.fn(() => true) }));
// max-mocks-per-test: the ninth replaced collaborator, and the test below only checks calls.
vi.mock('../receipts', () => ({ receipt: vi.fn(() => 'r1') }));

describe('checkout', () => {
  it('charges the card', async () => {
    const lines = [{ sku: 'a', quantity: 1, unitPrice: 10 }];
    vi.mocked(loadCart).mockResolvedValue(lines);
    await checkout('u1', 'DE');
    expect(loadCart).toHaveBeenCalledWith('u1');
    expect(reserve).toHaveBeenCalledWith(lines);
    expect(charge).toHaveBeenCalledWith('u1', 10);
    expect(receipt).toHaveBeenCalledWith('u1', 10);
  });
});
