import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/types';

import { isFunction, nameWords } from '../../ast/nodes.js';
import type { MockRecord } from '../../model/index.js';

/**
 * Replacements that are not collaborators of the code under test: output sinks silenced or
 * observed (console, loggers), spies that call through, the test's input (environment variables,
 * constants, prompt answers). A reviewer counting "what does this test fake?" would not count them.
 */

const lastSegment = (name: string): string => name.slice(name.lastIndexOf('.') + 1);

/** Objects that are output and nothing else: any replacement of their methods is a silencer. */
const OUTPUT_OBJECTS: readonly string[] = ['console', 'process.stdout', 'process.stderr'];
/** Words that name a logger object (`logger`, `this.log`, `mockLogger`). */
const LOGGER_WORDS: ReadonlySet<string> = new Set(['log', 'logger', 'loggers', 'logging', 'logs']);
/** Methods that only write a message somewhere (`warn`, `logError`, `debug`), whoever they belong to. */
const SINK_METHOD_WORDS: ReadonlySet<string> = new Set(['log', 'logs', 'warn', 'warning', 'info', 'debug', 'trace', 'verbose', 'silly']);
/** Module specifiers (their last path segment) that are loggers. */
const LOGGER_MODULES: ReadonlySet<string> = new Set(['logger', 'loggers', 'log', 'logging', 'debug', 'pino', 'winston', 'loglevel', 'consola', 'signale', 'npmlog', 'log4js']);

/**
 * Module specifiers (their last path segment, or a scope) that only record what happened: metrics,
 * error reporting, product analytics, audit trails. Like a logger, the code sends to them and reads nothing back.
 */
const OBSERVABILITY_MODULES: ReadonlySet<string> = new Set([
  'metrics', 'statsd', 'hot-shots', 'prom-client', 'sentry', 'newrelic', 'dd-trace', 'telemetry', 'analytics', 'posthog',
  'posthog-node', 'audit-log', 'audit-logs', 'instrumentation',
]);
const OBSERVABILITY_SCOPES: readonly string[] = ['@sentry/', '@opentelemetry/'];

/** Words that name a recorder on their own: product analytics, telemetry, metrics. */
const RECORDER_WORDS: ReadonlySet<string> = new Set(['analytics', 'telemetry', 'metrics', 'posthog', 'statsd', 'sentry']);

/** Module specifiers whose replacement scripts the user's answers: the test's input. */
const PROMPT_MODULES: ReadonlySet<string> = new Set(['inquirer', 'prompts', 'enquirer', 'prompt', 'prompts.js', 'readline-sync', '@clack/prompts', '@inquirer/prompts']);
/**
 * A command-line tool's terminal I/O modules by their last path segment (`@shopify/cli-kit/node/ui`,
 * `…/node/output`, `./theme-ui.js`, `../prompts/options-prompt.js`): they script the user's answers
 * and take what the command prints, like `inquirer` and `console`.
 */
const TERMINAL_IO = /(?:^|[-_])(?:prompts?|ui|output)$/u;
/** Objects whose methods ask the user. */
const PROMPT_OBJECTS: ReadonlySet<string> = new Set(['inquirer', 'prompts', 'enquirer', 'prompt', 'prompter', 'clack']);
/** Modules that hold values, not behaviour: replacing them sets the test's input. */
const VALUE_MODULES: ReadonlySet<string> = new Set(['constants', 'constant', 'consts', 'const', 'env', 'environment', 'settings', 'config', 'configuration']);
/**
 * Objects that are the request a handler receives and the response it writes (`req.session.save`,
 * `res.json`, `ctx.res.send`): stubbing them builds the test's input and observes its output.
 */
const REQUEST_OBJECTS: ReadonlySet<string> = new Set(['req', 'res', 'request', 'response', 'reply']);
/** What a process reports about its environment: replacing these sets the input. */
const PROCESS_INPUTS: readonly string[] = ['process.env', 'process.platform', 'process.arch', 'process.argv', 'process.version', 'process.versions', 'process.execPath', 'process.stdout.isTTY', 'process.stdin.isTTY'];

/** Configurations that program a return value (and so a result someone reads). */
const RETURN_CONFIGS: ReadonlySet<string> = new Set([
  'mockReturnValue', 'mockReturnValueOnce', 'mockResolvedValue', 'mockResolvedValueOnce', 'mockReturnThis',
  'returns', 'resolves', 'returnsArg', 'resolvesArg', 'returnsThis', 'resolvesThis', 'returnValue', 'returnValues', 'resolveTo', 'thenReturn', 'thenResolve', 'value', 'get',
]);
const IMPLEMENTATION_CONFIGS: ReadonlySet<string> = new Set(['mockImplementation', 'mockImplementationOnce', 'callsFake', 'callFake', 'thenDo', 'withImplementation']);

