import { parse } from '@typescript-eslint/parser';

import { pick } from './lint-harness.js';

/**
 * Source-level mutations for fuzzing: each parses the code, picks a spot at random and rewrites
 * the text there (rename identifiers, wrap calls, reorder/delete/duplicate statements, drop
 * arguments, swap literals). Mutants that no longer parse are fine; the caller skips them.
 */
interface Node {
  readonly type: string;
  readonly range: readonly [number, number];
  readonly [key: string]: unknown;
}

function isNode(value: unknown): value is Node {
  return typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string' && Array.isArray((value as { range?: unknown }).range);
}

function collect(code: string, jsx: boolean): Node[] | null {
  let program: unknown;
  try {
    program = parse(code, { range: true, loc: false, ecmaVersion: 'latest', sourceType: 'module', ecmaFeatures: { jsx } });
  } catch {
    return null;
  }
  const nodes: Node[] = [];
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) {
      for (const item of value) visit(item);
      return;
    }
    if (!isNode(value)) return;
    nodes.push(value);
    for (const [key, child] of Object.entries(value)) {
      if (key !== 'parent' && key !== 'range' && key !== 'loc' && typeof child === 'object') visit(child);
    }
  };
  visit(program);
  return nodes;
}

function replace(code: string, edits: readonly { readonly range: readonly [number, number]; readonly text: string }[]): string {
  let out = code;
  for (const edit of [...edits].sort((a, b) => b.range[0] - a.range[0])) {
    out = out.slice(0, edit.range[0]) + edit.text + out.slice(edit.range[1]);
  }
  return out;
}

const NEW_NAMES = ['it', 'test', 'describe', 'expect', 'vi', 'jest', 'sinon', 'assert', 't', 'done', 'mock', 'spy', 'retry', 'attempts', 'beforeEach', 'afterAll', 'request', 'undefined', 'x1'];
const WRAPPERS = ['(%)', 'wrap(%)', '[%]', 'void %', '!%', '%.then(() => {})', '(0, %)', 'await %', 'Promise.all([%])', '(() => %)()', 'expect(%)', 'return %'];
const NUMBERS = ['0', '1', '2', '3', '4', '200', '204', '301', '404', '500', '503', '-1', '1e309', 'NaN', 'n'];
const STRINGS = ["''", "'retry'", "'completed'", "'failed'", "'./foo'", "'../src/foo'", '`x${y}`'];

type Mutation = (code: string, nodes: readonly Node[], random: () => number) => string | null;

const ofType = (nodes: readonly Node[], ...types: string[]): Node[] => nodes.filter((node) => types.includes(node.type));
const text = (code: string, node: Node): string => code.slice(node.range[0], node.range[1]);

const mutations: Readonly<Record<string, Mutation>> = {
  renameIdentifier(code, nodes, random) {
    const identifiers = ofType(nodes, 'Identifier', 'JSXIdentifier');
    if (identifiers.length === 0) return null;
    const name = (pick(random, identifiers) as unknown as { name: string }).name;
    const next = pick(random, NEW_NAMES);
    return replace(
      code,
      identifiers.filter((node) => (node as unknown as { name: string }).name === name).map((node) => ({ range: node.range, text: next })),
    );
  },
  wrapCall(code, nodes, random) {
    const calls = ofType(nodes, 'CallExpression', 'NewExpression', 'AwaitExpression', 'MemberExpression');
    if (calls.length === 0) return null;
    const call = pick(random, calls);
    return replace(code, [{ range: call.range, text: pick(random, WRAPPERS).replace('%', text(code, call)) }]);
  },
  reorderStatements(code, nodes, random) {
    const lists = nodes
      .map((node) => (node.type === 'Program' || node.type === 'BlockStatement' ? (node.body as Node[]) : null))
      .filter((body): body is Node[] => body !== null && body.length >= 2);
    if (lists.length === 0) return null;
    const body = pick(random, lists);
    const i = Math.floor(random() * body.length);
    let j = Math.floor(random() * (body.length - 1));
    if (j >= i) j++;
    const a = body[i];
    const b = body[j];
    if (a === undefined || b === undefined) return null;
    return replace(code, [
      { range: a.range, text: text(code, b) },
      { range: b.range, text: text(code, a) },
    ]);
  },
  deleteStatement(code, nodes, random) {
    const statements = nodes.filter((node) => node.type.endsWith('Statement') || node.type.endsWith('Declaration'));
    if (statements.length === 0) return null;
    return replace(code, [{ range: pick(random, statements).range, text: '' }]);
  },
  duplicateStatement(code, nodes, random) {
    const statements = ofType(nodes, 'ExpressionStatement', 'VariableDeclaration', 'ReturnStatement');
    if (statements.length === 0) return null;
    const statement = pick(random, statements);
    return replace(code, [{ range: statement.range, text: `${text(code, statement)}\n${text(code, statement)}` }]);
  },
  dropArguments(code, nodes, random) {
    const calls = ofType(nodes, 'CallExpression').filter((node) => (node.arguments as Node[]).length > 0);
    if (calls.length === 0) return null;
    const args = pick(random, calls).arguments as Node[];
    const first = args[0];
    const last = args.at(-1);
    if (first === undefined || last === undefined) return null;
    return replace(code, [{ range: [first.range[0], last.range[1]], text: random() < 0.5 ? '' : 'undefined, ...rest' }]);
  },
  swapLiteral(code, nodes, random) {
    const literals = ofType(nodes, 'Literal', 'TemplateLiteral');
    if (literals.length === 0) return null;
    const literal = pick(random, literals);
    return replace(code, [{ range: literal.range, text: pick(random, random() < 0.5 ? NUMBERS : STRINGS) }]);
  },
};

export const mutationNames = Object.keys(mutations);

/** Applies `count` random mutations in a row; returns null when the code stops parsing. */
export function mutate(code: string, random: () => number, count: number, jsx = true): string | null {
  let current = code;
  for (let i = 0; i < count; i++) {
    const nodes = collect(current, jsx);
    if (nodes === null) return null;
    const name = pick(random, mutationNames);
    const mutation = mutations[name];
    const next = mutation === undefined ? null : mutation(current, nodes, random);
    if (next !== null) current = next;
  }
  return current;
}
