import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/types';
import type { TSESLint } from '@typescript-eslint/utils';

import { getKeyName, getLastName, getPropertyName, getStaticString, rangeContains } from '../ast/nodes.js';
import { createRule } from '../create-rule.js';
import { getSubjectName, getSubjectVariant, getTestModel, type ImportRecord, isSubjectSpecifier, type MockRecord, specifierStem, type TestBlock, type TestModel } from '../model/index.js';
import { isActualModule, namesReplaced, replacedExports, returnedObject, spreadsActual } from './no-mocked-subject/partial-mock.js';
import { passThroughExports, programmedAndCalled } from './no-mocked-subject/pass-through.js';
import { callsReplaced, callsSubject, dynamicImportsOf, runsReplaced, subjectBindings, usesSubjectBeyondMock } from './no-mocked-subject/subject-bindings.js';

export type Options = [
  {
    allowSeams?: boolean;
  },
];
export type MessageIds = 'mockedSubject' | 'stubbedSeam' | 'stubbedSubject' | 'unreachedSubjectStub';

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
      strictOptions: [{ allowSeams: false }],
    },
    schema: [
      {
        type: 'object',
        description: 'What counts as replacing the subject.',
        properties: {
          allowSeams: {
            type: 'boolean',
            description: "Allow stubbing a function of the subject's namespace that the tests do not call themselves (a seam such as the module's own REST, file-system, clock or randomness helper) while the function under test runs for real.",
          },
        },
        additionalProperties: false,
      },
    ],
    defaultOptions: [{ allowSeams: true }],
    messages: {
      mockedSubject:
        "'{{specifier}}' is the module this file tests ('{{subject}}'), so mocking it makes the test check the mock instead of the code: mock the collaborators it calls instead, or split the module.",
      stubbedSubject:
        "This replaces {{targets}} of the module this file tests ('{{subject}}') and the test then calls it, so it checks the stub instead of the code: let the real function run and mock the collaborator it calls instead.",
      unreachedSubjectStub:
        "'{{specifier}}' is the module this file tests ('{{subject}}'), and this mock replaces {{targets}}, which the tests never call while the module's own calls still reach the real code, so the stub changes nothing and only misleads: remove it, and mock a collaborator of the module if the test needs one.",
      stubbedSeam:
        "This replaces {{targets}} of the module this file tests ('{{subject}}') while the subject runs, so part of the code under test never runs: mock the collaborator behind it instead, or move it into its own module.",
    },
  },
  create(context, [options]) {
    const subject = getSubjectName(context.filename);
    if (subject === null) {
      return {};
    }
    const allowSeams = options.allowSeams ?? true;
    return {
      'Program:exit'() {
        checkFile(context, subject, allowSeams);
      },
    };
  },
});

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
  if (isActualModule(factory.body)) {
    return true;
  }
  // `{ ...actual }` returned after `const actual = await vi.importActual('./x')`: declarations, then the return.
  const statements = factory.body.type === AST_NODE_TYPES.BlockStatement ? factory.body.body : [];
  if (!statements.slice(0, -1).every((statement) => statement.type === AST_NODE_TYPES.VariableDeclaration)) {
    return false;
  }
  const last = statements.at(-1);
  if (last?.type === AST_NODE_TYPES.ReturnStatement && last.argument !== null && isActualModule(last.argument)) {
    return true;
  }
  const object = returnedObject(factory);
  // `__esModule: true` next to the spread only marks the module's shape.
  const replaces = (property: TSESTree.ObjectLiteralElement): boolean =>
    property.type === AST_NODE_TYPES.SpreadElement ? !spreadsActual(factory, property) : getKeyName(property) !== '__esModule';
  return object !== null && object.properties.some((property) => property.type === AST_NODE_TYPES.SpreadElement) && !object.properties.some(replaces);
}

type SubjectName = NonNullable<ReturnType<typeof getSubjectName>>;

