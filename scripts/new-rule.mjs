// `npm run new-rule <id>` writes the rule, test and doc skeletons, then regenerates src/rules/index.ts.
// The rule file is a query over the shared test model (src/model/index.ts); analysis only this
// rule needs goes in src/rules/<id>/, its tests in tests/rules/<id>/ (docs/architecture.md).
import { existsSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const id = process.argv[2];
if (id === undefined || !/^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/u.test(id)) {
  console.error('usage: npm run new-rule <rule-id>   (kebab-case, e.g. no-foo-bar)');
  process.exit(2);
}
const root = fileURLToPath(new URL('../', import.meta.url));
const files = {
  [`src/rules/${id}.ts`]: `import type { TSESTree } from '@typescript-eslint/utils';

import { createRule } from '../create-rule.js';
import { getTestModel } from '../model/index.js';

export type Options = [];
export type MessageIds = 'TODO';

export default createRule<Options, MessageIds>({
  name: '${id}',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow TODO',
      recommended: 'recommended',
      requiresTypeChecking: false,
    },
    messages: {
      TODO: 'TODO: say what is weak and what to write instead.',
    },
    schema: [],
    defaultOptions: [],
  },
  create(context) {
    return {
      'Program:exit'(program: TSESTree.Program) {
        // Ask the shared model (src/model/index.ts); put analysis only this rule needs in src/rules/${id}/.
        const model = getTestModel(context);
        void model;
        void program;
      },
    };
  },
});
`,
  [`tests/rules/${id}.test.ts`]: `import rule from '../../src/rules/${id}.js';
import { createRuleTester } from '../rule-tester.js';

createRuleTester().run('${id}', rule, {
  valid: [],
  invalid: [],
});
`,
  [`docs/rules/${id}.md`]: `# TODO (\`test-quality/${id}\`)

<!-- end auto-generated rule header -->

Why this makes tests weaker.

## Rule details

❌ Incorrect:

\`\`\`ts
\`\`\`

✅ Correct:

\`\`\`ts
\`\`\`

## Options

## When not to use it

## Related rules
`,
};
for (const path of Object.keys(files)) {
  if (existsSync(root + path)) {
    console.error(`${path} exists already; nothing written.`);
    process.exit(1);
  }
}
for (const [path, content] of Object.entries(files)) {
  writeFileSync(root + path, content);
  console.log(`wrote ${path}`);
}
execFileSync(process.execPath, [`${root}scripts/generate-rules-index.mjs`], { stdio: 'inherit' });
console.log('Now run `npm run docs` to write the doc header and README table.');
