import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/types';
import type { TSESLint } from '@typescript-eslint/utils';

import { getChainRoot, getKeyName, isFunction, rangeContains } from '../../ast/nodes.js';
import type { MockConfig, MockRecord, TestBlock, TestModel } from '../../model/index.js';
import { collectNodes, type CollectedNodes } from './collect.js';
import { normaliseKey } from './count-assertions.js';
import { gatherFacts, type TestFacts } from './facts.js';
import { beforeHooksOf, Buckets, reachOf, type Reach } from './reach.js';
import { isAttemptNumberKey, isDisablingValue, isRetryOptionKey, isRetryTitle, limitKeyOf, statedNumbers, statesRetryCount } from './retry-evidence.js';
import { SubjectOfFile } from './subject.js';

/**
 * One file being checked: the nodes the checks read and the memos built over them. Made for a file
 * with a count assertion and dropped with it, so nothing of a file outlives its check.
 */
export class RetryFile {
  readonly nodes: CollectedNodes;
  /** The nodes of the blocks the model recognised. */
  readonly blockNodes: ReadonlySet<TSESTree.Node>;
  private readonly blocks = new Map<TSESTree.Node, TestBlock | null>();
  private readonly facts = new Map<TestBlock, TestFacts>();
  private mentionsRetry: boolean | null = null;
  private bucketsMade: FileBuckets | null = null;
  private hooks: Map<TestBlock | null, TestBlock[]> | null = null;
  private readonly mockKeys = new Map<MockRecord, readonly string[]>();
  private mocksByNode: Map<TSESTree.Node, MockRecord> | null = null;
  private explained: { trailing: Set<number>; above: Map<number, boolean>; ranges: TSESTree.Range[] } | null = null;
  private asserted: Map<TestBlock, number[]> | null = null;
  private readonly protocols = new Map<TestBlock | null, boolean>();
  private readonly helpers = new Map<TSESTree.Node, TSESLint.Scope.Variable | null>();

  private subject: SubjectOfFile | null = null;

  constructor(
    readonly sourceCode: Readonly<TSESLint.SourceCode>,
    readonly model: TestModel,
    readonly filename = '',
  ) {
    this.nodes = collectNodes(model);
    this.blockNodes = new Set(model.blocks.map((block) => block.node));
  }

  /** The file's evidence bucketed by block, made once, on the first test whose facts are read. */
  get buckets(): FileBuckets {
    this.bucketsMade ??= makeBuckets(this);
    return this.bucketsMade;
  }

  /** The blocks in reach of `test`, with their places. */
  reachOf(test: TestBlock): Reach {
    this.hooks ??= beforeHooksOf(this.model);
    return reachOf(test, this.hooks);
  }

  /** Keys a double is referred to by, with the keys of a mock that wraps it (`vi.stubGlobal('fetch', vi.fn())`); memoised. */
  keysOf(mock: MockRecord): readonly string[] {
    let keys = this.mockKeys.get(mock);
    if (keys === undefined) {
      const own = mock.keys.map(normaliseKey);
      const parent = mock.node.parent;
      if (own.length === 0 && parent.type === AST_NODE_TYPES.CallExpression) {
        this.mocksByNode ??= new Map(this.model.mocks.map((other) => [other.node, other]));
        for (const key of this.mocksByNode.get(parent)?.keys ?? []) {
          own.push(normaliseKey(key));
        }
      }
      keys = own;
      this.mockKeys.set(mock, keys);
    }
    return keys;
  }

  /** The block `node` is written in, memoised (the facts of every test ask it again). */
  blockOf(node: TSESTree.Node): TestBlock | null {
    let block = this.blocks.get(node);
    if (block === undefined) {
      block = this.model.blockOf(node);
      this.blocks.set(node, block);
    }
    return block;
  }

  /** What the file says about `test`, gathered once per test. */
  factsOf(test: TestBlock): TestFacts {
    let facts = this.facts.get(test);
    if (facts === undefined) {
      facts = gatherFacts(this, test);
      this.facts.set(test, facts);
    }
    return facts;
  }

