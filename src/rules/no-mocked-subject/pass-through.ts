import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/types';
import type { TSESLint } from '@typescript-eslint/utils';

import { getKeyName, getLastName, getPropertyName, type FunctionNode } from '../../ast/nodes.js';
import type { TestBlock, TestModel } from '../../model/index.js';
import { importedName, isActualModule, returnedObject, unwrap } from './partial-mock.js';
import { reachOf } from './subject-bindings.js';

/**
 * Pass-through wrappers in a partial self-mock (`helper: vi.fn().mockImplementation(actual.helper)`,
 * `jest.fn(actual.helper)`): the export still runs the real code and only records its calls, so the mock
 * replaces nothing until a test gives the wrapper another behaviour (`mocked(helper).mockResolvedValue(…)`).
 */

/** Methods that give a mock function another behaviour. */
const PROGRAMS: ReadonlySet<string> = new Set([
  'mockImplementation',
  'mockImplementationOnce',
  'mockReturnValue',
  'mockReturnValueOnce',
  'mockResolvedValue',
  'mockResolvedValueOnce',
  'mockRejectedValue',
  'mockRejectedValueOnce',
  'mockReturnThis',
]);

/** `actual` declared in the factory as `const actual = await importOriginal()` (or `requireActual`). */
function actualNames(factory: FunctionNode): Set<string> {
  const names = new Set<string>();
  if (factory.body.type !== AST_NODE_TYPES.BlockStatement) {
    return names;
  }
  for (const statement of factory.body.body) {
    if (statement.type !== AST_NODE_TYPES.VariableDeclaration) {
      continue;
    }
    for (const declarator of statement.declarations) {
      if (declarator.id.type === AST_NODE_TYPES.Identifier && declarator.init !== null && isActualModule(declarator.init)) {
        names.add(declarator.id.name);
      }
    }
  }
  return names;
}

/** `actual.name` or `jest.requireActual('./x').name`: the real export of that name. */
function isActualExport(node: TSESTree.Node, name: string, actual: ReadonlySet<string>): boolean {
  const current = unwrap(node);
  if (current.type !== AST_NODE_TYPES.MemberExpression) {
    return false;
  }
  if (getPropertyName(current) !== name) {
    return false;
  }
  const object = unwrap(current.object);
  return (object.type === AST_NODE_TYPES.Identifier && actual.has(object.name)) || isActualModule(object);
}

/** `(...args) => actual.name(...args)`: a function that only forwards to the real export. */
function forwardsTo(node: TSESTree.Node, name: string, actual: ReadonlySet<string>): boolean {
  if (node.type !== AST_NODE_TYPES.ArrowFunctionExpression || node.body.type !== AST_NODE_TYPES.CallExpression) {
    return false;
  }
  return isActualExport(node.body.callee, name, actual);
}

const isMockFn = (node: TSESTree.Node): node is TSESTree.CallExpression => node.type === AST_NODE_TYPES.CallExpression && getLastName(node.callee) === 'fn';

/** `actual.name`, `vi.fn(actual.name)`, `jest.fn().mockImplementation(actual.name)`, `vi.fn((...a) => actual.name(...a))`. */
function wrapsActual(value: TSESTree.Node, name: string, actual: ReadonlySet<string>): boolean {
  const current = unwrap(value);
  if (isActualExport(current, name, actual)) {
    return true;
  }
  if (current.type !== AST_NODE_TYPES.CallExpression || current.arguments.length !== 1) {
    return false;
  }
  const argument = current.arguments[0];
  if (argument === undefined || argument.type === AST_NODE_TYPES.SpreadElement || !(isActualExport(argument, name, actual) || forwardsTo(argument, name, actual))) {
    return false;
  }
  const callee = current.callee;
  if (getLastName(callee) === 'fn') {
    return true;
  }
  // `vi.fn().mockImplementation(actual.name)`
  return callee.type === AST_NODE_TYPES.MemberExpression && getLastName(callee) === 'mockImplementation' && isMockFn(callee.object) && callee.object.arguments.length === 0;
}

