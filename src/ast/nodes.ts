import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/types';

export type FunctionNode =
  | TSESTree.ArrowFunctionExpression
  | TSESTree.FunctionDeclaration
  | TSESTree.FunctionExpression;

export const isFunction = (node: TSESTree.Node | null | undefined): node is FunctionNode =>
  node?.type === AST_NODE_TYPES.ArrowFunctionExpression ||
  node?.type === AST_NODE_TYPES.FunctionExpression ||
  node?.type === AST_NODE_TYPES.FunctionDeclaration;

/** Strips TS-only wrappers and optional-chain wrappers that do not change the value. */
export function unwrapExpression(node: TSESTree.Node): TSESTree.Node {
  let current = node;
  for (;;) {
    switch (current.type) {
      case AST_NODE_TYPES.TSAsExpression:
      case AST_NODE_TYPES.TSSatisfiesExpression:
      case AST_NODE_TYPES.TSNonNullExpression:
      case AST_NODE_TYPES.TSTypeAssertion:
      case AST_NODE_TYPES.TSInstantiationExpression:
        current = current.expression;
        break;
      case AST_NODE_TYPES.ChainExpression:
        current = current.expression;
        break;
      default:
        return current;
    }
  }
}

/** The string a literal, a template without expressions, or a string-keyed member spells. */
export function getStaticString(node: TSESTree.Node | null | undefined): string | null {
  if (node == null) {
    return null;
  }
  if (node.type === AST_NODE_TYPES.Literal) {
    return typeof node.value === 'string' ? node.value : null;
  }
  if (node.type === AST_NODE_TYPES.TemplateLiteral && node.expressions.length === 0) {
    return node.quasis[0]?.value.cooked ?? null;
  }
  return null;
}

/** The static name of a member's property (`a.b`, `a['b']`), or null when computed. */
export function getPropertyName(member: TSESTree.MemberExpression): string | null {
  if (!member.computed && member.property.type === AST_NODE_TYPES.Identifier) {
    return member.property.name;
  }
  if (member.property.type === AST_NODE_TYPES.PrivateIdentifier) {
    return null;
  }
  return getStaticString(member.property);
}

/** The name a reference ends in, as written: `f` of `f`, `g` of `a.g` or `a['g']`; null for other shapes. */
export const getLastName = (node: TSESTree.Node): string | null =>
  node.type === AST_NODE_TYPES.Identifier ? node.name : node.type === AST_NODE_TYPES.MemberExpression ? getPropertyName(node) : null;

/** Does the source range `outer` contain `inner` (a node's `range`)? */
export const rangeContains = (outer: readonly [number, number], inner: readonly [number, number]): boolean => inner[0] >= outer[0] && inner[1] <= outer[1];

/** Name of an object-literal or class key when it is static. */
export function getKeyName(property: TSESTree.Property | TSESTree.MethodDefinition | TSESTree.PropertyDefinition): string | null {
  if (!property.computed && property.key.type === AST_NODE_TYPES.Identifier) {
    return property.key.name;
  }
  return getStaticString(property.key);
}

/**
 * A stable text key for a reference: `fetch`, `api.get`, `this.client.send`. Null for
 * anything that is not a plain identifier/member path (calls, computed keys, literals).
 */
export function referenceKey(node: TSESTree.Node | null | undefined): string | null {
  if (node == null) {
    return null;
  }
  // Walks down the member links (iteratively: a chain may be thousands long), then joins them.
  const names: string[] = [];
  let target = unwrapExpression(node);
  while (target.type === AST_NODE_TYPES.MemberExpression) {
    const name = getPropertyName(target);
    if (name === null) {
      return null;
    }
    names.push(name);
    target = unwrapExpression(target.object);
  }
  let key: string;
  if (target.type === AST_NODE_TYPES.Identifier) {
    key = target.name;
  } else if (target.type === AST_NODE_TYPES.ThisExpression) {
    key = 'this';
  } else {
    return null;
  }
  for (let index = names.length - 1; index >= 0; index -= 1) {
    key += `.${names[index] ?? ''}`;
  }
  return key;
}

