#!/usr/bin/env node
/**
 * Recall hunt: finds CANDIDATE places for the plugin's rules in a corpus of test files,
 * WITHOUT using the plugin (no code from src/ or dist/). It parses each file with the
 * standalone `@typescript-eslint/typescript-estree` parser (falling back to plain line
 * regexes when a file does not parse) and prints one candidate per line:
 *
 *   <rule>\t<repo>/<file>:<startLine>-<endLine>\t<hint>
 *
 * Usage:
 *   node scripts/recall-hunt.mjs <corpus dir> [--rule <rule>] [--repo <folder>]
 *
 * <corpus dir> holds one folder per repository (`owner__name`). The candidates are then judged
 * by hand (reading the code); the real instances go to a TSV
 * (`# rule<TAB>repo/file:startLine-endLine<TAB>note`) that
 * `npm run eval -- <corpus> --recall <tsv>` reads to measure the plugin's recall.
 *
 * What it searches, per rule:
 * - no-permissive-assertion: assertions (lines with expect/assert/should/.expect) containing a
 *   literal status/state/boolean set (`expect([..]).toContain`, `oneOf`, `toBeOneOf`,
 *   `[..].includes(`), a negative-only status check (`not.toBe(5xx)`, `notEqual(x, 5xx)`,
 *   `!== 500`), an open range on a status (`toBeGreaterThanOrEqual(400)`, `toBeLessThan(500)`,
 *   `>= 400`, `within(`), or a status disjunction (`=== 200 || … === 404`); plus `if (x.status
 *   === …)` branches with an assertion inside.
 * - no-unawaited-assertion: expression statements (not awaited/returned) whose expression is an
 *   `expect(..).resolves/.rejects` chain, `expect.poll`, `assert.rejects/doesNotReject`,
 *   chai-as-promised (`eventually`, `rejectedWith`, `isRejected`, …), `expectAsync`, a
 *   playwright web-first matcher, or a supertest chain with `.expect(` and no callback/`.end`.
 * - no-unawaited-async-mock: names configured in the file with mockResolvedValue/
 *   mockRejectedValue/async implementations/sinon resolves()/rejects(); expression-statement
 *   calls of those names inside test/hook callbacks that are not awaited; calls of same-file
 *   `async` functions dropped in non-async tests/hooks; `mockReturnValue(Promise.reject(`.
 * - no-magic-retry-count: exact count assertions (`toHaveBeenCalledTimes(n)`, `toBeCalledTimes`,
 *   `.mock.calls).toHaveLength(n)`, `callCount`, `calledTwice/Thrice`, `toBe(n)` on attempt-like
 *   names) with a literal n >= 2 inside a test whose title/describe/body speaks of retries.
 * - max-mocks-per-test: per test, an approximate count of replaced collaborators (file-level
 *   module mocks and replacements, enclosing hooks, the test body): module mocks, spyOn with
 *   behaviour, sinon.stub(obj,'m'), replace*, stubGlobal/stubEnv, mock.method, createSpyObj,
 *   createStubInstance, vi.fn(impl)/jest.fn(impl) and standalone doubles with programmed
 *   behaviour; fakes in one object literal count once. Tests with a total above 5 are printed
 *   with the breakdown (the count is a hint; judging applies the doc's exclusions).
 * - no-mocked-subject: `jest.mock/vi.mock/doMock/mock.module` of a relative specifier that
 *   resolves to the module the test file is named after (or, through an alias, whose basename
 *   is the subject's: check those by hand), spyOn/stub on a namespace imported from that module,
 *   and programmed stubs assigned onto an object named like the subject
 *   (`ctx.UserGetter.getUser = sinon.stub().resolves(…)`). proxyquire is not a self-mock (it loads
 *   the real subject with stubbed dependencies) and is not reported.
 *
 * The output is deliberately over-inclusive: every candidate needs reading. Known noise: jest-dom
 * matchers on testing-library queries look like playwright matchers; method names shared by a mock
 * and the real subject (controllers) look like dropped mock calls; the mock counter does not apply
 * every exclusion of the max-mocks-per-test doc (environment shims, sinks, factory-internal doubles).
 * `--rule <rule>` runs one search only (faster); `--repo <folder>` limits to one repository.
 */
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { parse } = require('@typescript-eslint/typescript-estree');

const args = process.argv.slice(2);
const corpus = args[0];
if (!corpus) {
  console.error('usage: node scripts/recall-hunt.mjs <corpus dir> [--rule <rule>] [--repo <folder>]');
  process.exit(2);
}
const onlyRule = args.includes('--rule') ? args[args.indexOf('--rule') + 1] : null;
const onlyRepo = args.includes('--repo') ? args[args.indexOf('--repo') + 1] : null;

const EXT = /\.(c|m)?(j|t)sx?$/;
function* walkFiles(dir) {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) {
      if (e.name === 'node_modules' || e.name === '.git') continue;
      yield* walkFiles(p);
    } else if (EXT.test(e.name) && !e.name.endsWith('.d.ts')) yield p;
  }
}

