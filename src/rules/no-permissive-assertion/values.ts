/**
 * The values outcome checks are read from: the literals an assertion compares with (`404`, `'done'`,
 * `HttpStatus.NOT_FOUND`, `[200, 404]`), and what a checked value is called and who owns it
 * (`res` and `status` for `res.status`).
 */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/types';
import type { TSESLint } from '@typescript-eslint/utils';

import { findVariable } from '@typescript-eslint/utils/ast-utils';

import { getLastName, getPropertyName, getStaticString, unwrapExpression } from '../../ast/nodes.js';
import { HTTP_STATUS_CONSTANTS, type OutcomeValue } from './outcome-classes.js';

type SourceCode = Readonly<TSESLint.SourceCode>;

interface LiteralRead {
  readonly value: OutcomeValue;
}

/** An inline array of literals: the values and their nodes, same order. */
export interface LiteralArray {
  readonly values: OutcomeValue[];
  readonly nodes: TSESTree.Node[];
}

/**
 * Object names that hold HTTP status constants: the name says HTTP (`HttpStatus`, `httpStatus`,
 * `HttpStatusCode`) or is the http-status-codes package's `StatusCodes`. Other status enums
 * (`EnumStatusCode` of Connect, gRPC `Status`, `SpanStatusCode`, `StatusCode.SUCCESS`) are not HTTP:
 * their `OK` is the only success, so `not OK` means "failed". Literal alternatives only, linear on any name.
 */
export const STATUS_OBJECT = /http|^StatusCodes$/iu;

/** The value of a literal-like node: literals, `-1`, static templates, `undefined`, `HttpStatus.NOT_FOUND`. */
export function readLiteral(node: TSESTree.Node | null | undefined): LiteralRead | null {
  if (node == null) {
    return null;
  }
  const target = unwrapExpression(node);
  switch (target.type) {
    case AST_NODE_TYPES.Literal:
      if (typeof target.value === 'string' || typeof target.value === 'number' || typeof target.value === 'boolean' || target.value === null) {
        return { value: target.value };
      }
      return null;
    case AST_NODE_TYPES.TemplateLiteral: {
      const text = getStaticString(target);
      return text === null ? null : { value: text };
    }
    case AST_NODE_TYPES.UnaryExpression:
      if (target.operator === '-' && target.argument.type === AST_NODE_TYPES.Literal && typeof target.argument.value === 'number') {
        return { value: -target.argument.value };
      }
      return null;
    case AST_NODE_TYPES.Identifier:
      return target.name === 'undefined' ? { value: null } : null;
    case AST_NODE_TYPES.MemberExpression: {
      const name = getPropertyName(target);
      const object = unwrapExpression(target.object);
      const objectName = getLastName(object);
      const code = name === null ? undefined : HTTP_STATUS_CONSTANTS.get(name);
      return code !== undefined && objectName !== null && STATUS_OBJECT.test(objectName) ? { value: code } : null;
    }
    default:
      return null;
  }
}

/** The elements of an inline array of literals (`[200, 404]`, `['a', 'b'] as const`). */
export function readLiteralArray(node: TSESTree.Node | null | undefined): LiteralArray | null {
  if (node == null) {
    return null;
  }
  const target = unwrapExpression(node);
  if (target.type !== AST_NODE_TYPES.ArrayExpression || target.elements.length === 0) {
    return null;
  }
  const values: OutcomeValue[] = [];
  const nodes: TSESTree.Node[] = [];
  for (const element of target.elements) {
    if (element === null || element.type === AST_NODE_TYPES.SpreadElement) {
      return null;
    }
    const read = readLiteral(element);
    if (read === null) {
      return null;
    }
    values.push(read.value);
    nodes.push(element);
  }
  return { values, nodes };
}

/** Strips `await` and TS wrappers. */
export function valueOf(node: TSESTree.Node): TSESTree.Node {
  let current = unwrapExpression(node);
  while (current.type === AST_NODE_TYPES.AwaitExpression) {
    current = unwrapExpression(current.argument);
  }
  return current;
}

/** What a value is called: `res.status` → `status`, `response.status()` → `status`, `getState()` → `getState`. */
export function nameOf(node: TSESTree.Node): string | null {
  const target = valueOf(node);
  switch (target.type) {
    case AST_NODE_TYPES.Identifier:
      return target.name;
    case AST_NODE_TYPES.MemberExpression:
      return getPropertyName(target);
    case AST_NODE_TYPES.CallExpression:
      return target.arguments.length === 0 ? nameOf(target.callee) : null;
    case AST_NODE_TYPES.LogicalExpression:
      // `response?.status() ?? 0`
      return target.operator !== '&&' && readLiteral(target.right) !== null ? nameOf(target.left) : null;
    default:
      return null;
  }
}

/** The owner of a named value: `res` for `res.status` and `res.statusCode()`; the value itself otherwise. */
export function ownerNodeOf(node: TSESTree.Node): TSESTree.Node {
  let target = valueOf(node);
  if (target.type === AST_NODE_TYPES.CallExpression && target.arguments.length === 0) {
    target = unwrapExpression(target.callee);
  }
  return target.type === AST_NODE_TYPES.MemberExpression ? valueOf(target.object) : target;
}

/** The text of `ownerNodeOf`. */
export function ownerOf(node: TSESTree.Node, sourceCode: SourceCode): string {
  return sourceCode.getText(ownerNodeOf(node));
}

/** Where a variable's value was read from where it is declared: the initialiser, and the key for a destructured one. */
export interface DeclaredRead {
  readonly init: TSESTree.Expression;
  /** `status` of `const { status: s } = res`; null for `const s = …`, and for a computed or nested pattern. */
  readonly key: string | null;
  readonly isConst: boolean;
}

/** `const s = res.status` → `res.status`; `const { status: s } = res` → `res` and `status`; null for anything else. */
export function declaredRead(sourceCode: SourceCode, identifier: TSESTree.Identifier): DeclaredRead | null {
  const variable = findVariable(sourceCode.getScope(identifier), identifier);
  const definition = variable?.defs.length === 1 ? variable.defs[0] : undefined;
  if (definition?.type !== 'Variable' || definition.node.init == null) {
    return null;
  }
  const { id, init } = definition.node;
  const isConst = definition.parent.kind === 'const';
  if (id.type === AST_NODE_TYPES.Identifier) {
    return { init, key: null, isConst };
  }
  const property = definition.name.parent;
  const key = property?.type === AST_NODE_TYPES.Property && !property.computed && property.key.type === AST_NODE_TYPES.Identifier ? property.key.name : null;
  return key === null ? null : { init, key, isConst };
}
