import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/types';

import { getLastName, getPropertyName, unwrapExpression } from '../../ast/nodes.js';

/** Small AST readers `no-magic-retry-count` needs beyond `src/ast/nodes.ts`. */

/** The integer a node spells when it is a plain non-negative integer literal. */
export function integerLiteral(node: TSESTree.Node | null | undefined): number | null {
  if (node == null) {
    return null;
  }
  const value = unwrapExpression(node);
  return value.type === AST_NODE_TYPES.Literal && typeof value.value === 'number' && Number.isInteger(value.value) && value.value >= 0 ? value.value : null;
}

/** The property name of a member (`b` of `a.b`); null for anything else. */
export const memberName = (node: TSESTree.Node): string | null => (node.type === AST_NODE_TYPES.MemberExpression ? getPropertyName(node) : null);


/** The name a call calls, through TS wrappers: `withRetry` of `withRetry(fn)` and of `client.withRetry!(fn)`. */
export const calleeNameOf = (call: TSESTree.CallExpression): string | null => getLastName(unwrapExpression(call.callee));