const out = [];
function report(rule, repo, file, start, end, hint) {
  if (onlyRule && rule !== onlyRule) return;
  out.push(`${rule}\t${repo}/${file}:${start}-${end}\t${hint.replace(/\s+/g, ' ').slice(0, 160)}`);
}

// ---------- AST helpers ----------
function children(node) {
  const res = [];
  for (const k of Object.keys(node)) {
    if (k === 'parent' || k === 'loc' || k === 'range') continue;
    const v = node[k];
    if (Array.isArray(v)) {
      for (const c of v) if (c && typeof c.type === 'string') res.push(c);
    } else if (v && typeof v.type === 'string') res.push(v);
  }
  return res;
}
function setParents(node, parent) {
  node.parent = parent;
  for (const c of children(node)) setParents(c, node);
}
function visit(node, fn) {
  fn(node);
  for (const c of children(node)) visit(c, fn);
}
function calleeName(call) {
  // dotted text of the callee without call arguments, e.g. "jest.mock", "expect().resolves.toBe"
  return exprText(call.callee);
}
function exprText(n) {
  if (!n) return '';
  switch (n.type) {
    case 'Identifier':
      return n.name;
    case 'ThisExpression':
      return 'this';
    case 'MemberExpression':
      return `${exprText(n.object)}.${n.computed ? (n.property.type === 'Literal' ? String(n.property.value) : '[]') : n.property.name}`;
    case 'CallExpression':
      return `${exprText(n.callee)}()`;
    case 'AwaitExpression':
      return `await ${exprText(n.argument)}`;
    case 'TSNonNullExpression':
    case 'TSAsExpression':
      return exprText(n.expression);
    case 'ChainExpression':
      return exprText(n.expression);
    default:
      return `<${n.type}>`;
  }
}
const TEST_NAMES = /^(it|test|specify|fit|xit|xtest|scenario|Then|When)(\.(only|skip|concurrent|todo|each\(\)|failing|fails|sequential))*$/;
const DESCRIBE_NAMES = /^(describe|suite|context|fdescribe|xdescribe)(\.(only|skip|each\(\)|concurrent|sequential|serial|parallel))*$/;
const HOOK_NAMES = /^(beforeEach|beforeAll|before|setup|suiteSetup|test\.beforeEach|test\.beforeAll)$/;
function isTestCall(n) {
  if (n.type !== 'CallExpression') return false;
  const name = calleeName(n);
  return TEST_NAMES.test(name) || /^(it|test)\.each\(\)\(\)$/.test(name) || /^t\.test$/.test(name);
}
function isDescribeCall(n) {
  return n.type === 'CallExpression' && (DESCRIBE_NAMES.test(calleeName(n)) || /^test\.describe(\.\w+)*$/.test(calleeName(n)));
}
function isHookCall(n) {
  return n.type === 'CallExpression' && HOOK_NAMES.test(calleeName(n));
}
function fnArg(call) {
  return call.arguments.find((a) => a.type === 'ArrowFunctionExpression' || a.type === 'FunctionExpression');
}
function titleOf(call) {
  const a = call.arguments[0];
  if (!a) return '';
  if (a.type === 'Literal') return String(a.value);
  if (a.type === 'TemplateLiteral') return a.quasis.map((q) => q.value.cooked).join('${}');
  return '';
}
function enclosing(node, pred) {
  for (let p = node.parent; p; p = p.parent) if (pred(p)) return p;
  return null;
}
function enclosingTestOrHook(node) {
  return enclosing(node, (p) => isTestCall(p) || isHookCall(p));
}

// ---------- per-file analysis ----------
function analyse(repo, rel, src) {
  let ast;
  try {
    ast = parse(src, { loc: true, range: true, jsx: !/\.ts$|\.mts$|\.cts$/.test(rel), comment: false, errorOnUnknownASTType: false });
  } catch {
    try {
      ast = parse(src, { loc: true, range: true, jsx: true });
    } catch {
      ast = null;
    }
  }
  const lines = src.split('\n');
  const text = (n) => src.slice(n.range[0], n.range[1]);
  if (ast) setParents(ast, null);

  const want = (r) => !onlyRule || onlyRule === r;
  if (want('no-permissive-assertion')) permissive(repo, rel, src, lines, ast, text);
  if (!ast) return;
  if (want('no-unawaited-assertion')) unawaitedAssertion(repo, rel, ast, text);
  if (want('no-unawaited-async-mock')) unawaitedAsyncMock(repo, rel, ast, text, src);
  if (want('no-magic-retry-count')) magicRetry(repo, rel, ast, text, src);
  if (want('max-mocks-per-test')) maxMocks(repo, rel, ast, text);
  if (want('no-mocked-subject')) mockedSubject(repo, rel, ast, text);
}

