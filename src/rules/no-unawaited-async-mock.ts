import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/types';
import type { TSESLint } from '@typescript-eslint/utils';

import { getChainRoot, getEnclosingFunction, getPropertyName, isFunction, unwrapExpression, type FunctionNode } from '../ast/nodes.js';
import { calledKey, getAsyncMockIndex, isInsideMockCode, type AsyncMockIndex } from './no-unawaited-async-mock/async-mocks.js';
import { callsBack, holdsBuiltValue, isKeywordOnlyAsync, isObjectLiteralProperty, isShadowedByNonMock, localFunction, mayReturnValue, onlyRenders, returnsPromise } from './no-unawaited-async-mock/local-functions.js';
import { reportPromiseLongForms } from './no-unawaited-async-mock/promise-long-form-reports.js';
import { chainMethodOf, completesThroughCallback, endsThroughCallback, firstLink, isRecordingCallback, isQueuedChain, linksAbove, onlyRecords, REQUEST_METHODS, requestChainLinks, startsChainOnValue, startsPromiseChain } from './no-unawaited-async-mock/promise-shapes.js';
import { describeContext, isUnrunFile, RunningContexts, type RunningContext } from './no-unawaited-async-mock/runs-during.js';
import { DropPolicy, isDroppedWait, suspensionListeners, type Suspension } from './no-unawaited-async-mock/drop-policy.js';
import { suggestionsFor } from './no-unawaited-async-mock/suggestions.js';
import { createRule, perOptions } from '../create-rule.js';
import { chainTop, findUnhandledPromise, getTestModel, type TestModel } from '../model/index.js';
import { getTypeServices, isThenableType } from '../type-info.js';
import { maybePromise } from './no-unawaited-async-mock/maybe-promise.js';

export type Options = [
  {
    /** Accept `mockReturnValue(Promise.resolve(x))` and `mockImplementation(() => Promise.…(x))`: style, not a hazard. */
    allowPromiseLongForms?: boolean;
    typedThenables?: boolean;
  },
];
export type MessageIds =
  | 'unawaitedAsyncMock'
  | 'unawaitedAsyncCall'
  | 'unawaitedThenable'
  | 'unawaitedChain'
  | 'unsentRequest'
  | 'unawaitedPromise'
  | 'promiseReturnValue'
  | 'promiseImplementation'
  | 'addAwait'
  | 'returnPromise'
  | 'useShorthand';

type RuleContext = Readonly<TSESLint.RuleContext<MessageIds, Options>>;

export default createRule<Options, MessageIds>({
  name: 'no-unawaited-async-mock',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow dropping the promise of a mock or function that returns one',
      recommended: 'recommended',
      requiresTypeChecking: false,
      strictOptions: [{ allowPromiseLongForms: false, typedThenables: true }],
    },
    hasSuggestions: true,
    schema: [
      {
        type: 'object',
        properties: {
          allowPromiseLongForms: {
            type: 'boolean',
            description:
              'Accept `mockReturnValue(Promise.resolve(x))` and `mockImplementation(() => Promise.resolve(x) / Promise.reject(e))`, which are style rather than a hazard; `mockReturnValue(Promise.reject(e))` is reported either way where its rejection can go unhandled.',
          },
          typedThenables: { type: 'boolean', description: 'With type information, also report any dropped call whose type is a thenable, not only the promises the file shows.' },
        },
        additionalProperties: false,
      },
    ],
    defaultOptions: [{ allowPromiseLongForms: true, typedThenables: false }],
    messages: {
      unawaitedAsyncMock:
        '`{{name}}` is mocked to return a promise ({{how}}) but this call drops it, so its result and any rejection are lost; `await` or `return` it.',
      unawaitedAsyncCall:
        '`{{name}}` returns a promise that {{where}} neither awaits nor returns, so the test goes on before it settles and a rejection is lost; `await` or `return` the call.',
      unawaitedThenable:
        'This call returns a promise that {{where}} neither awaits nor returns, so the test goes on before it settles and a rejection is lost; `await` or `return` it.',
      unawaitedChain:
        'This `.{{method}}(…)` chain is a promise that {{where}} neither awaits nor returns, so its callbacks run after the test goes on and their failures are lost; `await` or `return` the chain.',
      unsentRequest:
        'This request chain (`.{{method}}(…)`) is only sent when awaited, returned or ended, and {{where}} does none of these, so its expectations never run; `await` or `return` it.',
      unawaitedPromise:
        'This `new Promise(…)` checks its outcome inside, but {{where}} neither awaits nor returns it, so a failing check only rejects a promise nobody waits for and the test passes; `await` or `return` it.',
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
    const checker = checkerFor(options);
    const suspensions: Suspension[] = [];
    return {
      ...suspensionListeners(suspensions),
      'Program:exit'() {
        checker.check(context, suspensions);
      },
    };
  },
});

