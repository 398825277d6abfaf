import { RuleTester } from '@typescript-eslint/rule-tester';
import { afterAll, describe, it } from 'vitest';

// Hooks @typescript-eslint/rule-tester into vitest (it looks for these statics).
RuleTester.afterAll = afterAll;
RuleTester.describe = describe;
RuleTester.it = it;
RuleTester.itOnly = it.only;

// A rule that throws reports one message in place of its findings (createRule's fence, see
// docs/architecture.md); in our tests it throws instead, so a crash fails the test that found it.
// tests/robustness/rule-failure.test.ts turns this off to test the fence itself.
process.env['TEST_QUALITY_DEBUG'] ??= '1';
