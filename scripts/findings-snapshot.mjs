#!/usr/bin/env node
// Writes every finding of a built plugin over a corpus, with each autofix and suggestion's exact
// edit, one JSON line per finding, sorted: two snapshots from two builds (say, before and after a
// refactor) are equal byte for byte exactly when the plugin's behaviour on that corpus is.
//
//   node scripts/findings-snapshot.mjs <corpus dir> --out <file.jsonl> [--dist <dir>] [--rules a,b]
//
// --dist: the built plugin to load (default: this checkout's dist/); another checkout's dist/
// compares two versions with the same ESLint and parser. --rules: only these rule ids (quicker). Files are linted as `npm run eval` lints
// them (the `all` config, TypeScript parser, JSX on, a script retry when a file is not a module);
// a rule that throws is written as a `crash` line instead of stopping the run.
import { createWriteStream, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

import tsParser from '@typescript-eslint/parser';
import { Linter } from 'eslint';

// A rule that throws must count as a crash here, not turn into one "Internal error" finding
// (src/create-rule.ts's safety net), so let errors through to ESLint.
process.env.TEST_QUALITY_DEBUG ??= '1';
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const EXTENSIONS = /\.(?:[cm]?[jt]sx?)$/u;
const MAX_BYTES = 1_000_000;

function parseArgs(argv) {
  const options = { corpus: null, out: null, dist: path.join(root, 'dist'), rules: null };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--out') options.out = argv[++i];
    else if (arg === '--dist') options.dist = path.resolve(argv[++i]);
    else if (arg === '--rules') options.rules = argv[++i].split(',').map((id) => `test-quality/${id.replace(/^test-quality\//u, '')}`);
    else if (arg.startsWith('--')) throw new Error(`unknown option ${arg}`);
    else options.corpus = path.resolve(arg);
  }
  if (options.corpus === null || options.out === undefined || options.out === null) {
    throw new Error('usage: node scripts/findings-snapshot.mjs <corpus dir> --out <file.jsonl> [--dist <dir>] [--rules a,b]');
  }
  return options;
}

function* walk(dir) {
  const entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory() && entry.name !== 'node_modules' && entry.name !== '.git') yield* walk(full);
    else if (entry.isFile() && EXTENSIONS.test(entry.name) && !/\.d\.[cm]?ts$/u.test(entry.name)) yield full;
  }
}

const configFor = (plugin, sourceType, rules) => [
  {
    files: ['**/*.{js,jsx,ts,tsx,mjs,cjs,mts,cts}'],
    linterOptions: { noInlineConfig: true, reportUnusedDisableDirectives: 'off' },
    languageOptions: { parser: tsParser, ecmaVersion: 'latest', sourceType, parserOptions: { ecmaFeatures: { jsx: true } } },
    plugins: { 'test-quality': plugin },
    rules,
  },
];

/** One file's messages, retried as a script when it does not parse as a module. */
function lintFile(linter, configs, code, file) {
  let sourceType = file.endsWith('.cjs') || file.endsWith('.cts') ? 'script' : 'module';
  for (;;) {
    const messages = linter.verify(code, configs[sourceType], { filename: file });
    const fatal = messages.some((message) => message.fatal === true);
    if (fatal && sourceType === 'module' && !file.endsWith('.mjs') && !file.endsWith('.mts')) {
      sourceType = 'script';
      continue;
    }
    return fatal ? [] : messages;
  }
}

/** An autofix or a suggestion's edit, as ESLint applies it. */
const edit = (fix) => (fix === undefined ? null : { range: fix.range, text: fix.text });

const options = parseArgs(process.argv.slice(2));
const { default: plugin } = await import(pathToFileURL(path.join(options.dist, 'index.js')).href);
const linter = new Linter({ cwd: '/' });
const rules = options.rules === null ? plugin.configs.all.rules : Object.fromEntries(options.rules.map((id) => [id, 'error']));
const configs = { module: configFor(plugin, 'module', rules), script: configFor(plugin, 'script', rules) };
const lines = [];
let files = 0;
for (const file of walk(options.corpus)) {
  if (statSync(file).size > MAX_BYTES) continue;
  files++;
  const name = path.relative(options.corpus, file);
  let messages;
  try {
    messages = lintFile(linter, configs, readFileSync(file, 'utf8'), file);
  } catch (error) {
    lines.push(JSON.stringify({ file: name, crash: String(error?.message).split('\n')[0] }));
    continue;
  }
  for (const message of messages) {
    if (typeof message.ruleId !== 'string' || !message.ruleId.startsWith('test-quality/')) continue;
    const { ruleId, line, column, endLine, endColumn } = message;
    const suggestions = (message.suggestions ?? []).map((suggestion) => ({ desc: suggestion.desc, fix: edit(suggestion.fix) }));
    lines.push(JSON.stringify({ file: name, line, column, endLine, endColumn, ruleId, message: message.message, fix: edit(message.fix), suggestions }));
  }
}
lines.sort();
const out = createWriteStream(options.out);
for (const line of lines) out.write(`${line}\n`);
out.end();
const crashes = lines.filter((line) => line.includes('"crash"')).length;
const fixes = lines.filter((line) => !line.includes('"fix":null')).length;
const suggested = lines.filter((line) => !line.includes('"suggestions":[]')).length;
console.log(`${files} files, ${lines.length - crashes} findings (${fixes} with a fix, ${suggested} with suggestions), ${crashes} crashes → ${options.out}`);
