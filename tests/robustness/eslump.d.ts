declare module 'eslump' {
  export function generateRandomJS(options?: {
    readonly sourceType?: 'module' | 'script';
    readonly maxDepth?: number;
    readonly comments?: boolean;
    readonly whitespace?: boolean;
  }): string;
}
