import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/types';
import type { TSESLint } from '@typescript-eslint/utils';
import { findVariable } from '@typescript-eslint/utils/ast-utils';

import { firstIndexNotBefore, getEnclosingFunction, getLastName, isFunction, unwrapExpression, type FunctionNode } from '../../ast/nodes.js';
import { chainTop, type TestModel } from '../../model/index.js';
import { chainMethodOf, firstLink, lastRecordedName, linksAbove, startsBackgroundTask } from './promise-shapes.js';
import { swallowsErrors } from './local-functions.js';

/**
 * Which dropped promises (of a same-file async function, a `.then` chain, a request chain, or any
 * thenable with types) a reviewer wants reported. A promise dropped in a synchronous test always
 * is. In an async test, hook or helper, a later `await` usually settles the work before anything
 * reads its state (`await vi.advanceTimersByTimeAsync(10)`, an awaited `reader.read()`, an awaited
 * event), and reviewers dismiss those; so the drop is reported only when:
 * 1. its promise carries checks: a same-file function whose body asserts, a chain whose callbacks
 *    assert, a request chain (unsent without `await`: its expectations never run);
 * 2. it is a dropped wait (`delay(50);`, `sleep(10);`): its only effect is to wait;
 * 3. the function reaches an assertion, or its end, with no `await` (`yield`, `for await`) after
 *    the drop: the work cannot have run before the state is read or the test ends. Not when that
 *    assertion checks a mock's calls (`toHaveBeenCalledWith`): the call is made on the spot.
 */

/** Calls whose only effect is to wait: dropped, they wait for nothing. */
const WAIT_NAMES: ReadonlySet<string> = new Set(['sleep', 'delay', 'wait', 'setTimeout', 'setTimeoutPromise']);

/**
 * Matchers on a mock's calls. A test whose next check after the drop is one of these checks that the
 * call was made or delegated (vue-query's `expect(Origin.prototype.prefetchInfiniteQuery).toHaveBeenCalledWith(…)`),
 * which happens on the spot; the dropped promise's outcome is not what it tests.
 */
const CALL_MATCHERS: ReadonlySet<string> = new Set([
  'toHaveBeenCalled', 'toHaveBeenCalledWith', 'toHaveBeenCalledTimes', 'toHaveBeenCalledOnce', 'toHaveBeenCalledOnceWith', 'toHaveBeenLastCalledWith',
  'toHaveBeenNthCalledWith', 'toBeCalled', 'toBeCalledWith', 'toBeCalledTimes', 'lastCalledWith', 'nthCalledWith', 'called', 'calledWith',
  'calledOnce', 'calledOnceWith', 'calledWithExactly', 'calledOnceWithExactly', 'calledTwice', 'callCount',
]);

type LocalFunctionOf = (callee: TSESTree.Identifier) => FunctionNode | null;

/** A suspension point of the function it is written in: `await x`, `yield x`, `for await (…)`. */
export type Suspension = TSESTree.AwaitExpression | TSESTree.YieldExpression | TSESTree.ForOfStatement;

/** Listeners that collect a file's `await`, `yield` and `for await`, in source order, into `list`. */
export function suspensionListeners(list: Suspension[]): Record<string, (node: Suspension) => void> {
  const note = (node: Suspension): void => {
    list.push(node);
  };
  return { AwaitExpression: note, YieldExpression: note, 'ForOfStatement[await=true]': note };
}

/** First index in a position-sorted list whose start is at or after `position`. */
const firstAtOrAfter = (starts: readonly number[], position: number): number => firstIndexNotBefore(starts, (start) => start < position);

/** Per function: the positions of what is written in it directly (not in nested functions). */
interface OwnPoints {
  readonly starts: number[];
  readonly ends: number[];
}

function groupByFunction(nodes: readonly TSESTree.Node[]): Map<FunctionNode | null, OwnPoints> {
  const groups = new Map<FunctionNode | null, OwnPoints>();
  for (const node of nodes) {
    const fn = getEnclosingFunction(node);
    let group = groups.get(fn);
    if (group === undefined) {
      group = { starts: [], ends: [] };
      groups.set(fn, group);
    }
    group.starts.push(node.range[0]);
    group.ends.push(node.range[1]);
  }
  return groups;
}

/** One file's answers: suspensions and assertions are grouped by function once, then looked up by binary search. */
export class DropPolicy {
  private suspensionsByFn: Map<FunctionNode | null, OwnPoints> | null = null;
  private assertionsByFn: Map<FunctionNode | null, OwnPoints> | null = null;
  /** Start positions of every assertion in the file, sorted: "does this range hold an assertion?". */
  private assertionStarts: number[] | null = null;
  /** Start positions of the assertions on a mock's calls (`expect(spy).toHaveBeenCalledWith(x)`). */
  private callChecks: Set<number> | null = null;

  constructor(
    private readonly model: TestModel,
    private readonly suspensions: readonly Suspension[],
    private readonly localFunctionOf: LocalFunctionOf,
    private readonly sourceCode: Readonly<TSESLint.SourceCode>,
  ) {}

