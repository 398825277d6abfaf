import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/types';
import type { TSESLint } from '@typescript-eslint/utils';

import { getChainRoot, getPropertyName, getStaticString, isFunction, unwrapExpression } from '../../ast/nodes.js';

/**
 * Expressions whose value is a promise by their shape alone, without types: a `.then/.catch/.finally`
 * chain started on a call (`fetch(url).then(…)`), a supertest-style request chain
 * (`app.request.delete('/x').expect(409)`), `new Promise(…)`, `Promise.resolve(…)`.
 */

const CHAIN_METHODS: ReadonlySet<string> = new Set(['then', 'catch', 'finally']);
export const REQUEST_METHODS: ReadonlySet<string> = new Set(['get', 'post', 'put', 'patch', 'delete', 'del', 'head', 'options']);
/** Links after a request method that build the request (`.set('Authorization', t)`, `.send(body)`). */
const REQUEST_BUILDERS: ReadonlySet<string> = new Set(['set', 'send', 'query', 'field', 'attach', 'auth']);
/**
 * Every link a supertest/superagent request chain may have. A chain with any other link is something
 * else: an HTTP mock's interceptor (nock's `.get('/x').query(q).reply(200)`), a router, a `Map`.
 */
const REQUEST_LINKS: ReadonlySet<string> = new Set([
  ...REQUEST_BUILDERS, 'expect', 'end', 'then', 'catch', 'finally', 'type', 'accept', 'unset', 'timeout', 'redirects', 'retry',
  'withCredentials', 'buffer', 'parse', 'ok', 'responseType', 'trustLocalhost', 'http2', 'ca', 'cert', 'key', 'pfx', 'sortQuery', 'use',
]);
/** Names that complete a test when called or handed on (`.end(done)`, `.expect(200, cb)`). */
export const DONE_NAMES: ReadonlySet<string> = new Set(['done', 'cb', 'callback', 'next', 'finish', 'end', 'resolve']);
/**
 * Chains whose `.then` is not a promise's: Cypress commands are queued and run by Cypress itself
 * (`cy.get('x').then(…)`), so nothing is dropped.
 */
const QUEUED_ROOTS: ReadonlySet<string> = new Set(['cy', 'Cypress']);

const memberName = (node: TSESTree.Node): string | null => (node.type === AST_NODE_TYPES.MemberExpression ? getPropertyName(node) : null);

/** Is a chain rooted at a Cypress command queue (`cy.get(…)`)? */
export function isQueuedChain(node: TSESTree.Node): boolean {
  const root = getChainRoot(node);
  return root?.type === AST_NODE_TYPES.Identifier && QUEUED_ROOTS.has(root.name);
}

/** `x.then(…)` / `.catch(…)` / `.finally(…)`: the method name, else null. */
export function chainMethodOf(call: TSESTree.CallExpression): string | null {
  const name = memberName(unwrapExpression(call.callee));
  return name !== null && CHAIN_METHODS.has(name) ? name : null;
}

/** The innermost `.then/.catch/.finally` link of the chain `call` ends (`a().then(f).catch(g)` → `a().then(f)`), or `call` itself. */
export function firstLink(call: TSESTree.CallExpression): TSESTree.CallExpression {
  let current = call;
  while (chainMethodOf(current) !== null) {
    const receiver = unwrapExpression((unwrapExpression(current.callee) as TSESTree.MemberExpression).object);
    if (receiver.type !== AST_NODE_TYPES.CallExpression || chainMethodOf(receiver) === null) {
      break;
    }
    current = receiver;
  }
  return current;
}

/**
 * The first link of a `.then/.catch/.finally` chain started on a call or `new` here
 * (`fetch(url).then(…)`, not `pending.then(…)` on a promise made elsewhere), or null.
 */
export function startsPromiseChain(call: TSESTree.CallExpression): boolean {
  if (chainMethodOf(call) === null) {
    return false;
  }
  const callee = unwrapExpression(call.callee) as TSESTree.MemberExpression;
  const receiver = unwrapExpression(callee.object);
  if (receiver.type === AST_NODE_TYPES.NewExpression) {
    return true;
  }
  return receiver.type === AST_NODE_TYPES.CallExpression && chainMethodOf(receiver) === null && !isQueuedChain(receiver);
}

