import { taxRate } from './tax';

export const round = (value: number): number => Math.round(value * 100) / 100;

export function price(net: number, country: string): number {
  return round(net * (1 + taxRate(country)));
}
