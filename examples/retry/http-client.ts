// A small HTTP client with retries, used by the retry examples.
export interface ClientOptions {
  readonly send: (url: string) => Promise<{ status: number }>;
  /** Extra attempts after the first one. Defaults to 3. */
  readonly maxRetries?: number;
}

export const DEFAULT_MAX_RETRIES = 3;

export function createClient({ send, maxRetries = DEFAULT_MAX_RETRIES }: ClientOptions) {
  return {
    async get(url: string): Promise<{ status: number }> {
      let lastError: unknown;
      for (let attempt = 0; attempt <= maxRetries; attempt += 1) {
        try {
          const response = await send(url);
          if (response.status < 500) {
            return response;
          }
          lastError = new Error(`HTTP ${response.status}`);
        } catch (error) {
          lastError = error;
        }
      }
      throw lastError;
    },
  };
}
