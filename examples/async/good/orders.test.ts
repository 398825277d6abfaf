// The same tests, waiting for their async work.
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
    await expect(createOrder([])).rejects.toThrow('empty basket');
  });

  it('sends a receipt', async () => {
    await sendReceipt('order-1');
    expect(sendReceipt).toHaveBeenCalledWith('order-1');
  });

  it('fails when the API is down', async () => {
    vi.spyOn(orderApi, 'save').mockRejectedValue(new Error('down'));
    await expect(orderApi.save({ id: 'order-2', items: [] })).rejects.toThrow('down');
  });

  it('starts from a seeded catalog', async () => {
    await seedCatalog();
    expect(orderApi.reset).toBeDefined();
  });

  it('sends the receipt after the delay', async () => {
    vi.useFakeTimers();
    // Settled by the awaited fake-timer flush below.
    sendReceipt('order-3');
    await vi.advanceTimersByTimeAsync(1000);
    expect(sendReceipt).toHaveBeenCalledWith('order-3');
    vi.useRealTimers();
  });

  it('checks both orders at once', async () => {
    await Promise.all([expect(createOrder(['a'])).resolves.toMatchObject({ items: ['a'] }), expect(createOrder([])).rejects.toThrow()]);
  });

  it('saves the order', async () => {
    await createOrder(['a']);
    await expectSaved('order-4');
  });

  it('creates an order', () => {
    return createOrder(['b']).then((order) => expect(order.items).toEqual(['b']));
  });

  it('keeps the order of ready callbacks', async () => {
    const order: string[] = [];
    // Only records; read after the await below.
    createOrder(['c']).then(() => order.push('created'));
    await createOrder(['d']);
    expect(order).toEqual(['created']);
  });
});
