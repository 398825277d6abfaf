import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/types';
import type { TSESLint } from '@typescript-eslint/utils';
import { findVariable } from '@typescript-eslint/utils/ast-utils';

import { getChainRoot, getEnclosingFunction, getLastName, indexInList, isFunction, isSuspension, someDescendant, unwrapExpression, type FunctionNode } from '../../ast/nodes.js';
import type { MockConfig, TestModel } from '../../model/index.js';

/**
 * Can the rejected promise of `mockReturnValue(Promise.reject(e))` go unhandled?
 *
 * The promise is rejected when the configuration runs, and Node reports it unhandled unless a
 * handler is attached before the current task ends. A test or hook whose next statement calls the
 * code under test (`await expect(load()).rejects…`, `render(<Page />)`) consumes it in the same
 * synchronous run: the mock is called and its promise handled before anything yields; so does a later
 * statement that calls it before the test yields (`const provider = new TracerProvider(…)` after other
 * setup, then `provider.forceFlush().catch(…)`, in a `done` test). Made at file
 * or suite level, in a `vi.mock` factory, or as the last thing a test or hook does, the promise
 * outlives its task (vitest reports each of these as an "Unhandled Rejection", even from a
 * `beforeEach` whose test awaits the mock). In any other function (a helper) its caller decides,
 * which we cannot see, so it is not reported.
 */

type SourceCode = Readonly<TSESLint.SourceCode>;

/** Calls that run a function later, not on the spot. */
const SCHEDULERS: ReadonlySet<string> = new Set(['setTimeout', 'setInterval', 'setImmediate', 'queueMicrotask', 'nextTick', 'requestAnimationFrame']);

/** Framework calls that run pending timers, and with them code that may call the mock. */
const TIMER_RUNNERS = /timer|tick|runAll|next/iu;

/** What one file needs to answer the question: computed once per file, then looked up per configuration. */
export class SetupRejections {
  /** Calls that configure or create mocks, and the calls of assertion chains: none of them calls a mock. */
  private readonly inertCalls = new Set<TSESTree.Node>();
  /** Calls that configure or create mocks: statements made of them are skipped on the way to the next statement. */
  private readonly setupCalls = new Set<TSESTree.Node>();
  private readonly factories = new Set<TSESTree.Node>();
  private readonly consumers = new Map<TSESTree.Node, boolean>();
  private readonly nextIndexes = new Map<TSESTree.Node, Int32Array>();

  constructor(
    private readonly model: TestModel,
    private readonly sourceCode: SourceCode,
  ) {
    for (const config of model.mockConfigs) {
      this.setupCalls.add(config.node);
      this.inertCalls.add(config.node);
    }
    for (const mock of model.mocks) {
      this.setupCalls.add(mock.node);
      this.inertCalls.add(mock.node);
      if (mock.factory !== null) {
        this.factories.add(mock.factory);
      }
    }
    for (const assertion of model.assertions) {
      this.inertCalls.add(assertion.head);
      for (const part of assertion.chain) {
        if (part.call !== null) {
          this.inertCalls.add(part.call);
        }
      }
    }
  }

  /** True when the rejection made by `config` may be left without a handler when its task ends. */
  canGoUnhandled(config: MockConfig): boolean {
    const fn = getEnclosingFunction(config.node);
    if (fn === null || this.factories.has(fn)) {
      return true;
    }
    const block = this.model.blockOfCallback(fn);
    if (block === null) {
      return false;
    }
    if (block.kind === 'suite') {
      return true;
    }
    // The statements after it, up to the first that yields (`await`, `yield`): one of them that calls the code under test consumes it in this run.
    for (let next = this.nextStatement(config.node, fn); next !== null; next = this.nextStatement(next, fn)) {
      if (this.mayConsume(next)) {
        return false;
      }
      if (suspends(next, this.sourceCode)) {
        return true;
      }
    }
    return true;
  }

  /** The first statement after `node`'s own statement in `fn` that is not itself mock setup; null when `fn` ends first. */
  private nextStatement(node: TSESTree.Node, fn: FunctionNode): TSESTree.Node | null {
    let current: TSESTree.Node = node;
    for (let parent = current.parent; parent !== undefined && parent !== fn; current = parent, parent = parent.parent) {
      if (parent.type !== AST_NODE_TYPES.BlockStatement) {
        continue;
      }
      const index = indexInList(parent.body, current);
      const next = index === -1 ? -1 : this.nextOthers(parent)[index];
      if (next !== undefined && next !== -1) {
        return parent.body[next] ?? null;
      }
    }
    return null;
  }

  /** Per statement list, once: for each index, the index of the first later statement that is not mock setup (-1 for none). */
  private nextOthers(list: TSESTree.BlockStatement): Int32Array {
    let next = this.nextIndexes.get(list);
    if (next === undefined) {
      next = new Int32Array(list.body.length);
      let following = -1;
      for (let index = list.body.length - 1; index >= 0; index -= 1) {
        next[index] = following;
        if (!this.isMockSetup(list.body[index] as TSESTree.Node)) {
          following = index;
        }
      }
      this.nextIndexes.set(list, next);
    }
    return next;
  }

