// Tests that pass before their async work has happened.
import { describe, expect, it, vi } from 'vitest';

import { createOrder, orderApi } from '../orders';

const sendReceipt = vi.fn().mockResolvedValue({ delivered: true });

async function seedCatalog(): Promise<void> {
  await orderApi.reset();
}

async function expectSaved(id: string): Promise<void> {
  expect(await orderApi.save({ id, items: ['a'] })).toMatchObject({ id });
}

describe('orders', () => {
  it('rejects an empty basket', async () => {
    // no-unawaited-assertion: `.rejects` is not awaited. By the `await` below it has settled, and vitest
    // waits at the end only for assertions still pending: a failure escapes the test, which passes.
    expect(createOrder([])).rejects.toThrow('empty basket');
    await orderApi.reset();
  });

  it('reports a failed receipt', () => {
    sendReceipt.mockRejectedValueOnce(new Error('mail server down'));
    // no-unawaited-async-mock: the mock's promise is dropped, and with it the rejection the test set up.
    sendReceipt('order-1');
    expect(sendReceipt).toHaveBeenCalledWith('order-1');
  });

  it('fails when the API is down', () => {
    // A rejection built at setup time, which the next statement consumes: the drop below is the finding.
    vi.spyOn(orderApi, 'save').mockReturnValue(Promise.reject(new Error('down')));
    // no-unawaited-async-mock: `orderApi.save()` now returns a promise nobody waits for.
    orderApi.save({ id: 'order-2', items: [] });
  });

  it('starts from a seeded catalog', () => {
    // no-unawaited-async-mock: an async function called by a synchronous test.
    seedCatalog();
    expect(orderApi.reset).toBeDefined();
  });

  it('saves the order', async () => {
    await createOrder(['a']);
    // no-unawaited-async-mock: a same-file async helper, not awaited in an async test; its failing expect becomes an unhandled rejection.
    expectSaved('order-4');
  });

  it('creates an order', () => {
    // no-unawaited-async-mock: the `.then` callback (and its expect) runs after the test has passed.
    createOrder(['b']).then((order) => expect(order.items).toEqual(['b']));
  });
});
