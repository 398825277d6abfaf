import { loadCart } from './cart';
import { now } from './clock';
import { discountRate } from './discounts';
import { screen } from './fraud';
import { reserve } from './inventory';
import { charge } from './payments';
import { receipt } from './receipts';
import { shippingCost } from './shipping';
import { taxRate } from './tax';

export async function checkout(userId: string, country: string): Promise<{ status: string; total: number; at: number; receipt?: string }> {
  const lines = await loadCart(userId);
  if (!reserve(lines)) {
    return { status: 'out of stock', total: 0, at: now() };
  }
  const subtotal = lines.reduce((sum, line) => sum + line.quantity * line.unitPrice, 0) * (1 - discountRate(userId));
  const total = subtotal * (1 + taxRate(country)) + shippingCost(subtotal);
  if (!screen(userId, total)) {
    return { status: 'declined', total, at: now() };
  }
  const { status } = await charge(userId, total);
  return { status, total, at: now(), receipt: receipt(userId, total) };
}
