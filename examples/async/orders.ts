export interface Order {
  readonly id: string;
  readonly items: readonly string[];
}

export const orderApi = {
  async save(order: Order): Promise<Order> {
    return order;
  },
  async reset(): Promise<void> {},
};

export async function createOrder(items: readonly string[]): Promise<Order> {
  if (items.length === 0) {
    throw new Error('empty basket');
  }
  return orderApi.save({ id: String(Date.now()), items });
}
