import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/types';
import type { TSESLint } from '@typescript-eslint/utils';

import { getEnclosingFunction, getPropertyName, isFunction, unwrapExpression, type FunctionNode } from '../../ast/nodes.js';
import { blockCompletesOtherwise, type TestBlock, type TestModel } from '../../model/index.js';

/**
 * Does code in a function run while a test or hook runs? Yes for the block's callback, for
 * functions it calls on the spot (an IIFE, an array method's callback
 * `users.forEach((user) => notify(user))`, a `.then/.catch/.finally` callback), and for a
 * **helper**: a function declared in the file (`function expectSaved(id) { … }`,
 * `const seed = async () => …`) that a test, hook or another helper calls by name. An event
 * listener (`db.on('connected', () => close())`), a timer callback or a function handed to unknown
 * code runs when someone else decides, often after the test ended: "await it in the test" is no
 * advice there, so a promise dropped in one is not reported. A suite body (`describe`) is not
 * awaited by any runner either; what it drops is setup code, left alone.
 */

/** Methods that call their callback before they return (arrays), or once the promise they chain settles. */
const CALLS_ON_THE_SPOT: ReadonlySet<string> = new Set([
  'forEach', 'map', 'flatMap', 'filter', 'some', 'every', 'find', 'findIndex', 'findLast', 'findLastIndex', 'reduce', 'reduceRight',
  'sort', 'toSorted', 'then', 'catch', 'finally',
]);

function runsOnTheSpot(fn: FunctionNode): boolean {
  const parent = fn.parent;
  if (parent?.type !== AST_NODE_TYPES.CallExpression) {
    return false;
  }
  if (unwrapExpression(parent.callee) === fn) {
    return true;
  }
  const callee = unwrapExpression(parent.callee);
  return parent.arguments.includes(fn as TSESTree.CallExpressionArgument) && callee.type === AST_NODE_TYPES.MemberExpression && CALLS_ON_THE_SPOT.has(getPropertyName(callee) ?? '');
}

/** Where dropped work runs: in a test or hook, or in a helper (by its name) that one of them calls. */
export type RunningContext = { readonly block: TestBlock; readonly helper: null } | { readonly block: null; readonly helper: string };

/** What a climb from a function reaches: a block's callback, a function that may be a helper, or nothing that runs in a test. */
type Anchor = { readonly block: TestBlock } | { readonly fn: FunctionNode } | null;

interface Candidate {
  readonly name: string;
  /** Functions that call it by name (null: at file level). */
  readonly callers: readonly (FunctionNode | null)[];
}

/** One file's running contexts; the helpers are found once, on the first question that needs them. */
export class RunningContexts {
  private helpers: Map<FunctionNode, string> | null = null;

  constructor(
    private readonly model: TestModel,
    private readonly sourceCode: Readonly<TSESLint.SourceCode>,
  ) {}

  /**
   * The context code in `fn` runs in, or null (file level, a suite body, a listener, a timer, an
   * uncalled function). `climb`: else the context of the nearest enclosing function that has one.
   */
  contextOf(fn: FunctionNode | null, climb = false): RunningContext | null {
    const where = this.ownContextOf(fn);
    return where !== null || !climb || fn === null ? where : this.contextOf(getEnclosingFunction(fn), true);
  }

  private ownContextOf(fn: FunctionNode | null): RunningContext | null {
    const anchor = this.anchorOf(fn);
    if (anchor === null) {
      return null;
    }
    if ('block' in anchor) {
      return anchor.block.kind === 'suite' ? null : { block: anchor.block, helper: null };
    }
    const helper = this.helperMap().get(anchor.fn);
    return helper === undefined ? null : { block: null, helper };
  }

  /** Climbs from `fn` past functions called on the spot to a block's callback or another function. */
  private anchorOf(fn: FunctionNode | null): Anchor {
    for (let current = fn; current !== null; current = getEnclosingFunction(current)) {
      const block = this.model.blockOfCallback(current);
      if (block !== null) {
        return { block };
      }
      if (!runsOnTheSpot(current)) {
        return { fn: current };
      }
    }
    return null;
  }

