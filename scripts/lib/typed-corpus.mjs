// Typed corpus runs for `npm run eval -- --typed` (docs/evaluation.md, "Typed runs"): which files of
// a whole checkout are linted, which repositories a corpus folder holds, what TypeScript program
// each file was linted with, and the fallback program for test files that no tsconfig includes.
// Plain JS on purpose: the eval script runs on the built plugin without a TS loader.
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

import ts from 'typescript';

// The same selection as scripts/build-corpus.sh makes for test-only corpora.
const EXTENSION = /\.(?:[cm]?[jt]sx?)$/u;
const TESTISH =
  /(?:(?:^|\/)(?:test|tests|__tests__|spec|specs|e2e|integration-tests?)\/)|(?:\.(?:test|spec|e2e)\.[cm]?[jt]sx?$)|(?:(?:^|\/)tests?\.[cm]?[jt]sx?$)/iu;
const NOT_TEST =
  /(?:^|\/)(?:node_modules|dist|build|coverage|vendor|__snapshots__|__fixtures__|fixtures?|snapshots)\/|\.d\.[cm]?ts$|\.min\.js$/iu;
const SKIP_DIRS = new Set(['node_modules', '.git']);
const REPO_FOLDER = /^[^_]+(?:_[^_]+)*__.+$/u;

/** Whether a path inside a checkout (with `/` separators) is test code, as build-corpus.sh selects it. */
export function isTestFile(relative) {
  return EXTENSION.test(relative) && TESTISH.test(relative) && !NOT_TEST.test(relative);
}

/** The `owner__name` checkouts a folder stands for: itself when it is one, else its `owner__name` children. */
export function repoDirs(dir) {
  if (REPO_FOLDER.test(path.basename(dir))) return [dir];
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && REPO_FOLDER.test(entry.name))
    .map((entry) => path.join(dir, entry.name))
    .sort();
}

/** Every test file of a checkout, as paths relative to it, sorted. */
export function testFiles(repoDir) {
  const out = [];
  const visit = (dir) => {
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (!SKIP_DIRS.has(entry.name)) visit(full);
      } else if (entry.isFile()) {
        const relative = path.relative(repoDir, full).split(path.sep).join('/');
        if (isTestFile(relative)) out.push(relative);
      }
    }
  };
  visit(repoDir);
  return out.sort();
}

/**
 * At most `max` of `files`: the ones with the smallest seeded `key`, so a cap spreads over a
 * monorepo's packages instead of taking the first folders, and is the same on every run. Sorted.
 */
export function capFiles(files, max, key) {
  if (!(max < files.length)) return [...files];
  return files
    .map((file) => ({ file, key: key(file) }))
    .sort((a, b) => a.key - b.key || (a.file < b.file ? -1 : 1))
    .slice(0, max)
    .map(({ file }) => file)
    .sort();
}

/** A project-service failure, as the parser reports it in a fatal message (rather than a syntax error). */
export function isProjectError(message) {
  return /project service|allowDefaultProject|tsconfig|TSConfig|default project/u.test(message);
}

/** A file the project service found in no tsconfig (the fallback program can still type it). */
export function isNotInProject(message) {
  return /was not found by the project service/u.test(message);
}

/**
 * What one file was linted with: `tsconfig` (the project service placed it in a program built from
 * the repository's own tsconfig), `fallback` (no tsconfig includes it; a program built here from
 * the nearest tsconfig's options), or `none` (no program: the rules ran without types).
 */
export function programKind(stats) {
  if (stats === null || !stats.program) return 'none';
  return stats.config ? 'tsconfig' : 'fallback';
}

/** A fresh per-repository tally. */
export function emptyTally() {
  return {
    testFiles: 0,
    files: 0,
    tsconfig: 0,
    fallback: 0,
    none: 0,
    notInProject: 0,
    projectErrors: 0,
    configErrors: 0,
    parseFailures: 0,
    seconds: 0,
  };
}

/**
 * Adds one linted file to a tally: `kind` from `programKind`, `notInProject` when the project
 * service found no tsconfig for it, `projectError` when the service threw anything else, and
 * `configError` when the tsconfig its program came from has errors (an `extends` of a package that
 * is not installed, say): such a program is real but may miss options.
 */
export function tallyFile(tally, { kind, notInProject = false, projectError = false, configError = false, parseFailure = false }) {
  tally.files++;
  if (parseFailure) tally.parseFailures++;
  else tally[kind]++;
  if (notInProject) tally.notInProject++;
  if (projectError) tally.projectErrors++;
  if (configError) tally.configErrors++;
  return tally;
}

/** The sum of several tallies (`seconds` rounded to hundredths). */
export function sumTallies(tallies) {
  const total = emptyTally();
  for (const tally of tallies) {
    for (const key of Object.keys(total)) total[key] += tally[key] ?? 0;
  }
  total.seconds = Math.round(total.seconds * 100) / 100;
  return total;
}

const IGNORED_CONFIG_DIAGNOSTICS = new Set([18003]); // "No inputs were found": a config that only extends

/** Errors of a tsconfig as TypeScript reads it (unresolved `extends`, bad options), as text; cached per path. */
export function configErrors(configPath, cache = new Map()) {
  if (cache.has(configPath)) return cache.get(configPath);
  const errors = [];
  try {
    const parsed = ts.getParsedCommandLineOfConfigFile(configPath, undefined, {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: (diagnostic) => errors.push(diagnostic),
    });
    errors.push(...(parsed?.errors ?? []));
  } catch (error) {
    errors.push({ code: 0, messageText: String(error?.message ?? error) });
  }
  const messages = errors
    .filter((diagnostic) => !IGNORED_CONFIG_DIAGNOSTICS.has(diagnostic.code))
    .map((diagnostic) => ts.flattenDiagnosticMessageText(diagnostic.messageText, ' '));
  cache.set(configPath, messages);
  return messages;
}

/** The nearest `tsconfig.json` above a file, not above the repository's folder; null without one. */
export function nearestTsconfig(file, repoDir) {
  let dir = path.dirname(file);
  for (;;) {
    const candidate = path.join(dir, 'tsconfig.json');
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
    if (dir === repoDir || path.dirname(dir) === dir || !dir.startsWith(repoDir)) return null;
    dir = path.dirname(dir);
  }
}

const DEFAULT_OPTIONS = {
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.ESNext,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  jsx: ts.JsxEmit.Preserve,
  strict: true,
  esModuleInterop: true,
  resolveJsonModule: true,
};

/**
 * The program for test files that no tsconfig includes: those files as roots, with the options of
 * `configPath` (its `include`/`exclude` ignored; null: strict ES2022 defaults), JS allowed and
 * nothing emitted. Relative imports are followed, so the code under test is typed as in the
 * repository's own program. Throws when TypeScript cannot build it.
 */
export function fallbackProgram(files, configPath) {
  let options = DEFAULT_OPTIONS;
  if (configPath !== null) {
    const parsed = ts.getParsedCommandLineOfConfigFile(configPath, undefined, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} });
    if (parsed !== undefined) options = parsed.options;
  }
  const own = { ...options, allowJs: true, checkJs: false, noEmit: true, skipLibCheck: true, declaration: false, emitDeclarationOnly: false };
  // Not a tsconfig's program (programKind tells them apart by configFilePath), and nothing built.
  delete own.configFilePath;
  delete own.composite;
  delete own.incremental;
  delete own.tsBuildInfoFile;
  return ts.createProgram({ rootNames: files, options: own });
}
