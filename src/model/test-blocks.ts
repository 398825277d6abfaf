import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/types';

import { getCalleeLinks, isFunction, unwrapExpression, type FunctionNode } from '../ast/nodes.js';
import { HOOK_KINDS, type FrameworkName, type HookKind, type Library } from './framework-names.js';

export type BlockKind = 'hook' | 'suite' | 'test';

export interface TestBlock {
  readonly kind: BlockKind;
  /** For hooks: which of the four kinds (`before` is `beforeAll`). */
  readonly hook: HookKind | null;
  /** The call that declares the block. */
  readonly node: TSESTree.CallExpression;
  /** Canonical name of the function called: `it`, `describe`, `beforeEach`, `test` … */
  readonly name: string;
  readonly library: Library;
  /** Modifier links such as `only`, `skip`, `each`, `concurrent`, `serial`. */
  readonly modifiers: readonly string[];
  /** Static title, with template placeholders kept as text; null for hooks and dynamic titles. */
  readonly title: string | null;
  readonly callback: FunctionNode | null;
  /** Enclosing suite, test (node:test subtests) or hook; null at file level. */
  readonly parent: TestBlock | null;
  readonly children: TestBlock[];
  /** The `done` callback parameter, when the block completes through one. */
  readonly doneParameter: TSESTree.Identifier | null;
  /** node:test's test context parameter (`t`). */
  readonly contextParameter: TSESTree.Identifier | null;
  /** The block completes through a node:test plan (`t.plan(n)` or `{ plan: n }`). Set during the walk. */
  usesPlan: boolean;
}

/** Is `block` the `ancestor` block or nested inside it (a test in a suite, a subtest in a test)? */
export function isBlockWithin(block: TestBlock | null, ancestor: TestBlock): boolean {
  for (let current = block; current !== null; current = current.parent) {
    if (current === ancestor) {
      return true;
    }
  }
  return false;
}

/** Links after the function name that still declare a block. */
const BLOCK_MODIFIERS: ReadonlySet<string> = new Set([
  'only',
  'skip',
  'concurrent',
  'sequential',
  'fails',
  'failing',
  'fixme',
  'serial',
  'parallel',
  'shuffle',
  'each',
  'for',
  'skipIf',
  'runIf',
  'if',
  'extend',
  'todo',
]);

/** Links that return a builder which is called again (`it.each(table)(title, fn)`). */
const BUILDER_LINKS: ReadonlySet<string> = new Set(['each', 'for', 'skipIf', 'runIf', 'if', 'extend']);

const DONE_NAMES: ReadonlySet<string> = new Set(['done', 'cb', 'callback', 'next', 'finish', 'end', 'resolve']);

function templateTitle(node: TSESTree.Node | undefined): string | null {
  if (node === undefined) {
    return null;
  }
  const value = unwrapExpression(node);
  if (value.type === AST_NODE_TYPES.Literal && typeof value.value === 'string') {
    return value.value;
  }
  if (value.type === AST_NODE_TYPES.TemplateLiteral) {
    return value.quasis.map((quasi) => quasi.value.cooked ?? quasi.value.raw).join('${}');
  }
  return null;
}

function lastFunctionArgument(call: TSESTree.CallExpression): FunctionNode | null {
  for (let index = call.arguments.length - 1; index >= 0; index -= 1) {
    const argument = call.arguments[index];
    if (isFunction(argument)) {
      return argument;
    }
  }
  return null;
}

function firstFunctionArgument(call: TSESTree.CallExpression): FunctionNode | null {
  for (const argument of call.arguments) {
    if (isFunction(argument)) {
      return argument;
    }
  }
  return null;
}

function hasPlanOption(call: TSESTree.CallExpression): boolean {
  return call.arguments.some(
    (argument) =>
      argument.type === AST_NODE_TYPES.ObjectExpression &&
      argument.properties.some(
        (property) => property.type === AST_NODE_TYPES.Property && property.key.type === AST_NODE_TYPES.Identifier && property.key.name === 'plan',
      ),
  );
}

function identifierParameter(callback: FunctionNode | null, index: number): TSESTree.Identifier | null {
  const parameter = callback?.params[index];
  return parameter?.type === AST_NODE_TYPES.Identifier ? parameter : null;
}

/** What a block call's root name and links declare: its kind, canonical name, hook and modifiers; null for anything else. */
interface BlockHead {
  kind: BlockKind;
  name: string;
  hook: HookKind | null;
  library: Library;
  readonly modifiers: string[];
}

