/** Reads an `ignore` entry: `/re/flags` is a regular expression, anything else an exact name. */
export function compileIgnore(entries: readonly string[]): (name: string) => boolean {
  const exact = new Set<string>();
  const patterns: RegExp[] = [];
  for (const entry of entries) {
    const match = /^\/(.+)\/([a-z]*)$/u.exec(entry);
    if (match?.[1] === undefined) {
      exact.add(entry);
      continue;
    }
    try {
      patterns.push(new RegExp(match[1], match[2]));
    } catch {
      exact.add(entry);
    }
  }
  return (name) => exact.has(name) || patterns.some((pattern) => pattern.test(name));
}
