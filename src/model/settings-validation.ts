/**
 * Checks `settings['test-quality']` the way ESLint checks rule options against their schema: a key
 * the plugin does not know or a value of the wrong shape stops the lint run with one error that
 * names each bad key and what it expects, instead of the setting being ignored (and findings
 * silently disappearing).
 */

type SettingKind = 'names' | 'aliases' | 'flag';

/** Every setting, with what its value must be. */
const SETTINGS: Readonly<Record<string, { readonly kind: SettingKind; readonly example: string }>> = {
  testFunctions: { kind: 'names', example: "['scenario']" },
  suiteFunctions: { kind: 'names', example: "['feature']" },
  assertFunctions: { kind: 'names', example: "['expectStatus']" },
  frameworkModules: { kind: 'names', example: "['./test-utils']" },
  pathAliases: { kind: 'aliases', example: "{ '@/': 'src/' }" },
  vitestGlobals: { kind: 'flag', example: 'true' },
};

const KNOWN_KEYS = Object.keys(SETTINGS);

/** Thrown for invalid settings; ESLint prints its message and exits with code 2. */
export class SettingsError extends Error {
  override readonly name = 'SettingsError';
}

const describeValue = (value: unknown): string => {
  if (value === undefined) {
    return 'undefined';
  }
  let text: string;
  try {
    text = JSON.stringify(value) ?? String(value);
  } catch {
    text = String(value);
  }
  const type = Array.isArray(value) ? 'array' : value === null ? 'null' : typeof value;
  return `${text.length > 60 ? `${text.slice(0, 57)}...` : text} (${type})`;
};

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

/** Edit distance, for "did you mean". */
function distance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    for (let j = 1; j <= b.length; j += 1) {
      const cost = a[i - 1]?.toLowerCase() === b[j - 1]?.toLowerCase() ? 0 : 1;
      current.push(Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost));
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}

function unknownKey(key: string): string {
  const closest = KNOWN_KEYS.map((known) => ({ known, cost: distance(key, known) })).sort((a, b) => a.cost - b.cost)[0];
  const hint = closest !== undefined && closest.cost <= 3 ? ` (did you mean "${closest.known}"?)` : '';
  return `"${key}" is not a setting of this plugin${hint}; the settings are ${KNOWN_KEYS.join(', ')}.`;
}

function problemOf(key: string, value: unknown): string | undefined {
  const setting = SETTINGS[key];
  if (setting === undefined) {
    return unknownKey(key);
  }
  if (value === undefined) {
    return undefined;
  }
  if (setting.kind === 'flag') {
    return typeof value === 'boolean' ? undefined : `"${key}" should be true or false, e.g. ${setting.example}; got ${describeValue(value)}.`;
  }
  if (setting.kind === 'names') {
    const ok = Array.isArray(value) && value.every((item) => typeof item === 'string' && item !== '');
    return ok ? undefined : `"${key}" should be an array of non-empty strings, e.g. ${setting.example}; got ${describeValue(value)}.`;
  }
  const ok = isPlainObject(value) && Object.entries(value).every(([prefix, target]) => prefix !== '' && typeof target === 'string');
  return ok ? undefined : `"${key}" should be an object mapping import prefixes to folders (strings), e.g. ${setting.example}; got ${describeValue(value)}.`;
}

/** The problems of a `settings['test-quality']` value, one sentence each; empty when it is valid. */
export function settingsProblems(raw: unknown): string[] {
  if (raw === undefined) {
    return [];
  }
  if (!isPlainObject(raw)) {
    return [`settings['test-quality'] should be an object such as { testFunctions: ['scenario'] }; got ${describeValue(raw)}.`];
  }
  return Object.entries(raw).flatMap(([key, value]) => problemOf(key, value) ?? []);
}

/** Throws one `SettingsError` listing every problem of `settings['test-quality']`. */
export function validateSettings(raw: unknown): void {
  const problems = settingsProblems(raw);
  if (problems.length > 0) {
    throw new SettingsError(`eslint-plugin-test-quality: invalid settings['test-quality']:\n${problems.map((problem) => `\t- ${problem}`).join('\n')}`);
  }
}
