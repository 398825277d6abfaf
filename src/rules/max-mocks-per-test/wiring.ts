import { AST_NODE_TYPES, AST_TOKEN_TYPES, type TSESTree } from '@typescript-eslint/types';
import type { TSESLint } from '@typescript-eslint/utils';

import { getPropertyName, referenceKey, unwrapExpression, type FunctionNode } from '../../ast/nodes.js';
import type { Assertion, TestBlock, TestModel } from '../../model/index.js';
import { expectedKind, literalKey, nameKey, programmedLookup, type Known } from './echoes.js';
import { directCalls, helperRoot } from './owners.js';

/**
 * Which tests check wiring: most of their assertions are about calls on doubles, or compare the
 * subject's result with the very value a double was programmed to return. Worked out once per
 * file (the test's own assertions and those of the same-file helpers it calls directly).
 */

/** jest/vitest/jasmine call matchers: `toHaveBeenCalledWith`, `toBeCalled`, `lastCalledWith`, `toHaveReturnedWith`. */
const EXPECT_CALL_MATCHER = /^(?:to(?:HaveBeen|Be)(?:Nth|Last)?Called|(?:last|nth)CalledWith$|toHave(?:Nth|Last)?Returned)/;
/** sinon and chai-sinon call checks: `calledWith`, `calledOnce`, `notCalled`, `callCount`, `alwaysCalledWith`, `callOrder`. */
const SINON_CALL_MATCHER = /^(?:called|notCalled|callCount|callOrder|alwaysCalled|neverCalled)/;
/** Properties of a double that read its call record: `stub.calledOnce`, `spy.firstCall`, `stub.getCall(0)`. */
const CALL_RECORD: ReadonlySet<string> = new Set([
  'callCount', 'called', 'calledOnce', 'calledTwice', 'calledThrice', 'calledWith', 'calledWithExactly', 'calledOnceWith',
  'calledOnceWithExactly', 'notCalled', 'calledWithMatch', 'alwaysCalledWith', 'neverCalledWith', 'firstCall', 'secondCall',
  'thirdCall', 'lastCall', 'getCall', 'getCalls', 'callArgs',
]);
/** What follows `mock` in a jest/vitest/node:test call record: `fn.mock.calls`, `fn.mock.callCount()`. */
const MOCK_RECORD: ReadonlySet<string> = new Set(['calls', 'callCount', 'results', 'lastCall', 'invocationCallOrder', 'contexts', 'instances']);
/** What follows `calls` in a jasmine call record: `spy.calls.count()`, `spy.calls.argsFor(0)`. */
const JASMINE_RECORD: ReadonlySet<string> = new Set(['count', 'argsFor', 'allArgs', 'mostRecent', 'first', 'all', 'any', 'thisFor']);
/** Configurations that program what a double returns. */
const RETURN_CONFIGS: ReadonlySet<string> = new Set([
  'mockReturnValue', 'mockReturnValueOnce', 'mockResolvedValue', 'mockResolvedValueOnce', 'returns', 'resolves', 'returnValue',
  'returnValues', 'resolveTo', 'thenReturn', 'thenResolve',
]);
const EQUAL_MATCHERS: ReadonlySet<string> = new Set([
  'toBe', 'toEqual', 'toStrictEqual', 'equal', 'equals', 'eq', 'eql', 'strictEqual', 'deepEqual', 'deepStrictEqual', 'same', 'is', 'become',
]);

/** The property names read along `node`'s member and call links, outermost first: `fn.mock.calls[0]` → `0?`, `calls`, `mock`. */
function linkNames(node: TSESTree.Node): string[] {
  const names: string[] = [];
  let current = unwrapExpression(node);
  for (let depth = 0; depth < 20; depth += 1) {
    if (current.type === AST_NODE_TYPES.MemberExpression) {
      const name = getPropertyName(current);
      if (name !== null) {
        names.push(name);
      }
      current = unwrapExpression(current.object);
    } else if (current.type === AST_NODE_TYPES.CallExpression) {
      current = unwrapExpression(current.callee);
    } else {
      break;
    }
  }
  return names;
}

/** Does `node` read the call record of a double (`fn.mock.calls[0]`, `stub.calledOnce`, `spy.calls.count()`)? */
function readsCallRecord(node: TSESTree.Node): boolean {
  const names = linkNames(node);
  for (let index = 0; index < names.length; index += 1) {
    const name = names[index] ?? '';
    const inner = names[index + 1];
    if (CALL_RECORD.has(name) || (inner === 'mock' && MOCK_RECORD.has(name)) || (inner === 'calls' && JASMINE_RECORD.has(name))) {
      return true;
    }
  }
  return false;
}

