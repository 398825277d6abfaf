import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import type { TSESLint } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';

import { renameMethodFix, usesAwaitAsName } from '../../src/ast/await-fixes.js';
import { isFunction, type FunctionNode } from '../../src/ast/nodes.js';
import { modelAndSourceOf } from '../model/model-harness.js';

/** The text after applying `renameMethodFix` to the callee of the file's first call, or null when no fix is offered. */
function renamed(code: string, name: string): string | null {
  const { sourceCode } = modelAndSourceOf(code);
  const statement = sourceCode.ast.body[0] as TSESTree.ExpressionStatement;
  const call = statement.expression as TSESTree.CallExpression;
  const fix = renameMethodFix(sourceCode, call.callee, name);
  if (fix === null) {
    return null;
  }
  const fixer = { replaceText: (node: TSESTree.Node, text: string) => ({ range: node.range, text }) } as unknown as TSESLint.RuleFixer;
  const { range, text } = fix(fixer);
  return code.slice(0, range[0]) + text + code.slice(range[1]);
}

/** The file's first function, and the source code it belongs to. */
function firstFunction(code: string, sourceType: 'module' | 'script' = 'script'): { fn: FunctionNode; sourceCode: TSESLint.SourceCode } {
  const { sourceCode } = modelAndSourceOf(code, { sourceType, filename: 'example.test.js' });
  let found: FunctionNode | null = null;
  const visit = (node: TSESTree.Node): void => {
    if (found !== null) return;
    if (isFunction(node)) {
      found = node;
      return;
    }
    for (const key of sourceCode.visitorKeys[node.type] ?? []) {
      const child = (node as unknown as Record<string, unknown>)[key];
      for (const item of Array.isArray(child) ? child : [child]) {
        if (item !== null && typeof item === 'object' && 'type' in item) visit(item as TSESTree.Node);
      }
    }
  };
  visit(sourceCode.ast);
  if (found === null) throw new Error('no function');
  return { fn: found, sourceCode };
}

describe('renameMethodFix', () => {
  it('renames a plain method name', () => {
    expect(renamed(`get.mockReturnValue(x);`, 'mockResolvedValue')).toBe(`get.mockResolvedValue(x);`);
  });
  it('keeps a computed key computed, with its own quotes', () => {
    expect(renamed(`vi.fn()['mockReturnValue'](x);`, 'mockRejectedValue')).toBe(`vi.fn()['mockRejectedValue'](x);`);
    expect(renamed(`get["mockReturnValue"](x);`, 'mockRejectedValue')).toBe(`get["mockRejectedValue"](x);`);
    expect(renamed('get[`mockReturnValue`](x);', 'mockRejectedValue')).toBe('get[`mockRejectedValue`](x);');
  });
  it('offers nothing for a dynamic key, a private name or a plain call', () => {
    expect(renamed(`get[method](x);`, 'mockRejectedValue')).toBeNull();
    expect(renamed('get[`mock${kind}`](x);', 'mockRejectedValue')).toBeNull();
    expect(renamed(`get(x);`, 'mockRejectedValue')).toBeNull();
  });
});

describe('usesAwaitAsName', () => {
  it('is true for script code that declares, reads or labels await', () => {
    const declared = firstFunction(`it('a', function () { var await = 1; save(await); });`);
    expect(usesAwaitAsName(declared.sourceCode, declared.fn)).toBe(true);
    const read = firstFunction(`var await = 1;\nit('a', () => { save(await); });`);
    expect(usesAwaitAsName(read.sourceCode, read.fn)).toBe(true);
    const label = firstFunction(`it('a', function () { await: for (;;) { break await; } });`);
    expect(usesAwaitAsName(label.sourceCode, label.fn)).toBe(true);
  });
  it('is false for the keyword of a nested async function, and for no await at all', () => {
    const nested = firstFunction(`it('a', () => { save(); run(async () => { await load(); }); });`, 'module');
    expect(usesAwaitAsName(nested.sourceCode, nested.fn)).toBe(false);
    const none = firstFunction(`it('a', () => { save(); });`, 'module');
    expect(usesAwaitAsName(none.sourceCode, none.fn)).toBe(false);
    expect(none.fn.type).toBe(AST_NODE_TYPES.ArrowFunctionExpression);
  });
});