/** The last path segment of a module specifier, without extension: `../utils/logger.js` → `logger`. */
function moduleBase(specifier: string): string {
  if (specifier.startsWith('@') && !specifier.slice(1).includes('/')) {
    return specifier;
  }
  const base = specifier.slice(specifier.lastIndexOf('/') + 1);
  return base.replace(/\.(?:[cm]?[jt]sx?)$/u, '');
}

const isUndefinedValue = (node: TSESTree.Node): boolean =>
  (node.type === AST_NODE_TYPES.Identifier && node.name === 'undefined') || (node.type === AST_NODE_TYPES.UnaryExpression && node.operator === 'void');

/** A value handed back that somebody could read: not `undefined`, not the result of passing the message on (`(m) => console.warn(m)`). */
function isReadableValue(node: TSESTree.Node | undefined): boolean {
  return node !== undefined && !isUndefinedValue(node) && node.type !== AST_NODE_TYPES.CallExpression;
}

/** An implementation returns a readable value: an arrow's expression body, or a `return x` directly in its block. */
function implementationReturns(node: TSESTree.Node | undefined): boolean {
  if (node === undefined || !isFunction(node)) {
    // A named function handed over: we cannot see what it returns, so it may program a result.
    return node !== undefined && node.type !== AST_NODE_TYPES.Identifier;
  }
  if (node.body.type !== AST_NODE_TYPES.BlockStatement) {
    return isReadableValue(node.body);
  }
  return node.body.body.some((statement) => statement.type === AST_NODE_TYPES.ReturnStatement && statement.argument !== null && isReadableValue(statement.argument));
}

/** The mock, as made or as configured, hands back a value someone can read. */
function programsAResult(mock: MockRecord, implementationIndex: number): boolean {
  if (implementationReturns(mock.node.arguments[implementationIndex])) {
    return true;
  }
  return mock.configs.some((config) => {
    if (RETURN_CONFIGS.has(config.method)) {
      const value = config.args[0];
      return value !== undefined && !isUndefinedValue(value);
    }
    return IMPLEMENTATION_CONFIGS.has(config.method) && implementationReturns(config.args[0]);
  });
}

/** Where the implementation argument of a creation call sits: `vi.fn(impl)` 0, `spyOn(o, 'm', impl)` 2. */
const implementationIndexOf = (mock: MockRecord): number => (mock.kind === 'function' ? 0 : 2);

/** The replaced name a sink is recognised by: the target of a replacement, else the name a double is stored under. */
function replacedName(mock: MockRecord): string | null {
  if (mock.kind === 'property') {
    return mock.target;
  }
  // `logger.info = jest.fn()`: a double assigned onto an object member.
  const key = mock.keys[0];
  return key !== undefined && key.includes('.') ? key : null;
}

/** A silenced or observed output: console, process output streams, a logger module or a logger's methods. */
function isOutputSink(mock: MockRecord): boolean {
  if (mock.kind === 'module') {
    // A recorder (metrics, analytics, audit log) counts with no factory at all: the code never reads
    // a decision back from it, even when its stand-in hands back a timer to stop.
    return mock.specifier !== null && isSinkModule(mock.specifier) && (mock.factory === null || factoryIsSilent(mock.factory) || isRecorderModule(mock.specifier));
  }
  const key = mock.keys[0];
  if (mock.kind === 'function' && key !== undefined && namesRecorder(lastSegment(key)) && !programsAResult(mock, 0)) {
    // `const segmentAnalyticsIdentifyMock = jest.fn()`: an analytics or audit call the code does not read back.
    return true;
  }
  const name = replacedName(mock);
  if (name === null) {
    return false;
  }
  const object = name.includes('.') ? name.slice(0, name.lastIndexOf('.')) : '';
  const outputObject = OUTPUT_OBJECTS.some((output) => object === output || object.endsWith(`.${output}`));
  if (outputObject || name === 'console') {
    return true;
  }
  const method = lastSegment(name);
  // `logger`, `this.log`, `Logger.prototype`: some segment of the object names a logger.
  const loggerObject = object.split('.').some((segment) => nameWords(segment).some((word) => LOGGER_WORDS.has(word)) || namesRecorder(segment));
  const sinkMethod = nameWords(method)[0] !== undefined && SINK_METHOD_WORDS.has(nameWords(method)[0] ?? '');
  return (loggerObject || sinkMethod) && !programsAResult(mock, implementationIndexOf(mock));
}

