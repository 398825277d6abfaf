import { loadCart } from './cart';
import { now } from './clock';
import { charge } from './payments';
import { shippingCost } from './shipping';
import { taxRate } from './tax';

export async function checkout(userId: string, country: string): Promise<{ status: string; total: number; at: number }> {
  const lines = await loadCart(userId);
  const subtotal = lines.reduce((sum, line) => sum + line.quantity * line.unitPrice, 0);
  const total = subtotal * (1 + taxRate(country)) + shippingCost(subtotal);
  const { status } = await charge(userId, total);
  return { status, total, at: now() };
}
