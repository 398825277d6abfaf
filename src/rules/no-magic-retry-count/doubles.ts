import { isFunction } from '../../ast/nodes.js';
import type { MockRecord } from '../../model/index.js';
import { normaliseKey } from './count-assertions.js';
import type { FactsDraft } from './facts.js';
import { configFailsAlways, isFailingImplementation, narrowedCallIndex } from './failing-doubles.js';
import type { RetryFile } from './retry-file.js';

const ONCE_METHODS: ReadonlySet<string> = new Set([
  'mockRejectedValueOnce', 'mockResolvedValueOnce', 'mockReturnValueOnce', 'mockImplementationOnce',
]);

/** What a test's configurations make of one double (a mock, or a key configured without one). */
interface DoubleGroup {
  once: number;
  narrowed: number;
  fails: boolean | null;
  readonly keys: Set<string>;
}

type Groups = Map<MockRecord | string, DoubleGroup>;

function groupOf(groups: Groups, owner: MockRecord | string): DoubleGroup {
  let group = groups.get(owner);
  if (group === undefined) {
    group = { once: 0, narrowed: 0, fails: null, keys: new Set() };
    groups.set(owner, group);
  }
  return group;
}

/** Doubles: once-sequences and `onCall(n)` pin counts; a last behaviour that always fails is evidence. */
export function readDoubles(file: RetryFile, draft: FactsDraft): { failingKeys: ReadonlySet<string>; anyFailing: boolean } {
  const groups: Groups = new Map();
  groupMocks(file, draft, groups);
  groupConfigs(file, draft, groups);
  const failingKeys = new Set<string>();
  let anyFailing = false;
  for (const group of groups.values()) {
    if (group.once > 0) {
      draft.pin(group.once);
    }
    if (group.fails === true && group.once === 0 && group.narrowed === 0) {
      anyFailing = true;
      for (const key of group.keys) {
        failingKeys.add(key);
      }
    }
  }
  return { failingKeys, anyFailing };
}

/** The mocks in reach of `test`, with their keys, and whether they are made failing (`sinon.stub().rejects()`, `vi.fn(() => { throw e })`). */
function groupMocks(file: RetryFile, draft: FactsDraft, groups: Groups): void {
  for (const { item: mock } of file.buckets.mocks.inReach(draft.reach)) {
    const group = groupOf(groups, mock);
    for (const key of file.keysOf(mock)) {
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
}

/** The configurations in reach of `test`: once-sequences, `onCall(n)` narrowing (pinned inside the test), behaviours that always fail. */
function groupConfigs(file: RetryFile, draft: FactsDraft, groups: Groups): void {
  for (const { item: config, place } of file.buckets.mockConfigs.inReach(draft.reach)) {
    const owner = config.mock ?? (config.key === null ? null : normaliseKey(config.key));
    if (owner === null) {
      continue;
    }
    const group = groupOf(groups, owner);
    if (config.key !== null) {
      group.keys.add(normaliseKey(config.key));
    }
    const narrowed = narrowedCallIndex(config.node);
    if (narrowed !== null) {
      group.narrowed = Math.max(group.narrowed, narrowed === 0 ? 1 : narrowed);
      if (place !== 'context' && narrowed > 0) {
        draft.pin(narrowed);
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
}