  /** A call that declares a test or suite, even one whose callback the model does not see (`it('x', { retry: 3 }, handler)`). */
  isBlockCall(call: TSESTree.CallExpression): boolean {
    if (this.blockNodes.has(call)) {
      return true;
    }
    const root = getChainRoot(call.callee);
    const kind = root?.type === AST_NODE_TYPES.Identifier ? this.model.resolveName(root)?.kind : undefined;
    return kind === 'test' || kind === 'suite';
  }

  /** A property of the options of a test or suite call (`it('x', { retry: 3 }, fn)`), or not in an object literal at all. */
  isBlockOptions(property: TSESTree.Property): boolean {
    const object = property.parent;
    return object.type !== AST_NODE_TYPES.ObjectExpression || (object.parent.type === AST_NODE_TYPES.CallExpression && this.isBlockCall(object.parent));
  }

  /**
   * Does a comment say how the count of `node` is made, as a sum or a product (`// initial + one retry`,
   * `// 4 URLs × 2 attempts each`)? It ends the line of `node`, or stands on the lines just above the statement
   * (`// 1 initial + 3 retries = 4 total`). The comments are mapped by line once per file.
   */
  isExplainedByComment(node: TSESTree.Node): boolean {
    const { trailing, above } = this.explainingComments();
    if (trailing.has(node.loc.end.line)) {
      return true;
    }
    let statement: TSESTree.Node = node;
    while (statement.parent !== undefined && !STATEMENTS.has(statement.type)) {
      statement = statement.parent;
    }
    // The block of comment lines right above the statement, read upwards.
    for (let line = statement.loc.start.line - 1; line > 0; line--) {
      const explains = above.get(line);
      if (explains === undefined) {
        return false;
      }
      if (explains) {
        return true;
      }
    }
    return false;
  }

  /**
   * Comments that explain a count, by the line they end (`trailing`); every line of a comment standing alone, and whether
   * it explains one (`above`); where those that name retries are (`ranges`).
   */
  private explainingComments(): { trailing: ReadonlySet<number>; above: ReadonlyMap<number, boolean>; ranges: readonly TSESTree.Range[] } {
    if (this.explained === null) {
      const trailing = new Set<number>();
      const above = new Map<number, boolean>();
      const ranges: TSESTree.Range[] = [];
      for (const comment of this.sourceCode.getAllComments()) {
        const explains = explainsCount(comment.value);
        const alone = (this.sourceCode.lines[comment.loc.start.line - 1] ?? '').slice(0, comment.loc.start.column).trim() === '';
        if (explains) {
          trailing.add(comment.loc.end.line);
          // A sum that ends in a success (`two failed attempts + successful attempt`) adds up the scenario's injected
          // failures, not the retry protocol.
          if (RETRY_COMMENT.test(comment.value) && !SUCCESS.test(comment.value)) {
            ranges.push(comment.range);
          }
        }
        for (let line = comment.loc.start.line; alone && line <= comment.loc.end.line; line++) {
          above.set(line, explains || above.get(line) === true);
        }
      }
      this.explained = { trailing, above, ranges };
    }
    return this.explained;
  }

  /**
   * The counts the messages a test asserts state (`rejectedWith('… after 5 attempts.')`, `toThrow(/failed after 3 tries/)`):
   * the code reports its own limit, and the test checks it. Read from every assertion of the file once.
   */
  assertedNumbers(test: TestBlock): readonly number[] {
    if (this.asserted === null) {
      this.asserted = new Map();
      for (const assertion of this.model.assertions) {
        const block = assertion.block;
        for (const expected of block === null ? [] : assertion.expected) {
          const text = statedText(expected);
          const numbers = text === null ? [] : statedNumbers(text);
          if (block !== null && numbers.length > 0) {
            const list = this.asserted.get(block) ?? [];
            this.asserted.set(block, list.concat(numbers));
          }
        }
      }
    }
    return this.asserted.get(test) ?? [];
  }

