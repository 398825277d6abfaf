import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/types';
import type { TSESLint } from '@typescript-eslint/utils';
import { findVariable } from '@typescript-eslint/utils/ast-utils';

import { rangeContains } from '../../ast/nodes.js';
import { collectChain, readChaiParts, type Assertion, type ChainPart, type ImportRecord, type TestModel } from '../../model/index.js';

/** Modules whose export is should.js's `should` function. */
const SHOULD_JS_MODULES: ReadonlySet<string> = new Set(['should', 'should/as-function']);
/** Modules that make a `.should` chain chai's rather than should.js's. */
const CHAI_MODULES: ReadonlySet<string> = new Set(['chai', 'chai-as-promised', 'chai/register-should']);
/** should.js's promise assertions: methods that return a promise (`should(p).be.rejectedWith(Error)`). */
const PROMISE_METHODS: ReadonlySet<string> = new Set(['fulfilled', 'resolved', 'rejected', 'fulfilledWith', 'resolvedWith', 'rejectedWith']);
/** should.js getters that make every later link of the chain act on the settled value, as a promise. */
const PROMISE_GETTERS: ReadonlySet<string> = new Set(['finally', 'eventually']);

/**
 * should.js in one file: the imports that bind its `should` function, and whether the file's
 * `x.should…` chains are should.js's (it loads should.js and not chai, which has a `should` style too).
 */
export interface ShouldJs {
  readonly records: readonly ImportRecord[];
  readonly ownsShouldMembers: boolean;
}

/** The file's should.js imports, or null when it loads none. */
export function readShouldJs(model: TestModel): ShouldJs | null {
  const records = model.imports.filter((record) => SHOULD_JS_MODULES.has(record.specifier));
  if (records.length === 0) {
    return null;
  }
  return { records, ownsShouldMembers: !model.imports.some((record) => CHAI_MODULES.has(record.specifier)) };
}

/**
 * Does this should.js chain produce a promise: a promise method that is called (should.js's are
 * methods; `should(p).be.rejected` without a call runs nothing), or `.finally` / `.eventually`
 * followed by another link?
 */
export function isShouldJsPromise(parts: readonly ChainPart[]): boolean {
  return parts.some((part, index) => (PROMISE_METHODS.has(part.name) && part.call !== null) || (PROMISE_GETTERS.has(part.name) && index < parts.length - 1));
}

/** Is `assertion` a `x.should…` member chain (not `expect(x)…`)? */
export function isShouldMemberChain(assertion: Assertion): boolean {
  return assertion.style === 'chai' && assertion.head.type === AST_NODE_TYPES.MemberExpression;
}

/**
 * should.js's function form that returns a promise, `should(p).be.rejectedWith(…)`,
 * `should(p).finally.equal(1)`, with `should` bound to an import of should.js. The model does not
 * read this form (other rules have no use for it), so it is read here, from the model's call index.
 */
export function readShouldCalls(shouldJs: ShouldJs, model: TestModel, sourceCode: Readonly<TSESLint.SourceCode>): Assertion[] {
  const names = new Set<string>();
  for (const record of shouldJs.records) {
    for (const local of record.locals) {
      names.add(local);
    }
    if (record.namespace !== null) {
      names.add(record.namespace);
    }
  }
  const assertions: Assertion[] = [];
  if (names.size === 0) {
    return assertions;
  }
  for (const call of model.nodesOfType(AST_NODE_TYPES.CallExpression)) {
    const callee = call.callee;
    if (callee.type !== AST_NODE_TYPES.Identifier || !names.has(callee.name) || call.arguments.length === 0) {
      continue;
    }
    const { parts, top } = collectChain(call);
    if (!isShouldJsPromise(parts) || !isBoundToShouldJs(callee, shouldJs.records, sourceCode)) {
      continue;
    }
    const assertion = readChaiParts(call, call.arguments[0] ?? null, parts, top, 'unknown');
    if (assertion !== null) {
      assertions.push({ ...assertion, asyncKind: 'eventually', block: model.blockOf(call) });
    }
  }
  return assertions;
}

/** Is `identifier` the binding an import or `require` of should.js declares (not a shadowing local)? */
function isBoundToShouldJs(identifier: TSESTree.Identifier, records: readonly ImportRecord[], sourceCode: Readonly<TSESLint.SourceCode>): boolean {
  const definition = findVariable(sourceCode.getScope(identifier), identifier)?.defs[0];
  if (definition === undefined) {
    return false;
  }
  if (definition.type === 'ImportBinding') {
    return records.some((record) => record.node === definition.parent);
  }
  if (definition.type !== 'Variable') {
    return false;
  }
  const init = definition.node.init;
  return init !== null && records.some((record) => rangeContains(init.range, record.node.range));
}