/** The values doubles of the file were programmed to return, by reference: `user` in `find.mockResolvedValue(user)`. */
function programmedValues(model: TestModel): Set<string> {
  const values = new Set<string>();
  for (const config of model.mockConfigs) {
    const value = config.args[0];
    if (RETURN_CONFIGS.has(config.method) && value !== undefined && value.type !== AST_NODE_TYPES.SpreadElement) {
      const key = referenceKey(value);
      if (key !== null && key !== 'undefined') {
        values.add(key);
      }
    }
  }
  return values;
}

/** A call matcher: `toHaveBeenCalledWith(…)`, `sinon.assert.calledOnce(stub)`, chai-sinon `.to.have.been.called`. */
function isCallCheck(assertion: Assertion): boolean {
  const { matcher } = assertion;
  if (assertion.style === 'spyAssert') {
    return SINON_CALL_MATCHER.test(matcher);
  }
  return EXPECT_CALL_MATCHER.test(matcher) || (assertion.style === 'chai' && SINON_CALL_MATCHER.test(matcher));
}

/** Is `assertion` about how doubles were called, or an echo of what a double returns? */
function checksWiring(assertion: Assertion, programmed: ReadonlySet<string>): boolean {
  const { matcher } = assertion;
  if (isCallCheck(assertion)) {
    return true;
  }
  if (assertion.subject !== null && readsCallRecord(assertion.subject)) {
    return true;
  }
  if (EQUAL_MATCHERS.has(matcher) && programmed.size > 0) {
    const expected = assertion.expected[0];
    const key = expected === undefined || expected.type === AST_NODE_TYPES.SpreadElement ? null : referenceKey(expected);
    return key !== null && programmed.has(key);
  }
  return false;
}

/** Call checks that compare arguments: `toHaveBeenCalledWith`, `toHaveBeenNthCalledWith`, `calledWithExactly`, `toHaveReturnedWith`. */
const ARGUMENT_CHECK = /With/;
/** Call checks whose first argument is a call index: `toHaveBeenNthCalledWith(2, x)`, `nthCalledWith(1, x)`. */
const NTH_CHECK = /^(?:toHaveBeenNth|toBeNth|nth)/;
/** Call-record reads that count calls: `fn.mock.calls.length`, `stub.callCount`, `stub.calledOnce`. */
const COUNT_READS: ReadonlySet<string> = new Set(['length', 'callCount', 'count', 'called', 'calledOnce', 'calledTwice', 'calledThrice', 'notCalled']);
const COUNT_MATCHERS: ReadonlySet<string> = new Set(['toHaveLength', 'lengthOf', 'length', 'true', 'false', 'ok']);

/** How an assertion stands to the test's doubles (see `classify`). */
interface Restating {
  /** It only restates how the doubles were set up: a count of calls, or a comparison with nothing but programmed values and inputs. */
  readonly restating: boolean;
  /** It finds again a value a double was programmed to return. */
  readonly echo: boolean;
}

const BEHAVIOUR: Restating = { restating: false, echo: false };
/** A count of calls (`toHaveBeenCalledTimes(2)`, `stub.calledOnce`): restates the wiring, finds no value. */
const CALL_COUNT: Restating = { restating: true, echo: false };

function byExpected(expected: readonly TSESTree.CallExpressionArgument[], known: Known): Restating {
  const kind = expectedKind(expected, known);
  return { restating: kind !== 'content', echo: kind === 'echo' };
}

/** The subject's own result: `result`, `await run()`, `svc.load(id)`; not a state read such as `controller.state.items[0]`. */
function isResult(subject: TSESTree.Node | null): boolean {
  const value = subject === null ? null : unwrapExpression(subject);
  return value?.type === AST_NODE_TYPES.Identifier || value?.type === AST_NODE_TYPES.AwaitExpression || value?.type === AST_NODE_TYPES.CallExpression;
}

/**
 * Does `assertion` only restate how the doubles were set up — a count of calls, or a comparison whose
 * expected values are nothing but programmed values and test inputs handed on — and does it find a
 * programmed value again? A call check whose arguments hold a literal or a name the test writes
 * nowhere else (`toHaveBeenCalledWith({ name: 'CONVEX_URL', … })`, `Platform.IOS`) checks what the
 * subject built; a programmed value found in the subject's state (`controller.state.history[id].actionId`)
 * shows it stored it. Both are behaviour.
 */
