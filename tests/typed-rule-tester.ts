import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { RuleTester } from '@typescript-eslint/rule-tester';

/** Root of the small typed project the typed rule tests lint in (`file.ts`, `react.tsx`, `file.js`, `file.cjs`). */
export const typedFixtureRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), 'fixtures/typed');

/** Absolute path of a file of the typed fixture project, for a case's `filename` (`react.tsx`, `file.cjs` …). */
export const typedFile = (name: string): string => path.join(typedFixtureRoot, name);

/**
 * A RuleTester with full type information (`projectService`) over `tests/fixtures/typed`.
 * Cases lint as `file.ts` unless they name another fixture file (JSX: `typedFile('react.tsx')`).
 */
export function createTypedRuleTester(): RuleTester {
  return new RuleTester({
    defaultFilenames: { ts: typedFile('file.ts'), tsx: typedFile('react.tsx') },
    languageOptions: {
      parserOptions: {
        projectService: true,
        tsconfigRootDir: typedFixtureRoot,
      },
    },
  });
}