/** Checks one file; a module function, so V8 keeps its optimised code from file to file (see `perOptions`). */
function checkFile(context: RuleContext, subject: SubjectName, allowSeams: boolean): void {
  const model = getTestModel(context);
  if (model.mocks.length === 0) {
    return;
  }
  const dynamicImports = dynamicImportsOf(model);
  const verdicts = new Map<string, boolean>();
  // `foo.browser.spec.ts` that loads `./foo.browser` tests the browser variant: the generic `./foo` is its collaborator.
  const variant = getSubjectVariant(context.filename);
  const testsVariant = variant !== null && model.imports.some((record) => specifierStem(record.specifier) === `${subject}.${variant}`);
  const isSubject = (specifier: string): boolean => {
    let verdict = verdicts.get(specifier);
    if (verdict === undefined) {
      verdict = !(testsVariant && specifierStem(specifier) === subject) && isSubjectSpecifier(context.filename, specifier, model.settings, context.cwd);
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
  // A file that only programs and inspects the mocked subject tests another module (named after the wrong one).
  const realSubjectUsed = usesRealSubject(model, isSubject, outsideFactories) || !usesSubjectBeyondMock(bindings, namespaces, outsideFactories);
  const stubs = new StubReports(context, model, subject, namespaces, bindings, allowSeams);

  for (const mock of model.mocks) {
    if (mock.kind === 'module') {
      // `vi.mock(import('./subject'))` names the module through an import expression.
      const first = mock.node.arguments[0];
      const specifier = mock.specifier ?? (first?.type === AST_NODE_TYPES.ImportExpression ? getStaticString(first.source) : null);
      if (specifier !== null && !realSubjectUsed && isSubject(specifier) && !isPassThrough(mock)) {
        reportSelfMock(context, model, { mock, node: first ?? mock.node, specifier, subject }, { bindings, namespaces, outsideFactories, allowSeams });
      }
    } else if (mock.kind === 'property') {
      stubs.add(mock);
    }
  }
  stubs.report();
}

/** A module mock of the subject: the whole module, a partial mock, or one whose replaced exports only pass calls through. */
function reportSelfMock(
  context: RuleContext,
  model: TestModel,
  target: { mock: MockRecord; node: TSESTree.Node; specifier: string; subject: SubjectName },
  uses: { bindings: readonly TSESLint.Scope.Variable[]; namespaces: ReadonlySet<string>; outsideFactories: (node: TSESTree.Node) => boolean; allowSeams: boolean },
): void {
  const { mock, node, specifier, subject } = target;
  const { bindings, namespaces, outsideFactories } = uses;
  const factory = mock.factory;
  let replaced = factory === null ? null : replacedExports(factory);
  if (factory !== null && replaced !== null) {
    const passThrough = passThroughExports(factory);
    const stubbed = replaced.filter((name) => !passThrough.has(name));
    if (stubbed.length === 0) {
      // Wrappers that call the real code replace nothing; only a test that programs one and calls it checks the stub.
      for (const programmed of programmedAndCalled(model, context.sourceCode, bindings, passThrough, outsideFactories)) {
        context.report({ node: programmed.node, messageId: 'stubbedSubject', data: { targets: `'${programmed.name}'`, subject } });
      }
      return;
    }
    replaced = stubbed;
  }
  // A partial self-mock whose replaced exports the tests never name: the code under test runs for real.
  if (replaced !== null && !namesReplaced(replaced, bindings, outsideFactories)) {
    context.report({ node, messageId: 'unreachedSubjectStub', data: { specifier, subject, targets: listTargets(replaced) } });
  } else if (replaced !== null && !runsReplaced(replaced, bindings, namespaces, outsideFactories)) {
    // Stubs the tests only program and inspect: doubles for the module's dependents, or a seam; the subject's code runs.
    if (!uses.allowSeams) {
      context.report({ node, messageId: 'stubbedSeam', data: { subject, targets: listTargets(replaced) } });
    }
  } else {
    context.report({ node, messageId: 'mockedSubject', data: { specifier, subject } });
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

/** How many replaced names a message lists before it says "and N more". */
const SHOWN = 4;

const listTargets = (targets: readonly string[]): string => {
  const shown = targets.slice(0, SHOWN).map((target) => `'${target}'`);
  return targets.length > SHOWN ? `${shown.join(', ')} and ${targets.length - SHOWN} more` : shown.join(', ');
};

/**
 * Replacements of functions on the subject's namespace, gathered per block (a test, a hook, a
 * suite body, the file) so that several stubs in one hook are one finding naming them all.
 */
class StubReports {
  private readonly groups = new Map<TestBlock | null, { node: TSESTree.Node; targets: string[]; seam: boolean }>();

  constructor(
    private readonly context: RuleContext,
    private readonly model: TestModel,
    private readonly subject: SubjectName,
    private readonly namespaces: ReadonlySet<string>,
    private readonly bindings: readonly TSESLint.Scope.Variable[],
    private readonly allowSeams: boolean,
  ) {}

  /** `vi.spyOn(api, 'load').mockReturnValue(…)` on a namespace of the subject, where a test in its reach calls into the subject. */
  add(mock: MockRecord): void {
    const object = mock.node.arguments[0];
    if (object?.type !== AST_NODE_TYPES.Identifier || !this.namespaces.has(object.name) || !replacesImplementation(mock)) {
      return;
    }
    if (!callsSubject(this.model, this.bindings, mock.block)) {
      return;
    }
    // `'round'`, or a key read from a store (`keys.hooks.round`): the last name is the export replaced. Without a
    // second argument (`sinon.stub(price)`) the whole namespace is.
    const key = mock.node.arguments[1];
    const property = key === undefined ? null : (getStaticString(key) ?? getLastName(key));
    // A stub of the very function the tests call (or of the whole namespace) replaces what they check;
    // a stub of another export while the tested function runs for real is a seam, and so is one this rule cannot name.
    const seam = key !== undefined && (property === null || !callsReplaced(this.model, this.bindings, object.name, property, mock.block));
    if (seam && this.allowSeams) {
      return;
    }
    const target = property === null ? object.name : `${object.name}.${property}`;
    const group = this.groups.get(mock.block);
    if (group === undefined) {
      this.groups.set(mock.block, { node: object, targets: [target], seam });
    } else {
      group.targets.push(target);
      group.seam &&= seam;
    }
  }

  report(): void {
    for (const { node, targets, seam } of this.groups.values()) {
      this.context.report({ node, messageId: seam ? 'stubbedSeam' : 'stubbedSubject', data: { targets: listTargets(targets), subject: this.subject } });
    }
  }
}
