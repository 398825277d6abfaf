import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/types';
import type { TSESLint } from '@typescript-eslint/utils';
import { findVariable } from '@typescript-eslint/utils/ast-utils';

import { getEnclosingFunction, getLastName, indexInList, getPropertyName, isFunction, unwrapExpression, type FunctionNode } from '../ast/nodes.js';
import type { TestBlock } from './test-blocks.js';
import type { TestModel } from './test-model.js';

/**
 * The one answer to "does anybody wait for this promise?", shared by every rule of family 3.
 *
 * A promise is handled when it is awaited, returned, the body of an arrow function, chained with
 * `.then/.catch/.finally` that is itself handled, an element of a handled
 * `Promise.all/allSettled/race/any`, stored in a variable whose reads reach one of these,
 * `void`-ed, handed to some other function (it may wait for it; we cannot tell), or when its
 * test completes through `done`, a node:test plan or `await t.completed`, or an idiomatic
 * fake-timer/microtask flush or a wait for an event (`await once(emitter, 'done')`) is awaited
 * after it. Everything we cannot read counts as handled:
 * only a promise that is provably dropped is unhandled.
 */

/** Why a promise was found unhandled, and where it is dropped. */
export interface UnhandledPromise {
  /** The statement that drops the promise, when its expression is the promise (fixes insert `await` there). */
  readonly statement: TSESTree.ExpressionStatement | null;
  /** The function the promise is dropped in (null at file level). */
  readonly fn: FunctionNode | null;
}

const COMBINATORS: ReadonlySet<string> = new Set(['all', 'allSettled', 'race', 'any']);
const CHAIN_METHODS: ReadonlySet<string> = new Set(['then', 'catch', 'finally']);
/** Array methods that call back synchronously and keep what the callback returns. */
const MAPPING_METHODS: ReadonlySet<string> = new Set(['map', 'flatMap']);
/** Array methods that call back synchronously and drop what the callback returns. */
const DROPPING_METHODS: ReadonlySet<string> = new Set(['forEach']);

/** Awaited calls that settle pending timers and microtasks (`await vi.advanceTimersByTimeAsync(10)`). */
const FLUSH_CALLS: ReadonlySet<string> = new Set([
  'advanceTimersByTimeAsync',
  'advanceTimersToNextTimerAsync',
  'runAllTimersAsync',
  'runOnlyPendingTimersAsync',
  'tickAsync',
  'runAllAsync',
  'runToLastAsync',
  'nextAsync',
  'flushPromises',
  'flushMicrotasks',
  'nextTick',
]);

type SourceCode = Readonly<TSESLint.SourceCode>;

interface WalkState {
  readonly model: TestModel;
  readonly sourceCode: SourceCode;
  readonly seen: Set<TSESLint.Scope.Variable>;
}

type Step =
  | { readonly kind: 'handled' }
  | { readonly kind: 'dropped'; readonly statement: TSESTree.ExpressionStatement | null; readonly at: TSESTree.Node }
  | { readonly kind: 'continue'; readonly node: TSESTree.Node };

const HANDLED: Step = { kind: 'handled' };

function isCombinatorCall(call: TSESTree.Node | undefined): boolean {
  if (call?.type !== AST_NODE_TYPES.CallExpression) {
    return false;
  }
  const callee = unwrapExpression(call.callee);
  return (
    callee.type === AST_NODE_TYPES.MemberExpression &&
    unwrapExpression(callee.object).type === AST_NODE_TYPES.Identifier &&
    (unwrapExpression(callee.object) as TSESTree.Identifier).name === 'Promise' &&
    COMBINATORS.has(getPropertyName(callee) ?? '')
  );
}

/** The call whose callback `fn` is, with the callee's method name (`xs.map(fn)` → map). */
function callbackOwner(fn: FunctionNode): { call: TSESTree.CallExpression; method: string | null } | null {
  const parent = fn.parent;
  if (parent?.type !== AST_NODE_TYPES.CallExpression || !parent.arguments.includes(fn as TSESTree.CallExpressionArgument)) {
    return null;
  }
  const callee = unwrapExpression(parent.callee);
  return { call: parent, method: callee.type === AST_NODE_TYPES.MemberExpression ? getPropertyName(callee) : null };
}

