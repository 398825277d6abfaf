import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/types';
import type { TSESLint } from '@typescript-eslint/utils';

import type { MockRecord, TestModel } from '../../model/index.js';
import { FactoryValues } from './factory-values.js';
import { countFakesOnce } from './fakes.js';
import { isGuardStub } from './guards.js';
import { MockParts } from './mock-parts.js';
import { moduleStandIn } from './module-stand-ins.js';
import { callsThrough, isSilentValue, isSinkModule, nonCollaborator } from './non-collaborators.js';

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
  const factories = new FactoryValues(sourceCode);
  const parts = new MockParts(model, sourceCode, factories);
  const weights = new Map<MockRecord, number>();
  for (const mock of model.mocks) {
    weights.set(mock, replacesNothing(mock, factories) ? 0 : weigh(mock, parts, countSpies, ignored));
  }
  countFakesOnce(model, sourceCode, weights);
  return weights;
}

const silent = (node: TSESTree.Node): boolean => isSilentValue(node, 0);

/**
 * A module mock whose factory, names followed, hands back the real module, data or nothing
 * (`() => Errors`, `() => ({ default: ctx.PlansData })`, `() => ({})`), or a recorder module's
 * stand-in that returns nothing readable (`{ default: ctx.AnalyticsManager }`).
 */
function replacesNothing(mock: MockRecord, factories: FactoryValues): boolean {
  if (mock.kind !== 'module' || mock.factory === null) {
    return false;
  }
  if (factories.valueOf(mock) !== null) {
    return true;
  }
  return mock.specifier !== null && isSinkModule(mock.specifier) && factories.handsBackSilent(mock, silent);
}

function weigh(mock: MockRecord, parts: MockParts, countSpies: boolean, ignored: (name: string) => boolean): number {
  if (mock.withinModuleMock !== null || namesOf(mock).some(ignored) || isEnvironmentShim(mock)) {
    return 0;
  }
  if (onlyCallsThrough(mock) || callsThrough(mock)) {
    return countSpies ? 1 : 0;
  }
  if (nonCollaborator(mock) !== null || moduleStandIn(mock) !== null || parts.replacesPartOfMockedModule(mock) || isGuardStub(mock)) {
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
