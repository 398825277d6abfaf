// Blind labelling sheets for `npm run eval -- … --label-sheets <dir>`: per rule, the sampled
// findings with their code and nothing else (no earlier label, no rule source), and a TSV for
// the labeller to fill in, in the format `--labels` reads.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const HEAD_LINES = 25;
const BEFORE = 40;
const AFTER = 25;

function numbered(lines, from, to, marked) {
  const width = String(to).length;
  const out = [];
  for (let n = from; n <= to; n++) {
    out.push(`${marked(n) ? '>' : ' '}${String(n).padStart(width)} | ${lines[n - 1] ?? ''}`);
  }
  return out.join('\n');
}

/** The file's first lines (imports, module mocks) and a wide window around the finding. */
export function codeOf(finding) {
  let lines;
  try {
    lines = readFileSync(finding.path, 'utf8').split(/\r?\n/u);
  } catch {
    return '(file not available)';
  }
  const last = finding.endLine ?? finding.line;
  const marked = (n) => n >= finding.line && n <= last;
  const from = Math.max(1, finding.line - BEFORE);
  const to = Math.min(lines.length, Math.max(last, finding.line) + AFTER);
  const head = from > HEAD_LINES + 1 ? `${numbered(lines, 1, HEAD_LINES, marked)}\n   …\n` : '';
  return `${head}${numbered(lines, head === '' ? 1 : from, to, marked)}`;
}

export function writeLabelSheets(dir, report, ruleIds, { root, set }) {
  mkdirSync(dir, { recursive: true });
  for (const id of ruleIds) {
    const sample = report.samples[id] ?? [];
    if (sample.length === 0) continue;
    const out = [
      `# Labelling sheet: ${id}${set ? ` (set ${set})` : ''}`,
      '',
      `The rule's documentation: ${path.join(root, 'docs/rules', `${id}.md`)}. For each finding below, decide: would an`,
      'experienced engineer reviewing this test agree it is the weakness the documentation describes, and want it',
      'changed? TP only if yes; technically matching the documentation is not enough. The full file is at the path given.',
      '',
    ];
    sample.forEach((finding, index) => {
      out.push(
        `## ${index + 1}. \`${id}\t${finding.repo}/${finding.file}:${finding.line}:${finding.column}\``,
        '',
        `File: ${finding.path}`,
        `Message: ${finding.message}`,
        '',
        '```',
        codeOf(finding),
        '```',
        '',
      );
    });
    writeFileSync(path.join(dir, `${id}.md`), `${out.join('\n')}\n`);
    const rows = sample.map((finding) => `${id}\t${finding.repo}/${finding.file}:${finding.line}:${finding.column}\t\t`);
    writeFileSync(path.join(dir, `${id}.tsv`), `# rule\tlocation\tTP|FP\treason\n${rows.join('\n')}\n`);
  }
}
