// A tiny in-memory API and job queue for the examples in this folder.
export interface Response<T = unknown> {
  status: number;
  ok: boolean;
  body?: T;
}

const users = new Map([['u-1', { id: 'u-1', name: 'Ada' }]]);

const respond = <T>(status: number, body?: T): Response<T> => ({ status, ok: status >= 200 && status < 300, body });

export async function getUser(id: string): Promise<Response> {
  const user = users.get(id);
  return user === undefined ? respond(404) : respond(200, user);
}

export async function createUser(input: { name?: string }): Promise<Response> {
  if (input.name === undefined || input.name === '') {
    return respond(400, { error: 'name is required' });
  }
  const user = { id: `u-${users.size + 1}`, name: input.name };
  users.set(user.id, user);
  return respond(201, user);
}

export async function deleteUser(id: string): Promise<Response> {
  return users.delete(id) ? respond(204) : respond(404);
}