/** The identifier at the root of a member/call chain: `a` in `a.b(c).d.e()`. */
export function getChainRoot(node: TSESTree.Node): TSESTree.Identifier | TSESTree.ThisExpression | null {
  let current = unwrapExpression(node);
  for (;;) {
    switch (current.type) {
      case AST_NODE_TYPES.Identifier:
      case AST_NODE_TYPES.ThisExpression:
        return current;
      case AST_NODE_TYPES.MemberExpression:
        current = unwrapExpression(current.object);
        break;
      case AST_NODE_TYPES.CallExpression:
        current = unwrapExpression(current.callee);
        break;
      case AST_NODE_TYPES.TaggedTemplateExpression:
        current = unwrapExpression(current.tag);
        break;
      default:
        return null;
    }
  }
}

/** One link of a callee chain: a property access, possibly called. */
export interface ChainLink {
  readonly name: string;
  readonly node: TSESTree.MemberExpression;
}

/**
 * Property names between a root identifier and `node`, outermost last, skipping calls:
 * `describe.each(t)` gives `['each']`, `test.describe.serial` gives `['describe', 'serial']`.
 * Returns null when a link is computed or the chain has no identifier root.
 */
export function getCalleeLinks(callee: TSESTree.Node): ChainLink[] | null {
  const links: ChainLink[] = [];
  let current = unwrapExpression(callee);
  for (;;) {
    if (current.type === AST_NODE_TYPES.MemberExpression) {
      const name = getPropertyName(current);
      if (name === null) {
        return null;
      }
      links.push({ name, node: current });
      current = unwrapExpression(current.object);
    } else if (current.type === AST_NODE_TYPES.CallExpression) {
      current = unwrapExpression(current.callee);
    } else if (current.type === AST_NODE_TYPES.TaggedTemplateExpression) {
      current = unwrapExpression(current.tag);
    } else if (current.type === AST_NODE_TYPES.Identifier || current.type === AST_NODE_TYPES.ThisExpression) {
      return links.reverse();
    } else {
      return null;
    }
  }
}

/** The nearest function that contains `node` (not `node` itself). */
export function getEnclosingFunction(node: TSESTree.Node): FunctionNode | null {
  let current = node.parent;
  while (current) {
    if (isFunction(current)) {
      return current;
    }
    current = current.parent;
  }
  return null;
}

/** True for `undefined`, `null`-free literals of a number. */
export const isNumberLiteral = (node: TSESTree.Node | null | undefined): node is TSESTree.NumberLiteral =>
  node?.type === AST_NODE_TYPES.Literal && typeof node.value === 'number';

/** The value of a numeric literal, including a negated one (`-1`). */
export function getNumberValue(node: TSESTree.Node | null | undefined): number | null {
  if (node == null) {
    return null;
  }
  const target = unwrapExpression(node);
  if (isNumberLiteral(target)) {
    return target.value;
  }
  if (target.type === AST_NODE_TYPES.UnaryExpression && target.operator === '-' && isNumberLiteral(target.argument)) {
    return -target.argument.value;
  }
  return null;
}

/** A step of ESLint's traversal: a node entered (phase 1) or left (phase 2), or a code path event. */
interface TraversalStep {
  readonly phase?: number;
  readonly target: unknown;
}

interface Traversable {
  readonly ast: TSESTree.Program;
  readonly visitorKeys: Readonly<Record<string, readonly string[] | undefined>>;
  /** ESLint's `SourceCode#traverse()`: the traversal's steps, worked out once per file and cached. */
  readonly traverse?: () => Iterable<TraversalStep>;
}

/**
 * Calls `visit` for every node in pre-order (a parent before its children, children in source
 * order), the order of ESLint's own traversal. Rules get the test model collected during that
 * traversal; this walk is for a model asked for outside it, and for nodes collected on demand.
 * Where the source code has ESLint's cached traversal steps, it reads the entered nodes from
 * them (a flat array the linter has already built) instead of walking the tree again.
 */