/** What happens to the value a function returns. */
function stepFromFunction(fn: FunctionNode, at: TSESTree.Node): Step {
  // `(async () => { … })()`: the call's value is what the body returns.
  if (fn.parent?.type === AST_NODE_TYPES.CallExpression && unwrapExpression(fn.parent.callee) === fn) {
    return { kind: 'continue', node: fn.parent };
  }
  const owner = callbackOwner(fn);
  if (owner !== null) {
    if (owner.method !== null && DROPPING_METHODS.has(owner.method)) {
      return { kind: 'dropped', statement: null, at };
    }
    if (owner.method !== null && (MAPPING_METHODS.has(owner.method) || CHAIN_METHODS.has(owner.method))) {
      return { kind: 'continue', node: owner.call };
    }
  }
  return HANDLED;
}

/** One step up from `node`, whose value is a promise. */
function step(node: TSESTree.Node, state: WalkState): Step | readonly Step[] {
  const parent = node.parent;
  if (parent === undefined || handsRejectionToExecutor(node)) {
    return HANDLED;
  }
  switch (parent.type) {
    case AST_NODE_TYPES.AwaitExpression:
    case AST_NODE_TYPES.YieldExpression:
      return HANDLED;
    case AST_NODE_TYPES.ReturnStatement: {
      const fn = getEnclosingFunction(parent);
      return fn === null ? HANDLED : stepFromFunction(fn, parent);
    }
    case AST_NODE_TYPES.ArrowFunctionExpression:
      return parent.body === node ? stepFromFunction(parent, node) : HANDLED;
    case AST_NODE_TYPES.UnaryExpression:
      return HANDLED;
    case AST_NODE_TYPES.ChainExpression:
    case AST_NODE_TYPES.TSAsExpression:
    case AST_NODE_TYPES.TSSatisfiesExpression:
    case AST_NODE_TYPES.TSNonNullExpression:
    case AST_NODE_TYPES.TSTypeAssertion:
    case AST_NODE_TYPES.SpreadElement:
    case AST_NODE_TYPES.ArrayExpression:
      return { kind: 'continue', node: parent };
    case AST_NODE_TYPES.ConditionalExpression:
      return parent.test === node ? HANDLED : { kind: 'continue', node: parent };
    case AST_NODE_TYPES.LogicalExpression:
      return { kind: 'continue', node: parent };
    case AST_NODE_TYPES.SequenceExpression:
      return parent.expressions.at(-1) === node ? { kind: 'continue', node: parent } : droppedAt(parent, null);
    case AST_NODE_TYPES.ExpressionStatement:
      // `ids.map(() => p)` drops an array of promises: `await` in front would not help.
      return droppedAt(parent, holdsPromiseArray(parent.expression) ? null : parent);
    case AST_NODE_TYPES.MemberExpression: {
      if (parent.object !== node) {
        return HANDLED;
      }
      const grand = parent.parent;
      const name = getPropertyName(parent);
      if (name !== null && CHAIN_METHODS.has(name) && grand.type === AST_NODE_TYPES.CallExpression && grand.callee === parent) {
        return { kind: 'continue', node: grand };
      }
      return HANDLED;
    }
    case AST_NODE_TYPES.CallExpression: {
      if (parent.callee === node) {
        return HANDLED;
      }
      if (isCombinatorCall(parent)) {
        return { kind: 'continue', node: parent };
      }
      // `promises.push(p)`: follow the array.
      const callee = unwrapExpression(parent.callee);
      if (callee.type === AST_NODE_TYPES.MemberExpression && getPropertyName(callee) === 'push' && unwrapExpression(callee.object).type === AST_NODE_TYPES.Identifier) {
        return followIdentifier(unwrapExpression(callee.object) as TSESTree.Identifier, state, parent);
      }
      return HANDLED;
    }
    case AST_NODE_TYPES.VariableDeclarator:
      if (parent.init === node && parent.id.type === AST_NODE_TYPES.Identifier) {
        return followIdentifier(parent.id, state, parent);
      }
      return HANDLED;
    case AST_NODE_TYPES.AssignmentExpression:
      if (parent.right === node && parent.operator === '=' && parent.left.type === AST_NODE_TYPES.Identifier) {
        return followIdentifier(parent.left, state, parent);
      }
      return HANDLED;
    default:
      return HANDLED;
  }
}

