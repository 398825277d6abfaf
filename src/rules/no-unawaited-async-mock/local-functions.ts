import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/types';
import type { TSESLint } from '@typescript-eslint/utils';
import { findVariable } from '@typescript-eslint/utils/ast-utils';

import { getEnclosingFunction, getPropertyName, isFunction, isSuspension, someDescendant, unwrapExpression, type FunctionNode, type VisitorKeys } from '../../ast/nodes.js';
import type { TestBlock } from '../../model/index.js';
import { calledKey, type AsyncMockIndex } from './async-mocks.js';
import { isPromiseShaped } from './promise-shapes.js';

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

/** Values that are built here and cannot be an object literal holding mocks: `new Map()`, `[]`, `'text'`. */
function isBuiltValue(node: TSESTree.Node | null | undefined): boolean {
  if (node == null) {
    return false;
  }
  const value = unwrapExpression(node);
  return (
    value.type === AST_NODE_TYPES.NewExpression ||
    value.type === AST_NODE_TYPES.ArrayExpression ||
    value.type === AST_NODE_TYPES.Literal ||
    value.type === AST_NODE_TYPES.TemplateLiteral
  );
}

/**
 * `factMetrics.delete(id)` where `factMetrics` is a file variable that only ever holds a built value
 * (`let factMetrics: Map<…>` assigned `new Map()`): it is not the object literal whose `factMetrics.delete`
 * property is the async mock, only a namesake.
 */
export function holdsBuiltValue(sourceCode: Readonly<TSESLint.SourceCode>, root: TSESTree.Identifier): boolean {
  const variable = findVariable(sourceCode.getScope(root), root);
  if (variable === null || variable.defs.length !== 1 || variable.defs[0]?.type !== 'Variable') {
    return false;
  }
  let writes = 0;
  for (const reference of variable.references) {
    if (!reference.isWrite()) {
      continue;
    }
    const parent = reference.identifier.parent;
    // Only plain `x = value` / `const x = value`: `x += …`, `for (x of …)`, destructuring could hold anything.
    const isPlain =
      (parent?.type === AST_NODE_TYPES.VariableDeclarator && parent.id === reference.identifier) ||
      (parent?.type === AST_NODE_TYPES.AssignmentExpression && parent.operator === '=' && parent.left === reference.identifier);
    if (!isPlain || !isBuiltValue(reference.writeExpr)) {
      return false;
    }
    writes += 1;
  }
  return writes > 0;
}

/** Is a mock creation or configuration the value of a property in an object literal (`{ delete: jest.fn(async …) }`)? */
export function isObjectLiteralProperty(node: TSESTree.Node): boolean {
  let current: TSESTree.Node = node;
  while (
    current.parent?.type === AST_NODE_TYPES.TSAsExpression ||
    current.parent?.type === AST_NODE_TYPES.TSSatisfiesExpression ||
    current.parent?.type === AST_NODE_TYPES.TSNonNullExpression
  ) {
    current = current.parent;
  }
  return current.parent?.type === AST_NODE_TYPES.Property && current.parent.value === current;
}

/**
 * Does a same-file function return a promise: `async`, or it returns an async mock's call, a promise
 * by its shape (`fetch(url).then(…)`, `new Promise(…)`, `agent.get('/x').expect(200)`), or a call of
 * a same-file `async` function?
 */
export function returnsPromise(sourceCode: Readonly<TSESLint.SourceCode>, fn: FunctionNode, block: TestBlock | null, index: AsyncMockIndex): boolean {
  if (fn.async) {
    return true;
  }
  const returned = returnedValues(fn);
  return returnedMockCall(returned, index, block) !== null || returned.some((value) => isPromiseShaped(value) || returnsAsyncCall(sourceCode, value, fn));
}

/** `return seed()` where `seed` is a same-file `async` function (one level: no chains of such functions). */
function returnsAsyncCall(sourceCode: Readonly<TSESLint.SourceCode>, value: TSESTree.Node, self: FunctionNode): boolean {
  const node = unwrapExpression(value);
  if (node.type !== AST_NODE_TYPES.CallExpression || node.callee.type !== AST_NODE_TYPES.Identifier) {
    return false;
  }
  const called = localFunction(sourceCode, node.callee);
  return called !== null && called !== self && called.async;
}

/** The values a function returns: its expression body, or the arguments of its body's own `return` statements. */
function returnedValues(fn: FunctionNode): TSESTree.Node[] {
  if (fn.body.type !== AST_NODE_TYPES.BlockStatement) {
    return [fn.body];
  }
  const returned: TSESTree.Node[] = [];
  for (const statement of fn.body.body) {
    if (statement.type === AST_NODE_TYPES.ReturnStatement && statement.argument !== null) {
      returned.push(statement.argument);
    }
  }
  return returned;
}

