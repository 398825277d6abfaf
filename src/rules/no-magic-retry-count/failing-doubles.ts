import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/types';

import { getChainRoot, getKeyName, getPropertyName, isFunction, referenceKey, unwrapExpression, type FunctionNode } from '../../ast/nodes.js';
import { integerLiteral, memberName } from './nodes.js';

/**
 * Failing stubs, for `no-magic-retry-count`: values and implementations that fail on every call
 * (a 503 answer, `Promise.reject`, a `throw`), the configurations that install them, and sinon's
 * narrowing to one call (`onCall(2)`).
 */

const SERVER_ERROR = (value: unknown): boolean => typeof value === 'number' && ((value >= 500 && value <= 599) || value === 429);

/**
 * A value that answers a request with 5xx/429 or an error: `{ status: 503 }`, `new Response(null, { status: 500 })`,
 * `Promise.reject(x)`, `stream(new Error('x'))`.
 */
export function isFailingValue(node: TSESTree.Node | undefined, depth = 0): boolean {
  if (node === undefined || depth > 3) {
    return false;
  }
  const value = unwrapExpression(node);
  switch (value.type) {
    case AST_NODE_TYPES.ObjectExpression:
      return value.properties.some((property) => {
        if (property.type !== AST_NODE_TYPES.Property) {
          return false;
        }
        const name = getKeyName(property);
        if (name === 'status' || name === 'statusCode') {
          const status = unwrapExpression(property.value);
          return status.type === AST_NODE_TYPES.Literal && SERVER_ERROR(status.value);
        }
        return (name === 'response' || name === 'init') && isFailingValue(property.value, depth + 1);
      });
    case AST_NODE_TYPES.NewExpression:
    case AST_NODE_TYPES.CallExpression: {
      const callee = unwrapExpression(value.callee);
      // An error handed to a wrapper (`stream(new Error('x'))`, `of(new TimeoutError())`): the answer is that error.
      if (depth > 0 && value.type === AST_NODE_TYPES.NewExpression && callee.type === AST_NODE_TYPES.Identifier && callee.name.endsWith('Error')) {
        return true;
      }
      if (value.type === AST_NODE_TYPES.CallExpression && callee.type === AST_NODE_TYPES.MemberExpression && getPropertyName(callee) === 'reject' && referenceKey(callee.object) === 'Promise') {
        return true;
      }
      return value.arguments.some((argument) => argument.type !== AST_NODE_TYPES.SpreadElement && isFailingValue(argument, depth + 1));
    }
    default:
      return false;
  }
}

const BRANCHING: ReadonlySet<string> = new Set([
  AST_NODE_TYPES.IfStatement, AST_NODE_TYPES.ConditionalExpression, AST_NODE_TYPES.LogicalExpression, AST_NODE_TYPES.SwitchStatement,
  AST_NODE_TYPES.TryStatement, AST_NODE_TYPES.ForStatement, AST_NODE_TYPES.WhileStatement,
]);

function hasBranching(node: TSESTree.Node, depth = 0): boolean {
  if (depth > 6) {
    return true;
  }
  if (BRANCHING.has(node.type)) {
    return true;
  }
  for (const [key, child] of Object.entries(node)) {
    if (key === 'parent') {
      continue;
    }
    const children: unknown[] = Array.isArray(child) ? child : [child];
    for (const item of children) {
      if (item !== null && typeof item === 'object' && typeof (item as TSESTree.Node).type === 'string' && hasBranching(item as TSESTree.Node, depth + 1)) {
        return true;
      }
    }
  }
  return false;
}

/** An implementation that fails on every call: `() => { throw e }`, `async () => Promise.reject(e)`, `() => ({ status: 503 })`. */
export function isFailingImplementation(node: TSESTree.Node | undefined): boolean {
  if (node === undefined || !isFunction(node)) {
    return false;
  }
  const fn: FunctionNode = node;
  if (hasBranching(fn.body)) {
    return false;
  }
  if (fn.body.type !== AST_NODE_TYPES.BlockStatement) {
    return isFailingValue(fn.body);
  }
  const last = fn.body.body.at(-1);
  if (last?.type === AST_NODE_TYPES.ThrowStatement) {
    return true;
  }
  if (last?.type === AST_NODE_TYPES.ExpressionStatement) {
    return handsErrorToCaller(fn, last.expression);
  }
  return last?.type === AST_NODE_TYPES.ReturnStatement && last.argument !== null && isFailingValue(last.argument);
}

/**
 * `cb(new Error('x'))`, `await options?.onError?.(new Error('crashed'))`: the implementation hands an error to a
 * callback or handler its caller passed in (a parameter), which fails the call as surely as a `throw`.
 */
function handsErrorToCaller(fn: FunctionNode, expression: TSESTree.Expression): boolean {
  let call = unwrapExpression(expression);
  if (call.type === AST_NODE_TYPES.AwaitExpression) {
    call = unwrapExpression(call.argument);
  }
  if (call.type !== AST_NODE_TYPES.CallExpression || !call.arguments.some((argument) => isNewError(argument))) {
    return false;
  }
  const root = getChainRoot(call.callee);
  return root?.type === AST_NODE_TYPES.Identifier && fn.params.some((param) => param.type === AST_NODE_TYPES.Identifier && param.name === root.name);
}

const isNewError = (node: TSESTree.Node): boolean => {
  const value = unwrapExpression(node);
  return value.type === AST_NODE_TYPES.NewExpression && value.callee.type === AST_NODE_TYPES.Identifier && value.callee.name.endsWith('Error');
};

/** Configurations that make a double fail on every later call. */
const FAILING_ALWAYS: ReadonlySet<string> = new Set(['mockRejectedValue', 'rejects', 'throws', 'rejectWith', 'throwError', 'thenReject', 'thenThrow']);
/** Configurations that make a double answer with a value on every later call. */
const VALUE_ALWAYS: ReadonlySet<string> = new Set(['mockResolvedValue', 'mockReturnValue', 'resolves', 'returns', 'returnValue', 'resolveTo', 'thenResolve', 'thenReturn']);
const IMPLEMENTATION_ALWAYS: ReadonlySet<string> = new Set(['mockImplementation', 'callsFake', 'callFake', 'thenDo']);

/** Does this configuration make the double fail on every call? `null` when it says nothing either way. */
export function configFailsAlways(method: string, args: readonly TSESTree.CallExpressionArgument[]): boolean | null {
  if (FAILING_ALWAYS.has(method)) {
    return true;
  }
  if (VALUE_ALWAYS.has(method)) {
    return isFailingValue(args[0]);
  }
  if (IMPLEMENTATION_ALWAYS.has(method)) {
    return isFailingImplementation(args[0]);
  }
  return null;
}

/** sinon narrowing: `stub.onCall(2)` → 3 calls fixed by the test; `onFirstCall()` → 1. */
export function narrowedCallIndex(config: TSESTree.CallExpression): number | null {
  const callee = unwrapExpression(config.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression) {
    return null;
  }
  const object = unwrapExpression(callee.object);
  if (object.type !== AST_NODE_TYPES.CallExpression) {
    return null;
  }
  const name = memberName(unwrapExpression(object.callee));
  switch (name) {
    case 'onFirstCall':
      return 1;
    case 'onSecondCall':
      return 2;
    case 'onThirdCall':
      return 3;
    case 'onCall': {
      const index = integerLiteral(object.arguments[0]);
      return index === null ? null : index + 1;
    }
    case 'withArgs':
      return 0;
    default:
      return null;
  }
}
