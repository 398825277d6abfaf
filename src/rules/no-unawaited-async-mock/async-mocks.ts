import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/types';

import { getPropertyName, isFunction, referenceKey, unwrapExpression, type FunctionNode } from '../../ast/nodes.js';
import { isBlockWithin, type MockConfig, type MockRecord, type TestBlock, type TestModel } from '../../model/index.js';

/**
 * Which mocks return promises: the `returnsPromise` notion of the test model, kept in its own
 * module and computed lazily from the model's mocks and configurations (once per model).
 *
 * A key (`fetchUser`, `api.get`, `this.client.send`) returns a promise in a block when some
 * creation or configuration that applies to that block gives it promise behaviour
 * (`mockResolvedValue`, `mockRejectedValue`, an async or promise-returning implementation,
 * `mockReturnValue(Promise.resolve(x))`, sinon `.resolves()/.rejects()`, jasmine
 * `.and.resolveTo()`, testdouble `thenResolve`) and none that applies gives it other behaviour
 * (`mockReturnValue(1)`, `.returns(x)`, a sync implementation, `callThrough`): mixed keys are
 * left alone.
 */

/** Where a key's promise behaviour comes from, for messages: `mockResolvedValue`, `an async implementation`. */
export interface PromiseSource {
  readonly key: string;
  readonly how: string;
  /** The creation or configuration call that gives the behaviour. */
  readonly node: TSESTree.CallExpression;
  readonly block: TestBlock | null;
  /**
   * Every behaviour that applies only resolves with a value (`mockResolvedValue(x)`, `.resolves()`,
   * `mockReturnValue(Promise.resolve(x))`): the call records itself when made, and its promise
   * neither rejects nor does work later.
   */
  readonly onlyResolves: boolean;
}

/** How a promise behaviour settles: with a value, with a rejection, or through work it does (an implementation). */
type Settles = 'rejects' | 'resolves' | 'works';

interface Behaviour {
  readonly promise: boolean;
  readonly how: string;
  readonly node: TSESTree.CallExpression;
  readonly block: TestBlock | null;
  readonly settles?: Settles;
}

export interface AsyncMockIndex {
  /** Every key that some creation or configuration gives promise behaviour. */
  readonly keys: ReadonlySet<string>;
  /** The last segment of every key (`save` for `store.save`): a cheap filter before building a call's key. */
  readonly lastNames: ReadonlySet<string>;
  /** The promise source of `key` as seen from `block`, or null when the key is not (only) async there. */
  promiseSourceFor(key: string, block: TestBlock | null): PromiseSource | null;
  /** Calls that create or configure mocks: their arguments are mock code, not test code. */
  readonly mockCalls: ReadonlySet<TSESTree.Node>;
}

const REJECTING_CONFIGS: ReadonlySet<string> = new Set(['mockRejectedValue', 'mockRejectedValueOnce', 'rejects', 'rejectWith', 'thenReject']);

const RESOLVE_CONFIGS: ReadonlyMap<string, string> = new Map([
  ['mockResolvedValue', 'mockResolvedValue'],
  ['mockResolvedValueOnce', 'mockResolvedValueOnce'],
  ['mockRejectedValue', 'mockRejectedValue'],
  ['mockRejectedValueOnce', 'mockRejectedValueOnce'],
  ['resolves', '.resolves()'],
  ['rejects', '.rejects()'],
  ['resolvesArg', '.resolvesArg()'],
  ['resolvesThis', '.resolvesThis()'],
  ['resolveTo', '.and.resolveTo()'],
  ['rejectWith', '.and.rejectWith()'],
  ['thenResolve', 'thenResolve'],
  ['thenReject', 'thenReject'],
]);
/** Configurations whose argument is the value returned. */
const RETURN_CONFIGS: ReadonlySet<string> = new Set(['mockReturnValue', 'mockReturnValueOnce', 'returns', 'returnValue', 'thenReturn']);
/** Configurations whose argument is the implementation. */
const IMPLEMENTATION_CONFIGS: ReadonlySet<string> = new Set(['mockImplementation', 'mockImplementationOnce', 'withImplementation', 'callsFake', 'callFake', 'thenDo']);
/** Configurations that do not change what a call returns. */
const NEUTRAL_CONFIGS: ReadonlySet<string> = new Set(['value', 'get', 'set', 'callsArg', 'callsArgWith', 'callsArgOn', 'callsArgOnWith', 'yields', 'yieldsTo', 'yieldsOn', 'thenCallback', 'stub']);

const PROMISE_STATICS: ReadonlySet<string> = new Set(['resolve', 'reject', 'all', 'allSettled', 'race', 'any', 'withResolvers']);

