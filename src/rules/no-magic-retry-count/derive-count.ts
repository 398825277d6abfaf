import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/types';
import type { TSESLint } from '@typescript-eslint/utils';
import { findVariable } from '@typescript-eslint/utils/ast-utils';

import { getKeyName } from '../../ast/nodes.js';
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
export function isNameFree(sourceCode: Readonly<TSESLint.SourceCode>, callback: TSESTree.Node, name: string): boolean {
  const scope = sourceCode.scopeManager?.acquire(callback);
  if (scope == null) {
    return false;
  }
  if (findVariable(scope, name) !== null) {
    return false;
  }
  const pending = [scope];
  for (let current = pending.pop(); current !== undefined; current = pending.pop()) {
    if (current.set.has(name) || current.references.some((reference) => reference.identifier.name === name)) {
      return false;
    }
    // One push per scope: a test can hold more block scopes than a call takes arguments.
    for (const child of current.childScopes) {
      pending.push(child);
    }
  }
  return true;
}

/** A count assertion with the later assertions of the same count of the same thing in its test (`check` reports only the first). */
export interface CountedTwice {
  readonly count: CountAssertion;
  readonly repeats: readonly CountAssertion[];
}

/** A count derived from a limit: the expression to write and the edit that writes it. */
export interface DerivedCount {
  readonly expression: string;
  readonly fix: TSESLint.ReportFixFunction;
}

/** The literals a derived count replaces: the reported one and its repeats; null when a repeat has none (`calledThrice`). */
function literalsOf(found: CountedTwice): TSESTree.Literal[] | null {
  const literals: TSESTree.Literal[] = [];
  for (const count of [found.count, ...found.repeats]) {
    if (count.literal === null) {
      return null;
    }
    literals.push(count.literal);
  }
  return literals;
}

/** The statement to insert a declaration before: the first one after the directive prologue (`'use strict'`); null when there is none. */
function firstAfterDirectives(body: readonly TSESTree.Statement[]): { statement: TSESTree.Statement; after: boolean } | null {
  let last: TSESTree.Statement | null = null;
  for (const statement of body) {
    if (statement.type !== AST_NODE_TYPES.ExpressionStatement || statement.directive === undefined) {
      return { statement, after: false };
    }
    last = statement;
  }
  return last === null ? null : { statement: last, after: true };
}

/** The statement of `body` that holds `node`, with its text (whitespace removed); null when `node` is not in `body`. */
function statementOf(sourceCode: Readonly<TSESLint.SourceCode>, body: TSESTree.BlockStatement, node: TSESTree.Node): { statement: TSESTree.Node; text: string } | null {
  for (let current: TSESTree.Node | undefined = node; current !== undefined; current = current.parent) {
    if (current.parent === body) {
      return { statement: current, text: sourceCode.getText(current).replace(/\s+/gu, '') };
    }
  }
  return null;
}

/** The limit a count restates, and every limit of its test (the same option written twice is rewritten twice). */
export interface LimitChoice {
  readonly limit: Limit;
  readonly all: readonly Limit[];
}

/**
 * How to derive the count literal (and its repeats) from the limit; null when the literals cannot be
 * rewritten safely. A suggestion never leaves behind a copy of the count that the rule would then report.
 */
export function deriveCount(sourceCode: Readonly<TSESLint.SourceCode>, found: CountedTwice, choice: LimitChoice, test: TestBlock): DerivedCount | null {
  const literals = literalsOf(found);
  const { limit } = choice;
  if (literals === null) {
    return null;
  }
  const count = found.count.count;
  if (limit.variable !== null) {
    const variable = limit.variable;
    if (literals.some((literal) => findVariable(sourceCode.getScope(literal), variable.name) !== variable)) {
      return null;
    }
    const expression = expressionFor(variable.name, limit.value, count);
    return { expression, fix: (fixer) => literals.map((literal) => fixer.replaceText(literal, inPlace(literal, expression))) };
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
  const place = firstAfterDirectives(callback.body.body);
  if (place === null) {
    return null;
  }
  const { statement, after } = place;
  const lineText = sourceCode.lines[statement.loc.start.line - 1] ?? '';
  const indent = /^\s*$/u.test(lineText.slice(0, statement.loc.start.column)) ? lineText.slice(0, statement.loc.start.column) : '';
  const declaration = `const ${name} = ${limit.value};`;
  // The same statement written again in the test (`await createClient({ retries: 3 }).get()` twice) keeps its twin:
  // its option becomes the constant too, so the statements stay equal (and keep counting as one action repeated).
  const body = callback.body;
  const own = statementOf(sourceCode, body, property);
  const isTwin = (other: TSESTree.Property): boolean => {
    const twin = statementOf(sourceCode, body, other);
    return own !== null && twin !== null && twin.statement !== own.statement && twin.text === own.text;
  };
  const properties = choice.all
    .map((other) => other.property)
    .filter((other): other is TSESTree.Property => other !== null && (other === property || (!other.computed && getKeyName(other) === name && isTwin(other))));
  const expression = expressionFor(name, limit.value, count);
  return {
    expression,
    fix: (fixer) => [
      after ? fixer.insertTextAfter(statement, `\n${indent}${declaration}`) : fixer.insertTextBefore(statement, `${declaration}\n${indent}`),
      ...properties.map((other) => fixer.replaceText(other, name)),
      ...literals.map((literal) => fixer.replaceText(literal, inPlace(literal, expression))),
    ],
  };
}
