/**
 * Evidence, next to a permissive or negative-only check, that the test still tells the outcome
 * apart or tolerates the mix on purpose:
 *
 * - a pin on another detail of the same response or error: its body, text, data, JSON, error,
 *   message or code compared with a specific value (`expect(error.text).toEqual('{"code":200,…}')`,
 *   `expect(res.body.error).toBe('Forbidden')`). A crash does not answer with that body, so the
 *   outcome is pinned through the same value even though its status is only checked negatively;
 * - a comment in the assertion's paragraph (no blank line between it and the assertion) that says
 *   the tolerance is deliberate: a race, `whatever the failure mode`, `regardless`, `acceptable: …`,
 *   or that the outcome depends on the environment (`Node.js may have different behavior`,
 *   `cannot get strict guarantees about the value of this field since SERVER-63983`).
 */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/types';
import type { TSESLint } from '@typescript-eslint/utils';
import { findVariable } from '@typescript-eslint/utils/ast-utils';

import { firstIndexNotBefore, getPropertyName, unwrapExpression } from '../../ast/nodes.js';
import type { Assertion } from '../../model/index.js';
import { declaredRead, valueOf } from './values.js';

type SourceCode = Readonly<TSESLint.SourceCode>;

/** Properties of a response or error that carry the outcome's details besides its status. */
const DETAIL_NAMES: ReadonlySet<string> = new Set(['body', 'text', 'data', 'json', 'error', 'errors', 'message', 'code', 'errorCode', 'errorMessage']);

/** Matchers that pin a detail when not negated and given a specific value. */
const PINNING_MATCHERS: ReadonlySet<string> = new Set([
  'toBe', 'toEqual', 'toStrictEqual', 'toMatchObject', 'toMatch', 'toContain', 'toHaveProperty',
  'equal', 'equals', 'eq', 'eql', 'strictEqual', 'deepEqual', 'deepStrictEqual', 'match', 'include', 'includes', 'contain', 'contains',
]);

/** Asymmetric matchers that still name a specific value. */
const SPECIFIC_MATCHER_CALLS: ReadonlySet<string> = new Set(['objectContaining', 'stringContaining', 'stringMatching', 'arrayContaining']);

/** Is `node` a specific expected value: not a boolean, null, `undefined`, an empty literal or `expect.anything()`? */
function isSpecific(node: TSESTree.Node | undefined): boolean {
  if (node === undefined) {
    return false;
  }
  const target = unwrapExpression(node);
  switch (target.type) {
    case AST_NODE_TYPES.Literal:
      return target.value instanceof RegExp || typeof target.value === 'number' || (typeof target.value === 'string' && target.value.length > 0);
    case AST_NODE_TYPES.TemplateLiteral:
    case AST_NODE_TYPES.MemberExpression:
      return true;
    case AST_NODE_TYPES.Identifier:
      return target.name !== 'undefined';
    case AST_NODE_TYPES.ObjectExpression:
      return target.properties.length > 0;
    case AST_NODE_TYPES.ArrayExpression:
      return target.elements.length > 0;
    case AST_NODE_TYPES.CallExpression: {
      const { callee } = target;
      return callee.type === AST_NODE_TYPES.MemberExpression && SPECIFIC_MATCHER_CALLS.has(getPropertyName(callee) ?? '') && target.arguments.length > 0;
    }
    default:
      return false;
  }
}

/**
 * For an assertion pinning a detail of a response or error (`error.text`, `res.body.error`,
 * `err.response.data`, `res.json()`), the object that detail belongs to (`error`, `res`,
 * `err.response`); null otherwise. The owner is the object right before the first detail name.
 */
export function detailPinOwner(assertion: Assertion, sourceCode: SourceCode): TSESTree.Node | null {
  if (assertion.negated || assertion.subject === null || !PINNING_MATCHERS.has(assertion.matcher)) {
    return null;
  }
  const expected = assertion.matcher === 'toHaveProperty' ? assertion.expected[1] : assertion.expected[0];
  if (!isSpecific(expected)) {
    return null;
  }
  let owner: TSESTree.Node | null = null;
  let current = valueOf(assertion.subject);
  // One step through a variable: `const body = await res.json()`, `const { error } = await res.json()`.
  let resolved = false;
  for (;;) {
    if (current.type === AST_NODE_TYPES.CallExpression) {
      current = valueOf(current.callee);
    } else if (current.type === AST_NODE_TYPES.MemberExpression) {
      const object = valueOf(current.object);
      if (DETAIL_NAMES.has(getPropertyName(current) ?? '')) {
        owner = object;
      }
      current = object;
    } else if (current.type === AST_NODE_TYPES.Identifier && !resolved) {
      const read = readInto(sourceCode, current);
      if (read === null) {
        return owner;
      }
      resolved = true;
      current = read;
    } else {
      return owner;
    }
  }
}

