import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/types';
import type { TSESLint } from '@typescript-eslint/utils';

import { forEachNode, getPropertyName, getStaticString, isFunction, unwrapExpression, type FunctionNode } from '../ast/nodes.js';
import { readAssertCall, readExpectChain, readSupertestChain, type Assertion } from './assertions.js';
import { FileTestModel } from './file-model.js';
import { NAMESPACE_MEMBERS, type FrameworkName } from './framework-names.js';
import { readImport, readRequire, type ImportRecord } from './imports.js';
import { indexMocksByKey, linkConfigs, placeAssertionsAndPlans, placeMocks, readShouldAssertions } from './linking.js';
import { CONFIG_METHODS, bindingKeys, chainTop, creationSpec, functionCreationSpec, isImplementation, replacementTarget, type MockRecord } from './mocks.js';
import { FileNameResolver, type NameResolver, type ResolverHooks } from './resolve-names.js';
import type { TestQualitySettings } from './settings.js';
import { classifyBlockCall, type TestBlock } from './test-blocks.js';
import type { CollectedType, IndexedNode, IndexedType, TestModel } from './test-model.js';

/** How many models were built, and how many on-demand walks ran, in this process; read by tests. */
export const modelStats = { builds: 0, onDemandWalks: 0 };

type RuleListener = TSESLint.RuleListener;
type Listener = (node: never) => void;

/** A configuration call (`x.mockReturnValue(1)`) seen during the walk, linked to its mock when the walk is over. */
export interface PendingConfig {
  readonly node: TSESTree.CallExpression;
  readonly method: string;
  readonly object: TSESTree.Expression;
}

/** Text a `.should` member needs (`x.should`, `x?.should`, `x\n  .should`); tested before listening for member expressions. */
export const SHOULD_MEMBER_TEXT = /\.\s*should\b/u;

/** Node types collected while ESLint walks the tree (member expressions too, in files that spell `.should`). */
const COLLECTED_TYPES: readonly CollectedType[] = [
  AST_NODE_TYPES.CallExpression,
  AST_NODE_TYPES.ImportDeclaration,
  AST_NODE_TYPES.ImportExpression,
  AST_NODE_TYPES.IfStatement,
  AST_NODE_TYPES.ConditionalExpression,
  AST_NODE_TYPES.FunctionDeclaration,
  AST_NODE_TYPES.VariableDeclarator,
];

/**
 * Collects one file's model node by node (from ESLint's traversal or our own walk), then finishes
 * it. A class rather than closures made per file: V8 keeps the optimised code of a method for the
 * whole process, while a function created anew for each file loses it at a full garbage
 * collection once the older copies are dead, and is compiled again.
 */
export class FileModelBuilder implements ResolverHooks {
  readonly blocks: TestBlock[] = [];
  readonly blocksByCallback = new Map<TSESTree.Node, TestBlock>();
  readonly assertions: Assertion[] = [];
  readonly mocks: MockRecord[] = [];
  readonly mocksByNode = new Map<TSESTree.Node, MockRecord>();
  readonly pendingConfigs: PendingConfig[] = [];
  readonly imports: ImportRecord[] = [];
  readonly planCalls: TSESTree.CallExpression[] = [];
  // Collected in pre-order: a block is registered before its callback's body is visited, so
  // names inside (node:test's `t`) can resolve against it. Also the nodes rules scan.
  readonly indexed: { [T in IndexedType]: Array<IndexedNode<T>> } = {
    CallExpression: [],
    ImportExpression: [],
    IfStatement: [],
    ConditionalExpression: [],
    FunctionDeclaration: [],
    VariableDeclarator: [],
    Property: [],
    NewExpression: [],
    BinaryExpression: [],
  };
  onDemandCollected = false;
  // chai's and should.js's `x.should…` members, read only in files that load either.
  readonly shouldMembers: TSESTree.MemberExpression[] = [];
  /**
   * Member expressions are as many as calls, so they are collected only where the text spells
   * `.should`.
   */
  readonly collectsShould: boolean;
  readonly resolver: NameResolver;
  /** Listeners that collect while ESLint traverses; their `Program:exit` marks the walk complete. */
  readonly listeners: RuleListener;
  complete = false;
  /** Roots of the inner calls of call chains, found while visiting the outer call (see `chainRootOf`). */
  private readonly chainRoots = new Map<TSESTree.Node, TSESTree.Identifier | TSESTree.ThisExpression | null>();
  /** The error a node's collection threw (a bug of ours); the model is then not built, see `getTestModel`. */
  failure: unknown = undefined;

