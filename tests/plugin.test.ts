import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

import tsParser from '@typescript-eslint/parser';
import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';

import plugin from '../src/index.js';
import { DOCS_REF, PACKAGE_VERSION } from '../src/package-info.js';

const root = fileURLToPath(new URL('../', import.meta.url));
interface AnyRule {
  readonly meta: unknown;
}
const allRules: Readonly<Record<string, AnyRule>> = plugin.rules;
const ruleEntries = Object.entries(allRules);
const ruleIds = ruleEntries.map(([id]) => id);

interface RuleMetaView {
  readonly docs?: { readonly description?: string; readonly recommended?: unknown; readonly requiresTypeChecking?: boolean; readonly strictOptions?: readonly unknown[]; readonly url?: string };
  readonly messages?: Record<string, string>;
  readonly schema?: unknown;
  readonly defaultOptions?: readonly unknown[];
  readonly hasSuggestions?: boolean;
}
const metaOf = (rule: AnyRule): RuleMetaView => rule.meta as RuleMetaView;

const linterConfig = (rules: Record<string, unknown>, extra: Partial<Linter.Config> = {}): Linter.Config[] => [
  {
    files: ['**/*.{js,jsx,mjs,cjs,ts,tsx,mts,cts}'],
    languageOptions: { parser: tsParser as Linter.Parser, parserOptions: { ecmaFeatures: { jsx: true } } },
    plugins: { 'test-quality': plugin as unknown as NonNullable<Linter.Config['plugins']>[string] },
    rules: rules as Linter.RulesRecord,
    ...extra,
  },
];

describe('plugin object', () => {
  it('has meta with name, version and the test-quality namespace', () => {
    expect(plugin.meta).toEqual({ name: 'eslint-plugin-test-quality', version: PACKAGE_VERSION, namespace: 'test-quality' });
  });

  it('exports at least one rule, all listed in the generated index', () => {
    expect(ruleIds.length).toBeGreaterThanOrEqual(1);
    const index = readFileSync(`${root}src/rules/index.ts`, 'utf8');
    for (const id of ruleIds) {
      expect(index).toContain(`'${id}':`);
    }
  });
});

describe.each(ruleIds)('rule %s', (id) => {
  const meta = metaOf(allRules[id] ?? { meta: {} });

  it('has a test file and a doc', () => {
    expect(existsSync(`${root}tests/rules/${id}.test.ts`)).toBe(true);
    expect(existsSync(`${root}docs/rules/${id}.md`)).toBe(true);
  });

  it('has a description in the house style and a docs URL on the docs ref', () => {
    expect(meta.docs?.description).toMatch(/^(Disallow|Require|Enforce|Prefer) .*[^.]$/u);
    expect(meta.docs?.url).toBe(`https://github.com/test-quality/eslint-plugin-test-quality/blob/${DOCS_REF}/docs/rules/${id}.md`);
  });

  it('has camelCase message ids', () => {
    for (const messageId of Object.keys(meta.messages ?? {})) {
      expect(messageId).toMatch(/^[a-z][a-zA-Z0-9]*$/u);
    }
  });

  it('accepts its own default options through ESLint schema validation', () => {
    const linter = new Linter({ configType: 'flat' });
    const options = meta.defaultOptions ?? [];
    const messages = linter.verify('', linterConfig({ [`test-quality/${id}`]: ['error', ...options] }), 'a.test.ts');
    expect(messages).toEqual([]);
  });

  it('runs on an empty file and on unusual syntax without crashing', () => {
    const linter = new Linter({ configType: 'flat' });
    const config = linterConfig({ [`test-quality/${id}`]: 'error' });
    for (const [filename, code] of Object.entries(UNUSUAL_SOURCES)) {
      const messages = linter.verify(code, config, filename);
      expect(messages.filter((message) => message.fatal === true || message.ruleId === null)).toEqual([]);
    }
  });
});

describe('schema validation', () => {
  it('rejects an unknown option with ESLint\'s readable schema error', () => {
    const withOptions = ruleEntries.find(([, rule]) => Array.isArray(metaOf(rule).schema) && (metaOf(rule).schema as unknown[]).length > 0);
    expect(withOptions).toBeDefined();
    const [id] = withOptions ?? ['none'];
    const linter = new Linter({ configType: 'flat' });
    expect(() => linter.verify('', linterConfig({ [`test-quality/${id}`]: ['error', { notAnOption: true }] }), 'a.test.ts')).toThrow(
      /Key "test-quality\/[a-z-]+":[\s\S]*should NOT have additional properties\.[\s\S]*Unexpected property "notAnOption"/u,
    );
  });
});

