// The command line of `npm run eval` (scripts/eval.mjs; options listed at the top of that file).
import path from 'node:path';

const NAMESPACE = 'test-quality';

export const USAGE =
  'usage: npm run eval -- <dir…> [--out prefix] [--sample n] [--seed n] [--rules a,b] [--max-files n] [--fix-safety] ' +
  '[--labels tsv]… [--set name] [--repos txt] [--repo-cap share] [--dist dir] [--label-sheets dir] [--from json] [--doc md] ' +
  '[--typed [--compare-floating] [--compare-sample n]]';

/** Parses `argv` (without node and the script); paths are resolved against the working directory. `--help` / `-h` asks for the usage only. */
export function parseArgs(argv, { root }) {
  if (argv.includes('--help') || argv.includes('-h')) return { help: true };
  const options = {
    dirs: [],
    out: 'eval-report',
    sample: 40,
    seed: 1,
    rules: null,
    maxFiles: Infinity,
    fixSafety: false,
    labels: [],
    from: null,
    doc: null,
    set: null,
    repos: path.join(root, 'scripts/corpus-repos.txt'),
    repoCap: 1 / 3,
    labelSheets: null,
    recall: null,
    typed: false,
    compareFloating: false,
    compareSample: 30,
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = () => {
      const next = argv[++i];
      if (next === undefined) throw new Error(`${arg} needs a value`);
      return next;
    };
    if (arg === '--out') options.out = value();
    else if (arg === '--sample') options.sample = Number(value());
    else if (arg === '--seed') options.seed = Number(value());
    else if (arg === '--rules') options.rules = value().split(',').map((id) => id.replace(`${NAMESPACE}/`, ''));
    else if (arg === '--max-files') options.maxFiles = Number(value());
    else if (arg === '--fix-safety') options.fixSafety = true;
    else if (arg === '--labels') options.labels.push(path.resolve(value()));
    else if (arg === '--set') options.set = value();
    else if (arg === '--repos') options.repos = path.resolve(value());
    else if (arg === '--repo-cap') options.repoCap = Number(value());
    else if (arg === '--dist') options.dist = value();
    else if (arg === '--label-sheets') options.labelSheets = path.resolve(value());
    else if (arg === '--recall') options.recall = path.resolve(value());
    else if (arg === '--from') options.from = path.resolve(value());
    else if (arg === '--doc') options.doc = path.resolve(value());
    else if (arg === '--eslint') options.eslint = value();
    else if (arg === '--typed') options.typed = true;
    else if (arg === '--compare-floating') options.compareFloating = true;
    else if (arg === '--compare-sample') options.compareSample = Number(value());
    else if (arg.startsWith('--')) throw new Error(`unknown option ${arg}`);
    else options.dirs.push(path.resolve(arg));
  }
  if (options.dirs.length === 0 && options.from === null) throw new Error(USAGE);
  if (!(options.repoCap > 0 && options.repoCap <= 1)) throw new Error(`--repo-cap must be a share in (0, 1], got ${options.repoCap}`);
  if (!(options.sample > 0)) throw new Error(`--sample must be a positive number, got ${options.sample}`);
  if (!(options.maxFiles > 0)) throw new Error(`--max-files must be a positive number, got ${options.maxFiles}`);
  if (!(options.compareSample >= 0)) throw new Error(`--compare-sample must be a number ≥ 0, got ${options.compareSample}`);
  if (options.compareFloating && !options.typed && options.from === null) throw new Error('--compare-floating needs --typed (no-floating-promises needs types)');
  if (options.typed && options.fixSafety) throw new Error('--fix-safety is not supported with --typed');
  return options;
}
