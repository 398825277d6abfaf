import { AST_NODE_TYPES } from '@typescript-eslint/types';

import { getLastName, rangeContains, unwrapExpression } from '../../ast/nodes.js';
import type { MockConfig, TestModel } from '../../model/index.js';

/**
 * Default behaviours that a later one replaces before the code under test can see them, for
 * `no-mock-async-mismatch`: such a configuration is dead, and a reviewer would delete it rather
 * than fix its shape (round 11, from V9's typed labels).
 */

/** Configurations that set what every later call does (not `…Once`, not narrowed by `withArgs`/`onCall`). */
const DEFAULT_BEHAVIOURS: ReadonlySet<string> = new Set([
  'mockReturnValue', 'mockResolvedValue', 'mockRejectedValue', 'mockImplementation', 'returns', 'resolves', 'rejects', 'throws', 'callsFake',
]);
const NARROWING: ReadonlySet<string> = new Set(['withArgs', 'onCall', 'onFirstCall', 'onSecondCall', 'onThirdCall']);

/** `stub.returns(1)`, not `stub.withArgs(1).returns(1)` nor `mock.mockReturnValueOnce(1)`. */
function setsDefault(config: MockConfig): boolean {
  if (!DEFAULT_BEHAVIOURS.has(config.method)) {
    return false;
  }
  const callee = unwrapExpression(config.node.callee);
  const object = callee.type === AST_NODE_TYPES.MemberExpression ? unwrapExpression(callee.object) : null;
  const narrowedBy = object?.type === AST_NODE_TYPES.CallExpression ? getLastName(unwrapExpression(object.callee)) : null;
  return narrowedBy === null || !NARROWING.has(narrowedBy);
}

/** One double: the same mock record when both are linked to one, else the same reference (`vi.mocked(load)`, `load`). */
const sameDouble = (a: MockConfig, b: MockConfig): boolean => (a.mock !== null && b.mock !== null ? a.mock === b.mock : a.key !== null && a.key === b.key);

/** Is `config` written inside a module mock's factory (`vi.mock('./api', () => ({ load: vi.fn().mockReturnValue(1) }))`)? */
function inModuleFactory(model: TestModel, config: MockConfig): boolean {
  return model.mocks.some((mock) => mock.kind === 'module' && mock.factory !== null && rangeContains(mock.factory.range, config.node.range));
}

/**
 * Does a later default behaviour of the same double replace `config` before the code under test runs? Two cases:
 * the same test or hook sets the double again further down (`stub.callsFake(…)` … `stub.rejects(e)`), or a
 * module factory's default is set again by a `beforeEach` (the factory's value is a placeholder).
 */
export function isReplacedLater(model: TestModel, config: MockConfig): boolean {
  if (!setsDefault(config)) {
    return false;
  }
  const factoryDefault = config.block === null && inModuleFactory(model, config);
  return model.mockConfigs.some((later) => {
    if (later === config || !setsDefault(later) || !sameDouble(config, later)) {
      return false;
    }
    if (factoryDefault) {
      return later.block?.hook === 'beforeEach';
    }
    return config.block !== null && later.block === config.block && later.enclosingFunction === config.enclosingFunction && later.node.range[0] > config.node.range[1];
  });
}