/**
 * `.catch(reject)` or `.then(onDone, reject)` where `reject` is the rejection parameter of an enclosing
 * `new Promise((resolve, reject) => …)` executor: a failure settles that promise, which the test waits for.
 */
function handsRejectionToExecutor(node: TSESTree.Node): boolean {
  if (node.type !== AST_NODE_TYPES.CallExpression || node.callee.type !== AST_NODE_TYPES.MemberExpression) {
    return false;
  }
  const call = node;
  const method = getPropertyName(node.callee);
  const handler = method === 'catch' ? call.arguments[0] : method === 'then' ? call.arguments[1] : undefined;
  if (handler?.type !== AST_NODE_TYPES.Identifier) {
    return false;
  }
  for (let fn = getEnclosingFunction(call); fn !== null; fn = getEnclosingFunction(fn)) {
    const owner = fn.parent;
    if (owner?.type === AST_NODE_TYPES.NewExpression && owner.arguments[0] === fn && owner.callee.type === AST_NODE_TYPES.Identifier && owner.callee.name === 'Promise') {
      const reject = fn.params[1];
      return reject?.type === AST_NODE_TYPES.Identifier && reject.name === handler.name;
    }
  }
  return false;
}

function holdsPromiseArray(expression: TSESTree.Expression): boolean {
  const value = unwrapExpression(expression);
  if (value.type === AST_NODE_TYPES.ArrayExpression) {
    return true;
  }
  if (value.type !== AST_NODE_TYPES.CallExpression) {
    return false;
  }
  const callee = unwrapExpression(value.callee);
  return callee.type === AST_NODE_TYPES.MemberExpression && MAPPING_METHODS.has(getPropertyName(callee) ?? '');
}

function droppedAt(at: TSESTree.Node, statement: TSESTree.ExpressionStatement | null): Step {
  return { kind: 'dropped', statement, at };
}

/** A promise stored in a variable is handled when one of the variable's reads is. */
function followIdentifier(identifier: TSESTree.Identifier, state: WalkState, at: TSESTree.Node): Step | readonly Step[] {
  const variable = findVariable(state.sourceCode.getScope(identifier), identifier);
  if (variable === null) {
    return HANDLED;
  }
  if (state.seen.has(variable)) {
    return droppedAt(at, null);
  }
  state.seen.add(variable);
  // A variable declared outside the function it is written in escapes our view (`let p; beforeEach(() => { p = … })`).
  if (variable.scope.type === 'global' || variable.scope.type === 'module') {
    return HANDLED;
  }
  const reads = variable.references.filter((reference) => reference.isRead() && reference.identifier !== identifier);
  if (reads.length === 0) {
    return droppedAt(at, null);
  }
  return reads.map((reference) => ({ kind: 'continue', node: reference.identifier }) as const);
}

/** Climbs from `start` until the promise is handled or provably dropped; returns the first drop. */
function walk(start: TSESTree.Node, state: WalkState): { statement: TSESTree.ExpressionStatement | null; at: TSESTree.Node } | null {
  const queue: TSESTree.Node[] = [start];
  let firstDrop: { statement: TSESTree.ExpressionStatement | null; at: TSESTree.Node } | null = null;
  let guard = 0;
  while (queue.length > 0 && guard < 1000) {
    guard += 1;
    const node = queue.shift();
    if (node === undefined) {
      break;
    }
    let current: TSESTree.Node = node;
    for (;;) {
      const result = step(current, state);
      const steps: readonly Step[] = Array.isArray(result) ? result : [result as Step];
      if (steps.length === 1 && steps[0]?.kind === 'continue') {
        current = steps[0].node;
        continue;
      }
      for (const next of steps) {
        if (next.kind === 'handled') {
          return null;
        }
        if (next.kind === 'dropped') {
          firstDrop ??= { statement: next.statement, at: next.at };
        } else {
          queue.push(next.node);
        }
      }
      break;
    }
  }
  return firstDrop;
}

