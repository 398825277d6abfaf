export interface EvalOptions {
  dirs: string[];
  out: string;
  sample: number;
  seed: number;
  rules: string[] | null;
  maxFiles: number;
  fixSafety: boolean;
  labels: string[];
  from: string | null;
  doc: string | null;
  set: string | null;
  repos: string;
  repoCap: number;
  labelSheets: string | null;
  recall: string | null;
  typed: boolean;
  compareFloating: boolean;
  compareSample: number;
  dist?: string;
  eslint?: string;
}

/** Parses `npm run eval` arguments (without node and the script); throws on a bad command line. */
export declare function parseArgs(argv: readonly string[], options: { root: string }): EvalOptions;
