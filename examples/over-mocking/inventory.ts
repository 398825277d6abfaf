import type { Line } from './cart';

export const reserve = (lines: readonly Line[]): boolean => lines.every((line) => line.quantity > 0);
