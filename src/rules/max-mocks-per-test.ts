import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/types';
import type { TSESLint } from '@typescript-eslint/utils';
import { findVariable } from '@typescript-eslint/utils/ast-utils';

import { getChainRoot, getPropertyName, isFunction, unwrapExpression, type FunctionNode } from '../ast/nodes.js';
import { chainTop, getTestModel, isMockingSubject, type MockRecord, type TestBlock, type TestModel } from '../model/index.js';
import { createRule, perOptions } from '../create-rule.js';

export type Options = [
  {
    max?: number;
    maxModuleMocks?: number;
    countSpies?: boolean;
    ignore?: string[];
  },
];
export type MessageIds = 'tooManyMocks' | 'tooManyMocksInSetup' | 'tooManyModuleMocks';

type RuleContext = Readonly<TSESLint.RuleContext<MessageIds, Options>>;

/** Doubles that stand in for a whole collaborator object even without programmed behaviour. */
const OBJECT_DOUBLES: ReadonlySet<string> = new Set(['createSpyObj', 'createStubInstance', 'object', 'constructor', 'instance']);

const lastSegment = (api: string): string => api.slice(api.lastIndexOf('.') + 1);

/**
 * Browser APIs that jsdom/happy-dom lack and tests stub so the code can run at all: environment
 * shims, not collaborators (TanStack query-devtools, excalidraw and outline suites stub them).
 */
const ENVIRONMENT_SHIMS: ReadonlySet<string> = new Set([
  'matchMedia', 'ResizeObserver', 'IntersectionObserver', 'MutationObserver', 'scrollTo', 'scrollBy', 'scrollIntoView',
  'requestAnimationFrame', 'cancelAnimationFrame', 'requestIdleCallback', 'cancelIdleCallback', 'localStorage', 'sessionStorage',
  'createObjectURL', 'revokeObjectURL', 'getBoundingClientRect', 'elementFromPoint', 'getClientRects',
]);

/** Web storage, as a whole or through `Storage.prototype`: stubbing its methods sets up the browser, like `localStorage` itself. */
const WEB_STORAGE: ReadonlySet<string> = new Set(['localStorage', 'sessionStorage', 'Storage.prototype']);

/** The object a dotted name reads from: `Storage.prototype` for `Storage.prototype.getItem`. */
const objectOf = (name: string): string => {
  const dot = name.lastIndexOf('.');
  return dot === -1 ? '' : name.slice(0, dot);
};

const isEnvironmentShim = (mock: MockRecord): boolean =>
  mock.kind !== 'module' &&
  [mock.target, ...mock.keys].some((name) => name !== null && (ENVIRONMENT_SHIMS.has(lastSegment(name)) || WEB_STORAGE.has(lastSegment(objectOf(name))) || WEB_STORAGE.has(objectOf(name))));

/** A spy configured only to call the real method (`spyOn(o, 'm').and.callThrough()`) replaces nothing. */
const onlyCallsThrough = (mock: MockRecord): boolean =>
  mock.configs.length > 0 && mock.configs.every((config) => config.method === 'callThrough' || config.method === 'callsThrough');

/** Reads an `ignore` entry: `/re/flags` is a regular expression, anything else an exact name. */
function compileIgnore(entries: readonly string[]): (name: string) => boolean {
  const exact = new Set<string>();
  const patterns: RegExp[] = [];
  for (const entry of entries) {
    const match = /^\/(.+)\/([a-z]*)$/u.exec(entry);
    if (match?.[1] === undefined) {
      exact.add(entry);
      continue;
    }
    try {
      patterns.push(new RegExp(match[1], match[2]));
    } catch {
      exact.add(entry);
    }
  }
  return (name) => exact.has(name) || patterns.some((pattern) => pattern.test(name));
}

/** Every name a mock is known by, with each dotted prefix (`console.error` → `console`). */
function namesOf(mock: MockRecord): string[] {
  const names = new Set<string>();
  const add = (value: string | null): void => {
    if (value === null) {
      return;
    }
    names.add(value);
    for (let index = value.indexOf('.'); index !== -1; index = value.indexOf('.', index + 1)) {
      names.add(value.slice(0, index));
    }
  };
  add(mock.specifier);
  add(mock.target);
  for (const key of mock.keys) {
    add(key);
  }
  return [...names];
}

