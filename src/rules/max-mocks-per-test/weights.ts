import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/types';
import type { TSESLint } from '@typescript-eslint/utils';

import { chainTop, type MockRecord, type TestModel } from '../../model/index.js';
import { MockParts } from './mock-parts.js';
import { callsThrough, nonCollaborator } from './non-collaborators.js';

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

/**
 * How many replaced collaborators each mock stands for: a module mock or a property replacement
 * is one; a stand-alone double counts only with programmed behaviour (a sink spy is not a
 * replacement); doubles that are part of another mock (inside a module factory, `vi.hoisted`, an
 * argument of a replacement or of a configuration) are already counted there.
 */
export function weighMocks(
  model: TestModel,
  sourceCode: Readonly<TSESLint.SourceCode>,
  countSpies: boolean,
  ignored: (name: string) => boolean,
): Map<MockRecord, number> {
  const parts = new MockParts(model, sourceCode);
  const weights = new Map<MockRecord, number>();
  for (const mock of model.mocks) {
    weights.set(mock, weigh(mock, parts, countSpies, ignored));
  }
  countFakesOnce(model, weights);
  return weights;
}

function weigh(mock: MockRecord, parts: MockParts, countSpies: boolean, ignored: (name: string) => boolean): number {
  if (mock.withinModuleMock !== null || namesOf(mock).some(ignored) || isEnvironmentShim(mock)) {
    return 0;
  }
  if (onlyCallsThrough(mock) || callsThrough(mock)) {
    return countSpies ? 1 : 0;
  }
  if (nonCollaborator(mock) !== null || parts.replacesPartOfMockedModule(mock)) {
    return 0;
  }
  if (mock.kind === 'module') {
    return 1;
  }
  if (mock.kind === 'property') {
    return Math.max(1, mock.count);
  }
  if (parts.isPartOfAnotherMock(mock)) {
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
