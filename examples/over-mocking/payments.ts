export async function charge(userId: string, amount: number): Promise<{ status: 'paid' | 'declined' }> {
  const response = await fetch('https://pay.example/charges', { method: 'POST', body: JSON.stringify({ userId, amount }) });
  return (await response.json()) as { status: 'paid' | 'declined' };
}