  constructor(
    readonly sourceCode: Readonly<TSESLint.SourceCode>,
    readonly settings: TestQualitySettings,
  ) {
    this.resolver = new FileNameResolver(sourceCode, settings, this);
    this.collectsShould = SHOULD_MEMBER_TEXT.test(sourceCode.text);
    // One bound method for every collected type: the method's optimised code lives as long as the
    // class, where a listener made per file would be compiled again after a full GC.
    const collect = this.collect.bind(this);
    const listeners: Record<string, Listener> = {};
    for (const type of COLLECTED_TYPES) {
      listeners[type] = collect;
    }
    if (this.collectsShould) {
      listeners[AST_NODE_TYPES.MemberExpression] = collect;
    }
    listeners['Program:exit'] = this.markComplete.bind(this);
    this.listeners = listeners;
  }

  /**
   * Collects one node of any type; nodes of other types are ignored. An error stops the collection
   * and is kept for `getTestModel` to throw, rather than thrown into the rule whose listeners
   * happen to carry the collection: every rule then fails alike, none reads half a model.
   */
  collect(node: TSESTree.Node): void {
    if (this.failure !== undefined) {
      return;
    }
    try {
      this.collectNode(node);
    } catch (error) {
      this.failure = error ?? new Error(String(error));
    }
  }

  private collectNode(node: TSESTree.Node): void {
    switch (node.type) {
      case AST_NODE_TYPES.CallExpression:
        this.indexed.CallExpression.push(node);
        this.visitCall(node);
        return;
      case AST_NODE_TYPES.ImportDeclaration:
        this.imports.push(readImport(node));
        return;
      case AST_NODE_TYPES.ImportExpression:
        this.indexed.ImportExpression.push(node);
        return;
      case AST_NODE_TYPES.IfStatement:
        this.indexed.IfStatement.push(node);
        return;
      case AST_NODE_TYPES.ConditionalExpression:
        this.indexed.ConditionalExpression.push(node);
        return;
      case AST_NODE_TYPES.FunctionDeclaration:
        this.indexed.FunctionDeclaration.push(node);
        return;
      case AST_NODE_TYPES.VariableDeclarator:
        this.indexed.VariableDeclarator.push(node);
        return;
      case AST_NODE_TYPES.MemberExpression:
        if (this.collectsShould && !node.computed && node.property.type === AST_NODE_TYPES.Identifier && node.property.name === 'should') {
          this.shouldMembers.push(node);
        }
        return;
      default:
        return;
    }
  }

  /** The on-demand types, for `collectOnDemand`'s walk. */
  collectOnDemandNode(node: TSESTree.Node): void {
    switch (node.type) {
      case AST_NODE_TYPES.Property:
        this.indexed.Property.push(node);
        return;
      case AST_NODE_TYPES.NewExpression:
        this.indexed.NewExpression.push(node);
        return;
      case AST_NODE_TYPES.BinaryExpression:
        this.indexed.BinaryExpression.push(node);
        return;
      default:
        return;
    }
  }

  markComplete(): void {
    this.complete = true;
  }

  isTestContextParameter(parameter: TSESTree.Node): boolean {
    const block = this.blockOfParameter(parameter);
    return block !== undefined && block.contextParameter === parameter;
  }

  isFixtureParameter(pattern: TSESTree.Node): boolean {
    const block = this.blockOfParameter(pattern);
    return block !== undefined && block.library !== 'node:test' && block.callback?.params[0] === pattern;
  }

  /** The test block whose callback declares this parameter, if any. */
  private blockOfParameter(parameter: TSESTree.Node): TestBlock | undefined {
    const fn = parameter.parent;
    return fn === undefined ? undefined : this.blocksByCallback.get(fn);
  }

  locate(node: TSESTree.Node): { block: TestBlock | null; fn: FunctionNode | null } {
    let fn: FunctionNode | null = null;
    for (let current = node.parent; current != null; current = current.parent) {
      if (isFunction(current)) {
        const block = this.blocksByCallback.get(current);
        if (block !== undefined) {
          return { block, fn };
        }
        fn ??= current;
      }
    }
    return { block: null, fn };
  }

