export const screen = (userId: string, total: number): boolean => userId.length > 0 && total < 10_000;