/** `Promise.resolve(x)`, `Promise.reject(e)`, `new Promise(…)`, `Promise.all([...])`. */
export function isPromiseExpression(node: TSESTree.Node | null | undefined): boolean {
  if (node == null) {
    return false;
  }
  const value = unwrapExpression(node);
  if (value.type === AST_NODE_TYPES.NewExpression) {
    return value.callee.type === AST_NODE_TYPES.Identifier && value.callee.name === 'Promise';
  }
  if (value.type !== AST_NODE_TYPES.CallExpression) {
    return false;
  }
  const callee = unwrapExpression(value.callee);
  return (
    callee.type === AST_NODE_TYPES.MemberExpression &&
    callee.object.type === AST_NODE_TYPES.Identifier &&
    callee.object.name === 'Promise' &&
    PROMISE_STATICS.has(getPropertyName(callee) ?? '')
  );
}

/** `Promise.resolve(x)` → `resolve`, `Promise.reject(e)` → `reject`; null for anything else. */
export function promiseStaticKind(node: TSESTree.Node | null | undefined): 'reject' | 'resolve' | null {
  if (node == null) {
    return null;
  }
  const value = unwrapExpression(node);
  if (value.type !== AST_NODE_TYPES.CallExpression) {
    return null;
  }
  const callee = unwrapExpression(value.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression || callee.object.type !== AST_NODE_TYPES.Identifier || callee.object.name !== 'Promise') {
    return null;
  }
  const name = getPropertyName(callee);
  return name === 'resolve' || name === 'reject' ? name : null;
}

/** What a function literal returns: `promise` (async, or every return is a promise expression), `other`, or null for non-literals. */
export function implementationKind(node: TSESTree.Node | null | undefined): 'other' | 'promise' | null {
  if (node == null) {
    return null;
  }
  const value = unwrapExpression(node);
  if (!isFunction(value)) {
    return null;
  }
  if (value.async) {
    return 'promise';
  }
  const returned = value.generator ? [] : returnedValues(value);
  return returned.length > 0 && returned.every((argument) => isPromiseExpression(argument)) ? 'promise' : 'other';
}

/** What a plain function literal returns: its expression body, or the argument of each of its `return` statements. */
function returnedValues(fn: FunctionNode): (TSESTree.Expression | null)[] {
  if (fn.body.type !== AST_NODE_TYPES.BlockStatement) {
    return [fn.body];
  }
  const returns: TSESTree.ReturnStatement[] = [];
  collectReturns(fn.body, returns);
  return returns.map((statement) => statement.argument);
}

/**
 * How a promise implementation settles: a plain function whose every return is `Promise.resolve(x)`
 * (`() => { window.VWO = fake; return Promise.resolve(fake); }`) has done its work when the call
 * returns, like `mockResolvedValue`; an `async` one or any other promise does work or may reject later.
 */
function implementationSettles(node: TSESTree.Node | undefined): Settles {
  const value = node === undefined ? null : unwrapExpression(node);
  if (!isFunction(value) || value.async || value.generator) {
    return 'works';
  }
  return returnedValues(value).every((argument) => settlesOf(argument ?? undefined) === 'resolves') ? 'resolves' : 'works';
}

/** The return statements of a function body, not of functions nested in it. */
function collectReturns(node: TSESTree.Node, into: TSESTree.ReturnStatement[]): void {
  if (node.type === AST_NODE_TYPES.ReturnStatement) {
    into.push(node);
    return;
  }
  if (isFunction(node) || node.type === AST_NODE_TYPES.ClassBody) {
    return;
  }
  for (const [key, child] of Object.entries(node)) {
    if (key === 'parent') {
      continue;
    }
    for (const item of Array.isArray(child) ? (child as unknown[]) : [child]) {
      if (item !== null && typeof item === 'object' && typeof (item as TSESTree.Node).type === 'string') {
        collectReturns(item as TSESTree.Node, into);
      }
    }
  }
}

/** How a returned promise expression settles: `Promise.resolve(x)` with a value, `Promise.reject(e)` with a rejection, anything else through work. */
function settlesOf(value: TSESTree.Node | undefined): Settles {
  const kind = promiseStaticKind(value);
  return kind === 'resolve' ? 'resolves' : kind === 'reject' ? 'rejects' : 'works';
}

function creationBehaviour(mock: MockRecord): Behaviour | null {
  const { node } = mock;
  if (mock.kind === 'module') {
    return null;
  }
  if (mock.api.endsWith('fake.resolves') || mock.api.endsWith('fake.rejects')) {
    return { promise: true, how: mock.api, node, block: mock.block, settles: mock.api.endsWith('fake.resolves') ? 'resolves' : 'rejects' };
  }
  if (mock.api.endsWith('fake.returns')) {
    return { promise: isPromiseExpression(node.arguments[0]), how: `${mock.api}(promise)`, node, block: mock.block, settles: settlesOf(node.arguments[0]) };
  }
  if (!mock.hasBehaviour) {
    return null;
  }
  for (const argument of node.arguments) {
    const kind = implementationKind(argument);
    if (kind !== null) {
      return { promise: kind === 'promise', how: 'an async implementation', node, block: mock.block, settles: implementationSettles(argument) };
    }
  }
  return null;
}

