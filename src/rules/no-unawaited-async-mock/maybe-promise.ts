import type { TSESTree } from '@typescript-eslint/types';
import type { TSESLint } from '@typescript-eslint/utils';

import { getNodeType, getTypeServices, thenabilityOf } from '../../type-info.js';

/**
 * Is the value of `node` a union with a promise among plain values (`boolean | void |
 * Promise<boolean>`)? Such a value is not a thenable (`isThenableType`), but it may be one.
 */
export function maybePromise(context: Readonly<TSESLint.RuleContext<string, readonly unknown[]>>, node: TSESTree.Node): boolean {
  const typeServices = getTypeServices(context);
  const type = typeServices === null ? null : getNodeType(context, node);
  if (typeServices === null || type === null || !type.isUnion()) {
    return false;
  }
  try {
    return type.types.some((member) => thenabilityOf(typeServices, member) === 'thenable');
  } catch {
    return false;
  }
}
