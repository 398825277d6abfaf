// Editor squiggles: the ESLint language server that VS Code's ESLint extension runs (`vscode-eslint-language-server`
// from `vscode-langservers-extracted`), driven over stdio by a tiny LSP client, on a temp project that uses our
// config. This server version reports diagnostics by pull (`textDocument/diagnostic`, LSP 3.17), as VS Code and
// Neovim ≥ 0.10 request them; it does not push `textDocument/publishDiagnostics`.
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

import { BAD_FINDING, BAD_TEST, FIXED_TEST, PERMISSIVE_MESSAGE, PIN_SUGGESTION, QUALIFIED_RULE_ID, RULE_ID, userProjectFiles } from './support/fixtures.js';
import { LspClient } from './support/lsp-client.js';
import { REPO_MODULES, assertBuilt, createProject, type EslintMajor } from './support/project.js';

// Each test spawns real programs; leave room for a loaded machine.
vi.setConfig({ testTimeout: 90_000, hookTimeout: 90_000 });

interface Position {
  line: number;
  character: number;
}
interface Range {
  start: Position;
  end: Position;
}
interface Diagnostic {
  range: Range;
  message: string;
  severity: number;
  source?: string;
  code?: string;
  codeDescription?: { href: string };
}
interface CodeAction {
  title: string;
  kind?: string;
  diagnostics?: Diagnostic[];
  command?: { title: string; command: string; arguments?: unknown[] };
}
interface TextEdit {
  range: Range;
  newText: string;
}
interface ApplyEditParams {
  edit: { documentChanges?: { textDocument: { uri: string }; edits: TextEdit[] }[]; changes?: Record<string, TextEdit[]> };
}

/** Settings as nvim-lspconfig's `eslint` config sends them (VS Code's extension sends the same keys). */
const serverSettings = (workspaceFolder: string): Record<string, unknown> => ({
  validate: 'on',
  useESLintClass: false,
  experimental: { useFlatConfig: false },
  codeActionOnSave: { enable: false, mode: 'all' },
  format: true,
  quiet: false,
  onIgnoredFiles: 'off',
  rulesCustomizations: [],
  run: 'onType',
  problems: { shortenToSingleLine: false },
  nodePath: '',
  workingDirectory: { mode: 'location' },
  codeAction: { disableRuleComment: { enable: true, location: 'separateLine' }, showDocumentation: { enable: true } },
  workspaceFolder: { uri: pathToFileURL(workspaceFolder).href, name: 'user-project' },
});

const offsetAt = (text: string, position: Position): number => {
  const lines = text.split('\n');
  let offset = 0;
  for (let line = 0; line < position.line; line += 1) {
    offset += (lines[line]?.length ?? 0) + 1;
  }
  return offset + position.character;
};

/** Applies LSP text edits (non-overlapping, any order) to a document's text. */
const applyEdits = (text: string, edits: readonly TextEdit[]): string =>
  [...edits]
    .sort((a, b) => offsetAt(text, b.range.start) - offsetAt(text, a.range.start))
    .reduce((result, edit) => result.slice(0, offsetAt(text, edit.range.start)) + edit.newText + result.slice(offsetAt(text, edit.range.end)), text);

const majors: EslintMajor[] = [10, 9];

