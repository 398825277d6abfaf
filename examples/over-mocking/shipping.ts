export const shippingCost = (subtotal: number): number => (subtotal >= 50 ? 0 : 4.9);
