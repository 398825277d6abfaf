import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/types';
import type { TSESLint } from '@typescript-eslint/utils';

import { getKeyName, getLastName, getPropertyName, type FunctionNode } from '../../ast/nodes.js';

/**
 * Partial self-mocks (`vi.mock('./subject', async (importOriginal) => ({ ...await importOriginal(), helper: vi.fn() }))`):
 * which exports they replace, and whether the tests reach any of them. The module's own calls of a replaced
 * function still reach the real one (ESM and transpiled CommonJS bind them locally), so a replaced export the
 * tests never name changes nothing the tests run.
 */

const ACTUAL_LOADERS: ReadonlySet<string> = new Set(['importActual', 'requireActual', 'importOriginal']);

/** Strips `await`, `as`, `satisfies` and `!` around an expression. */
export function unwrap(node: TSESTree.Node): TSESTree.Node {
  let current = node;
  for (;;) {
    if (current.type === AST_NODE_TYPES.AwaitExpression) {
      current = current.argument;
    } else if (current.type === AST_NODE_TYPES.TSAsExpression || current.type === AST_NODE_TYPES.TSSatisfiesExpression || current.type === AST_NODE_TYPES.TSNonNullExpression) {
      current = current.expression;
    } else {
      return current;
    }
  }
}

/** `importOriginal()`, `vi.importActual('./x')`, `jest.requireActual('./x')`, possibly awaited or cast. */
export function isActualModule(node: TSESTree.Node): boolean {
  const current = unwrap(node);
  if (current.type !== AST_NODE_TYPES.CallExpression) {
    return false;
  }
  const name = getLastName(current.callee);
  return name !== null && ACTUAL_LOADERS.has(name);
}

/** The object a factory returns: its expression body, or the argument of its last statement when that is a `return`. */
export function returnedObject(factory: FunctionNode): TSESTree.ObjectExpression | null {
  let body: TSESTree.Node = factory.body;
  if (body.type === AST_NODE_TYPES.BlockStatement) {
    const last = body.body.at(-1);
    if (last?.type !== AST_NODE_TYPES.ReturnStatement || last.argument === null) {
      return null;
    }
    body = last.argument;
  }
  body = unwrap(body);
  return body.type === AST_NODE_TYPES.ObjectExpression ? body : null;
}

/** `...original` where the factory declared `const original = await importOriginal()`, or `...(await importOriginal())`. */
export function spreadsActual(factory: FunctionNode, spread: TSESTree.SpreadElement): boolean {
  const argument = unwrap(spread.argument);
  if (isActualModule(argument)) {
    return true;
  }
  if (argument.type !== AST_NODE_TYPES.Identifier || factory.body.type !== AST_NODE_TYPES.BlockStatement) {
    return false;
  }
  return factory.body.body.some(
    (statement) =>
      statement.type === AST_NODE_TYPES.VariableDeclaration &&
      statement.declarations.some((declarator) => declarator.id.type === AST_NODE_TYPES.Identifier && declarator.id.name === argument.name && declarator.init !== null && isActualModule(declarator.init)),
  );
}

/**
 * The exports a partial self-mock replaces (the own keys next to a spread of the real module), in source order;
 * null when the factory is not such a partial mock or a key is computed.
 */
export function replacedExports(factory: FunctionNode): string[] | null {
  const object = returnedObject(factory);
  if (object === null) {
    return null;
  }
  const names: string[] = [];
  let spread = false;
  for (const property of object.properties) {
    if (property.type === AST_NODE_TYPES.SpreadElement) {
      spread ||= spreadsActual(factory, property);
      continue;
    }
    const name = getKeyName(property);
    if (name === null) {
      return null;
    }
    // `__esModule: true` marks the module's shape; it replaces no export.
    if (name !== '__esModule') {
      names.push(name);
    }
  }
  return spread && names.length > 0 ? names : null;
}

/** The name a binding imports: `b` of `import { b as c }` and of `const { b: c } = require(…)`; null for a whole module. */
export function importedName(variable: TSESLint.Scope.Variable): string | null {
  const definition = variable.defs[0];
  const node = definition?.node;
  if (node?.type === AST_NODE_TYPES.ImportSpecifier) {
    return node.imported.type === AST_NODE_TYPES.Identifier ? node.imported.name : String(node.imported.value);
  }
  if (node?.type === AST_NODE_TYPES.VariableDeclarator && node.id.type === AST_NODE_TYPES.ObjectPattern) {
    const property = node.id.properties.find((item) => item.type === AST_NODE_TYPES.Property && item.value.type === AST_NODE_TYPES.Identifier && item.value.name === variable.name);
    return property?.type === AST_NODE_TYPES.Property ? getKeyName(property) : variable.name;
  }
  return null;
}

/**
 * Do the tests name any of `replaced` through the subject's bindings (`import { helper }`, `api.helper`)? A whole
 * module used other than by member (`Object.keys(api)`, passed along) may reach any export: counted as a use.
 */
export function namesReplaced(replaced: readonly string[], bindings: readonly TSESLint.Scope.Variable[], outsideFactories: (node: TSESTree.Node) => boolean): boolean {
  const names = new Set(replaced);
  for (const variable of bindings) {
    const references = variable.references.filter((reference) => reference.init !== true && outsideFactories(reference.identifier));
    const imported = importedName(variable);
    if (imported !== null) {
      if (names.has(imported) && references.length > 0) {
        return true;
      }
      continue;
    }
    for (const reference of references) {
      const member = reference.identifier.parent;
      if (member?.type !== AST_NODE_TYPES.MemberExpression || member.object !== reference.identifier) {
        return true;
      }
      const name = getPropertyName(member);
      if (name === null || names.has(name)) {
        return true;
      }
    }
  }
  return false;
}
