import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';

import type { ImportRecord } from '../../../src/model/index.js';
import { subjectBindings } from '../../../src/rules/no-mocked-subject/subject-bindings.js';

// Issue #26: `const { a0, …, a129999 } = require('./x'); jest.mock('./x')` once overflowed the stack
// (`push(...variables)` past V8's argument limit of about 125,000). No smaller file shows it, and
// ESLint alone needs most of a minute to lint a file with 130,000 bindings, so the regression
// test gives the collecting function 200,000 variables directly.
const MANY = 200_000;
const variables = Array.from({ length: MANY }, (_unused, index) => ({ name: `a${index}` }) as unknown as TSESLint.Scope.Variable);
const sourceCode = { getDeclaredVariables: () => variables } as unknown as TSESLint.SourceCode;

describe('subjectBindings with an unbounded number of bound names', () => {
  it('collects every variable of an import declaration without a spread', () => {
    const record: ImportRecord = { specifier: './x', node: { type: 'ImportDeclaration' } as TSESTree.Node, locals: [], namespace: null };
    const { bindings } = subjectBindings(sourceCode, [record], []);
    expect(bindings).toHaveLength(MANY);
    expect(bindings.at(-1)?.name).toBe(`a${MANY - 1}`);
  });

  it('collects every variable of a destructured dynamic import', () => {
    const declarator = { id: { type: 'ObjectPattern' } } as unknown as TSESTree.VariableDeclarator;
    const { bindings, namespaces } = subjectBindings(sourceCode, [], [{ node: {} as TSESTree.ImportExpression, specifier: './x', declarator }]);
    expect(bindings).toHaveLength(MANY);
    expect(namespaces.size).toBe(0);
  });
});