/**
 * A chain on `Promise.resolve()` with nothing to resolve: `Promise.resolve().then(async () => { … })` is
 * the idiom that starts a background task (a simulated remote peer, a collector), run when the test's
 * own code yields. `Promise.resolve(load()).then(…)` wraps work the test started.
 */
export function startsBackgroundTask(call: TSESTree.CallExpression): boolean {
  const start = firstLink(call);
  if (chainMethodOf(start) === null) {
    return false;
  }
  const receiver = unwrapExpression((unwrapExpression(start.callee) as TSESTree.MemberExpression).object);
  if (receiver.type !== AST_NODE_TYPES.CallExpression) {
    return false;
  }
  const callee = unwrapExpression(receiver.callee);
  return (
    receiver.arguments.length === 0 &&
    callee.type === AST_NODE_TYPES.MemberExpression &&
    getPropertyName(callee) === 'resolve' &&
    unwrapExpression(callee.object).type === AST_NODE_TYPES.Identifier &&
    (unwrapExpression(callee.object) as TSESTree.Identifier).name === 'Promise'
  );
}

/**
 * The first link of a `.then/.catch/.finally` chain on a value made elsewhere (`response.then(…)`,
 * `this.pending.catch(…)`): the rule reports it only when its callbacks check something.
 */
export function startsChainOnValue(call: TSESTree.CallExpression): boolean {
  if (chainMethodOf(call) === null) {
    return false;
  }
  const receiver = unwrapExpression((unwrapExpression(call.callee) as TSESTree.MemberExpression).object);
  return (receiver.type === AST_NODE_TYPES.Identifier || receiver.type === AST_NODE_TYPES.MemberExpression) && !isQueuedChain(receiver);
}

/** A URL path or address as a request's first argument: `'/users'`, `` `/users/${id}` ``, `'http://…'`. */
function isPathLike(node: TSESTree.Node | undefined): boolean {
  if (node === undefined) {
    return false;
  }
  const value = unwrapExpression(node);
  const text =
    value.type === AST_NODE_TYPES.TemplateLiteral ? (value.quasis[0]?.value.cooked ?? '') : (getStaticString(value) ?? '');
  return text.startsWith('/') || /^https?:/u.test(text);
}

/** The calls of a member chain above `call`, innermost first (`.set(…)`, `.expect(…)`, `.end(…)`). */
export function linksAbove(call: TSESTree.CallExpression): TSESTree.CallExpression[] {
  const links: TSESTree.CallExpression[] = [];
  let current: TSESTree.Node = call;
  for (;;) {
    const parent: TSESTree.Node | undefined = current.parent;
    if (parent?.type !== AST_NODE_TYPES.MemberExpression || parent.object !== current) {
      return links;
    }
    const grand: TSESTree.Node = parent.parent;
    if (grand.type !== AST_NODE_TYPES.CallExpression || grand.callee !== parent) {
      return links;
    }
    links.push(grand);
    current = grand;
  }
}

/**
 * A supertest-style request chain by its shape: a request method on a property, a call's result or
 * a name (`app.request.delete('/x')`, `agent().get('/y')`), followed by `.expect(…)`, or by
 * `.set/.send/.query(…)` when the method was given a path (`'/users'`), with no link a request does
 * not have: a `Map`'s `get(key).set(…)` has no path and no `.expect`, nock's
 * `.get('/x').query(q).reply(200)` has `.reply`. Returns the chain's links above the method call, or null.
 */
export function requestChainLinks(call: TSESTree.CallExpression): TSESTree.CallExpression[] | null {
  const callee = unwrapExpression(call.callee);
  const method = memberName(callee);
  if (method === null || !REQUEST_METHODS.has(method) || call.arguments.length === 0) {
    return null;
  }
  const receiver = unwrapExpression((callee as TSESTree.MemberExpression).object);
  if (receiver.type !== AST_NODE_TYPES.MemberExpression && receiver.type !== AST_NODE_TYPES.CallExpression && receiver.type !== AST_NODE_TYPES.Identifier) {
    return null;
  }
  // Up the chain, stopping at the first link a request does not have (linear even for long chains).
  const links: TSESTree.CallExpression[] = [];
  let expects = false;
  let builds = false;
  for (let current: TSESTree.Node = call; ; ) {
    const parent: TSESTree.Node | undefined = current.parent;
    if (parent?.type !== AST_NODE_TYPES.MemberExpression || parent.object !== current || parent.parent.type !== AST_NODE_TYPES.CallExpression || parent.parent.callee !== parent) {
      break;
    }
    const name = getPropertyName(parent);
    if (name === null || !REQUEST_LINKS.has(name)) {
      return null;
    }
    expects ||= name === 'expect';
    builds ||= REQUEST_BUILDERS.has(name);
    links.push(parent.parent);
    current = parent.parent;
  }
  return expects || (builds && isPathLike(call.arguments[0])) ? links : null;
}

