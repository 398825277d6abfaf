import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/types';

import { getPropertyName, getStaticString, isFunction, referenceKey, unwrapExpression, type FunctionNode } from '../ast/nodes.js';
import type { Library } from './framework-names.js';
import type { TestBlock } from './test-blocks.js';

export type MockKind =
  /** Replaces a whole module: `vi.mock('./api')`, `mock.module()`, `td.replace('./api')`. */
  | 'module'
  /** Replaces a property of an existing object: `spyOn`, `sinon.stub(obj, 'm')`, `stubGlobal`, `mock.method`. */
  | 'property'
  /** A stand-alone double: `vi.fn()`, `sinon.stub()`, `mock.fn()`, `td.func()`, `jasmine.createSpy()`. */
  | 'function';

export interface MockRecord {
  readonly kind: MockKind;
  readonly library: Library;
  /** API spelling, e.g. `vi.mock`, `sinon.stub`, `mock.method`, `spyOn`. */
  readonly api: string;
  readonly node: TSESTree.CallExpression;
  /** Module mocks: the specifier as written. */
  readonly specifier: string | null;
  /** Module mocks: the factory, when one is given. */
  readonly factory: FunctionNode | null;
  /** Property replacements: what is replaced (`obj.method`); null when not a static path. */
  readonly target: string | null;
  /** How the mock is referred to afterwards: bound variable, replaced property, imported bindings of a mocked module. */
  readonly keys: string[];
  /** `vi.mock`/`jest.mock` are hoisted: they apply to the whole file wherever written. */
  readonly hoisted: boolean;
  /** How many doubles the call makes (`jasmine.createSpyObj('x', ['a', 'b'])` makes 2). */
  readonly count: number;
  /** Configuration calls linked to this mock, in source order. */
  readonly configs: MockConfig[];
  /** Made with an implementation (`vi.fn(impl)`, `mock.method(o, 'm', impl)`) or configured with one. */
  hasBehaviour: boolean;
  /** Module mocks that this double is part of (a stub inside a `vi.mock` factory). */
  readonly withinModuleMock: MockRecord | null;
  /** Filled in by the model: the enclosing block (null at file level). */
  block: TestBlock | null;
  /** Filled in by the model: the nearest function around the call that is not a block callback. */
  enclosingFunction: FunctionNode | null;
}

export interface MockConfig {
  readonly node: TSESTree.CallExpression;
  /** `mockResolvedValue`, `resolves`, `returnValue` (jasmine `.and.returnValue`), `thenResolve` (td) … */
  readonly method: string;
  readonly args: readonly TSESTree.CallExpressionArgument[];
  /** The reference configured, e.g. `fetchUser` for `vi.mocked(fetchUser).mockResolvedValue()`. */
  readonly key: string | null;
  /** The mock this configures, once linked (directly chained or through its key). */
  mock: MockRecord | null;
  block: TestBlock | null;
  enclosingFunction: FunctionNode | null;
}

/** Configuration methods of jest/vitest/bun mock functions (also node:test `fn.mock.mockImplementation`). */
export const JEST_CONFIG_METHODS: ReadonlySet<string> = new Set([
  'mockReturnValue', 'mockReturnValueOnce', 'mockResolvedValue', 'mockResolvedValueOnce', 'mockRejectedValue',
  'mockRejectedValueOnce', 'mockImplementation', 'mockImplementationOnce', 'mockReturnThis', 'withImplementation',
]);

/** Sinon stub behaviours. Only read on something known to be a sinon double. */
export const SINON_CONFIG_METHODS: ReadonlySet<string> = new Set([
  'returns', 'returnsArg', 'returnsThis', 'resolves', 'resolvesArg', 'resolvesThis', 'rejects', 'throws', 'throwsArg',
  'callsFake', 'callsArg', 'callsArgWith', 'callsArgOn', 'callsArgOnWith', 'yields', 'yieldsTo', 'yieldsOn', 'callsThrough',
  'callThrough', 'value', 'get', 'set',
]);
/** Sinon calls that narrow a stub before configuring it: `stub.withArgs(1).returns(2)`. */
const SINON_NARROWING: ReadonlySet<string> = new Set(['withArgs', 'onCall', 'onFirstCall', 'onSecondCall', 'onThirdCall']);
/** Jasmine spy strategies: `spy.and.returnValue(x)`. */
export const JASMINE_CONFIG_METHODS: ReadonlySet<string> = new Set([
  'returnValue', 'returnValues', 'callFake', 'resolveTo', 'rejectWith', 'throwError', 'callThrough', 'stub',
]);
/** testdouble stubbings: `td.when(fn(1)).thenResolve(2)`. */
export const TD_CONFIG_METHODS: ReadonlySet<string> = new Set(['thenReturn', 'thenResolve', 'thenReject', 'thenThrow', 'thenDo', 'thenCallback']);
/** Every configuration method above, so the model tests each member call with one lookup. */
export const CONFIG_METHODS: ReadonlySet<string> = new Set([...JEST_CONFIG_METHODS, ...SINON_CONFIG_METHODS, ...JASMINE_CONFIG_METHODS, ...TD_CONFIG_METHODS]);