/** `createSpyObj('svc', { get: 1 })` stubs each listed method with a value; the array form makes sinks. */
function spyObjectCount(call: TSESTree.CallExpression): number {
  const values = call.arguments.find((argument) => argument.type === AST_NODE_TYPES.ObjectExpression);
  return values?.type === AST_NODE_TYPES.ObjectExpression ? Math.max(1, values.properties.length) : 1;
}

const isStatement = (node: TSESTree.Node): boolean => node.type.endsWith('Statement') || node.type.endsWith('Declaration');

export default createRule<Options, MessageIds>({
  name: 'max-mocks-per-test',
  meta: {
    type: 'suggestion',
    docs: {
      description: 'Enforce a maximum number of replaced collaborators per test',
      recommended: 'recommended',
      requiresTypeChecking: false,
      strictOptions: [{ max: 3, maxModuleMocks: 3 }],
    },
    schema: [
      {
        type: 'object',
        description: 'Thresholds and what counts as a mock.',
        properties: {
          max: {
            type: 'integer',
            minimum: 0,
            description: 'Most replaced collaborators one test may run with (file level, enclosing setup hooks and the test together).',
          },
          maxModuleMocks: {
            type: 'integer',
            minimum: 0,
            description: 'Most collaborators a file may replace at module level (hoisted module mocks and top-level replacements).',
          },
          countSpies: {
            type: 'boolean',
            description: 'Also count behaviour-less spies such as `vi.fn()` used as callback sinks.',
          },
          ignore: {
            type: 'array',
            items: { type: 'string' },
            uniqueItems: true,
            description: 'Module specifiers or replaced names (`console`, `logger.info`) never counted; `/…/` entries are regular expressions.',
          },
        },
        additionalProperties: false,
      },
    ],
    defaultOptions: [{ max: 5, maxModuleMocks: 5, countSpies: false, ignore: [] }],
    messages: {
      tooManyMocks:
        'This test runs with {{count}} replaced collaborators ({{outer}} at file or suite level, {{hooks}} in setup hooks, {{own}} in the test; limit {{max}}), so it checks mock wiring more than behaviour: use real collaborators or in-memory fakes, or test a smaller unit.',
      tooManyMocksInSetup:
        'Every test under this setup runs with {{count}} replaced collaborators ({{outer}} at file or suite level, {{hooks}} in setup hooks; limit {{max}}), so they check mock wiring more than behaviour: use real collaborators or in-memory fakes, or test a smaller unit.',
      tooManyModuleMocks:
        'This file replaces {{count}} collaborators at module level (limit {{max}}) and every test inherits them: test the unit with real collaborators, or split it so each part needs fewer mocks.',
    },
  },
  create(context, [options]) {
    const check = checkerFor(options);
    return {
      'Program:exit'() {
        check(context);
      },
    };
  },
});

/** Total weight, counting a module or property replaced twice (`vi.mock('./a')` in two suites) once. */
function sum(mocks: Iterable<MockRecord> | undefined, weights: ReadonlyMap<MockRecord, number>): number {
  let total = 0;
  const targets = new Set<string>();
  for (const mock of mocks ?? []) {
    const weight = weights.get(mock) ?? 0;
    const target = mock.kind === 'module' ? mock.specifier : mock.kind === 'property' ? mock.target : null;
    if (target !== null && weight > 0) {
      if (targets.has(`${mock.kind}:${target}`)) {
        continue;
      }
      targets.add(`${mock.kind}:${target}`);
    }
    total += weight;
  }
  return total;
}

/**
 * How many replaced collaborators each mock stands for: a module mock or a property replacement
 * is one; a stand-alone double counts only with programmed behaviour (a sink spy is not a
 * replacement); doubles that are part of another mock (inside a module factory, `vi.hoisted`, an
 * argument of a replacement or of a configuration) are already counted there.
 */