  /**
   * Does a test in `test`'s suite state the retry protocol, in its retry title (`should retry once`, `retries 3 times`)
   * or in a comment that adds it up (`// 1 initial + 3 retries = 4 total`)? Memoised per suite.
   */
  suiteStatesProtocol(test: TestBlock): boolean {
    const suite = test.parent;
    let stated = this.protocols.get(suite);
    if (stated === undefined) {
      const siblings = suite === null ? this.model.blocks.filter((block) => block.parent === null) : suite.children;
      // A sibling's comment that spells the protocol out (`// 1 initial + 3 retries = 4 total`) documents it too.
      const { ranges } = this.explainingComments();
      stated = siblings.some(
        (block) =>
          block.kind === 'test' &&
          ((block.title !== null && statesRetryCount(block.title)) || ranges.some((range) => rangeContains(block.node.range, range))),
      );
      this.protocols.set(suite, stated);
    }
    return stated;
  }

  /**
   * Is `node` written in a named helper function (`const makeCrawler = () => …`, `function makeQueue() {…}`)
   * that `test` calls by name?
   */
  isInHelperCalledBy(node: TSESTree.Node, test: TestBlock): boolean {
    let fn: TSESTree.Node | undefined = node.parent;
    while (fn !== undefined && !isFunction(fn)) {
      fn = fn.parent;
    }
    if (fn === undefined) {
      return false;
    }
    let variable = this.helpers.get(fn);
    if (variable === undefined) {
      variable = helperVariable(this.sourceCode, fn);
      this.helpers.set(fn, variable);
    }
    return variable !== null && variable.references.some((reference) => rangeContains(test.node.range, reference.identifier.range));
  }

  /**
   * Is `counted` the operation `test` hands to the file's subject, a retrying function, so that its count is the
   * helper's own default under test (see `subject.ts`)?
   */
  countsSubjectsDefault(test: TestBlock, counted: TSESTree.Node): boolean {
    const calls = this.buckets.retryingCalls
      .inReach(this.reachOf(test), false)
      .filter(({ place }) => place === 'test')
      .map(({ item }) => item);
    this.subject ??= new SubjectOfFile(this.sourceCode, this.model.imports, this.filename);
    return this.subject.countsOwnDefault(test, calls, counted);
  }

  /** Does the file speak of retrying anywhere: a retry title, a retry option that is not switched off, a call of retrying code? */
  fileMentionsRetry(): boolean {
    this.mentionsRetry ??=
      this.model.blocks.some((block) => block.title !== null && isRetryTitle(block.title)) ||
      this.nodes.properties.some((property) => {
        const name = getKeyName(property);
        return name !== null && name !== 'once' && isRetryOptionKey(name) && !isDisablingValue(property.value);
      }) ||
      this.nodes.retryingCalls.length > 0;
    return this.mentionsRetry;
  }
}

/** Statements and declarations: where the comments above an assertion stand. */
const STATEMENTS: ReadonlySet<string> = new Set([
  AST_NODE_TYPES.ExpressionStatement, AST_NODE_TYPES.VariableDeclaration, AST_NODE_TYPES.ReturnStatement, AST_NODE_TYPES.IfStatement,
]);
/** A retry word: what makes an arithmetic comment a statement of the retry protocol. */
const RETRY_COMMENT = /\b(?:retry|retries|attempts?|tries|initial)\b/iu;
/** A success in a comment: `successful attempt`, `then succeeds`. */
const SUCCESS = /\bsucce(?:ss|ssful|ssfully|eds?|eding)\b/iu;
/** A sum (`1 + 3`, `initial + one retry`) or a product (`4 × 2`, `4 URLs x 2 attempts`, `2 * 3`). */
const ARITHMETIC = /\+|×|\s[*x]\s/u;

