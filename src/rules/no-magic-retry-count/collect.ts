import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/types';

import { getChainRoot, getKeyName, getLastName, getPropertyName, isFunction, unwrapExpression } from '../../ast/nodes.js';
import type { TestModel } from '../../model/index.js';
import { isFailingValue, narrowedCallIndex } from './failing-doubles.js';
import { integerLiteral } from './nodes.js';
import { isRetryTitle } from './retry-evidence.js';

/** The nodes of one file that the retry checks read, collected once per file from the model's index. */
export interface CollectedNodes {
  /** Retry options, limits and `once` flags: `{ retries: 3 }`, `{ maxAttempts: MAX }`, `{ once: true }`. */
  readonly properties: TSESTree.Property[];
  readonly comparisons: Array<{ node: TSESTree.BinaryExpression; value: number }>;
  readonly calls: Array<{ node: TSESTree.CallExpression; method: string }>;
  /** `gitRetry(fn)`, `withRetry(fn)`: invocations of the retrying code itself. */
  readonly retryingCalls: TSESTree.CallExpression[];
  /**
   * `Array(8)`, `{ length: 3 }`: sizes the test builds its scenario from; `stub.onCall(2).resolves()`: the call a
   * sinon stub's behaviour changes at, also on a stub the model does not know (a member of `sinon.stub(namespace)`).
   */
  readonly sizes: Array<{ node: TSESTree.Node; value: number }>;
  /** `if (!failedOnce) throw err`: failures the test injects behind a condition. */
  readonly flaggedFailures: TSESTree.IfStatement[];
  /** `new RetryHelper(3, 0, 0)`, `withRetry(fn, 5)`: a limit passed to retrying code by position. */
  readonly positionalLimits: Array<TSESTree.CallExpression | TSESTree.NewExpression>;
  /**
   * `ensureNotBusy(path, 1, 3, open)`: a call handed a double and small integers by position. When the double is
   * the one that always fails, the integers are the limits the test gives the code (read in `facts.ts`).
   */
  readonly handedNumbers: Array<{ node: TSESTree.CallExpression; values: number[] }>;
}

const COMPARISONS: ReadonlySet<string> = new Set(['<', '<=', '>', '>=', '===', '==', '!==', '!=']);
/** Calls of fake servers that answer one request each (nock, axios-mock-adapter, jest-fetch-mock). */
export const ONE_ANSWER_METHODS: ReadonlySet<string> = new Set([
  'reply', 'replyWithError', 'replyOnce', 'replyWithFile', 'networkErrorOnce', 'timeoutOnce', 'abortRequestOnce', 'mockResponseOnce',
  'mockRejectOnce', 'mockAbortOnce',
]);
/** Calls that configure a retry limit by argument: supertest `.retry(2)`, `client.setRetries(3)`. */
export const RETRY_CONFIG_METHODS: ReadonlySet<string> = new Set(['retry', 'retries', 'setRetries', 'withRetries', 'setMaxRetries', 'maxRetries', 'setMaxAttempts']);

/** The nodes the checks read, from the model's index; read only in files with a count assertion. */
export function collectNodes(model: TestModel): CollectedNodes {
  const nodes: CollectedNodes = { properties: [], comparisons: [], calls: [], retryingCalls: [], sizes: [], flaggedFailures: [], positionalLimits: [], handedNumbers: [] };
  for (const node of model.nodesOfType(AST_NODE_TYPES.Property)) {
    collectProperty(nodes, node);
  }
  for (const node of model.nodesOfType(AST_NODE_TYPES.IfStatement)) {
    const consequent = node.consequent.type === AST_NODE_TYPES.BlockStatement ? node.consequent.body : [node.consequent];
    if (consequent.some((statement) => statement.type === AST_NODE_TYPES.ThrowStatement || (statement.type === AST_NODE_TYPES.ReturnStatement && statement.argument !== null && isFailingValue(statement.argument)))) {
      nodes.flaggedFailures.push(node);
    }
  }
  for (const node of model.nodesOfType(AST_NODE_TYPES.NewExpression)) {
    const value = node.callee.type === AST_NODE_TYPES.Identifier && node.callee.name === 'Array' && node.arguments.length === 1 ? integerLiteral(node.arguments[0]) : null;
    if (value !== null && value <= 50) {
      nodes.sizes.push({ node, value });
    } else if (isPositionalLimit(model, node)) {
      nodes.positionalLimits.push(node);
    }
  }
  for (const node of model.nodesOfType(AST_NODE_TYPES.VariableDeclarator)) {
    collectScript(nodes, node, node.init);
  }
  for (const node of model.nodesOfType(AST_NODE_TYPES.BinaryExpression)) {
    if (!COMPARISONS.has(node.operator)) {
      continue;
    }
    const left = integerLiteral(node.left);
    const right = integerLiteral(node.right);
    const value = left ?? right;
    if (value !== null && (left === null || right === null) && value <= 50) {
      nodes.comparisons.push({ node, value });
    }
  }
  for (const node of model.nodesOfType(AST_NODE_TYPES.CallExpression)) {
    collectCall(nodes, node, model);
  }
  return nodes;
}

