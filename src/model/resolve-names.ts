import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/types';
import type { TSESLint } from '@typescript-eslint/utils';
import { findVariable } from '@typescript-eslint/utils/ast-utils';

import { getPropertyName, getStaticString, unwrapExpression } from '../ast/nodes.js';
import {
  GLOBAL_NAMES,
  MODULE_ALIASES,
  MODULE_EXPORTS,
  NAMESPACE_MEMBERS,
  type FrameworkName,
} from './framework-names.js';
import type { TestQualitySettings } from './settings.js';

type Variable = TSESLint.Scope.Variable;

/** A module namespace while resolving `require('x').y` or `const { y } = require('x')`. */
interface ModuleValue {
  readonly kind: 'module';
  readonly specifier: string;
}

type Value = FrameworkName | ModuleValue;

/**
 * How deep one resolution may go: alias hops (`const b = a`), member links (`a.b.c`) and awaits,
 * each counted where an expression is read. Real aliases are a few hops; a file of thousands
 * (`const v1 = v0; const v2 = v1; …`) would otherwise recurse once per hop and overflow the stack.
 * Past the cap a name is not a framework name: a miss, never a throw.
 */
export const MAX_RESOLVE_DEPTH = 64;

/** Names exported by relative modules that re-export a framework (`import { test } from './fixtures'`). */
const REEXPORTED_NAMES: ReadonlySet<string> = new Set(['describe', 'it', 'test', 'expect']);

export interface NameResolver {
  /** What a reference to a framework name means here, or null (local look-alikes are null). */
  resolve(identifier: TSESTree.Identifier): FrameworkName | null;
}

export interface ResolverHooks {
  /** Is this parameter the test context of a node:test test or hook (`t`)? */
  isTestContextParameter(parameter: TSESTree.Node): boolean;
  /** Is this destructured parameter a vitest/playwright fixture object of a test callback? */
  isFixtureParameter(parameter: TSESTree.Node): boolean;
}

/**
 * Resolves the names of one file. A class rather than closures made per file: V8 keeps the
 * optimised code of a method for the whole process, while functions created anew for each file
 * lose it at a full garbage collection and are compiled again (see `FileModelBuilder`).
 */
export class FileNameResolver implements NameResolver {
  /**
   * Identifier → variable (null for undeclared), for the identifiers that start a call or member
   * chain (`expect(…)`, `vi.fn()`, `t.mock`), which is what gets resolved; filled by one pass over
   * the scope manager's references. Other identifiers fall back to a scope lookup.
   */
  private readonly referenceTargets = new Map<TSESTree.Identifier | TSESTree.JSXIdentifier, Variable | null>();
  private readonly byVariable = new Map<Variable, FrameworkName | null>();
  private readonly globals = new Map<string, FrameworkName | null>();
  private readonly resolving = new Set<Variable>();
  /** Expressions being read on the current path (bounded by `MAX_RESOLVE_DEPTH`). */
  private depth = 0;
  /** The current path hit the cap: what it worked out is not cached, since a shorter path may do better. */
  private truncated = false;

  constructor(
    private readonly sourceCode: Readonly<TSESLint.SourceCode>,
    private readonly settings: TestQualitySettings,
    private readonly hooks: ResolverHooks,
  ) {
    const { referenceTargets } = this;
    for (const scope of sourceCode.scopeManager?.scopes ?? []) {
      for (const reference of scope.references) {
        const { identifier } = reference;
        const parent = identifier.parent;
        if ((parent.type === AST_NODE_TYPES.CallExpression && parent.callee === identifier) || (parent.type === AST_NODE_TYPES.MemberExpression && parent.object === identifier)) {
          referenceTargets.set(identifier, reference.resolved);
        }
      }
    }
  }

  private variableOf(identifier: TSESTree.Identifier): Variable | null {
    const known = this.referenceTargets.get(identifier);
    return known === undefined ? findVariable(this.sourceCode.getScope(identifier), identifier) : known;
  }

  private moduleExport(specifier: string, exported: string): Value | null {
    const canonical = MODULE_ALIASES.get(specifier) ?? specifier;
    const exports = MODULE_EXPORTS.get(canonical);
    if (exports && canonical.startsWith('node:assert') && !exports.has(exported)) {
      // `import { strictEqual } from 'node:assert'` binds the assert method itself.
      return { kind: 'assert', name: exported, library: 'node:assert' };
    }
    if (exports) {
      return exports.get(exported) ?? (exported === '*' ? exports.get('default') : exported === 'default' ? exports.get('*') : undefined) ?? null;
    }
    if (this.settings.frameworkModules.has(specifier) || (specifier.startsWith('.') && REEXPORTED_NAMES.has(exported))) {
      return GLOBAL_NAMES.get(exported) ?? null;
    }
    return null;
  }