/** A logger, metrics, error-reporting, analytics or audit module. */
export function isSinkModule(specifier: string): boolean {
  const base = moduleBase(specifier);
  // `@/modules/ee/audit-logs/lib/handler`: a folder of the path names the audit trail.
  return (
    LOGGER_MODULES.has(base) ||
    OBSERVABILITY_MODULES.has(base) ||
    OBSERVABILITY_SCOPES.some((scope) => specifier.startsWith(scope)) ||
    specifier.includes('/audit-logs/') ||
    namesRecorder(base)
  );
}

/** A metrics, error-reporting, analytics or audit module (not a logger, whose `child()` may hand back a fake that is read). */
function isRecorderModule(specifier: string): boolean {
  const base = moduleBase(specifier);
  return OBSERVABILITY_MODULES.has(base) || OBSERVABILITY_SCOPES.some((scope) => specifier.startsWith(scope)) || specifier.includes('/audit-logs/') || namesRecorder(base);
}

/** `AnalyticsManager`, `UserAuditLogHandler`, `telemetry-client`, `metricsReporter`: a module named for recording what happened. */
export function namesRecorder(name: string): boolean {
  const words = nameWords(name);
  return words.some((word) => RECORDER_WORDS.has(word)) || (words.includes('audit') && words.some((word) => word === 'log' || word === 'logs' || word === 'trail'));
}


/** A double maker call in a factory: `vi.fn(…)`, `jest.fn(…)`, `sinon.stub()`. */
const isDoubleCall = (node: TSESTree.CallExpression): boolean => {
  const callee = node.callee;
  const name = callee.type === AST_NODE_TYPES.MemberExpression && callee.property.type === AST_NODE_TYPES.Identifier ? callee.property.name : callee.type === AST_NODE_TYPES.Identifier ? callee.name : '';
  return name === 'fn' || name === 'stub' || name === 'spy' || name === 'fake';
};

/** Configurations that hand back nothing when given no value. */
const EMPTY_RESULT_CONFIGS: ReadonlySet<string> = new Set(['resolves', 'returns', 'mockResolvedValue', 'mockReturnValue', 'resolveTo', 'returnValue']);

/** `stub.resolves()`, `fn.mockResolvedValue(undefined)`: a configuration that programs no readable result. */
function resolvesNothing(node: TSESTree.CallExpression): boolean {
  const callee = node.callee;
  const first = node.arguments[0];
  return (
    callee.type === AST_NODE_TYPES.MemberExpression &&
    callee.property.type === AST_NODE_TYPES.Identifier &&
    EMPTY_RESULT_CONFIGS.has(callee.property.name) &&
    (first === undefined || isUndefinedValue(first))
  );
}

/** A factory value that hands nothing back: data, a double without a returned value, a function that returns nothing. */
export function isSilentValue(node: TSESTree.Node, depth: number): boolean {
  if (isUndefinedValue(node)) {
    return true;
  }
  if (node.type === AST_NODE_TYPES.AssignmentExpression) {
    // `{ record: (ctx.record = sinon.stub()) }`: the value is what is assigned.
    return depth < 4 && isSilentValue(node.right, depth + 1);
  }
  if (isFunction(node)) {
    return !implementationReturns(node);
  }
  switch (node.type) {
    case AST_NODE_TYPES.Literal:
    case AST_NODE_TYPES.TemplateLiteral:
      return true;
    case AST_NODE_TYPES.CallExpression:
      if (resolvesNothing(node)) {
        // `sinon.stub().resolves()`, `vi.fn().mockResolvedValue(undefined)`: a promise of nothing.
        return depth < 4 && node.callee.type === AST_NODE_TYPES.MemberExpression && isSilentValue(node.callee.object, depth + 1);
      }
      return isDoubleCall(node) && (node.arguments.length === 0 || (node.arguments[0] !== undefined && isFunction(node.arguments[0]) && !implementationReturns(node.arguments[0])));
    case AST_NODE_TYPES.ObjectExpression:
      return depth < 4 && node.properties.every((property) => property.type === AST_NODE_TYPES.Property && isSilentValue(property.value, depth + 1));
    default:
      return false;
  }
}

/** `() => ({ logger: { error: vi.fn() } })`: a sink module's stand-in whose methods return nothing the code could read. */
function factoryIsSilent(factory: NonNullable<MockRecord['factory']>): boolean {
  return factory.body.type !== AST_NODE_TYPES.BlockStatement && isSilentValue(factory.body, 0);
}

