import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/types';

import { unwrapExpression } from '../../ast/nodes.js';
import type { MockConfig } from '../../model/index.js';
import { promiseStaticKind } from './async-mocks.js';

/** `mockReturnValue(Promise.resolve(x))` and friends → the shorthand, by library spelling. */
const SHORTHANDS: ReadonlyMap<string, { readonly resolve: string; readonly reject: string }> = new Map([
  ['mockReturnValue', { resolve: 'mockResolvedValue', reject: 'mockRejectedValue' }],
  ['mockReturnValueOnce', { resolve: 'mockResolvedValueOnce', reject: 'mockRejectedValueOnce' }],
  ['mockImplementation', { resolve: 'mockResolvedValue', reject: 'mockRejectedValue' }],
  ['mockImplementationOnce', { resolve: 'mockResolvedValueOnce', reject: 'mockRejectedValueOnce' }],
  ['returns', { resolve: 'resolves', reject: 'rejects' }],
  ['returnValue', { resolve: 'resolveTo', reject: 'rejectWith' }],
]);

/** A configuration spelled the long way, with a shorthand that means the same. */
export interface PromiseLongForm {
  /** `mockImplementation(() => Promise.…(x))` rather than `mockReturnValue(Promise.…(x))`. */
  readonly isImplementation: boolean;
  readonly kind: 'reject' | 'resolve';
  /** The shorthand method: `mockResolvedValue`, sinon `resolves`, jasmine `resolveTo` … */
  readonly replacement: string;
  /** The configuration's one argument: the promise, or the function returning it. */
  readonly argument: TSESTree.CallExpressionArgument;
  /** `Promise.resolve(x)` / `Promise.reject(e)`, with at most one argument and no spread. */
  readonly promise: TSESTree.CallExpression;
}

/** A value that is the same whether evaluated once at setup or at every call: a literal, a name, a property path. */
function isStableValue(node: TSESTree.Node): boolean {
  const value = unwrapExpression(node);
  switch (value.type) {
    case AST_NODE_TYPES.Literal:
    case AST_NODE_TYPES.Identifier:
      return true;
    case AST_NODE_TYPES.TemplateLiteral:
      return value.expressions.length === 0;
    case AST_NODE_TYPES.UnaryExpression:
      return value.operator === '-' && value.argument.type === AST_NODE_TYPES.Literal;
    case AST_NODE_TYPES.MemberExpression:
      return !value.computed && isStableValue(value.object);
    default:
      return false;
  }
}

/**
 * `mockReturnValue(Promise.resolve(x))`, `mockImplementation(() => Promise.reject(e))`, sinon
 * `.returns(Promise.resolve(x))`, as a long form with its shorthand; null for any other configuration,
 * and for the ones `allowPromiseLongForms` accepts.
 */
export function promiseLongForm(config: MockConfig, allowPromiseLongForms: boolean): PromiseLongForm | null {
  const shorthand = SHORTHANDS.get(config.method);
  if (shorthand === undefined || config.args.length !== 1) {
    return null;
  }
  const isImplementation = config.method.startsWith('mockImplementation');
  // The implementation long form makes its promise per call: only style, so reported on request.
  if (isImplementation && allowPromiseLongForms) {
    return null;
  }
  if (config.method === 'returns' && config.mock?.library !== 'sinon') {
    return null;
  }
  const argument = config.args[0];
  if (argument === undefined) {
    return null;
  }
  let promise: TSESTree.Node | null = null;
  if (isImplementation) {
    const fn = unwrapExpression(argument);
    if (fn.type === AST_NODE_TYPES.ArrowFunctionExpression && fn.params.length === 0 && !fn.async && fn.body.type !== AST_NODE_TYPES.BlockStatement) {
      promise = fn.body;
    }
  } else {
    promise = argument;
  }
  const kind = promiseStaticKind(promise);
  if (promise === null || kind === null) {
    return null;
  }
  // A resolved promise shared by every call is harmless; a rejection made at setup can go unhandled.
  if (kind === 'resolve' && allowPromiseLongForms) {
    return null;
  }
  const call = unwrapExpression(promise) as TSESTree.CallExpression;
  if (call.arguments.length > 1 || call.arguments[0]?.type === AST_NODE_TYPES.SpreadElement) {
    return null;
  }
  // `() => Promise.resolve({ … })` builds a fresh value per call; the shorthand would share one.
  if (isImplementation && call.arguments[0] !== undefined && !isStableValue(call.arguments[0])) {
    return null;
  }
  return { isImplementation, kind, replacement: shorthand[kind], argument, promise: call };
}