export function forEachNode(sourceCode: Traversable, visit: (node: TSESTree.Node) => void): void {
  if (typeof sourceCode.traverse === 'function') {
    for (const step of sourceCode.traverse()) {
      if (step.phase === 1 && typeof step.target === 'object' && step.target !== null) {
        visit(step.target as TSESTree.Node);
      }
    }
    return;
  }
  const { visitorKeys } = sourceCode;
  const stack: TSESTree.Node[] = [sourceCode.ast];
  for (let node = stack.pop(); node !== undefined; node = stack.pop()) {
    visit(node);
    const keys = visitorKeys[node.type] ?? [];
    for (let keyIndex = keys.length - 1; keyIndex >= 0; keyIndex -= 1) {
      const child = (node as unknown as Record<string, unknown>)[keys[keyIndex] ?? ''];
      if (Array.isArray(child)) {
        for (let index = child.length - 1; index >= 0; index -= 1) {
          const item = child[index] as TSESTree.Node | null;
          if (item !== null && typeof item === 'object' && typeof item.type === 'string') {
            stack.push(item);
          }
        }
      } else if (child !== null && typeof child === 'object' && typeof (child as TSESTree.Node).type === 'string') {
        stack.push(child as TSESTree.Node);
      }
    }
  }
}

/** The name a function is declared or bound under: `function expectFail()`, `const expectFail = () => …`; null otherwise. */
export function functionName(fn: FunctionNode): string | null {
  if (fn.type === AST_NODE_TYPES.FunctionDeclaration) {
    return fn.id?.name ?? null;
  }
  const parent = fn.parent;
  return parent?.type === AST_NODE_TYPES.VariableDeclarator && parent.init === fn && parent.id.type === AST_NODE_TYPES.Identifier ? parent.id.name : null;
}

/** Words of a name: `createMockClient` → create, mock, client; `mock_logger` → mock, logger. */
export const nameWords = (name: string): string[] =>
  name
    .replace(/([a-z\d])([A-Z])/gu, '$1 $2')
    .toLowerCase()
    .split(/[^a-z\d]+/u)
    .filter((word) => word !== '');

/** The first index whose item is not `before` (items ordered so that every `before` item comes first); the length when none. */
export function firstIndexNotBefore<T>(items: readonly T[], before: (item: T) => boolean): number {
  let low = 0;
  let high = items.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (before(items[middle] as T)) {
      low = middle + 1;
    } else {
      high = middle;
    }
  }
  return low;
}

/** The index of `statement` in `statements` (sorted by position), by binary search: no scan, no copy. */
export function indexInList(statements: readonly TSESTree.Node[], statement: TSESTree.Node): number {
  let low = 0;
  let high = statements.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const candidate = statements[middle] as TSESTree.Node;
    if (candidate === statement) {
      return middle;
    }
    if (candidate.range[0] < statement.range[0]) {
      low = middle + 1;
    } else {
      high = middle - 1;
    }
  }
  return -1;
}

/** ESLint's `SourceCode#visitorKeys`: the child keys of each node type. */
export type VisitorKeys = Readonly<Record<string, readonly string[] | undefined>>;

/** A point where the function it is written in gives the event loop a turn: `await x`, `yield x`, `for await (…)`. */
export const isSuspension = (node: TSESTree.Node): node is TSESTree.AwaitExpression | TSESTree.YieldExpression | TSESTree.ForOfStatement =>
  node.type === AST_NODE_TYPES.AwaitExpression || node.type === AST_NODE_TYPES.YieldExpression || (node.type === AST_NODE_TYPES.ForOfStatement && node.await);

/**
 * Does `root` or a node under it pass `test`? A depth-first walk of one subtree, for the few checks
 * that read a test's body only when a finding is about to be reported; `skip` prunes a node and
 * everything under it (a nested function, code after a position).
 */
export function someDescendant(
  root: TSESTree.Node,
  visitorKeys: VisitorKeys,
  test: (node: TSESTree.Node) => boolean,
  skip: (node: TSESTree.Node) => boolean = () => false,
): boolean {
  const stack: TSESTree.Node[] = [root];
  for (let node = stack.pop(); node !== undefined; node = stack.pop()) {
    if (skip(node)) {
      continue;
    }
    if (test(node)) {
      return true;
    }
    for (const key of visitorKeys[node.type] ?? []) {
      const child = (node as unknown as Record<string, unknown>)[key];
      for (const item of Array.isArray(child) ? (child as unknown[]) : [child]) {
        if (item !== null && typeof item === 'object' && typeof (item as TSESTree.Node).type === 'string') {
          stack.push(item as TSESTree.Node);
        }
      }
    }
  }
  return false;
}