/** Checkers made once per configured options object, not per file (see `perOptions`). */
const checkerFor = perOptions((options: Options[0]) => new AsyncMockChecker(options));

type NamedCall = TSESTree.CallExpression & { callee: TSESTree.Identifier };

/** What one configuration decides: whether promise long forms are accepted and typed thenables checked. A file's state lives in its `AsyncMockFile`. */
class AsyncMockChecker {
  private readonly allowPromiseLongForms: boolean;
  private readonly typedThenables: boolean;
  constructor(options: Options[0]) {
    ({ allowPromiseLongForms: this.allowPromiseLongForms = true, typedThenables: this.typedThenables = false } = options);
  }

  check(context: RuleContext, suspensions: readonly Suspension[]): void {
    // Mock setup files (`__mocks__`, setup modules) have no tests but still configure mocks.
    const model = getTestModel(context);
    reportPromiseLongForms(context, model, this.allowPromiseLongForms);
    if (!model.hasTests) {
      return;
    }
    new AsyncMockFile(context, model, suspensions, this.typedThenables).check();
  }
}

/** One file with tests while it is checked: the calls that drop a promise. Made per file, so nothing of a file outlives it. */
class AsyncMockFile {
  private readonly index: AsyncMockIndex;
  private readonly contexts: RunningContexts;
  /** Names of same-file functions that may return a promise (async, or returning a call), collected on the way. */
  private readonly candidateNames = new Set<string>();
  /** Calls already judged by a more specific check. */
  private readonly reported = new Set<TSESTree.Node>();
  /** The statements (or chains) that drop a reported promise: one report per dropped promise. */
  private readonly reportedDrops = new Set<TSESTree.Node>();
  /** A type test or Cypress file (read at the first drop found): nothing in it is reported as dropped. */
  private unrun: boolean | null = null;
  /** Blocks and assertions (other rules' calls), gathered at the first call that needs them. */
  private skipNodes: ReadonlySet<TSESTree.Node> | null = null;
  private readonly policy: DropPolicy;

  constructor(
    private readonly context: RuleContext,
    private readonly model: TestModel,
    suspensions: readonly Suspension[],
    private readonly typedThenables: boolean,
  ) {
    this.index = getAsyncMockIndex(model);
    this.contexts = new RunningContexts(model, context.sourceCode);
    this.policy = new DropPolicy(model, suspensions, (callee) => localFunction(context.sourceCode, callee), context.sourceCode);
  }