function collectProperty(nodes: CollectedNodes, node: TSESTree.Property): void {
  const name = getKeyName(node);
  if (name === null || node.parent.type !== AST_NODE_TYPES.ObjectExpression) {
    return;
  }
  if (name === 'length') {
    const value = integerLiteral(node.value);
    if (value !== null && value <= 50) {
      nodes.sizes.push({ node, value });
    }
  } else if (name === 'once' || /retr|backoff|reconnect|attempt|tries|limit|count|max|times/iu.test(name)) {
    nodes.properties.push(node);
  }
}

function collectCall(nodes: CollectedNodes, node: TSESTree.CallExpression, model: TestModel): void {
  const callee = node.callee;
  if (callee.type === AST_NODE_TYPES.Identifier && callee.name === 'Array' && node.arguments.length === 1) {
    const value = integerLiteral(node.arguments[0]);
    if (value !== null && value <= 50) {
      nodes.sizes.push({ node, value });
    }
    return;
  }
  const calleeName = getLastName(callee);
  if (calleeName !== null && /retr|reconnect/iu.test(calleeName) && isRetryTitle(calleeName)) {
    nodes.retryingCalls.push(node);
    if (!RETRY_CONFIG_METHODS.has(calleeName) && isPositionalLimit(model, node)) {
      nodes.positionalLimits.push(node);
    }
  }
  for (const argument of node.arguments) {
    collectScript(nodes, argument, argument);
  }
  collectHandedNumbers(nodes, node, model);
  if (callee.type !== AST_NODE_TYPES.MemberExpression) {
    return;
  }
  const method = getPropertyName(callee);
  const narrowed = narrowedCallIndex(node);
  if (narrowed !== null && narrowed > 0) {
    nodes.sizes.push({ node, value: narrowed });
  }
  // jest-fetch-mock's `fetch.mockResponses(a, b, c)` scripts one answer per argument.
  if (method === 'mockResponses' && node.arguments.length >= 2) {
    nodes.sizes.push({ node, value: node.arguments.length });
  }
  if (method !== null && (method === 'times' || method === 'reconnect' || ONE_ANSWER_METHODS.has(method) || RETRY_CONFIG_METHODS.has(method))) {
    nodes.calls.push({ node, method });
  }
}

/**
 * Integers from 2 to 50 passed by position to a call that is also handed a name (a double, perhaps); not a
 * framework's call (`sinon.assert.callCount(stub, 3)` asserts the count).
 */
function collectHandedNumbers(nodes: CollectedNodes, node: TSESTree.CallExpression, model: TestModel): void {
  const root = getChainRoot(node.callee);
  const isFramework = root?.type === AST_NODE_TYPES.Identifier && model.resolveName(root) !== null;
  if (isFramework || !node.arguments.some((argument) => argument.type === AST_NODE_TYPES.Identifier)) {
    return;
  }
  const values = node.arguments.map((argument) => integerLiteral(argument)).filter((value): value is number => value !== null && value >= 2 && value <= 50);
  if (values.length > 0) {
    nodes.handedNumbers.push({ node, values });
  }
}

/** An answer in a script of answers: a status (`429`), a failing value (`{ status: 503 }`, `new Error(…)`), a responder function. */
function isScriptedAnswer(node: TSESTree.Node | null): boolean {
  if (node === null || node.type === AST_NODE_TYPES.SpreadElement) {
    return false;
  }
  const value = unwrapExpression(node);
  if (value.type === AST_NODE_TYPES.Literal) {
    return typeof value.value === 'number' && value.value >= 100 && value.value <= 599;
  }
  if (value.type === AST_NODE_TYPES.NewExpression) {
    return value.callee.type === AST_NODE_TYPES.Identifier && /Error$/u.test(value.callee.name);
  }
  return isFunction(value) || isFailingValue(value);
}

/** `const statuses = [429, 429, 200]`, `setupResponses(client, [() => …, () => …])`: a script of answers, one per call. */
function collectScript(nodes: CollectedNodes, node: TSESTree.Node, value: TSESTree.Node | null): void {
  const array = value === null ? null : unwrapExpression(value);
  if (array?.type !== AST_NODE_TYPES.ArrayExpression || array.elements.length < 2 || array.elements.length > 50) {
    return;
  }
  if (array.elements.some((element) => isScriptedAnswer(element))) {
    nodes.sizes.push({ node, value: array.elements.length });
  }
}

/** `new RetryHelper(3, 0, 0)`, `withRetry(op, 5)`: retrying code given a small integer by position (not a framework's `jest.retryTimes(3)`). */
function isPositionalLimit(model: TestModel, node: TSESTree.CallExpression | TSESTree.NewExpression): boolean {
  const name = getLastName(node.callee);
  if (name === null || !isRetryTitle(name)) {
    return false;
  }
  const root = getChainRoot(node.callee);
  if (root?.type === AST_NODE_TYPES.Identifier && model.resolveName(root) !== null) {
    return false;
  }
  return node.arguments.some((argument) => {
    const value = integerLiteral(argument);
    return value !== null && value >= 1 && value <= 50;
  });
}
