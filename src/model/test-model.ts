import type { AST_NODE_TYPES, TSESTree } from '@typescript-eslint/types';
import type { TSESLint } from '@typescript-eslint/utils';

import { forEachNode } from '../ast/nodes.js';
import type { Assertion } from './assertions.js';
import { FileModelBuilder } from './builder.js';
import type { FrameworkName } from './framework-names.js';
import type { ImportRecord } from './imports.js';
import type { MockConfig, MockRecord } from './mocks.js';
import { getSettings, type TestQualitySettings } from './settings.js';
import type { TestBlock } from './test-blocks.js';

export type { Assertion } from './assertions.js';
export { modelStats } from './builder.js';
export type { ImportRecord } from './imports.js';
export type { MockConfig, MockRecord } from './mocks.js';
export type { TestBlock } from './test-blocks.js';

/** The per-file analysis every rule queries. Built once per SourceCode, on first use. */
export interface TestModel {
  readonly settings: TestQualitySettings;
  /** Every test, suite and hook, in source order. */
  readonly blocks: readonly TestBlock[];
  readonly tests: readonly TestBlock[];
  readonly assertions: readonly Assertion[];
  readonly mocks: readonly MockRecord[];
  /** Every configuration call seen, linked to its mock where one is known. */
  readonly mockConfigs: readonly MockConfig[];
  readonly imports: readonly ImportRecord[];
  /** The file declares at least one test, suite or hook. */
  readonly hasTests: boolean;
  /** What an identifier refers to among framework names; null for anything else. */
  resolveName(identifier: TSESTree.Identifier): FrameworkName | null;
  /** The innermost test, suite or hook whose callback contains `node`. */
  blockOf(node: TSESTree.Node): TestBlock | null;
  /** The block whose callback is `fn`, if any. */
  blockOfCallback(fn: TSESTree.Node): TestBlock | null;
  /** Mocks reachable under a reference key (`fetch`, `api.get`, `this.client`). */
  mocksByKey(key: string): readonly MockRecord[];
  /**
   * Every node of one of the indexed types, in source order. Rules scan these at `Program:exit`
   * instead of registering listeners of their own. Properties, `new` and binary expressions are
   * collected by a walk on the first request for one of them.
   */
  nodesOfType<T extends IndexedType>(type: T): ReadonlyArray<IndexedNode<T>>;
}

/** Node types the model indexes for rules, in source order. */
export type IndexedType =
  | AST_NODE_TYPES.CallExpression
  | AST_NODE_TYPES.ImportExpression
  | AST_NODE_TYPES.IfStatement
  | AST_NODE_TYPES.ConditionalExpression
  | AST_NODE_TYPES.FunctionDeclaration
  | AST_NODE_TYPES.VariableDeclarator
  | AST_NODE_TYPES.Property
  | AST_NODE_TYPES.NewExpression
  | AST_NODE_TYPES.BinaryExpression;

/**
 * Indexed types that only the retry rule's count checks read, in the few files that assert a
 * count and mention retrying (11 of the bench's 300 real files): collected by one walk of the tree
 * the first time a rule asks for one of them, rather than by a listener on every file (25,160
 * listener calls in those 300 files, 21,768 of them properties).
 */
export type OnDemandType = AST_NODE_TYPES.Property | AST_NODE_TYPES.NewExpression | AST_NODE_TYPES.BinaryExpression;

/** Node types the model collects while the tree is walked. */
export type CollectedType = Exclude<IndexedType, OnDemandType> | AST_NODE_TYPES.ImportDeclaration;

export type IndexedNode<T extends IndexedType> = Extract<TSESTree.Node, { type: T }>;

/**
 * What a model depends on is the source code and the settings (`settings['test-quality']`, made one
 * object per content by `getSettings`): the same SourceCode linted again under other settings
 * (`linter.verify(sourceCode, otherConfig)`) gets a model of its own. A model that failed to build
 * is kept as its error, so every rule that asks fails alike instead of building it again.
 */
type Built = TestModel | { readonly failure: unknown };

/** Per SourceCode, per settings object: nearly always one entry. */
const cache = new WeakMap<object, Map<TestQualitySettings, Built>>();
/** Builders fed by ESLint's own traversal, through the listeners `withTestModel` adds to a rule. */
const builders = new WeakMap<object, Map<TestQualitySettings, FileModelBuilder>>();

type RuleContext = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;
type RuleListener = TSESLint.RuleListener;
type Listener = (node: never) => void;

function entryOf<T>(store: WeakMap<object, Map<TestQualitySettings, T>>, sourceCode: object, settings: TestQualitySettings): T | undefined {
  return store.get(sourceCode)?.get(settings);
}

function setEntry<T>(store: WeakMap<object, Map<TestQualitySettings, T>>, sourceCode: object, settings: TestQualitySettings, value: T): void {
  let bySettings = store.get(sourceCode);
  if (bySettings === undefined) {
    bySettings = new Map();
    store.set(sourceCode, bySettings);
  }
  bySettings.set(settings, value);
}

/**
 * Adds to a rule's listeners the ones that collect the file's test model while ESLint walks the
 * tree anyway, so the model needs no walk of its own (a second pass over the tree, or over
 * ESLint's cached traversal steps, touches every node again; these listeners see only the
 * nodes of the types collected). Only the first of our rules created for a file gets them;
 * every rule then reads the one model through `getTestModel` at `Program:exit`.
 */
export function withTestModel(context: RuleContext, listeners: RuleListener): RuleListener {
  const { sourceCode } = context;
  const settings = getSettings(context);
  if (entryOf(builders, sourceCode, settings) !== undefined || entryOf(cache, sourceCode, settings) !== undefined) {
    return listeners;
  }
  const builder = new FileModelBuilder(sourceCode, settings);
  setEntry(builders, sourceCode, settings, builder);
  const merged: Record<string, Listener | undefined> = { ...(builder.listeners as Record<string, Listener>) };
  for (const [selector, listener] of Object.entries(listeners as Record<string, Listener | undefined>)) {
    const collect = merged[selector];
    merged[selector] =
      listener === undefined
        ? collect
        : collect === undefined
          ? listener
          : (node: never): void => {
              collect(node);
              listener(node);
            };
  }
  return merged as RuleListener;
}

function build(sourceCode: Readonly<TSESLint.SourceCode>, settings: TestQualitySettings): Built {
  const collected = entryOf(builders, sourceCode, settings);
  try {
    if (collected?.failure !== undefined) {
      throw collected.failure;
    }
    if (collected?.complete === true) {
      return collected.finish();
    }
    // No traversal fed a builder, or it is not over yet: walk the tree here.
    const builder = new FileModelBuilder(sourceCode, settings);
    forEachNode(sourceCode, builder.collect.bind(builder));
    if (builder.failure !== undefined) {
      throw builder.failure;
    }
    return builder.finish();
  } catch (error) {
    return { failure: error };
  }
}

/**
 * The test model of the file being linted; built on first call, shared by every rule. Throws
 * when building it failed (a bug of ours): `createRule` turns that into one message per rule.
 */
export function getTestModel(context: RuleContext): TestModel {
  const { sourceCode } = context;
  const settings = getSettings(context);
  let built = entryOf(cache, sourceCode, settings);
  if (built === undefined) {
    built = build(sourceCode, settings);
    builders.get(sourceCode)?.delete(settings);
    setEntry(cache, sourceCode, settings, built);
  }
  if ('failure' in built) {
    throw built.failure;
  }
  return built;
}
