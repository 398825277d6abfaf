import path from 'node:path';
import { fileURLToPath } from 'node:url';

import tsParser from '@typescript-eslint/parser';
import { AST_NODE_TYPES, type TSESLint } from '@typescript-eslint/utils';
import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';

import { getTypeServices, isThenableType, nodeThenability, returnThenability, type ThenabilityOptions } from '../src/type-info.js';

const typedRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), 'fixtures/typed');

/** Lints `code` as `tests/fixtures/typed/file.ts` and reports, for each `probe(x)` call, what type-info says about `x`. */
function probe(code: string, typed = true, options: ThenabilityOptions = {}): string[] {
  const rule: TSESLint.RuleModule<'result'> = {
    meta: { type: 'problem', schema: [], messages: { result: '{{result}}' } },
    defaultOptions: [],
    create(context) {
      const hasTypes = getTypeServices(context) !== null;
      return {
        CallExpression(node) {
          const argument = node.arguments[0];
          if (node.callee.type !== AST_NODE_TYPES.Identifier || node.callee.name !== 'probe' || argument === undefined) {
            return;
          }
          const result = `${String(hasTypes)} ${nodeThenability(context, argument, options)} ${String(isThenableType(context, argument))} returns:${returnThenability(context, argument, options)}`;
          context.report({ node, messageId: 'result', data: { result } });
        },
      };
    },
  };
  const linter = new Linter({ configType: 'flat', cwd: typedRoot });
  const messages = linter.verify(
    code,
    [
      {
        files: ['**/*.ts'],
        languageOptions: {
          parser: tsParser,
          parserOptions: typed ? { projectService: true, tsconfigRootDir: typedRoot } : {},
        },
        plugins: { probe: { rules: { probe: rule as never } } },
        rules: { 'probe/probe': 'error' },
      },
    ],
    path.join(typedRoot, 'file.ts'),
  );
  const fatal = messages.find((message) => message.fatal === true);
  if (fatal !== undefined) {
    throw new Error(`parse error: ${fatal.message}`);
  }
  return messages.map((message) => message.message);
}

const prelude = `import { fetchUser, formatUser, loadLater, maybeAsync, notify, anything, mystery, identity, read, readSync, userPromise, plainUser, service, db } from './api';\ndeclare function probe(value: unknown): void;\n`;

describe('type-info', () => {
  it('reads thenability of values', () => {
    expect(
      probe(`${prelude}probe(userPromise); probe(plainUser); probe(loadLater(1)); probe(maybeAsync(1)); probe(anything()); probe(mystery()); probe(notify('x')); probe(null as unknown as Promise<number> | undefined);`),
    ).toEqual([
      'true thenable true returns:unknown',
      'true notThenable false returns:unknown',
      'true thenable true returns:unknown',
      'true mixed null returns:unknown',
      'true unknown null returns:unknown',
      'true unknown null returns:unknown',
      'true unknown null returns:unknown',
      'true mixed null returns:unknown',
    ]);
  });

  it('reads what functions return, overloads and generics included', () => {
    expect(
      probe(`${prelude}probe(fetchUser); probe(formatUser); probe(maybeAsync); probe(notify); probe(anything); probe(identity); probe(read); probe(readSync); probe(service.getUser); probe(service.cachedUser); probe(service.optionalLoad); probe(db.query); probe(db.count); probe(async () => 1); probe(<T extends Promise<number>>(value: T) => value);`),
    ).toEqual([
      'true notThenable false returns:thenable',
      'true notThenable false returns:notThenable',
      'true notThenable false returns:mixed',
      'true notThenable false returns:unknown',
      'true notThenable false returns:unknown',
      'true notThenable false returns:unknown',
      'true notThenable false returns:mixed',
      'true notThenable false returns:notThenable',
      'true notThenable false returns:thenable',
      'true notThenable false returns:notThenable',
      'true notThenable false returns:thenable',
      'true notThenable false returns:thenable',
      'true notThenable false returns:notThenable',
      'true notThenable false returns:thenable',
      'true notThenable false returns:thenable',
    ]);
  });

  it('tells promises from thenable builders when asked', () => {
    expect(probe(`import { users, fetchUser, loadLater } from './api';\ndeclare function probe(value: unknown): void;\nprobe(users.select); probe(users.select()); probe(fetchUser); probe(loadLater);`, true, { promiseOnly: true })).toEqual([
      'true notThenable false returns:unknown',
      'true unknown true returns:unknown',
      'true notThenable false returns:thenable',
      'true notThenable false returns:thenable',
    ]);
  });

  it('answers unknown, never throwing, without type information', () => {
    expect(probe(`${prelude}probe(userPromise); probe(fetchUser);`, false)).toEqual([
      'false unknown null returns:unknown',
      'false unknown null returns:unknown',
    ]);
  });
});