  private addMock(
    call: TSESTree.CallExpression,
    name: FrameworkName,
    method: string,
    spec: NonNullable<ReturnType<typeof creationSpec>>,
    api: string,
  ): void {
    const args = call.arguments;
    // `vi.mock(import('./x'), factory)` names its module through a dynamic import.
    const first = args[0]?.type === AST_NODE_TYPES.ImportExpression ? args[0].source : args[0];
    const specifier = spec.kind === 'module' || (method === 'replace' && name.library === 'testdouble' && getStaticString(first) !== null) ? getStaticString(first) : null;
    const kind = specifier !== null ? 'module' : spec.kind === 'function' && args.length >= 2 && name.library === 'sinon' && method !== 'fake' && method !== 'createStubInstance' ? 'property' : spec.kind;
    const targets = kind === 'property' ? replacementTarget(method, args) : [];
    let factory: FunctionNode | null = null;
    if (kind === 'module') {
      for (const argument of args) {
        if (isFunction(argument)) {
          factory = argument;
          break;
        }
      }
    }
    let count = 1;
    if (method === 'createSpyObj') {
      const methods = args.find((argument) => argument.type === AST_NODE_TYPES.ArrayExpression || argument.type === AST_NODE_TYPES.ObjectExpression);
      count = methods?.type === AST_NODE_TYPES.ArrayExpression ? Math.max(1, methods.elements.length) : methods?.type === AST_NODE_TYPES.ObjectExpression ? Math.max(1, methods.properties.length) : 1;
    }
    const implementationIndex = spec.implementation;
    const record: MockRecord = {
      kind,
      library: name.library,
      api,
      node: call,
      specifier,
      factory,
      target: targets[0] ?? null,
      keys: [...targets, ...bindingKeys(chainTop(call))],
      hoisted: spec.hoisted === true,
      count,
      configs: [],
      hasBehaviour: implementationIndex !== undefined && isImplementation(args[implementationIndex]),
      withinModuleMock: null,
      block: null,
      enclosingFunction: null,
    };
    this.mocks.push(record);
    this.mocksByNode.set(call, record);
  }

  /**
   * `getChainRoot`, remembering the root of every call passed on the way down: calls are visited
   * outermost first, so each inner call of `a.b().c().d()` finds its root at once instead of
   * walking the chain again (n chained calls would cost n² steps).
   */
  private chainRootOf(callee: TSESTree.Node): TSESTree.Identifier | TSESTree.ThisExpression | null {
    const passed: TSESTree.CallExpression[] = [];
    let current = unwrapExpression(callee);
    let root: TSESTree.Identifier | TSESTree.ThisExpression | null | undefined;
    while (root === undefined) {
      if (current.type === AST_NODE_TYPES.MemberExpression) {
        current = unwrapExpression(current.object);
      } else if (current.type === AST_NODE_TYPES.CallExpression) {
        root = this.chainRoots.get(current);
        if (root === undefined) {
          passed.push(current);
          current = unwrapExpression(current.callee);
        }
      } else if (current.type === AST_NODE_TYPES.TaggedTemplateExpression) {
        current = unwrapExpression(current.tag);
      } else {
        root = current.type === AST_NODE_TYPES.Identifier || current.type === AST_NODE_TYPES.ThisExpression ? current : null;
      }
    }
    for (const inner of passed) {
      this.chainRoots.set(inner, root);
    }
    return root;
  }

  private visitCall(call: TSESTree.CallExpression): void {
    const callee = unwrapExpression(call.callee);
    if (callee.type === AST_NODE_TYPES.MemberExpression) {
      const method = getPropertyName(callee);
      if (method !== null && CONFIG_METHODS.has(method)) {
        this.pendingConfigs.push({ node: call, method, object: callee.object });
      }
    }
    if (callee.type === AST_NODE_TYPES.Identifier && callee.name === 'require') {
      const record = readRequire(call);
      if (record !== null) {
        this.imports.push(record);
      }
    }
    const root = this.chainRootOf(callee);
    if (root === null || root.type !== AST_NODE_TYPES.Identifier) {
      return;
    }
    const resolved = this.resolver.resolve(root);
    if (resolved === null) {
      return;
    }
    if (resolved.kind === 'test' || resolved.kind === 'suite' || resolved.kind === 'hook' || resolved.kind === 'testContext') {
      const block = classifyBlockCall(call, resolved, this.locate(call).block);
      if (block !== null) {
        this.blocks.push(block);
        block.parent?.children.push(block);
        if (block.callback !== null) {
          this.blocksByCallback.set(block.callback, block);
        }
        return;
      }
    }
    // Everything below reads a head call: a callee of plain member links down to the root.
    let value: FrameworkName = resolved;
    const remaining: string[] = [];
    let current: TSESTree.Node = callee;
    const links: string[] = [];
    while (current.type === AST_NODE_TYPES.MemberExpression) {
      const name = getPropertyName(current);
      if (name === null) {
        return;
      }
      links.push(name);
      current = unwrapExpression(current.object);
    }
    if (current !== root) {
      return;
    }
    links.reverse();
    for (const link of links) {
      const next = remaining.length === 0 ? NAMESPACE_MEMBERS.get(value.kind)?.get(link) : undefined;
      if (next === undefined) {
        remaining.push(link);
      } else {
        value = { kind: next, name: link, library: value.library };
      }
    }
    this.readHead(call, value, remaining);
  }

