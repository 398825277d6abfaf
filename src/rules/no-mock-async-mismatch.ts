import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/types';
import type { TSESLint } from '@typescript-eslint/utils';

import { getPropertyName, isFunction, unwrapExpression } from '../ast/nodes.js';
import { renameMethodFix, usesAwaitAsName } from '../ast/await-fixes.js';
import { createRule } from '../create-rule.js';
import { getTestModel, type MockConfig, type MockRecord, type TestModel } from '../model/index.js';
import {
  getTypeServices,
  nodeThenability,
  returnThenability,
  returnThenabilityOfType,
  type Thenability,
  type ThenabilityOptions,
  type TypeServices,
} from '../type-info.js';
import { originalType } from './no-mock-async-mismatch/original-type.js';
import { isReplacedLater } from './no-mock-async-mismatch/replaced-config.js';

export type Options = [];
export type MessageIds =
  | 'plainValueForAsyncFunction'
  | 'syncImplementationForAsyncFunction'
  | 'promiseForSyncFunction'
  | 'asyncImplementationForSyncFunction'
  | 'makeImplementationAsync'
  | 'useReturnValue';

/** Configurations that make the mock return their argument as is. */
const RETURNS: ReadonlyMap<string, string> = new Map([
  ['mockReturnValue', 'mockResolvedValue'],
  ['mockReturnValueOnce', 'mockResolvedValueOnce'],
  ['returns', 'resolves'],
]);
/** Configurations that make the mock return a promise, with the plain spelling where it exists. */
const PROMISES: ReadonlyMap<string, string | null> = new Map([
  ['mockResolvedValue', 'mockReturnValue'],
  ['mockResolvedValueOnce', 'mockReturnValueOnce'],
  ['mockRejectedValue', null],
  ['mockRejectedValueOnce', null],
  ['resolves', 'returns'],
  ['rejects', 'throws'],
  ['resolvesArg', 'returnsArg'],
  ['resolvesThis', 'returnsThis'],
]);
/** Configurations whose first argument is the implementation. */
const IMPLEMENTATIONS: ReadonlySet<string> = new Set(['mockImplementation', 'mockImplementationOnce', 'callsFake']);
const SINON_METHODS: ReadonlySet<string> = new Set(['returns', 'resolves', 'rejects', 'resolvesArg', 'resolvesThis', 'callsFake']);
/** Calls between a double and its configuration that keep the same function: `stub.withArgs(1).returns(2)`. */
const NARROWING: ReadonlySet<string> = new Set(['withArgs', 'onCall', 'onFirstCall', 'onSecondCall', 'onThirdCall']);
const CHAINABLE_CONFIGS: ReadonlySet<string> = new Set([...RETURNS.keys(), ...PROMISES.keys(), ...IMPLEMENTATIONS, 'mockName', 'mockReturnThis']);

type RuleContext = Readonly<TSESLint.RuleContext<MessageIds, Options>>;

/** A replaced function "returns a promise" only when its result is promise-shaped, not a thenable query builder. */
const ORIGINAL: ThenabilityOptions = { promiseOnly: true };

export default createRule<Options, MessageIds>({
  name: 'no-mock-async-mismatch',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow mocks whose sync or async shape contradicts the type of the function they replace',
      recommended: 'recommended',
      requiresTypeChecking: true,
    },
    fixable: 'code',
    hasSuggestions: true,
    schema: [],
    messages: {
      plainValueForAsyncFunction:
        'The mocked function returns a promise but `{{method}}` makes the mock return a plain value; use `{{replacement}}` so the code under test gets a promise as it does in production.',
      syncImplementationForAsyncFunction:
        'The mocked function returns a promise but this implementation returns a plain value; make it `async` (or return a promise) so the code under test gets a promise as it does in production.',
      promiseForSyncFunction:
        'The mocked function does not return a promise but `{{method}}` makes the mock return one; {{instead}} so the code under test gets what it gets in production.',
      asyncImplementationForSyncFunction:
        'The mocked function does not return a promise but this implementation is `async`; return the value directly so the code under test gets what it gets in production.',
      makeImplementationAsync: 'Make the implementation `async`.',
      useReturnValue: 'Use `{{replacement}}`.',
    },
  },
  create(context) {
    return {
      'Program:exit'() {
        checkFile(context);
      },
    };
  },
});

function checkConfig(context: RuleContext, model: TestModel, typeServices: TypeServices, config: MockConfig): void {
  const { method, node } = config;
  const callee = unwrapExpression(node.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression) {
    return;
  }
  if (SINON_METHODS.has(method) && config.mock !== null && config.mock.library !== 'sinon' && config.mock.library !== 'unknown') {
    return;
  }
  // A behaviour set again before use is dead; asked only of a would-be finding, so a file's configs are not compared pairwise.
  const dead = (): boolean => isReplacedLater(model, config);
  const plain = RETURNS.get(method);
  if (plain !== undefined) {
    const value = config.args[0];
    if (value === undefined || value.type === AST_NODE_TYPES.SpreadElement || nodeThenability(context, value) !== 'notThenable') {
      return;
    }
    if (configuredReturn(context, model, typeServices, config) !== 'thenable' || dead()) {
      return;
    }
    const rename = config.args.length === 1 ? renameMethodFix(context.sourceCode, callee, plain) : null;
    context.report({
      node: callee.property,
      messageId: 'plainValueForAsyncFunction',
      data: { method, replacement: plain },
      ...(rename === null ? {} : { fix: rename }),
    });
    return;
  }
  if (PROMISES.has(method)) {
    if (configuredReturn(context, model, typeServices, config) !== 'notThenable' || dead()) {
      return;
    }
    const replacement = PROMISES.get(method) ?? null;
    const rename = replacement === null ? null : renameMethodFix(context.sourceCode, callee, replacement);
    context.report({
      node: callee.property,
      messageId: 'promiseForSyncFunction',
      data: { method, instead: replacement === null ? 'make the mock throw instead' : `use \`${replacement}\`` },
      suggest: rename === null || replacement === null ? [] : [{ messageId: 'useReturnValue', data: { replacement }, fix: rename }],
    });
    return;
  }
  if (IMPLEMENTATIONS.has(method)) {
    const implementation = config.args[0];
    if (implementation !== undefined && implementation.type !== AST_NODE_TYPES.SpreadElement) {
      checkImplementation(context, implementation, () => (dead() ? 'unknown' : configuredReturn(context, model, typeServices, config)));
    }
  }
}

