import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/types';
import type { TSESLint } from '@typescript-eslint/utils';
import { findVariable } from '@typescript-eslint/utils/ast-utils';

import { getChainRoot, getPropertyName, referenceKey, unwrapExpression } from '../../ast/nodes.js';
import { chainTop, type MockRecord, type TestModel } from '../../model/index.js';
import type { FactoryValues } from './factory-values.js';
import { thisMemberClassBody } from './fakes.js';

const isStatement = (node: TSESTree.Node): boolean => node.type.endsWith('Statement') || node.type.endsWith('Declaration');

/**
 * Which doubles of one file are part of another mock, and so already counted there: made inside
 * `vi.hoisted`, an argument of a replacement or of a configuration, closed over by a module
 * factory, stored where another mock reads it, or assigned onto a mocked module. A class rather
 * than closures made per file, so V8 keeps the optimised code of its methods (see `perOptions`).
 */
export class MockParts {
  /** The calls that make or configure a mock. */
  private readonly calls = new Set<TSESTree.Node>();
  /** Names bound to modules the file mocks (`core` for `jest.mock('@actions/core')` and its import). */
  private readonly moduleBindings = new Set<string>();
  /** Variables a module factory closes over (`const mockGet = jest.fn(); jest.mock('./api', () => ({ get: mockGet }))`). */
  private readonly factoryInputs = new Set<string>();
  /**
   * Member paths a module factory reads (`ctx.finder` for `vi.doMock('./finder', () => ({ default: ctx.finder }))`):
   * the doubles stored at or under them make up that module's stand-in.
   */
  private readonly factoryPaths = new Set<string>();
  /** Member paths handed to a mock or a configuration as its value (`stub.returns(ctx.archive)`). */
  private readonly fedPaths = new Set<string>();
  /**
   * Variables handed to a mock or a configuration as its value (`vi.stubGlobal('open', open)`,
   * `open.mockResolvedValue(fakeCache)`): the doubles bound to them are that mock's behaviour.
   */
  private readonly fedVariables = new Set<TSESLint.Scope.Variable>();
  /**
   * The literals and classes assigned to a path a factory reads (`ctx.Mongo = { db: { users: { findOne: ctx.findOne } } }`,
   * `ctx.RateLimiter = { RateLimiter: class { consume = sinon.stub() } }`): the doubles made in them or put into them are that module's stand-in.
   */
  private readonly factoryValues: TSESTree.Node[] = [];

  constructor(
    private readonly model: TestModel,
    private readonly sourceCode: Readonly<TSESLint.SourceCode>,
    factories: FactoryValues,
  ) {
    for (const mock of model.mocks) {
      this.calls.add(mock.node);
    }
    for (const config of model.mockConfigs) {
      this.calls.add(config.node);
    }
    for (const mock of model.mocks) {
      if (mock.kind === 'module') {
        for (const key of mock.keys) {
          this.moduleBindings.add(key);
        }
      }
    }
    for (const mock of model.mocks) {
      if (mock.factory === null) {
        continue;
      }
      const scope = sourceCode.scopeManager?.acquire(mock.factory);
      for (const reference of scope?.through ?? []) {
        this.factoryInputs.add(reference.identifier.name);
        const path = reference.identifier.type === AST_NODE_TYPES.Identifier ? readPath(reference.identifier) : null;
        if (path !== null) {
          this.factoryPaths.add(path);
          this.addFactoryValues(factories.assignedValues(mock.node, path));
        }
      }
    }
    for (const call of this.calls) {
      if (call.type === AST_NODE_TYPES.CallExpression) {
        for (const argument of call.arguments) {
          this.collectFed(argument, 0);
        }
      }
    }
  }

  /** The double is already counted as part of another mock. */
  isPartOfAnotherMock(mock: MockRecord): boolean {
    return (
      this.isArgumentOfMockCall(mock.node) ||
      this.isInsideHoisted(mock.node) ||
      mock.keys.some((key) => this.factoryInputs.has(key) || this.isUnderFactoryPath(key)) ||
      this.feedsAnotherMock(mock.node) ||
      this.isAssignedOntoMockedModule(mock.node) ||
      this.isInsideFactoryValue(mock.node) ||
      this.isMethodOfFactoryClass(mock.node)
    );
  }