function weighMocks(
  model: TestModel,
  sourceCode: Readonly<TSESLint.SourceCode>,
  countSpies: boolean,
  ignored: (name: string) => boolean,
): Map<MockRecord, number> {
  const calls = new Set<TSESTree.Node>();
  for (const mock of model.mocks) {
    calls.add(mock.node);
  }
  for (const config of model.mockConfigs) {
    calls.add(config.node);
  }
  // Names bound to modules the file mocks (`core` for `jest.mock('@actions/core')` and its import).
  const moduleBindings = new Set<string>();
  for (const mock of model.mocks) {
    if (mock.kind === 'module') {
      for (const key of mock.keys) {
        moduleBindings.add(key);
      }
    }
  }
  // Variables a module factory closes over (`const mockGet = jest.fn(); jest.mock('./api', () => ({ get: mockGet }))`).
  const factoryInputs = new Set<string>();
  for (const mock of model.mocks) {
    if (mock.factory === null) {
      continue;
    }
    const scope = sourceCode.scopeManager?.acquire(mock.factory);
    for (const reference of scope?.through ?? []) {
      factoryInputs.add(reference.identifier.name);
    }
  }

  // Variables handed to a mock or a configuration as its value (`vi.stubGlobal('open', open)`,
  // `open.mockResolvedValue(fakeCache)`): the doubles bound to them are that mock's behaviour.
  const fedVariables = new Set<TSESLint.Scope.Variable>();
  const collectFed = (node: TSESTree.Node, depth: number): void => {
    if (depth > 4) {
      return;
    }
    switch (node.type) {
      case AST_NODE_TYPES.Identifier: {
        const variable = findVariable(sourceCode.getScope(node), node);
        if (variable !== null) {
          fedVariables.add(variable);
        }
        return;
      }
      case AST_NODE_TYPES.ObjectExpression:
        for (const property of node.properties) {
          collectFed(property.type === AST_NODE_TYPES.Property ? property.value : property.argument, depth + 1);
        }
        return;
      case AST_NODE_TYPES.ArrayExpression:
        for (const element of node.elements) {
          if (element !== null) {
            collectFed(element.type === AST_NODE_TYPES.SpreadElement ? element.argument : element, depth + 1);
          }
        }
        return;
      case AST_NODE_TYPES.ArrowFunctionExpression:
        if (node.expression) {
          collectFed(node.body, depth + 1);
        }
        return;
      case AST_NODE_TYPES.AwaitExpression:
        collectFed(node.argument, depth + 1);
        return;
      case AST_NODE_TYPES.ConditionalExpression:
        collectFed(node.consequent, depth + 1);
        collectFed(node.alternate, depth + 1);
        return;
      case AST_NODE_TYPES.TSAsExpression:
      case AST_NODE_TYPES.TSSatisfiesExpression:
      case AST_NODE_TYPES.TSNonNullExpression:
        collectFed(node.expression, depth + 1);
        return;
      default:
        return;
    }
  };
  for (const call of calls) {
    if (call.type === AST_NODE_TYPES.CallExpression) {
      for (const argument of call.arguments) {
        collectFed(argument, 0);
      }
    }
  }

  const weights = new Map<MockRecord, number>();
  for (const mock of model.mocks) {
    weights.set(mock, weigh(mock));
  }
  countFakesOnce(model, weights);
  return weights;

  /** The double is stored in a variable (or an object literal in a variable) that feeds another mock. */
  function feedsAnotherMock(node: TSESTree.Node): boolean {
    if (fedVariables.size === 0) {
      return false;
    }
    let current: TSESTree.Node = chainTop(node as TSESTree.CallExpression);
    for (let depth = 0; depth < 3; depth += 1) {
      const parent: TSESTree.Node | undefined = current.parent;
      if (parent?.type === AST_NODE_TYPES.VariableDeclarator && parent.init === current) {
        return sourceCode.getDeclaredVariables(parent).some((variable) => fedVariables.has(variable));
      }
      if (parent?.type === AST_NODE_TYPES.Property && parent.value === current && parent.parent.type === AST_NODE_TYPES.ObjectExpression) {
        current = parent.parent;
        continue;
      }
      return false;
    }
    return false;
  }

  function weigh(mock: MockRecord): number {
    if (mock.withinModuleMock !== null || namesOf(mock).some(ignored) || isEnvironmentShim(mock)) {
      return 0;
    }
    if (onlyCallsThrough(mock)) {
      return countSpies ? 1 : 0;
    }
    if (mock.kind === 'module') {
      return 1;
    }
    if (mock.kind === 'property') {
      return Math.max(1, mock.count);
    }
    if (isArgumentOfMockCall(mock.node) || isInsideHoisted(mock.node) || mock.keys.some((key) => factoryInputs.has(key)) || feedsAnotherMock(mock.node) || isAssignedOntoMockedModule(mock.node)) {
      return 0;
    }
    const method = lastSegment(mock.api);
    if (OBJECT_DOUBLES.has(method) && (mock.library === 'jasmine' || mock.library === 'sinon' || mock.library === 'testdouble')) {
      return method === 'createSpyObj' ? spyObjectCount(mock.node) : 1;
    }
    // `sinon.stub(obj)` replaces every method of `obj`.
    if (mock.library === 'sinon' && method === 'stub' && mock.node.arguments.length === 1) {
      return 1;
    }
    return mock.hasBehaviour || countSpies ? Math.max(1, mock.count) : 0;
  }

  /** `sinon.replace(o, 'm', sinon.fake.returns(1))`, `vi.stubGlobal('fetch', vi.fn(impl))`, `stub.returns(sinon.stub())`. */
  function isArgumentOfMockCall(node: TSESTree.Node): boolean {
    let child: TSESTree.Node = node;
    for (let parent = node.parent; parent != null && !isStatement(parent); parent = parent.parent) {
      if (parent.type === AST_NODE_TYPES.CallExpression && parent.callee !== child && calls.has(parent)) {
        return true;
      }
      child = parent;
    }
    return false;
  }

  /** `core.warning = jest.fn(…)` where `core` comes from a module the file mocks: configuring that mock, not a new collaborator. */
  function isAssignedOntoMockedModule(node: TSESTree.Node): boolean {
    const top = chainTop(node as TSESTree.CallExpression);
    const parent = top.parent;
    if (parent?.type !== AST_NODE_TYPES.AssignmentExpression || parent.right !== top) {
      return false;
    }
    const target = unwrapExpression(parent.left);
    const root = target.type === AST_NODE_TYPES.MemberExpression ? getChainRoot(target) : null;
    return root?.type === AST_NODE_TYPES.Identifier && moduleBindings.has(root.name);
  }

  /** Doubles made inside `vi.hoisted(() => …)` exist to feed module factories. */
  function isInsideHoisted(node: TSESTree.Node): boolean {
    for (let current = node.parent; current != null; current = current.parent) {
      if (
        current.type === AST_NODE_TYPES.CallExpression &&
        current.callee.type === AST_NODE_TYPES.MemberExpression &&
        getPropertyName(current.callee) === 'hoisted' &&
        current.callee.object.type === AST_NODE_TYPES.Identifier &&
        model.resolveName(current.callee.object)?.kind === 'mockApi'
      ) {
        return true;
      }
    }
    return false;
  }
}

