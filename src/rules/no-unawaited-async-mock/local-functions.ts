import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/types';
import type { TSESLint } from '@typescript-eslint/utils';
import { findVariable } from '@typescript-eslint/utils/ast-utils';

import { isFunction, unwrapExpression, type FunctionNode } from '../../ast/nodes.js';
import type { TestBlock } from '../../model/index.js';
import { calledKey, type AsyncMockIndex } from './async-mocks.js';

/**
 * Functions declared in the file under test (`function load() { … }`, `const load = async () => …`):
 * which one a call reaches, and whether it returns a promise.
 */

/** Could a function return a value at all: `async`, an expression body, or a `return` statement in its body. */
export function mayReturnValue(fn: FunctionNode): boolean {
  return fn.async || fn.body.type !== AST_NODE_TYPES.BlockStatement || fn.body.body.some((statement) => statement.type === AST_NODE_TYPES.ReturnStatement);
}

/** `function load() { … }` / `const load = async () => …` declared in this file, as the function node a call reaches. */
export function localFunction(sourceCode: Readonly<TSESLint.SourceCode>, callee: TSESTree.Identifier): FunctionNode | null {
  const variable = findVariable(sourceCode.getScope(callee), callee);
  if (variable === null || variable.defs.length !== 1) {
    return null;
  }
  const definition = variable.defs[0];
  if (definition?.type === 'FunctionName' && definition.node.type === AST_NODE_TYPES.FunctionDeclaration) {
    return definition.node;
  }
  if (definition?.type === 'Variable' && definition.node.init !== null && definition.parent.kind === 'const') {
    const init = unwrapExpression(definition.node.init);
    return isFunction(init) && definition.node.id === definition.name ? init : null;
  }
  return null;
}

/** A callee name bound here to something that cannot be the mock: a function, class or parameter of the same name. */
export function isShadowedByNonMock(sourceCode: Readonly<TSESLint.SourceCode>, callee: TSESTree.Identifier): boolean {
  const definition = findVariable(sourceCode.getScope(callee), callee)?.defs[0];
  if (definition === undefined) {
    return false;
  }
  if (definition.type === 'FunctionName' || definition.type === 'Parameter' || definition.type === 'ClassName') {
    return true;
  }
  return definition.type === 'Variable' && definition.node.init != null && isFunction(unwrapExpression(definition.node.init));
}

/** Does a same-file function return a promise: `async`, or it returns an async mock's call? */
export function returnsPromise(fn: FunctionNode, block: TestBlock, index: AsyncMockIndex): boolean {
  return fn.async || returnedMockCall(fn, index, block) !== null;
}

/** The async-mock call a function returns directly (`return fetchUser(id)`, `() => api.get(url)`), if any. */
function returnedMockCall(fn: FunctionNode, index: AsyncMockIndex, block: TestBlock | null): string | null {
  const returned: TSESTree.Node[] = [];
  if (fn.body.type === AST_NODE_TYPES.BlockStatement) {
    for (const statement of fn.body.body) {
      if (statement.type === AST_NODE_TYPES.ReturnStatement && statement.argument !== null) {
        returned.push(statement.argument);
      }
    }
  } else {
    returned.push(fn.body);
  }
  for (const node of returned) {
    const value = unwrapExpression(node);
    if (value.type !== AST_NODE_TYPES.CallExpression) {
      continue;
    }
    const key = calledKey(value);
    if (key !== null && index.keys.has(key) && index.promiseSourceFor(key, block) !== null) {
      return key;
    }
  }
  return null;
}