function isCallback(node: TSESTree.Node | undefined): boolean {
  return node !== undefined && (isFunction(node) || (node.type === AST_NODE_TYPES.Identifier && DONE_NAMES.has(node.name)));
}

/** A request chain completed through a callback: `.end(done)`, `.end((err, res) => …)`, `.expect(200, done)`. */
export function endsThroughCallback(links: readonly TSESTree.CallExpression[]): boolean {
  return links.some((link) => {
    const name = memberName(unwrapExpression(link.callee));
    return (name === 'end' && link.arguments.length > 0) || (name === 'expect' && link.arguments.length >= 2 && isCallback(link.arguments.at(-1)));
  });
}

/**
 * Is `node` a promise by its shape: a chain started on a call, `new Promise(…)`,
 * `Promise.resolve/reject/all/…(…)`, or a request chain nobody ends with a callback?
 */
export function isPromiseShaped(node: TSESTree.Node): boolean {
  const value = unwrapExpression(node);
  if (value.type === AST_NODE_TYPES.NewExpression) {
    return value.callee.type === AST_NODE_TYPES.Identifier && value.callee.name === 'Promise';
  }
  if (value.type !== AST_NODE_TYPES.CallExpression || isQueuedChain(value)) {
    return false;
  }
  const callee = unwrapExpression(value.callee);
  if (callee.type === AST_NODE_TYPES.MemberExpression && unwrapExpression(callee.object).type === AST_NODE_TYPES.Identifier && (unwrapExpression(callee.object) as TSESTree.Identifier).name === 'Promise') {
    return true;
  }
  if (chainMethodOf(value) !== null) {
    return true;
  }
  // The top of a request chain: find the request method call below it.
  for (let current: TSESTree.Node = value; current.type === AST_NODE_TYPES.CallExpression; ) {
    const links = requestChainLinks(current);
    if (links !== null) {
      return links.at(-1) === value && !endsThroughCallback(links);
    }
    const inner = unwrapExpression(current.callee);
    if (inner.type !== AST_NODE_TYPES.MemberExpression) {
      return false;
    }
    current = unwrapExpression(inner.object);
  }
  return false;
}

/** Methods whose call only records a result for the test to read later (`results.push(x)`, `seen.add(x)`, `console.log(x)`). */
const RECORDING_METHODS: ReadonlySet<string> = new Set(['push', 'unshift', 'add', 'set', 'log', 'info', 'debug', 'warn', 'error']);
/** Callee names that assert, never mere recording. */
const ASSERTING_NAMES: ReadonlySet<string> = new Set(['expect', 'assert', 'ok', 'equal', 'fail']);

type LocalFunctionOf = (callee: TSESTree.Identifier) => unknown;

/** `count++`, `response = data`, `results.push(order)`, `spy(value)` (not a same-file function, which does work). */
function isRecordingExpression(node: TSESTree.Node, localFunctionOf: LocalFunctionOf): boolean {
  const value = unwrapExpression(node);
  switch (value.type) {
    case AST_NODE_TYPES.AssignmentExpression:
    case AST_NODE_TYPES.UpdateExpression:
    case AST_NODE_TYPES.Identifier:
    case AST_NODE_TYPES.Literal:
      return true;
    case AST_NODE_TYPES.CallExpression: {
      const callee = unwrapExpression(value.callee);
      if (callee.type === AST_NODE_TYPES.Identifier) {
        return !ASSERTING_NAMES.has(callee.name) && localFunctionOf(callee) === null;
      }
      return callee.type === AST_NODE_TYPES.MemberExpression && RECORDING_METHODS.has(getPropertyName(callee) ?? '');
    }
    default:
      return false;
  }
}

