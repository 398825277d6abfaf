import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/types';

import { isFunction, referenceKey, unwrapExpression } from '../../ast/nodes.js';
import type { Assertion, MockRecord, TestModel } from '../../model/index.js';

/**
 * Values a test programmed into its doubles and then finds again in its assertions: the subject
 * only carried them from one double to another (`createError.mockReturnValue(error)` …
 * `expect(handleFailure).toHaveBeenCalledWith(error)`), or handed one back
 * (`find.mockResolvedValue(user)` … `expect(result).toBe(user)`). Such a check restates the
 * wiring the test set up; it passes whatever the subject computes.
 */

/** Configurations that program what a double returns. */
const RETURN_CONFIGS: ReadonlySet<string> = new Set([
  'mockReturnValue', 'mockReturnValueOnce', 'mockResolvedValue', 'mockResolvedValueOnce', 'returns', 'resolves', 'returnValue',
  'returnValues', 'resolveTo', 'thenReturn', 'thenResolve',
]);
/** Configurations that give a double an implementation, whose returned value is programmed. */
const IMPLEMENTATION_CONFIGS: ReadonlySet<string> = new Set([
  'mockImplementation', 'mockImplementationOnce', 'callsFake', 'callFake', 'withImplementation',
]);
/** Wrappers a programmed value is handed back through: `Promise.resolve(x)`, `of(x)`. */
const VALUE_WRAPPERS: ReadonlySet<string> = new Set(['resolve', 'of']);
/** Names that carry no value of the test's own. */
const NO_VALUE: ReadonlySet<string> = new Set(['undefined', 'NaN', 'Infinity', 'this']);
const MAX_DEPTH = 8;

/** Adds the names a programmed value is built from: `{ Auth: { Cognito: config } }` → `config`. */
function collectValues(node: TSESTree.Node, into: Set<string>, depth: number): void {
  if (depth > MAX_DEPTH) {
    return;
  }
  const value = unwrapExpression(node);
  switch (value.type) {
    case AST_NODE_TYPES.Identifier:
    case AST_NODE_TYPES.MemberExpression: {
      const key = referenceKey(value);
      if (key !== null && !NO_VALUE.has(key)) {
        into.add(key);
      }
      return;
    }
    case AST_NODE_TYPES.ObjectExpression:
      for (const property of value.properties) {
        collectValues(property.type === AST_NODE_TYPES.Property ? property.value : property.argument, into, depth + 1);
      }
      return;
    case AST_NODE_TYPES.ArrayExpression:
      for (const element of value.elements) {
        if (element !== null) {
          collectValues(element.type === AST_NODE_TYPES.SpreadElement ? element.argument : element, into, depth + 1);
        }
      }
      return;
    case AST_NODE_TYPES.AwaitExpression:
      collectValues(value.argument, into, depth + 1);
      return;
    case AST_NODE_TYPES.ConditionalExpression:
      collectValues(value.consequent, into, depth + 1);
      collectValues(value.alternate, into, depth + 1);
      return;
    case AST_NODE_TYPES.CallExpression: {
      const callee = unwrapExpression(value.callee);
      const name = callee.type === AST_NODE_TYPES.MemberExpression ? referenceKey(callee.property) : referenceKey(callee);
      const argument = value.arguments[0];
      if (name !== null && VALUE_WRAPPERS.has(name) && argument !== undefined) {
        collectValues(argument, into, depth + 1);
      } else if (name === 'toString' && callee.type === AST_NODE_TYPES.MemberExpression && value.arguments.length === 0) {
        // `{ entryId: cacheId.toString() }`: the same value, spelled as text.
        collectValues(callee.object, into, depth + 1);
      }
      return;
    }
    default:
      if (isFunction(value)) {
        collectReturned(value, into, depth + 1);
      }
  }
}

/** The values an implementation returns: its expression body, or its top-level `return` statements. */
function collectReturned(fn: TSESTree.Node, into: Set<string>, depth: number): void {
  if (!isFunction(fn)) {
    return;
  }
  if (fn.body.type !== AST_NODE_TYPES.BlockStatement) {
    collectValues(fn.body, into, depth);
    return;
  }
  for (const statement of fn.body.body) {
    if (statement.type === AST_NODE_TYPES.ReturnStatement && statement.argument !== null) {
      collectValues(statement.argument, into, depth);
    }
  }
}

