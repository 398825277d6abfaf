import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/types';
import type { TSESLint } from '@typescript-eslint/utils';

import { getPropertyName, getStaticString } from '../../ast/nodes.js';
import { isBlockWithin, type ImportRecord, type TestBlock, type TestModel } from '../../model/index.js';
import { importedName } from './partial-mock.js';

/**
 * What the subject's imports bind (static `import`, `require`, `await import(…)`), and whether a
 * test reaches the subject through those bindings: the reach of a property double on its namespace.
 */

/** `import('./subject')` with a static specifier, and the declarator it initialises, if any. */
export interface DynamicImport {
  readonly node: TSESTree.ImportExpression;
  readonly specifier: string;
  readonly declarator: TSESTree.VariableDeclarator | null;
}

const unwrapAwait = (node: TSESTree.Node): TSESTree.Node => (node.type === AST_NODE_TYPES.AwaitExpression ? node.argument : node);

/** `import('./x')` calls with a static specifier, with the declarator each one initialises. */
export function dynamicImportsOf(model: TestModel): DynamicImport[] {
  const dynamicImports: DynamicImport[] = [];
  for (const node of model.nodesOfType(AST_NODE_TYPES.ImportExpression)) {
    const specifier = getStaticString(node.source);
    if (specifier !== null) {
      // `const subject = await import('./subject')` binds a namespace like `import * as`.
      const bound = node.parent.type === AST_NODE_TYPES.AwaitExpression ? node.parent.parent : node.parent;
      dynamicImports.push({ node, specifier, declarator: bound?.type === AST_NODE_TYPES.VariableDeclarator && bound.init !== null && unwrapAwait(bound.init) === node ? bound : null });
    }
  }
  return dynamicImports;
}

/** What the subject's imports bind: the namespace names (`import * as api`, `const api = await import(…)`), and every variable. */
export function subjectBindings(
  sourceCode: Readonly<TSESLint.SourceCode>,
  subjectImports: readonly ImportRecord[],
  subjectDynamicImports: readonly DynamicImport[],
): { namespaces: Set<string>; bindings: TSESLint.Scope.Variable[] } {
  const namespaces = new Set<string>();
  const bindings: TSESLint.Scope.Variable[] = [];
  for (const record of subjectImports) {
    if (record.namespace !== null) {
      namespaces.add(record.namespace);
    }
    // One push per variable: a spread of `const { a0, …, a129999 } = require('./x')` overflows the stack.
    for (const variable of boundVariables(record, sourceCode)) {
      bindings.push(variable);
    }
  }
  for (const entry of subjectDynamicImports) {
    if (entry.declarator === null) {
      continue;
    }
    if (entry.declarator.id.type === AST_NODE_TYPES.Identifier) {
      namespaces.add(entry.declarator.id.name);
    }
    for (const variable of sourceCode.getDeclaredVariables(entry.declarator)) {
      bindings.push(variable);
    }
  }
  return { namespaces, bindings };
}

/** Variables bound by a subject import: the namespace, named bindings, a required module. */
function boundVariables(record: ImportRecord, sourceCode: Readonly<TSESLint.SourceCode>): readonly TSESLint.Scope.Variable[] {
  if (record.node.type === AST_NODE_TYPES.ImportDeclaration) {
    return sourceCode.getDeclaredVariables(record.node);
  }
  let top: TSESTree.Node = record.node;
  while (top.parent?.type === AST_NODE_TYPES.MemberExpression && top.parent.object === top) {
    top = top.parent;
  }
  const declarator = top.parent;
  return declarator?.type === AST_NODE_TYPES.VariableDeclarator ? sourceCode.getDeclaredVariables(declarator) : [];
}

/** A replacement in a test applies to that test; one in a hook or suite body, to the tests and hooks of its suite. */
export function reachOf(scope: TestBlock | null): (block: TestBlock | null) => boolean {
  const region = scope === null || scope.kind === 'test' || scope.kind === 'suite' ? scope : scope.parent;
  return (block) => block !== null && block.kind !== 'suite' && (region === null || isBlockWithin(block, region));
}

/**
 * Some test or hook in the reach of a replacement made in `scope` calls `namespace.property(…)`
 * itself (directly or inside an assertion): the replaced function is the one under test.
 */
export function callsReplaced(model: TestModel, bindings: readonly TSESLint.Scope.Variable[], namespace: string, property: string, scope: TestBlock | null): boolean {
  const inScope = reachOf(scope);
  for (const variable of bindings) {
    if (variable.name !== namespace) {
      continue;
    }
    for (const reference of variable.references) {
      const member = reference.identifier.parent;
      if (member?.type !== AST_NODE_TYPES.MemberExpression || member.object !== reference.identifier) {
        continue;
      }
      const name = getPropertyName(member);
      const call = member.parent;
      if (name === property && (call.type === AST_NODE_TYPES.CallExpression || call.type === AST_NODE_TYPES.NewExpression) && call.callee === member && inScope(model.blockOf(call))) {
        return true;
      }
    }
  }
  return false;
}

