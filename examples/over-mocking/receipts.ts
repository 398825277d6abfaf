export const receipt = (userId: string, total: number): string => `${userId}: ${total.toFixed(2)}`;
