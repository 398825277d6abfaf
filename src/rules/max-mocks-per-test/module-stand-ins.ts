import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/types';

import { getPropertyName, isFunction, unwrapExpression } from '../../ast/nodes.js';
import type { MockRecord } from '../../model/index.js';

/**
 * Module mocks that replace no collaborator of the code under test: a factory that hands back the
 * real module, child components stubbed for a shallow render, and framework plumbing that only
 * exists inside a running app (`server-only`, the Next.js router and headers).
 */

/** Calls that load the real module: `vi.importActual`, `jest.requireActual`, the `importOriginal` argument. */
const REAL_MODULE_LOADERS: ReadonlySet<string> = new Set(['importActual', 'requireActual', 'importOriginal']);

/**
 * Framework modules a test replaces because they only work inside the running app: a reviewer
 * accepts these stubs, and they are not the subject's collaborators.
 */
const FRAMEWORK_MODULES: ReadonlySet<string> = new Set([
  'server-only', 'client-only', 'next/navigation', 'next/router', 'next/headers', 'next/cache', 'next/image', 'next/link',
  'next/dynamic', 'next/script', 'next/head', 'next-intl', 'next-intl/server', 'react-i18next', 'next-i18next',
]);

/** `vi.importActual('./x')`, `await importOriginal()`, `jest.requireActual('./x')`. */
function loadsRealModule(node: TSESTree.Node): boolean {
  const inner = unwrapExpression(node.type === AST_NODE_TYPES.AwaitExpression ? node.argument : node);
  if (inner.type !== AST_NODE_TYPES.CallExpression) {
    return false;
  }
  const callee = unwrapExpression(inner.callee);
  const name = callee.type === AST_NODE_TYPES.Identifier ? callee.name : callee.type === AST_NODE_TYPES.MemberExpression ? getPropertyName(callee) : null;
  return name !== null && REAL_MODULE_LOADERS.has(name);
}

/** The expression a factory hands back: an arrow's body, or the single `return` of a block. */
function factoryResult(factory: NonNullable<MockRecord['factory']>): TSESTree.Node | null {
  if (factory.body.type !== AST_NODE_TYPES.BlockStatement) {
    return factory.body;
  }
  const statements = factory.body.body;
  const last = statements.at(-1);
  return statements.length === 1 && last?.type === AST_NODE_TYPES.ReturnStatement ? last.argument : null;
}

/** `() => vi.importActual('./errors')`, `async (orig) => ({ ...(await orig()) })`: the real module, nothing replaced. */
function handsBackRealModule(result: TSESTree.Node): boolean {
  if (loadsRealModule(result)) {
    return true;
  }
  const inner = unwrapExpression(result);
  return (
    inner.type === AST_NODE_TYPES.ObjectExpression &&
    inner.properties.length > 0 &&
    inner.properties.every((property) => property.type === AST_NODE_TYPES.SpreadElement && loadsRealModule(property.argument))
  );
}

const isMarkup = (node: TSESTree.Node): boolean => {
  const inner = unwrapExpression(node);
  return inner.type === AST_NODE_TYPES.JSXElement || inner.type === AST_NODE_TYPES.JSXFragment || (inner.type === AST_NODE_TYPES.Literal && inner.value === null);
};

/** A stand-in component: a function that renders markup and nothing else (`({ id }) => <div>{id}</div>`, `() => null`). */
function isComponentStub(node: TSESTree.Node): boolean {
  if (!isFunction(node)) {
    return false;
  }
  if (node.body.type !== AST_NODE_TYPES.BlockStatement) {
    return isMarkup(node.body);
  }
  const statements = node.body.body;
  const last = statements.at(-1);
  return statements.length === 1 && last?.type === AST_NODE_TYPES.ReturnStatement && last.argument !== null && isMarkup(last.argument);
}

/** Every export of the factory is a stand-in component, beside at most a spread of the real module. */
function onlyComponentStubs(result: TSESTree.Node): boolean {
  const inner = unwrapExpression(result);
  if (inner.type !== AST_NODE_TYPES.ObjectExpression) {
    return false;
  }
  let components = 0;
  for (const property of inner.properties) {
    if (property.type === AST_NODE_TYPES.SpreadElement) {
      if (!loadsRealModule(property.argument)) {
        return false;
      }
      continue;
    }
    if (property.key.type === AST_NODE_TYPES.Identifier && property.key.name === '__esModule') {
      continue;
    }
    if (!isComponentStub(property.value)) {
      return false;
    }
    components += 1;
  }
  return components > 0;
}

/** Why a module mock replaces no collaborator, or null when it replaces one. */
export function moduleStandIn(mock: MockRecord): 'real' | 'components' | 'framework' | null {
  if (mock.kind !== 'module' || mock.specifier === null) {
    return null;
  }
  if (FRAMEWORK_MODULES.has(mock.specifier) || mock.specifier.startsWith('next/font/')) {
    return 'framework';
  }
  const result = mock.factory === null ? null : factoryResult(mock.factory);
  if (result === null) {
    return null;
  }
  if (handsBackRealModule(result)) {
    return 'real';
  }
  return onlyComponentStubs(result) ? 'components' : null;
}