/** A hand-written fake object or class is one replaced collaborator, however many of its methods are stubs. */
function countFakesOnce(model: TestModel, weights: Map<MockRecord, number>): void {
  const containers = new Map<MockRecord, TSESTree.Node>();
  for (const mock of model.mocks) {
    if (mock.kind !== 'function' || (weights.get(mock) ?? 0) === 0) {
      continue;
    }
    const top = chainTop(mock.node);
    const parent = top.parent;
    if (parent?.type === AST_NODE_TYPES.Property && parent.value === top && parent.parent.type === AST_NODE_TYPES.ObjectExpression) {
      containers.set(mock, parent.parent);
    } else if (parent?.type === AST_NODE_TYPES.PropertyDefinition && parent.value === top) {
      containers.set(mock, parent.parent);
    }
  }
  // A nested fake (`{ rest: { issues: { get: vi.fn() } }, graphql: vi.fn() }`) is one object: its
  // inner literals group with the outermost enclosing literal that has stub methods of its own. A
  // literal that only holds other fakes (`{ userService: {…}, cartService: {…} }`, a DI container)
  // is a set of collaborators, so they stay apart.
  const withOwnStubs = new Set(containers.values());
  const groups = new Map<TSESTree.Node, MockRecord[]>();
  for (const [mock, container] of containers) {
    let owner = container;
    for (let current = container; current.parent?.type === AST_NODE_TYPES.Property && current.parent.value === current && current.parent.parent.type === AST_NODE_TYPES.ObjectExpression; ) {
      current = current.parent.parent;
      if (withOwnStubs.has(current)) {
        owner = current;
      }
    }
    const group = groups.get(owner);
    if (group === undefined) {
      groups.set(owner, [mock]);
    } else {
      group.push(mock);
    }
  }
  // A fake object or class is one collaborator, however many of its methods are stubs: on real
  // suites (redis and cluster clients, API services, loggers, storages) counting each method
  // reported tests that replace two or three things.
  for (const mocks of groups.values()) {
    mocks.forEach((mock, index) => weights.set(mock, index === 0 ? 1 : 0));
  }
}