function classify(assertion: Assertion, known: Known): Restating {
  const { matcher } = assertion;
  if (isCallCheck(assertion)) {
    if (!ARGUMENT_CHECK.test(matcher)) {
      return CALL_COUNT;
    }
    return byExpected(NTH_CHECK.test(matcher) ? assertion.expected.slice(1) : assertion.expected, known);
  }
  if (assertion.subject !== null && readsCallRecord(assertion.subject)) {
    if (COUNT_READS.has(linkNames(assertion.subject)[0] ?? '') || COUNT_MATCHERS.has(matcher)) {
      return CALL_COUNT;
    }
    return EQUAL_MATCHERS.has(matcher) && !assertion.negated ? byExpected(assertion.expected, known) : BEHAVIOUR;
  }
  if (EQUAL_MATCHERS.has(matcher) && !assertion.negated && known.programmed.size > 0 && isResult(assertion.subject)) {
    const found = byExpected(assertion.expected, known);
    return found.echo ? found : BEHAVIOUR;
  }
  return BEHAVIOUR;
}

const NO_INPUTS: ReadonlySet<string> = new Set();

/**
 * Per test: the literals and names written in its body outside what its assertions expect
 * (`duplicate('u1', 'p1')`, `register(user)`), as `literalKey`s and `nameKey`s. Found again in a call
 * check, such a value is an input the subject handed on.
 */
function literalInputs(model: TestModel, sourceCode: Readonly<TSESLint.SourceCode>): Map<TestBlock, Set<string>> {
  const asserted = new Map<TestBlock, TSESTree.Range[]>();
  for (const assertion of model.assertions) {
    if (assertion.block?.kind === 'test') {
      const ranges = asserted.get(assertion.block) ?? [];
      // What an assertion expects is no input; what it runs (`expect(await duplicate('u1'))`) may be.
      ranges.push(...assertion.expected.map((expected) => expected.range));
      asserted.set(assertion.block, ranges);
    }
  }
  const inputs = new Map<TestBlock, Set<string>>();
  for (const [test, ranges] of asserted) {
    const values = new Set<string>();
    for (const token of test.callback === null ? [] : sourceCode.getTokens(test.callback)) {
      const key = token.type === AST_TOKEN_TYPES.Identifier ? nameKey(token.value) : literalKey(tokenValue(token));
      if (!key.startsWith('undefined:') && !ranges.some(([start, end]) => token.range[0] >= start && token.range[1] <= end)) {
        values.add(key);
      }
    }
    inputs.set(test, values);
  }
  return inputs;
}

/** The value a literal token spells: strings without their quotes, numbers, booleans. */
function tokenValue(token: TSESTree.Token): unknown {
  switch (token.type) {
    case AST_TOKEN_TYPES.String:
      return token.value.slice(1, -1);
    case AST_TOKEN_TYPES.Numeric:
      return Number(token.value);
    case AST_TOKEN_TYPES.Boolean:
      return token.value === 'true';
    default:
      return undefined;
  }
}

/** `x.should…` members in the file, found through its tokens (only in files with a test over the limit). */
function globalShouldChains(sourceCode: Readonly<TSESLint.SourceCode>): TSESTree.MemberExpression[] {
  const members: TSESTree.MemberExpression[] = [];
  for (const token of sourceCode.ast.tokens) {
    if (token.type !== AST_TOKEN_TYPES.Identifier || token.value !== 'should') {
      continue;
    }
    const node = sourceCode.getNodeByRangeIndex(token.range[0]);
    const parent = node?.parent;
    if (node?.type === AST_NODE_TYPES.Identifier && parent?.type === AST_NODE_TYPES.MemberExpression && parent.property === node && !parent.computed) {
      members.push(parent);
    }
  }
  return members;
}

/** `stub.should.have.been.calledWith(x)`, `stub.callCount.should.equal(1)`: a should chain about calls. */
function shouldChecksCalls(member: TSESTree.MemberExpression): boolean {
  if (readsCallRecord(member.object)) {
    return true;
  }
  let current: TSESTree.Node = member;
  for (let depth = 0; depth < 12; depth += 1) {
    const parent: TSESTree.Node | undefined = current.parent;
    if (parent?.type === AST_NODE_TYPES.MemberExpression && parent.object === current) {
      const name = getPropertyName(parent);
      if (name !== null && SINON_CALL_MATCHER.test(name)) {
        return true;
      }
      current = parent;
    } else if (parent?.type === AST_NODE_TYPES.CallExpression && parent.callee === current) {
      current = parent;
    } else {
      return false;
    }
  }
  return false;
}

interface Tally {
  /** Assertions about calls on doubles (or an equality with a value a double returns). */
  wiring: number;
  /** Assertions that find again a value a double was programmed to return. */
  echoes: number;
  /** Assertions that only restate how the doubles were set up: call counts, echoes, inputs handed on (see `classify`). */
  restating: number;
  total: number;
}

/** A shared setup is reported when at least this many of its tests echo (one echo can be incidental). */
const MIN_ECHOING_TESTS = 2;