/** The async-mock call a function returns directly (`return fetchUser(id)`, `() => api.get(url)`), if any. */
function returnedMockCall(returned: readonly TSESTree.Node[], index: AsyncMockIndex, block: TestBlock | null): string | null {
  if (index.keys.size === 0) {
    return null;
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

/** Values an `async` function may return without adopting a promise: nothing, a literal, `undefined`. */
function isPlainReturn(node: TSESTree.Node | null): boolean {
  const value = node === null ? null : unwrapExpression(node);
  return value === null || value.type === AST_NODE_TYPES.Literal || (value.type === AST_NODE_TYPES.Identifier && value.name === 'undefined');
}

/** What makes an `async` body do async work: a suspension, a promise chain, `new Promise`, `Promise.all(…)`, a returned value that may be a promise. */
function startsAsyncWork(node: TSESTree.Node, fn: FunctionNode): boolean {
  if (isSuspension(node)) {
    return true;
  }
  switch (node.type) {
    case AST_NODE_TYPES.ReturnStatement:
      return getEnclosingFunction(node) === fn && !isPlainReturn(node.argument);
    case AST_NODE_TYPES.NewExpression:
      return node.callee.type === AST_NODE_TYPES.Identifier && node.callee.name === 'Promise';
    case AST_NODE_TYPES.CallExpression: {
      const callee = unwrapExpression(node.callee);
      if (callee.type !== AST_NODE_TYPES.MemberExpression) {
        return false;
      }
      const object = unwrapExpression(callee.object);
      return (object.type === AST_NODE_TYPES.Identifier && object.name === 'Promise') || CHAIN_METHODS.has(getPropertyName(callee) ?? '');
    }
    default:
      return false;
  }
}

const CHAIN_METHODS: ReadonlySet<string> = new Set(['then', 'catch', 'finally']);

/**
 * An `async` function that is async only by its keyword: its body (nested functions included) never
 * awaits, yields or starts a promise chain, and returns nothing that may be a promise
 * (`const toggleOpen = async () => { fireEvent.click(button); }`, a no-op `async () => {}` stub).
 * Its work is done when the call returns; the promise it drops only carries what the body throws.
 */
export function isKeywordOnlyAsync(fn: FunctionNode, visitorKeys: VisitorKeys): boolean {
  if (!fn.async || fn.generator) {
    return false;
  }
  if (fn.body.type !== AST_NODE_TYPES.BlockStatement) {
    return isPlainReturn(fn.body);
  }
  return !someDescendant(fn.body, visitorKeys, (node) => startsAsyncWork(node, fn));
}

/** `render(…)`, `renderWithContext(…)`, `mount(…)`, `shallow(…)`: testing-library, enzyme and vue-test-utils render synchronously. */
const SYNC_RENDER = /^(?:render|mount|shallow)(?:[A-Z]\w*)?$/u;
const NOT_SYNC_RENDER = /Async|To(?:String|Stream|Pipeable|Readable)/u;

function isSyncRenderCall(node: TSESTree.Node | null): boolean {
  const value = node === null ? null : unwrapExpression(node.type === AST_NODE_TYPES.AwaitExpression ? node.argument : node);
  return value?.type === AST_NODE_TYPES.CallExpression && value.callee.type === AST_NODE_TYPES.Identifier && SYNC_RENDER.test(value.callee.name) && !NOT_SYNC_RENDER.test(value.callee.name);
}

/**
 * An `async` helper that only awaits or returns a synchronous render (`async function renderForm(values) { return await
 * renderWithContext(<Form … />); }`): the component is rendered when the call returns, so a test that drops the call and
 * queries the screen next loses nothing (round 11: V11's labellers dismissed all six such findings). Angular's
 * testing-library renders asynchronously: the caller passes `asyncRender` for files that use it.
 */
export function onlyRenders(fn: FunctionNode, visitorKeys: VisitorKeys, asyncRender: boolean): boolean {
  if (asyncRender || !fn.async || fn.generator) {
    return false;
  }
  if (fn.body.type !== AST_NODE_TYPES.BlockStatement) {
    return isSyncRenderCall(fn.body);
  }
  let renders = false;
  const otherWork = someDescendant(fn.body, visitorKeys, (node) => {
    const rendered = node.type === AST_NODE_TYPES.AwaitExpression ? node : node.type === AST_NODE_TYPES.ReturnStatement && getEnclosingFunction(node) === fn ? node.argument : undefined;
    if (rendered !== undefined && isSyncRenderCall(rendered)) {
      renders = true;
      return false;
    }
    return startsAsyncWork(node, fn);
  });
  return renders && !otherWork;
}

/**
 * A function whose whole body is a `try` whose `catch` swallows the error (no `throw` in it):
 * `const ignoreErrors = async (fn) => { try { await fn(); } catch { } }`. Its promise cannot reject.
 */
export function swallowsErrors(fn: FunctionNode, visitorKeys: VisitorKeys): boolean {
  if (fn.body.type !== AST_NODE_TYPES.BlockStatement || fn.body.body.length !== 1) {
    return false;
  }
  const [statement] = fn.body.body;
  if (statement?.type !== AST_NODE_TYPES.TryStatement || statement.handler === null) {
    return false;
  }
  // `throw e` or `return Promise.reject(e)` in the handler rejects after all.
  const throws = (node: TSESTree.Node): boolean => node.type === AST_NODE_TYPES.ThrowStatement || node.type === AST_NODE_TYPES.ReturnStatement;
  return [statement.handler.body, statement.finalizer].every((part) => part === null || !someDescendant(part, visitorKeys, throws, isFunction));
}

/** Does `fn` call `caller` by name (`postEvent` → `execute` → `postEvent`)? Then a drop of `fn` in `caller` is a loop scheduling itself. */
export function callsBack(fn: FunctionNode, caller: FunctionNode, sourceCode: Readonly<TSESLint.SourceCode>): boolean {
  return someDescendant(fn.body, sourceCode.visitorKeys, (node) => {
    const callee = node.type === AST_NODE_TYPES.CallExpression ? unwrapExpression(node.callee) : null;
    return callee?.type === AST_NODE_TYPES.Identifier && localFunction(sourceCode, callee) === caller;
  });
}
