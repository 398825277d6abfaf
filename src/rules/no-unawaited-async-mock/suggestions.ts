import type { TSESLint } from '@typescript-eslint/utils';

import { addAwaitFix, returnFix } from '../../ast/await-fixes.js';
import type { TestModel, UnhandledPromise } from '../../model/index.js';
import type { MessageIds } from '../no-unawaited-async-mock.js';

type Fix = (fixer: TSESLint.RuleFixer) => TSESLint.RuleFix[];
type Suggestion = { messageId: MessageIds; data?: Record<string, string>; fix: Fix };

/** The fixes that keep a dropped promise: `await` it (making the test `async` if need be), or `return` it. */
export function suggestionsFor(sourceCode: Readonly<TSESLint.SourceCode>, model: TestModel, unhandled: UnhandledPromise): Suggestion[] {
  const suggestions: Suggestion[] = [];
  const awaitFix = addAwaitFix(sourceCode, model, unhandled.statement, unhandled.fn);
  if (awaitFix !== null) {
    suggestions.push({ messageId: 'addAwait', data: { asyncNote: unhandled.fn?.async === true ? '' : ' and make the test function `async`' }, fix: awaitFix });
  }
  const returnSuggestion = returnFix(model, unhandled.statement, unhandled.fn);
  if (returnSuggestion !== null) {
    suggestions.push({ messageId: 'returnPromise', fix: returnSuggestion });
  }
  return suggestions;
}