/** The test block's completion does not depend on its returned promise: `done`, a plan, `await t.completed`. */
export function completesOtherwise(node: TSESTree.Node, model: TestModel): boolean {
  // Only the innermost block counts: a nested node:test subtest is its own unit.
  const block = model.blockOf(node);
  return block !== null && blockCompletesOtherwise(block);
}

/** Does a test or hook complete through `done`, a node:test plan or `await t.completed`, rather than through the promise its callback returns? */
export function blockCompletesOtherwise(block: TestBlock): boolean {
  if (block.kind === 'suite') {
    return false;
  }
  return block.doneParameter !== null || block.usesPlan || (block.callback !== null && awaitsCompleted(block.callback));
}

/** Per callback: does its body await a plan's completion? Read once. */
const completedAwaits = new WeakMap<FunctionNode, boolean>();

/** `await t.completed`, or a plan made by a helper (`const p = tspl(t, { plan: 1 })` … `await p.completed`), among the callback's own statements. */
function awaitsCompleted(fn: FunctionNode): boolean {
  let awaits = completedAwaits.get(fn);
  if (awaits === undefined) {
    const body = fn.body;
    awaits =
      body.type === AST_NODE_TYPES.BlockStatement &&
      body.body.some((statement) => {
        if (statement.type !== AST_NODE_TYPES.ExpressionStatement || statement.expression.type !== AST_NODE_TYPES.AwaitExpression) {
          return false;
        }
        const argument = unwrapExpression(statement.expression.argument);
        return argument.type === AST_NODE_TYPES.MemberExpression && getPropertyName(argument) === 'completed' && unwrapExpression(argument.object).type === AST_NODE_TYPES.Identifier;
      });
    completedAwaits.set(fn, awaits);
  }
  return awaits;
}

/** Per statement list: the index of its last awaited flush (-1 for none), computed once per list. */
const lastFlushIndexes = new WeakMap<TSESTree.Node, number>();

function lastFlushIndex(list: TSESTree.BlockStatement | TSESTree.Program): number {
  let last = lastFlushIndexes.get(list);
  if (last === undefined) {
    last = -1;
    for (let index = list.body.length - 1; index >= 0; index -= 1) {
      if (isAwaitedFlush(list.body[index] as TSESTree.Node)) {
        last = index;
        break;
      }
    }
    lastFlushIndexes.set(list, last);
  }
  return last;
}

/**
 * Is `statement` followed, in its own or an enclosing statement list of the same function, by an
 * awaited timer/microtask flush or event wait? Each list's last flush is found once, so this is O(depth · log n).
 */
export function flushedLater(statement: TSESTree.Node): boolean {
  let current: TSESTree.Node = statement;
  for (let parent = current.parent; parent != null && !isFunction(parent); current = parent, parent = parent.parent) {
    if (parent.type !== AST_NODE_TYPES.BlockStatement && parent.type !== AST_NODE_TYPES.Program) {
      continue;
    }
    const index = indexInList(parent.body, current);
    if (index !== -1 && index < lastFlushIndex(parent)) {
      return true;
    }
  }
  return false;
}

/** Awaited calls that wait for an event (`await once(server, 'listening')`, `await pEvent(queue, 'completed')`). */
const EVENT_WAITS: ReadonlySet<string> = new Set(['once', 'pEvent', 'pEventMultiple', 'waitForEvent']);
/**
 * Awaited calls that wait until the work shows (`await waitFor(() => expect(…))`). An arbitrary
 * `await sleep(5)` is not one: it waits for a while, not for the work.
 */
const OUTCOME_WAITS: ReadonlySet<string> = new Set(['waitFor', 'waitUntil', 'waitForExpect']);
/** Methods that subscribe a listener (`emitter.once('ready', resolve)`). */
const SUBSCRIBE_METHODS: ReadonlySet<string> = new Set(['on', 'once', 'addListener', 'addEventListener', 'prependOnceListener']);

