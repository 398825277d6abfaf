// A tiny in-memory API for the examples in this folder.
export interface Response<T = unknown> {
  status: number;
  body?: T;
}

const orders = new Map([['o-1', { id: 'o-1', total: 42 }]]);

export async function getUser(id: string): Promise<Response> {
  return id === 'u-1' ? { status: 200, body: { id } } : { status: 404 };
}

export async function getOrder(id: string): Promise<Response> {
  const order = orders.get(id);
  return order === undefined ? { status: 404 } : { status: 200, body: order };
}