// ---------- no-permissive-assertion (line regexes) ----------
const STATUS_WORD = /status|code|state|result|outcome|conclusion|phase|ok\b|success|valid/i;
function permissive(repo, rel, src, lines, ast, text) {
  const pats = [
    [/expect\(\s*\[[^\]]*\]\s*\)\s*\.\s*(?:not\.)?(?:toContain|toContainEqual|to\.include|to\.contain|includes)\(/, 'literal set toContain'],
    [/toBeOneOf\(|\.oneOf\(|assert\.oneOf\(|expect\.toBeOneOf/, 'oneOf'],
    [/\[\s*(?:[1-5]\d\d|['"][a-z_]+['"]|true|false)\s*,[^\]]*\]\s*\.includes\(/i, '[..].includes'],
    [/not\s*\.\s*(?:toBe|toEqual|toStrictEqual|to\.equal|to\.eql|equal|eql)\(\s*[1-5]\d\d\s*\)/, 'negative status'],
    [/not(?:Strict)?(?:Deep)?Equal\([^)]*,\s*[1-5]\d\d\s*[,)]/, 'notEqual status'],
    [/(?:!==?|!=)\s*[1-5]\d\d\b/, '!== status'],
    [/(?:toBeGreaterThanOrEqual|toBeGreaterThan|toBeLessThan|toBeLessThanOrEqual|greaterThan|lessThan|above|below|least|most|isAbove|isBelow|isAtLeast|isAtMost)\(\s*[1-5]\d\d\s*\)/, 'status range'],
    [/(?:status|code)\w*\)?\s*(?:>=|<=|<|>)\s*[1-5]\d\d\b/i, 'status compare'],
    [/within\(\s*[1-5]\d\d\s*,\s*[1-5]\d\d\s*\)/, 'within'],
    [/===?\s*[1-5]\d\d\s*\|\||\|\|\s*[\w.()]+\s*===?\s*[1-5]\d\d/, 'status disjunction'],
    [/===?\s*['"](?:completed|failed|success|error|fulfilled|rejected|active|ok)['"]\s*\|\|/i, 'state disjunction'],
    [/\[\s*true\s*,\s*false\s*\]|\[\s*false\s*,\s*true\s*\]/, 'both booleans'],
  ];
  lines.forEach((line, i) => {
    if (!/expect|assert|should|\.to\.|ok\(|equal/i.test(line) && !/\.includes\(|within/.test(line)) return;
    for (const [re, hint] of pats) {
      if (re.test(line)) {
        if (hint === '!== status' && !/(expect|assert|ok\()/.test(line)) continue;
        if ((hint === 'literal set toContain' || hint === 'oneOf' || hint === '[..].includes') && !(/[1-5]\d\d/.test(line) || STATUS_WORD.test(line) || /true|false/.test(line)))
          continue;
        report('no-permissive-assertion', repo, rel, i + 1, i + 1, `${hint}: ${line.trim()}`);
        break;
      }
    }
  });
  // branches on the outcome with an assertion inside
  if (!ast) return;
  visit(ast, (n) => {
    if (n.type === 'IfStatement' && /(status|statusCode|state)\b[^=]*={2,3}/.test(text(n.test)) && /expect|assert/.test(text(n)) && n.alternate && enclosingTestOrHook(n)) {
      report('no-permissive-assertion', repo, rel, n.loc.start.line, n.loc.end.line, `outcome branch: ${text(n.test)}`);
    }
  });
}

// ---------- no-unawaited-assertion ----------
const PW_MATCHERS = /\.(toBeVisible|toBeHidden|toHaveText|toContainText|toHaveURL|toHaveTitle|toHaveValue|toBeEnabled|toBeDisabled|toBeChecked|toHaveCount|toHaveAttribute|toHaveClass|toBeEditable|toBeFocused|toBeAttached|toHaveScreenshot|toBeEmpty|toBeInViewport|toHaveValues|toHaveCSS|toHaveId)\(\)$/;
function unawaitedAssertion(repo, rel, ast, text) {
  visit(ast, (n) => {
    if (n.type !== 'ExpressionStatement') return;
    let e = n.expression;
    if (e.type === 'ChainExpression') e = e.expression;
    if (e.type !== 'CallExpression' && e.type !== 'MemberExpression') return;
    const t = exprText(e);
    let kind = null;
    if (/^expect\(\)(\.not)?\.(resolves|rejects)|^expect\.poll\(\)|\.(resolves|rejects)\.(not\.)?to/.test(t) && /expect/.test(t)) kind = 'resolves/rejects';
    else if (/^(assert|t\.assert|assert\.strict)\.(rejects|doesNotReject)\(\)$/.test(t)) kind = 'assert.rejects';
    else if (/\.eventually\.|\.(rejectedWith|rejected|fulfilled|become)\b|^assert\.(isRejected|isFulfilled|becomes|eventually)/.test(t)) kind = 'chai-as-promised';
    else if (/^expectAsync\(\)/.test(t)) kind = 'expectAsync';
    else if (/^expect\(\)(\.not)?(\.soft)?/.test(t) && PW_MATCHERS.test(t) && /page|locator|getBy|frame|\$/i.test(text(e))) kind = 'playwright';
    else if (/^(request|supertest|agent|request\.agent\(\))\(\).*\.expect\(\)$/.test(t) || /^(request|agent|api|server)\w*\.(get|post|put|patch|delete|head)\(\).*\.expect\(\)$/.test(t)) {
      const last = e.type === 'CallExpression' ? e.arguments[e.arguments.length - 1] : null;
      if (!last || !(last.type === 'Identifier' && /done|cb|callback|next/.test(last.name)) && !(last.type.includes('Function'))) kind = 'supertest';
    }
    if (!kind) return;
    const owner = enclosing(n, (p) => p.type.includes('Function'));
    const isAsync = owner?.async ? 'async fn' : 'sync fn';
    const done = owner && owner.params.some((p) => p.type === 'Identifier' && /^(done|cb|next|callback)$/.test(p.name)) ? ' has-done' : '';
    report('no-unawaited-assertion', repo, rel, n.loc.start.line, n.loc.end.line, `${kind} (${isAsync}${done}): ${text(n).split('\n')[0]}`);
  });
}

// ---------- no-unawaited-async-mock ----------
function unawaitedAsyncMock(repo, rel, ast, text) {
  const asyncMocks = new Map(); // name text -> line
  const asyncFns = new Set();
  visit(ast, (n) => {
    if (n.type === 'CallExpression' && n.callee.type === 'MemberExpression' && !n.callee.computed) {
      const m = n.callee.property.name;
      const recv = n.callee.object;
      let asyncy = /^(mockResolvedValue|mockResolvedValueOnce|mockRejectedValue|mockRejectedValueOnce|resolves|rejects|resolveTo|rejectWith|thenResolve|thenReject)$/.test(m);
      if (/^(mockImplementation|mockImplementationOnce|callsFake)$/.test(m) && n.arguments[0] && (n.arguments[0].async || /Promise\.(resolve|reject)/.test(text(n.arguments[0])))) asyncy = true;
      if (/^(mockReturnValue|mockReturnValueOnce|returns)$/.test(m) && n.arguments[0] && /Promise\.(resolve|reject)|new Promise/.test(text(n.arguments[0]))) asyncy = true;
      if (/^(mockReturnValue|mockReturnValueOnce|returns)$/.test(m) && n.arguments[0] && /^Promise\.reject/.test(text(n.arguments[0]))) {
        report('no-unawaited-async-mock', repo, rel, n.loc.start.line, n.loc.end.line, `returns Promise.reject at setup: ${text(n).slice(0, 120)}`);
      }
      if (asyncy) {
        // find base double: strip chained config calls
        let base = recv;
        while (base.type === 'CallExpression' && base.callee.type === 'MemberExpression' && /^(mock\w+|resolves|rejects|returns|withArgs|onCall|onFirstCall|onSecondCall|and|callsFake)$/.test(base.callee.property.name)) base = base.callee.object;
        let name = null;
        if (base.type === 'CallExpression' && /spyOn|stub$|replace/.test(calleeName(base)) && base.arguments.length >= 2 && base.arguments[1].type === 'Literal') {
          name = `${exprText(base.arguments[0])}.${base.arguments[1].value}`;
        } else if (base.type === 'CallExpression' && /^(vi|jest)\.mocked\(\)$/.test(exprText(base)) && base.arguments[0]) {
          name = exprText(base.arguments[0]);
        } else if (base.type === 'Identifier' || base.type === 'MemberExpression') {
          name = exprText(base);
        } else if (base.type === 'CallExpression') {
          // const x = vi.fn().mockResolvedValue(..)
          const decl = enclosing(n, (p) => p.type === 'VariableDeclarator' || p.type === 'AssignmentExpression' || p.type === 'Property');
          if (decl?.type === 'VariableDeclarator' && decl.id.type === 'Identifier') name = decl.id.name;
          else if (decl?.type === 'AssignmentExpression') name = exprText(decl.left);
          else if (decl?.type === 'Property' && decl.key.type === 'Identifier') name = `*.${decl.key.name}`;
        }
        // assertion APIs that share the method names (assert.rejects, expect(p).rejects) are not mocks
        if (name && !name.startsWith('<') && !/^(assert|t\.assert|expect|chai|should)\b/.test(name) && !/expect\(/.test(text(recv))) asyncMocks.set(name, n.loc.start.line);
      }
    }
    if (n.type === 'CallExpression' && /^(vi|jest)\.fn$/.test(calleeName(n)) && n.arguments[0] && n.arguments[0].async) {
      const decl = enclosing(n, (p) => p.type === 'VariableDeclarator' || p.type === 'Property');
      if (decl?.type === 'VariableDeclarator' && decl.id.type === 'Identifier') asyncMocks.set(decl.id.name, n.loc.start.line);
      if (decl?.type === 'Property' && decl.key.type === 'Identifier') asyncMocks.set(`*.${decl.key.name}`, n.loc.start.line);
    }
    if ((n.type === 'FunctionDeclaration' && n.async && n.id) || (n.type === 'VariableDeclarator' && n.id.type === 'Identifier' && n.init && n.init.type.includes('Function') && n.init.async)) {
      if (!enclosingTestOrHook(n)) asyncFns.add(n.id.name);
    }
  });
  visit(ast, (n) => {
    if (n.type !== 'ExpressionStatement') return;
    const e = n.expression.type === 'ChainExpression' ? n.expression.expression : n.expression;
    if (e.type !== 'CallExpression') return;
    const owner = enclosingTestOrHook(n);
    if (!owner) return;
    const fn = enclosing(n, (p) => p.type.includes('Function'));
    const callee = exprText(e.callee);
    let hit = asyncMocks.has(callee) ? callee : null;
    if (!hit && e.callee.type === 'MemberExpression' && !e.callee.computed && asyncMocks.has(`*.${e.callee.property.name}`)) hit = `*.${e.callee.property.name}`;
    if (hit) {
      report('no-unawaited-async-mock', repo, rel, n.loc.start.line, n.loc.end.line, `dropped call of async mock ${hit} (cfg line ${asyncMocks.get(hit)}, ${fn?.async ? 'async' : 'sync'} fn): ${text(n).split('\n')[0]}`);
      return;
    }
    if (e.callee.type === 'Identifier' && asyncFns.has(e.callee.name) && fn) {
      const done = fn.params.length > 0 ? ' (has param)' : '';
      report('no-unawaited-async-mock', repo, rel, n.loc.start.line, n.loc.end.line, `dropped same-file async fn in ${fn.async ? 'async' : 'sync'} ${isHookCall(owner) ? 'hook' : 'test'}${done}: ${text(n).split('\n')[0]}`);
    }
  });
}

// ---------- no-magic-retry-count ----------
const RETRY_WORDS = /\b(retry|retries|retrying|retried|backoff|back-off|attempts?|reconnect\w*|re-?try)\b/i;
function splitWords(s) {
  return s.replace(/([a-z])([A-Z])/g, '$1 $2');
}
function magicRetry(repo, rel, ast, text, src) {
  const fileRetry = RETRY_WORDS.test(splitWords(src));
  if (!fileRetry) return;
  visit(ast, (n) => {
    if (n.type !== 'CallExpression' && n.type !== 'MemberExpression') return;
    let count = null;
    if (n.type === 'CallExpression') {
      const t = exprText(n.callee);
      const a = n.arguments;
      if (/\.(toHaveBeenCalledTimes|toBeCalledTimes|toHaveCallCount|callCount)$/.test(t) && a[0]?.type === 'Literal') count = a[0].value;
      else if (/\.toHaveLength$/.test(t) && /\.mock\.calls|calls|attempts|tries|requests/i.test(text(n.callee)) && a[0]?.type === 'Literal') count = a[0].value;
      else if (/\.(toBe|toEqual|toStrictEqual|equal|equals|eql|strictEqual)$/.test(t) && a[0]?.type === 'Literal' && /attempt|retr|tries|callCount|calls\.length|count|\.length/i.test(text(n.callee))) count = a[0].value;
      else if (/^(assert|t\.assert|assert\.strict)\.(equal|strictEqual|deepEqual|deepStrictEqual)$/.test(t) && a.length >= 2) {
        const lit = a.find((x) => x.type === 'Literal' && typeof x.value === 'number');
        const other = a.find((x) => x !== lit);
        if (lit && other && /attempt|retr|tries|callCount|calls\.length|count|\.length|callCount\(\)/i.test(text(other))) count = lit.value;
      } else if (/^sinon\.assert\.callCount$/.test(t) && a[1]?.type === 'Literal') count = a[1].value;
    } else if (n.type === 'MemberExpression' && !n.computed && /^(calledTwice|calledThrice)$/.test(n.property.name)) {
      count = n.property.name === 'calledTwice' ? 2 : 3;
    }
    if (typeof count !== 'number' || count < 2) return;
    const test = enclosing(n, isTestCall);
    if (!test) return;
    const titles = [titleOf(test)];
    for (let p = test.parent; p; p = p.parent) if (isDescribeCall(p)) titles.push(titleOf(p));
    const titleRetry = RETRY_WORDS.test(splitWords(titles.join(' | ')));
    const bodyRetry = RETRY_WORDS.test(splitWords(text(test)));
    if (!titleRetry && !bodyRetry) return;
    const stmt = enclosing(n, (p) => p.type === 'ExpressionStatement') || n;
    report('no-magic-retry-count', repo, rel, stmt.loc.start.line, stmt.loc.end.line, `count ${count} (${titleRetry ? 'title' : 'body'} retry) [${titles[0].slice(0, 60)}]: ${text(stmt).split('\n')[0]}`);
  });
}

// ---------- max-mocks-per-test ----------
const SHIM = /matchMedia|ResizeObserver|IntersectionObserver|MutationObserver|scrollTo|scrollIntoView|requestAnimationFrame|localStorage|sessionStorage|createObjectURL|revokeObjectURL|Storage\.prototype/;
function mockEntries(scopeNode, text, { stopAtNested }) {
  // collect replacement keys in scopeNode, not descending into nested tests/describes/hooks when stopAtNested
  const keys = new Map();
  const add = (k, n) => {
    if (!keys.has(k)) keys.set(k, n.loc.start.line);
  };
  const rec = (n, depth) => {
    if (depth > 0 && stopAtNested && n.type === 'CallExpression' && (isTestCall(n) || isDescribeCall(n) || isHookCall(n) || /^(afterEach|afterAll|after)$/.test(calleeName(n)))) return;
    if (n.type === 'CallExpression') {
      const t = calleeName(n);
      const a = n.arguments;
      const inFactory = enclosing(n, (p) => p.type === 'CallExpression' && /^(vi|jest)\.(mock|doMock|hoisted)$|unstable_mockModule/.test(calleeName(p)));
      if (/^(vi|jest)\.(mock|doMock|unstable_mockModule)$|^(t\.)?mock\.module$|^td\.replace(Esm)?$/.test(t) && a[0]?.type === 'Literal' && typeof a[0].value === 'string') {
        add(`module:${a[0].value}`, n);
      } else if (!inFactory) {
        const k2 = a[1] && a[1].type === 'Literal' ? a[1].value : null;
        if (/(^|\.)spyOn$/.test(t) && a[0] && k2 != null) {
          const recv = exprText(a[0]);
          const k = `${recv}.${k2}`;
          const parentCall = n.parent?.type === 'MemberExpression' ? n.parent.parent : null;
          const cfg = parentCall?.type === 'CallExpression' ? exprText(parentCall.callee) : '';
          const chained = /\.(and\.callThrough)$/.test(cfg);
          if (!SHIM.test(k) && !chained) add(`spy:${k}${/mock|and\.|returns|callsFake/.test(cfg) ? '' : ' (no-impl?)'}`, n);
        } else if (/^(sinon|sandbox|this\.sandbox|sb|box|\w*[sS]andbox)\.(stub|replace|replaceGetter|replaceSetter)$|^(t\.)?mock\.(method|getter|setter)$|^td\.replace$/.test(t) && a[0] && a.length >= 2 && k2 != null) {
          if (!SHIM.test(`${exprText(a[0])}.${k2}`)) add(`stub:${exprText(a[0])}.${k2}`, n);
        } else if (/^(sinon|sandbox|\w*[sS]andbox)\.stub$/.test(t) && a.length === 1) {
          add(`stubobj:${exprText(a[0])}`, n);
        } else if (/^(vi|jest)\.(stubGlobal|stubEnv|replaceProperty)$/.test(t)) {
          const k = a[0]?.type === 'Literal' ? a[0].value : exprText(a[0]);
          if (!SHIM.test(String(k))) add(`${t}:${k}${a[1]?.type === 'Literal' ? '.' + a[1].value : ''}`, n);
        } else if (/createSpyObj$/.test(t)) {
          add(`spyobj:${text(n).slice(0, 40)}`, n);
        } else if (/createStubInstance$|^td\.object$/.test(t)) {
          add(`instance:${text(n).slice(0, 40)}`, n);
        } else if ((/^(vi|jest)\.fn$|^(t\.)?mock\.fn$|^sinon\.fake(\.\w+)?$/.test(t) && a.length > 0) || /\.(mockReturnValue|mockResolvedValue|mockRejectedValue|mockImplementation|returns|resolves|rejects|callsFake)(Once)?$/.test(t)) {
          // standalone double with behaviour: key by the holder (variable / object literal root / receiver)
          let holder;
          const obj = enclosing(n, (p) => p.type === 'ObjectExpression' && !enclosing(p, (q) => q.type === 'ObjectExpression'));
          const decl = enclosing(n, (p) => p.type === 'VariableDeclarator' || p.type === 'AssignmentExpression');
          if (/\.(mock\w+|returns|resolves|rejects|callsFake)(Once)?$/.test(t)) {
            let base = n.callee.object;
            while (base.type === 'CallExpression' && base.callee.type === 'MemberExpression' && /^(mock\w+|returns|resolves|rejects|callsFake|withArgs|onCall|onFirstCall)$/.test(base.callee.property.name)) base = base.callee.object;
            if (base.type === 'CallExpression' && /spyOn|stub$/.test(calleeName(base))) return; // counted as spy/stub
            if (base.type === 'CallExpression' && /^(vi|jest)\.mocked$/.test(calleeName(base))) holder = `cfg:${exprText(base.arguments[0])}`;
            else if (base.type === 'CallExpression' && /^(vi|jest)\.fn$|sinon\.stub$/.test(calleeName(base))) holder = obj ? `fake@${obj.loc.start.line}` : decl ? `double:${decl.id ? exprText(decl.id) : exprText(decl.left)}` : `double@${n.loc.start.line}`;
            else holder = `cfg:${exprText(base)}`;
          } else {
            holder = obj ? `fake@${obj.loc.start.line}` : decl ? `double:${decl.id ? exprText(decl.id) : exprText(decl.left)}` : `double@${n.loc.start.line}`;
          }
          add(holder, n);
        }
      }
    }
    for (const c of children(n)) rec(c, depth + 1);
  };
  rec(scopeNode, 0);
  return keys;
}
function maxMocks(repo, rel, ast, text) {
  if (/mock|spy|stub|fake/i.test(path.basename(rel).replace(/\.(test|spec).*/, '')) && /(^|[-_.])(mock|spy|stub)s?([-_.]|$)/i.test(path.basename(rel))) return;
  const fileKeys = mockEntries(ast, text, { stopAtNested: true });
  const imported = new Set();
  visit(ast, (n) => {
    if (n.type === 'ImportDeclaration') for (const sp of n.specifiers) imported.add(sp.local.name);
    if (n.type === 'VariableDeclarator' && n.init && /require\(|import\(/.test(text(n.init)) && n.id.type === 'Identifier') imported.add(n.id.name);
  });
  // module mocks anywhere (hoisted) at top level already included; also include jest.mock inside describes
  visit(ast, (n) => {
    if (!isTestCall(n)) return;
    const total = new Map(fileKeys);
    const origin = { file: fileKeys.size, hooks: 0, describe: 0, test: 0 };
    const chain = [];
    for (let p = n.parent; p; p = p.parent) if (isDescribeCall(p)) chain.push(p);
    for (const d of chain) {
      const body = fnArg(d);
      if (!body) continue;
      const dk = mockEntries(body.body, text, { stopAtNested: true });
      for (const [k, v] of dk) if (!total.has(k)) {
        total.set(k, v);
        origin.describe++;
      }
      // hooks directly in this describe
      for (const st of body.body.body || []) {
        if (st.type === 'ExpressionStatement' && isHookCall(st.expression)) {
          const hk = mockEntries(st.expression, text, { stopAtNested: false });
          for (const [k, v] of hk) if (!total.has(k)) {
        total.set(k, v);
        origin.hooks++;
      }
        }
      }
    }
    // top-level hooks
    for (const st of ast.body) {
      if (st.type === 'ExpressionStatement' && isHookCall(st.expression)) {
        const hk = mockEntries(st.expression, text, { stopAtNested: false });
        for (const [k, v] of hk) if (!total.has(k)) {
        total.set(k, v);
        origin.hooks++;
      }
      }
    }
    const body = fnArg(n);
    if (body) {
      const tk = mockEntries(body, text, { stopAtNested: false });
      for (const [k, v] of tk) if (!total.has(k)) {
        total.set(k, v);
        origin.test++;
      }
    }
    for (const k of [...total.keys()]) {
      if (k.endsWith(' (no-impl?)')) total.delete(k); // call-through spy: not a replacement
      else if (k.startsWith('cfg:') && imported.has(k.slice(4).split('.')[0])) total.delete(k); // configuring a module mock
    }
    if (total.size > 5) {
      report('max-mocks-per-test', repo, rel, n.loc.start.line, n.loc.end.line, `${total.size} (file ${origin.file}, describe ${origin.describe}, hooks ${origin.hooks}, test ${origin.test}) [${titleOf(n).slice(0, 50)}] ${[...total.keys()].join(', ').slice(0, 400)}`);
    }
  });
}

// ---------- no-mocked-subject ----------
function subjectCandidates(rel) {
  const dir = path.posix.dirname(rel);
  const base = path.posix.basename(rel).replace(/\.(c|m)?(j|t)sx?$/, '');
  let name = base.replace(/[.-](test|spec|e2e|int|integration|unit)$/, '').replace(/[.-](test|spec)$/, '');
  const res = new Set();
  const isTestsDir = /(^|\/)(__tests__|__test__|test|tests|spec|specs)$/.test(dir);
  res.add(path.posix.join(dir, name));
  if (isTestsDir) {
    const up = path.posix.dirname(dir);
    res.add(path.posix.join(up, name));
    res.add(path.posix.join(up, 'src', name));
    res.add(path.posix.join(up, 'lib', name));
  }
  // test/foo/bar.test.ts -> src/foo/bar, lib/foo/bar
  const m = rel.match(/^(.*?)(?:^|\/)(test|tests|spec)\/(.*)$/);
  if (m) {
    const pre = m[1] ? m[1] + '/' : '';
    const restDir = path.posix.dirname(m[3]);
    for (const r of ['src', 'lib', '']) res.add(path.posix.normalize(path.posix.join(pre + r, restDir === '.' ? '' : restDir, name)));
  }
  return { name, paths: [...res].map((p) => p.replace(/\/index$/, '')) };
}
function mockedSubject(repo, rel, ast, text) {
  const { name, paths } = subjectCandidates(rel);
  if (!name || name === 'index') return;
  const dir = path.posix.dirname(rel);
  const resolves = (spec) => {
    if (typeof spec !== 'string' || !spec.startsWith('.')) return false;
    const p = path.posix.normalize(path.posix.join(dir, spec)).replace(/\.(c|m)?(j|t)sx?$/, '').replace(/\/index$/, '');
    return paths.includes(p);
  };
  const subjectNs = new Set();
  let loadsSubject = false;
  visit(ast, (n) => {
    if (n.type === 'ImportDeclaration' && resolves(n.source.value) && n.importKind !== 'type') {
      loadsSubject = true;
      for (const s of n.specifiers) if (s.type === 'ImportNamespaceSpecifier' || s.type === 'ImportDefaultSpecifier') subjectNs.add(s.local.name);
    }
    if (n.type === 'CallExpression' && (calleeName(n) === 'require' || n.callee.type === 'Import') && resolves(n.arguments[0]?.value)) {
      loadsSubject = true;
      const d = enclosing(n, (p) => p.type === 'VariableDeclarator');
      if (d && d.id.type === 'Identifier') subjectNs.add(d.id.name);
    }
    if (n.type === 'ImportExpression' && resolves(n.source?.value)) {
      loadsSubject = true;
      const d = enclosing(n, (p) => p.type === 'VariableDeclarator');
      if (d && d.id.type === 'Identifier') subjectNs.add(d.id.name);
    }
  });
  // assignment-style replacement on an object named like the subject: ctx.UserGetter.promises.getUser = sinon.stub()...
  const subjectObj = new RegExp(`(^|\\.)${name.replace(/[^\w$]/g, '')}(\\.promises)?\\.\\w+$`, 'i');
  visit(ast, (n) => {
    if (n.type === 'AssignmentExpression' && n.left.type === 'MemberExpression' && subjectObj.test(exprText(n.left)) && /^(sinon|sandbox|\w*[sS]andbox|vi|jest)\.(stub|fn|fake)\b/.test(text(n.right)) && /\.(returns|resolves|rejects|callsFake|callsArg\w*|yields|mock\w+)\(|\.fn\(\s*[^)\s]/.test(text(n.right))) {
      report('no-mocked-subject', repo, rel, n.loc.start.line, n.loc.end.line, `assignment of a programmed stub onto the subject object: ${text(n).split('\n')[0]}`);
    }
  });
  visit(ast, (n) => {
    if (n.type !== 'CallExpression') return;
    const t = calleeName(n);
    const a = n.arguments;
    if (/^(vi|jest)\.(mock|doMock|unstable_mockModule)$|^(t\.)?mock\.module$|^td\.replace(Esm)?$/.test(t) && a[0]?.type === 'Literal' && typeof a[0].value === 'string') {
      const spec = a[0].value;
      const base = spec.replace(/\.(c|m)?(j|t)sx?$/, '').replace(/\/index$/, '').split('/').pop();
      if (resolves(spec)) report('no-mocked-subject', repo, rel, n.loc.start.line, n.loc.end.line, `module mock of subject ${name} (loads subject: ${loadsSubject}): ${text(n).split('\n')[0]}`);
      else if (!spec.startsWith('.') && spec.includes('/') && base.toLowerCase() === name.toLowerCase())
        report('no-mocked-subject', repo, rel, n.loc.start.line, n.loc.end.line, `module mock whose basename is the subject's (alias? check the path): ${text(n).split('\n')[0]}`);
    }
    if (/(^|\.)spyOn$|^(sinon|sandbox|\w*[sS]andbox)\.(stub|replace)$|^(t\.)?mock\.method$|^td\.replace$/.test(t) && a[0]?.type === 'Identifier' && subjectNs.has(a[0].name)) {
      report('no-mocked-subject', repo, rel, n.loc.start.line, n.loc.end.line, `replace on subject namespace ${a[0].name}: ${text(n.parent?.parent ?? n).split('\n')[0].slice(0, 120)}`);
    }
  });
}

// ---------- main ----------
for (const repo of fs.readdirSync(corpus).sort()) {
  const root = path.join(corpus, repo);
  if (!fs.statSync(root).isDirectory()) continue;
  if (onlyRepo && repo !== onlyRepo) continue;
  for (const f of walkFiles(root)) {
    const rel = path.relative(root, f).split(path.sep).join('/');
    const src = fs.readFileSync(f, 'utf8');
    try {
      analyse(repo, rel, src);
    } catch (err) {
      console.error(`skip ${repo}/${rel}: ${err.message}`);
    }
  }
}
console.log(out.join('\n'));