/** The keys of a partial self-mock whose value passes calls through to the real export of the same name. */
export function passThroughExports(factory: FunctionNode): Set<string> {
  const names = new Set<string>();
  const object = returnedObject(factory);
  if (object === null) {
    return names;
  }
  const actual = actualNames(factory);
  for (const property of object.properties) {
    if (property.type !== AST_NODE_TYPES.Property || property.kind !== 'init') {
      continue;
    }
    const name = getKeyName(property);
    if (name !== null && wrapsActual(property.value, name, actual)) {
      names.add(name);
    }
  }
  return names;
}

/** Expressions that stand for the wrapper of `name`: `helper`, `api.helper`, `vi.mocked(helper)`, an alias `const mockedHelper = vi.mocked(helper)`. */
function wrapperExpressions(sourceCode: Readonly<TSESLint.SourceCode>, bindings: readonly TSESLint.Scope.Variable[], names: ReadonlySet<string>, outside: (node: TSESTree.Node) => boolean): Map<string, TSESTree.Node[]> {
  const found = new Map<string, TSESTree.Node[]>();
  const add = (name: string, node: TSESTree.Node): void => {
    const list = found.get(name) ?? [];
    list.push(node);
    found.set(name, list);
    const parent = node.parent;
    if (parent?.type === AST_NODE_TYPES.CallExpression && parent.arguments[0] === node && getLastName(parent.callee) === 'mocked') {
      list.push(parent);
      if (parent.parent.type === AST_NODE_TYPES.VariableDeclarator && parent.parent.id.type === AST_NODE_TYPES.Identifier) {
        for (const variable of sourceCode.getDeclaredVariables(parent.parent)) {
          for (const reference of variable.references) {
            if (reference.init !== true) {
              list.push(reference.identifier);
            }
          }
        }
      }
    }
  };
  for (const variable of bindings) {
    const imported = importedName(variable);
    for (const reference of variable.references) {
      const identifier = reference.identifier;
      if (reference.init === true || !outside(identifier)) {
        continue;
      }
      if (imported !== null) {
        if (names.has(imported)) {
          add(imported, identifier);
        }
        continue;
      }
      const member = identifier.parent;
      if (member?.type === AST_NODE_TYPES.MemberExpression && member.object === identifier) {
        const name = getPropertyName(member);
        if (name !== null && names.has(name)) {
          add(name, member);
        }
      }
    }
  }
  return found;
}

/**
 * The programming calls (`mockedHelper.mockResolvedValue(…)`) of pass-through wrappers in blocks whose tests
 * also call the wrapped export themselves: there the test checks the behaviour it gave the wrapper. A wrapper
 * programmed only where the tests run another module is a collaborator's double; one never programmed, a spy.
 */
export function programmedAndCalled(
  model: TestModel,
  sourceCode: Readonly<TSESLint.SourceCode>,
  bindings: readonly TSESLint.Scope.Variable[],
  names: ReadonlySet<string>,
  outside: (node: TSESTree.Node) => boolean,
): { node: TSESTree.Node; name: string }[] {
  const results: { node: TSESTree.Node; name: string }[] = [];
  const seen = new Set<TestBlock | null>();
  for (const [name, expressions] of wrapperExpressions(sourceCode, bindings, names, outside)) {
    const calls = expressions.filter((node) => node.parent?.type === AST_NODE_TYPES.CallExpression && node.parent.callee === node).map((node) => model.blockOf(node));
    for (const node of expressions) {
      const member = node.parent;
      if (member?.type !== AST_NODE_TYPES.MemberExpression || member.object !== node || member.parent.type !== AST_NODE_TYPES.CallExpression || member.parent.callee !== member) {
        continue;
      }
      const method = member.property.type === AST_NODE_TYPES.Identifier ? member.property.name : null;
      const block = model.blockOf(member.parent);
      if (method === null || !PROGRAMS.has(method) || seen.has(block) || !calls.some(reachOf(block))) {
        continue;
      }
      seen.add(block);
      results.push({ node: member.parent, name });
    }
  }
  return results;
}
