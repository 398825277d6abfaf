// The lint pass of `npm run eval -- --typed` (docs/evaluation.md, "Typed runs"): per `owner__name`
// checkout, its test files through typescript-eslint's project service rooted at that checkout,
// a fallback program for the files no tsconfig includes, and no program as the last resort; a
// fresh project service per repository, so one repository's programs never type another's files.
import path from 'node:path';

import tseslintPlugin from '@typescript-eslint/eslint-plugin';
import tsParser, { clearCaches } from '@typescript-eslint/parser';

import { lintCounters, readCounted } from './lint-summary.mjs';
import {
  capFiles,
  configErrors,
  emptyTally,
  fallbackProgram,
  isNotInProject,
  isProjectError,
  nearestTsconfig,
  programKind,
  repoDirs,
  sumTallies,
  tallyFile,
  testFiles,
} from './typed-corpus.mjs';

export const FLOATING = '@typescript-eslint/no-floating-promises';
const FILES = ['**/*.{js,jsx,ts,tsx,mjs,cjs,mts,cts}'];

// Reports, once per file, whether it was linted with a TypeScript program and from which tsconfig.
const programRule = {
  meta: { type: 'problem', schema: [] },
  create(context) {
    return {
      'Program:exit'(node) {
        const program = context.sourceCode.parserServices?.program ?? null;
        context.report({ node, message: JSON.stringify({ program: program !== null, config: program?.getCompilerOptions().configFilePath ?? null }) });
      },
    };
  },
};

/**
 * Lints every repository of `options.dirs` with types. `env`: the ESLint `Linter` class, the built
 * plugin, the eval plugin's rules (`model-stats`), the rule namespace, the sample key, the size
 * limit. Returns what `lintAll` returns, plus `typed` (per-repository tallies of how files were
 * linted, tsconfigs with errors) and `floating` (no-floating-promises findings, with
 * `--compare-floating`).
 */
