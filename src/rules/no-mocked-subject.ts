import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/types';
import type { TSESLint } from '@typescript-eslint/utils';

import { getKeyName, getLastName, getPropertyName, getStaticString, rangeContains } from '../ast/nodes.js';
import { createRule } from '../create-rule.js';
import { getSubjectName, getTestModel, type ImportRecord, isSubjectSpecifier, type MockRecord, type TestModel } from '../model/index.js';
import { callsSubject, dynamicImportsOf, subjectBindings } from './no-mocked-subject/subject-bindings.js';

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
  const name = getLastName(callee);
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

type SubjectName = NonNullable<ReturnType<typeof getSubjectName>>;

/** Checks one file; a module function, so V8 keeps its optimised code from file to file (see `perOptions`). */
function checkFile(context: RuleContext, subject: SubjectName): void {
  const model = getTestModel(context);
  if (model.mocks.length === 0) {
    return;
  }
  const dynamicImports = dynamicImportsOf(model);
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
  const outsideFactories = (node: TSESTree.Node): boolean => !factories.some((factory) => rangeContains(factory.range, node.range));

  const subjectImports = model.imports.filter((record) => isSubject(record.specifier) && loadsCode(record) && outsideFactories(record.node));
  const subjectDynamicImports = dynamicImports.filter((entry) => isSubject(entry.specifier) && outsideFactories(entry.node));
  if (subjectImports.length === 0 && subjectDynamicImports.length === 0) {
    return;
  }
  const { namespaces, bindings } = subjectBindings(context.sourceCode, subjectImports, subjectDynamicImports);
  const realSubjectUsed = usesRealSubject(model, isSubject, outsideFactories);

  for (const mock of model.mocks) {
    if (mock.kind === 'module') {
      // `vi.mock(import('./subject'))` names the module through an import expression.
      const first = mock.node.arguments[0];
      const specifier = mock.specifier ?? (first?.type === AST_NODE_TYPES.ImportExpression ? getStaticString(first.source) : null);
      if (specifier !== null && !realSubjectUsed && isSubject(specifier) && !isPassThrough(mock)) {
        context.report({
          node: first ?? mock.node,
          messageId: 'mockedSubject',
          data: { specifier, subject },
        });
      }
    } else if (mock.kind === 'property') {
      checkPropertyMock(context, model, subject, mock, namespaces, bindings);
    }
  }
}

/** Does the file ask for the real subject (`vi.importActual('./subject')`, `jest.unmock('./subject')`) outside mock factories? */
function usesRealSubject(model: TestModel, isSubject: (specifier: string) => boolean, outsideFactories: (node: TSESTree.Node) => boolean): boolean {
  // `jest.unmock('./subject')` in an after-hook is cleanup, not a use of the real module.
  const isCleanup = (node: TSESTree.Node): boolean => {
    const block = model.blockOf(node);
    return block?.hook === 'afterEach' || block?.hook === 'afterAll';
  };
  return model.nodesOfType(AST_NODE_TYPES.CallExpression).some((node) => {
    const name = node.callee.type === AST_NODE_TYPES.MemberExpression ? getPropertyName(node.callee) : null;
    const specifier = name !== null && REAL_MODULE_METHODS.has(name) ? getStaticString(node.arguments[0]) : null;
    return specifier !== null && isSubject(specifier) && outsideFactories(node) && !isCleanup(node);
  });
}

/** `vi.spyOn(api, 'load').mockReturnValue(…)` on a namespace of the subject, where a test in its reach calls into the subject. */
function checkPropertyMock(
  context: RuleContext,
  model: TestModel,
  subject: SubjectName,
  mock: MockRecord,
  namespaces: ReadonlySet<string>,
  bindings: readonly TSESLint.Scope.Variable[],
): void {
  const object = mock.node.arguments[0];
  if (object?.type !== AST_NODE_TYPES.Identifier) {
    return;
  }
  if (!namespaces.has(object.name) || !replacesImplementation(mock)) {
    return;
  }
  if (!callsSubject(model, bindings, mock.block)) {
    return;
  }
  const property = getStaticString(mock.node.arguments[1]);
  context.report({
    node: object,
    messageId: 'stubbedSubject',
    data: { target: property === null ? object.name : `${object.name}.${property}`, subject },
  });
}
