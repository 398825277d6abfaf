import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/types';

import { isFunction, referenceKey, unwrapExpression } from '../../ast/nodes.js';
import type { MockRecord, TestBlock, TestModel } from '../../model/index.js';

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
    case AST_NODE_TYPES.Literal:
      // `returns('hi')`: found again in a call check it is neither an echo nor the subject's own value.
      if (value.value !== null) {
        into.add(literalKey(value.value));
      }
      return;
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
 * What the file's doubles were programmed to return, as names (`user`, `config.region`), by the block
 * that programs them (null: file level or a helper). Literals are kept as `literalKey`s, which no name
 * matches: the same literal in an assertion is as often a value the subject computed again, so it is
 * neither an echo nor the subject's own value.
 */
function programmedByBlock(model: TestModel): Map<TestBlock | null, Set<string>> {
  const byBlock = new Map<TestBlock | null, Set<string>>();
  const into = (block: TestBlock | null): Set<string> => {
    let values = byBlock.get(block);
    if (values === undefined) {
      values = new Set();
      byBlock.set(block, values);
    }
    return values;
  };
  for (const config of model.mockConfigs) {
    const value = config.args[0];
    if (value === undefined || value.type === AST_NODE_TYPES.SpreadElement) {
      continue;
    }
    if (RETURN_CONFIGS.has(config.method)) {
      collectValues(value, into(config.block), 0);
    } else if (IMPLEMENTATION_CONFIGS.has(config.method)) {
      collectReturned(unwrapExpression(value), into(config.block), 0);
    }
  }
  for (const mock of model.mocks) {
    if (mock.kind !== 'module') {
      const implementation = madeWithImplementation(mock);
      if (implementation !== null) {
        collectReturned(implementation, into(mock.block), 0);
      }
    }
  }
  return byBlock;
}

/**
 * The values programmed where `test` runs: at file level, in its suites and their hooks, and in the
 * test itself; not in a sibling test (a `chainId` programmed there is another binding). With `test`
 * null (an assertion in a helper), every value of the file.
 */
function programmedFor(byBlock: ReadonlyMap<TestBlock | null, ReadonlySet<string>>, test: TestBlock | null): Set<string> {
  const values = new Set<string>();
  for (const [block, programmed] of byBlock) {
    if (test === null || block === null || inScope(block, test)) {
      for (const value of programmed) {
        values.add(value);
      }
    }
  }
  return values;
}

/** The values programmed where each test runs (`programmedFor`), worked out once per test. */
export function programmedLookup(model: TestModel): (test: TestBlock | null) => ReadonlySet<string> {
  const byBlock = programmedByBlock(model);
  const byTest = new Map<TestBlock | null, Set<string>>();
  return (test) => {
    let values = byTest.get(test);
    if (values === undefined) {
      values = programmedFor(byBlock, test);
      byTest.set(test, values);
    }
    return values;
  };
}

/** Does what `block` programs apply to `test`: it is the test, a suite around it, or a hook of one of those? */
function inScope(block: TestBlock, test: TestBlock): boolean {
  const owner = block.kind === 'hook' ? block.parent : block;
  if (owner === null) {
    return true;
  }
  for (let current: TestBlock | null = test; current !== null; current = current.parent) {
    if (current === owner) {
      return true;
    }
  }
  return false;
}

/** Asymmetric matchers that wrap an expected value: `expect.objectContaining(…)`, `sinon.match(…)`, `jasmine.objectContaining(…)`. */
const MATCHER_HELPERS: ReadonlySet<string> = new Set(['objectContaining', 'arrayContaining', 'match', 'has', 'deepEqual', 'containing']);

/**
 * What an expected value holds, leaf by leaf: `echo`, only values doubles were programmed to return
 * (with placeholders such as `expect.anything()` beside them); `content`, something else the test
 * states — a literal, a value it computes, a field the subject must have filled in; `neutral`,
 * neither (a test input handed on, a placeholder).
 */
export type ExpectedKind = 'echo' | 'content' | 'neutral';

/** `expect.anything()`, `expect.any(String)`, `sinon.match.any`, `jasmine.any(Object)`: accepts whatever the subject passed. */
const PLACEHOLDERS: ReadonlySet<string> = new Set(['anything', 'any', 'defined', 'func', 'object', 'string', 'number', 'bool']);

