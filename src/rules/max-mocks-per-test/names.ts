import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/types';

import { chainTop, type MockRecord } from '../../model/index.js';
import { thisMemberClassBody } from './fakes.js';

/** How many counted mocks a message names before it says "and N more". */
const SHOWN = 4;

/** The first property names of a fake object literal: `load, clear`, `get, set, …`. */
function fakeMethods(object: TSESTree.ObjectExpression): string {
  const names = object.properties.slice(0, 3).map((property) => (property.type === AST_NODE_TYPES.Property && property.key.type === AST_NODE_TYPES.Identifier ? property.key.name : '…'));
  return object.properties.length > 3 ? `${names.join(', ')}, …` : names.join(', ');
}

/** What a reader finds in the file for one counted mock: the module, the replaced property, the double's name. */
function labelOf(mock: MockRecord): string {
  if (mock.kind === 'module') {
    return mock.specifier ?? mock.api;
  }
  if (mock.kind === 'property') {
    return mock.target ?? mock.api;
  }
  const key = mock.keys[0];
  const parent = chainTop(mock.node).parent;
  // A stub inside a fake object literal stands for the whole fake: name the object it is stored in.
  if (parent?.type === AST_NODE_TYPES.Property || parent?.type === AST_NODE_TYPES.PropertyDefinition) {
    const dot = key?.lastIndexOf('.') ?? -1;
    if (key !== undefined && dot > 0 && !key.startsWith('this.')) {
      return key.slice(0, dot);
    }
    return parent.parent.type === AST_NODE_TYPES.ObjectExpression ? `a fake { ${fakeMethods(parent.parent)} }` : `a fake class (line ${parent.loc.start.line})`;
  }
  if (key?.startsWith('this.') === true && parent?.type === AST_NODE_TYPES.AssignmentExpression) {
    // `this.prototype.get = sinon.stub()` in a fake class: name the class, not `this`.
    const body = thisMemberClassBody(parent.left);
    if (body !== null) {
      return `a fake class (line ${body.loc.start.line})`;
    }
  }
  return key ?? `${mock.api}() (line ${mock.node.loc.start.line})`;
}

/**
 * The counted mocks named in source order, so the count in a message can be checked against the
 * file: `'./db', 'api.get', 'svc' ×3 and 2 more`.
 */
export function nameMocks(counted: ReadonlyMap<MockRecord, number>): string {
  const ordered = [...counted].sort(([a], [b]) => a.node.range[0] - b.node.range[0]);
  const labels: string[] = [];
  for (const [mock, weight] of ordered.slice(0, SHOWN)) {
    labels.push(weight > 1 ? `'${labelOf(mock)}' ×${weight}` : `'${labelOf(mock)}'`);
  }
  const rest = ordered.length - labels.length;
  return rest > 0 ? `${labels.join(', ')} and ${rest} more` : labels.join(', ');
}