  /**
   * Is the promise of `call` (dropped at `dropped`, in `fn`) worth reporting under the policy above?
   * `request`: the promise is an unsent request chain.
   */
  shouldReport(call: TSESTree.CallExpression, dropped: TSESTree.Node, fn: FunctionNode | null, request: boolean): boolean {
    if (request || isDroppedWait(call)) {
      return true;
    }
    if (this.carriesChecks(call)) {
      return !this.recordsForLater(call, dropped, fn);
    }
    const next = this.nextAfter(dropped, fn);
    // `Promise.resolve().then(async () => { … })` starts work meant to run alongside the test (a simulated peer, a
    // collector): reported when an assertion right after it reads what it cannot have done yet, or when the test or
    // hook itself ends there; not at the end of a helper, whose caller goes on with the task running.
    if (startsBackgroundTask(call)) {
      return next === 'assertion' || (next === 'end' && fn !== null && this.model.blockOfCallback(fn) !== null);
    }
    // `ignoreErrors(async () => { … })` as the last step: nothing reads after it, and its promise cannot reject.
    return next === 'assertion' || (next === 'end' && !this.cannotReject(call));
  }

  /** A call, with nothing chained, of a same-file function whose body swallows every error. */
  private cannotReject(call: TSESTree.CallExpression): boolean {
    const callee = unwrapExpression(call.callee);
    const target = callee.type === AST_NODE_TYPES.Identifier && linksAbove(call).length === 0 ? this.localFunctionOf(callee) : null;
    return target != null && swallowsErrors(target, this.sourceCode.visitorKeys);
  }

  /**
   * A call whose type only may be a promise (`boolean | void | Promise<boolean>`, probot's node
   * middleware) is reported only in an `async` test, hook or helper that reads state with no `await`
   * after it (`middleware(req, res); expect(counter).toBe(1);`): the test expects async work there.
   */
  shouldReportMaybePromise(dropped: TSESTree.Node, fn: FunctionNode | null): boolean {
    let outer = fn;
    while (outer !== null && !this.isOutermost(outer)) {
      outer = getEnclosingFunction(outer);
    }
    return outer?.async === true && this.nextAfter(dropped, fn) === 'assertion';
  }

  /**
   * A chain dropped in an `async` function whose callbacks each end by recording into a variable the
   * function reads after a later `await` (`.catch((e) => { expect(e.code).toBe(13); caught = true; })`,
   * `await writer.close()`, `expect(caught).toBe(true)`): a failing check skips the record, which the
   * later read sees; the test observes the outcome.
   */
  private recordsForLater(call: TSESTree.CallExpression, dropped: TSESTree.Node, fn: FunctionNode | null): boolean {
    if (fn?.async !== true) {
      return false;
    }
    this.suspensionsByFn ??= groupByFunction(this.suspensions);
    const suspensions = this.suspensionsByFn.get(fn);
    const awaitAt = suspensions?.starts[firstAtOrAfter(suspensions.starts, dropped.range[1])];
    const start = firstLink(call);
    const links = [start, ...linksAbove(start)].filter((link) => chainMethodOf(link) !== null);
    if (awaitAt === undefined || links.length === 0) {
      return false;
    }
    return links.every((link) =>
      link.arguments.every((callback) => {
        const name = lastRecordedName(callback);
        const variable = name === null ? null : findVariable(this.sourceCode.getScope(name), name);
        return (
          variable != null &&
          (variable.scope.block.range[0] < callback.range[0] || variable.scope.block.range[1] > callback.range[1]) &&
          variable.references.some((reference) => reference.isRead() && reference.identifier.range[0] > awaitAt && reference.identifier.range[1] <= fn.range[1])
        );
      }),
    );
  }

  /**
   * A chain on a promise made elsewhere (`response.then(…)`) whose callbacks check, with no `await`
   * after it in its function: a later `await` (often of the same promise) runs the checks before the
   * test ends, and only how a failure surfaces is at stake.
   */
  checksUnawaitedValue(call: TSESTree.CallExpression): boolean {
    return this.carriesChecks(call) && this.nextAfter(chainTop(call), getEnclosingFunction(call)) !== 'await';
  }

  /** A chain whose callbacks assert, or a same-file function whose body asserts. */
  carriesChecks(call: TSESTree.CallExpression): boolean {
    const start = firstLink(call);
    for (const link of [start, ...linksAbove(start)]) {
      if (chainMethodOf(link) !== null && link.arguments.some((argument) => isFunction(argument) && (this.holdsAssertion(argument) || this.callsAsserter(argument)))) {
        return true;
      }
    }
    const inner = chainMethodOf(start) === null ? start : unwrapExpression((unwrapExpression(start.callee) as TSESTree.MemberExpression).object);
    if (inner.type !== AST_NODE_TYPES.CallExpression) {
      return false;
    }
    const callee = unwrapExpression(inner.callee);
    const fn = callee.type === AST_NODE_TYPES.Identifier ? this.localFunctionOf(callee) : null;
    return fn !== null && this.holdsAssertion(fn);
  }

