import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { TSESLint } from '@typescript-eslint/utils';

import { renameMethodFix } from '../../ast/await-fixes.js';
import { unwrapExpression } from '../../ast/nodes.js';
import type { TestModel } from '../../model/index.js';
import type { MessageIds } from '../no-unawaited-async-mock.js';
import { promiseLongForm } from './promise-long-forms.js';
import { SetupRejections } from './setup-rejections.js';

type RuleContext = Readonly<TSESLint.RuleContext<MessageIds, readonly unknown[]>>;

/** `mockReturnValue(Promise.resolve(x))`, `mockImplementation(() => Promise.reject(e))`, sinon `.returns(Promise.resolve(x))`. */
export function reportPromiseLongForms(context: RuleContext, model: TestModel, allowPromiseLongForms: boolean): void {
  let setupRejections: SetupRejections | null = null;
  for (const config of model.mockConfigs) {
    const longForm = promiseLongForm(config, allowPromiseLongForms);
    if (longForm === null) {
      continue;
    }
    const { isImplementation, kind, replacement, argument, promise } = longForm;
    // By default only the hazard is reported: a rejection the next statement consumes cannot go unhandled.
    if (allowPromiseLongForms && kind === 'reject' && !isImplementation) {
      setupRejections ??= new SetupRejections(model, context.sourceCode);
      if (!setupRejections.canGoUnhandled(config)) {
        continue;
      }
    }
    const callee = unwrapExpression(config.node.callee);
    const value = promise.arguments[0];
    // `Promise.reject((log(), err))` keeps its parentheses: unwrapped it would be two arguments.
    const valueText = value === undefined ? 'undefined' : value.type === AST_NODE_TYPES.SequenceExpression ? `(${context.sourceCode.getText(value)})` : context.sourceCode.getText(value);
    const property = callee.type === AST_NODE_TYPES.MemberExpression ? callee.property : null;
    const rename = renameMethodFix(context.sourceCode, callee, replacement);
    context.report({
      node: config.node,
      // From the method name on: a chained `vi\n.fn()\n.mockReturnValue(…)` is reported where the configuration is.
      ...(property === null ? {} : { loc: { start: property.loc.start, end: config.node.loc.end } }),
      messageId: isImplementation ? 'promiseImplementation' : 'promiseReturnValue',
      data: { method: config.method, kind, replacement },
      suggest:
        rename === null
          ? []
          : [
              {
                messageId: 'useShorthand',
                data: { replacement: `${replacement}(${valueText})` },
                fix: (fixer) => [rename(fixer), fixer.replaceText(argument, valueText)],
              },
            ],
    });
  }
}
