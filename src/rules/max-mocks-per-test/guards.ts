import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/types';

import type { MockRecord } from '../../model/index.js';

/**
 * Guard stubs: replacements set up to fail loudly on any call nobody planned
 * (`sinon.stub(api, 'createBackend').throws('Unexpected createBackend call')`). They keep a test off
 * the network; they are a safety net, not a collaborator the test relies on (firebase-tools shape).
 */

/** Configurations that make a double fail. */
const FAILING_CONFIGS: ReadonlySet<string> = new Set(['throws', 'rejects', 'throwsException', 'mockRejectedValue', 'mockImplementation', 'callsFake', 'throwError', 'rejectWith', 'callFake']);
/** A message that says the call was not planned. */
const UNPLANNED = /unexpected|not expected|should ?not be called|shouldn't be called|must not be called/iu;

/** The string a failing configuration carries: `'Unexpected x call'`, `new Error('Unexpected x')`, `() => { throw new Error('…') }`. */
function messageOf(node: TSESTree.Node | undefined, depth: number): string | null {
  if (node === undefined || depth > 4) {
    return null;
  }
  switch (node.type) {
    case AST_NODE_TYPES.Literal:
      return typeof node.value === 'string' ? node.value : null;
    case AST_NODE_TYPES.TemplateLiteral:
      return node.quasis.map((quasi) => quasi.value.cooked ?? '').join(' ');
    case AST_NODE_TYPES.NewExpression:
    case AST_NODE_TYPES.CallExpression:
      return messageOf(node.arguments[0], depth + 1);
    case AST_NODE_TYPES.ArrowFunctionExpression:
    case AST_NODE_TYPES.FunctionExpression: {
      const body = node.body;
      if (body.type !== AST_NODE_TYPES.BlockStatement) {
        return messageOf(body, depth + 1);
      }
      const first = body.body[0];
      return body.body.length === 1 && first?.type === AST_NODE_TYPES.ThrowStatement ? messageOf(first.argument, depth + 1) : null;
    }
    default:
      return null;
  }
}

/** The double is made, where it is made, to fail with a message that says the call was not planned. */
export function isGuardStub(mock: MockRecord): boolean {
  if (mock.kind === 'module') {
    return false;
  }
  return mock.configs.some((config) => {
    if (config.block !== mock.block || !FAILING_CONFIGS.has(config.method)) {
      return false;
    }
    const message = messageOf(config.args[0], 0);
    return message !== null && UNPLANNED.test(message);
  });
}
