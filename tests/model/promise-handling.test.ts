import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';

import { findUnhandledPromise, isPromiseHandled } from '../../src/model/promise-handling.js';
import { modelAndSourceOf } from './model-harness.js';

/** Every `work()` call of the file, in source order. */
function workCalls(sourceCode: TSESLint.SourceCode): TSESTree.CallExpression[] {
  const calls: TSESTree.CallExpression[] = [];
  const visit = (node: TSESTree.Node): void => {
    if (node.type === AST_NODE_TYPES.CallExpression && node.callee.type === AST_NODE_TYPES.Identifier && node.callee.name === 'work') {
      calls.push(node);
    }
    for (const key of sourceCode.visitorKeys[node.type] ?? []) {
      const child = (node as unknown as Record<string, unknown>)[key];
      for (const item of Array.isArray(child) ? child : [child]) {
        if (item !== null && typeof item === 'object' && typeof (item as TSESTree.Node).type === 'string') {
          visit(item as TSESTree.Node);
        }
      }
    }
  };
  visit(sourceCode.ast);
  return calls.sort((a, b) => a.range[0] - b.range[0]);
}

/** `handled` / `dropped` for each `work()` call. */
function handling(code: string, options: { sourceType?: 'module' | 'script' } = {}): string[] {
  const { model, sourceCode } = modelAndSourceOf(code, options);
  return workCalls(sourceCode).map((call) => (isPromiseHandled(call, model, sourceCode) ? 'handled' : 'dropped'));
}

describe('isPromiseHandled', () => {
  it('accepts await, return, arrow bodies, void and yield', () => {
    expect(
      handling(`
        it('a', async () => { await work(); });
        it('b', () => { return work(); });
        it('c', () => work());
        it('d', () => { void work(); });
        it('e', function* () { yield work(); });
      `),
    ).toEqual(['handled', 'handled', 'handled', 'handled', 'handled']);
  });

  it('drops expression statements, unread variables and non-final sequence members', () => {
    expect(
      handling(`
        it('a', async () => {
          work();
          const unused = work();
          (work(), other());
        });
      `),
    ).toEqual(['dropped', 'dropped', 'dropped']);
  });

  it('follows then/catch/finally chains, conditionals and logical expressions to their end', () => {
    expect(
      handling(`
        it('a', async () => {
          await work().then(() => 1).catch(() => 2).finally(() => 3);
          work().then(() => 1);
          return flag ? work() : work();
        });
        it('b', async () => { ready && work(); });
      `),
    ).toEqual(['handled', 'dropped', 'handled', 'handled', 'dropped']);
  });

  it('accepts elements of awaited Promise combinators and arrays that reach them', () => {
    expect(
      handling(`
        it('a', async () => {
          await Promise.all([work(), work()]);
          await Promise.allSettled([...[work()]]);
          const pending = [work()];
          pending.push(work());
          await Promise.race(pending);
          Promise.any([work()]);
        });
      `),
    ).toEqual(['handled', 'handled', 'handled', 'handled', 'handled', 'dropped']);
  });

  it('follows variables to any read that handles them', () => {
    expect(
      handling(`
        it('a', async () => {
          const p = work();
          log(p);
          let q;
          q = work();
          await q;
          const r = work();
          r.then(() => 1);
        });
      `),
    ).toEqual(['handled', 'handled', 'dropped']);
  });

  it('knows sync array callbacks: map keeps the results, forEach drops them', () => {
    expect(
      handling(`
        it('a', async () => {
          await Promise.all(ids.map((id) => work(id)));
          ids.forEach((id) => work(id));
          ids.map((id) => { return work(id); });
        });
      `),
    ).toEqual(['handled', 'dropped', 'dropped']);
  });

  it('accepts callbacks handed to other helpers and IIFEs that are handled', () => {
    expect(
      handling(`
        it('a', async () => {
          await helper(() => work());
          await (async () => { await work(); })();
          (() => work())();
        });
      `),
    ).toEqual(['handled', 'handled', 'dropped']);
  });

  it('accepts tests that complete through done, a node:test plan or await t.completed', () => {
    expect(
      handling(`
        it('done', (done) => { work().then(() => done()); });
      `),
    ).toEqual(['handled']);
    expect(
      handling(`
        import { test } from 'node:test';
        test('plan', (t) => { t.plan(1); work(); });
        test('option', { plan: 1 }, (t) => { work(); });
        test('completed', async (t) => { work(); await t.completed; });
        test('neither', async (t) => { work(); });
      `),
    ).toEqual(['handled', 'handled', 'handled', 'dropped']);
  });

  it('accepts a drop followed by an awaited fake-timer or microtask flush', () => {
    expect(
      handling(`
        it('a', async () => {
          work();
          if (x) { work(); }
          await vi.advanceTimersByTimeAsync(10);
        });
        it('b', async () => { work(); await clock.tickAsync(5); });
        it('c', async () => { work(); await sleep(5); });
      `),
    ).toEqual(['handled', 'handled', 'handled', 'dropped']);
  });

  it('accepts a drop followed by an awaited event wait, waitFor, nextTick or a helper plan\'s completion', () => {
    expect(
      handling(`
        it('a', async () => { work(); await once(server, 'listening'); });
        it('b', async () => { work(); const [res] = await once(req, 'response'); });
        it('c', async () => { work(); await new Promise((resolve) => server.once('ready', resolve)); });
        it('d', async () => { work(); await new Promise((resolve) => client.on('connect', () => resolve())); });
        it('e', async () => { work(); await waitFor(() => expect(x).toBe(1)); });
        it('f', async () => { work(); await nextTick(); });
        test('g', async (t) => { const p = tspl(t, { plan: 1 }); work(); await p.completed; });
        it('h', async () => { work(); await once(emitter); });
        it('i', async () => { work(); await new Promise((resolve) => setTimeout(resolve, 10)); });
      `),
    ).toEqual(['handled', 'handled', 'handled', 'handled', 'handled', 'handled', 'handled', 'dropped', 'dropped']);
  });

  it('accepts drops inside a new Promise executor', () => {
    expect(handling(`it('a', () => new Promise((resolve, reject) => { work().then(resolve, reject); }));`)).toEqual(['handled']);
  });

  it('reports the dropping statement only when the statement is the promise', () => {
    const { model, sourceCode } = modelAndSourceOf(`
      it('a', async () => {
        work();
        ids.map(() => work());
        const p = work();
      });
    `);
    const [statementDrop, mapDrop, variableDrop] = workCalls(sourceCode).map((call) => findUnhandledPromise(call, model, sourceCode));
    expect(statementDrop?.statement?.type).toBe(AST_NODE_TYPES.ExpressionStatement);
    expect(statementDrop?.fn?.async).toBe(true);
    expect(mapDrop).not.toBeNull();
    expect(mapDrop?.statement).toBeNull();
    expect(variableDrop?.statement).toBeNull();
  });

  it('works in CommonJS scripts', () => {
    expect(handling(`const x = require('x'); it('a', function () { work(); return work(); });`, { sourceType: 'script' })).toEqual(['dropped', 'handled']);
  });
});
