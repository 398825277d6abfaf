export interface User {
  readonly id: number;
  readonly name: string;
}

/** Loads a user over the network. */
export async function fetchUser(id: number): Promise<User> {
  const response = await fetch(`https://example.test/users/${id}`);
  return (await response.json()) as User;
}

/** Formats a user for display; synchronous. */
export function formatUser(user: User): string {
  return `${user.name} (#${user.id})`;
}

export async function greeting(id: number): Promise<string> {
  return fetchUser(id)
    .then((user) => `Hello, ${formatUser(user)}`)
    .catch(() => 'Hello, stranger');
}
