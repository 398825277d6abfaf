import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/types';

import { getPropertyName, referenceKey } from '../ast/nodes.js';
import { collectChain, readChaiParts } from './assertions.js';
import type { FileModelBuilder, PendingConfig } from './builder.js';
import type { ImportRecord } from './imports.js';
import {
  JASMINE_CONFIG_METHODS,
  JEST_CONFIG_METHODS,
  SINON_CONFIG_METHODS,
  TD_CONFIG_METHODS,
  configGivesBehaviour,
  configuredReference,
  type MockConfig,
  type MockRecord,
} from './mocks.js';
import type { TestBlock } from './test-blocks.js';

/**
 * The steps that turn what a builder collected into the model, once every node was visited: each
 * links one kind of record to the blocks, imports or mocks it belongs to.
 */

const SHOULD_MODULES: ReadonlySet<string> = new Set(['chai', 'should', 'chai/register-should', 'should/as-function']);

/** chai's should style (`x.should.equal(1)`), only in files that load chai or should. */
export function readShouldAssertions(builder: FileModelBuilder): void {
  if (builder.shouldMembers.length === 0 || !builder.imports.some((record) => SHOULD_MODULES.has(record.specifier))) {
    return;
  }
  for (const member of builder.shouldMembers) {
    if (member.object.type === AST_NODE_TYPES.Super) {
      continue;
    }
    const { parts, top } = collectChain(member);
    const assertion = readChaiParts(member, member.object, parts, top, 'chai');
    if (assertion !== null) {
      builder.assertions.push(assertion);
    }
  }
}

/** Each assertion's block, and the blocks that complete through a node:test plan (`t.plan(n)`). */
export function placeAssertionsAndPlans(builder: FileModelBuilder): void {
  for (const assertion of builder.assertions) {
    assertion.block = builder.locate(assertion.head).block;
  }
  for (const call of builder.planCalls) {
    const block = builder.locate(call).block;
    if (block !== null) {
      block.usesPlan = true;
    }
  }
}

/**
 * Each mock's block and enclosing function; module mocks are reached through the names imported
 * from the mocked specifier, and a double made inside a module factory lives where the module
 * mock applies.
 */
export function placeMocks(builder: FileModelBuilder): void {
  const factories = new Map<TSESTree.Node, MockRecord>();
  const importsBySpecifier = new Map<string, ImportRecord[]>();
  for (const record of builder.imports) {
    const list = importsBySpecifier.get(record.specifier);
    if (list === undefined) {
      importsBySpecifier.set(record.specifier, [record]);
    } else {
      list.push(record);
    }
  }
  for (const mock of builder.mocks) {
    const place = builder.locate(mock.node);
    mock.block = mock.hoisted ? null : place.block;
    mock.enclosingFunction = mock.hoisted ? null : place.fn;
    if (mock.kind === 'module' && mock.specifier !== null) {
      for (const record of importsBySpecifier.get(mock.specifier) ?? []) {
        // One push per name: a spread of `const { a0, …, a129999 } = require('./x')` overflows the stack.
        for (const local of record.locals) {
          mock.keys.push(local);
        }
        if (record.namespace !== null) {
          mock.keys.push(record.namespace);
        }
      }
    }
    if (mock.factory !== null) {
      factories.set(mock.factory, mock);
    }
  }
  if (factories.size === 0) {
    return;
  }
  for (const mock of builder.mocks) {
    for (let current: TSESTree.Node | undefined = mock.node.parent; current != null; current = current.parent) {
      const owner = factories.get(current);
      if (owner !== undefined) {
        (mock as { withinModuleMock: MockRecord | null }).withinModuleMock = owner;
        mock.block = owner.block;
        mock.enclosingFunction = owner.enclosingFunction;
        break;
      }
    }
  }
}

/** The mocks reachable under each reference key, in creation order, each once. */
export function indexMocksByKey(mocks: readonly MockRecord[]): Map<string, MockRecord[]> {
  const byKey = new Map<string, MockRecord[]>();
  for (const mock of mocks) {
    for (const key of mock.keys) {
      const list = byKey.get(key);
      if (list === undefined) {
        byKey.set(key, [mock]);
      } else if (list.at(-1) !== mock) {
        // Mocks come in order, so a mock already in the list is its last one: no scan of the list.
        list.push(mock);
      }
    }
  }
  return byKey;
}

/** Every configuration call linked to the mock it configures, where one is known; behaviour marks the mock. */
export function linkConfigs(builder: FileModelBuilder, byKey: ReadonlyMap<string, readonly MockRecord[]>): MockConfig[] {
  const mockConfigs: MockConfig[] = [];
  for (const pending of builder.pendingConfigs) {
    const config = linkConfig(builder, pending, byKey);
    if (config === null) {
      continue;
    }
    mockConfigs.push(config);
    if (config.mock !== null) {
      config.mock.configs.push(config);
      if (configGivesBehaviour(pending.method)) {
        config.mock.hasBehaviour = true;
      }
    }
  }
  return mockConfigs;
}

/**
 * The mock a configuration in `block` reaches under one name: the latest made in that same test or
 * hook (two tests may each declare `const fetchFn = vi.fn<…>()`), else the latest made anywhere.
 */
function latestMockFor(candidates: readonly MockRecord[] | undefined, block: TestBlock | null): MockRecord | null {
  if (candidates === undefined) {
    return null;
  }
  if (block !== null) {
    const own = candidates.findLast((candidate) => candidate.block === block);
    if (own !== undefined) {
      return own;
    }
  }
  return candidates.at(-1) ?? null;
}

/** One configuration call (`x.mockReturnValue(1)`, `stub.resolves(x)`, `td.when(f()).thenReturn(1)`) and its mock; null when it configures nothing of ours. */
function linkConfig(builder: FileModelBuilder, pending: PendingConfig, byKey: ReadonlyMap<string, readonly MockRecord[]>): MockConfig | null {
  const base = configuredReference(pending.object);
  let mock = builder.mocksByNode.get(base) ?? null;
  let key: string | null;
  if (TD_CONFIG_METHODS.has(pending.method)) {
    // td.when(fn(args)).thenResolve(x): the stubbed function is the callee inside `when`.
    const inner = base.type === AST_NODE_TYPES.CallExpression ? base.arguments[0] : undefined;
    key = inner?.type === AST_NODE_TYPES.CallExpression ? referenceKey(inner.callee) : null;
    if (key === null) {
      return null;
    }
  } else {
    key = mock === null ? referenceKey(base) : null;
  }
  const place = builder.locate(pending.node);
  if (mock === null && key !== null) {
    mock = latestMockFor(byKey.get(key), place.block);
  }
  const jestStyle = JEST_CONFIG_METHODS.has(pending.method) || TD_CONFIG_METHODS.has(pending.method);
  const jasmineStyle = JASMINE_CONFIG_METHODS.has(pending.method) && pending.object.type === AST_NODE_TYPES.MemberExpression && getPropertyName(pending.object) === 'and';
  if (mock === null && !jestStyle && !jasmineStyle) {
    return null;
  }
  if (mock !== null && !jestStyle && !jasmineStyle && mock.library !== 'sinon' && !(SINON_CONFIG_METHODS.has(pending.method) && mock.library === 'unknown')) {
    return null;
  }
  return {
    node: pending.node,
    method: pending.method,
    args: pending.node.arguments,
    key: key ?? mock?.keys[0] ?? null,
    mock,
    block: place.block,
    enclosingFunction: place.fn,
  };
}