function combine(kinds: Iterable<ExpectedKind>): ExpectedKind {
  let result: ExpectedKind = 'neutral';
  for (const kind of kinds) {
    if (kind === 'content') {
      return 'content';
    }
    if (kind === 'echo') {
      result = 'echo';
    }
  }
  return result;
}

function isProgrammed(key: string, programmed: ReadonlySet<string>): boolean {
  // `config.region` echoes `config` when `config` itself was programmed.
  for (let end = key.length; end > 0; end = key.lastIndexOf('.', end - 1)) {
    if (programmed.has(key.slice(0, end))) {
      return true;
    }
  }
  return false;
}

/** What the test itself wrote down besides the assertion: the programmed values, and the literals it passes in. */
export interface Known {
  readonly programmed: ReadonlySet<string>;
  /**
   * Literals (`literalKey`) and names (`nameKey`) written in the test outside what its assertions
   * expect: inputs it handed on, not values the subject built.
   */
  readonly inputs: ReadonlySet<string>;
}

/** How a name is compared with the test's inputs: `name:user`. */
export function nameKey(name: string): string {
  return `name:${name}`;
}

/** How a literal value is compared with the test's inputs: `string:p1`, `number:3`. */
export function literalKey(value: unknown): string {
  return `${typeof value}:${String(value)}`;
}

function callKind(call: TSESTree.CallExpression, known: Known, depth: number): ExpectedKind {
  const callee = unwrapExpression(call.callee);
  const name = callee.type === AST_NODE_TYPES.MemberExpression ? referenceKey(callee.property) : referenceKey(callee);
  if (name !== null && PLACEHOLDERS.has(name)) {
    return 'neutral';
  }
  if (callee.type === AST_NODE_TYPES.MemberExpression && (referenceKey(callee) ?? '').split('.').includes('not')) {
    // `expect.not.objectContaining({ sessionId })`: what the subject must leave out is a decision it took.
    return 'content';
  }
  if (name !== null && MATCHER_HELPERS.has(name)) {
    // `expect.objectContaining({ user })`, `sinon.match({ user })`.
    return combine(call.arguments.map((argument) => (argument.type === AST_NODE_TYPES.SpreadElement ? 'content' : kindOf(argument, known, depth + 1))));
  }
  // A value the test computes (`getVersion(paths, method)`, `path.join(dir, 'a')`).
  return 'content';
}

/** What `node`, an expected value searched through literals and matcher helpers, holds. */
function kindOf(node: TSESTree.Node, known: Known, depth: number): ExpectedKind {
  if (depth > MAX_DEPTH) {
    return 'content';
  }
  const value = unwrapExpression(node);
  switch (value.type) {
    case AST_NODE_TYPES.Identifier:
    case AST_NODE_TYPES.MemberExpression: {
      const key = referenceKey(value);
      if (key === null) {
        return 'content';
      }
      if (isProgrammed(key, known.programmed)) {
        return 'echo';
      }
      // `user.email` with `user` handed to the subject in the test: an input. A name the test never
      // uses otherwise (`Platform.IOS`, `EXPECTED_PAYLOAD`) states what the subject must produce.
      return NO_VALUE.has(key) || known.inputs.has(nameKey(key.split('.')[0] ?? key)) ? 'neutral' : 'content';
    }
    case AST_NODE_TYPES.Literal:
      // `'u1'` passed to the subject, or `'hi'` a double returns, found again in a call is handed on.
      return value.value === null || known.inputs.has(literalKey(value.value)) || known.programmed.has(literalKey(value.value)) ? 'neutral' : 'content';
    case AST_NODE_TYPES.ObjectExpression:
      return combine(value.properties.map((property) => kindOf(property.type === AST_NODE_TYPES.Property ? property.value : property.argument, known, depth + 1)));
    case AST_NODE_TYPES.ArrayExpression:
      return combine(
        value.elements.map((element) => (element === null ? 'neutral' : kindOf(element.type === AST_NODE_TYPES.SpreadElement ? element.argument : element, known, depth + 1))),
      );
    case AST_NODE_TYPES.CallExpression:
      return callKind(value, known, depth);
    default:
      return isFunction(value) ? 'neutral' : 'content';
  }
}

/** What the expected values `nodes` hold together: content anywhere wins, then an echo. */
export function expectedKind(nodes: readonly TSESTree.CallExpressionArgument[], known: Known): ExpectedKind {
  return combine(nodes.map((node) => (node.type === AST_NODE_TYPES.SpreadElement ? 'content' : kindOf(node, known, 0))));
}
