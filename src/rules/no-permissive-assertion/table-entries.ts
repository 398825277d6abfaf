import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/types';
import type { TSESLint } from '@typescript-eslint/utils';
import { findVariable } from '@typescript-eslint/utils/ast-utils';

import { getPropertyName, unwrapExpression } from '../../ast/nodes.js';

/**
 * A value read from a table the test goes through (`for (const status of Object.values(STATUS_BY_CODE))`): a
 * check on it checks configuration (every error code maps to a 4xx or 5xx), not the outcome of a request
 * (round 11: V11's labellers dismissed such a range check).
 */

const TABLE_READERS: ReadonlySet<string> = new Set(['values', 'keys', 'entries']);

/** `Object.values(x)`, `Object.entries(x)`, `Object.keys(x)`. */
function isTableRead(node: TSESTree.Node): boolean {
  const value = unwrapExpression(node);
  if (value.type !== AST_NODE_TYPES.CallExpression || value.callee.type !== AST_NODE_TYPES.MemberExpression) {
    return false;
  }
  const object = unwrapExpression(value.callee.object);
  return object.type === AST_NODE_TYPES.Identifier && object.name === 'Object' && TABLE_READERS.has(getPropertyName(value.callee) ?? '');
}

/** Is `subject` a variable of a `for … of` over a table's values, keys or entries? */
export function isTableEntry(sourceCode: Readonly<TSESLint.SourceCode>, subject: TSESTree.Node | null): boolean {
  const value = subject === null ? null : unwrapExpression(subject);
  if (value?.type !== AST_NODE_TYPES.Identifier) {
    return false;
  }
  const declarator = findVariable(sourceCode.getScope(value), value)?.defs[0]?.node;
  const loop = declarator?.type === AST_NODE_TYPES.VariableDeclarator ? declarator.parent.parent : null;
  return loop?.type === AST_NODE_TYPES.ForOfStatement && isTableRead(loop.right);
}
