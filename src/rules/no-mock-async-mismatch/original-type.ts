import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/types';
import type { TSESLint } from '@typescript-eslint/utils';
import type * as ts from 'typescript';

import { getEnclosingFunction, getStaticString } from '../../ast/nodes.js';
import type { MockRecord, TestModel } from '../../model/index.js';
import { getModuleExportType, getPropertyType, getTypeFromTypeNode } from '../../type-info.js';

type RuleContext = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;

/** The type of the function a mock replaces, when the mock says what it replaces. */
export function originalType(context: RuleContext, model: TestModel, mock: MockRecord): ts.Type | null {
  const args = mock.node.arguments;
  if (mock.kind === 'property') {
    const [object, property, access] = args;
    const name = getStaticString(property);
    const isMethodReplacement = mock.api.endsWith('spyOn') || mock.api.endsWith('stub') || mock.api.endsWith('.method');
    if (object === undefined || object.type === AST_NODE_TYPES.SpreadElement || name === null || !isMethodReplacement || (access !== undefined && getStaticString(access) !== null)) {
      return null;
    }
    return getPropertyType(context, object, name);
  }
  if (mock.kind !== 'function') {
    return null;
  }
  const typeArgument = mock.node.typeArguments?.params[0];
  if (typeArgument !== undefined && mock.library !== 'sinon') {
    const type = getTypeFromTypeNode(context, typeArgument);
    return type !== null && type.getCallSignatures().length > 0 ? type : null;
  }
  const owner = mock.withinModuleMock;
  const exportName = owner === null ? null : factoryPropertyName(mock, owner);
  if (owner === null || exportName === null) {
    return null;
  }
  for (const record of model.imports) {
    if (record.specifier === owner.specifier && record.node.type === AST_NODE_TYPES.ImportDeclaration && record.node.importKind !== 'type') {
      return getModuleExportType(context, record.node.source, exportName);
    }
  }
  return null;
}

/** `fetchUser` for `vi.mock('./api', () => ({ fetchUser: vi.fn() }))`: the export a factory double stands for. */
function factoryPropertyName(mock: MockRecord, owner: MockRecord): string | null {
  let value: TSESTree.Node = mock.node;
  while (value.parent?.type === AST_NODE_TYPES.MemberExpression && value.parent.object === value && value.parent.parent.type === AST_NODE_TYPES.CallExpression) {
    value = value.parent.parent;
  }
  while (value.parent !== undefined && isTransparent(value.parent)) {
    value = value.parent;
  }
  const property = value.parent;
  if (property?.type !== AST_NODE_TYPES.Property || property.value !== value || property.kind !== 'init') {
    return null;
  }
  let container: TSESTree.Node = property.parent;
  while (container.parent !== undefined && isTransparent(container.parent)) {
    container = container.parent;
  }
  const factory = owner.factory;
  const returned =
    factory !== null &&
    ((container.parent === factory && factory.body === container) ||
      (container.parent?.type === AST_NODE_TYPES.ReturnStatement && getEnclosingFunction(container.parent) === factory));
  if (!returned) {
    return null;
  }
  if (property.computed) {
    return getStaticString(property.key);
  }
  return property.key.type === AST_NODE_TYPES.Identifier ? property.key.name : getStaticString(property.key);
}

const isTransparent = (node: TSESTree.Node): boolean =>
  node.type === AST_NODE_TYPES.TSAsExpression || node.type === AST_NODE_TYPES.TSSatisfiesExpression || node.type === AST_NODE_TYPES.TSNonNullExpression || node.type === AST_NODE_TYPES.TSTypeAssertion;