/** Behaviour-free configurations (they do not make a sink spy a stub). */
const NO_BEHAVIOUR: ReadonlySet<string> = new Set(['callThrough', 'callsThrough', 'stub', 'mockName']);

export const configGivesBehaviour = (method: string): boolean => !NO_BEHAVIOUR.has(method);

interface CreationSpec {
  readonly kind: MockKind;
  readonly hoisted?: boolean;
  /** Index of an implementation argument that gives the double behaviour. */
  readonly implementation?: number;
}

const JEST_LIKE: ReadonlyMap<string, CreationSpec> = new Map<string, CreationSpec>([
  ['mock', { kind: 'module', hoisted: true }],
  ['doMock', { kind: 'module' }],
  ['unstable_mockModule', { kind: 'module' }],
  ['setMock', { kind: 'module' }],
  ['fn', { kind: 'function', implementation: 0 }],
  ['spyOn', { kind: 'property', implementation: 2 }],
  ['stubGlobal', { kind: 'property' }],
  ['stubEnv', { kind: 'property' }],
  ['replaceProperty', { kind: 'property' }],
]);

const SINON: ReadonlyMap<string, CreationSpec> = new Map<string, CreationSpec>([
  ['stub', { kind: 'function' }],
  ['spy', { kind: 'function' }],
  ['mock', { kind: 'property' }],
  ['fake', { kind: 'function', implementation: 0 }],
  ['replace', { kind: 'property' }],
  ['replaceGetter', { kind: 'property' }],
  ['replaceSetter', { kind: 'property' }],
  ['define', { kind: 'property' }],
  ['createStubInstance', { kind: 'function' }],
]);

const NODE_TEST: ReadonlyMap<string, CreationSpec> = new Map<string, CreationSpec>([
  ['fn', { kind: 'function', implementation: 0 }],
  ['method', { kind: 'property', implementation: 2 }],
  ['getter', { kind: 'property' }],
  ['setter', { kind: 'property' }],
  ['property', { kind: 'property' }],
  ['module', { kind: 'module' }],
]);

const JASMINE: ReadonlyMap<string, CreationSpec> = new Map<string, CreationSpec>([
  ['createSpy', { kind: 'function', implementation: 1 }],
  ['createSpyObj', { kind: 'function' }],
  ['spyOn', { kind: 'property' }],
  ['spyOnProperty', { kind: 'property' }],
  ['spyOnAllFunctions', { kind: 'property' }],
]);

const TESTDOUBLE: ReadonlyMap<string, CreationSpec> = new Map<string, CreationSpec>([
  ['replace', { kind: 'property' }],
  ['replaceEsm', { kind: 'module' }],
  ['func', { kind: 'function' }],
  ['function', { kind: 'function' }],
  ['object', { kind: 'function' }],
  ['constructor', { kind: 'function' }],
  ['instance', { kind: 'function' }],
]);

/** Creation spec for an API method, by the library and namespace it is reached through. */
export function creationSpec(library: Library, namespace: string, method: string): CreationSpec | null {
  switch (library) {
    case 'sinon':
      return SINON.get(method) ?? null;
    case 'node:test':
      return NODE_TEST.get(method) ?? null;
    case 'jasmine':
      return namespace === 'jasmine' ? (JASMINE.get(method) ?? null) : null;
    case 'testdouble':
      return TESTDOUBLE.get(method) ?? null;
    case 'bun':
      if (namespace === 'mock') {
        return method === 'module' ? { kind: 'module' } : null;
      }
      return JEST_LIKE.get(method) ?? null;
    default:
      return JEST_LIKE.get(method) ?? null;
  }
}

/** Creation spec for a function that is itself a mock maker: jasmine/bun `spyOn`, bun `mock(fn)`, sinon's named exports. */
export function functionCreationSpec(library: Library, name: string): CreationSpec | null {
  if (name === 'spyOn' || name === 'spyOnProperty') {
    return { kind: 'property', implementation: 2 };
  }
  if (library === 'bun' && name === 'mock') {
    return { kind: 'function', implementation: 0 };
  }
  if (library === 'sinon') {
    return SINON.get(name) ?? null;
  }
  return null;
}

/** Walks from a creation call up through chained configuration calls to the outermost one. */
export function chainTop(call: TSESTree.CallExpression): TSESTree.Expression {
  let top: TSESTree.Expression = call;
  for (;;) {
    const parent: TSESTree.Node | undefined = top.parent;
    if (parent?.type === AST_NODE_TYPES.MemberExpression && parent.object === top) {
      const grand: TSESTree.Node = parent.parent;
      if (grand.type === AST_NODE_TYPES.CallExpression && grand.callee === parent) {
        top = grand;
        continue;
      }
      // jasmine `.and.returnValue(...)`
      if (getPropertyName(parent) === 'and') {
        top = parent;
        continue;
      }
      return top;
    }
    if (parent?.type === AST_NODE_TYPES.TSAsExpression || parent?.type === AST_NODE_TYPES.TSNonNullExpression || parent?.type === AST_NODE_TYPES.AwaitExpression) {
      top = parent;
      continue;
    }
    return top;
  }
}