function configBehaviour(config: MockConfig): Behaviour | null {
  const { method, node, block } = config;
  const resolved = RESOLVE_CONFIGS.get(method);
  if (resolved !== undefined) {
    return { promise: true, how: resolved, node, block, settles: REJECTING_CONFIGS.has(method) ? 'rejects' : 'resolves' };
  }
  if (RETURN_CONFIGS.has(method)) {
    return { promise: isPromiseExpression(config.args[0]), how: `${method}(promise)`, node, block, settles: settlesOf(config.args[0]) };
  }
  if (IMPLEMENTATION_CONFIGS.has(method)) {
    const implementation = config.args.find((argument) => isFunction(unwrapExpression(argument)));
    return { promise: implementationKind(implementation) === 'promise', how: 'an async implementation', node, block, settles: implementationSettles(implementation) };
  }
  if (NEUTRAL_CONFIGS.has(method)) {
    return null;
  }
  // throws, returnsArg, callThrough, mockReturnThis …: some other behaviour.
  return { promise: false, how: method, node, block };
}

/** Does behaviour set up in `source` apply when `target` runs? File level, an enclosing block, or a hook of an enclosing suite. */
function applies(source: TestBlock | null, target: TestBlock | null): boolean {
  if (source === null) {
    return true;
  }
  if (source.kind === 'hook') {
    if (source.parent === null) {
      return true;
    }
    return isBlockWithin(target, source.parent);
  }
  return isBlockWithin(target, source);
}


const cache = new WeakMap<TestModel, AsyncMockIndex>();

/** The async-mock index of a model; built on first use. */
export function getAsyncMockIndex(model: TestModel): AsyncMockIndex {
  const cached = cache.get(model);
  if (cached !== undefined) {
    return cached;
  }
  const { byKey, mockCalls } = collectBehaviours(model);
  const keys = new Set<string>();
  for (const [key, behaviours] of byKey) {
    if (behaviours.some((behaviour) => behaviour.promise)) {
      keys.add(key);
    }
  }
  const index: AsyncMockIndex = {
    keys,
    lastNames: new Set([...keys].map((key) => key.slice(key.lastIndexOf('.') + 1))),
    mockCalls,
    promiseSourceFor(key, block) {
      const behaviours = byKey.get(key);
      if (behaviours === undefined) {
        return null;
      }
      let found: Behaviour | null = null;
      let onlyResolves = true;
      for (const behaviour of behaviours) {
        if (!applies(behaviour.block, block)) {
          continue;
        }
        if (!behaviour.promise) {
          return null;
        }
        // Name a rejection or an implementation over a plain resolve when both apply.
        if (found === null || (found.settles === 'resolves' && behaviour.settles !== 'resolves')) {
          found = behaviour;
        }
        onlyResolves &&= behaviour.settles === 'resolves';
      }
      return found === null ? null : { key, how: found.how, node: found.node, block: found.block, onlyResolves };
    },
  };
  cache.set(model, index);
  return index;
}

/** What every creation and configuration of the file gives each key, and the calls that make them (mock code, not test code). */
function collectBehaviours(model: TestModel): { byKey: Map<string, Behaviour[]>; mockCalls: Set<TSESTree.Node> } {
  const byKey = new Map<string, Behaviour[]>();
  const add = (keys: Iterable<string>, behaviour: Behaviour): void => {
    for (const key of new Set(keys)) {
      const list = byKey.get(key);
      if (list === undefined) {
        byKey.set(key, [behaviour]);
      } else {
        list.push(behaviour);
      }
    }
  };
  const mockCalls = new Set<TSESTree.Node>();
  for (const mock of model.mocks) {
    mockCalls.add(mock.node);
    const behaviour = creationBehaviour(mock);
    if (behaviour !== null) {
      add(mock.keys, behaviour);
    }
  }
  for (const config of model.mockConfigs) {
    mockCalls.add(config.node);
    const behaviour = configBehaviour(config);
    if (behaviour === null) {
      continue;
    }
    const keys: string[] = config.key === null ? [] : [config.key];
    if (config.mock !== null && config.mock.kind !== 'module') {
      // A loop, not a spread: a mock's key list has no bound (#26).
      for (const key of config.mock.keys) keys.push(key);
    }
    add(keys, behaviour);
  }
  return { byKey, mockCalls };
}

/** The mock key a call goes through (`fetchUser()`, `api.get(url)`, `this.client.send()`), or null. */
export function calledKey(call: TSESTree.CallExpression): string | null {
  return referenceKey(call.callee);
}

/** Is `node` inside a function handed to a mock creation or configuration (mock code, not test code)? */
export function isInsideMockCode(node: TSESTree.Node, index: AsyncMockIndex, stop: FunctionNode | null): boolean {
  for (let current = node.parent; current != null && current !== stop; current = current.parent) {
    if (isFunction(current) && current.parent !== undefined && index.mockCalls.has(current.parent)) {
      return true;
    }
  }
  return false;
}