  private readHead(call: TSESTree.CallExpression, value: FrameworkName, remaining: readonly string[]): void {
    const [first] = remaining;
    switch (value.kind) {
      case 'expect':
      case 'expectAsync': {
        if (remaining.length > 1 || (first !== undefined && first !== 'soft' && first !== 'poll')) {
          return;
        }
        const assertion = readExpectChain(call, value, first === 'soft' || first === 'poll' ? first : null);
        if (assertion !== null) {
          this.assertions.push(assertion);
        }
        return;
      }
      case 'assert':
        if (remaining.length <= 1) {
          this.assertions.push(readAssertCall(call, first ?? (value.name === 'assert' ? null : value.name), value, 'assert'));
        }
        return;
      case 'spyAssert':
        if (first !== undefined && remaining.length === 1) {
          this.assertions.push(readAssertCall(call, first, value, 'spyAssert'));
        }
        return;
      case 'supertest':
      case 'supertestAgent': {
        if ((value.kind === 'supertest' && remaining.length === 0) || (value.kind === 'supertestAgent' && remaining.length === 1)) {
          const assertion = readSupertestChain(call);
          if (assertion !== null) {
            this.assertions.push(assertion);
          }
        }
        return;
      }
      case 'testContext':
        if (first === 'plan' && remaining.length === 1) {
          this.planCalls.push(call);
        }
        return;
      case 'mockApi':
      case 'mockFunction':
        this.readMockHead(call, value, remaining);
        return;
      default:
        return;
    }
  }

  /** A mock-making head call: `vi.fn(…)`, `sinon.stub(obj, 'm')`, `sinon.fake.returns(x)`, `jest.mock('./x')`, bun's `mock.module(…)`. */
  private readMockHead(call: TSESTree.CallExpression, value: FrameworkName, remaining: readonly string[]): void {
    const [first, second] = remaining;
    if (value.kind === 'mockFunction') {
      if (remaining.length === 0) {
        const spec = functionCreationSpec(value.library, value.name);
        if (spec !== null) {
          this.addMock(call, value, value.name, spec, value.name);
        }
      } else if (value.library === 'bun' && value.name === 'mock' && first === 'module' && remaining.length === 1) {
        this.addMock(call, value, 'module', { kind: 'module' }, 'mock.module');
      }
      return;
    }
    if (first === undefined) {
      return;
    }
    if (first === 'fake' && second !== undefined && remaining.length === 2 && value.library === 'sinon') {
      // `sinon.fake.returns(x)`, `sinon.fake.resolves(x)`: a fake with behaviour.
      this.addMock(call, value, 'fake', { kind: 'function', implementation: 0 }, `${value.name}.fake.${second}`);
      const record = this.mocksByNode.get(call);
      if (record !== undefined) {
        record.hasBehaviour = true;
      }
      return;
    }
    if (remaining.length !== 1) {
      return;
    }
    const spec = creationSpec(value.library, value.name, first);
    if (spec !== null) {
      this.addMock(call, value, first, spec, `${value.name}.${first}`);
    }
  }

  collectOnDemand(): void {
    if (!this.onDemandCollected) {
      this.onDemandCollected = true;
      modelStats.onDemandWalks += 1;
      forEachNode(this.sourceCode, this.collectOnDemandNode.bind(this));
    }
  }

  /** Links what was collected into the model; call once, after every node was visited. */
  finish(): TestModel {
    modelStats.builds += 1;
    this.chainRoots.clear();
    readShouldAssertions(this);
    placeAssertionsAndPlans(this);
    placeMocks(this);
    const byKey = indexMocksByKey(this.mocks);
    return new FileTestModel(this, linkConfigs(this, byKey), byKey);
  }
}
