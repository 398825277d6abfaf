import { describe, expect, it } from 'vitest';
import type { TSESTree } from '@typescript-eslint/utils';

import { forEachNode, someDescendant } from '../../src/ast/nodes.js';
import { modelAndSourceOf } from '../model/model-harness.js';

const CODE = `
import { describe, it, expect } from 'vitest';
describe('cart', () => {
  it.each([1, 2])('adds %i', async (n) => {
    const cart = new Cart<number>({ size: n });
    expect(cart.add(n) ? 'ok' : 'full').toBe('ok');
  });
});
`;

/** Every node in pre-order, collected through `forEachNode`. */
function visitOrder(sourceCode: Parameters<typeof forEachNode>[0]): TSESTree.Node[] {
  const nodes: TSESTree.Node[] = [];
  forEachNode(sourceCode, (node) => nodes.push(node));
  return nodes;
}

describe('forEachNode', () => {
  it('visits every node once, parents first, children in source order', () => {
    const { sourceCode } = modelAndSourceOf(CODE);
    const nodes = visitOrder(sourceCode);
    expect(nodes[0]).toBe(sourceCode.ast);
    expect(nodes).toHaveLength(new Set(nodes).size);
    const lastChildStart = new Map<TSESTree.Node, number>();
    for (const node of nodes.slice(1)) {
      const parent = node.parent;
      expect(parent === undefined ? -1 : nodes.indexOf(parent)).toBeLessThan(nodes.indexOf(node));
      if (parent !== undefined) {
        expect(node.range[0]).toBeGreaterThanOrEqual(lastChildStart.get(parent) ?? parent.range[0]);
        lastChildStart.set(parent, node.range[0]);
      }
    }
    expect(nodes.filter((node) => node.type === 'CallExpression')).toHaveLength(6);
  });

  it('visits the nodes in the order ESLint’s own traversal enters them, with or without its cached steps', () => {
    const { sourceCode } = modelAndSourceOf(CODE);
    // ESLint's SourceCode has `traverse()` (ESLint ≥ 9.15); typescript-eslint's SourceCode type does not declare it.
    const steps = [...(sourceCode as unknown as { traverse(): Iterable<{ phase?: number; target: unknown }> }).traverse()];
    const entered = steps.filter((step) => step.phase === 1).map((step) => step.target);
    expect(entered.length).toBeGreaterThan(40);
    // Read from the steps…
    expect(visitOrder(sourceCode)).toEqual(entered);
    // …and walked over the tree where a source code has no steps.
    expect(visitOrder({ ast: sourceCode.ast, visitorKeys: sourceCode.visitorKeys })).toEqual(entered);
  });
});

describe('someDescendant', () => {
  it('finds a node under the root, and nothing under a pruned node', () => {
    const { sourceCode } = modelAndSourceOf(CODE);
    const isNew = (node: TSESTree.Node): boolean => node.type === 'NewExpression';
    expect(someDescendant(sourceCode.ast, sourceCode.visitorKeys, isNew)).toBe(true);
    const pruneArrows = (node: TSESTree.Node): boolean => node.type === 'ArrowFunctionExpression';
    expect(someDescendant(sourceCode.ast, sourceCode.visitorKeys, isNew, pruneArrows)).toBe(false);
    const isWhile = (node: TSESTree.Node): boolean => node.type === 'WhileStatement';
    expect(someDescendant(sourceCode.ast, sourceCode.visitorKeys, isWhile)).toBe(false);
  });
});
