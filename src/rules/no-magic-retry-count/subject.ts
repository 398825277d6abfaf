import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/types';
import type { TSESLint } from '@typescript-eslint/utils';
import { findVariable } from '@typescript-eslint/utils/ast-utils';

import { getChainRoot, rangeContains } from '../../ast/nodes.js';
import type { ImportRecord, TestBlock } from '../../model/index.js';

/**
 * The retry helper's own suite, for `no-magic-retry-count`: a test that hands the counted operation straight to a
 * retrying function (`withRetry(op)`, `retryOnFailure(() => { attempts++; throw e; })`) that is the file's subject.
 * There the default attempt count is the helper's contract under test, not a hidden policy of the code: reviewers do
 * not ask to name it (blind labels, V4), unless the module exports it and the test imports it (`MAX_RETRIES`).
 */

/** `MAX_RETRIES`, `DEFAULT_RETRY_COUNT`, `RETRY_ATTEMPTS`: a named default a test could derive the count from. */
const DEFAULT_CONSTANT = /^[A-Z][A-Z\d_]*$/u;
const DEFAULT_CONSTANT_WORD = /RETR|ATTEMPT|TRIES/u;

/** `retry-async.spec.js` → `retryasync`; `./utils/with_retry.ts` → `withretry`; `../retry/index.js` → `retry`. */
function moduleStem(path: string): string {
  const segments = path.split(/[/\\]/u).filter((segment) => segment !== '' && segment !== '.' && segment !== '..');
  let last = segments.at(-1) ?? '';
  if (/^index(?:\.|$)/u.test(last)) {
    last = segments.at(-2) ?? '';
  }
  return normalise(last.split('.')[0] ?? '');
}

const normalise = (name: string): string => name.toLowerCase().replace(/[-_]/gu, '');

/** Does a suite title name the function (`describe('withRetry')`, `'withRetry()'`, `'#retry'`, `'retry: defaults'`)? */
function titleNames(title: string, name: string): boolean {
  const text = title.trim().replace(/^[#.]/u, '');
  if (!text.startsWith(name)) {
    return false;
  }
  const next = text.charAt(name.length);
  return next === '' || !/[\w$]/u.test(next);
}

export class SubjectOfFile {
  private importsDefault: boolean | null = null;
  private readonly stem: string;

  constructor(
    private readonly sourceCode: Readonly<TSESLint.SourceCode>,
    private readonly imports: readonly ImportRecord[],
    filename: string,
  ) {
    this.stem = moduleStem(filename);
  }

  /**
   * Does `test` count the operation it hands to the file's subject, a retrying function, whose default count is the
   * contract under test? `calls` are the retrying calls written in the test.
   */
  countsOwnDefault(test: TestBlock, calls: readonly TSESTree.CallExpression[], counted: TSESTree.Node): boolean {
    const root = getChainRoot(counted);
    if (root?.type !== AST_NODE_TYPES.Identifier || calls.length === 0 || this.importsNamedDefault()) {
      return false;
    }
    const countedVariable = findVariable(this.sourceCode.getScope(root), root.name);
    if (countedVariable === null) {
      return false;
    }
    return calls.some((call) => {
      const callee = call.callee;
      if (callee.type !== AST_NODE_TYPES.Identifier || !this.isSubject(test, callee)) {
        return false;
      }
      // The counted double or counter is used in what the test hands the helper: the operation it retries.
      return call.arguments.some((argument) => countedVariable.references.some((reference) => rangeContains(argument.range, reference.identifier.range)));
    });
  }

  /** Is the called function the file's subject: named by a suite around the test, by the file, or imported from the module the file is named after? */
  private isSubject(test: TestBlock, callee: TSESTree.Identifier): boolean {
    for (let block: TestBlock | null = test.parent; block !== null; block = block.parent) {
      if (block.kind === 'suite' && block.title !== null && titleNames(block.title, callee.name)) {
        return true;
      }
    }
    if (this.stem === '') {
      return false;
    }
    if (normalise(callee.name) === this.stem) {
      return true;
    }
    // Bound by the file's own import or require of that name (not a local of the same name).
    const definition = findVariable(this.sourceCode.getScope(callee), callee.name)?.defs[0];
    if (definition?.type !== 'ImportBinding' && definition?.type !== 'Variable') {
      return false;
    }
    const source = this.imports.find((record) => record.locals.includes(callee.name) || record.namespace === callee.name)?.specifier;
    return source !== undefined && source.startsWith('.') && moduleStem(source) === this.stem;
  }

  /** Does the file import a named retry default (`import { withRetry, MAX_RETRIES } from './retry'`)? Then the count should use it. */
  private importsNamedDefault(): boolean {
    this.importsDefault ??= this.imports.some((record) => record.locals.some(isNamedDefault));
    return this.importsDefault;
  }
}

const isNamedDefault = (name: string): boolean => DEFAULT_CONSTANT.test(name) && DEFAULT_CONSTANT_WORD.test(name);
