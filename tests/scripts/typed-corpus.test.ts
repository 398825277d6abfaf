import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { Linter, type Rule } from 'eslint';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

import {
  capFiles,
  configErrors,
  emptyTally,
  fallbackProgram,
  isNotInProject,
  isProjectError,
  isTestFile,
  nearestTsconfig,
  programKind,
  repoDirs,
  sumTallies,
  tallyFile,
  testFiles,
} from '../../scripts/lib/typed-corpus.mjs';
import { lintTyped } from '../../scripts/lib/typed-lint.mjs';
import plugin from '../../src/index.js';
import { getTestModel } from '../../src/model/index.js';

/** A checkout in a temp folder: `files` by path. */
function checkout(files: Record<string, string>, name = 'owner__repo'): string {
  const dir = path.join(mkdtempSync(path.join(tmpdir(), 'typed-')), name);
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), text);
  }
  return dir;
}

const STORE = 'export class Store {\n  items: number[] = [];\n  async insert(item: number): Promise<void> {\n    this.items.push(item);\n  }\n}\n';
const DROPPED = (from: string) =>
  `import { expect, it } from 'vitest';\nimport { Store } from '${from}';\n\nit('inserts', () => {\n  const store = new Store();\n  store.insert(1);\n  expect(store.items).toEqual([1]);\n});\n`;

describe('which files a typed run lints', () => {
  it('takes test code as build-corpus.sh does, without fixtures, declarations and build output', () => {
    expect(isTestFile('packages/a/src/foo.test.ts')).toBe(true);
    expect(isTestFile('test/helpers/server.js')).toBe(true);
    expect(isTestFile('src/__tests__/x.tsx')).toBe(true);
    expect(isTestFile('src/foo.ts')).toBe(false);
    expect(isTestFile('test/fixtures/app.ts')).toBe(false);
    expect(isTestFile('test/types.d.ts')).toBe(false);
    expect(isTestFile('dist/foo.test.js')).toBe(false);
    expect(isTestFile('test/data.json')).toBe(false);
  });

  it('finds the owner__name checkouts of a corpus folder, or the checkout itself', () => {
    const repo = checkout({ 'test/a.test.ts': '' });
    mkdirSync(path.join(path.dirname(repo), 'not-a-repo'));
    expect(repoDirs(path.dirname(repo))).toEqual([repo]);
    expect(repoDirs(repo)).toEqual([repo]);
    expect(testFiles(repo)).toEqual(['test/a.test.ts']);
  });

  it('caps a repository by a seeded key, the same choice on every run, sorted', () => {
    const files = ['a/1.test.ts', 'a/2.test.ts', 'b/1.test.ts', 'c/1.test.ts'];
    const key = (file: string) => ({ 'a/1.test.ts': 4, 'a/2.test.ts': 3, 'b/1.test.ts': 1, 'c/1.test.ts': 2 })[file] ?? 0;
    expect(capFiles(files, 2, key)).toEqual(['b/1.test.ts', 'c/1.test.ts']);
    expect(capFiles(files, Infinity, key)).toEqual(files);
  });
});

describe('the in-a-project-or-not accounting', () => {
  it('names what a file was linted with from the program the parser gave it', () => {
    expect(programKind({ program: true, config: '/r/tsconfig.json' })).toBe('tsconfig');
    expect(programKind({ program: true, config: null })).toBe('fallback');
    expect(programKind({ program: false, config: null })).toBe('none');
    expect(programKind(null)).toBe('none');
  });

  it('tells a file in no tsconfig from other project-service failures and from syntax errors', () => {
    const notFound = 'Parsing error: /r/test/a.test.ts was not found by the project service. Consider either including it in the tsconfig.json or including it in allowDefaultProject.';
    expect(isNotInProject(notFound)).toBe(true);
    expect(isProjectError(notFound)).toBe(true);
    expect(isProjectError('Parsing error: Too many files (>8) have matched the default project.')).toBe(true);
    expect(isNotInProject('Parsing error: Too many files (>8) have matched the default project.')).toBe(false);
    expect(isProjectError("Parsing error: ';' expected.")).toBe(false);
  });

  it('counts each file once by program, and flags apart; a parse failure is not counted as linted without a program', () => {
    const tally = emptyTally();
    tallyFile(tally, { kind: 'tsconfig', configError: true });
    tallyFile(tally, { kind: 'fallback', notInProject: true });
    tallyFile(tally, { kind: 'none', projectError: true });
    tallyFile(tally, { kind: 'none', parseFailure: true });
    expect(tally).toMatchObject({ files: 4, tsconfig: 1, fallback: 1, none: 1, parseFailures: 1, notInProject: 1, projectErrors: 1, configErrors: 1 });
    const total = sumTallies([tally, { ...emptyTally(), files: 2, tsconfig: 2, seconds: 1.004 }, { ...tally, seconds: 2.5 }]);
    expect(total).toMatchObject({ files: 10, tsconfig: 4, fallback: 2, seconds: 3.5 });
  });
});