  private member(object: Value | null, name: string): Value | null {
    if (object === null) {
      return null;
    }
    if (object.kind === 'module') {
      return this.moduleExport(object.specifier, name);
    }
    const kind = NAMESPACE_MEMBERS.get(object.kind)?.get(name);
    return kind ? { kind, name, library: object.library } : null;
  }

  private resolveExpression(node: TSESTree.Node): Value | null {
    if (this.depth >= MAX_RESOLVE_DEPTH) {
      this.truncated = true;
      return null;
    }
    this.depth += 1;
    try {
      return this.readExpression(node);
    } finally {
      this.depth -= 1;
    }
  }

  private readExpression(node: TSESTree.Node): Value | null {
    const expression = unwrapExpression(node);
    switch (expression.type) {
      case AST_NODE_TYPES.AwaitExpression:
        return this.resolveExpression(expression.argument);
      case AST_NODE_TYPES.ImportExpression: {
        const specifier = getStaticString(expression.source);
        return specifier === null ? null : { kind: 'module', specifier };
      }
      case AST_NODE_TYPES.Identifier:
        return this.resolve(expression);
      case AST_NODE_TYPES.MemberExpression: {
        const name = getPropertyName(expression);
        return name === null ? null : this.member(this.resolveExpression(expression.object), name);
      }
      case AST_NODE_TYPES.CallExpression:
        return this.resolveCall(expression);
      default:
        return null;
    }
  }

  /** Values made by calling a framework function: `test.extend()`, `sinon.createSandbox()`, `request(app)`. */
  private resolveCall(call: TSESTree.CallExpression): Value | null {
    const callee = unwrapExpression(call.callee);
    if (callee.type === AST_NODE_TYPES.Identifier && callee.name === 'require') {
      const specifier = getStaticString(call.arguments[0]);
      return specifier === null ? null : { kind: 'module', specifier };
    }
    if (callee.type === AST_NODE_TYPES.MemberExpression) {
      const name = getPropertyName(callee);
      const object = this.resolveExpression(callee.object);
      if (object === null || object.kind === 'module' || name === null) {
        return null;
      }
      if (object.kind === 'test' && name === 'extend') {
        return object;
      }
      if (object.kind === 'mockApi' && object.library === 'sinon' && (name === 'createSandbox' || name === 'create')) {
        return object;
      }
      if (object.kind === 'supertest' && name === 'agent') {
        return { kind: 'supertestAgent', name: 'agent', library: 'supertest' };
      }
      return null;
    }
    const value = this.resolveExpression(callee);
    if (value?.kind === 'supertest') {
      return { kind: 'supertestAgent', name: 'request', library: 'supertest' };
    }
    return null;
  }

  /** The path from a declarator's id down to `name`: [] for `const x =`, ['y'] for `const { y: x } =`. */
  private patternPath(pattern: TSESTree.Node, name: TSESTree.Identifier): string[] | null {
    if (pattern === name) {
      return [];
    }
    if (pattern.type !== AST_NODE_TYPES.ObjectPattern) {
      return null;
    }
    for (const property of pattern.properties) {
      if (property.type !== AST_NODE_TYPES.Property) {
        continue;
      }
      const value = property.value.type === AST_NODE_TYPES.AssignmentPattern ? property.value.left : property.value;
      if (value === name) {
        const key = property.computed ? getStaticString(property.key) : property.key.type === AST_NODE_TYPES.Identifier ? property.key.name : getStaticString(property.key);
        return key === null ? null : [key];
      }
    }
    return null;
  }

