import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/types';
import type { TSESLint } from '@typescript-eslint/utils';
import { findVariable } from '@typescript-eslint/utils/ast-utils';

import { getPropertyName, getChainRoot, isFunction, referenceKey, unwrapExpression } from '../ast/nodes.js';
import { createRule, perOptions } from '../create-rule.js';
import {
  configFailsAlways,
  counterNameOf,
  doubleKey,
  integerLiteral,
  isDisablingValue,
  isFailingImplementation,
  isFailingValue,
  isRetryCounterName,
  isRetryOptionKey,
  isRetryTitle,
  limitKeyOf,
  mayHoldRetryEvidence,
  narrowedCallIndex,
  normaliseKey,
  propertyKeyName,
  readCountAssertion,
  splitWords,
  type CountAssertion,
} from './no-magic-retry-count/retry-evidence.js';
import { getTestModel, type MockRecord, type TestBlock, type TestModel } from '../model/index.js';

export type Options = [{ allowConfiguredLimit?: boolean }];
export type MessageIds = 'configuredLimit' | 'deriveCount' | 'magicRetryCount';

type RuleContext = Readonly<TSESLint.RuleContext<MessageIds, Options>>;

/** A retry limit the test configures: `{ retries: 3 }`, `{ maxRetries: MAX }`, `.retry(2)`. */
interface Limit {
  /** How the count is written when derived: the option key, or the constant's name. */
  readonly name: string;
  /** The option key or method that sets the limit (`maxAttempts`, `retries`, `retry`). */
  readonly key: string;
  readonly value: number;
  /** The literal that spells the limit inside an object property, when it is one. */
  readonly property: TSESTree.Property | null;
  /** The constant the limit is read from (`maxRetries: MAX_RETRIES`). */
  readonly variable: TSESLint.Scope.Variable | null;
  readonly block: TestBlock | null;
}

interface TestFacts {
  /** Retry evidence independent of what is counted: titles and retry options. */
  readonly retryContext: boolean;
  /** The test says it must not retry, or switches retrying off (`retry: false`): its counts are its own calls. */
  readonly negated: boolean;
  readonly limits: readonly Limit[];
  /** Counts fixed by the test's own fault injection. */
  readonly pinned: ReadonlySet<number>;
  /** Keys of doubles that fail on every call. */
  readonly failingKeys: ReadonlySet<string>;
  /** A failing double without a known key, or a failing double used by a hand-written counter. */
  readonly anyFailing: boolean;
}

