import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/types';
import type { TSESLint } from '@typescript-eslint/utils';

import { nameWords } from '../../ast/nodes.js';
import { chainTop, type MockRecord, type TestModel } from '../../model/index.js';

/** The object literal `node` is a property value of, if any. */
function literalAround(node: TSESTree.Node): TSESTree.ObjectExpression | null {
  const parent = node.parent;
  return parent?.type === AST_NODE_TYPES.Property && parent.value === node && parent.parent.type === AST_NODE_TYPES.ObjectExpression ? parent.parent : null;
}

/**
 * The fake object or class a double is a method of: the literal or class it is written in, or the
 * literal its variable is put into (`const updateById = jest.fn(); const ctx = { models: { updateById } }`).
 */
function containerOf(mock: MockRecord, sourceCode: Readonly<TSESLint.SourceCode>): TSESTree.Node | null {
  const top = chainTop(mock.node);
  const parent = top.parent;
  const literal = literalAround(top);
  if (literal !== null) {
    return literal;
  }
  if (parent?.type === AST_NODE_TYPES.PropertyDefinition && parent.value === top) {
    return parent.parent;
  }
  // `static initClass() { this.prototype.get = sinon.stub() }`: a method of a hand-written fake class.
  const classBody = parent?.type === AST_NODE_TYPES.AssignmentExpression && parent.right === top ? thisMemberClassBody(parent.left) : null;
  if (classBody !== null) {
    return classBody;
  }
  // Only a stub with behaviour: callbacks handed over in a literal (`wire({ onOpen, onClose })`) are sinks.
  if (mock.hasBehaviour && parent?.type === AST_NODE_TYPES.VariableDeclarator && parent.init === top && parent.id.type === AST_NODE_TYPES.Identifier) {
    for (const variable of sourceCode.getDeclaredVariables(parent)) {
      for (const reference of variable.references) {
        const into = literalAround(reference.identifier);
        if (into !== null) {
          return into;
        }
      }
    }
  }
  return null;
}

/** The class body around `this.x = …` / `this.prototype.x = …`, when the target is rooted at `this` inside a class. */
export function thisMemberClassBody(target: TSESTree.Node): TSESTree.ClassBody | null {
  let root: TSESTree.Node = target;
  while (root.type === AST_NODE_TYPES.MemberExpression) {
    root = root.object;
  }
  if (root.type !== AST_NODE_TYPES.ThisExpression || target === root) {
    return null;
  }
  for (let current = target.parent; current != null; current = current.parent) {
    if (current.type === AST_NODE_TYPES.ClassBody) {
      return current;
    }
  }
  return null;
}

/**
 * A fake stored where nothing reads it: `ctx.TpdsUpdateSender = {…}` when the file never names
 * `TpdsUpdateSender` again, `const unusedFake = {…}` with no reference. It replaces nothing.
 */
function neverRead(fake: TSESTree.Node, sourceCode: Readonly<TSESLint.SourceCode>): boolean {
  const parent = fake.parent;
  if (parent?.type === AST_NODE_TYPES.VariableDeclarator && parent.init === fake && parent.id.type === AST_NODE_TYPES.Identifier) {
    return sourceCode.getDeclaredVariables(parent).every((variable) => variable.references.every((reference) => reference.init === true));
  }
  if (parent?.type !== AST_NODE_TYPES.AssignmentExpression || parent.right !== fake || parent.left.type !== AST_NODE_TYPES.MemberExpression) {
    return false;
  }
  const property = parent.left.property;
  if (parent.left.computed || property.type !== AST_NODE_TYPES.Identifier || property.name.length < 3) {
    return false;
  }
  // One text search: the name only where it is assigned means nobody reads the fake.
  const { text } = sourceCode;
  const first = text.indexOf(property.name);
  return first !== -1 && text.indexOf(property.name, first + property.name.length) === -1;
}

/** The outermost literal of a nest of object literals (`ctx` for `ctx.models.rampSchedules`). */
function rootLiteral(container: TSESTree.Node): TSESTree.Node {
  let root = container;
  for (let outer = literalAround(root); outer !== null; outer = literalAround(root)) {
    root = outer;
  }
  return root;
}

/** Words that name a request context and the models it carries: such a literal is one hand-built context. */
const CONTEXT_WORDS: ReadonlySet<string> = new Set(['context', 'ctx', 'models']);

/** `const mockModels = {…}`, `context: {…}`: a literal named as a context or its models. */
function namedAsContext(root: TSESTree.Node): boolean {
  const parent = root.parent;
  const name =
    parent?.type === AST_NODE_TYPES.VariableDeclarator && parent.id.type === AST_NODE_TYPES.Identifier
      ? parent.id.name
      : parent?.type === AST_NODE_TYPES.Property && parent.key.type === AST_NODE_TYPES.Identifier
        ? parent.key.name
        : null;
  return name !== null && nameWords(name).some((word) => CONTEXT_WORDS.has(word));
}

/**
 * A literal that holds fakes and nothing else (`{ cartService: {…}, taxService: {…} }`, a DI
 * container): a set of collaborators, one per fake, not one fake.
 */
function holdsOnlyFakes(root: TSESTree.Node, withOwnStubs: ReadonlySet<TSESTree.Node>, holdingFakes: ReadonlySet<TSESTree.Node>): boolean {
  return (
    root.type === AST_NODE_TYPES.ObjectExpression &&
    !withOwnStubs.has(root) &&
    !namedAsContext(root) &&
    root.properties.every((property) => property.type === AST_NODE_TYPES.Property && holdingFakes.has(property.value))
  );
}

/**
 * A hand-written fake object or class is one replaced collaborator, however many of its methods
 * are stubs and however deeply they are nested: on real suites (redis and cluster clients, API
 * services, loggers, a context object carrying data and the models it reads) counting each
 * method reported tests that replace two or three things. A literal that holds only other fakes
 * (a DI container) is a set of collaborators: each fake in it counts.
 */
export function countFakesOnce(model: TestModel, sourceCode: Readonly<TSESLint.SourceCode>, weights: Map<MockRecord, number>): void {
  const containers = new Map<MockRecord, TSESTree.Node>();
  for (const mock of model.mocks) {
    if (mock.kind !== 'function' || (weights.get(mock) ?? 0) === 0) {
      continue;
    }
    const container = containerOf(mock, sourceCode);
    if (container !== null) {
      containers.set(mock, container);
    }
  }
  const withOwnStubs = new Set(containers.values());
  // Each literal with stubs and every literal around it holds fakes.
  const holdingFakes = new Set<TSESTree.Node>();
  for (const container of withOwnStubs) {
    for (let current: TSESTree.Node | null = container; current !== null && !holdingFakes.has(current); current = literalAround(current)) {
      holdingFakes.add(current);
    }
  }
  const groups = new Map<TSESTree.Node, MockRecord[]>();
  for (const [mock, container] of containers) {
    const root = rootLiteral(container);
    let owner = root;
    if (holdsOnlyFakes(root, withOwnStubs, holdingFakes)) {
      // Inside a container, each fake groups with its outermost literal that has stub methods of its own.
      owner = container;
      for (let current = literalAround(container); current !== null && current !== root; current = literalAround(current)) {
        if (withOwnStubs.has(current)) {
          owner = current;
        }
      }
    }
    const group = groups.get(owner);
    if (group === undefined) {
      groups.set(owner, [mock]);
    } else {
      group.push(mock);
    }
  }
  for (const [owner, mocks] of groups) {
    const unused = neverRead(rootLiteral(owner), sourceCode);
    mocks.forEach((mock, index) => weights.set(mock, index === 0 && !unused ? 1 : 0));
  }
}