  /** `get.mockReturnValueOnce(…);`, `const get = vi.fn().mockResolvedValue(1);`: setup that calls nothing. */
  private isMockSetup(statement: TSESTree.Node): boolean {
    if (statement.type === AST_NODE_TYPES.ExpressionStatement) {
      return this.setupCalls.has(unwrapExpression(statement.expression));
    }
    if (statement.type === AST_NODE_TYPES.VariableDeclaration) {
      return statement.declarations.every((declarator) => declarator.init !== null && this.setupCalls.has(unwrapExpression(declarator.init)));
    }
    return false;
  }

  /** Does `statement` call something that may call the mock (the code under test), outside nested functions? Memoised per statement. */
  private mayConsume(statement: TSESTree.Node): boolean {
    let answer = this.consumers.get(statement);
    if (answer === undefined) {
      answer = this.findConsumer(statement);
      this.consumers.set(statement, answer);
    }
    return answer;
  }

  private findConsumer(statement: TSESTree.Node): boolean {
    // A function handed to a call may be called on the spot (`expect(() => start()).not.toThrow()`); one handed to a timer is not.
    const skip = (node: TSESTree.Node): boolean => node !== statement && isFunction(node) && !this.mayRunOnTheSpot(node);
    const consumes = (node: TSESTree.Node): boolean =>
      ((node.type === AST_NODE_TYPES.CallExpression || node.type === AST_NODE_TYPES.TaggedTemplateExpression) && this.isConsumerCall(node)) ||
      (node.type === AST_NODE_TYPES.NewExpression && this.isConsumerClass(node.callee));
    return someDescendant(statement, this.sourceCode.visitorKeys, consumes, skip);
  }

  private mayRunOnTheSpot(fn: FunctionNode): boolean {
    const parent = fn.parent;
    if ((parent?.type !== AST_NODE_TYPES.CallExpression && parent?.type !== AST_NODE_TYPES.NewExpression) || parent.callee === fn) {
      return parent?.type === AST_NODE_TYPES.CallExpression;
    }
    return !SCHEDULERS.has(getLastName(unwrapExpression(parent.callee)) ?? '');
  }

  /** `new TracerProvider({ … })` of a class the file imports or declares (its constructor may call the mock); not a global (`new Promise`, `new Error`, `new Map`). */
  private isConsumerClass(callee: TSESTree.Expression): boolean {
    const root = getChainRoot(callee);
    if (root?.type !== AST_NODE_TYPES.Identifier || this.model.resolveName(root) !== null) {
      return false;
    }
    const variable = findVariable(this.sourceCode.getScope(root), root);
    return variable !== null && variable.defs.length > 0;
  }

  private isConsumerCall(call: TSESTree.CallExpression | TSESTree.TaggedTemplateExpression): boolean {
    if (this.inertCalls.has(call)) {
      return false;
    }
    const callee = call.type === AST_NODE_TYPES.CallExpression ? call.callee : call.tag;
    if (SCHEDULERS.has(getLastName(unwrapExpression(callee)) ?? '')) {
      return false;
    }
    // `vi.mocked(process.on).mock.calls[0][1]({ … })`, `on.firstCall.args[1](…)`: a handler the code under test registered.
    if (callsRecordedArgument(unwrapExpression(callee))) {
      return true;
    }
    const root = getChainRoot(callee);
    // `vi.useFakeTimers()`, `jest.clearAllMocks()` call no code under test; timer runners may.
    if (root?.type === AST_NODE_TYPES.Identifier && root !== callee && this.model.resolveName(root) !== null) {
      return TIMER_RUNNERS.test(getLastName(unwrapExpression(callee)) ?? '');
    }
    return true;
  }
}

/** Properties through which a mock's recorded calls and their arguments are read (jest/vitest `mock.calls`, sinon `args`, `firstCall`). */
const RECORDED_CALLS: ReadonlySet<string> = new Set(['calls', 'args', 'firstCall', 'secondCall', 'lastCall']);

/** Is `callee` an element read from a mock's recorded calls (`x.mock.calls[0][1]`, `on.firstCall.args[1]`, `on.args[0][1]`)? */
function callsRecordedArgument(callee: TSESTree.Node): boolean {
  if (callee.type !== AST_NODE_TYPES.MemberExpression || !callee.computed) {
    return false;
  }
  for (let node: TSESTree.Node = callee; node.type === AST_NODE_TYPES.MemberExpression; node = unwrapExpression(node.object)) {
    if (!node.computed && RECORDED_CALLS.has(getLastName(node) ?? '')) {
      return true;
    }
  }
  return false;
}

/** Does `statement` yield (`await`, `yield`, `for await`) outside the functions written in it? */
function suspends(statement: TSESTree.Node, sourceCode: SourceCode): boolean {
  return someDescendant(
    statement,
    sourceCode.visitorKeys,
    isSuspension,
    (node) => node !== statement && isFunction(node),
  );
}