  private resolveDefinition(variable: Variable): FrameworkName | null {
    if (variable.defs.length !== 1) {
      return null;
    }
    const definition = variable.defs[0];
    if (definition === undefined) {
      return null;
    }
    switch (definition.type) {
      case 'ImportBinding': {
        const specifierNode = definition.node;
        if (specifierNode.type === AST_NODE_TYPES.TSImportEqualsDeclaration) {
          const reference = specifierNode.moduleReference;
          const specifier = reference.type === AST_NODE_TYPES.TSExternalModuleReference ? getStaticString(reference.expression) : null;
          return specifier === null ? null : this.asName(this.moduleExport(specifier, '*'));
        }
        const declaration = specifierNode.parent;
        if (declaration?.type !== AST_NODE_TYPES.ImportDeclaration) {
          return null;
        }
        const specifier = declaration.source.value;
        switch (specifierNode.type) {
          case AST_NODE_TYPES.ImportDefaultSpecifier:
            return this.asName(this.moduleExport(specifier, 'default'));
          case AST_NODE_TYPES.ImportNamespaceSpecifier:
            return this.asName(this.moduleExport(specifier, '*'));
          case AST_NODE_TYPES.ImportSpecifier: {
            const imported = specifierNode.imported.type === AST_NODE_TYPES.Identifier ? specifierNode.imported.name : specifierNode.imported.value;
            return this.asName(this.moduleExport(specifier, imported));
          }
          default:
            return null;
        }
      }
      case 'Variable': {
        const declarator = definition.node;
        const declaration = declarator.parent;
        if (declaration?.type !== AST_NODE_TYPES.VariableDeclaration) {
          return null;
        }
        if (declarator.init === null || (declaration.kind !== 'const' && variable.references.some((reference) => reference.isWrite() && reference.init !== true))) {
          return this.resolveAssignments(variable);
        }
        const path = this.patternPath(declarator.id, definition.name);
        if (path === null) {
          return null;
        }
        let value = this.resolveExpression(declarator.init);
        for (const key of path) {
          value = this.member(value, key);
        }
        return this.asName(value);
      }
      case 'Parameter': {
        const parameter = definition.name;
        if (this.hooks.isTestContextParameter(parameter)) {
          return { kind: 'testContext', name: 't', library: 'node:test' };
        }
        const pattern = parameter.parent;
        if (pattern?.type === AST_NODE_TYPES.Property && pattern.parent.type === AST_NODE_TYPES.ObjectPattern && this.hooks.isFixtureParameter(pattern.parent)) {
          const key = pattern.key.type === AST_NODE_TYPES.Identifier ? pattern.key.name : null;
          return key === 'expect' ? { kind: 'expect', name: 'expect', library: 'vitest' } : null;
        }
        return null;
      }
      default:
        return null;
    }
  }

  /** `let sandbox; beforeEach(() => { sandbox = sinon.createSandbox(); })`: every write agrees. */
  private resolveAssignments(variable: Variable): FrameworkName | null {
    let result: FrameworkName | null = null;
    for (const reference of variable.references) {
      if (!reference.isWrite()) {
        continue;
      }
      const written = reference.writeExpr;
      const value = written == null ? null : this.asName(this.resolveExpression(written));
      if (value === null || (result !== null && (result.kind !== value.kind || result.library !== value.library))) {
        return null;
      }
      result = value;
    }
    return result;
  }

  private resolveVariable(variable: Variable): FrameworkName | null {
    if (this.byVariable.has(variable)) {
      return this.byVariable.get(variable) ?? null;
    }
    if (this.resolving.has(variable)) {
      return null;
    }
    this.resolving.add(variable);
    const outerTruncated = this.truncated;
    this.truncated = false;
    const result = this.resolveDefinition(variable);
    this.resolving.delete(variable);
    if (!this.truncated) {
      this.byVariable.set(variable, result);
    }
    this.truncated ||= outerTruncated;
    return result;
  }

  /** Names the user declared in settings; they win over look-alikes from unknown modules. */
  private settingsName(name: string): FrameworkName | null {
    if (this.settings.testFunctions.has(name)) {
      return { kind: 'test', name, library: 'unknown' };
    }
    if (this.settings.suiteFunctions.has(name)) {
      return { kind: 'suite', name, library: 'unknown' };
    }
    if (this.settings.assertFunctions.has(name)) {
      return { kind: 'assert', name, library: 'unknown' };
    }
    return null;
  }

  private resolveGlobal(name: string): FrameworkName | null {
    if (this.globals.has(name)) {
      return this.globals.get(name) ?? null;
    }
    const result = this.settingsName(name) ?? GLOBAL_NAMES.get(name) ?? null;
    this.globals.set(name, result);
    return result;
  }

  resolve(identifier: TSESTree.Identifier): FrameworkName | null {
    const variable = this.variableOf(identifier);
    if (variable === null || (variable.defs.length === 0 && variable.scope.type === 'global')) {
      return this.resolveGlobal(identifier.name);
    }
    const resolved = this.resolveVariable(variable);
    if (resolved === null && variable.defs[0]?.type === 'ImportBinding') {
      return this.settingsName(identifier.name);
    }
    return resolved;
  }

  /** A bound module namespace (`const sinon = require('sinon')`) means the module's `*` export. */
  private asName(value: Value | null): FrameworkName | null {
    if (value === null) {
      return null;
    }
    if (value.kind === 'module') {
      return this.asName(this.moduleExport(value.specifier, '*'));
    }
    return value;
  }
}
