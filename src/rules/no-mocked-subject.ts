import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/types';
import type { TSESLint } from '@typescript-eslint/utils';

import { getKeyName, getPropertyName, getStaticString } from '../ast/nodes.js';
import { createRule } from '../create-rule.js';
import { getSubjectName, getTestModel, type ImportRecord, isSubjectSpecifier, type MockRecord, type TestBlock, type TestModel } from '../model/index.js';

export type Options = [];
export type MessageIds = 'mockedSubject' | 'stubbedSubject';

type RuleContext = Readonly<TSESLint.RuleContext<MessageIds, Options>>;

/** Calls that show the test wants the real subject after all (`vi.importActual('./foo')` in a test, `jest.unmock('./foo')`). */
const REAL_MODULE_METHODS: ReadonlySet<string> = new Set(['requireActual', 'importActual', 'unmock', 'dontMock', 'deepUnmock']);

/** Property replacements that always swap the implementation out. */
const ALWAYS_REPLACES: ReadonlySet<string> = new Set(['stub', 'replace', 'replaceGetter', 'replaceSetter', 'define', 'mock', 'replaceProperty']);
/** Property doubles that call through unless given an implementation (`vi.spyOn`, `mock.method`, `sinon.spy`). */
const REPLACES_WITH_BEHAVIOUR: ReadonlySet<string> = new Set(['spyOn', 'method', 'getter', 'setter', 'property', 'spyOnProperty']);

const lastSegment = (api: string): string => api.slice(api.lastIndexOf('.') + 1);

const unwrapAwait = (node: TSESTree.Node): TSESTree.Node => (node.type === AST_NODE_TYPES.AwaitExpression ? node.argument : node);

const within = (node: TSESTree.Node, outer: TSESTree.Node): boolean => node.range[0] >= outer.range[0] && node.range[1] <= outer.range[1];

/** An import that loads code at run time (not `import type`, not `import { type A }` only). */
function loadsCode(record: ImportRecord): boolean {
  const node = record.node;
  if (node.type !== AST_NODE_TYPES.ImportDeclaration) {
    return true;
  }
  if (node.importKind === 'type') {
    return false;
  }
  return node.specifiers.length === 0 || node.specifiers.some((specifier) => specifier.type !== AST_NODE_TYPES.ImportSpecifier || specifier.importKind !== 'type');
}

/** Does a property double replace the implementation (not just observe it)? */
function replacesImplementation(mock: MockRecord): boolean {
  const method = lastSegment(mock.api);
  if (mock.library === 'jasmine' && (method === 'spyOn' || method === 'spyOnProperty')) {
    // Jasmine spies return undefined unless told to call through.
    return !mock.configs.some((config) => config.method === 'callThrough');
  }
  if (mock.library === 'testdouble' && method === 'replace') {
    return true;
  }
  if (mock.library === 'sinon' && ALWAYS_REPLACES.has(method)) {
    return true;
  }
  if ((mock.library === 'jest' || mock.library === 'vitest' || mock.library === 'bun' || mock.library === 'unknown') && method === 'replaceProperty') {
    return true;
  }
  return REPLACES_WITH_BEHAVIOUR.has(method) && mock.hasBehaviour;
}

export default createRule<Options, MessageIds>({
  name: 'no-mocked-subject',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow mocking the module that the test file tests',
      recommended: 'recommended',
      requiresTypeChecking: false,
    },
    schema: [],
    messages: {
      mockedSubject:
        "'{{specifier}}' is the module this file tests ('{{subject}}'), so mocking it makes the test check the mock instead of the code: mock the collaborators it calls instead, or split the module.",
      stubbedSubject:
        "'{{target}}' belongs to the module this file tests ('{{subject}}'), so replacing it makes the test check the stub instead of the code: mock the collaborator it calls instead, or move it into its own module.",
    },
  },
  create(context) {
    const subject = getSubjectName(context.filename);
    if (subject === null) {
      return {};
    }
    return {
      'Program:exit'() {
        checkFile(context, subject);
      },
    };
  },
});

