import type { TSESTree } from '@typescript-eslint/types';

import { AST_NODE_TYPES } from '@typescript-eslint/types';

import { referenceKey } from '../../ast/nodes.js';
import { chainTop, type MockRecord, type TestBlock, type TestModel } from '../../model/index.js';

/** The replaced collaborators one test runs with, by where they are made. */
export interface TestMocks {
  /** Made in the test itself. */
  readonly own: number;
  /** Made at file or suite level. */
  readonly outer: number;
  /** Made in the `beforeAll`/`beforeEach` hooks of the test's suites and of the file. */
  readonly hooks: number;
  /** The setup nearest to the test that contributes mocks: a hook, else a suite body. */
  readonly nearestSetup: TSESTree.Node | null;
  /** The mocks that were counted, each with its weight. */
  readonly counted: ReadonlyMap<MockRecord, number>;
  /** The counted mocks the test inherits (file, suites, hooks), each with its weight. */
  readonly inherited: ReadonlyMap<MockRecord, number>;
}

/** A shared setup (the file, a suite body, a hook) whose mocks take the tests under it over the limit. */
export interface SetupCrossing {
  /** The hook or suite callee, or null for the file level (reported at its tipping mock). */
  readonly node: TSESTree.Node | null;
  /** What the tests inherit up to and including this setup, by where it is made. */
  readonly outer: number;
  readonly hooks: number;
  /** The mocks counted up to and including this setup, with their weights. */
  readonly counted: ReadonlyMap<MockRecord, number>;
}

/** The member path a double is assigned to (`broker.cacher.get` for `broker.cacher.get = jest.fn(…)`), else null. */
function assignedPath(mock: MockRecord): string | null {
  const top = chainTop(mock.node);
  const parent = top.parent;
  return parent?.type === AST_NODE_TYPES.AssignmentExpression && parent.right === top && parent.left.type === AST_NODE_TYPES.MemberExpression
    ? referenceKey(parent.left)
    : null;
}

/** What a mock replaces, as a key shared by every spelling of one replacement; null for a double kept in a variable. */
function replacedKey(mock: MockRecord): string | null {
  if (mock.kind === 'module') {
    return mock.specifier === null ? null : `module:${mock.specifier}`;
  }
  const path = mock.kind === 'property' ? mock.target : assignedPath(mock);
  return path === null ? null : `property:${path.replace(/^this\./u, '')}`;
}

/** The shorter dotted tails of a path, down to two segments (`cacher.get` for `broker.cacher.get`). */
function* tails(key: string): Generator<string> {
  if (!key.startsWith('property:')) {
    return;
  }
  const prefix = key.indexOf(':') + 1;
  const path = key.slice(prefix);
  for (let index = path.indexOf('.'); index !== -1; index = path.indexOf('.', index + 1)) {
    const tail = path.slice(index + 1);
    if (!tail.includes('.')) {
      return;
    }
    yield `${key.slice(0, prefix)}${tail}`;
  }
}

/**
 * A running total of replaced collaborators: each mock counts once, and replacing the same module
 * or property again (`vi.mock('./a')` in two suites, in a hook and then in the test, `cacher.get =
 * jest.fn()` in the suite and again in the test) is one collaborator. So is a property replaced
 * through a longer path that ends in it (`broker.cacher.get` after `cacher.get`, `this.repo.find`
 * after `repo.find`): the object reached by both names is taken to be one.
 */
class CollaboratorCount {
  private readonly seen = new Set<MockRecord>();
  private readonly seenTargets = new Set<string>();
  /** The tails of the replaced paths seen, so a shorter spelling of one of them matches. */
  private readonly seenTails = new Set<string>();
  /** The mocks that added weight, with their weight, in the order they were taken. */
  readonly counted = new Map<MockRecord, number>();

  constructor(private readonly weights: ReadonlyMap<MockRecord, number>) {}

  /** Counts the mocks not counted yet and returns the weight they add. */
  take(mocks: Iterable<MockRecord> | undefined): number {
    let total = 0;
    for (const mock of mocks ?? []) {
      if (this.seen.has(mock)) {
        continue;
      }
      this.seen.add(mock);
      const weight = this.weights.get(mock) ?? 0;
      const target = weight > 0 ? replacedKey(mock) : null;
      if (target !== null) {
        if (this.alreadyReplaced(target)) {
          continue;
        }
        this.seenTargets.add(target);
        for (const tail of tails(target)) {
          this.seenTails.add(tail);
        }
      }
      if (weight > 0) {
        this.counted.set(mock, weight);
      }
      total += weight;
    }
    return total;
  }

  /** The same module or property, or one whose path ends in the other's, was counted already. */
  private alreadyReplaced(target: string): boolean {
    if (this.seenTargets.has(target) || this.seenTails.has(target)) {
      return true;
    }
    for (const tail of tails(target)) {
      if (this.seenTargets.has(tail)) {
        return true;
      }
    }
    return false;
  }
}

/**
 * One file's mocks counted where they apply: at file level, and for each test with its setup
 * hooks and enclosing suites. Made per file, so nothing of a file outlives it.
 */
