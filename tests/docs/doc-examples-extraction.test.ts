import { describe, expect, it } from 'vitest';

import { extractExamples } from './doc-examples.js';

const DOC = `# Rule

Prose with \`code\`.

❌ Incorrect (with the default \`max: 5\`):

\`\`\`ts
// vitest — src/price.test.ts
bad1();
\`\`\`

<!-- doc-example: {"options": [{ "max": 1 }]} -->
\`\`\`js
bad2();
\`\`\`

✅ Correct:

\`\`\`tsx title="good.tsx"
good1();
\`\`\`

Some prose that ends the run of examples.

\`\`\`ts
// before / after: not an example
after();
\`\`\`

## Options

\`\`\`json
{ "max": 5 }
\`\`\`

✅ Correct with options:

<!-- doc-example: {"filename": "test/a.test.js", "options": [{ "allow": true }]} -->

  \`\`\`js
  good2();
  \`\`\`
`;

describe('extractExamples', () => {
  const examples = extractExamples(DOC, 'docs/rules/x.md', 'x');

  it('takes every js/ts block after a ❌/✅ line up to the next prose line, and nothing else', () => {
    expect(examples.map((example) => [example.line, example.expectation, example.lang, example.code])).toEqual([
      [7, 'reported', 'ts', '// vitest — src/price.test.ts\nbad1();\n'],
      [13, 'reported', 'js', 'bad2();\n'],
      [19, 'clean', 'tsx', 'good1();\n'],
      [40, 'clean', 'js', '  good2();\n'],
    ]);
  });

  it('names the file from the directive, else from a path on the first comment line, else example.test.<lang>', () => {
    expect(examples.map((example) => example.filename)).toEqual(['src/price.test.ts', 'example.test.js', 'example.test.tsx', 'test/a.test.js']);
  });

  it('takes options from the directive right above a block only', () => {
    expect(examples.map((example) => example.options)).toEqual([undefined, [{ max: 1 }], undefined, [{ allow: true }]]);
  });

  it('says where each block is', () => {
    expect(examples.map((example) => example.where)).toEqual([
      'docs/rules/x.md:7 (❌ ts block)',
      'docs/rules/x.md:13 (❌ js block)',
      'docs/rules/x.md:19 (✅ tsx block)',
      'docs/rules/x.md:40 (✅ js block)',
    ]);
  });

  it('fails on a directive that is not JSON, naming the line', () => {
    expect(() => extractExamples('✅ Correct:\n\n<!-- doc-example: {options: 1} -->\n```js\nx();\n```\n', 'docs/rules/y.md', 'y')).toThrow(/^docs\/rules\/y\.md:3: the doc-example directive is not valid JSON/u);
  });
});
