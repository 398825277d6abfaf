import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/types';
import type { TSESLint } from '@typescript-eslint/utils';
import { findVariable } from '@typescript-eslint/utils/ast-utils';

import type { TestBlock } from '../../model/index.js';
import type { CountAssertion } from './count-assertions.js';
import type { Limit } from './limits.js';

/**
 * The count written from the limit a test configures: `MAX_RETRIES + 1` from a constant in scope,
 * or the literal option moved into a constant of the test (`const retries = 3;`).
 */

const RESERVED: ReadonlySet<string> = new Set(['default', 'delete', 'new', 'function', 'class', 'enum', 'package', 'let', 'static', 'yield', 'await', 'void', 'this']);

/** The count as an expression of the limit `name`: the name itself, or one call more. */
export const expressionFor = (name: string, limit: number, count: number): string => (count === limit ? name : `${name} + 1`);

/** The text that replaces a count literal: bare as a call argument, parenthesised anywhere else (`3 as number`). */
function inPlace(literal: TSESTree.Literal, expression: string): string {
  return literal.parent.type === AST_NODE_TYPES.CallExpression || !expression.includes(' ') ? expression : `(${expression})`;
}

/** Is `name` unused in the scope of `callback` and every scope inside it (nothing to shadow or capture)? */
function isNameFree(sourceCode: Readonly<TSESLint.SourceCode>, callback: TSESTree.Node, name: string): boolean {
  const scope = sourceCode.scopeManager?.acquire(callback);
  if (scope == null) {
    return false;
  }
  if (findVariable(scope, name) !== null) {
    return false;
  }
  const pending = [scope];
  while (pending.length > 0) {
    const current = pending.pop();
    if (current === undefined) {
      break;
    }
    if (current.set.has(name) || current.references.some((reference) => reference.identifier.name === name)) {
      return false;
    }
    pending.push(...current.childScopes);
  }
  return true;
}

/** A count derived from a limit: the expression to write and the edit that writes it. */
export interface DerivedCount {
  readonly expression: string;
  readonly fix: TSESLint.ReportFixFunction;
}

/** How to derive the count literal from `limit`; null when the literal cannot be rewritten safely. */
export function deriveCount(sourceCode: Readonly<TSESLint.SourceCode>, found: CountAssertion, limit: Limit, test: TestBlock): DerivedCount | null {
  const literal = found.literal;
  if (literal === null) {
    return null;
  }
  if (limit.variable !== null) {
    const visible = findVariable(sourceCode.getScope(literal), limit.variable.name);
    if (visible !== limit.variable) {
      return null;
    }
    const expression = expressionFor(limit.variable.name, limit.value, found.count);
    return { expression, fix: (fixer) => fixer.replaceText(literal, inPlace(literal, expression)) };
  }
  const property = limit.property;
  const callback = test.callback;
  if (property === null || callback === null || callback.body.type !== AST_NODE_TYPES.BlockStatement || limit.block !== test) {
    return null;
  }
  const name = limit.name;
  if (property.computed || property.key.type !== AST_NODE_TYPES.Identifier || RESERVED.has(name) || !isNameFree(sourceCode, callback, name)) {
    return null;
  }
  const first = callback.body.body[0];
  if (first === undefined) {
    return null;
  }
  const lineText = sourceCode.lines[first.loc.start.line - 1] ?? '';
  const indent = lineText.slice(0, first.loc.start.column);
  const expression = expressionFor(name, limit.value, found.count);
  return {
    expression,
    fix: (fixer) => [
      fixer.insertTextBefore(first, `const ${name} = ${limit.value};\n${/^\s*$/u.test(indent) ? indent : ''}`),
      fixer.replaceText(property, name),
      fixer.replaceText(literal, inPlace(literal, expression)),
    ],
  };
}