/**
 * Who each mock applies to: the file (null), a suite body, a test or a hook. Mocks made inside
 * a named helper declared at file or suite level belong to every block that calls it directly.
 */
function groupByOwner(model: TestModel, sourceCode: Readonly<TSESLint.SourceCode>): Map<TestBlock | null, Set<MockRecord>> {
  const byOwner = new Map<TestBlock | null, Set<MockRecord>>();
  const add = (owner: TestBlock | null, mock: MockRecord): void => {
    const set = byOwner.get(owner);
    if (set === undefined) {
      byOwner.set(owner, new Set([mock]));
    } else {
      set.add(mock);
    }
  };
  const helperMocks = new Map<FunctionNode, MockRecord[]>();
  for (const mock of model.mocks) {
    if (mock.hoisted) {
      // vitest hoists `vi.mock` to the top of the file; babel-jest only to the top of its own block.
      add(mock.library === 'jest' ? model.blockOf(mock.node) : null, mock);
      continue;
    }
    if (mock.enclosingFunction === null || mock.block?.kind === 'test' || mock.block?.kind === 'hook') {
      add(mock.block, mock);
      continue;
    }
    const helper = helperRoot(model, mock.node);
    if (helper === null) {
      continue;
    }
    const list = helperMocks.get(helper);
    if (list === undefined) {
      helperMocks.set(helper, [mock]);
    } else {
      list.push(mock);
    }
  }
  for (const [helper, mocks] of helperMocks) {
    for (const call of directCalls(helper, sourceCode)) {
      const owner = model.blockOf(call);
      if (owner?.kind === 'suite' && helperRoot(model, call) !== null) {
        continue;
      }
      if (owner === null && helperRoot(model, call) !== null) {
        continue;
      }
      for (const mock of mocks) {
        add(owner, mock);
      }
    }
  }
  return byOwner;
}

/** The outermost function around `node` below the nearest block callback (or the program). */
function helperRoot(model: TestModel, node: TSESTree.Node): FunctionNode | null {
  let outermost: FunctionNode | null = null;
  for (let current = node.parent; current != null; current = current.parent) {
    if (isFunction(current)) {
      if (model.blockOfCallback(current) !== null) {
        break;
      }
      outermost = current;
    }
  }
  return outermost;
}

/** Call sites of a named helper (`function setup() {}`, `const setup = () => {}`). */
function directCalls(helper: FunctionNode, sourceCode: Readonly<TSESLint.SourceCode>): TSESTree.CallExpression[] {
  let declared: TSESTree.Node | null = null;
  if (helper.type === AST_NODE_TYPES.FunctionDeclaration && helper.id !== null) {
    declared = helper;
  } else if (helper.parent.type === AST_NODE_TYPES.VariableDeclarator && helper.parent.init === helper && helper.parent.id.type === AST_NODE_TYPES.Identifier) {
    declared = helper.parent;
  }
  if (declared === null) {
    return [];
  }
  const calls: TSESTree.CallExpression[] = [];
  for (const variable of sourceCode.getDeclaredVariables(declared)) {
    for (const reference of variable.references) {
      const parent = reference.identifier.parent;
      if (parent?.type === AST_NODE_TYPES.CallExpression && parent.callee === reference.identifier) {
        calls.push(parent);
      }
    }
  }
  return calls;
}

/** Functions made once per configured options, not per file (see `perOptions`). */
const checkerFor = perOptions(createChecker);

