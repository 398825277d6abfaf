import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/types';
import type { TSESLint } from '@typescript-eslint/utils';
import { findVariable } from '@typescript-eslint/utils/ast-utils';

import { getPropertyName, isFunction, unwrapExpression, type FunctionNode } from '../ast/nodes.js';
import { calledKey, getAsyncMockIndex, isInsideMockCode, promiseStaticKind, type AsyncMockIndex } from './no-unawaited-async-mock/async-mocks.js';
import { addAwaitFix, returnFix } from '../ast/await-fixes.js';
import { createRule, perOptions } from '../create-rule.js';
import { findUnhandledPromise, getTestModel, type TestBlock, type TestModel, type UnhandledPromise } from '../model/index.js';
import { getTypeServices, isThenableType } from '../type-info.js';

export type Options = [
  {
    /** Accept `mockReturnValue(Promise.resolve(x))` and `mockImplementation(() => Promise.…(x))`: style, not a hazard. */
    allowPromiseLongForms?: boolean;
  },
];
export type MessageIds =
  | 'unawaitedAsyncMock'
  | 'unawaitedAsyncCall'
  | 'unawaitedThenable'
  | 'promiseReturnValue'
  | 'promiseImplementation'
  | 'addAwait'
  | 'returnPromise'
  | 'useShorthand';

type RuleContext = Readonly<TSESLint.RuleContext<MessageIds, Options>>;
type Fix = (fixer: TSESLint.RuleFixer) => TSESLint.RuleFix[];

/** `mockReturnValue(Promise.resolve(x))` and friends → the shorthand, by library spelling. */
const SHORTHANDS: ReadonlyMap<string, { readonly resolve: string; readonly reject: string }> = new Map([
  ['mockReturnValue', { resolve: 'mockResolvedValue', reject: 'mockRejectedValue' }],
  ['mockReturnValueOnce', { resolve: 'mockResolvedValueOnce', reject: 'mockRejectedValueOnce' }],
  ['mockImplementation', { resolve: 'mockResolvedValue', reject: 'mockRejectedValue' }],
  ['mockImplementationOnce', { resolve: 'mockResolvedValueOnce', reject: 'mockRejectedValueOnce' }],
  ['returns', { resolve: 'resolves', reject: 'rejects' }],
  ['returnValue', { resolve: 'resolveTo', reject: 'rejectWith' }],
]);

/** A test or hook that completes when its callback returns: not `async`, no `done`, no plan. */
function isSynchronousBlock(block: TestBlock): boolean {
  return block.kind !== 'suite' && block.callback !== null && !block.callback.async && block.doneParameter === null && !block.usesPlan;
}