  /** `this.prototype.get = sinon.stub()` in a fake class a module factory hands back (`vi.doMock('dockerode', () => ({ default: Docker }))`). */
  private isMethodOfFactoryClass(node: TSESTree.CallExpression): boolean {
    const top = chainTop(node);
    const parent = top.parent;
    const body = parent?.type === AST_NODE_TYPES.AssignmentExpression && parent.right === top ? thisMemberClassBody(parent.left) : null;
    const owner = body?.parent;
    if (owner === undefined || (owner.type !== AST_NODE_TYPES.ClassDeclaration && owner.type !== AST_NODE_TYPES.ClassExpression)) {
      return false;
    }
    const holder = owner.parent;
    const name = owner.id?.name ?? (holder?.type === AST_NODE_TYPES.VariableDeclarator && holder.id.type === AST_NODE_TYPES.Identifier ? holder.id.name : null);
    return name !== null && this.factoryInputs.has(name);
  }

  /** Keeps the literals assigned to a factory's path, and the paths and names put into them, as parts of that module's stand-in. */
  private addFactoryValues(values: readonly TSESTree.Node[]): void {
    const visit = (node: TSESTree.Node, depth: number): void => {
      const value = unwrapExpression(node);
      if (value.type === AST_NODE_TYPES.MemberExpression) {
        const path = referenceKey(value);
        if (path !== null) {
          this.factoryPaths.add(path);
        }
      } else if (value.type === AST_NODE_TYPES.Identifier) {
        this.factoryInputs.add(value.name);
      } else if (value.type === AST_NODE_TYPES.ObjectExpression && depth < 4) {
        for (const property of value.properties) {
          visit(property.type === AST_NODE_TYPES.Property ? property.value : property.argument, depth + 1);
        }
      }
    };
    for (const value of values) {
      const inner = unwrapExpression(value);
      if (inner.type === AST_NODE_TYPES.ObjectExpression || inner.type === AST_NODE_TYPES.ClassExpression) {
        this.factoryValues.push(inner);
        visit(inner, 0);
      }
    }
  }

  /** The double is made inside a literal or class assigned to a path a module factory reads. */
  private isInsideFactoryValue(node: TSESTree.Node): boolean {
    return this.factoryValues.some((value) => value.range[0] <= node.range[0] && node.range[1] <= value.range[1]);
  }

  /**
   * `jest.spyOn(core, 'debug')`, `sinon.stub(SimpleGit.prototype, 'push')` where `core` and
   * `SimpleGit` come from a module the file already mocks: configuring that mock, not a new collaborator.
   */
  replacesPartOfMockedModule(mock: MockRecord): boolean {
    if (mock.kind === 'property' && mock.target !== null && this.isUnderFactoryPath(mock.target)) {
      return true;
    }
    const object = mock.kind === 'property' ? mock.node.arguments[0] : undefined;
    if (object === undefined || this.moduleBindings.size === 0) {
      return false;
    }
    const inner = unwrapExpression(object);
    const root = inner.type === AST_NODE_TYPES.Identifier ? inner : inner.type === AST_NODE_TYPES.MemberExpression ? getChainRoot(inner) : null;
    return root?.type === AST_NODE_TYPES.Identifier && this.moduleBindings.has(root.name);
  }