/** Compares what an implementation returns with what the replaced function returns. */
function checkImplementation(context: RuleContext, implementation: TSESTree.Expression, replaced: () => Thenability): void {
  const fn = unwrapExpression(implementation);
  if (isFunction(fn) && fn.generator) {
    return;
  }
  const returned = isFunction(fn) && fn.async ? 'thenable' : returnThenability(context, fn);
  if (returned !== 'thenable' && returned !== 'notThenable') {
    return;
  }
  const expected = replaced();
  if (returned === 'notThenable' && expected === 'thenable') {
    // Not for a function that names `await` (script code): as `async` it would no longer parse.
    const canAddAsync = (fn.type === AST_NODE_TYPES.ArrowFunctionExpression || fn.type === AST_NODE_TYPES.FunctionExpression) && !fn.async && !usesAwaitAsName(context.sourceCode, fn);
    context.report({
      node: fn,
      messageId: 'syncImplementationForAsyncFunction',
      suggest: canAddAsync ? [{ messageId: 'makeImplementationAsync', fix: (fixer) => fixer.insertTextBefore(fn, 'async ') }] : [],
    });
  } else if (returned === 'thenable' && expected === 'notThenable' && isFunction(fn) && fn.async) {
    context.report({ node: fn, messageId: 'asyncImplementationForSyncFunction' });
  }
}

/** `vi.fn(impl)`, `jest.fn(impl)`, node:test `mock.fn(impl)` and `mock.method(obj, 'm', impl)`: the implementation given at creation. */
function creationImplementation(mock: MockRecord): TSESTree.Expression | null {
  const args = mock.node.arguments;
  let candidate: TSESTree.CallExpressionArgument | undefined;
  if (mock.kind === 'function' && mock.library !== 'sinon' && (mock.api.endsWith('.fn') || mock.api === 'fn')) {
    candidate = args[0];
  } else if (mock.kind === 'property' && mock.library === 'node:test' && mock.api.endsWith('.method')) {
    candidate = args[2];
  }
  return candidate !== undefined && isFunction(unwrapExpression(candidate)) ? (candidate as TSESTree.Expression) : null;
}

/**
 * What the function a configuration replaces returns: through `vi.mocked(fn)`, the mock it is
 * chained to or linked with, or else the configured expression's own type.
 */
function configuredReturn(context: RuleContext, model: TestModel, typeServices: TypeServices, config: MockConfig): Thenability {
  const callee = unwrapExpression(config.node.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression) {
    return 'unknown';
  }
  let object = unwrapExpression(callee.object);
  for (;;) {
    if (object.type === AST_NODE_TYPES.MemberExpression && getPropertyName(object) === 'mock') {
      object = unwrapExpression(object.object);
      continue;
    }
    if (object.type === AST_NODE_TYPES.CallExpression) {
      const inner = unwrapExpression(object.callee);
      const name = inner.type === AST_NODE_TYPES.MemberExpression ? getPropertyName(inner) : null;
      if (inner.type === AST_NODE_TYPES.MemberExpression && name !== null && (NARROWING.has(name) || CHAINABLE_CONFIGS.has(name))) {
        object = unwrapExpression(inner.object);
        continue;
      }
    }
    break;
  }
  if (object.type === AST_NODE_TYPES.CallExpression) {
    const inner = unwrapExpression(object.callee);
    const first = object.arguments[0];
    if (inner.type === AST_NODE_TYPES.MemberExpression && getPropertyName(inner) === 'mocked' && first !== undefined && first.type !== AST_NODE_TYPES.SpreadElement) {
      return returnThenability(context, first, ORIGINAL);
    }
  }
  // A double made here says what it replaces only through its target, type argument or
  // factory; its own type mirrors the test's implementation, not the replaced function.
  if (config.mock !== null && config.mock.kind !== 'module') {
    return mockedReturn(context, model, typeServices, config.mock);
  }
  // The original binding (an automocked import, `obj.method` after `spyOn`) keeps its type.
  return returnThenability(context, object, ORIGINAL);
}

/** What the function a mock stands for returns, from how the mock was made. */
function mockedReturn(context: RuleContext, model: TestModel, typeServices: TypeServices, mock: MockRecord): Thenability {
  const original = originalType(context, model, mock);
  return original === null ? 'unknown' : returnThenabilityOfType(typeServices, original, ORIGINAL);
}

/** Checks one file; a module function, so V8 keeps its optimised code from file to file (see `perOptions`). */
function checkFile(context: RuleContext): void {
  const model = getTestModel(context);
  if (model.mockConfigs.length === 0 && model.mocks.length === 0) {
    return;
  }
  const typeServices = getTypeServices(context);
  if (typeServices === null) {
    return;
  }
  for (const config of model.mockConfigs) {
    checkConfig(context, model, typeServices, config);
  }
  for (const mock of model.mocks) {
    const implementation = creationImplementation(mock);
    if (implementation !== null) {
      checkImplementation(context, implementation, () => mockedReturn(context, model, typeServices, mock));
    }
  }
}