/** `function load() { … }` / `const load = async () => …` declared in this file, as the function node a call reaches. */
function localFunction(sourceCode: Readonly<TSESLint.SourceCode>, callee: TSESTree.Identifier): FunctionNode | null {
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
function isShadowedByNonMock(sourceCode: Readonly<TSESLint.SourceCode>, callee: TSESTree.Identifier): boolean {
  const definition = findVariable(sourceCode.getScope(callee), callee)?.defs[0];
  if (definition === undefined) {
    return false;
  }
  if (definition.type === 'FunctionName' || definition.type === 'Parameter' || definition.type === 'ClassName') {
    return true;
  }
  return definition.type === 'Variable' && definition.node.init != null && isFunction(unwrapExpression(definition.node.init));
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

function suggestionsFor(
  sourceCode: Readonly<TSESLint.SourceCode>,
  model: TestModel,
  unhandled: UnhandledPromise,
): Array<{ messageId: MessageIds; data?: Record<string, string>; fix: Fix }> {
  const suggestions: Array<{ messageId: MessageIds; data?: Record<string, string>; fix: Fix }> = [];
  const awaitFix = addAwaitFix(sourceCode, model, unhandled.statement, unhandled.fn);
  if (awaitFix !== null) {
    suggestions.push({ messageId: 'addAwait', data: { asyncNote: unhandled.fn?.async === true ? '' : ' and make the test function `async`' }, fix: awaitFix });
  }
  const returnSuggestion = returnFix(model, unhandled.statement, unhandled.fn);
  if (returnSuggestion !== null) {
    suggestions.push({ messageId: 'returnPromise', fix: returnSuggestion });
  }
  return suggestions;
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

/** `mockReturnValue(Promise.resolve(x))`, `mockImplementation(() => Promise.reject(e))`, sinon `.returns(Promise.resolve(x))`. */
function checkPromiseReturnValue(context: RuleContext, model: TestModel, allowPromiseLongForms: boolean): void {
  const { sourceCode } = context;
  for (const config of model.mockConfigs) {
    const shorthand = SHORTHANDS.get(config.method);
    if (shorthand === undefined || config.args.length !== 1) {
      continue;
    }
    const isImplementation = config.method.startsWith('mockImplementation');
    // The implementation long form makes its promise per call: only style, so reported on request.
    if (isImplementation && allowPromiseLongForms) {
      continue;
    }
    if (config.method === 'returns' && config.mock?.library !== 'sinon') {
      continue;
    }
    const argument = config.args[0];
    if (argument === undefined) {
      continue;
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
      continue;
    }
    // A resolved promise shared by every call is harmless; a rejection made at setup can go unhandled.
    if (kind === 'resolve' && allowPromiseLongForms) {
      continue;
    }
    const call = unwrapExpression(promise) as TSESTree.CallExpression;
    if (call.arguments.length > 1 || call.arguments[0]?.type === AST_NODE_TYPES.SpreadElement) {
      continue;
    }
    // `() => Promise.resolve({ … })` builds a fresh value per call; the shorthand would share one.
    if (isImplementation && call.arguments[0] !== undefined && !isStableValue(call.arguments[0])) {
      continue;
    }
    const replacement = shorthand[kind];
    const callee = config.node.callee;
    const valueText = call.arguments[0] === undefined ? 'undefined' : sourceCode.getText(call.arguments[0]);
    const property = callee.type === AST_NODE_TYPES.MemberExpression ? callee.property : null;
    context.report({
      node: config.node,
      // From the method name on: a chained `vi\n.fn()\n.mockReturnValue(…)` is reported where the configuration is.
      ...(property === null ? {} : { loc: { start: property.loc.start, end: config.node.loc.end } }),
      messageId: isImplementation ? 'promiseImplementation' : 'promiseReturnValue',
      data: { method: config.method, kind, replacement },
      suggest:
        property === null
          ? []
          : [
              {
                messageId: 'useShorthand',
                data: { replacement: `${replacement}(${valueText})` },
                fix: (fixer) => [fixer.replaceText(property, replacement), fixer.replaceText(argument, valueText)],
              },
            ],
    });
  }
}

export default createRule<Options, MessageIds>({
  name: 'no-unawaited-async-mock',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow dropping the promise of a mock or function that returns one',
      recommended: 'recommended',
      requiresTypeChecking: false,
      strictOptions: [{ allowPromiseLongForms: false }],
    },
    hasSuggestions: true,
    schema: [
      {
        type: 'object',
        properties: {
          allowPromiseLongForms: {
            type: 'boolean',
            description:
              'Accept `mockReturnValue(Promise.resolve(x))` and `mockImplementation(() => Promise.resolve(x) / Promise.reject(e))`, which are style rather than a hazard; `mockReturnValue(Promise.reject(e))` is reported either way.',
          },
        },
        additionalProperties: false,
      },
    ],
    defaultOptions: [{ allowPromiseLongForms: true }],
    messages: {
      unawaitedAsyncMock:
        '`{{name}}` is mocked to return a promise ({{how}}) but this call drops it, so its result and any rejection are lost; `await` or `return` it.',
      unawaitedAsyncCall:
        '`{{name}}` returns a promise but this synchronous {{blockKind}} drops it and finishes before it settles; make the {{blockKind}} `async` and `await` the call.',
      unawaitedThenable:
        'This call returns a promise that nobody waits for, so the {{blockKind}} can finish before it settles; `await` or `return` it.',
      promiseReturnValue:
        '`{{method}}(Promise.{{kind}}(…))` builds one promise at setup that every call shares (a rejection made there can go unhandled before the mock is called); use `{{replacement}}` instead.',
      promiseImplementation:
        '`{{method}}(() => Promise.{{kind}}(…))` is the long form of `{{replacement}}`; use the shorthand so the async shape of the mock is obvious.',
      addAwait: 'Add `await`{{asyncNote}}.',
      returnPromise: 'Return the promise.',
      useShorthand: 'Replace with `{{replacement}}`.',
    },
  },
  create(context, [options]) {
    const check = checkerFor(options);
    return {
      'Program:exit'() {
        check(context);
      },
    };
  },
});

/** Functions made once per configured options, not per file (see `perOptions`). */
const checkerFor = perOptions(createChecker);

function createChecker(options: Options[0]): (context: RuleContext) => void {
  const allowPromiseLongForms = options.allowPromiseLongForms ?? true;
  let model: TestModel | null = null;
  let index: AsyncMockIndex | null = null;
  let typed: boolean | null = null;
  let skipNodes: ReadonlySet<TSESTree.Node> | null = null;
  // The file being checked: set when `check` starts, let go when it ends (the checker outlives files).
  let context!: RuleContext;
  let sourceCode!: Readonly<TSESLint.SourceCode>;

  const setup = (): { model: TestModel; index: AsyncMockIndex } | null => {
    model ??= getTestModel(context);
    if (!model.hasTests) {
      return null;
    }
    index ??= getAsyncMockIndex(model);
    return { model, index };
  };

  /** Does a same-file function return a promise: `async`, or it returns an async mock's call? */
  const returnsPromise = (fn: FunctionNode, block: TestBlock, currentIndex: AsyncMockIndex): boolean =>
    fn.async || returnedMockCall(fn, currentIndex, block) !== null;

  /** Names of same-file functions that may return a promise (async, or returning a call), collected on the way. */
  const candidateNames = new Set<string>();
  const noteFunction = (name: string, fn: FunctionNode): void => {
    if (fn.async || fn.body.type !== AST_NODE_TYPES.BlockStatement || fn.body.body.some((statement) => statement.type === AST_NODE_TYPES.ReturnStatement)) {
      candidateNames.add(name);
    }
  };
  const reported = new Set<TSESTree.Node>();
  /** Drops what was learnt about a file, before and after each one. */
  const forget = (): void => {
    model = null;
    index = null;
    typed = null;
    skipNodes = null;
    candidateNames.clear();
    reported.clear();
  };

  const checkMockCall = (call: TSESTree.CallExpression, callee: TSESTree.Identifier | TSESTree.MemberExpression, state: { model: TestModel; index: AsyncMockIndex }): void => {
    const lastName = callee.type === AST_NODE_TYPES.Identifier ? callee.name : getPropertyName(callee);
    if (lastName === null || !state.index.lastNames.has(lastName)) {
      return;
    }
    const key = calledKey(call);
    if (key === null || !state.index.keys.has(key)) {
      return;
    }
    const block = state.model.blockOf(call);
    if (block === null || block.kind === 'suite' || isInsideMockCode(call, state.index, block.callback)) {
      return;
    }
    if (callee.type === AST_NODE_TYPES.Identifier && isShadowedByNonMock(sourceCode, callee)) {
      return;
    }
    const source = state.index.promiseSourceFor(key, block);
    if (source === null) {
      return;
    }
    reported.add(call);
    const unhandled = findUnhandledPromise(call, state.model, sourceCode);
    if (unhandled !== null) {
      context.report({
        node: call,
        messageId: 'unawaitedAsyncMock',
        data: { name: key, how: source.how },
        suggest: suggestionsFor(sourceCode, state.model, unhandled),
      });
    }
  };

  const checkNamedCall = (call: TSESTree.CallExpression & { callee: TSESTree.Identifier }, state: { model: TestModel; index: AsyncMockIndex }): void => {
    const { callee } = call;
    if (reported.has(call) || state.model.resolveName(callee) !== null) {
      return;
    }
    const block = state.model.blockOf(call);
    if (block === null || !isSynchronousBlock(block)) {
      return;
    }
    const fn = localFunction(sourceCode, callee);
    if (fn === null || fn === block.callback) {
      return;
    }
    reported.add(call);
    if (!returnsPromise(fn, block, state.index)) {
      return;
    }
    const unhandled = findUnhandledPromise(call, state.model, sourceCode);
    if (unhandled !== null) {
      context.report({
        node: call,
        messageId: 'unawaitedAsyncCall',
        data: { name: callee.name, blockKind: block.kind },
        suggest: suggestionsFor(sourceCode, state.model, unhandled),
      });
    }
  };

  /** With type information only: a call statement in a test or hook whose value is a thenable. */
  const checkTypedCall = (call: TSESTree.CallExpression, state: { model: TestModel; index: AsyncMockIndex }): void => {
    if (reported.has(call) || state.index.mockCalls.has(call)) {
      return;
    }
    const block = state.model.blockOf(call);
    if (block === null || block.kind === 'suite') {
      return;
    }
    // Blocks (node:test's `t.test()` returns a promise) and assertions belong to other rules.
    skipNodes ??= new Set<TSESTree.Node>([...state.model.blocks.map((candidate) => candidate.node), ...state.model.assertions.map((assertion) => assertion.node)]);
    if (skipNodes.has(call) || skipNodes.has(call.parent) || isThenableType(context, call) !== true) {
      return;
    }
    const unhandled = findUnhandledPromise(call, state.model, sourceCode);
    if (unhandled !== null) {
      context.report({
        node: call,
        messageId: 'unawaitedThenable',
        data: { blockKind: block.kind },
        suggest: suggestionsFor(sourceCode, state.model, unhandled),
      });
    }
  };

  return function check(fileContext: RuleContext): void {
    context = fileContext;
    sourceCode = fileContext.sourceCode;
    forget();
    try {
      // Mock setup files (`__mocks__`, setup modules) have no tests but still configure mocks.
      model ??= getTestModel(context);
      checkPromiseReturnValue(context, model, allowPromiseLongForms);
      const state = setup();
      if (state === null) {
        return;
      }
      for (const fn of model.nodesOfType(AST_NODE_TYPES.FunctionDeclaration)) {
        if (fn.id !== null) {
          noteFunction(fn.id.name, fn);
        }
      }
      for (const declarator of model.nodesOfType(AST_NODE_TYPES.VariableDeclarator)) {
        const init = declarator.init === null ? null : unwrapExpression(declarator.init);
        if (declarator.id.type === AST_NODE_TYPES.Identifier && isFunction(init)) {
          noteFunction(declarator.id.name, init);
        }
      }
      typed ??= getTypeServices(context) !== null;
      if (state.index.keys.size === 0 && candidateNames.size === 0 && !typed) {
        // No async mock, no same-file function that may return a promise, no types: no call to check.
        return;
      }
      const namedCalls: Array<TSESTree.CallExpression & { callee: TSESTree.Identifier }> = [];
      const statementCalls: TSESTree.CallExpression[] = [];
      for (const call of model.nodesOfType(AST_NODE_TYPES.CallExpression)) {
        const callee = unwrapExpression(call.callee);
        if (callee.type !== AST_NODE_TYPES.Identifier && callee.type !== AST_NODE_TYPES.MemberExpression) {
          continue;
        }
        if (state.index.keys.size > 0) {
          checkMockCall(call, callee, state);
        }
        if (callee.type === AST_NODE_TYPES.Identifier && call.callee === callee) {
          namedCalls.push(call as TSESTree.CallExpression & { callee: TSESTree.Identifier });
        }
        const parent = call.parent.type === AST_NODE_TYPES.ChainExpression ? call.parent.parent : call.parent;
        if (typed && parent?.type === AST_NODE_TYPES.ExpressionStatement) {
          statementCalls.push(call);
        }
      }
      for (const call of namedCalls) {
        if (candidateNames.has(call.callee.name)) {
          checkNamedCall(call, state);
        }
      }
      for (const call of statementCalls) {
        checkTypedCall(call, state);
      }
    } finally {
      context = undefined as never;
      sourceCode = undefined as never;
      forget();
    }
  };
}