const COMPARISONS: ReadonlySet<string> = new Set(['<', '<=', '>', '>=', '===', '==', '!==', '!=']);
/** Calls of fake servers that answer one request each (nock, axios-mock-adapter, jest-fetch-mock). */
const ONE_ANSWER_METHODS: ReadonlySet<string> = new Set([
  'reply', 'replyWithError', 'replyOnce', 'replyWithFile', 'networkErrorOnce', 'timeoutOnce', 'abortRequestOnce', 'mockResponseOnce',
  'mockRejectOnce', 'mockAbortOnce',
]);
/** Calls that configure a retry limit by argument: supertest `.retry(2)`, `client.setRetries(3)`. */
const RETRY_CONFIG_METHODS: ReadonlySet<string> = new Set(['retry', 'retries', 'setRetries', 'withRetries', 'setMaxRetries', 'maxRetries', 'setMaxAttempts']);
const ONCE_METHODS: ReadonlySet<string> = new Set([
  'mockRejectedValueOnce', 'mockResolvedValueOnce', 'mockReturnValueOnce', 'mockImplementationOnce',
]);
/** Statements that wait rather than act: repeating them says nothing about call counts. */
const FLUSH_TEXT = /sleep|tick|advanceTimers|runAllTimers|runOnlyPendingTimers|Promise\.resolve|flush|setImmediate|nextTick|waitFor|delay\(|setTimeout|wait\(|^(?:await)?[\w.]*\.(?:getBy|getAllBy|queryBy|findBy)/u;
const RESERVED: ReadonlySet<string> = new Set(['default', 'delete', 'new', 'function', 'class', 'enum', 'package', 'let', 'static', 'yield', 'await', 'void', 'this']);

/** `logger.info`, `loggerMock.warn`, `console.error`, `this.log.debug`: a logging double. */
function isLoggerKey(key: string): boolean {
  const parts = key.split('.');
  const method = parts.at(-1) ?? '';
  const owner = parts.slice(0, -1).join('.');
  return /^(?:console|(?:\w*\.)?(?:log|logs|logger|loggerMock|mockLogger)|\w*Logger\w*)$/iu.test(owner) &&
    /^(?:log|info|warn|warning|error|debug|trace|fatal|verbose|silly)$/u.test(method);
}

export default createRule<Options, MessageIds>({
  name: 'no-magic-retry-count',
  meta: {
    type: 'suggestion',
    docs: {
      description: 'Disallow exact retry counts that encode an unconfigured retry policy',
      recommended: 'recommended',
      requiresTypeChecking: false,
    },
    hasSuggestions: true,
    schema: [
      {
        type: 'object',
        properties: {
          allowConfiguredLimit: {
            type: 'boolean',
            description: 'Accept a literal count that a retry limit configured in the same test predicts (`retries: 3` → 4 calls).',
          },
        },
        additionalProperties: false,
      },
    ],
    defaultOptions: [{ allowConfiguredLimit: false }],
    messages: {
      magicRetryCount:
        'The exact count {{count}} encodes a retry policy this test never sets; configure the retry limit here and derive the count from it (e.g. `maxRetries + 1`), or assert a bound when timing makes the count vary.',
      configuredLimit:
        'The count {{count}} restates the configured `{{name}}` ({{limit}}) by hand; write it as `{{expression}}` so the assertion follows the configuration.',
      deriveCount: 'Write the count as `{{expression}}`.',
    },
  },
  create(context, [options]) {
    const check = checkerFor(options);
    return {
      'Program:exit'() {
        check(context);
      },
    };
  },
});

/** Keys a double is referred to by, with the keys of a mock that wraps it (`vi.stubGlobal('fetch', vi.fn())`). */
function keysOf(mock: MockRecord, model: TestModel): string[] {
  const keys = mock.keys.map(normaliseKey);
  const parent = mock.node.parent;
  if (keys.length === 0 && parent.type === AST_NODE_TYPES.CallExpression) {
    const outer = model.mocks.find((other) => other.node === parent);
    if (outer !== undefined) {
      keys.push(...outer.keys.map(normaliseKey));
    }
  }
  return keys;
}

const CONFIG_LINKS: ReadonlySet<string> = new Set(['opts', 'options', 'config', 'configuration', 'settings', 'defaults', 'params', 'props', 'init']);

/** `expect(opts.retry).toBe(10)`, `expect(job.opts.attempts).toBe(3)`: the count is a configuration value read back. */
function isConfigEcho(node: TSESTree.Node): boolean {
  const value = unwrapExpression(node);
  if (value.type !== AST_NODE_TYPES.MemberExpression) {
    return false;
  }
  const name = getPropertyName(value);
  if (name !== null && isRetryOptionKey(name) && !/count|made|done|performed|so_?far/iu.test(name)) {
    return true;
  }
  const key = referenceKey(value);
  return key !== null && key.split('.').some((link) => CONFIG_LINKS.has(link));
}

/** The text that replaces a count literal: bare as a call argument, parenthesised anywhere else (`3 as number`). */
function inPlace(literal: TSESTree.Literal, expression: string): string {
  return literal.parent.type === AST_NODE_TYPES.CallExpression || !expression.includes(' ') ? expression : `(${expression})`;
}

function calleeNameOf(call: TSESTree.CallExpression): string | null {
  const callee = unwrapExpression(call.callee);
  return callee.type === AST_NODE_TYPES.Identifier ? callee.name : callee.type === AST_NODE_TYPES.MemberExpression ? getPropertyName(callee) : null;
}

/** Functions made once per configured options, not per file (see `perOptions`). */
const checkerFor = perOptions(createChecker);

function createChecker(options: Options[0]): (context: RuleContext) => void {
  const allowConfiguredLimit = options.allowConfiguredLimit ?? false;
  // Evidence collected from the file being checked, emptied by `empty` below.
  const properties: TSESTree.Property[] = [];
  const comparisons: Array<{ node: TSESTree.BinaryExpression; value: number }> = [];
  const calls: Array<{ node: TSESTree.CallExpression; method: string }> = [];
  /** `gitRetry(fn)`, `withRetry(fn)`: invocations of the retrying code itself. */
  const retryingCalls: TSESTree.CallExpression[] = [];
  /** `Array(8)`, `{ length: 3 }`: sizes the test builds its scenario from. */
  const sizes: Array<{ node: TSESTree.Node; value: number }> = [];
  /** `if (!failedOnce) throw err`: failures the test injects behind a condition. */
  const flaggedFailures: TSESTree.IfStatement[] = [];
  /** Forgets the file: the evidence above and the memos further down (`blocks`, `mentionsRetry`), before and after each file. */
  const empty = (): void => {
    for (const list of [properties, comparisons, calls, retryingCalls, sizes, flaggedFailures]) {
      list.length = 0;
    }
    blocks.clear();
    mentionsRetry = null;
  };
  // The file being checked: set when `check` starts, let go when it ends (the checker outlives files).
  let context!: RuleContext;
  let sourceCode!: Readonly<TSESLint.SourceCode>;

  const blockSet = (model: TestModel): ReadonlySet<TSESTree.Node> => new Set(model.blocks.map((block) => block.node));

  const isWithin = (block: TestBlock | null, ancestor: TestBlock): boolean => {
    for (let current = block; current !== null; current = current.parent) {
      if (current === ancestor) {
        return true;
      }
    }
    return false;
  };

  /** Where `block` stands from `test`: inside it, a before-hook around it, the body of a suite around it (or the file). */
  const placeOf = (block: TestBlock | null, test: TestBlock): 'test' | 'hook' | 'context' | null => {
    if (block === null) {
      return 'context';
    }
    if (isWithin(block, test)) {
      return 'test';
    }
    if (block.kind === 'hook' && (block.hook === 'beforeEach' || block.hook === 'beforeAll') && (block.parent === null || isWithin(test, block.parent))) {
      return 'hook';
    }
    if (block.kind === 'suite' && isWithin(test, block)) {
      return 'context';
    }
    return null;
  };

  /** Is `node` written in the block's own callback (or at file level), not in a nested function or an unrecognised test? */
  const isDirectlyIn = (node: TSESTree.Node, block: TestBlock | null): boolean => {
    for (let current = node.parent; current != null; current = current.parent) {
      if (isFunction(current)) {
        return block !== null && current === block.callback;
      }
    }
    return block === null;
  };

  /** A call that declares a test or suite, even one whose callback the model does not see (`it('x', { retry: 3 }, handler)`). */
  const isBlockCall = (model: TestModel, call: TSESTree.CallExpression, blockNodes: ReadonlySet<TSESTree.Node>): boolean => {
    if (blockNodes.has(call)) {
      return true;
    }
    const root = getChainRoot(call.callee);
    const kind = root?.type === AST_NODE_TYPES.Identifier ? model.resolveName(root)?.kind : undefined;
    return kind === 'test' || kind === 'suite';
  };

  const constantValue = (identifier: TSESTree.Identifier): { value: number; variable: TSESLint.Scope.Variable } | null => {
    const variable = findVariable(sourceCode.getScope(identifier), identifier.name);
    const definition = variable?.defs[0];
    if (variable === null || variable.defs.length !== 1 || definition?.node.type !== AST_NODE_TYPES.VariableDeclarator) {
      return null;
    }
    const declaration = definition.node.parent;
    const value = integerLiteral(definition.node.init);
    return value === null || declaration.type !== AST_NODE_TYPES.VariableDeclaration || declaration.kind !== 'const' ? null : { value, variable };
  };

  const blocks = new Map<TSESTree.Node, TestBlock | null>();
  const blockOf = (model: TestModel, node: TSESTree.Node): TestBlock | null => {
    let block = blocks.get(node);
    if (block === undefined) {
      block = model.blockOf(node);
      blocks.set(node, block);
    }
    return block;
  };

  const gatherFacts = (model: TestModel, test: TestBlock, blockNodes: ReadonlySet<TSESTree.Node>): TestFacts => {
    const chain: TestBlock[] = [];
    for (let current: TestBlock | null = test; current !== null; current = current.parent) {
      chain.push(current);
    }
    const negated = test.title !== null && !isRetryTitle(test.title) && /\b(?:retry|retries|retried|retrying|reconnect)/iu.test(test.title);
    let retryContext = chain.some((block) => block.title !== null && isRetryTitle(block.title));
    let disabled = false;
    const limits: Limit[] = [];
    const pinned = new Set<number>();
    const pin = (value: number): void => {
      pinned.add(value - 1);
      pinned.add(value);
      pinned.add(value + 1);
    };

    for (const property of properties) {
      const place = placeOf(blockOf(model, property), test);
      if (place === null || (place === 'context' && !isDirectlyIn(property, blockOf(model, property)))) {
        continue;
      }
      const name = propertyKeyName(property);
      if (name === null) {
        continue;
      }
      if (name === 'once') {
        continue;
      }
      // Options of a test or suite call (`it('x', { retry: 3 }, fn)`) configure the runner, not the code.
      const object = property.parent;
      if (object.type !== AST_NODE_TYPES.ObjectExpression || (object.parent.type === AST_NODE_TYPES.CallExpression && isBlockCall(model, object.parent, blockNodes))) {
        continue;
      }
      if (!isRetryOptionKey(name) && limitKeyOf(property) === null) {
        continue;
      }
      if (isDisablingValue(property.value)) {
        disabled = true;
        continue;
      }
      // A callback (`onRetry`, `retryOnMount: () => false`) hooks into retrying without setting a policy.
      if (isFunction(unwrapExpression(property.value))) {
        continue;
      }
      retryContext = true;
      const limitName = limitKeyOf(property);
      if (limitName === null) {
        continue;
      }
      const value = unwrapExpression(property.value);
      const literal = integerLiteral(value);
      if (literal !== null) {
        limits.push({ name: limitName, key: limitName, value: literal, property, variable: null, block: blockOf(model, property) });
      } else if (value.type === AST_NODE_TYPES.Identifier) {
        const constant = constantValue(value);
        if (constant !== null) {
          limits.push({ name: value.name, key: limitName, value: constant.value, property: null, variable: constant.variable, block: blockOf(model, property) });
        }
      }
    }

    let answers = 0;
    let manualRetries = 0;
    for (const { node, method } of calls) {
      const place = placeOf(blockOf(model, node), test);
      if (place === null) {
        continue;
      }
      if (RETRY_CONFIG_METHODS.has(method)) {
        const callee = unwrapExpression(node.callee);
        const root = getChainRoot(callee);
        const isFramework = root === null || root.type === AST_NODE_TYPES.ThisExpression || model.resolveName(root) !== null;
        const argument = node.arguments[0];
        if (isFramework || (argument !== undefined && isDisablingValue(argument))) {
          continue;
        }
        const value = integerLiteral(argument);
        const constant = value === null && argument?.type === AST_NODE_TYPES.Identifier ? constantValue(argument) : null;
        if (value !== null) {
          retryContext = true;
          limits.push({ name: method, key: method, value, property: null, variable: null, block: blockOf(model, node) });
        } else if (constant !== null && argument?.type === AST_NODE_TYPES.Identifier) {
          retryContext = true;
          limits.push({ name: argument.name, key: method, value: constant.value, property: null, variable: constant.variable, block: blockOf(model, node) });
        } else if (place !== 'context') {
          // `await job.retry('failed')`: the test retries by hand; each call is one more attempt.
          manualRetries += 1;
        }
        continue;
      }
      if (method === 'reconnect') {
        if (place !== 'context') {
          manualRetries += 1;
        }
        continue;
      }
      if (place === 'context') {
        continue;
      }
      if (method === 'times') {
        const value = integerLiteral(node.arguments[0]);
        if (value !== null) {
          pin(value);
        }
      } else if (ONE_ANSWER_METHODS.has(method)) {
        answers += 1;
      }
    }
    for (const property of properties) {
      if (propertyKeyName(property) === 'once' && placeOf(blockOf(model, property), test) !== null && placeOf(blockOf(model, property), test) !== 'context') {
        answers += 1;
      }
    }
    if (answers >= 2) {
      pin(answers);
    }
    // The test runs the retrying code k times itself (`await gitRetry(a); await gitRetry(b)`): k calls without failures.
    const invocations = retryingCalls.filter((node) => placeOf(blockOf(model, node), test) === 'test' && !RETRY_CONFIG_METHODS.has(calleeNameOf(node) ?? '')).length;
    if (invocations >= 2) {
      pinned.add(invocations);
    }
    if (manualRetries > 0) {
      pinned.add(manualRetries);
      pinned.add(manualRetries + 1);
    }
    for (const { node, value } of [...comparisons, ...sizes]) {
      const place = placeOf(blockOf(model, node), test);
      if (place === 'test' || place === 'hook') {
        pin(value);
        // `if (call === 0) … else if (call === 1) … else …` scripts answers 0..k and one more.
        if (node.type === AST_NODE_TYPES.BinaryExpression && (node.operator === '===' || node.operator === '==')) {
          pinned.add(value + 2);
        }
      }
    }
    for (const node of flaggedFailures) {
      const place = placeOf(blockOf(model, node), test);
      if (place === 'test' || place === 'hook') {
        pin(1);
      }
    }
    // The same action written k times (`await client.connect()` twice) makes k calls.
    const body = test.callback?.body;
    if (body?.type === AST_NODE_TYPES.BlockStatement) {
      const repeats = new Map<string, number>();
      for (const statement of body.body) {
        if (statement.type !== AST_NODE_TYPES.ExpressionStatement) {
          continue;
        }
        const text = sourceCode.getText(statement).replace(/\s+/gu, '');
        // Repeated plain assertions check, they do not act; `await expect(call()).rejects…` does act.
        const assertsOnly = /^(?:await)?expect[.(]/u.test(text) && !/\.(?:rejects|resolves)\./u.test(text);
        if (!assertsOnly && !FLUSH_TEXT.test(text)) {
          repeats.set(text, (repeats.get(text) ?? 0) + 1);
        }
      }
      for (const times of repeats.values()) {
        if (times >= 2) {
          pinned.add(times);
        }
      }
    }

    // Doubles: once-sequences and `onCall(n)` pin counts; a last behaviour that always fails is evidence.
    const groups = new Map<MockRecord | string, { once: number; narrowed: number; fails: boolean | null; keys: Set<string> }>();
    const groupOf = (owner: MockRecord | string): { once: number; narrowed: number; fails: boolean | null; keys: Set<string> } => {
      let group = groups.get(owner);
      if (group === undefined) {
        group = { once: 0, narrowed: 0, fails: null, keys: new Set() };
        groups.set(owner, group);
      }
      return group;
    };
    for (const mock of model.mocks) {
      const place = mock.hoisted ? 'context' : placeOf(mock.block, test);
      if (place === null) {
        continue;
      }
      const group = groupOf(mock);
      for (const key of keysOf(mock, model)) {
        group.keys.add(key);
      }
      if (mock.api.endsWith('.rejects') || mock.api.endsWith('.throws')) {
        group.fails = true;
      } else if (mock.kind !== 'module') {
        const implementation = mock.node.arguments.find((argument) => isFunction(argument));
        if (implementation !== undefined) {
          group.fails = isFailingImplementation(implementation);
        }
      }
    }
    for (const config of model.mockConfigs) {
      const place = placeOf(config.block, test);
      if (place === null) {
        continue;
      }
      const owner = config.mock ?? (config.key === null ? null : normaliseKey(config.key));
      if (owner === null) {
        continue;
      }
      const group = groupOf(owner);
      if (config.key !== null) {
        group.keys.add(normaliseKey(config.key));
      }
      const narrowed = narrowedCallIndex(config.node);
      if (narrowed !== null) {
        group.narrowed = Math.max(group.narrowed, narrowed === 0 ? 1 : narrowed);
        if (place !== 'context' && narrowed > 0) {
          pin(narrowed);
        }
        continue;
      }
      if (ONCE_METHODS.has(config.method)) {
        group.once += 1;
        continue;
      }
      const fails = configFailsAlways(config.method, config.args);
      if (fails !== null) {
        group.fails = fails;
      }
    }
    const failingKeys = new Set<string>();
    let anyFailing = false;
    for (const group of groups.values()) {
      if (group.once > 0) {
        pin(group.once);
      }
      if (group.fails === true && group.once === 0 && group.narrowed === 0) {
        anyFailing = true;
        for (const key of group.keys) {
          failingKeys.add(key);
        }
      }
    }
    return { retryContext, negated: negated || (disabled && limits.length === 0), limits, pinned, failingKeys, anyFailing };
  };

  let mentionsRetry: boolean | null = null;
  const fileMentionsRetry = (model: TestModel): boolean => {
    mentionsRetry ??=
      model.blocks.some((block) => block.title !== null && isRetryTitle(block.title)) ||
      properties.some((property) => {
        const name = propertyKeyName(property);
        return name !== null && name !== 'once' && isRetryOptionKey(name) && !isDisablingValue(property.value);
      }) ||
      retryingCalls.length > 0;
    return mentionsRetry;
  };

  const expressionFor = (name: string, limit: number, count: number): string => (count === limit ? name : `${name} + 1`);

  /**
   * What a limit predicts for a count: `retries: 3` means 4 calls but 3 retries (an `onRetry`
   * counter); `attempts: 3` means 3 calls.
   */
  const expectedCount = (limit: Limit, countsRetries: boolean): number => {
    const words = splitWords(limit.key);
    const ofAttempts = words.some((word) => word === 'attempts' || word === 'attempt' || word === 'tries');
    return ofAttempts || countsRetries ? limit.value : limit.value + 1;
  };

  /** Does the count name retries rather than calls (`retryCalled`, `onRetry`, `retryCount`)? */
  const countsRetriesOnly = (found: CountAssertion): boolean => {
    const key = referenceKey(found.counted);
    const name = key?.split('.').at(-1) ?? '';
    return splitWords(name).some((word) => word === 'retry' || word === 'retries' || word === 'retried');
  };

  const suggestFor = (found: CountAssertion, limit: Limit, test: TestBlock): TSESLint.ReportSuggestionArray<MessageIds> => {
    const literal = found.literal;
    if (literal === null) {
      return [];
    }
    if (limit.variable !== null) {
      const visible = findVariable(sourceCode.getScope(literal), limit.variable.name);
      if (visible !== limit.variable) {
        return [];
      }
      const expression = expressionFor(limit.variable.name, limit.value, found.count);
      return [{ messageId: 'deriveCount', data: { expression }, fix: (fixer) => fixer.replaceText(literal, inPlace(literal, expression)) }];
    }
    const property = limit.property;
    const callback = test.callback;
    if (property === null || callback === null || callback.body.type !== AST_NODE_TYPES.BlockStatement || limit.block !== test) {
      return [];
    }
    const name = limit.name;
    if (property.computed || property.key.type !== AST_NODE_TYPES.Identifier || RESERVED.has(name) || !isNameFree(callback, name)) {
      return [];
    }
    const first = callback.body.body[0];
    if (first === undefined) {
      return [];
    }
    const lineText = sourceCode.lines[first.loc.start.line - 1] ?? '';
    const indent = lineText.slice(0, first.loc.start.column);
    const expression = expressionFor(name, limit.value, found.count);
    return [
      {
        messageId: 'deriveCount',
        data: { expression },
        fix: (fixer) => [
          fixer.insertTextBefore(first, `const ${name} = ${limit.value};\n${/^\s*$/u.test(indent) ? indent : ''}`),
          fixer.replaceText(property, name),
          fixer.replaceText(literal, inPlace(literal, expression)),
        ],
      },
    ];
  };

  /**
   * What kind of counter is asserted: `hand` for a variable the test increments (`attempts++`),
   * `list` for the length of a recorded list, `member` for a retry-named property (`job.attemptsMade`);
   * null for values that only look like counters (`const count = await queue.count()`).
   */
  const counterShape = (node: TSESTree.Node): 'hand' | 'list' | 'member' | null => {
    const value = unwrapExpression(node);
    if (value.type === AST_NODE_TYPES.Identifier) {
      const variable = findVariable(sourceCode.getScope(value), value.name);
      if (variable === null) {
        return null;
      }
      const incremented = variable.references.some((reference) => {
        const parent = reference.identifier.parent;
        return (
          parent.type === AST_NODE_TYPES.UpdateExpression ||
          (parent.type === AST_NODE_TYPES.AssignmentExpression && parent.left === reference.identifier && parent.operator !== '=')
        );
      });
      if (incremented) {
        return 'hand';
      }
      return variable.references.some((reference) => reference.identifier.parent.type === AST_NODE_TYPES.MemberExpression && /^(?:push|unshift|add|set)$/u.test(getPropertyName(reference.identifier.parent as TSESTree.MemberExpression) ?? ''))
        ? 'list'
        : null;
    }
    if (value.type === AST_NODE_TYPES.MemberExpression) {
      const name = getPropertyName(value);
      if (name === 'length') {
        return counterNameOf(value.object) === null ? null : 'list';
      }
      return name !== null && isRetryCounterName(name) ? 'member' : null;
    }
    return null;
  };

  const isNameFree = (callback: TSESTree.Node, name: string): boolean => {
    const scope = sourceCode.scopeManager?.acquire(callback);
    if (scope == null) {
      return false;
    }
    if (findVariable(scope, name) !== null) {
      return false;
    }
    const pending = [scope];
    while (pending.length > 0) {
      const current = pending.pop();
      if (current === undefined) {
        break;
      }
      if (current.set.has(name) || current.references.some((reference) => reference.identifier.name === name)) {
        return false;
      }
      pending.push(...current.childScopes);
    }
    return true;
  };

  /** The nodes the checks read, from the model's index; read only in files with a count assertion. */
  const collect = (model: TestModel): void => {
    for (const node of model.nodesOfType(AST_NODE_TYPES.Property)) {
      collectProperty(node);
    }
    for (const node of model.nodesOfType(AST_NODE_TYPES.IfStatement)) {
      const consequent = node.consequent.type === AST_NODE_TYPES.BlockStatement ? node.consequent.body : [node.consequent];
      if (consequent.some((statement) => statement.type === AST_NODE_TYPES.ThrowStatement || (statement.type === AST_NODE_TYPES.ReturnStatement && statement.argument !== null && isFailingValue(statement.argument)))) {
        flaggedFailures.push(node);
      }
    }
    for (const node of model.nodesOfType(AST_NODE_TYPES.NewExpression)) {
      const value = node.callee.type === AST_NODE_TYPES.Identifier && node.callee.name === 'Array' && node.arguments.length === 1 ? integerLiteral(node.arguments[0]) : null;
      if (value !== null && value <= 50) {
        sizes.push({ node, value });
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
        comparisons.push({ node, value });
      }
    }
    for (const node of model.nodesOfType(AST_NODE_TYPES.CallExpression)) {
      collectCall(node);
    }
  };

  const collectProperty = (node: TSESTree.Property): void => {
    const name = propertyKeyName(node);
    if (name === null || node.parent.type !== AST_NODE_TYPES.ObjectExpression) {
      return;
    }
    if (name === 'length') {
      const value = integerLiteral(node.value);
      if (value !== null && value <= 50) {
        sizes.push({ node, value });
      }
    } else if (name === 'once' || /retr|backoff|reconnect|attempt|tries|limit|count|max|times/iu.test(name)) {
      properties.push(node);
    }
  };

  const collectCall = (node: TSESTree.CallExpression): void => {
    const callee = node.callee;
    if (callee.type === AST_NODE_TYPES.Identifier && callee.name === 'Array' && node.arguments.length === 1) {
      const value = integerLiteral(node.arguments[0]);
      if (value !== null && value <= 50) {
        sizes.push({ node, value });
      }
      return;
    }
    const calleeName = callee.type === AST_NODE_TYPES.Identifier ? callee.name : callee.type === AST_NODE_TYPES.MemberExpression ? getPropertyName(callee) : null;
    if (calleeName !== null && /retr|reconnect/iu.test(calleeName) && isRetryTitle(calleeName)) {
      retryingCalls.push(node);
    }
    if (callee.type !== AST_NODE_TYPES.MemberExpression) {
      return;
    }
    const method = getPropertyName(callee);
    if (method !== null && (method === 'times' || method === 'reconnect' || ONE_ANSWER_METHODS.has(method) || RETRY_CONFIG_METHODS.has(method))) {
      calls.push({ node, method });
    }
  };

  return function check(fileContext: RuleContext): void {
    context = fileContext;
    sourceCode = fileContext.sourceCode;
    empty();
    try {
      // Every kind of evidence (titles, option keys, counter names, retry calls) needs a retry word:
      // a file without one is settled before its assertions are read.
      if (!mayHoldRetryEvidence(sourceCode.text)) {
        return;
      }
      const model = getTestModel(context);
      if (!model.hasTests) {
        return;
      }
      const found: Array<{ count: CountAssertion; test: TestBlock }> = [];
      for (const assertion of model.assertions) {
        const block = assertion.block;
        if (block === null || block.kind !== 'test') {
          continue;
        }
        const count = readCountAssertion(assertion);
        if (count !== null && count.count >= 2) {
          found.push({ count, test: block });
        }
      }
      if (found.length === 0) {
        return;
      }
      collect(model);
      const blockNodes = blockSet(model);
      const factsByTest = new Map<TestBlock, TestFacts>();
      const seen = new Map<TestBlock, Array<{ text: string; count: number }>>();
      for (const { count, test } of found) {
        const text = sourceCode.getText(count.counted);
        const earlier = seen.get(test) ?? [];
        seen.set(test, [...earlier, { text, count: count.count }]);
        // An unchanged count after an earlier assertion proves that nothing more happened (a cancelled retry).
        if (earlier.some((item) => item.text === text && item.count === count.count)) {
          continue;
        }
        const counter = count.kind === 'counter' ? counterShape(count.counted) : null;
        if (count.kind === 'counter' && (counter === null || isConfigEcho(count.counted))) {
          continue;
        }
        let facts = factsByTest.get(test);
        if (facts === undefined) {
          facts = gatherFacts(model, test, blockNodes);
          factsByTest.set(test, facts);
        }
        if (facts.negated || facts.pinned.has(count.count)) {
          continue;
        }
        const countedKey = count.kind === 'calls' ? doubleKey(count.counted) : null;
        // Log lines are counted by what the code logs, not by how often it tried (medusa's event bus).
        if (countedKey !== null && isLoggerKey(countedKey)) {
          continue;
        }
        const evidence =
          facts.retryContext ||
          (counter === 'hand' && isRetryCounterName(counterNameOf(count.counted) ?? '')) ||
          // A stub that always fails is a retry sign only in a file that speaks of retrying at all;
          // elsewhere it drives fallbacks and error paths (`getPreset` rejecting, a loader falling back).
          (fileMentionsRetry(model) && ((countedKey !== null && facts.failingKeys.has(countedKey)) || (count.kind === 'counter' && facts.anyFailing)));
        if (!evidence) {
          continue;
        }
        const countsRetries = countsRetriesOnly(count);
        const limit = facts.limits.find((item) => count.count === expectedCount(item, countsRetries));
        if (limit !== undefined) {
          if (allowConfiguredLimit) {
            continue;
          }
          const name = limit.variable?.name ?? limit.name;
          const expression = expressionFor(name, limit.value, count.count);
          context.report({
            node: count.node,
            messageId: 'configuredLimit',
            data: { count: count.count, name, limit: limit.value, expression },
            suggest: suggestFor(count, limit, test),
          });
          continue;
        }
        // A test that sets a retry limit owns the policy; a count further away is its scenario's arithmetic.
        if (facts.limits.length === 0) {
          context.report({ node: count.node, messageId: 'magicRetryCount', data: { count: count.count } });
        }
      }
    } finally {
      context = undefined as never;
      sourceCode = undefined as never;
      empty();
    }
  };
}
