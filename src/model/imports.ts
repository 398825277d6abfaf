import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/types';

import { getStaticString } from '../ast/nodes.js';

/** A module the file imports or requires, with the local names it binds. */
export interface ImportRecord {
  readonly specifier: string;
  readonly node: TSESTree.Node;
  /** Local names bound to the module's exports (`{ a, b: c }` → `a`, `c`; default → its name). */
  readonly locals: readonly string[];
  /** Local name of a namespace binding (`import * as api`, `const api = require(…)`), if any. */
  readonly namespace: string | null;
}

/** What `require('x')` binds, when its specifier is a static string. */
export function readRequire(call: TSESTree.CallExpression): ImportRecord | null {
  const specifier = getStaticString(call.arguments[0]);
  if (specifier === null) {
    return null;
  }
  let top: TSESTree.Node = call;
  while (top.parent?.type === AST_NODE_TYPES.MemberExpression && top.parent.object === top) {
    top = top.parent;
  }
  const parent = top.parent;
  const locals: string[] = [];
  let namespace: string | null = null;
  if (parent?.type === AST_NODE_TYPES.VariableDeclarator) {
    if (parent.id.type === AST_NODE_TYPES.Identifier) {
      if (top === call) {
        namespace = parent.id.name;
      } else {
        locals.push(parent.id.name);
      }
    } else if (parent.id.type === AST_NODE_TYPES.ObjectPattern) {
      for (const property of parent.id.properties) {
        if (property.type === AST_NODE_TYPES.Property) {
          const valueNode = property.value.type === AST_NODE_TYPES.AssignmentPattern ? property.value.left : property.value;
          if (valueNode.type === AST_NODE_TYPES.Identifier) {
            locals.push(valueNode.name);
          }
        }
      }
    }
  }
  return { specifier, node: call, locals, namespace };
}

/** What an `import` declaration binds. */
export function readImport(declaration: TSESTree.ImportDeclaration): ImportRecord {
  const locals: string[] = [];
  let namespace: string | null = null;
  for (const specifier of declaration.specifiers) {
    if (specifier.type === AST_NODE_TYPES.ImportNamespaceSpecifier) {
      namespace = specifier.local.name;
    } else {
      locals.push(specifier.local.name);
    }
  }
  return { specifier: declaration.source.value, node: declaration, locals, namespace };
}