/**
 * The variable a callback records into as its last step (`caught = true`, `count++`, `errors.push(e)`),
 * or null. Checks before that step that fail skip it.
 */
export function lastRecordedName(callback: TSESTree.Node): TSESTree.Identifier | null {
  if (!isFunction(callback)) {
    return null;
  }
  const last = callback.body.type === AST_NODE_TYPES.BlockStatement ? callback.body.body.at(-1) : callback.body;
  const value = last?.type === AST_NODE_TYPES.ExpressionStatement ? unwrapExpression(last.expression) : last === undefined ? null : unwrapExpression(last);
  let target: TSESTree.Node | null = null;
  if (value?.type === AST_NODE_TYPES.AssignmentExpression) {
    target = value.left;
  } else if (value?.type === AST_NODE_TYPES.UpdateExpression) {
    target = value.argument;
  } else if (value?.type === AST_NODE_TYPES.CallExpression) {
    const callee = unwrapExpression(value.callee);
    target = callee.type === AST_NODE_TYPES.MemberExpression && RECORDING_METHODS.has(getPropertyName(callee) ?? '') ? getChainRoot(callee) : null;
  }
  return target?.type === AST_NODE_TYPES.Identifier ? target : null;
}

/** A callback that only records: a spy or `done` passed by name, `console.error`, `null`, `() => {}`, `(data) => { response = data; }`. */
export function isRecordingCallback(node: TSESTree.Node, localFunctionOf: LocalFunctionOf): boolean {
  if (node.type === AST_NODE_TYPES.Identifier) {
    return localFunctionOf(node) === null;
  }
  if (node.type === AST_NODE_TYPES.MemberExpression) {
    const root = getChainRoot(node);
    return root?.type !== AST_NODE_TYPES.Identifier || !ASSERTING_NAMES.has(root.name);
  }
  if (node.type === AST_NODE_TYPES.Literal) {
    return true;
  }
  if (!isFunction(node)) {
    return false;
  }
  if (node.body.type !== AST_NODE_TYPES.BlockStatement) {
    return isRecordingExpression(node.body, localFunctionOf);
  }
  return node.body.body.every((statement) => statement.type === AST_NODE_TYPES.ExpressionStatement && isRecordingExpression(statement.expression, localFunctionOf));
}

/**
 * Is the promise of `start` chained only to callbacks that record what happened for the test to
 * read later (`app.ready().then(() => order.push(1))`, `fetchRetry(url).then(onDone).catch(onError)`,
 * `db.open().catch(() => {})`)? The test observes the promise on purpose rather than dropping work:
 * it swallows a rejection it does not care about, or drives the promise with fake timers and reads the
 * spies. A callback with an assertion, a same-file function call or any other work is not recording.
 */
export function onlyRecords(start: TSESTree.Node, localFunctionOf: LocalFunctionOf): boolean {
  const links = start.type === AST_NODE_TYPES.CallExpression ? [start, ...linksAbove(start)] : [];
  let chained = false;
  for (const link of links) {
    if (chainMethodOf(link) === null) {
      continue;
    }
    chained = true;
    if (!link.arguments.every((argument) => isRecordingCallback(argument, localFunctionOf))) {
      return false;
    }
  }
  return chained;
}

/**
 * Does the chain above `start` hand its outcome to a completion callback from outside it:
 * `.then(done)`, `.then(() => done())`, `.then(function pump(r) { … resolve() … })` with `resolve`
 * from an enclosing `Promise.withResolvers()` or executor? Then the test waits through that callback.
 */
export function completesThroughCallback(start: TSESTree.Node, sourceCode: Readonly<TSESLint.SourceCode>): boolean {
  const links = start.type === AST_NODE_TYPES.CallExpression ? [start, ...linksAbove(start)] : [];
  return links.some(
    (link) =>
      chainMethodOf(link) !== null &&
      link.arguments.some((argument) => {
        if (argument.type === AST_NODE_TYPES.Identifier) {
          return DONE_NAMES.has(argument.name);
        }
        return isFunction(argument) && sourceCode.getScope(argument).through.some((reference) => DONE_NAMES.has(reference.identifier.name));
      }),
  );
}
