/** A rule option entry written `/source/flags` is a regular expression; any other entry is an exact name. */
const REGEX_ENTRY = /^\/(.+)\/([a-z]*)$/u;

/** Thrown for an option entry that looks like a regular expression but does not compile. */
export class OptionError extends Error {
  override readonly name = 'OptionError';
}

/**
 * Compiles a list option of names and `/…/flags` regular expressions into a matcher. An entry
 * between slashes that is not a valid regular expression stops the lint run with an error naming
 * the rule, the option and the entry (like a schema error), rather than being taken as a name
 * that never matches. `option` is how the error names the option: `max-mocks-per-test` option `ignore`.
 */
export function compileNamePatterns(entries: readonly string[], option: string): (name: string) => boolean {
  const exact = new Set<string>();
  const patterns: RegExp[] = [];
  for (const [index, entry] of entries.entries()) {
    const match = REGEX_ENTRY.exec(entry);
    if (match?.[1] === undefined) {
      exact.add(entry);
      continue;
    }
    try {
      patterns.push(new RegExp(match[1], match[2]));
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new OptionError(
        `eslint-plugin-test-quality: ${option}[${index}] is ${JSON.stringify(entry)}, which is written as a regular expression (/source/flags) but does not compile: ${reason}. Fix the pattern, or write the exact name without slashes.`,
      );
    }
  }
  return (name) => exact.has(name) || patterns.some((pattern) => pattern.test(name));
}