const ACTUAL_LOADERS: ReadonlySet<string> = new Set(['importActual', 'requireActual', 'importOriginal']);

/** `importOriginal()`, `vi.importActual('./x')`, `jest.requireActual('./x')`, possibly awaited or cast. */
function isActualModule(node: TSESTree.Node): boolean {
  let current = node;
  while (current.type === AST_NODE_TYPES.AwaitExpression || current.type === AST_NODE_TYPES.TSAsExpression || current.type === AST_NODE_TYPES.TSNonNullExpression) {
    current = current.type === AST_NODE_TYPES.AwaitExpression ? current.argument : current.expression;
  }
  if (current.type !== AST_NODE_TYPES.CallExpression) {
    return false;
  }
  const callee = current.callee;
  const name = callee.type === AST_NODE_TYPES.Identifier ? callee.name : callee.type === AST_NODE_TYPES.MemberExpression ? getPropertyName(callee) : null;
  return name !== null && ACTUAL_LOADERS.has(name);
}

/**
 * A factory that only re-exports the real module (`() => ({ ...vi.importActual('./x') })`) makes
 * the exports spy-able without replacing any of them.
 */
function isPassThrough(mock: MockRecord): boolean {
  // vitest's `vi.mock(path, { spy: true })` keeps every export and only records calls.
  const spyOption = mock.node.arguments.some(
    (argument) =>
      argument.type === AST_NODE_TYPES.ObjectExpression &&
      argument.properties.some(
        (property) => property.type === AST_NODE_TYPES.Property && getKeyName(property) === 'spy' && property.value.type === AST_NODE_TYPES.Literal && property.value.value === true,
      ),
  );
  if (spyOption) {
    return true;
  }
  const factory = mock.factory;
  if (factory === null) {
    return false;
  }
  let body: TSESTree.Node = factory.body;
  if (body.type === AST_NODE_TYPES.BlockStatement) {
    const last = body.body.at(-1);
    if (body.body.length !== 1 || last?.type !== AST_NODE_TYPES.ReturnStatement || last.argument === null) {
      return false;
    }
    body = last.argument;
  }
  while (body.type === AST_NODE_TYPES.TSAsExpression || body.type === AST_NODE_TYPES.TSSatisfiesExpression) {
    body = body.expression;
  }
  if (isActualModule(body)) {
    return true;
  }
  return (
    body.type === AST_NODE_TYPES.ObjectExpression &&
    body.properties.length > 0 &&
    body.properties.every((property) => property.type === AST_NODE_TYPES.SpreadElement && isActualModule(property.argument))
  );
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

/** Some test or hook inside `scope` (the file when null) calls into the subject module. */
function callsSubject(model: TestModel, bindings: readonly TSESLint.Scope.Variable[], scope: TestBlock | null): boolean {
  // A replacement in a test applies to that test; one in a hook or suite body, to the tests of its suite.
  const region = scope === null || scope.kind === 'test' || scope.kind === 'suite' ? scope : scope.parent;
  const inScope = (block: TestBlock | null): boolean => block !== null && block.kind !== 'suite' && (region === null || block === region || isInside(block, region));
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

/** `block` sits inside `suite` (anywhere in the file when `suite` is null). */
function isInside(block: TestBlock, suite: TestBlock | null): boolean {
  if (suite === null) {
    return true;
  }
  for (let current = block.parent; current !== null; current = current.parent) {
    if (current === suite) {
      return true;
    }
  }
  return false;
}

/** Checks one file; a module function, so V8 keeps its optimised code from file to file (see `perOptions`). */
function checkFile(context: RuleContext, subject: NonNullable<ReturnType<typeof getSubjectName>>): void {
  const model = getTestModel(context);
  if (model.mocks.length === 0) {
    return;
  }
  const dynamicImports: Array<{ node: TSESTree.ImportExpression; specifier: string; declarator: TSESTree.VariableDeclarator | null }> = [];
  for (const node of model.nodesOfType(AST_NODE_TYPES.ImportExpression)) {
    const specifier = getStaticString(node.source);
    if (specifier !== null) {
      // `const subject = await import('./subject')` binds a namespace like `import * as`.
      const bound = node.parent.type === AST_NODE_TYPES.AwaitExpression ? node.parent.parent : node.parent;
      dynamicImports.push({ node, specifier, declarator: bound?.type === AST_NODE_TYPES.VariableDeclarator && bound.init !== null && unwrapAwait(bound.init) === node ? bound : null });
    }
  }
  const verdicts = new Map<string, boolean>();
  const isSubject = (specifier: string): boolean => {
    let verdict = verdicts.get(specifier);
    if (verdict === undefined) {
      verdict = isSubjectSpecifier(context.filename, specifier, model.settings, context.cwd);
      verdicts.set(specifier, verdict);
    }
    return verdict;
  };
  const factories = model.mocks.flatMap((mock) => (mock.factory === null ? [] : [mock.factory]));
  const outsideFactories = (node: TSESTree.Node): boolean => !factories.some((factory) => within(node, factory));

  const subjectImports = model.imports.filter((record) => isSubject(record.specifier) && loadsCode(record) && outsideFactories(record.node));
  const subjectDynamicImports = dynamicImports.filter((entry) => isSubject(entry.specifier) && outsideFactories(entry.node));
  if (subjectImports.length === 0 && subjectDynamicImports.length === 0) {
    return;
  }
  const namespaces = new Set<string>();
  const bindings: TSESLint.Scope.Variable[] = [];
  for (const record of subjectImports) {
    if (record.namespace !== null) {
      namespaces.add(record.namespace);
    }
    bindings.push(...boundVariables(record, context.sourceCode));
  }
  for (const entry of subjectDynamicImports) {
    if (entry.declarator === null) {
      continue;
    }
    if (entry.declarator.id.type === AST_NODE_TYPES.Identifier) {
      namespaces.add(entry.declarator.id.name);
    }
    bindings.push(...context.sourceCode.getDeclaredVariables(entry.declarator));
  }
  // `jest.unmock('./subject')` in an after-hook is cleanup, not a use of the real module.
  const isCleanup = (node: TSESTree.Node): boolean => {
    const block = model.blockOf(node);
    return block?.hook === 'afterEach' || block?.hook === 'afterAll';
  };
  const usesRealSubject = model.nodesOfType(AST_NODE_TYPES.CallExpression).some((node) => {
    const name = node.callee.type === AST_NODE_TYPES.MemberExpression ? getPropertyName(node.callee) : null;
    const specifier = name !== null && REAL_MODULE_METHODS.has(name) ? getStaticString(node.arguments[0]) : null;
    return specifier !== null && isSubject(specifier) && outsideFactories(node) && !isCleanup(node);
  });

  for (const mock of model.mocks) {
    if (mock.kind === 'module') {
      // `vi.mock(import('./subject'))` names the module through an import expression.
      const first = mock.node.arguments[0];
      const specifier = mock.specifier ?? (first?.type === AST_NODE_TYPES.ImportExpression ? getStaticString(first.source) : null);
      if (specifier !== null && !usesRealSubject && isSubject(specifier) && !isPassThrough(mock)) {
        context.report({
          node: first ?? mock.node,
          messageId: 'mockedSubject',
          data: { specifier, subject },
        });
      }
      continue;
    }
    if (mock.kind !== 'property') {
      continue;
    }
    const object = mock.node.arguments[0];
    if (object?.type !== AST_NODE_TYPES.Identifier) {
      continue;
    }
    if (!namespaces.has(object.name) || !replacesImplementation(mock)) {
      continue;
    }
    if (!callsSubject(model, bindings, mock.block)) {
      continue;
    }
    const property = getStaticString(mock.node.arguments[1]);
    context.report({
      node: object,
      messageId: 'stubbedSubject',
      data: { target: property === null ? object.name : `${object.name}.${property}`, subject },
    });
  }
}