/** The awaited expression of `await x;` or `const y = await x;`, else null. */
function awaitedArgument(statement: TSESTree.Node): TSESTree.Node | null {
  if (statement.type === AST_NODE_TYPES.ExpressionStatement && statement.expression.type === AST_NODE_TYPES.AwaitExpression) {
    return unwrapExpression(statement.expression.argument);
  }
  if (statement.type === AST_NODE_TYPES.VariableDeclaration && statement.declarations.length === 1) {
    const init = statement.declarations[0]?.init;
    return init?.type === AST_NODE_TYPES.AwaitExpression ? unwrapExpression(init.argument) : null;
  }
  return null;
}

/**
 * An awaited timer/microtask flush (`await vi.runAllTimersAsync()`), or an awaited wait for an event
 * (`await once(emitter, 'done')`, `await new Promise((resolve) => server.on('listening', resolve))`):
 * the test waits for the work another way.
 */
function isAwaitedFlush(statement: TSESTree.Node): boolean {
  const argument = awaitedArgument(statement);
  if (argument?.type === AST_NODE_TYPES.NewExpression) {
    return isEventPromise(argument);
  }
  if (argument?.type !== AST_NODE_TYPES.CallExpression) {
    return false;
  }
  const callee = unwrapExpression(argument.callee);
  const name = getLastName(callee);
  return name !== null && (FLUSH_CALLS.has(name) || OUTCOME_WAITS.has(name) || (EVENT_WAITS.has(name) && argument.arguments.length >= 2));
}

/** `new Promise((resolve) => emitter.once('ready', resolve))` (or `() => resolve()`): a wait for an event. */
function isEventPromise(node: TSESTree.NewExpression): boolean {
  const executor = node.arguments[0];
  if (node.callee.type !== AST_NODE_TYPES.Identifier || node.callee.name !== 'Promise' || !isFunction(executor)) {
    return false;
  }
  const resolve = executor.params[0];
  const body = executor.body.type === AST_NODE_TYPES.BlockStatement && executor.body.body.length === 1 ? executor.body.body[0] : executor.body;
  const call = body?.type === AST_NODE_TYPES.ExpressionStatement ? body.expression : body;
  if (resolve?.type !== AST_NODE_TYPES.Identifier || call?.type !== AST_NODE_TYPES.CallExpression) {
    return false;
  }
  const callee = unwrapExpression(call.callee);
  const listener = call.arguments[1];
  if (callee.type !== AST_NODE_TYPES.MemberExpression || !SUBSCRIBE_METHODS.has(getPropertyName(callee) ?? '') || listener === undefined) {
    return false;
  }
  if (listener.type === AST_NODE_TYPES.Identifier) {
    return listener.name === resolve.name;
  }
  // `() => resolve()`, `(value) => resolve(value)`
  const inner = isFunction(listener) && listener.body.type !== AST_NODE_TYPES.BlockStatement ? listener.body : null;
  return inner?.type === AST_NODE_TYPES.CallExpression && inner.callee.type === AST_NODE_TYPES.Identifier && inner.callee.name === resolve.name;
}

/**
 * Where the promise produced by `node` is dropped, or null when it is handled (see the module
 * comment for what counts). `node` is the expression whose value is the promise: a call, or the
 * outermost link of an assertion chain.
 */
export function findUnhandledPromise(node: TSESTree.Node, model: TestModel, sourceCode: SourceCode): UnhandledPromise | null {
  const drop = walk(node, { model, sourceCode, seen: new Set() });
  if (drop === null) {
    return null;
  }
  if (completesOtherwise(node, model)) {
    return null;
  }
  const fn = getEnclosingFunction(drop.at);
  // Inside a `new Promise((resolve, reject) => …)` executor (a constructor's first argument), completion flows
  // through resolve/reject; not in a processor handed on after other arguments (`new Worker(name, async (job) => …)`).
  if (fn !== null && fn.parent?.type === AST_NODE_TYPES.NewExpression && fn.parent.arguments[0] === fn) {
    return null;
  }
  if (drop.statement !== null && flushedLater(drop.statement)) {
    return null;
  }
  return { statement: drop.statement, fn };
}

/** True unless the promise produced by `node` is provably dropped. */
export function isPromiseHandled(node: TSESTree.Node, model: TestModel, sourceCode: SourceCode): boolean {
  return findUnhandledPromise(node, model, sourceCode) === null;
}
