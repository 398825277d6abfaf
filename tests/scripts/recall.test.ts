import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { describe, expect, it } from 'vitest';

import { readInstances, recallByRule } from '../../scripts/lib/recall.mjs';

function instancesFile(text: string): string {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'recall-')), 'hunt.tsv');
  writeFileSync(file, text);
  return file;
}

describe('recall on hunted instances', () => {
  const file = instancesFile(
    [
      '# rule\tlocation\tnote',
      'no-permissive-assertion\tr__a/test/a.test.ts:10-12\tstatus set',
      'no-permissive-assertion\tr__a/test/a.test.ts:30-30\tnegated status',
      'max-mocks-per-test\tr__b/b.test.ts:5-40\tmany mocks',
      '',
    ].join('\n'),
  );

  it('counts an instance as reported only when a finding of the same rule starts inside its lines', () => {
    const findings = [
      { ruleId: 'no-permissive-assertion', repo: 'r__a', file: 'test/a.test.ts', line: 11 },
      { ruleId: 'no-permissive-assertion', repo: 'r__a', file: 'test/a.test.ts', line: 31 },
      { ruleId: 'no-unawaited-assertion', repo: 'r__b', file: 'b.test.ts', line: 6 },
    ];
    const recall = recallByRule(readInstances(file), findings);
    expect(recall['no-permissive-assertion']).toMatchObject({ instances: 2, reported: 1, recall: 50, missed: ['r__a/test/a.test.ts:30-30'] });
    expect(recall['max-mocks-per-test']).toMatchObject({ instances: 1, reported: 0, recall: 0 });
  });

  it('rejects a line without a line range, naming the file', () => {
    expect(() => readInstances(instancesFile('max-mocks-per-test\tr__b/b.test.ts:5\tno range\n'))).toThrow(/bad recall line in .*hunt\.tsv/u);
  });
});
