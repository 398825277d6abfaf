import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/types';

import type { Assertion } from './assertions.js';
import type { FileModelBuilder } from './builder.js';
import type { FrameworkName } from './framework-names.js';
import type { ImportRecord } from './imports.js';
import type { MockConfig, MockRecord } from './mocks.js';
import type { TestQualitySettings } from './settings.js';
import type { TestBlock } from './test-blocks.js';
import type { IndexedNode, IndexedType, OnDemandType, TestModel } from './test-model.js';

/** Node types collected by a walk of their own, on the first request for one of them. */
const ON_DEMAND_TYPES: ReadonlySet<string> = new Set<OnDemandType>([AST_NODE_TYPES.Property, AST_NODE_TYPES.NewExpression, AST_NODE_TYPES.BinaryExpression]);

/** The model handed to rules: the builder's collections, and questions answered from them. */
export class FileTestModel implements TestModel {
  readonly settings: TestQualitySettings;
  readonly blocks: readonly TestBlock[];
  readonly tests: readonly TestBlock[];
  readonly assertions: readonly Assertion[];
  readonly mocks: readonly MockRecord[];
  readonly mockConfigs: readonly MockConfig[];
  readonly imports: readonly ImportRecord[];
  readonly hasTests: boolean;

  constructor(
    private readonly builder: FileModelBuilder,
    mockConfigs: readonly MockConfig[],
    private readonly byKey: ReadonlyMap<string, readonly MockRecord[]>,
  ) {
    this.settings = builder.settings;
    this.blocks = builder.blocks;
    this.tests = builder.blocks.filter((block) => block.kind === 'test');
    this.assertions = builder.assertions;
    this.mocks = builder.mocks;
    this.mockConfigs = mockConfigs;
    this.imports = builder.imports;
    this.hasTests = builder.blocks.length > 0;
  }

  resolveName(identifier: TSESTree.Identifier): FrameworkName | null {
    return this.builder.resolver.resolve(identifier);
  }

  blockOf(node: TSESTree.Node): TestBlock | null {
    return this.builder.locate(node).block;
  }

  blockOfCallback(fn: TSESTree.Node): TestBlock | null {
    return this.builder.blocksByCallback.get(fn) ?? null;
  }

  mocksByKey(key: string): readonly MockRecord[] {
    return this.byKey.get(key) ?? [];
  }

  nodesOfType<T extends IndexedType>(type: T): ReadonlyArray<IndexedNode<T>> {
    if (ON_DEMAND_TYPES.has(type)) {
      this.builder.collectOnDemand();
    }
    return this.builder.indexed[type];
  }
}
