// Reads the `invalid` cases of our rule tests statically (no execution): every case whose code is a plain string,
// that uses the rule's default options and no settings, spreads or type information, with its filename and
// source type.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

import { parse } from '@typescript-eslint/parser';
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';

import { REPO_ROOT } from './project.js';

export interface RuleCase {
  readonly ruleId: string;
  /** Index of the case in the rule's `invalid` array. */
  readonly index: number;
  readonly code: string;
  /** The file name the rule tester lints the case as (its default is `react.tsx`: our tester enables JSX). */
  readonly filename: string;
  readonly sourceType: 'module' | 'script';
}

const staticString = (node: TSESTree.Node | undefined): string | null => {
  if (node?.type === AST_NODE_TYPES.Literal && typeof node.value === 'string') {
    return node.value;
  }
  if (node?.type === AST_NODE_TYPES.TemplateLiteral && node.expressions.length === 0) {
    return node.quasis[0]?.value.cooked ?? null;
  }
  return null;
};

const propertyOf = (object: TSESTree.ObjectExpression, name: string): TSESTree.Node | undefined => {
  for (const property of object.properties) {
    if (
      property.type === AST_NODE_TYPES.Property &&
      !property.computed &&
      ((property.key.type === AST_NODE_TYPES.Identifier && property.key.name === name) || staticString(property.key) === name)
    ) {
      return property.value;
    }
  }
  return undefined;
};

/** `{ sourceType: 'script' }` → 'script'; any other languageOptions (parser options, globals …) → null (skip). */
function sourceTypeOf(languageOptions: TSESTree.Node | undefined): 'module' | 'script' | null {
  if (languageOptions === undefined) {
    return 'module';
  }
  if (languageOptions.type !== AST_NODE_TYPES.ObjectExpression || languageOptions.properties.length !== 1) {
    return null;
  }
  const sourceType = staticString(propertyOf(languageOptions, 'sourceType'));
  return sourceType === 'script' || sourceType === 'commonjs' ? 'script' : sourceType === 'module' ? 'module' : null;
}

function caseOf(ruleId: string, index: number, element: TSESTree.Node | null): RuleCase | null {
  if (element === null) {
    return null;
  }
  const plain = staticString(element);
  if (plain !== null) {
    return { ruleId, index, code: plain, filename: 'react.tsx', sourceType: 'module' };
  }
  // A spread (`...typed`) may bring options, settings or type information: not a plain case.
  if (element.type !== AST_NODE_TYPES.ObjectExpression || element.properties.some((property) => property.type === AST_NODE_TYPES.SpreadElement)) {
    return null;
  }
  const code = staticString(propertyOf(element, 'code'));
  if (code === null || propertyOf(element, 'options') !== undefined || propertyOf(element, 'settings') !== undefined) {
    return null;
  }
  const sourceType = sourceTypeOf(propertyOf(element, 'languageOptions'));
  const filenameNode = propertyOf(element, 'filename');
  const filename = filenameNode === undefined ? 'react.tsx' : staticString(filenameNode);
  if (sourceType === null || filename === null || filename.includes('..')) {
    return null;
  }
  return { ruleId, index, code, filename: filename.replace(/^\/+/u, ''), sourceType };
}

/** The usable invalid cases of `tests/rules/<ruleId>.test.ts`, in order. */
export function invalidCases(ruleId: string): RuleCase[] {
  const file = join(REPO_ROOT, 'tests', 'rules', `${ruleId}.test.ts`);
  let source: string;
  try {
    source = readFileSync(file, 'utf8');
  } catch {
    return [];
  }
  const ast = parse(source, { range: true, loc: true, sourceType: 'module', ecmaVersion: 'latest' }) as TSESTree.Program;
  const cases: RuleCase[] = [];
  const visit = (node: TSESTree.Node): void => {
    if (node.type === AST_NODE_TYPES.ObjectExpression) {
      const invalid = propertyOf(node, 'invalid');
      if (invalid?.type === AST_NODE_TYPES.ArrayExpression) {
        invalid.elements.forEach((element, index) => {
          const found = caseOf(ruleId, index, element);
          if (found !== null) {
            cases.push(found);
          }
        });
        return;
      }
    }
    for (const value of Object.values(node)) {
      if (Array.isArray(value)) {
        for (const child of value) {
          if (child !== null && typeof child === 'object' && typeof (child as { type?: unknown }).type === 'string') {
            visit(child as TSESTree.Node);
          }
        }
      } else if (value !== null && typeof value === 'object' && typeof (value as { type?: unknown }).type === 'string' && value !== node.parent) {
        visit(value as TSESTree.Node);
      }
    }
  };
  visit(ast);
  return cases;
}

/** Rule ids that have a test file. */
export function testedRuleIds(): string[] {
  return readdirSync(join(REPO_ROOT, 'tests', 'rules'))
    .filter((name) => name.endsWith('.test.ts'))
    .map((name) => name.slice(0, -'.test.ts'.length))
    .sort();
}