  /** Does a same-file function's body assert, itself or through a same-file function it calls? */
  asserts(fn: FunctionNode): boolean {
    return this.holdsAssertion(fn) || this.callsAsserter(fn);
  }

  /** A callback whose statements call a same-file function that asserts (`.then(() => { checkGone('s'); })`). */
  private callsAsserter(callback: FunctionNode): boolean {
    const statements = callback.body.type === AST_NODE_TYPES.BlockStatement ? callback.body.body.map((statement) => (statement.type === AST_NODE_TYPES.ExpressionStatement ? statement.expression : null)) : [callback.body];
    return statements.some((expression) => {
      const callee = expression?.type === AST_NODE_TYPES.CallExpression ? unwrapExpression(expression.callee) : null;
      const fn = callee?.type === AST_NODE_TYPES.Identifier ? this.localFunctionOf(callee) : null;
      return fn != null && fn !== callback && this.holdsAssertion(fn);
    });
  }

  private holdsAssertion(node: TSESTree.Node): boolean {
    this.assertionStarts ??= this.model.assertions.map((assertion) => assertion.node.range[0]).sort((a, b) => a - b);
    const index = firstAtOrAfter(this.assertionStarts, node.range[0]);
    return index < this.assertionStarts.length && (this.assertionStarts[index] as number) < node.range[1];
  }

  /**
   * What comes first after the drop: an `await`, an assertion, or the end? Looked for in
   * the function the drop is written in, then (when that one ends first) in the functions around it,
   * up to the test's or hook's callback or a named helper. An `await` around the drop
   * (`await act(async () => { start(); })`) also comes after it.
   */
  private nextAfter(dropped: TSESTree.Node, fn: FunctionNode | null): 'await' | 'assertion' | 'callCheck' | 'end' {
    this.suspensionsByFn ??= groupByFunction(this.suspensions);
    this.assertionsByFn ??= groupByFunction(this.model.assertions.map((assertion) => assertion.node));
    this.callChecks ??= new Set(this.model.assertions.filter((assertion) => CALL_MATCHERS.has(assertion.matcher)).map((assertion) => assertion.node.range[0]));
    let point: TSESTree.Node = dropped;
    for (let current = fn; current !== null; point = current, current = getEnclosingFunction(current)) {
      if (isInsideSuspension(point, current)) {
        return 'await';
      }
      const after = point.range[1];
      const suspensions = this.suspensionsByFn.get(current);
      const assertions = this.assertionsByFn.get(current);
      const suspensionIndex = suspensions === undefined ? -1 : firstAtOrAfter(suspensions.starts, after);
      const suspensionAt = suspensions === undefined || suspensionIndex >= suspensions.starts.length ? null : (suspensions.starts[suspensionIndex] as number);
      const assertionIndex = assertions === undefined ? -1 : firstAtOrAfter(assertions.starts, after);
      const assertionEnd = assertions === undefined || assertionIndex >= assertions.starts.length ? null : (assertions.ends[assertionIndex] as number);
      if (suspensionAt !== null) {
        // `expect(await load()).toBe(1)`: the await inside the assertion runs before it checks.
        if (assertionEnd === null || suspensionAt < assertionEnd) {
          return 'await';
        }
      }
      if (assertionEnd !== null) {
        return this.callChecks.has(assertions?.starts[assertionIndex] as number) ? 'callCheck' : 'assertion';
      }
      if (this.isOutermost(current)) {
        return 'end';
      }
    }
    return 'end';
  }

  /** A block's callback or a named function (a helper): its end is the end of what runs. */
  private isOutermost(fn: FunctionNode): boolean {
    return (
      this.model.blockOfCallback(fn) !== null ||
      fn.type === AST_NODE_TYPES.FunctionDeclaration ||
      fn.parent?.type === AST_NODE_TYPES.VariableDeclarator ||
      fn.parent?.type === AST_NODE_TYPES.MethodDefinition
    );
  }
}

/** Is `node` inside an `await`/`yield` of `fn` (`await act(async () => { start(); })`)? */
function isInsideSuspension(node: TSESTree.Node, fn: FunctionNode): boolean {
  for (let current = node.parent; current !== undefined && current !== fn; current = current.parent) {
    if (current.type === AST_NODE_TYPES.AwaitExpression || current.type === AST_NODE_TYPES.YieldExpression) {
      return true;
    }
    if (current.type === AST_NODE_TYPES.ForOfStatement && current.await && current.right.range[0] <= node.range[0] && node.range[1] <= current.right.range[1]) {
      return true;
    }
  }
  return false;
}

/** `delay(50);`, `sleep(10);`, `setTimeout(10)` from `timers/promises`, `utils.wait(5)`: a dropped wait. */
export function isDroppedWait(call: TSESTree.CallExpression): boolean {
  const name = getLastName(unwrapExpression(call.callee));
  return name !== null && WAIT_NAMES.has(name);
}
