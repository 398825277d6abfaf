import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/types';
import type { TSESLint } from '@typescript-eslint/utils';

import { getChainRoot, getKeyName } from '../../ast/nodes.js';
import type { TestBlock, TestModel } from '../../model/index.js';
import { collectNodes, type CollectedNodes } from './collect.js';
import { gatherFacts, type TestFacts } from './facts.js';
import { isDisablingValue, isRetryOptionKey, isRetryTitle } from './retry-evidence.js';

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

  constructor(
    readonly sourceCode: Readonly<TSESLint.SourceCode>,
    readonly model: TestModel,
  ) {
    this.nodes = collectNodes(model);
    this.blockNodes = new Set(model.blocks.map((block) => block.node));
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
