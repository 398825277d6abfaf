import { createRequire } from 'node:module';

import type { TSESTree } from '@typescript-eslint/types';
import type { ParserServicesWithTypeInformation, TSESLint } from '@typescript-eslint/utils';
import { getParserServices } from '@typescript-eslint/utils/eslint-utils';
import type * as ts from 'typescript';

/**
 * The one module through which rules use type information. Every function here returns
 * `null` (never throws) when the file was parsed without a TypeScript program
 * (`parserOptions.projectService` or `project`), so rules that merely benefit from types keep
 * their syntactic behaviour, and typed rules do nothing.
 */

type RuleContext = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;

export interface TypeServices {
  readonly program: ts.Program;
  readonly checker: ts.TypeChecker;
  readonly services: ParserServicesWithTypeInformation;
  /** The `typescript` module (for flags); loaded lazily, only once types are known to be present. */
  readonly ts: typeof ts;
}

/**
 * How a value's type relates to promises:
 * - `thenable`: every constituent has a callable `then`;
 * - `notThenable`: no constituent can be a thenable, and the type is none of `any`, `unknown`,
 *   `never`, `void` or an unconstrained type parameter;
 * - `mixed`: a union of both (`T | Promise<T>`, overloads that disagree);
 * - `unknown`: the checker cannot tell (any/unknown/void/never/type parameter, or no types).
 */
export type Thenability = 'thenable' | 'notThenable' | 'mixed' | 'unknown';

export interface ThenabilityOptions {
  /**
   * Count as `thenable` only promise-shaped types (members `then`, `catch`, `finally` and symbols);
   * a thenable with other members — a query builder (knex, mongoose), a supertest request — is
   * `unknown`, since a chainable plain double can stand for it legitimately. So is a type without
   * `then` that is named as a promise (webdriverio's `ChainablePromiseArray`, whose typings omit
   * `then` although its runtime value is a promise).
   */
  readonly promiseOnly?: boolean;
}

const PROMISE_MEMBERS: ReadonlySet<string> = new Set(['then', 'catch', 'finally']);

const servicesCache = new WeakMap<object, TypeServices | null>();
let typescriptModule: typeof ts | null | undefined;

function loadTypeScript(): typeof ts | null {
  if (typescriptModule === undefined) {
    try {
      typescriptModule = createRequire(import.meta.url)('typescript') as typeof ts;
    } catch {
      typescriptModule = null;
    }
  }
  return typescriptModule;
}

/** Type services of the file being linted, or null without full type information. Never throws. */
export function getTypeServices(context: RuleContext): TypeServices | null {
  const { sourceCode } = context;
  const cached = servicesCache.get(sourceCode);
  if (cached !== undefined) {
    return cached;
  }
  let result: TypeServices | null = null;
  try {
    const services = getParserServices(context, true);
    const program = services.program;
    const typescript = program == null ? null : loadTypeScript();
    if (program != null && typescript !== null) {
      result = {
        program,
        checker: program.getTypeChecker(),
        services: services as ParserServicesWithTypeInformation,
        ts: typescript,
      };
    }
  } catch {
    result = null;
  }
  servicesCache.set(sourceCode, result);
  return result;
}

/** The checker's type of an ESTree node, or null without types or when TypeScript cannot map it. */
export function getNodeType(context: RuleContext, node: TSESTree.Node): ts.Type | null {
  const typeServices = getTypeServices(context);
  if (typeServices === null) {
    return null;
  }
  try {
    return typeServices.services.getTypeAtLocation(node);
  } catch {
    return null;
  }
}

const UNKNOWABLE_FLAGS = (typescript: typeof ts): number =>
  typescript.TypeFlags.Any | typescript.TypeFlags.Unknown | typescript.TypeFlags.Never | typescript.TypeFlags.Void;

function thenabilityOfPart(typeServices: TypeServices, type: ts.Type, options: ThenabilityOptions, depth: number): Thenability {
  const { checker, ts: typescript } = typeServices;
  if ((type.flags & UNKNOWABLE_FLAGS(typescript)) !== 0) {
    return 'unknown';
  }
  if ((type.flags & typescript.TypeFlags.TypeParameter) !== 0 || (type.flags & typescript.TypeFlags.Index) !== 0 || (type.flags & typescript.TypeFlags.IndexedAccess) !== 0 || (type.flags & typescript.TypeFlags.Conditional) !== 0 || (type.flags & typescript.TypeFlags.Substitution) !== 0) {
    const constraint = checker.getBaseConstraintOfType(type);
    if (constraint === undefined || constraint === type || depth > 3) {
      return 'unknown';
    }
    return thenabilityOf(typeServices, constraint, options, depth + 1);
  }
  const then = checker.getPropertyOfType(type, 'then');
  if (then === undefined) {
    return options.promiseOnly === true && namedAsPromise(type) ? 'unknown' : 'notThenable';
  }
  const declaration = then.valueDeclaration ?? then.declarations?.[0];
  const thenType = declaration === undefined ? checker.getDeclaredTypeOfSymbol(then) : checker.getTypeOfSymbolAtLocation(then, declaration);
  if (checker.getNonNullableType(thenType).getCallSignatures().length === 0) {
    return 'notThenable';
  }
  if (options.promiseOnly === true && checker.getPropertiesOfType(type).some((member) => !PROMISE_MEMBERS.has(member.getName()) && !member.getName().startsWith('__@'))) {
    return 'unknown';
  }
  return 'thenable';
}

/** `ChainablePromiseArray`, `PromiseProxy`: a type (or alias) whose name says it is a promise. */
function namedAsPromise(type: ts.Type): boolean {
  const symbol = type.aliasSymbol ?? type.getSymbol();
  return symbol !== undefined && /Promise/u.test(symbol.getName());
}