/**
 * The value a `const` was read from where it is declared: `const body = await res.json()` → `res.json()`, and
 * `const { error } = await res.json()` → `res.json()` when the destructured key is a detail; null otherwise.
 */
function readInto(sourceCode: SourceCode, identifier: TSESTree.Identifier): TSESTree.Node | null {
  const read = declaredRead(sourceCode, identifier);
  return read === null || !read.isConst || (read.key !== null && !DETAIL_NAMES.has(read.key)) ? null : valueOf(read.init);
}

/** Words saying a tolerance is deliberate; literal alternatives between word boundaries only, so linear on any comment. */
const DELIBERATE_TOLERANCE =
  /(?<!not )\b(?:acceptable|tolerated?|tolerates|tolerating|whatever|regardless|race|races|racy|racing|either way|non-?deterministic|flaky|too\s+frequent|rate[-\s]?limit(?:ed|ing|s)?|throttled)\b/iu;

/**
 * Words saying the outcome depends on the environment, so the test cannot pin it: `may have
 * different behavior`, `behaves differently`, `may vary`, `cannot get strict guarantees`, `not
 * guaranteed`, `version-dependent`. Literal alternatives, each space a single `\s+`, so linear.
 */
const ENVIRONMENT_DEPENDENT =
  /\b(?:different\s+behaviou?rs?|behaves?\s+differently|(?:may|might|can|could)\s+(?:differ|vary)|(?:no|not|without|cannot\s+get|can't\s+get)\s+(?:strict\s+|any\s+)?guarantees?|not\s+guaranteed|version[-\s]dependent)\b/iu;

/**
 * Words saying the exact outcome is not the test's claim: it is someone else's (`is Astro's
 * business`, `not our business`), it `varies`, it `does not matter`, it is `up to the router`,
 * `implementation-defined`, or the claim is elsewhere (`what we care about here is that the hook fired`). Literal alternatives, each space a single `\s+`, so linear.
 */
const OUTCOME_NOT_CLAIMED =
  /(?:\b\w+'s|\bour|\bits|\btheir)\s+(?:own\s+)?business\b|\bcare\s+about\s+(?:here\s+)?is\b|\bthe\s+point\s+is\b|\b(?:varies|(?:does\s+not|doesn't|do\s+not|don't)\s+(?:matter|care)|up\s+to\s+the\s+(?:framework|router|server|runtime|platform|browser)|implementation[-\s](?:defined|specific))\b/iu;

/**
 * Words saying which status comes back and that it is expected: `400 is expected when the visit was already
 * ended`, `4xx is expected without seeded telemetry`, `only 5xx is a real failure` (round 11, V11's labels).
 * A comment that only lists what may come back (`may return 401, 403, or 500`) is no reason. Literal
 * alternatives, each space a single `\s+`, so linear.
 */
const EXPECTED_STATUS =
  /\b[1-5](?:\d\d|xx)\s+(?:is|are)\s+(?:also\s+)?expected\b|\bonly\s+(?:a\s+)?5(?:\d\d|xx)\s+is\s+(?:a\s+)?(?:real\s+)?failure\b/iu;

/** Does a comment say the tolerance is deliberate, depends on the environment, that the exact outcome is not the test's claim, or which status is expected? */
function explains(text: string): boolean {
  return DELIBERATE_TOLERANCE.test(text) || ENVIRONMENT_DEPENDENT.test(text) || OUTCOME_NOT_CLAIMED.test(text) || EXPECTED_STATUS.test(text);
}

/** ESLint directives (`eslint-disable-next-line rule -- reason`): their reason is for the linter, not an explanation in the test. */
const DIRECTIVE = /^\s*(?:eslint-disable|eslint-enable|eslint\s)/u;

/** How far up a paragraph is searched for an explaining comment. */
const MAX_PARAGRAPH_LINES = 30;

/** The first line of the paragraph `line` is in: lines up to the nearest blank one, not above `floor`. */
function paragraphStart(sourceCode: SourceCode, line: number, floor: number): number {
  let start = line;
  const lowest = Math.max(floor, line - MAX_PARAGRAPH_LINES);
  while (start > lowest && (sourceCode.lines[start - 2] ?? '').trim() !== '') {
    start -= 1;
  }
  return start;
}

/**
 * Does a comment on `node`'s lines, or above it in the same paragraph (no blank line between) and
 * inside `scope`, say the tolerance is deliberate?
 */
export function explainsTolerance(sourceCode: SourceCode, node: TSESTree.Node, scope: TSESTree.Node | null): boolean {
  const floor = scope?.loc.start.line ?? 1;
  const start = paragraphStart(sourceCode, node.loc.start.line, floor);
  const comments = sourceCode.getAllComments();
  // The paragraph's comments read as one text: an explanation may run over several `//` lines.
  const texts: string[] = [];
  for (let index = firstIndexNotBefore(comments, (comment) => comment.loc.start.line < start); index < comments.length; index += 1) {
    const comment = comments[index];
    if (comment === undefined || comment.loc.start.line > node.loc.end.line) {
      break;
    }
    if (!DIRECTIVE.test(comment.value)) {
      texts.push(comment.value);
    }
  }
  return texts.length > 0 && explains(texts.join(' '));
}

/** The statement that declares the variable `identifier` refers to (`const trickPaths = […]`, or its `export`), or null. */
function declarationOf(sourceCode: SourceCode, identifier: TSESTree.Identifier): TSESTree.Node | null {
  const declarator = findVariable(sourceCode.getScope(identifier), identifier)?.defs[0]?.node;
  if (declarator?.type !== AST_NODE_TYPES.VariableDeclarator) {
    return null;
  }
  const statement = declarator.parent;
  return statement.parent.type === AST_NODE_TYPES.ExportNamedDeclaration ? statement.parent : statement;
}

/**
 * Does the comment right above the declaration of the collection `loop` goes through (`for (const
 * path of trickPaths)`, `trickPaths.forEach(…)`) explain the tolerance of the checks made on each
 * item (`the exact router outcome (401 vs 404 vs 500) is Astro's business`)?
 */
export function explainsLoopSource(sourceCode: SourceCode, loop: TSESTree.Node): boolean {
  let source: TSESTree.Node | undefined;
  if (loop.type === AST_NODE_TYPES.ForOfStatement || loop.type === AST_NODE_TYPES.ForInStatement) {
    source = loop.right;
  } else if (loop.parent?.type === AST_NODE_TYPES.CallExpression && loop.parent.callee.type === AST_NODE_TYPES.MemberExpression) {
    source = loop.parent.callee.object;
  }
  if (source?.type !== AST_NODE_TYPES.Identifier) {
    return false;
  }
  const declaration = declarationOf(sourceCode, source);
  const comments = declaration === null ? [] : sourceCode.getCommentsBefore(declaration).filter((comment) => !DIRECTIVE.test(comment.value));
  return comments.length > 0 && explains(comments.map((comment) => comment.value).join(' '));
}

/** The source of what an assertion compares with: its subject when that is a literal set (`expect([200, 500])`), else its expected arguments. */
function expectedText(sourceCode: SourceCode, assertion: Assertion): string {
  const { subject } = assertion;
  if (subject?.type === AST_NODE_TYPES.ArrayExpression) {
    return sourceCode.getText(subject);
  }
  return assertion.expected.map((node) => sourceCode.getText(node)).join(',');
}

/**
 * Is the tolerance explained by a comment on this assertion's paragraph, or on the paragraph of an
 * earlier assertion of the same test that accepts the same values with the same matcher (one
 * comment above `expect([200, 500]).toContain(a.status)`, then the same check repeated for `b`)?
 */
export function explainsRepeatedTolerance(sourceCode: SourceCode, assertion: Assertion, assertions: readonly Assertion[], scope: TSESTree.Node | null): boolean {
  if (explainsTolerance(sourceCode, assertion.node, scope)) {
    return true;
  }
  const text = expectedText(sourceCode, assertion);
  return assertions.some(
    (earlier) =>
      earlier.block === assertion.block &&
      earlier.node.range[1] < assertion.node.range[0] &&
      earlier.matcher === assertion.matcher &&
      earlier.negated === assertion.negated &&
      expectedText(sourceCode, earlier) === text &&
      explainsTolerance(sourceCode, earlier.node, scope),
  );
}

/** `not 404`, `never 500`, `does not return a 404`, `non-404`: a status the title says must not come back. Literal words only, linear. */
const NEGATED_STATUS = /\b(?:(?:not|never)\s+(?:(?:return|returns|get|gets|give|gives|answer|answers|respond|responds|with|be|a|an|the)\s+){0,2}|non-?)([1-5]\d\d)(?![\d.])/giu;

const ANY_STATUS = /(?<![\d.])([1-5]\d\d)(?![\d.])/gu;

/**
 * Does the test title say that each of `excluded` must not come back (`the pinned path is reached,
 * not 404ed`)? Then the negative check is the claim the test states, not a weak stand-in for one.
 */
export function titleExcludes(title: string | null, excluded: readonly unknown[]): boolean {
  if (title === null || excluded.length === 0) {
    return false;
  }
  const named = new Set<number>();
  for (const match of title.matchAll(NEGATED_STATUS)) {
    named.add(Number(match[1]));
  }
  // A title that also names a status it expects (`rejects with 401, not 200`) asks for that one to be pinned.
  for (const match of title.matchAll(ANY_STATUS)) {
    if (!named.has(Number(match[1]))) {
      return false;
    }
  }
  return excluded.every((value) => typeof value === 'number' && named.has(value));
}
