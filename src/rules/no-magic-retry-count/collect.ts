import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/types';

import { getKeyName, getLastName, getPropertyName } from '../../ast/nodes.js';
import type { TestModel } from '../../model/index.js';
import { isFailingValue } from './failing-doubles.js';
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
  /** `Array(8)`, `{ length: 3 }`: sizes the test builds its scenario from. */
  readonly sizes: Array<{ node: TSESTree.Node; value: number }>;
  /** `if (!failedOnce) throw err`: failures the test injects behind a condition. */
  readonly flaggedFailures: TSESTree.IfStatement[];
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
  const nodes: CollectedNodes = { properties: [], comparisons: [], calls: [], retryingCalls: [], sizes: [], flaggedFailures: [] };
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
    }
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
    collectCall(nodes, node);
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

function collectCall(nodes: CollectedNodes, node: TSESTree.CallExpression): void {
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
  }
  if (callee.type !== AST_NODE_TYPES.MemberExpression) {
    return;
  }
  const method = getPropertyName(callee);
  if (method !== null && (method === 'times' || method === 'reconnect' || ONE_ANSWER_METHODS.has(method) || RETRY_CONFIG_METHODS.has(method))) {
    nodes.calls.push({ node, method });
  }
}