/** An implementation passed when the double is made: `vi.fn(() => user)`, `t.mock.method(o, 'm', () => user)`. */
function madeWithImplementation(mock: MockRecord): TSESTree.Node | null {
  for (const argument of mock.node.arguments) {
    if (isFunction(argument)) {
      return argument;
    }
  }
  return null;
}

/**
 * What the file's doubles were programmed to return, as names (`user`, `config.region`). Literals
 * are left out: the same literal in an assertion is as often a value the subject computed again.
 */
export function programmedValues(model: TestModel): Set<string> {
  const values = new Set<string>();
  for (const config of model.mockConfigs) {
    const value = config.args[0];
    if (value === undefined || value.type === AST_NODE_TYPES.SpreadElement) {
      continue;
    }
    if (RETURN_CONFIGS.has(config.method)) {
      collectValues(value, values, 0);
    } else if (IMPLEMENTATION_CONFIGS.has(config.method)) {
      collectReturned(unwrapExpression(value), values, 0);
    }
  }
  for (const mock of model.mocks) {
    if (mock.kind !== 'module') {
      const implementation = madeWithImplementation(mock);
      if (implementation !== null) {
        collectReturned(implementation, values, 0);
      }
    }
  }
  return values;
}

/** Asymmetric matchers that wrap an expected value: `expect.objectContaining(…)`, `sinon.match(…)`, `jasmine.objectContaining(…)`. */
const MATCHER_HELPERS: ReadonlySet<string> = new Set(['objectContaining', 'arrayContaining', 'match', 'has', 'deepEqual', 'containing']);

function isMatcherHelper(call: TSESTree.CallExpression): boolean {
  const callee = unwrapExpression(call.callee);
  const name = callee.type === AST_NODE_TYPES.MemberExpression ? referenceKey(callee.property) : referenceKey(callee);
  return name !== null && MATCHER_HELPERS.has(name);
}

/** Does `node` (an expected value, searched through literals and matcher helpers) name a programmed value? */
function namesProgrammed(node: TSESTree.Node, programmed: ReadonlySet<string>, depth: number): boolean {
  if (depth > MAX_DEPTH) {
    return false;
  }
  const value = unwrapExpression(node);
  switch (value.type) {
    case AST_NODE_TYPES.Identifier:
    case AST_NODE_TYPES.MemberExpression: {
      const key = referenceKey(value);
      if (key === null) {
        return false;
      }
      // `config.region` echoes `config` when `config` itself was programmed.
      for (let end = key.length; end > 0; end = key.lastIndexOf('.', end - 1)) {
        if (programmed.has(key.slice(0, end))) {
          return true;
        }
      }
      return false;
    }
    case AST_NODE_TYPES.ObjectExpression:
      return value.properties.some((property) =>
        namesProgrammed(property.type === AST_NODE_TYPES.Property ? property.value : property.argument, programmed, depth + 1),
      );
    case AST_NODE_TYPES.ArrayExpression:
      return value.elements.some(
        (element) => element !== null && namesProgrammed(element.type === AST_NODE_TYPES.SpreadElement ? element.argument : element, programmed, depth + 1),
      );
    case AST_NODE_TYPES.CallExpression:
      // `expect.objectContaining({ user })`, `sinon.match({ user })`; not a value the test computes (`getVersion(paths, method)`).
      return isMatcherHelper(value) && value.arguments.some((argument) => argument.type !== AST_NODE_TYPES.SpreadElement && namesProgrammed(argument, programmed, depth + 1));
    default:
      return false;
  }
}

/** Does `assertion` find again, in what it expects, a value a double was programmed to return? */
export function echoesProgrammed(assertion: Assertion, programmed: ReadonlySet<string>): boolean {
  if (programmed.size === 0 || assertion.negated) {
    return false;
  }
  return assertion.expected.some((expected) => expected.type !== AST_NODE_TYPES.SpreadElement && namesProgrammed(expected, programmed, 0));
}
