// The README's two flat configs, ESM (`eslint.config.js`) and CommonJS (`eslint.config.cjs`), copied as they are into a
// project with test files of every extension and location the README's globs name: both lint every one of them,
// with the same findings. And the generated configs table lists every config the plugin exports.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

import { BAD_TEST, PERMISSIVE_MESSAGE, QUALIFIED_RULE_ID } from './support/fixtures.js';
import { REPO_ROOT, assertBuilt, builtPlugin, createProject, runEslint, type EslintMajor } from './support/project.js';

vi.setConfig({ testTimeout: 90_000 });

/** The README's first ```js block that contains `marker`. */
function readmeBlock(marker: string): string {
  const readme = readFileSync(join(REPO_ROOT, 'README.md'), 'utf8');
  const block = [...readme.matchAll(/```js\n([\s\S]*?)```/gu)].map((match) => match[1] ?? '').find((text) => text.includes(marker));
  if (block === undefined) {
    throw new Error(`README.md has no \`\`\`js block with ${marker}`);
  }
  return block;
}

/** A test file per extension and location the README's globs are meant to cover; TSX gets a JSX element. */
const TEST_FILES = [
  'src/users.test.js',
  'src/users.spec.jsx',
  'src/users.test.ts',
  'src/users.spec.tsx',
  'src/users.test.mjs',
  'src/users.test.cjs',
  'src/users.test.mts',
  'src/users.test.cts',
  'src/__tests__/users.ts',
  'test/users.js',
];

const contentOf = (file: string): string => (/\.[jt]sx$/u.test(file) ? `${BAD_TEST}\nexport const view = <div />;\n` : BAD_TEST);

const findings = async (major: EslintMajor, project: ReturnType<typeof createProject>, config: string): Promise<string[]> => {
  const result = await runEslint(major, project, ['--config', config, '--format', 'json', '.']);
  expect(result.code, result.stderr).toBe(1);
  const files = JSON.parse(result.stdout) as { filePath: string; messages: { ruleId: string | null; line: number; message: string }[] }[];
  return files.flatMap((file) => file.messages.map((message) => `${file.filePath.slice(project.dir.length + 1)}:${message.line} ${message.ruleId ?? 'parse'} ${message.message}`)).sort();
};

describe.each([9, 10] as const)('the README configs with ESLint %i', (major) => {
  const project = createProject({
    eslint: major,
    link: ['@typescript-eslint/parser'],
    files: {
      'package.json': JSON.stringify({ name: 'mixed-project', private: true }),
      'eslint.config.mjs': readmeBlock('export default'),
      'eslint.config.cjs': readmeBlock('module.exports'),
      ...Object.fromEntries(TEST_FILES.map((file) => [file, contentOf(file)])),
    },
  });
  beforeAll(assertBuilt);
  afterAll(() => project.remove());

  it('the ESM config finds the permissive assertion in every test file', async () => {
    const found = await findings(major, project, 'eslint.config.mjs');
    expect(found).toEqual(TEST_FILES.map((file) => `${file}:8 ${QUALIFIED_RULE_ID} ${PERMISSIVE_MESSAGE}`).sort());
  });

  it('the CommonJS config finds the same', async () => {
    expect(await findings(major, project, 'eslint.config.cjs')).toEqual(await findings(major, project, 'eslint.config.mjs'));
  });
});

describe('the README configs table', () => {
  it('lists every config the plugin exports, `all` included', async () => {
    const readme = readFileSync(join(REPO_ROOT, 'README.md'), 'utf8');
    const table = /<!-- begin auto-generated configs list -->([\s\S]*?)<!-- end auto-generated configs list -->/u.exec(readme)?.[1] ?? '';
    const listed = [...table.matchAll(/\| `([^`]+)` +\|/gu)].map((match) => match[1]).sort();
    expect(listed).toEqual(Object.keys((await builtPlugin()).configs).sort());
    expect(listed).toContain('all');
  });
});