/** Combines the thenability of union members or signatures: all agree → that; any unknown → unknown; else mixed. */
export function combineThenability(parts: readonly Thenability[]): Thenability {
  if (parts.length === 0 || parts.includes('unknown')) {
    return 'unknown';
  }
  if (parts.every((part) => part === 'thenable')) {
    return 'thenable';
  }
  if (parts.every((part) => part === 'notThenable')) {
    return 'notThenable';
  }
  return 'mixed';
}

/** Thenability of a checker type (unions member by member). */
export function thenabilityOf(typeServices: TypeServices, type: ts.Type, options: ThenabilityOptions = {}, depth = 0): Thenability {
  if (type.isUnion()) {
    return combineThenability(type.types.map((member) => thenabilityOfPart(typeServices, member, options, depth)));
  }
  return thenabilityOfPart(typeServices, type, options, depth);
}

/** Thenability of the value of an expression; `unknown` without types. */
export function nodeThenability(context: RuleContext, node: TSESTree.Node, options: ThenabilityOptions = {}): Thenability {
  const typeServices = getTypeServices(context);
  const type = typeServices === null ? null : getNodeType(context, node);
  if (typeServices === null || type === null) {
    return 'unknown';
  }
  try {
    return thenabilityOf(typeServices, type, options);
  } catch {
    return 'unknown';
  }
}

/**
 * Whether the value of `node` is a thenable: `true`/`false` when the checker is sure, `null`
 * without types and for any/unknown/void/never, type parameters without a constraint and
 * unions that mix thenables and plain values (`T | Promise<T>`).
 */
export function isThenableType(context: RuleContext, node: TSESTree.Node): boolean | null {
  const thenability = nodeThenability(context, node);
  return thenability === 'thenable' ? true : thenability === 'notThenable' ? false : null;
}

/**
 * What a function-like type returns, over all its call signatures (overloads must agree) and,
 * for a union of function types, over every member. `undefined`/`null` members are ignored
 * (optional methods). Not callable → `unknown`.
 */
export function returnThenabilityOfType(typeServices: TypeServices, type: ts.Type, options: ThenabilityOptions = {}): Thenability {
  const { checker } = typeServices;
  const callable = checker.getNonNullableType(type);
  const members = callable.isUnion() ? callable.types : [callable];
  const parts: Thenability[] = [];
  for (const member of members) {
    const signatures = member.getCallSignatures();
    if (signatures.length === 0) {
      return 'unknown';
    }
    for (const signature of signatures) {
      parts.push(thenabilityOf(typeServices, checker.getReturnTypeOfSignature(signature), options));
    }
  }
  return combineThenability(parts);
}

/** What the function that `node` evaluates to returns; `unknown` without types or when not callable. */
export function returnThenability(context: RuleContext, node: TSESTree.Node, options: ThenabilityOptions = {}): Thenability {
  const typeServices = getTypeServices(context);
  const type = typeServices === null ? null : getNodeType(context, node);
  if (typeServices === null || type === null) {
    return 'unknown';
  }
  try {
    return returnThenabilityOfType(typeServices, type, options);
  } catch {
    return 'unknown';
  }
}

/** The type of property `name` of the value of `object` (`obj` in `spyOn(obj, 'm')`), or null. */
export function getPropertyType(context: RuleContext, object: TSESTree.Node, name: string): ts.Type | null {
  const typeServices = getTypeServices(context);
  const objectType = typeServices === null ? null : getNodeType(context, object);
  if (typeServices === null || objectType === null) {
    return null;
  }
  try {
    const { checker } = typeServices;
    const property = checker.getPropertyOfType(checker.getApparentType(checker.getNonNullableType(objectType)), name);
    if (property === undefined) {
      return null;
    }
    return checker.getTypeOfSymbolAtLocation(property, typeServices.services.esTreeNodeToTSNodeMap.get(object));
  } catch {
    return null;
  }
}

/** The type a type annotation or type argument spells (`typeof fetchUser` in `vi.fn<typeof fetchUser>()`), or null. */
export function getTypeFromTypeNode(context: RuleContext, typeNode: TSESTree.TypeNode): ts.Type | null {
  const typeServices = getTypeServices(context);
  if (typeServices === null) {
    return null;
  }
  try {
    const tsNode = typeServices.services.esTreeNodeToTSNodeMap.get(typeNode) as ts.TypeNode | undefined;
    return tsNode === undefined ? null : typeServices.checker.getTypeFromTypeNode(tsNode);
  } catch {
    return null;
  }
}

/**
 * The type of export `name` of the module a specifier literal names (`'./api'` in
 * `import … from './api'`), as TypeScript resolves it for the file; null when unresolved.
 */
export function getModuleExportType(context: RuleContext, specifier: TSESTree.StringLiteral, name: string): ts.Type | null {
  const typeServices = getTypeServices(context);
  if (typeServices === null) {
    return null;
  }
  try {
    const { checker, services } = typeServices;
    const tsNode = services.esTreeNodeToTSNodeMap.get(specifier);
    const moduleSymbol = checker.getSymbolAtLocation(tsNode);
    if (moduleSymbol === undefined) {
      return null;
    }
    const exported = checker.getExportsOfModule(moduleSymbol).find((symbol) => symbol.getName() === name);
    if (exported === undefined) {
      return null;
    }
    const target = (exported.flags & typeServices.ts.SymbolFlags.Alias) !== 0 ? checker.getAliasedSymbol(exported) : exported;
    return checker.getTypeOfSymbolAtLocation(target, tsNode);
  } catch {
    return null;
  }
}
