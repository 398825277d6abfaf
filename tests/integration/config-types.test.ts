// `eslint.config.ts` users: the real `tsc` checks the typed config example (examples/typescript-config/eslint.config.ts)
// and every way of using our configs and plugin (tests/fixtures/config-types/assignability.ts) against ESLint 9's and
// ESLint 10's own types. The plugin is installed into the scratch project as npm would (package.json + dist/ copied),
// so its declarations resolve `eslint` to the project's ESLint, not to ours.
import { cpSync, mkdirSync, readFileSync, realpathSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

import { assertBuilt, createProject, ESLINT_PACKAGES, REPO_MODULES, REPO_ROOT, run, type EslintMajor, type TempProject } from './support/project.js';

vi.setConfig({ testTimeout: 120_000, hookTimeout: 120_000 });

const TSC = join(REPO_MODULES, 'typescript', 'bin', 'tsc');

const TSCONFIG = {
  compilerOptions: {
    target: 'ES2022',
    module: 'NodeNext',
    moduleResolution: 'NodeNext',
    strict: true,
    exactOptionalPropertyTypes: true,
    noEmit: true,
    skipLibCheck: true,
    types: [],
  },
  include: ['eslint.config.ts', 'assignability.ts'],
};

/** A scratch project with `eslint` of the given major, the parser, and a copy of the built plugin as npm installs it. */
function typedProject(major: EslintMajor): TempProject {
  const project = createProject({
    eslint: major,
    link: ['@typescript-eslint/parser', '@typescript-eslint/utils', '@typescript-eslint/types'],
    files: {
      'package.json': JSON.stringify({ name: 'typed-config', private: true, type: 'module' }),
      'tsconfig.json': JSON.stringify(TSCONFIG, null, 2),
    },
  });
  // An installed copy instead of the symlink to this repository: its `.d.ts` files then resolve `eslint` from the
  // project (the major under test), as in a user's node_modules.
  const installed = project.path('node_modules/eslint-plugin-test-quality');
  unlinkSync(installed);
  mkdirSync(installed);
  cpSync(join(REPO_ROOT, 'package.json'), join(installed, 'package.json'));
  cpSync(join(REPO_ROOT, 'dist'), join(installed, 'dist'), { recursive: true });
  cpSync(join(REPO_ROOT, 'examples', 'typescript-config', 'eslint.config.ts'), project.path('eslint.config.ts'));
  cpSync(join(REPO_ROOT, 'tests', 'fixtures', 'config-types', 'assignability.ts'), project.path('assignability.ts'));
  return project;
}

const majors: EslintMajor[] = [9, 10];

it("README's eslint.config.ts block is the example file tsc checks", () => {
  const readme = readFileSync(join(REPO_ROOT, 'README.md'), 'utf8');
  const example = readFileSync(join(REPO_ROOT, 'examples', 'typescript-config', 'eslint.config.ts'), 'utf8');
  const blocks = [...readme.matchAll(/```ts\n([\s\S]*?)```/gu)].map((match) => match[1]);
  expect(blocks).toContain(example);
});

describe.each(majors)('eslint.config.ts against ESLint %i types', (major) => {
  let project: TempProject;
  beforeAll(() => {
    assertBuilt();
    project = typedProject(major);
  });
  afterAll(() => project.remove());

  it('tsc accepts the eslint.config.ts example and every documented use of configs and plugin', async () => {
    const result = await run(process.execPath, [TSC, '-p', '.', '--pretty', 'false', '--listFiles'], { cwd: project.dir, timeoutMs: 110_000 });
    const errors = result.stdout.split('\n').filter((line) => line.includes('error TS'));
    expect(errors).toEqual([]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    // The types checked against are the major's own, for the example and for the plugin's declarations alike.
    const eslintTypes = join(realpathSync(ESLINT_PACKAGES[major]), 'lib', 'types', 'index.d.ts');
    const listed = result.stdout.split('\n');
    expect(listed).toContain(eslintTypes);
    expect(listed).toContain(project.path('node_modules/eslint-plugin-test-quality/dist/index.d.ts'));
    expect(listed.filter((line) => /\/eslint(-v9)?\/lib\/types\/index\.d\.ts$/u.test(line))).toEqual([eslintTypes]);
  });

  it('tsc rejects a config that misuses them (the check is real)', async () => {
    project.write('assignability.ts', `import type { ESLint } from 'eslint';
import testQuality from 'eslint-plugin-test-quality';

export const notAPlugin: ESLint.Plugin = { rules: testQuality.configs.recommended.rules };
`);
    const result = await run(process.execPath, [TSC, '-p', '.', '--pretty', 'false'], { cwd: project.dir, timeoutMs: 110_000 });
    expect(result.code).toBe(2);
    expect(result.stdout).toContain('assignability.ts(4,');
    expect(result.stdout).toContain('error TS2322');
  });
});
