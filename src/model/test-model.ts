import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/types';
import type { TSESLint } from '@typescript-eslint/utils';

import { forEachNode, getChainRoot, getPropertyName, getStaticString, isFunction, referenceKey, unwrapExpression, type FunctionNode } from '../ast/nodes.js';
import { collectChain, readAssertCall, readChaiParts, readExpectChain, readSupertestChain, type Assertion } from './assertions.js';
import { NAMESPACE_MEMBERS, type FrameworkName } from './framework-names.js';
import {
  CONFIG_METHODS,
  JASMINE_CONFIG_METHODS,
  JEST_CONFIG_METHODS,
  SINON_CONFIG_METHODS,
  TD_CONFIG_METHODS,
  bindingKeys,
  chainTop,
  configGivesBehaviour,
  configuredReference,
  creationSpec,
  functionCreationSpec,
  isImplementation,
  replacementTarget,
  type MockConfig,
  type MockRecord,
} from './mocks.js';
import { FileNameResolver, type NameResolver, type ResolverHooks } from './resolve-names.js';
import { getSettings, type TestQualitySettings } from './settings.js';
import { classifyBlockCall, type TestBlock } from './test-blocks.js';

export type { Assertion } from './assertions.js';
export type { MockConfig, MockRecord } from './mocks.js';
export type { TestBlock } from './test-blocks.js';

/** A module the file imports or requires, with the local names it binds. */
export interface ImportRecord {
  readonly specifier: string;
  readonly node: TSESTree.Node;
  /** Local names bound to the module's exports (`{ a, b: c }` → `a`, `c`; default → its name). */
  readonly locals: readonly string[];
  /** Local name of a namespace binding (`import * as api`, `const api = require(…)`), if any. */
  readonly namespace: string | null;
}

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
type OnDemandType = AST_NODE_TYPES.Property | AST_NODE_TYPES.NewExpression | AST_NODE_TYPES.BinaryExpression;

/** Node types the model collects while the tree is walked. */
type CollectedType = Exclude<IndexedType, OnDemandType> | AST_NODE_TYPES.ImportDeclaration;

export type IndexedNode<T extends IndexedType> = Extract<TSESTree.Node, { type: T }>;

const cache = new WeakMap<object, TestModel>();
/** Builders fed by ESLint's own traversal, through the listeners `withTestModel` adds to a rule. */
const builders = new WeakMap<object, FileModelBuilder>();

/** How many models were built, and how many on-demand walks ran, in this process; read by tests. */
export const modelStats = { builds: 0, onDemandWalks: 0 };

type RuleContext = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;
type RuleListener = TSESLint.RuleListener;
type Listener = (node: never) => void;

/**
 * Adds to a rule's listeners the ones that collect the file's test model while ESLint walks the
 * tree anyway, so the model needs no walk of its own (a second pass over the tree, or over
 * ESLint's cached traversal steps, touches every node again; these listeners see only the
 * nodes of the types collected). Only the first of our rules created for a file gets them;
 * every rule then reads the one model through `getTestModel` at `Program:exit`.
 */
