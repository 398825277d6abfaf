// Over-mocked: every collaborator of checkout() is replaced, so the test checks the wiring.
import { beforeEach, describe, expect, it, vi } from 'vitest';

import { checkout } from '../checkout';
import * as clock from '../clock';

// max-mocks-per-test: four module mocks at file level...
vi.mock('../cart', () => ({ loadCart: vi.fn(async () => [{ sku: 'a', quantity: 1, unitPrice: 10 }]) }));
vi.mock('../payments', () => ({ charge: vi.fn(async () => ({ status: 'paid' })) }));
vi.mock('../tax', () => ({ taxRate: () => 0 }));
vi.mock('../shipping', () => ({ shippingCost: () => 0 }));

describe('checkout', () => {
  beforeEach(() => {
    // ...one more in a hook...
    vi.spyOn(clock, 'now').mockReturnValue(0);
  });

  it('charges the card', async () => {
    // ...and one in the test: 6 replaced collaborators, more than 5.
    vi.stubGlobal('fetch', vi.fn(async () => new Response('{}')));
    expect(await checkout('u1', 'DE')).toEqual({ status: 'paid', total: 10, at: 0 });
  });
});