export function lintTyped(options, env) {
  process.env.TSESTREE_SINGLE_RUN ??= 'true'; // no project reloads when a file is in no tsconfig
  const { Linter, plugin, evalRules, namespace, key, maxBytes } = env;
  const configured = Object.entries(plugin.configs['recommended-type-checked'].rules);
  const entries = options.rules === null ? configured : options.rules.map((id) => [`${namespace}/${id}`, 'error']);
  for (const [ruleKey] of entries) {
    if (!(ruleKey.slice(namespace.length + 1) in plugin.rules)) throw new Error(`unknown rule ${ruleKey}`);
  }
  const ruleIds = entries.map(([ruleKey]) => ruleKey.slice(namespace.length + 1));
  const plugins = { [namespace]: plugin, eval: { rules: { ...evalRules, program: programRule } }, '@typescript-eslint': tseslintPlugin };
  const configFor = (sourceType, parserOptions, typed) => [
    {
      files: FILES,
      linterOptions: { noInlineConfig: true, reportUnusedDisableDirectives: 'off' },
      languageOptions: { parser: tsParser, ecmaVersion: 'latest', sourceType, parserOptions: { ecmaFeatures: { jsx: true }, ...parserOptions } },
      plugins,
      rules: {
        'eval/model-stats': 'warn',
        'eval/program': 'warn',
        ...Object.fromEntries(entries),
        ...(typed && options.compareFloating ? { [FLOATING]: 'error' } : {}),
      },
    },
  ];
  const both = (parserOptions, typed) => ({ module: configFor('module', parserOptions, typed), script: configFor('script', parserOptions, typed) });
  const untyped = both({}, false);
  const linter = new Linter({ cwd: '/' });

  const summary = {
    startedAt: new Date().toISOString(),
    set: options.set,
    typed: true,
    eslint: linter.version,
    dirs: options.dirs,
    rules: ruleIds,
    maxFilesPerRepo: Number.isFinite(options.maxFiles) ? options.maxFiles : null,
    ...lintCounters(),
  };
  const findings = [];
  const floating = [];
  const repos = {};
  const crashes = [];
  const parseFailures = [];
  const projectErrors = [];
  const timeByRule = {};
  const tallies = {};
  const configCache = new Map();
  const brokenConfigs = {};
  let parseMs = 0;
  const started = performance.now();

  /** One file's messages, retried as a script when it does not parse as a module; rules that throw are left out. */
  const verify = (configs, code, file, where) => {
    let sourceType = file.endsWith('.cjs') || file.endsWith('.cts') ? 'script' : 'module';
    const excluded = new Set();
    for (let attempt = 0; attempt <= ruleIds.length + 4; attempt++) {
      let messages;
      try {
        messages = linter.verifyAndFix(code, configs[sourceType], { filename: file, fix: false, stats: true, ruleFilter: ({ ruleId }) => !excluded.has(ruleId) }).messages;
      } catch (error) {
        const ruleId = /\nRule: "([^"]+)"/u.exec(String(error?.message))?.[1] ?? null;
        crashes.push({ ...where, ruleId, sourceType, message: String(error?.message), stack: String(error?.stack) });
        if (ruleId === null || excluded.has(ruleId)) return null;
        excluded.add(ruleId);
        continue;
      }
      const fatal = messages.find((message) => message.fatal === true);
      if (fatal !== undefined && isProjectError(fatal.message)) return { messages, sourceType, projectError: fatal.message };
      if (fatal !== undefined && sourceType === 'module' && !file.endsWith('.mjs') && !file.endsWith('.mts')) {
        sourceType = 'script';
        continue;
      }
      return { messages, sourceType, projectError: null };
    }
    return null;
  };

  /** Counts one file's messages: model and program stats, our findings, no-floating-promises'. */
  const record = (result, where, tally, flags, repoDir) => {
    if (result === null) {
      tallyFile(tally, { kind: 'none', ...flags });
      return;
    }
    const { messages, sourceType } = result;
    const fatal = messages.find((message) => message.fatal === true);
    if (fatal !== undefined) {
      summary.parseFailures++;
      parseFailures.push({ repo: where.repo, file: where.file, line: fatal.line, column: fatal.column, message: fatal.message });
      tallyFile(tally, { kind: 'none', parseFailure: true, ...flags });
      return;
    }
    if (sourceType === 'script') summary.parsedAsScript++;
    for (const pass of linter.getTimes().passes ?? []) {
      parseMs += pass.parse?.total ?? 0;
      for (const [ruleId, time] of Object.entries(pass.rules ?? {})) timeByRule[ruleId] = (timeByRule[ruleId] ?? 0) + (time.total ?? 0);
    }
    let program = null;
    for (const message of messages) {
      if (message.ruleId === 'eval/program') {
        program = JSON.parse(message.message);
      } else if (message.ruleId === 'eval/model-stats') {
        const stats = JSON.parse(message.message);
        if (stats.tests > 0) {
          summary.filesWithTests++;
          repos[where.repo].filesWithTests++;
        }
        summary.tests += stats.tests;
        repos[where.repo].tests += stats.tests;
        summary.assertions += stats.assertions;
        summary.mocks += stats.mocks;
      } else if (typeof message.ruleId === 'string' && (message.ruleId.startsWith(`${namespace}/`) || message.ruleId === FLOATING)) {
        const finding = {
          ...where,
          line: message.line,
          column: message.column,
          endLine: message.endLine,
          ruleId: message.ruleId === FLOATING ? FLOATING : message.ruleId.slice(namespace.length + 1),
          messageId: message.messageId,
          message: message.message,
          fix: message.fix !== undefined,
          suggestions: (message.suggestions ?? []).map((suggestion) => suggestion.desc),
        };
        (message.ruleId === FLOATING ? floating : findings).push(finding);
      }
    }
    const kind = programKind(program);
    let configError = false;
    if (kind === 'tsconfig') {
      const errors = configErrors(program.config, configCache);
      if (errors.length > 0) {
        configError = true;
        brokenConfigs[where.repo] ??= {};
        brokenConfigs[where.repo][path.relative(repoDir, program.config)] = errors.slice(0, 3);
      }
    }
    tallyFile(tally, { kind, configError, ...flags });
  };

  for (const dir of options.dirs) {
    for (const repoDir of repoDirs(dir)) {
      const repo = path.basename(repoDir);
      const repoStarted = performance.now();
      clearCaches(); // a fresh project service, rooted at this repository
      const tally = (tallies[repo] = emptyTally());
      repos[repo] ??= { files: 0, filesWithTests: 0, tests: 0 };
      const service = both({ projectService: true, tsconfigRootDir: repoDir }, true);
      const all = testFiles(repoDir);
      tally.testFiles = all.length;
      const orphans = [];
      for (const relative of capFiles(all, options.maxFiles, (file) => key({ ruleId: '', repo, file, line: 0, column: 0 }))) {
        const file = path.join(repoDir, relative);
        const code = readCounted(file, maxBytes, summary);
        if (code === null) {
          continue;
        }
        repos[repo].files++;
        const where = { repo, file: relative, path: file };
        const result = verify(service, code, file, where);
        if (result !== null && result.projectError !== null) {
          orphans.push({ where, code, notInProject: isNotInProject(result.projectError), error: result.projectError });
          continue;
        }
        record(result, where, tally, {}, repoDir);
      }
      // Files the project service could not place: one fallback program per nearest tsconfig.
      const groups = new Map();
      for (const orphan of orphans) {
        if (!orphan.notInProject) projectErrors.push({ repo, file: orphan.where.file, message: orphan.error.split('\n')[0] });
        const config = nearestTsconfig(orphan.where.path, repoDir);
        if (!groups.has(config)) groups.set(config, []);
        groups.get(config).push(orphan);
      }
      for (const [config, group] of groups) {
        let configs = untyped;
        try {
          configs = both({ programs: [fallbackProgram(group.map((orphan) => orphan.where.path), config)] }, true);
        } catch (error) {
          projectErrors.push({ repo, file: config === null ? '(no tsconfig)' : path.relative(repoDir, config), message: `fallback program: ${String(error?.message).split('\n')[0]}` });
        }
        for (const orphan of group) {
          const flags = { notInProject: orphan.notInProject, projectError: !orphan.notInProject };
          let result = verify(configs, orphan.code, orphan.where.path, orphan.where);
          if (result !== null && result.projectError !== null) {
            projectErrors.push({ repo, file: orphan.where.file, message: result.projectError.split('\n')[0] });
            result = verify(untyped, orphan.code, orphan.where.path, orphan.where);
          }
          record(result, orphan.where, tally, flags, repoDir);
        }
      }
      tally.seconds = Math.round((performance.now() - repoStarted) / 10) / 100;
      process.stderr.write(`${repo}: ${tally.files} files (${tally.tsconfig} tsconfig, ${tally.fallback} fallback, ${tally.none} none), ${tally.seconds}s\n`);
    }
  }
  clearCaches();

  summary.lintSeconds = Math.round((performance.now() - started) / 10) / 100;
  summary.ruleCrashes = crashes.length;
  summary.findings = findings.length;
  const timing = {
    parseMs: Math.round(parseMs),
    rules: Object.fromEntries(Object.entries(timeByRule).sort((a, b) => b[1] - a[1]).map(([id, ms]) => [id, Math.round(ms)])),
  };
  return {
    summary,
    repos,
    timing,
    crashes,
    parseFailures,
    typed: { repos: tallies, total: sumTallies(Object.values(tallies)), projectErrors, brokenConfigs },
    ...(options.compareFloating ? { floating } : {}),
    findings,
  };
}
