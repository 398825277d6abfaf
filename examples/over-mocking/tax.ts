export const taxRate = (country: string): number => (country === 'DE' ? 0.19 : 0.2);
