import type { Program } from 'typescript';

/** How the files of one repository were linted in a typed run. */
export interface Tally {
  testFiles: number;
  files: number;
  tsconfig: number;
  fallback: number;
  none: number;
  notInProject: number;
  projectErrors: number;
  configErrors: number;
  parseFailures: number;
  seconds: number;
}

export type ProgramKind = 'tsconfig' | 'fallback' | 'none';

/** Whether a path inside a checkout (with `/` separators) is test code, as build-corpus.sh selects it. */
export declare function isTestFile(relative: string): boolean;
/** The `owner__name` checkouts a folder stands for. */
export declare function repoDirs(dir: string): string[];
/** Every test file of a checkout, relative to it, sorted. */
export declare function testFiles(repoDir: string): string[];
/** At most `max` of `files`, those with the smallest key, sorted. */
export declare function capFiles(files: readonly string[], max: number, key: (file: string) => number): string[];
export declare function isProjectError(message: string): boolean;
export declare function isNotInProject(message: string): boolean;
export declare function programKind(stats: { program: boolean; config: string | null } | null): ProgramKind;
export declare function emptyTally(): Tally;
export declare function tallyFile(
  tally: Tally,
  file: { kind: ProgramKind; notInProject?: boolean; projectError?: boolean; configError?: boolean; parseFailure?: boolean },
): Tally;
export declare function sumTallies(tallies: readonly Tally[]): Tally;
/** Errors of a tsconfig as TypeScript reads it, as text; cached per path in `cache`. */
export declare function configErrors(configPath: string, cache?: Map<string, string[]>): string[];
export declare function nearestTsconfig(file: string, repoDir: string): string | null;
export declare function fallbackProgram(files: readonly string[], configPath: string | null): Program;
