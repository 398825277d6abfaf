import path from 'node:path';

import { describe, expect, it } from 'vitest';

import { parseArgs } from '../../scripts/lib/eval-args.mjs';

const root = '/repo';

describe('parseArgs', () => {
  it('asks for the usage only when --help or -h is given', () => {
    expect(parseArgs(['corpus', '--help'], { root })).toEqual({ help: true });
    expect(parseArgs(['-h'], { root })).toEqual({ help: true });
    expect(parseArgs(['corpus'], { root })).not.toHaveProperty('help');
  });

  it('keeps the untyped defaults', () => {
    const options = parseArgs(['corpus'], { root });
    expect(options).toMatchObject({
      dirs: [path.resolve('corpus')],
      sample: 40,
      maxFiles: Infinity,
      repoCap: 1 / 3,
      repos: '/repo/scripts/corpus-repos.txt',
      typed: false,
      compareFloating: false,
      compareSample: 30,
    });
  });

  it('reads the typed options', () => {
    const options = parseArgs(['c', '--typed', '--compare-floating', '--compare-sample', '20', '--max-files', '150', '--label-sheets', 'sheets'], { root });
    expect(options).toMatchObject({ typed: true, compareFloating: true, compareSample: 20, maxFiles: 150, labelSheets: path.resolve('sheets') });
  });

  it('collects repeated --labels and strips the namespace from --rules', () => {
    const options = parseArgs(['c', '--labels', 'a.tsv', '--labels', 'b.tsv', '--rules', 'test-quality/no-unawaited-async-mock,no-mock-async-mismatch'], { root });
    expect(options.labels).toEqual([path.resolve('a.tsv'), path.resolve('b.tsv')]);
    expect(options.rules).toEqual(['no-unawaited-async-mock', 'no-mock-async-mismatch']);
  });

  it('refuses the comparison without types, and fix safety with types', () => {
    expect(() => parseArgs(['c', '--compare-floating'], { root })).toThrow(/needs --typed/u);
    expect(() => parseArgs(['c', '--typed', '--fix-safety'], { root })).toThrow(/not supported with --typed/u);
  });

  it('re-renders a typed report from JSON without --typed', () => {
    expect(parseArgs(['--from', 'r.json', '--compare-floating'], { root }).from).toBe(path.resolve('r.json'));
  });

  it('rejects unknown options, missing values, bad numbers and an empty command line', () => {
    expect(() => parseArgs(['c', '--typd'], { root })).toThrow(/unknown option --typd/u);
    expect(() => parseArgs(['c', '--max-files'], { root })).toThrow(/--max-files needs a value/u);
    expect(() => parseArgs(['c', '--max-files', 'many'], { root })).toThrow(/--max-files must be a positive number/u);
    expect(() => parseArgs(['c', '--repo-cap', '2'], { root })).toThrow(/--repo-cap/u);
    expect(() => parseArgs([], { root })).toThrow(/usage/u);
  });
});