  /** Adds the variables a value handed to a mock call reads, through literals, arrows and wrappers. */
  private collectFed(node: TSESTree.Node, depth: number): void {
    if (depth > 4) {
      return;
    }
    switch (node.type) {
      case AST_NODE_TYPES.Identifier: {
        const variable = findVariable(this.sourceCode.getScope(node), node);
        if (variable !== null) {
          this.fedVariables.add(variable);
        }
        return;
      }
      case AST_NODE_TYPES.MemberExpression: {
        const path = referenceKey(node);
        if (path !== null) {
          this.fedPaths.add(path);
        }
        return;
      }
      case AST_NODE_TYPES.ObjectExpression:
        for (const property of node.properties) {
          this.collectFed(property.type === AST_NODE_TYPES.Property ? property.value : property.argument, depth + 1);
        }
        return;
      case AST_NODE_TYPES.ArrayExpression:
        for (const element of node.elements) {
          if (element !== null) {
            this.collectFed(element.type === AST_NODE_TYPES.SpreadElement ? element.argument : element, depth + 1);
          }
        }
        return;
      case AST_NODE_TYPES.ArrowFunctionExpression:
      case AST_NODE_TYPES.FunctionExpression:
        // An implementation's returned value: `jest.fn(() => unlock)`, `async () => { return unlock; }`.
        if (node.body.type !== AST_NODE_TYPES.BlockStatement) {
          this.collectFed(node.body, depth + 1);
        } else {
          for (const statement of node.body.body) {
            if (statement.type === AST_NODE_TYPES.ReturnStatement && statement.argument !== null) {
              this.collectFed(statement.argument, depth + 1);
            }
          }
        }
        return;
      case AST_NODE_TYPES.CallExpression:
        // `Promise.resolve(unlock)`: the double is what the implementation resolves to.
        if (isPromiseSettle(node)) {
          this.collectFed(node.arguments[0] as TSESTree.Node, depth + 1);
        }
        return;
      case AST_NODE_TYPES.AwaitExpression:
        this.collectFed(node.argument, depth + 1);
        return;
      case AST_NODE_TYPES.ConditionalExpression:
        this.collectFed(node.consequent, depth + 1);
        this.collectFed(node.alternate, depth + 1);
        return;
      case AST_NODE_TYPES.TSAsExpression:
      case AST_NODE_TYPES.TSSatisfiesExpression:
      case AST_NODE_TYPES.TSNonNullExpression:
        this.collectFed(node.expression, depth + 1);
        return;
      default:
        return;
    }
  }

  /** `key` is a factory's path or lies under one (`ctx.finder.promises.find` under `ctx.finder`). */
  private isUnderFactoryPath(key: string): boolean {
    if (this.factoryPaths.size === 0) {
      return false;
    }
    for (let index = key.indexOf('.'); index !== -1; index = key.indexOf('.', index + 1)) {
      if (this.factoryPaths.has(key.slice(0, index))) {
        return true;
      }
    }
    return this.factoryPaths.has(key);
  }

  /**
   * The double is stored in a variable (`const x =`, or `x =` to a `let`), a member path, or an
   * object literal stored there, that feeds another mock.
   */
  private feedsAnotherMock(node: TSESTree.CallExpression): boolean {
    if (this.fedVariables.size === 0 && this.fedPaths.size === 0) {
      return false;
    }
    let current: TSESTree.Node = chainTop(node);
    for (let depth = 0; depth < 4; depth += 1) {
      const parent: TSESTree.Node | undefined = current.parent;
      if ((parent?.type === AST_NODE_TYPES.LogicalExpression && parent.right === current) || (parent?.type === AST_NODE_TYPES.ConditionalExpression && parent.test !== current)) {
        // `const drop = overrides.drop ?? jest.fn()`: the default of an option.
        current = parent;
        continue;
      }
      if (parent?.type === AST_NODE_TYPES.VariableDeclarator && parent.init === current) {
        // Stored in a variable that is fed, or put into a literal that is (`const context = { models: { drop } }`).
        return this.sourceCode
          .getDeclaredVariables(parent)
          .some((variable) => this.fedVariables.has(variable) || variable.references.some((reference) => this.storedWhereFed(reference.identifier)));
      }
      if (parent?.type === AST_NODE_TYPES.AssignmentExpression && parent.right === current) {
        return this.isFedTarget(parent.left);
      }
      if (parent?.type === AST_NODE_TYPES.Property && parent.value === current && parent.parent.type === AST_NODE_TYPES.ObjectExpression) {
        current = parent.parent;
        continue;
      }
      return false;
    }
    return false;
  }