  /**
   * Mock calls first, then calls of same-file functions, then `.then` chains and request chains
   * started here, then (with types) any thenable call statement: the first check that reports a
   * dropped promise names it.
   */
  check(): void {
    const { index } = this;
    this.noteFunctions();
    const typed = this.typedThenables && getTypeServices(this.context) !== null;
    const namedCalls: NamedCall[] = [];
    const chainCalls: TSESTree.CallExpression[] = [];
    const requestCalls: TSESTree.CallExpression[] = [];
    const statementCalls: TSESTree.CallExpression[] = [];
    for (const call of this.model.nodesOfType(AST_NODE_TYPES.CallExpression)) {
      const callee = unwrapExpression(call.callee);
      if (callee.type === AST_NODE_TYPES.Identifier) {
        if (index.keys.size > 0) {
          this.checkMockCall(call, callee);
        }
        if (call.callee === callee && this.candidateNames.has(callee.name)) {
          namedCalls.push(call as NamedCall);
        }
      } else if (callee.type === AST_NODE_TYPES.MemberExpression) {
        if (index.keys.size > 0) {
          this.checkMockCall(call, callee);
        }
        const method = getPropertyName(callee);
        if (method !== null && (startsPromiseChain(call) || (startsChainOnValue(call) && this.policy.checksUnawaitedValue(call)))) {
          chainCalls.push(call);
        } else if (method !== null && REQUEST_METHODS.has(method)) {
          requestCalls.push(call);
        }
      } else {
        continue;
      }
      const parent = call.parent.type === AST_NODE_TYPES.ChainExpression ? call.parent.parent : call.parent;
      if (typed && parent?.type === AST_NODE_TYPES.ExpressionStatement) {
        statementCalls.push(call);
      }
    }
    for (const call of namedCalls) {
      this.checkNamedCall(call);
    }
    for (const call of chainCalls) {
      this.checkChain(call);
    }
    for (const call of requestCalls) {
      this.checkRequest(call);
    }
    for (const call of statementCalls) {
      this.checkTypedCall(call);
    }
    for (const node of this.model.nodesOfType(AST_NODE_TYPES.NewExpression)) {
      this.checkNewPromise(node);
    }
  }

  /** Collects `candidateNames` from function declarations and `const f = () => …`. */
  private noteFunctions(): void {
    for (const fn of this.model.nodesOfType(AST_NODE_TYPES.FunctionDeclaration)) {
      if (fn.id !== null && mayReturnValue(fn)) {
        this.candidateNames.add(fn.id.name);
      }
    }
    for (const declarator of this.model.nodesOfType(AST_NODE_TYPES.VariableDeclarator)) {
      const init = declarator.init === null ? null : unwrapExpression(declarator.init);
      if (declarator.id.type === AST_NODE_TYPES.Identifier && isFunction(init) && mayReturnValue(init)) {
        this.candidateNames.add(declarator.id.name);
      }
    }
  }

  /** A call of a mock that returns a promise in this block. */
  private checkMockCall(call: TSESTree.CallExpression, callee: TSESTree.Identifier | TSESTree.MemberExpression): void {
    const { model, index } = this;
    const lastName = callee.type === AST_NODE_TYPES.Identifier ? callee.name : getPropertyName(callee);
    const key = lastName === null || !index.lastNames.has(lastName) ? null : calledKey(call);
    if (key === null || !index.keys.has(key)) {
      return;
    }
    const block = model.blockOf(call);
    if (block === null || block.kind === 'suite' || isInsideMockCode(call, index, block.callback)) {
      return;
    }
    if (callee.type === AST_NODE_TYPES.Identifier && isShadowedByNonMock(this.context.sourceCode, callee)) {
      return;
    }
    const source = index.promiseSourceFor(key, block);
    if (source === null || this.isNamesake(callee, source.node)) {
      return;
    }
    this.reported.add(call);
    // `const _p = fetchMeta()` on a mock that only resolves loses nothing; a `.then(…)` on it still runs callbacks later.
    if (!source.onlyResolves || linksAbove(call).length > 0) {
      this.reportDropped(call, call, 'unawaitedAsyncMock', { name: key, how: source.how });
    }
  }