/** Modules that make the model read chai's should style itself. */
const SHOULD_MODULES: ReadonlySet<string> = new Set(['chai', 'should', 'chai/register-should', 'should/as-function']);

/**
 * Per file: how many of each test's assertions check wiring. Worked out on the first question, so
 * a file with no test over the limit pays nothing.
 */
export class WiringChecks {
  private tallies: Map<TestBlock, Tally> | null = null;

  constructor(
    private readonly model: TestModel,
    private readonly sourceCode: Readonly<TSESLint.SourceCode>,
  ) {}

  private collect(): Map<TestBlock, Tally> {
    this.tallies = new Map();
    const { model, sourceCode } = this;
    const programmed = programmedValues(model);
    const programmedAt = programmedLookup(model);
    const helperTests = new Map<FunctionNode, TestBlock[]>();
    const place = (node: TSESTree.Node, block: TestBlock | null, wiring: boolean, echo = false, restating = wiring || echo): void => {
      if (block?.kind === 'test') {
        this.add(block, wiring, echo, restating);
        return;
      }
      if (block !== null && block.kind === 'hook') {
        return;
      }
      const helper = helperRoot(model, node);
      if (helper === null) {
        return;
      }
      let tests = helperTests.get(helper);
      if (tests === undefined) {
        tests = [];
        for (const call of directCalls(helper, sourceCode)) {
          const owner = model.blockOf(call);
          if (owner?.kind === 'test') {
            tests.push(owner);
          }
        }
        helperTests.set(helper, tests);
      }
      for (const test of tests) {
        this.add(test, wiring, echo, restating);
      }
    };
    const inputs = literalInputs(model, sourceCode);
    for (const assertion of model.assertions) {
      const test = assertion.block?.kind === 'test' ? assertion.block : null;
      const known: Known = { programmed: programmedAt(test), inputs: (test !== null && inputs.get(test)) || NO_INPUTS };
      const { restating, echo } = classify(assertion, known);
      place(assertion.node, assertion.block, checksWiring(assertion, programmed), echo, restating);
    }
    if (!model.imports.some((record) => SHOULD_MODULES.has(record.specifier))) {
      // chai's should style registered by a shared setup file (`chai.should()` in a mocha bootstrap):
      // the model reads it only in files that load chai, so read its call checks here.
      for (const member of globalShouldChains(sourceCode)) {
        place(member, model.blockOf(member), shouldChecksCalls(member));
      }
    }
    return this.tallies;
  }

  private add(test: TestBlock, wiring: boolean, echo: boolean, restating: boolean): void {
    let tally = this.tallies?.get(test);
    if (tally === undefined) {
      tally = { wiring: 0, echoes: 0, restating: 0, total: 0 };
      this.tallies?.set(test, tally);
    }
    tally.wiring += wiring ? 1 : 0;
    tally.echoes += echo ? 1 : 0;
    tally.restating += restating ? 1 : 0;
    tally.total += 1;
  }

  /**
   * Every assertion of the test restates how its doubles were set up (a call check, or a value a
   * double returns found again), and at least one finds such a value again: the subject only
   * carried data from one double to the next. A test that checks anything else (a computed result,
   * an error, a state) is not reported.
   */
  restatesDoubles(test: TestBlock): boolean {
    const tally = (this.tallies ?? this.collect()).get(test);
    return tally !== undefined && tally.total > 0 && tally.restating === tally.total && tally.echoes > 0;
  }

  /**
   * A strict majority of `tests` check nothing but calls and returned values, and the echo recurs:
   * at least two of them (or the only one) find a programmed value again.
   */
  mostRestateDoubles(tests: readonly TestBlock[]): boolean {
    const tallies = this.tallies ?? this.collect();
    let restating = 0;
    let echoing = 0;
    for (const test of tests) {
      const tally = tallies.get(test);
      if (tally !== undefined && tally.total > 0 && tally.restating === tally.total) {
        restating += 1;
        echoing += tally.echoes > 0 ? 1 : 0;
      }
    }
    return echoing >= Math.min(MIN_ECHOING_TESTS, tests.length) && restating * 2 > tests.length;
  }

  /** A strict majority of the test's assertions check calls on doubles (a test with no assertions does not). */
  checksWiring(test: TestBlock): boolean {
    const tally = (this.tallies ?? this.collect()).get(test);
    return tally !== undefined && tally.wiring * 2 > tally.total;
  }

  /** A strict majority of `tests` check wiring. */
  mostCheckWiring(tests: readonly TestBlock[]): boolean {
    let wiring = 0;
    for (const test of tests) {
      if (this.checksWiring(test)) {
        wiring += 1;
      }
    }
    return wiring * 2 > tests.length;
  }
}
