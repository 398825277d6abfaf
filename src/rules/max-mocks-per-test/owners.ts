import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/types';
import type { TSESLint } from '@typescript-eslint/utils';

import { isFunction, type FunctionNode } from '../../ast/nodes.js';
import type { MockRecord, TestBlock, TestModel } from '../../model/index.js';

/**
 * Who each mock applies to: the file (null), a suite body, a test or a hook. Mocks made inside
 * a named helper declared at file or suite level belong to every block that calls it directly.
 */
export function groupByOwner(model: TestModel, sourceCode: Readonly<TSESLint.SourceCode>): Map<TestBlock | null, Set<MockRecord>> {
  const byOwner = new Map<TestBlock | null, Set<MockRecord>>();
  const add = (owner: TestBlock | null, mock: MockRecord): void => {
    const set = byOwner.get(owner);
    if (set === undefined) {
      byOwner.set(owner, new Set([mock]));
    } else {
      set.add(mock);
    }
  };
  const helperMocks = new Map<FunctionNode, MockRecord[]>();
  for (const mock of model.mocks) {
    if (mock.hoisted) {
      // vitest hoists `vi.mock` to the top of the file; babel-jest only to the top of its own block.
      add(mock.library === 'jest' ? model.blockOf(mock.node) : null, mock);
      continue;
    }
    if (mock.enclosingFunction === null || mock.block?.kind === 'test' || mock.block?.kind === 'hook') {
      add(mock.block, mock);
      continue;
    }
    const helper = helperRoot(model, mock.node);
    if (helper === null) {
      continue;
    }
    const list = helperMocks.get(helper);
    if (list === undefined) {
      helperMocks.set(helper, [mock]);
    } else {
      list.push(mock);
    }
  }
  for (const [helper, mocks] of helperMocks) {
    for (const call of directCalls(helper, sourceCode)) {
      const owner = model.blockOf(call);
      if (owner?.kind === 'suite' && helperRoot(model, call) !== null) {
        continue;
      }
      if (owner === null && helperRoot(model, call) !== null) {
        continue;
      }
      for (const mock of mocks) {
        add(owner, mock);
      }
    }
  }
  return byOwner;
}

/** The outermost function around `node` below the nearest block callback (or the program). */
export function helperRoot(model: TestModel, node: TSESTree.Node): FunctionNode | null {
  let outermost: FunctionNode | null = null;
  for (let current = node.parent; current != null; current = current.parent) {
    if (isFunction(current)) {
      if (model.blockOfCallback(current) !== null) {
        break;
      }
      outermost = current;
    }
  }
  return outermost;
}

/** Call sites of a named helper (`function setup() {}`, `const setup = () => {}`). */
export function directCalls(helper: FunctionNode, sourceCode: Readonly<TSESLint.SourceCode>): TSESTree.CallExpression[] {
  let declared: TSESTree.Node | null = null;
  if (helper.type === AST_NODE_TYPES.FunctionDeclaration && helper.id !== null) {
    declared = helper;
  } else if (helper.parent.type === AST_NODE_TYPES.VariableDeclarator && helper.parent.init === helper && helper.parent.id.type === AST_NODE_TYPES.Identifier) {
    declared = helper.parent;
  }
  if (declared === null) {
    return [];
  }
  const calls: TSESTree.CallExpression[] = [];
  for (const variable of sourceCode.getDeclaredVariables(declared)) {
    for (const reference of variable.references) {
      const parent = reference.identifier.parent;
      if (parent?.type === AST_NODE_TYPES.CallExpression && parent.callee === reference.identifier) {
        calls.push(parent);
      }
    }
  }
  return calls;
}