function createChecker(options: Options[0]): (context: RuleContext) => void {
  const max = options.max ?? 5;
  const maxModuleMocks = options.maxModuleMocks ?? 5;
  const countSpies = options.countSpies ?? false;
  const ignored = compileIgnore(options.ignore ?? []);
  // The file being checked: set when `check` starts, let go when it ends (the checker outlives files).
  let context!: RuleContext;
  let sourceCode!: Readonly<TSESLint.SourceCode>;

  return function check(fileContext: RuleContext): void {
    context = fileContext;
    sourceCode = fileContext.sourceCode;
    try {
      const model = getTestModel(context);
      if (model.mocks.length === 0 || isMockingSubject(context.filename)) {
        return;
      }
      const weights = weighMocks(model, sourceCode, countSpies, ignored);
      if (![...weights.values()].some((weight) => weight > 0)) {
        return;
      }
      const byOwner = groupByOwner(model, sourceCode);

      const fileLevel = sum(byOwner.get(null), weights);
      const fileReported = fileLevel > maxModuleMocks;
      if (fileReported) {
        const ordered = [...(byOwner.get(null) ?? [])].filter((mock) => (weights.get(mock) ?? 0) > 0).sort((a, b) => a.node.range[0] - b.node.range[0]);
        const tipping = ordered.find((_mock, index) => sum(ordered.slice(0, index + 1), weights) > maxModuleMocks);
        context.report({
          node: tipping?.node ?? sourceCode.ast,
          messageId: 'tooManyModuleMocks',
          data: { count: fileLevel, max: maxModuleMocks },
        });
      }

      const setupHooks = new Map<TestBlock | null, TestBlock[]>();
      const hooksOf = (parent: TestBlock | null): TestBlock[] => {
        let hooks = setupHooks.get(parent);
        if (hooks === undefined) {
          hooks = (parent === null ? model.blocks.filter((block) => block.parent === null) : parent.children).filter(
            (block) => block.kind === 'hook' && (block.hook === 'beforeAll' || block.hook === 'beforeEach'),
          );
          setupHooks.set(parent, hooks);
        }
        return hooks;
      };

      const setupReports = new Set<TSESTree.Node>();
      for (const test of model.tests) {
        const seen = new Set<MockRecord>();
        // Replacing the same module or property again (in a hook, then in the test) is one collaborator.
        const seenTargets = new Set<string>();
        const take = (mocks: Iterable<MockRecord> | undefined): number => {
          let total = 0;
          for (const mock of mocks ?? []) {
            if (seen.has(mock)) {
              continue;
            }
            seen.add(mock);
            const target = mock.kind === 'module' ? mock.specifier : mock.kind === 'property' ? mock.target : null;
            const weight = weights.get(mock) ?? 0;
            if (target !== null && weight > 0) {
              if (seenTargets.has(`${mock.kind}:${target}`)) {
                continue;
              }
              seenTargets.add(`${mock.kind}:${target}`);
            }
            total += weight;
          }
          return total;
        };
        const own = take(byOwner.get(test));
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
          for (const hook of hooksOf(ancestor)) {
            const added = take(byOwner.get(hook));
            hooks += added;
            if (added > 0 && nearestSetup === null) {
              nearestSetup = hook.node.callee;
            }
          }
          const added = take(byOwner.get(ancestor));
          outer += added;
          if (added > 0 && nearestSetup === null && ancestor !== null) {
            nearestSetup = ancestor.node.callee;
          }
        }
        const count = own + outer + hooks;
        if (count <= max) {
          continue;
        }
        if (own > 0 || nearestSetup === null) {
          // File-level mocks alone, already named by the file report, are not repeated on every test.
          if (!(own === 0 && fileReported)) {
            context.report({ node: test.node.callee, messageId: 'tooManyMocks', data: { count, max, outer, hooks, own } });
          }
          continue;
        }
        // The test adds nothing: report the shared setup once instead of every test under it.
        if (!(fileReported && hooks === 0 && outer === fileLevel) && !setupReports.has(nearestSetup)) {
          setupReports.add(nearestSetup);
          context.report({ node: nearestSetup, messageId: 'tooManyMocksInSetup', data: { count, max, outer, hooks } });
        }
      }
    } finally {
      context = undefined as never;
      sourceCode = undefined as never;
    }
  };
}
