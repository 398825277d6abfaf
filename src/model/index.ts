/**
 * The shared per-file test model: what rules may ask of a test file. Built once per file while
 * ESLint walks the tree (`withTestModel`, added to every rule by `createRule`), read by each rule
 * at `Program:exit` through `getTestModel`. Everything else in this folder is how it is built.
 */
export { getTestModel, withTestModel, type ImportRecord, type IndexedNode, type IndexedType, type TestModel } from './test-model.js';
export type { Assertion, AssertionStyle, AsyncKind, ChainPart } from './assertions.js';
export { collectChain, readChaiParts } from './assertions.js';
export { isBlockWithin, type BlockKind, type TestBlock } from './test-blocks.js';
export type { FrameworkName, HookKind, Library, NameKind } from './framework-names.js';
export { chainTop, type MockConfig, type MockKind, type MockRecord } from './mocks.js';
export { getSubjectName, getSubjectVariant, isMockingSubject, isSubjectSpecifier, specifierStem } from './subject-module.js';
export { blockCompletesOtherwise, findUnhandledPromise, type UnhandledPromise } from './promise-handling.js';