/** Does a comment write a count as arithmetic over numbers or retries (`initial + one retry`, `4 URLs × 2 attempts`)? */
const explainsCount = (text: string): boolean => ARITHMETIC.test(text) && (/\d/u.test(text) || RETRY_COMMENT.test(text));

/** The text of a string, template or regular expression a test expects (`'… after 5 attempts.'`, `/after 3 tries/`). */
function statedText(node: TSESTree.Node): string | null {
  if (node.type === AST_NODE_TYPES.Literal) {
    if ('regex' in node && node.regex !== undefined) {
      return node.regex.pattern;
    }
    return typeof node.value === 'string' ? node.value : null;
  }
  if (node.type === AST_NODE_TYPES.TemplateLiteral) {
    return node.quasis.map((quasi) => quasi.value.cooked ?? '').join(' ');
  }
  return null;
}

/** The variable a helper function is bound to: its declaration's name, or the `const` it is assigned to. */
function helperVariable(sourceCode: Readonly<TSESLint.SourceCode>, fn: TSESTree.Node): TSESLint.Scope.Variable | null {
  let declared: TSESTree.Node | null = null;
  let name: string | null = null;
  if (fn.type === AST_NODE_TYPES.FunctionDeclaration && fn.id !== null) {
    declared = fn;
    name = fn.id.name;
  } else if (fn.parent?.type === AST_NODE_TYPES.VariableDeclarator && fn.parent.id.type === AST_NODE_TYPES.Identifier) {
    declared = fn.parent;
    name = fn.parent.id.name;
  }
  return declared === null ? null : (sourceCode.getDeclaredVariables(declared).find((variable) => variable.name === name) ?? null);
}

/** A file's evidence, bucketed by the block each piece is written in. */
export interface FileBuckets {
  readonly properties: Buckets<TSESTree.Property>;
  readonly calls: Buckets<CollectedNodes['calls'][number]>;
  readonly retryingCalls: Buckets<TSESTree.CallExpression>;
  readonly comparisons: Buckets<CollectedNodes['comparisons'][number] | CollectedNodes['sizes'][number]>;
  readonly flaggedFailures: Buckets<TSESTree.IfStatement>;
  readonly positionalLimits: Buckets<TSESTree.Node>;
  readonly handedNumbers: Buckets<CollectedNodes['handedNumbers'][number]>;
  /** Hoisted module mocks are under `null`: they apply to the whole file. */
  readonly mocks: Buckets<MockRecord>;
  readonly mockConfigs: Buckets<MockConfig>;
}

function makeBuckets(file: RetryFile): FileBuckets {
  const { properties, calls, retryingCalls, comparisons, sizes, flaggedFailures, positionalLimits, handedNumbers } = file.nodes;
  const blockOf = (node: TSESTree.Node): TestBlock | null => file.blockOf(node);
  return {
    // Only the keys a test reads (`once`, retry options, limits): a fixture of a thousand `count:` keys costs nothing per test.
    properties: new Buckets(
      properties.filter((property) => {
        const name = getKeyName(property);
        return name !== null && (name === 'once' || isRetryOptionKey(name) || isAttemptNumberKey(name) || limitKeyOf(property) !== null);
      }),
      blockOf,
    ),
    calls: new Buckets(calls, (call) => blockOf(call.node)),
    retryingCalls: new Buckets(retryingCalls, blockOf),
    comparisons: new Buckets(([] as Array<CollectedNodes['comparisons'][number] | CollectedNodes['sizes'][number]>).concat(comparisons, sizes), (item) => blockOf(item.node)),
    flaggedFailures: new Buckets(flaggedFailures, blockOf),
    positionalLimits: new Buckets(positionalLimits, blockOf),
    handedNumbers: new Buckets(handedNumbers, (call) => blockOf(call.node)),
    mocks: new Buckets(file.model.mocks, (mock) => (mock.hoisted ? null : mock.block)),
    mockConfigs: new Buckets(file.model.mockConfigs, (config) => config.block),
  };
}