/** The kind a root name declares; node:test's `t.test`/`t.beforeEach` take the kind from the first link (taken off `names`). */
function rootHead(root: FrameworkName, names: string[]): BlockHead | null {
  const head = (kind: BlockKind, name: string, hook: HookKind | null, library: Library): BlockHead => ({ kind, name, hook, library, modifiers: [] });
  switch (root.kind) {
    case 'testContext': {
      const first = names.shift();
      if (first === 'test') {
        return head('test', first, null, 'node:test');
      }
      return first !== undefined && HOOK_KINDS.has(first) ? head('hook', first, HOOK_KINDS.get(first) ?? null, 'node:test') : null;
    }
    case 'hook':
      return head('hook', root.name, HOOK_KINDS.get(root.name) ?? null, root.library);
    case 'suite':
    case 'test':
      return head(root.kind, root.name, null, root.library);
    default:
      return null;
  }
}

/** Reads the links after the root (`it.only`, `test.describe`, `test.beforeEach`, `it.each`); null when one does not declare a block. */
function readLinks(head: BlockHead, names: readonly string[]): BlockHead | null {
  for (const link of names) {
    if (head.kind === 'test' && link === 'describe') {
      head.kind = 'suite';
      head.name = 'describe';
    } else if (head.kind === 'test' && HOOK_KINDS.has(link)) {
      head.kind = 'hook';
      head.hook = HOOK_KINDS.get(link) ?? null;
      head.name = link;
    } else if (BLOCK_MODIFIERS.has(link)) {
      head.modifiers.push(link);
    } else {
      return null;
    }
  }
  return head;
}

/** How a test or hook completes besides returning: node:test's context and `done`, or a `done` callback elsewhere. */
function completionParameters(
  head: BlockHead,
  callback: FunctionNode,
): { doneParameter: TSESTree.Identifier | null; contextParameter: TSESTree.Identifier | null } {
  const { kind, library, modifiers } = head;
  if (kind === 'suite') {
    return { doneParameter: null, contextParameter: null };
  }
  if (library === 'node:test') {
    return { contextParameter: identifierParameter(callback, 0), doneParameter: identifierParameter(callback, 1) };
  }
  if (library !== 'playwright' && library !== 'vitest' && !modifiers.includes('each') && !modifiers.includes('for')) {
    const first = identifierParameter(callback, 0);
    if (first !== null && (library !== 'unknown' || DONE_NAMES.has(first.name) || callback.params.length === 1)) {
      return { doneParameter: first, contextParameter: null };
    }
    // zUnit and similar runners hand a test context first and `done` second: `it('x', (test, done) => …)`.
    const second = identifierParameter(callback, 1);
    if (library === 'unknown' && second !== null && DONE_NAMES.has(second.name)) {
      return { doneParameter: second, contextParameter: null };
    }
  }
  return { doneParameter: null, contextParameter: null };
}

/**
 * Decides whether `call` declares a test, suite or hook, given what its root name resolved to.
 * Returns the block's kind data, or null for builders (`it.each(t)`), `test.step`, `test.use` ….
 */
export function classifyBlockCall(
  call: TSESTree.CallExpression,
  root: FrameworkName,
  parent: TestBlock | null,
): TestBlock | null {
  const links = getCalleeLinks(call.callee);
  if (links === null) {
    return null;
  }
  const names = links.map((link) => link.name);
  const rooted = rootHead(root, names);
  const head = rooted === null ? null : readLinks(rooted, names);
  if (head === null) {
    return null;
  }
  const { kind, name, hook, library, modifiers } = head;

  // `it.each(table)` is a builder; the block is the call of what it returns.
  const callee = unwrapExpression(call.callee);
  const calledBuilder = callee.type === AST_NODE_TYPES.CallExpression || callee.type === AST_NODE_TYPES.TaggedTemplateExpression;
  const lastLink = names.at(-1);
  if (!calledBuilder && lastLink !== undefined && BUILDER_LINKS.has(lastLink)) {
    return null;
  }
  if (modifiers.includes('todo')) {
    return null;
  }

  const callback: FunctionNode | null = kind === 'hook' ? firstFunctionArgument(call) : lastFunctionArgument(call);
  if (callback === null) {
    return null;
  }
  const { doneParameter, contextParameter } = completionParameters(head, callback);

  return {
    kind,
    hook,
    node: call,
    name,
    library,
    modifiers,
    title: kind === 'hook' ? null : templateTitle(call.arguments[0]),
    callback,
    parent,
    children: [],
    doneParameter,
    contextParameter,
    usesPlan: library === 'node:test' && hasPlanOption(call),
  };
}