export function withTestModel(context: RuleContext, listeners: RuleListener): RuleListener {
  const { sourceCode } = context;
  if (builders.has(sourceCode) || cache.has(sourceCode)) {
    return listeners;
  }
  const builder = new FileModelBuilder(sourceCode, getSettings(context));
  builders.set(sourceCode, builder);
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

/** The test model of the file being linted; built on first call, shared by every rule. */
export function getTestModel(context: RuleContext): TestModel {
  const { sourceCode } = context;
  const cached = cache.get(sourceCode);
  if (cached !== undefined) {
    return cached;
  }
  const collected = builders.get(sourceCode);
  let model: TestModel;
  if (collected?.complete === true) {
    model = collected.finish();
  } else {
    // No traversal fed a builder, or it is not over yet: walk the tree here.
    const builder = new FileModelBuilder(sourceCode, getSettings(context));
    forEachNode(sourceCode, builder.collect.bind(builder));
    model = builder.finish();
  }
  builders.delete(sourceCode);
  cache.set(sourceCode, model);
  return model;
}

interface PendingConfig {
  readonly node: TSESTree.CallExpression;
  readonly method: string;
  readonly object: TSESTree.Expression;
}

const SHOULD_MODULES: ReadonlySet<string> = new Set(['chai', 'should', 'chai/register-should', 'should/as-function']);
/** Text a `.should` member needs (`x.should`, `x?.should`, `x\n  .should`); tested before listening for member expressions. */
const SHOULD_MEMBER_TEXT = /\.\s*should\b/u;

/** Node types collected by a walk of their own, on the first request for one of them. */
const ON_DEMAND_TYPES: ReadonlySet<string> = new Set<OnDemandType>([AST_NODE_TYPES.Property, AST_NODE_TYPES.NewExpression, AST_NODE_TYPES.BinaryExpression]);

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
class FileModelBuilder implements ResolverHooks {
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

  /** Collects one node of any type; nodes of other types are ignored. */
  collect(node: TSESTree.Node): void {
    switch (node.type) {
      case AST_NODE_TYPES.CallExpression:
        this.indexed.CallExpression.push(node);
        this.visitCall(node);
        return;
      case AST_NODE_TYPES.ImportDeclaration:
        this.recordImport(node);
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
    const specifier = spec.kind === 'module' || (method === 'replace' && name.library === 'testdouble' && getStaticString(args[0]) !== null) ? getStaticString(args[0]) : null;
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

  private visitCall(call: TSESTree.CallExpression): void {
    const callee = unwrapExpression(call.callee);
    if (callee.type === AST_NODE_TYPES.MemberExpression) {
      const method = getPropertyName(callee);
      if (method !== null && CONFIG_METHODS.has(method)) {
        this.pendingConfigs.push({ node: call, method, object: callee.object });
      }
    }
    if (callee.type === AST_NODE_TYPES.Identifier && callee.name === 'require') {
      this.recordRequire(call);
    }
    const root = getChainRoot(callee);
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
      links.unshift(name);
      current = unwrapExpression(current.object);
    }
    if (current !== root) {
      return;
    }
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
    const [first, second] = remaining;
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
      case 'mockApi': {
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
        return;
      }
      case 'mockFunction': {
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
      default:
        return;
    }
  }

  private recordRequire(call: TSESTree.CallExpression): void {
    const specifier = getStaticString(call.arguments[0]);
    if (specifier === null) {
      return;
    }
    let top: TSESTree.Node = call;
    while (top.parent?.type === AST_NODE_TYPES.MemberExpression && top.parent.object === top) {
      top = top.parent;
    }
    const parent = top.parent;
    const locals: string[] = [];
    let namespace: string | null = null;
    if (parent?.type === AST_NODE_TYPES.VariableDeclarator) {
      if (parent.id.type === AST_NODE_TYPES.Identifier) {
        if (top === call) {
          namespace = parent.id.name;
        } else {
          locals.push(parent.id.name);
        }
      } else if (parent.id.type === AST_NODE_TYPES.ObjectPattern) {
        for (const property of parent.id.properties) {
          if (property.type === AST_NODE_TYPES.Property) {
            const valueNode = property.value.type === AST_NODE_TYPES.AssignmentPattern ? property.value.left : property.value;
            if (valueNode.type === AST_NODE_TYPES.Identifier) {
              locals.push(valueNode.name);
            }
          }
        }
      }
    }
    this.imports.push({ specifier, node: call, locals, namespace });
  }

  private recordImport(declaration: TSESTree.ImportDeclaration): void {
    const locals: string[] = [];
    let namespace: string | null = null;
    for (const specifier of declaration.specifiers) {
      if (specifier.type === AST_NODE_TYPES.ImportNamespaceSpecifier) {
        namespace = specifier.local.name;
      } else {
        locals.push(specifier.local.name);
      }
    }
    this.imports.push({ specifier: declaration.source.value, node: declaration, locals, namespace });
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
    // chai's should style, only in files that load chai or should.
    if (this.shouldMembers.length > 0 && this.imports.some((record) => SHOULD_MODULES.has(record.specifier))) {
      for (const member of this.shouldMembers) {
        if (member.object.type === AST_NODE_TYPES.Super) {
          continue;
        }
        const { parts, top } = collectChain(member);
        const assertion = readChaiParts(member, member.object, parts, top, 'chai');
        if (assertion !== null) {
          this.assertions.push(assertion);
        }
      }
    }

    for (const assertion of this.assertions) {
      assertion.block = this.locate(assertion.head).block;
    }
    for (const call of this.planCalls) {
      const block = this.locate(call).block;
      if (block !== null) {
        block.usesPlan = true;
      }
    }

    // Module this.mocks are reached through the names imported from the mocked specifier.
    const factories = new Map<TSESTree.Node, MockRecord>();
    for (const mock of this.mocks) {
      const place = this.locate(mock.node);
      mock.block = mock.hoisted ? null : place.block;
      mock.enclosingFunction = mock.hoisted ? null : place.fn;
      if (mock.kind === 'module' && mock.specifier !== null) {
        for (const record of this.imports) {
          if (record.specifier === mock.specifier) {
            mock.keys.push(...record.locals);
            if (record.namespace !== null) {
              mock.keys.push(record.namespace);
            }
          }
        }
      }
      if (mock.factory !== null) {
        factories.set(mock.factory, mock);
      }
    }
    if (factories.size > 0) {
      for (const mock of this.mocks) {
        for (let current: TSESTree.Node | undefined = mock.node.parent; current != null; current = current.parent) {
          const owner = factories.get(current);
          if (owner !== undefined) {
            // A double inside a module factory lives where the module mock applies.
            (mock as { withinModuleMock: MockRecord | null }).withinModuleMock = owner;
            mock.block = owner.block;
            mock.enclosingFunction = owner.enclosingFunction;
            break;
          }
        }
      }
    }

    const byKey = new Map<string, MockRecord[]>();
    for (const mock of this.mocks) {
      for (const key of mock.keys) {
        const list = byKey.get(key);
        if (list === undefined) {
          byKey.set(key, [mock]);
        } else if (!list.includes(mock)) {
          list.push(mock);
        }
      }
    }

    const mockConfigs: MockConfig[] = [];
    for (const pending of this.pendingConfigs) {
      const base = configuredReference(pending.object);
      let mock = this.mocksByNode.get(base) ?? null;
      let key: string | null;
      if (TD_CONFIG_METHODS.has(pending.method)) {
        // td.when(fn(args)).thenResolve(x): the stubbed function is the callee inside `when`.
        const inner = base.type === AST_NODE_TYPES.CallExpression ? base.arguments[0] : undefined;
        key = inner?.type === AST_NODE_TYPES.CallExpression ? referenceKey(inner.callee) : null;
        if (key === null) {
          continue;
        }
      } else {
        key = mock === null ? referenceKey(base) : null;
      }
      if (mock === null && key !== null) {
        const candidates = byKey.get(key);
        mock = candidates?.at(-1) ?? null;
      }
      const jestStyle = JEST_CONFIG_METHODS.has(pending.method) || TD_CONFIG_METHODS.has(pending.method);
      const jasmineStyle = JASMINE_CONFIG_METHODS.has(pending.method) && pending.object.type === AST_NODE_TYPES.MemberExpression && getPropertyName(pending.object) === 'and';
      if (mock === null && !jestStyle && !jasmineStyle) {
        continue;
      }
      if (mock !== null && !jestStyle && !jasmineStyle && mock.library !== 'sinon' && !(SINON_CONFIG_METHODS.has(pending.method) && mock.library === 'unknown')) {
        continue;
      }
      const place = this.locate(pending.node);
      const config: MockConfig = {
        node: pending.node,
        method: pending.method,
        args: pending.node.arguments,
        key: key ?? mock?.keys[0] ?? null,
        mock,
        block: place.block,
        enclosingFunction: place.fn,
      };
      mockConfigs.push(config);
      if (mock !== null) {
        mock.configs.push(config);
        if (configGivesBehaviour(pending.method)) {
          mock.hasBehaviour = true;
        }
      }
    }

    return new FileTestModel(this, mockConfigs, byKey);
  }
}

/** The model handed to rules: the builder's collections, and questions answered from them. */
class FileTestModel implements TestModel {
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