export class MockTally {
  /** What the file-level mocks weigh together. */
  readonly fileLevel: number;
  /** The `beforeAll`/`beforeEach` hooks directly under a suite (or the file, null), as asked for. */
  private readonly setupHooks = new Map<TestBlock | null, TestBlock[]>();

  constructor(
    private readonly model: TestModel,
    private readonly weights: ReadonlyMap<MockRecord, number>,
    private readonly byOwner: ReadonlyMap<TestBlock | null, ReadonlySet<MockRecord>>,
  ) {
    this.fileLevel = this.sum(byOwner.get(null));
  }

  /** Total weight, counting a module or property replaced twice (`vi.mock('./a')` in two suites) once. */
  sum(mocks: Iterable<MockRecord> | undefined): number {
    return new CollaboratorCount(this.weights).take(mocks);
  }

  /** The file-level mocks that count, with their weights, in source order. */
  fileMocks(): ReadonlyMap<MockRecord, number> {
    const count = new CollaboratorCount(this.weights);
    count.take(this.byOwner.get(null));
    return count.counted;
  }

  /** The file-level mock, in source order, at which their total first exceeds `max`. */
  tippingModuleMock(max: number): MockRecord | undefined {
    const ordered = [...this.fileMocks()].sort(([a], [b]) => a.node.range[0] - b.node.range[0]);
    let total = 0;
    for (const [mock, weight] of ordered) {
      total += weight;
      if (total > max) {
        return mock;
      }
    }
    return undefined;
  }

  /** The mocks `test` runs with: its own, then those of each enclosing level's setup hooks and body, inwards out. */
  testMocks(test: TestBlock): TestMocks {
    // Replacing the same module or property again (in a hook, then in the test) is one collaborator.
    const count = new CollaboratorCount(this.weights);
    const own = count.take(this.byOwner.get(test));
    const ownMocks = new Set(count.counted.keys());
    let outer = 0;
    let hooks = 0;
    // The setup nearest to the test that contributes mocks: a hook, else a suite body.
    let nearestSetup: TSESTree.Node | null = null;
    const ancestors: Array<TestBlock | null> = [];
    for (let ancestor = test.parent; ancestor !== null; ancestor = ancestor.parent) {
      ancestors.push(ancestor);
    }
    ancestors.push(null);
    for (const ancestor of ancestors) {
      for (const hook of this.hooksOf(ancestor)) {
        const added = count.take(this.byOwner.get(hook));
        hooks += added;
        if (added > 0 && nearestSetup === null) {
          nearestSetup = hook.node.callee;
        }
      }
      const added = count.take(this.byOwner.get(ancestor));
      outer += added;
      if (added > 0 && nearestSetup === null && ancestor !== null) {
        nearestSetup = ancestor.node.callee;
      }
    }
    const inherited = new Map<MockRecord, number>();
    for (const [mock, weight] of count.counted) {
      if (!ownMocks.has(mock)) {
        inherited.set(mock, weight);
      }
    }
    return { own, outer, hooks, nearestSetup, counted: count.counted, inherited };
  }

  /**
   * The setups that report for `test`, outermost first: the one at which what the test inherits
   * first exceeds `max` (a shared setup over the limit is one finding, wherever nested hooks add
   * to it), then any deeper one whose own mocks are over `max` by themselves. Empty when the
   * inherited mocks stay within `max`.
   */
  setupCrossings(test: TestBlock, max: number): SetupCrossing[] {
    const count = new CollaboratorCount(this.weights);
    const levels: Array<TestBlock | null> = [];
    for (let ancestor = test.parent; ancestor !== null; ancestor = ancestor.parent) {
      levels.push(ancestor);
    }
    levels.push(null);
    levels.reverse();
    const crossings: SetupCrossing[] = [];
    let outer = 0;
    let hooks = 0;
    const step = (node: TSESTree.Node | null, owner: TestBlock | null, isHook: boolean): void => {
      const added = count.take(this.byOwner.get(owner));
      if (added === 0) {
        return;
      }
      const before = outer + hooks;
      if (isHook) {
        hooks += added;
      } else {
        outer += added;
      }
      if ((before <= max && outer + hooks > max) || (before > max && added > max)) {
        crossings.push({ node, outer, hooks, counted: new Map(count.counted) });
      }
    };
    for (const level of levels) {
      step(level === null ? null : level.node.callee, level, false);
      for (const hook of this.hooksOf(level)) {
        step(hook.node.callee, hook, true);
      }
    }
    return crossings;
  }

  private hooksOf(parent: TestBlock | null): TestBlock[] {
    let hooks = this.setupHooks.get(parent);
    if (hooks === undefined) {
      hooks = (parent === null ? this.model.blocks.filter((block) => block.parent === null) : parent.children).filter(
        (block) => block.kind === 'hook' && (block.hook === 'beforeAll' || block.hook === 'beforeEach'),
      );
      this.setupHooks.set(parent, hooks);
    }
    return hooks;
  }
}
