export const discountRate = (userId: string): number => (userId.startsWith('staff-') ? 0.1 : 0);