/** How many object literals up a value's keys are read (`{ a: { b: { c: vi.fn() } } }` has three). */
const MAX_KEY_NESTING = 16;

/** The key a value is stored under directly: `const x =`, `this.x =`, a class field. */
function storedKey(expression: TSESTree.Node, parent: TSESTree.Node): string | null {
  if (parent.type === AST_NODE_TYPES.VariableDeclarator && parent.init === expression) {
    return parent.id.type === AST_NODE_TYPES.Identifier ? parent.id.name : null;
  }
  if (parent.type === AST_NODE_TYPES.AssignmentExpression && parent.right === expression) {
    return referenceKey(parent.left);
  }
  if (parent.type === AST_NODE_TYPES.PropertyDefinition && parent.value === expression && !parent.computed && parent.key.type === AST_NODE_TYPES.Identifier) {
    return `this.${parent.key.name}`;
  }
  return null;
}

/**
 * Keys under which the value of `expression` is stored: `const x =`, `this.x =`, `{ get: … }` of
 * `const api =` (`api.get` and `get`). Read upwards through at most `MAX_KEY_NESTING` object
 * literals, iteratively.
 */
export function bindingKeys(expression: TSESTree.Expression): string[] {
  // Property names from the value up through the object literals around it, innermost first.
  const names: string[] = [];
  let value: TSESTree.Node = expression;
  let parent = expression.parent;
  // Above a computed key (or past the cap) only the names below it count, with no binding.
  let bound = true;
  while (parent?.type === AST_NODE_TYPES.Property && parent.value === value && parent.parent.type === AST_NODE_TYPES.ObjectExpression) {
    const name = parent.computed ? getStaticString(parent.key) : parent.key.type === AST_NODE_TYPES.Identifier ? parent.key.name : getStaticString(parent.key);
    if (name === null || names.length === MAX_KEY_NESTING) {
      bound = false;
      break;
    }
    names.push(name);
    value = parent.parent;
    parent = value.parent;
  }
  const top = bound && parent !== undefined ? storedKey(value, parent) : null;
  // `{ a: { b: x } }` of `const api =` gives `api.a.b`, `a.b`, `b`: the longest first.
  const suffixes: string[] = [];
  let suffix = '';
  for (const name of names) {
    suffix = suffix === '' ? name : `${name}.${suffix}`;
    suffixes.push(suffix);
  }
  const keys: string[] = top === null ? [] : [suffix === '' ? top : `${top}.${suffix}`];
  for (let index = suffixes.length - 1; index >= 0; index -= 1) {
    keys.push(suffixes[index] ?? '');
  }
  return keys;
}

/** `obj.m` for `spyOn(obj, 'm')`, `globalThis.fetch` for `vi.stubGlobal('fetch', …)`, `process.env.X` for `stubEnv`. */
export function replacementTarget(method: string, args: readonly TSESTree.CallExpressionArgument[]): string[] {
  const [first, second] = args;
  if (first === undefined) {
    return [];
  }
  if (method === 'stubGlobal') {
    const name = getStaticString(first);
    return name === null ? [] : [name, `globalThis.${name}`, `window.${name}`, `global.${name}`];
  }
  if (method === 'stubEnv') {
    const name = getStaticString(first);
    return name === null ? [] : [`process.env.${name}`];
  }
  const object = referenceKey(first);
  const property = getStaticString(second);
  if (object === null) {
    return [];
  }
  return property === null ? [object] : [`${object}.${property}`];
}

/** The base reference a configuration applies to, past `vi.mocked(x)`, `.and`, `.withArgs(…)`, `fn.mock`. */
export function configuredReference(object: TSESTree.Node): TSESTree.Node {
  let current = unwrapExpression(object);
  for (;;) {
    if (current.type === AST_NODE_TYPES.MemberExpression) {
      const name = getPropertyName(current);
      if (name === 'and' || name === 'mock') {
        current = unwrapExpression(current.object);
        continue;
      }
      return current;
    }
    if (current.type === AST_NODE_TYPES.CallExpression) {
      const callee = unwrapExpression(current.callee);
      if (callee.type === AST_NODE_TYPES.MemberExpression) {
        const name = getPropertyName(callee);
        if (name === 'mocked' && current.arguments[0] !== undefined) {
          current = unwrapExpression(current.arguments[0]);
          continue;
        }
        if (name !== null && (SINON_NARROWING.has(name) || JEST_CONFIG_METHODS.has(name) || SINON_CONFIG_METHODS.has(name))) {
          current = unwrapExpression(callee.object);
          continue;
        }
      }
      return current;
    }
    return current;
  }
}

export const isImplementation = (node: TSESTree.Node | undefined): boolean =>
  node !== undefined && (isFunction(node) || node.type === AST_NODE_TYPES.Identifier || node.type === AST_NODE_TYPES.MemberExpression);