  /** `factMetrics.delete()` on a local `new Map()` that shares its name with the object-literal key of a mock `{ factMetrics: { delete: … } }`. */
  private isNamesake(callee: TSESTree.Identifier | TSESTree.MemberExpression, source: TSESTree.CallExpression): boolean {
    const root = callee.type === AST_NODE_TYPES.MemberExpression ? getChainRoot(callee) : null;
    return root?.type === AST_NODE_TYPES.Identifier && isObjectLiteralProperty(source) && holdsBuiltValue(this.context.sourceCode, root);
  }

  /** A test, hook or helper calling a same-file function that returns a promise. */
  private checkNamedCall(call: NamedCall): void {
    const { callee } = call;
    if (this.reported.has(call) || this.model.resolveName(callee) !== null) {
      return;
    }
    const caller = getEnclosingFunction(call);
    const where = this.contextOf(caller, call);
    if (where === null) {
      return;
    }
    const fn = localFunction(this.context.sourceCode, callee);
    // Recursion is a loop scheduling itself, not a test dropping work: `poll()` rescheduling, `postEvent` → `execute` → `postEvent`.
    if (fn === null || fn === caller || fn === where.block?.callback || (caller !== null && callsBack(fn, caller, this.context.sourceCode))) {
      return;
    }
    this.reported.add(call);
    // `timeout(() => { diff = tt(); }, 20)`: the test observes the outcome through the callback it hands over.
    const callbacks = call.arguments.filter((argument) => isFunction(argument));
    if (callbacks.length > 0 && callbacks.every((callback) => isRecordingCallback(callback, (name) => localFunction(this.context.sourceCode, name)))) {
      return;
    }
    // `const toggleOpen = async () => { fireEvent.click(button); }` is done when the call returns: only a failing assertion in it would be lost.
    const { visitorKeys } = this.context.sourceCode;
    const keywordOnly = (isKeywordOnlyAsync(fn, visitorKeys) || onlyRenders(fn, visitorKeys, this.rendersAsync())) && !this.policy.asserts(fn);
    if (!keywordOnly && returnsPromise(this.context.sourceCode, fn, where.block, this.index)) {
      this.reportDropped(call, call, 'unawaitedAsyncCall', { name: callee.name });
    }
  }

  /** Does the file use Angular's testing-library, whose `render` returns a promise? */
  private rendersAsync(): boolean {
    return this.model.imports.some((record) => record.specifier === '@testing-library/angular');
  }

  /** `fetch(url).then((r) => assert.equal(r.status, 200))` started here and dropped. */
  private checkChain(call: TSESTree.CallExpression): void {
    const receiver = unwrapExpression((unwrapExpression(call.callee) as TSESTree.MemberExpression).object);
    if (this.reported.has(receiver) || this.isOtherRulesCall(receiver) || this.isOtherRulesCall(chainTop(call))) {
      return;
    }
    this.reportDropped(call, call, 'unawaitedChain', { method: chainMethodOf(call) ?? 'then' });
  }

  /**
   * `new Promise((resolve) => { expect(…); resolve(); })` dropped: the executor runs on the spot, but a
   * failing check in it (or in a callback it starts) rejects the promise instead of failing the test.
   * Its promise carries checks, so it is reported in `async` tests too.
   */
  private checkNewPromise(node: TSESTree.NewExpression): void {
    const executor = node.arguments[0];
    if (node.callee.type !== AST_NODE_TYPES.Identifier || node.callee.name !== 'Promise' || !isFunction(executor) || !this.policy.asserts(executor)) {
      return;
    }
    const unhandled = findUnhandledPromise(node, this.model, this.context.sourceCode);
    const key = unhandled?.statement ?? node;
    const where = unhandled === null ? null : this.contexts.contextOf(unhandled.fn, false);
    this.unrun ??= isUnrunFile(this.context.filename, this.context.sourceCode.text);
    if (unhandled === null || where === null || this.unrun || this.reportedDrops.has(key)) {
      return;
    }
    this.reportedDrops.add(key);
    this.context.report({ node, messageId: 'unawaitedPromise', data: { where: describeContext(where) }, suggest: suggestionsFor(this.context.sourceCode, this.model, unhandled) });
  }