describe('configs', () => {
  const expected = (name: 'recommended' | 'recommended-type-checked' | 'strict' | 'all'): Record<string, unknown> => {
    const rules: Record<string, unknown> = {};
    for (const [id, rule] of ruleEntries) {
      const docs = metaOf(rule).docs ?? {};
      const typed = docs.requiresTypeChecking === true;
      const level = docs.recommended;
      const key = `test-quality/${id}`;
      if (name === 'all') {
        rules[key] = 'error';
      } else if (name === 'recommended' && level === 'recommended' && !typed) {
        rules[key] = 'error';
      } else if (name === 'recommended-type-checked' && level === 'recommended') {
        rules[key] = 'error';
      } else if (name === 'strict' && (level === 'recommended' || level === 'strict') && !typed) {
        rules[key] = docs.strictOptions === undefined ? 'error' : ['error', ...docs.strictOptions];
      }
    }
    return rules;
  };

  it.each(['recommended', 'recommended-type-checked', 'strict', 'all'] as const)('%s equals what rule meta implies, named and with the plugin registered', (name) => {
    const config = plugin.configs[name];
    expect(config.name).toBe(`test-quality/${name}`);
    expect(config.plugins?.['test-quality']).toBe(plugin);
    expect(config.rules).toEqual(expected(name));
  });

  // Blind precision on repositories nobody tuned them on is below the bar of `recommended` (docs/evaluation.md): the
  // two rules stay opt-in, in `strict` and `all` only, until a blind measurement shows they meet it.
  it.each(['max-mocks-per-test', 'no-magic-retry-count'])('%s is opt-in: in strict and all, not in recommended or recommended-type-checked', (id) => {
    const key = `test-quality/${id}`;
    expect(plugin.configs.recommended.rules).not.toHaveProperty([key]);
    expect(plugin.configs['recommended-type-checked'].rules).not.toHaveProperty([key]);
    expect(plugin.configs.strict.rules).toHaveProperty([key]);
    expect(plugin.configs.all.rules).toHaveProperty([key], 'error');
  });

  it('recommended is not empty and is a subset of strict and of all', () => {
    const recommended = Object.keys(plugin.configs.recommended.rules ?? {});
    expect(recommended.length).toBeGreaterThan(0);
    for (const key of recommended) {
      expect(plugin.configs.strict.rules).toHaveProperty([key]);
      expect(plugin.configs.all.rules).toHaveProperty([key]);
    }
  });
});

/** Syntax every rule must survive: TS generics, decorators, JSX, CommonJS, top-level await, private fields. */
const UNUSUAL_SOURCES: Record<string, string> = {
  'empty.test.ts': '',
  'generics.test.ts': `
    function identity<T extends { id: number }>(value: T): T { return value; }
    const mocked = vi.fn<(id: number) => Promise<string>>();
    describe<string>('generic', () => { it('works', async () => { expect(identity<{ id: number }>({ id: 1 })).toEqual({ id: 1 }); }); });
    type Fn = typeof mocked; enum Kind { A = 1 } namespace N { export const x = 1; }
    abstract class Base<T> { abstract run(): T; }
  `,
  'decorators.test.ts': `
    function Injectable(): ClassDecorator { return () => {}; }
    @Injectable()
    class Service { @Reflect.metadata('k', 1) method(@Inject() dep: unknown) { return dep; } }
    it('decorated', () => { expect(new Service()).toBeDefined(); });
  `,
  'component.test.tsx': `
    import { render, screen } from '@testing-library/react';
    it('renders', async () => {
      render(<Button onClick={vi.fn()} label={<span>x</span>} {...props} />);
      expect(await screen.findByText('x')).toBeTruthy();
    });
  `,
  'commonjs.test.js': `
    'use strict';
    const { describe, it } = require('node:test');
    const assert = require('node:assert');
    const sinon = require('sinon');
    module.exports = function helper() { return sinon.stub(); };
    describe('cjs', function () { it('works', function (done) { assert.strictEqual(1, 1); done(); }); });
  `,
  'top-level-await.test.mjs': `
    const mod = await import('./subject.js');
    await using resource = mod.open();
    test('tla', async () => { expect(await mod.value).toBe(1); });
  `,
  'private-fields.test.ts': `
    class Counter { #count = 0; static #instances = 0; get #value() { return this.#count; } inc() { return #count in this ? ++this.#count : 0; } }
    it('counts', () => { const c = new Counter(); expect(c.inc()).toBe(1); });
  `,
  'odd.test.js': `
    label: for (const x of [1]) { break label; }
    it(); it('no callback'); describe(); expect(); expect.assertions(1);
    vi.mock(); jest.fn().mockResolvedValue; sinon.stub()['returns'](1);
    it[\`computed\`]('x', () => {}); (0, it)('seq', () => {}); new it('ctor', () => {});
    it('a', async function* () { yield 1; }); test.each\`a|b\`('t', () => {});
    expect(x)?.toBe?.(1); const { a = it } = {}; ({ it } = {});
  `,
};