describe('tsconfigs and the fallback program (real TypeScript)', () => {
  it('reports an extends of a package that is not installed, and caches per path', () => {
    const repo = checkout({ 'tsconfig.json': '{ "extends": "@missing/tsconfig", "include": ["src"] }', 'src/a.ts': '' });
    const cache = new Map<string, string[]>();
    const errors = configErrors(path.join(repo, 'tsconfig.json'), cache);
    expect(errors.join('\n')).toMatch(/@missing\/tsconfig/u);
    expect(cache.get(path.join(repo, 'tsconfig.json'))).toBe(errors);
  });

  it('finds the nearest tsconfig inside the checkout only', () => {
    const repo = checkout({ 'tsconfig.json': '{}', 'packages/a/tsconfig.json': '{}', 'packages/a/test/x.test.ts': '', 'packages/b/test/y.test.ts': '' });
    expect(nearestTsconfig(path.join(repo, 'packages/a/test/x.test.ts'), repo)).toBe(path.join(repo, 'packages/a/tsconfig.json'));
    expect(nearestTsconfig(path.join(repo, 'packages/b/test/y.test.ts'), repo)).toBe(path.join(repo, 'tsconfig.json'));
    const bare = checkout({ 'test/z.test.ts': '' });
    expect(nearestTsconfig(path.join(bare, 'test/z.test.ts'), bare)).toBeNull();
  });

  it('builds a fallback program that types a relative import of the code under test', () => {
    const repo = checkout({ 'tsconfig.json': '{ "compilerOptions": { "strict": true }, "include": ["src"] }', 'src/store.ts': STORE, 'test/store.test.ts': DROPPED('../src/store') });
    const program = fallbackProgram([path.join(repo, 'test/store.test.ts')], path.join(repo, 'tsconfig.json'));
    expect(program.getSourceFile(path.join(repo, 'src/store.ts'))).toBeDefined();
    const checker = program.getTypeChecker();
    const store = program.getSourceFile(path.join(repo, 'src/store.ts'));
    const declaration = store?.statements.find(ts.isClassDeclaration);
    expect(declaration && checker.typeToString(checker.getTypeAtLocation(declaration))).toBe('Store');
    expect(program.getCompilerOptions()).toMatchObject({ allowJs: true, noEmit: true, strict: true });
  });
});

describe('lintTyped on a small checkout (real ESLint, parser and project service)', () => {
  const modelStats: Rule.RuleModule = {
    meta: { type: 'problem', schema: [] },
    create(context) {
      return {
        'Program:exit'(node) {
          const model = getTestModel(context as never);
          context.report({ node, message: JSON.stringify({ tests: model.tests.length, assertions: model.assertions.length, mocks: model.mocks.length }) });
        },
      };
    },
  };

  it('lints tsconfig files with their program, the rest with the fallback, and counts a broken extends', () => {
    const repo = checkout({
      'package.json': '{ "type": "module" }',
      'tsconfig.json': JSON.stringify({ compilerOptions: { strict: true, module: 'ESNext', moduleResolution: 'Bundler', target: 'ES2022' }, include: ['src', 'test'], exclude: ['test/excluded.test.ts'] }),
      'src/store.ts': STORE,
      'test/store.test.ts': DROPPED('../src/store'),
      'test/excluded.test.ts': DROPPED('../src/store'),
      'test/plain.test.js': DROPPED('../src/store'),
      'sub/tsconfig.json': JSON.stringify({ extends: '@missing/tsconfig', compilerOptions: { strict: true }, include: ['*.test.ts'] }),
      'sub/store.test.ts': DROPPED('../src/store'),
    });
    const result = lintTyped(
      { dirs: [path.dirname(repo)], rules: null, maxFiles: Infinity, compareFloating: true, set: null },
      { Linter, plugin, evalRules: { 'model-stats': modelStats }, namespace: 'test-quality', key: () => 0, maxBytes: 1_000_000 },
    );
    expect(result.typed.repos['owner__repo']).toMatchObject({ testFiles: 4, files: 4, tsconfig: 2, fallback: 2, none: 0, notInProject: 2, configErrors: 1, projectErrors: 0 });
    expect(Object.keys(result.typed.brokenConfigs['owner__repo'] ?? {})).toEqual(['sub/tsconfig.json']);
    expect(result.crashes).toEqual([]);
    // no-floating-promises sees the dropped `store.insert(1)` in every file, so every file had types.
    expect((result.floating ?? []).map((finding) => `${finding.file}:${finding.line}`).sort()).toEqual([
      'sub/store.test.ts:6',
      'test/excluded.test.ts:6',
      'test/plain.test.js:6',
      'test/store.test.ts:6',
    ]);
    expect(result.repos['owner__repo']).toMatchObject({ files: 4, filesWithTests: 4, tests: 4 });
  });
});