  /** `app.request.delete('/x').expect(409)`: a request chain nobody sends. */
  private checkRequest(call: TSESTree.CallExpression): void {
    const links = requestChainLinks(call);
    if (links === null || endsThroughCallback(links) || isQueuedChain(call)) {
      return;
    }
    const top = links.at(-1) ?? call;
    if (this.isOtherRulesCall(top)) {
      return;
    }
    const method = getPropertyName(unwrapExpression(call.callee) as TSESTree.MemberExpression) ?? 'get';
    this.reportDropped(call, top, 'unsentRequest', { method });
  }

  /** Where `fn` runs; a dropped wait (`delay(50);`) also in a listener or a worker's processor inside a test or hook. */
  private contextOf(fn: FunctionNode | null, call: TSESTree.CallExpression): RunningContext | null {
    return this.contexts.contextOf(fn, isDroppedWait(call));
  }

  /** Blocks (node:test's `t.test()` returns a promise) and assertions (`no-unawaited-assertion`) belong to other rules. */
  private isOtherRulesCall(node: TSESTree.Node): boolean {
    this.skipNodes ??= new Set<TSESTree.Node>([...this.model.blocks.map((block) => block.node), ...this.model.assertions.map((assertion) => assertion.node)]);
    return this.skipNodes.has(node) || this.skipNodes.has(node.parent as TSESTree.Node);
  }

  /** With type information only: a call statement in a test, hook or helper whose value is a thenable. */
  private checkTypedCall(call: TSESTree.CallExpression): void {
    if (this.reported.has(call) || this.reportedDrops.has(call.parent) || this.index.mockCalls.has(call) || isQueuedChain(call) || this.isOtherRulesCall(call)) {
      return;
    }
    const fn = getEnclosingFunction(call);
    const thenable = this.contextOf(fn, call) === null ? false : isThenableType(this.context, call) === true || (maybePromise(this.context, call) && this.policy.shouldReportMaybePromise(call.parent, fn));
    if (thenable) {
      this.reportDropped(call, call, 'unawaitedThenable', {});
    }
  }

  /**
   * Reports `call` when the promise of `top` (the call, or the whole request chain) is dropped (not
   * awaited, returned or handed on) in code that runs while a test or hook runs (not in an event
   * listener or timer callback), unless the callbacks chained to it only record what happened
   * (`onlyRecords`), and (not a mock's) under the async-test policy of `DropPolicy`; with the fixes
   * that keep it. One report per dropping statement.
   */
  private reportDropped(call: TSESTree.CallExpression, top: TSESTree.Node, messageId: MessageIds, data: Record<string, string>): void {
    const unhandled = findUnhandledPromise(top, this.model, this.context.sourceCode);
    if (unhandled === null) {
      return;
    }
    const key = unhandled.statement ?? (top === call ? chainTop(call) : top);
    if (this.reportedDrops.has(key)) {
      return;
    }
    const where = this.contextOf(unhandled.fn, call);
    const { sourceCode } = this.context;
    const start = firstLink(call);
    this.unrun ??= isUnrunFile(this.context.filename, sourceCode.text);
    if (where === null || this.unrun || onlyRecords(start, (callee) => localFunction(sourceCode, callee)) || completesThroughCallback(start, sourceCode)) {
      return;
    }
    this.reportedDrops.add(key);
    if (messageId === 'unawaitedAsyncMock' || this.policy.shouldReport(call, unhandled.statement ?? call, unhandled.fn, messageId === 'unsentRequest')) {
      this.context.report({
        node: call,
        messageId,
        data: { ...data, where: describeContext(where) },
        suggest: suggestionsFor(sourceCode, this.model, unhandled),
      });
    }
  }
}
