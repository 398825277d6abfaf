export interface Line {
  readonly sku: string;
  readonly quantity: number;
  readonly unitPrice: number;
}

export async function loadCart(userId: string): Promise<Line[]> {
  const response = await fetch(`https://shop.example/carts/${userId}`);
  return (await response.json()) as Line[];
}
