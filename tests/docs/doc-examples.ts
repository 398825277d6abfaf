// Reads the ❌/✅ example blocks of docs/rules/*.md. A fenced js/jsx/ts/tsx block is an example when the last prose
// line before it (other blocks of the same run and `<!-- doc-example … -->` lines aside) starts with ❌ or ✅:
//
//   ❌ Incorrect:            <- label for every block up to the next prose line
//   <!-- doc-example: {"options": [{ "max": 3 }], "filename": "src/a.test.ts"} -->   <- optional, for the next block
//   ```ts
//   …
//   ```
//
// A block's file name is, in order: the directive's `filename`, a path after a dash on the block's first comment line
// (`// vitest — src/price.test.ts`), or `example.test.<lang>`.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export type Expectation = 'reported' | 'clean';

export interface DocExample {
  /** `docs/rules/<rule>.md`. */
  readonly doc: string;
  readonly ruleId: string;
  /** 1-based line of the block's opening fence in the doc. */
  readonly line: number;
  readonly expectation: Expectation;
  readonly lang: 'js' | 'jsx' | 'ts' | 'tsx';
  readonly code: string;
  /** Relative file name to lint the block as. */
  readonly filename: string;
  /** Rule options from a directive; `undefined`: the options of the plugin's configs. */
  readonly options: readonly unknown[] | undefined;
  /** Where it is, for failure messages: `docs/rules/x.md:57 (❌ block)`. */
  readonly where: string;
}

/** An opening fence and its language: ```ts, ```ts title="x", indented ones inside lists. */
const FENCE = /^\s*```\s*(\w*)[^`]*$/u;
const CLOSING_FENCE = /^\s*```\s*$/u;
const DIRECTIVE = /^<!--\s*doc-example:\s*(\{.*\})\s*-->\s*$/u;
const LANGS = new Set(['js', 'jsx', 'ts', 'tsx']);
const NAMED_FILE = /^\/\/.*[—–-]\s*(\S+\.(?:[cm]?[jt]sx?))\s*$/u;

interface Directive {
  readonly options?: unknown[];
  readonly filename?: string;
}

function parseDirective(json: string, where: string): Directive {
  try {
    return JSON.parse(json) as Directive;
  } catch (error) {
    throw new Error(`${where}: the doc-example directive is not valid JSON (${String(error)})`, { cause: error });
  }
}

/** The example blocks of one rule doc (its markdown, its repo path, its rule id), in document order. */
export function extractExamples(markdown: string, doc: string, ruleId: string): DocExample[] {
  const lines = markdown.split('\n');
  const examples: DocExample[] = [];
  let label: Expectation | null = null;
  let directive: Directive | null = null;
  for (let index = 0; index < lines.length; index += 1) {
    const text = lines[index] ?? '';
    const fence = FENCE.exec(text);
    if (fence !== null) {
      const start = index;
      const body: string[] = [];
      for (index += 1; index < lines.length && !CLOSING_FENCE.test(lines[index] ?? ''); index += 1) {
        body.push(lines[index] ?? '');
      }
      const lang = fence[1] ?? '';
      if (label !== null && LANGS.has(lang)) {
        const where = `${doc}:${start + 1} (${label === 'reported' ? '❌' : '✅'} ${lang} block)`;
        const named = NAMED_FILE.exec(body[0] ?? '')?.[1];
        examples.push({
          doc,
          ruleId,
          line: start + 1,
          expectation: label,
          lang: lang as DocExample['lang'],
          code: `${body.join('\n')}\n`,
          filename: directive?.filename ?? named ?? `example.test.${lang}`,
          options: directive?.options,
          where,
        });
      }
      directive = null;
      continue;
    }
    const trimmed = text.trim();
    const directiveMatch = DIRECTIVE.exec(trimmed);
    if (directiveMatch?.[1] !== undefined) {
      directive = parseDirective(directiveMatch[1], `${doc}:${index + 1}`);
    } else if (trimmed.startsWith('❌')) {
      label = 'reported';
    } else if (trimmed.startsWith('✅')) {
      label = 'clean';
    } else if (trimmed !== '') {
      label = null;
    }
  }
  return examples;
}

/** Every rule doc's examples, keyed by rule id. */
export function allDocExamples(repoRoot: string): Map<string, DocExample[]> {
  const dir = join(repoRoot, 'docs', 'rules');
  const result = new Map<string, DocExample[]>();
  for (const name of readdirSync(dir).filter((file) => file.endsWith('.md')).sort()) {
    const ruleId = name.slice(0, -'.md'.length);
    result.set(ruleId, extractExamples(readFileSync(join(dir, name), 'utf8'), `docs/rules/${name}`, ruleId));
  }
  return result;
}