describe.each(majors)('vscode-eslint-language-server with ESLint %i', (major) => {
  const project = createProject({
    eslint: major,
    link: ['@typescript-eslint/parser'],
    files: userProjectFiles(false),
  });
  const uri = pathToFileURL(project.path('test/users.test.ts')).href;
  let client: LspClient | undefined;
  let text = BAD_TEST;
  let version = 1;

  const server = (): LspClient => {
    if (client === undefined) {
      throw new Error('the language server did not start');
    }
    return client;
  };
  const pullDiagnostics = async (): Promise<Diagnostic[]> =>
    (await server().request<{ kind: string; items: Diagnostic[] }>('textDocument/diagnostic', { textDocument: { uri } })).items;

  beforeAll(async () => {
    assertBuilt();
    client = new LspClient({
      command: process.execPath,
      args: [join(REPO_MODULES, 'vscode-langservers-extracted', 'bin', 'vscode-eslint-language-server'), '--stdio'],
      cwd: project.dir,
      timeoutMs: 20_000,
      handlers: {
        'workspace/configuration': (params) =>
          ((params as { items: unknown[] }).items ?? []).map(() => serverSettings(project.dir)),
        'workspace/applyEdit': () => ({ applied: true }),
      },
    });
    await server().request('initialize', {
      processId: process.pid,
      clientInfo: { name: 'test-quality-integration' },
      rootUri: pathToFileURL(project.dir).href,
      workspaceFolders: [{ uri: pathToFileURL(project.dir).href, name: 'user-project' }],
      capabilities: {
        workspace: { configuration: true, applyEdit: true, workspaceFolders: true, workspaceEdit: { documentChanges: true } },
        textDocument: {
          synchronization: { dynamicRegistration: false },
          diagnostic: { dynamicRegistration: false },
          publishDiagnostics: { relatedInformation: true },
          codeAction: {
            codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source', 'source.fixAll', 'source.fixAll.eslint'] } },
          },
        },
      },
    });
    server().notify('initialized', {});
    server().notify('textDocument/didOpen', { textDocument: { uri, languageId: 'typescript', version, text } });
  });

  afterAll(async () => {
    await client?.stop();
    project.remove();
  });

  it('shows our diagnostic with rule id, range, message and docs link', async () => {
    const ours = (await pullDiagnostics()).filter((diagnostic) => diagnostic.code === QUALIFIED_RULE_ID);
    expect(ours).toEqual([
      {
        message: PERMISSIVE_MESSAGE,
        severity: 1,
        source: 'eslint',
        code: QUALIFIED_RULE_ID,
        codeDescription: { href: expect.stringMatching(new RegExp(`/docs/rules/${RULE_ID}\\.md$`, 'u')) as unknown as string },
        range: {
          start: { line: BAD_FINDING.line - 1, character: BAD_FINDING.column - 1 },
          end: { line: BAD_FINDING.endLine - 1, character: BAD_FINDING.endColumn - 1 },
        },
      },
    ]);
  });

  it('offers our suggestion as a quick fix, and applying it clears the diagnostic', async () => {
    const diagnostic = (await pullDiagnostics()).find((entry) => entry.code === QUALIFIED_RULE_ID);
    expect(diagnostic).toBeDefined();
    if (diagnostic === undefined) {
      return;
    }
    const actions = await server().request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: diagnostic.range,
      context: { diagnostics: [diagnostic], triggerKind: 1 },
    });
    const suggestion = actions.find((action) => action.command?.command === 'eslint.applySuggestion');
    expect(suggestion?.title).toBe(`${PIN_SUGGESTION} (${QUALIFIED_RULE_ID})`);
    expect(suggestion?.kind).toBe('quickfix');
    expect(actions.map((action) => action.title)).toContain(`Show documentation for ${QUALIFIED_RULE_ID}`);
    if (suggestion?.command === undefined) {
      return;
    }

    const seen = server().serverRequests.length;
    await server().request('workspace/executeCommand', { command: suggestion.command.command, arguments: suggestion.command.arguments });
    const edit = (await server().waitForServerRequest('workspace/applyEdit', seen)) as ApplyEditParams;
    const edits = edit.edit.documentChanges?.find((change) => change.textDocument.uri === uri)?.edits ?? edit.edit.changes?.[uri] ?? [];
    text = applyEdits(text, edits);
    expect(text).toBe(FIXED_TEST);

    version += 1;
    server().notify('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text }] });
    expect((await pullDiagnostics()).filter((entry) => entry.code === QUALIFIED_RULE_ID)).toEqual([]);
  });

  it('squiggles again when the user types the permissive assertion back', async () => {
    text = BAD_TEST;
    version += 1;
    server().notify('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text }] });
    expect((await pullDiagnostics()).map((entry) => entry.code)).toEqual([QUALIFIED_RULE_ID]);
  });
});