  /**
   * Same-file functions called by name from a test or hook, or from such a helper: found breadth-first,
   * once. A helper that only tests completing through `done` or a plan call (`fireRequest(() => {
   * expect(…); done(); })`) hands its outcome to a callback, not to a promise: what it drops is left
   * alone, as in those tests themselves.
   */
  private helperMap(): Map<FunctionNode, string> {
    if (this.helpers !== null) {
      return this.helpers;
    }
    const candidates = this.candidates();
    /** Per helper found: does some test that waits for its callback's promise reach it? */
    const reached = new Map<FunctionNode, boolean>();
    const dependents = new Map<FunctionNode, FunctionNode[]>();
    const queue: FunctionNode[] = [];
    const mark = (fn: FunctionNode, awaited: boolean): void => {
      const before = reached.get(fn);
      if (before === undefined || (awaited && !before)) {
        reached.set(fn, awaited);
        queue.push(fn);
      }
    };
    for (const [fn, candidate] of candidates) {
      for (const caller of candidate.callers) {
        const anchor = this.anchorOf(caller);
        if (anchor !== null && 'block' in anchor && anchor.block.kind !== 'suite') {
          mark(fn, !blockCompletesOtherwise(anchor.block));
        } else if (anchor !== null && 'fn' in anchor && anchor.fn !== fn && candidates.has(anchor.fn)) {
          const list = dependents.get(anchor.fn) ?? [];
          list.push(fn);
          dependents.set(anchor.fn, list);
        }
      }
    }
    for (let fn = queue.shift(); fn !== undefined; fn = queue.shift()) {
      const awaited = reached.get(fn) === true;
      for (const dependent of dependents.get(fn) ?? []) {
        mark(dependent, awaited);
      }
    }
    const helpers = new Map<FunctionNode, string>();
    for (const [fn, awaited] of reached) {
      const candidate = candidates.get(fn);
      if (awaited && candidate !== undefined) {
        helpers.set(fn, candidate.name);
      }
    }
    this.helpers = helpers;
    return helpers;
  }

  /** `function check() {}` and `const check = () => …` (not block callbacks), with the functions that call them by name. */
  private candidates(): Map<FunctionNode, Candidate> {
    const candidates = new Map<FunctionNode, Candidate>();
    const add = (fn: FunctionNode, declaration: TSESTree.Node, name: string): void => {
      if (this.model.blockOfCallback(fn) !== null) {
        return;
      }
      const variable = this.sourceCode.getDeclaredVariables(declaration).find((candidate) => candidate.name === name);
      if (variable === undefined || variable.defs.length !== 1) {
        return;
      }
      const callers: (FunctionNode | null)[] = [];
      for (const reference of variable.references) {
        const { parent } = reference.identifier;
        if (parent?.type === AST_NODE_TYPES.CallExpression && parent.callee === reference.identifier) {
          callers.push(getEnclosingFunction(parent));
        }
      }
      if (callers.length > 0) {
        candidates.set(fn, { name, callers });
      }
    };
    for (const fn of this.model.nodesOfType(AST_NODE_TYPES.FunctionDeclaration)) {
      if (fn.id !== null) {
        add(fn, fn, fn.id.name);
      }
    }
    for (const declarator of this.model.nodesOfType(AST_NODE_TYPES.VariableDeclarator)) {
      const init = declarator.init === null ? null : unwrapExpression(declarator.init);
      if (declarator.id.type === AST_NODE_TYPES.Identifier && isFunction(init) && declarator.parent.kind === 'const') {
        add(init, declarator, declarator.id.name);
      }
    }
    return candidates;
  }
}

/** Type tests (`*.test-d.ts`) are type-checked, never run. */
const TYPE_TEST_FILE = /\.(?:test|spec)-d\.[cm]?tsx?$/u;
/** Cypress commands (`cy.get(…)`) queue; a file that uses them chains `.then` on commands, not promises. */
const CYPRESS_COMMAND = /\bcy\.[a-zA-Z]/u;

/**
 * Protractor locators (`element(by.css(…))`, `element.all(by.…)`): its control flow queues WebDriver promises and
 * jasminewd waits for the queue before a spec ends, so a `.then` on them runs within the test (round 12, V13's labels).
 */
const PROTRACTOR_LOCATOR = /\belement(?:\.all)?\(\s*by\.[a-zA-Z]/u;

/** Files whose dropped promises are not ours to judge: type tests, Cypress specs and support code, Protractor specs. */
export function isUnrunFile(filename: string, text: string): boolean {
  return TYPE_TEST_FILE.test(filename) || CYPRESS_COMMAND.test(text) || PROTRACTOR_LOCATOR.test(text);
}

/** How a message names where the promise is dropped: `this test`, `this hook`, `` `expectSaved` (a helper called from a test) ``. */
export function describeContext(where: RunningContext): string {
  return where.block === null ? `\`${where.helper}\` (a helper called from a test)` : `this ${where.block.kind}`;
}