  /** `node` is a property value of a nest of literals stored in a variable or path that feeds another mock. */
  private storedWhereFed(node: TSESTree.Node): boolean {
    let current: TSESTree.Node = node;
    for (let depth = 0; depth < 5; depth += 1) {
      const parent: TSESTree.Node | undefined = current.parent;
      if (parent?.type === AST_NODE_TYPES.Property && parent.value === current && parent.parent.type === AST_NODE_TYPES.ObjectExpression) {
        current = parent.parent;
        continue;
      }
      if (current === node) {
        return false;
      }
      if (parent?.type === AST_NODE_TYPES.VariableDeclarator && parent.init === current) {
        return this.sourceCode.getDeclaredVariables(parent).some((variable) => this.fedVariables.has(variable));
      }
      return parent?.type === AST_NODE_TYPES.AssignmentExpression && parent.right === current && this.isFedTarget(parent.left);
    }
    return false;
  }

  /** An assignment target that is handed to another mock: a variable or a member path. */
  private isFedTarget(target: TSESTree.Node): boolean {
    if (target.type === AST_NODE_TYPES.Identifier) {
      const variable = findVariable(this.sourceCode.getScope(target), target);
      return variable !== null && this.fedVariables.has(variable);
    }
    const path = referenceKey(target);
    return path !== null && this.fedPaths.has(path);
  }

  /** `sinon.replace(o, 'm', sinon.fake.returns(1))`, `vi.stubGlobal('fetch', vi.fn(impl))`, `stub.returns(sinon.stub())`. */
  private isArgumentOfMockCall(node: TSESTree.Node): boolean {
    let child: TSESTree.Node = node;
    for (let parent = node.parent; parent != null && !isStatement(parent); parent = parent.parent) {
      if (parent.type === AST_NODE_TYPES.CallExpression && parent.callee !== child && this.calls.has(parent)) {
        return true;
      }
      child = parent;
    }
    return false;
  }

  /** `core.warning = jest.fn(…)` where `core` comes from a module the file mocks: configuring that mock, not a new collaborator. */
  private isAssignedOntoMockedModule(node: TSESTree.CallExpression): boolean {
    const top = chainTop(node);
    const parent = top.parent;
    if (parent?.type !== AST_NODE_TYPES.AssignmentExpression || parent.right !== top) {
      return false;
    }
    const target = unwrapExpression(parent.left);
    const root = target.type === AST_NODE_TYPES.MemberExpression ? getChainRoot(target) : null;
    return root?.type === AST_NODE_TYPES.Identifier && this.moduleBindings.has(root.name);
  }

  /** Doubles made inside `vi.hoisted(() => …)` exist to feed module factories. */
  private isInsideHoisted(node: TSESTree.Node): boolean {
    for (let current = node.parent; current != null; current = current.parent) {
      if (
        current.type === AST_NODE_TYPES.CallExpression &&
        current.callee.type === AST_NODE_TYPES.MemberExpression &&
        getPropertyName(current.callee) === 'hoisted' &&
        current.callee.object.type === AST_NODE_TYPES.Identifier &&
        this.model.resolveName(current.callee.object)?.kind === 'mockApi'
      ) {
        return true;
      }
    }
    return false;
  }
}

/** `Promise.resolve(x)` or `Promise.reject(x)` with an argument. */
function isPromiseSettle(node: TSESTree.CallExpression): boolean {
  const callee = node.callee;
  return (
    node.arguments.length > 0 &&
    callee.type === AST_NODE_TYPES.MemberExpression &&
    callee.object.type === AST_NODE_TYPES.Identifier &&
    callee.object.name === 'Promise' &&
    (getPropertyName(callee) === 'resolve' || getPropertyName(callee) === 'reject')
  );
}

/** The longest static member path read from `identifier` (`ctx.finder` for `ctx.finder.promises` in a call), null without a member. */
function readPath(identifier: TSESTree.Identifier): string | null {
  let outer: TSESTree.Node = identifier;
  while (outer.parent?.type === AST_NODE_TYPES.MemberExpression && outer.parent.object === outer && !outer.parent.computed) {
    outer = outer.parent;
  }
  return outer === identifier ? null : referenceKey(outer);
}