/** Some test or hook inside `scope` (the file when null) calls into the subject module. */
export function callsSubject(model: TestModel, bindings: readonly TSESLint.Scope.Variable[], scope: TestBlock | null): boolean {
  const inScope = reachOf(scope);
  for (const variable of bindings) {
    for (const reference of variable.references) {
      const identifier = reference.identifier;
      let callee: TSESTree.Node = identifier;
      if (identifier.parent?.type === AST_NODE_TYPES.MemberExpression && identifier.parent.object === identifier) {
        callee = identifier.parent;
      }
      const call = callee.parent;
      if ((call?.type === AST_NODE_TYPES.CallExpression || call?.type === AST_NODE_TYPES.NewExpression) && call.callee === callee && inScope(model.blockOf(call))) {
        return true;
      }
    }
  }
  return false;
}


/** `vi.mocked(x)`, `x.mockReturnValue(…)`, `x.mock.calls`, `expect(x).toHaveBeenCalled()`: programming or inspecting a double. */
function programsDouble(node: TSESTree.Node): boolean {
  const parent = node.parent;
  if (parent === undefined) {
    return false;
  }
  if (parent.type === AST_NODE_TYPES.MemberExpression && parent.object === node && !parent.computed && parent.property.type === AST_NODE_TYPES.Identifier) {
    return parent.property.name.startsWith('mock');
  }
  if (parent.type !== AST_NODE_TYPES.CallExpression || !parent.arguments.includes(node as TSESTree.CallExpressionArgument)) {
    return false;
  }
  const callee = parent.callee;
  const name = callee.type === AST_NODE_TYPES.Identifier ? callee.name : callee.type === AST_NODE_TYPES.MemberExpression && callee.property.type === AST_NODE_TYPES.Identifier ? callee.property.name : null;
  if (name === 'mocked') {
    return true;
  }
  if (name !== 'expect' || parent.arguments.length !== 1) {
    return false;
  }
  // `expect(load).toHaveBeenCalledWith(…)`, `expect(load).not.toBeCalled()`.
  let chain: TSESTree.Node = parent;
  while (chain.parent?.type === AST_NODE_TYPES.MemberExpression && chain.parent.object === chain) {
    chain = chain.parent;
    const matcher = chain.type === AST_NODE_TYPES.MemberExpression && chain.property.type === AST_NODE_TYPES.Identifier ? chain.property.name : '';
    if (/Called|Returned/u.test(matcher)) {
      return true;
    }
  }
  return false;
}

/**
 * Whether the tests use a replaced export of a partial self-mock other than to program or inspect it
 * (`fetchFile()`, `api.fetchFile()`, passing it along): only then do they run the stub as the subject. A whole
 * namespace used other than by member may reach any export, and counts as a use.
 */
export function runsReplaced(replaced: readonly string[], bindings: readonly TSESLint.Scope.Variable[], namespaces: ReadonlySet<string>, outsideFactories: (node: TSESTree.Node) => boolean): boolean {
  return usedBeyondMock(bindings, namespaces, outsideFactories, new Set(replaced));
}

/**
 * Whether the file uses what it imports from the subject other than to program or inspect the mock
 * (`load()`, `config.load()`, `<Page />`, `request(app)`): without such a use, the file is named
 * after a module it mocks for the code it does test.
 */
export function usesSubjectBeyondMock(bindings: readonly TSESLint.Scope.Variable[], namespaces: ReadonlySet<string>, outsideFactories: (node: TSESTree.Node) => boolean): boolean {
  return bindings.length === 0 || usedBeyondMock(bindings, namespaces, outsideFactories, null);
}

/** Does a binding (of the exports in `only`, when given) have a reference that does more than program or inspect a double? */
function usedBeyondMock(bindings: readonly TSESLint.Scope.Variable[], namespaces: ReadonlySet<string>, outsideFactories: (node: TSESTree.Node) => boolean, only: ReadonlySet<string> | null): boolean {
  for (const variable of bindings) {
    const isNamespace = namespaces.has(variable.name);
    const imported = isNamespace || only === null ? null : importedName(variable);
    if (only !== null && !isNamespace && (imported === null || !only.has(imported))) {
      continue;
    }
    for (const reference of variable.references) {
      if (reference.init === true || (reference as { isValueReference?: boolean }).isValueReference === false || !outsideFactories(reference.identifier)) {
        continue;
      }
      let node: TSESTree.Node = reference.identifier;
      // `settings.read.mockReturnValue(…)`: the member of a namespace is the double.
      const member = node.parent;
      if (isNamespace && member?.type === AST_NODE_TYPES.MemberExpression && member.object === node) {
        const name = getPropertyName(member);
        if (only !== null && name !== null && !only.has(name)) {
          continue;
        }
        node = member;
      }
      if (!programsDouble(node)) {
        return true;
      }
    }
  }
  return false;
}