/** A spy that keeps the real implementation (`vi.spyOn(o, 'm')`, `mock.method(o, 'm')`, `sinon.spy(o, 'm')`): it observes, it replaces nothing. */
export function callsThrough(mock: MockRecord): boolean {
  if (mock.kind !== 'property' || mock.hasBehaviour) {
    return false;
  }
  const method = lastSegment(mock.api);
  if (mock.library === 'jasmine') {
    // Jasmine spies return undefined unless told to call through.
    return false;
  }
  if (mock.library === 'sinon') {
    return method === 'spy';
  }
  if (mock.library === 'node:test') {
    return method === 'method' || method === 'getter' || method === 'setter';
  }
  // jest, vitest, bun: `spyOn(o, 'm')` and `spyOn(o, 'p', 'get')` keep the original until told otherwise.
  return method === 'spyOn';
}

/** The replacement sets what the test feeds in: environment variables, process facts, constants, a global value, scripted prompt answers. */
function isTestInput(mock: MockRecord): boolean {
  const method = lastSegment(mock.api);
  if (mock.kind === 'module') {
    if (mock.specifier === null) {
      return false;
    }
    const base = moduleBase(mock.specifier);
    return (
      PROMPT_MODULES.has(mock.specifier) ||
      PROMPT_MODULES.has(base) ||
      mock.specifier.startsWith('@inquirer/') ||
      TERMINAL_IO.test(base) ||
      VALUE_MODULES.has(base) ||
      factoryReturnsOnlyValues(mock)
    );
  }
  if (mock.kind !== 'property') {
    // `ctx.req.session.save = sinon.stub()`, `const res = { json: vi.fn() }`, a middleware's `next`.
    const key = mock.keys[0];
    return key !== undefined && (isRequestPart(key) || lastSegment(key) === 'next');
  }
  if (method === 'stubEnv' || method === 'replaceProperty') {
    return true;
  }
  const target = mock.target;
  if (target !== null && PROCESS_INPUTS.some((input) => target === input || target.startsWith(`${input}.`))) {
    return true;
  }
  if (method === 'stubGlobal') {
    const value = mock.node.arguments[1];
    return value !== undefined && (value.type === AST_NODE_TYPES.Literal || value.type === AST_NODE_TYPES.TemplateLiteral || value.type === AST_NODE_TYPES.UnaryExpression);
  }
  if (target === null) {
    return false;
  }
  const object = target.includes('.') ? target.slice(0, target.lastIndexOf('.')) : target;
  return PROMPT_OBJECTS.has(lastSegment(object)) || lastSegment(target) === 'prompt' || isRequestPart(target);
}

/**
 * `req.session.save`, `ctx.res.json`, `this.response.send`: a part of the request or response a
 * handler gets. A bare `request`/`response` at the root may be an HTTP client module (`request.get`), so
 * only `req`/`res` count there.
 */
function isRequestPart(name: string): boolean {
  const segments = name.split('.');
  return segments.slice(0, -1).some((segment, index) => REQUEST_OBJECTS.has(segment) && (index > 0 || segment === 'req' || segment === 'res'));
}

/** `vi.mock('./limits', () => ({ MAX: 3, NAMES: ['a'] }))`: a factory that hands back data only. */
function factoryReturnsOnlyValues(mock: MockRecord): boolean {
  const factory = mock.factory;
  if (factory === null || factory.body.type === AST_NODE_TYPES.BlockStatement) {
    return false;
  }
  const body = factory.body;
  return body.type === AST_NODE_TYPES.ObjectExpression && body.properties.length > 0 && body.properties.every((property) => property.type === AST_NODE_TYPES.Property && isPlainValue(property.value, 0));
}

function isPlainValue(node: TSESTree.Node, depth: number): boolean {
  switch (node.type) {
    case AST_NODE_TYPES.Literal:
    case AST_NODE_TYPES.TemplateLiteral:
      return true;
    case AST_NODE_TYPES.UnaryExpression:
      return isPlainValue(node.argument, depth + 1);
    case AST_NODE_TYPES.ArrayExpression:
      return depth < 4 && node.elements.every((element) => element !== null && isPlainValue(element, depth + 1));
    case AST_NODE_TYPES.ObjectExpression:
      return depth < 4 && node.properties.every((property) => property.type === AST_NODE_TYPES.Property && isPlainValue(property.value, depth + 1));
    default:
      return false;
  }
}

/** Why a replacement is not a collaborator, or null when it is one. */
export function nonCollaborator(mock: MockRecord): 'sink' | 'input' | null {
  if (isOutputSink(mock)) {
    return 'sink';
  }
  return isTestInput(mock) ? 'input' : null;
}
