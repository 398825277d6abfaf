// Fix-safety checks shared by `scripts/eval.mjs --fix-safety` and tests/robustness/fix-safety.test.ts.
// Plain JS on purpose: the eval script runs on the built plugin without a TS loader.

/** Offsets at which each line of `text` starts. */
function lineStarts(text) {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) {
      starts.push(i + 1);
    }
  }
  return starts;
}

function offsetOf(starts, line, column) {
  return (starts[line - 1] ?? 0) + column - 1;
}

function applyFix(text, fix) {
  return text.slice(0, fix.range[0]) + fix.text + text.slice(fix.range[1]);
}

/** Where the reported position lands once `fix` is applied (two candidates at an insertion point). */
function mappedOffsets(offset, fix) {
  const [start, end] = fix.range;
  const delta = fix.text.length - (end - start);
  if (offset < start) {
    return [offset];
  }
  if (offset === start && start === end) {
    return [offset, offset + delta];
  }
  if (offset < end) {
    return [start, start + fix.text.length];
  }
  return [offset + delta];
}

function fatalOf(messages) {
  return messages.find((message) => message.fatal === true) ?? null;
}

/**
 * Applies every autofix and suggestion reported in `code` (one at a time) and checks that
 * (1) the output parses, (2) re-linting no longer reports the same rule and messageId at that
 * place, and (3) running all autofixes to completion and then once more changes nothing more.
 *
 * @param {import('eslint').Linter} linter
 * @param {import('eslint').Linter.Config[]} config
 * @param {string} code
 * @param {string} filename
 * @param {{ rulePrefix?: string, messages?: import('eslint').Linter.LintMessage[] }} [options]
 * @returns {{ fixes: number, suggestions: number, problems: Array<{ ruleId: string, messageId: string | undefined, line: number, column: number, kind: 'autofix' | 'suggestion' | 'fix-all', desc?: string, problem: 'parse' | 'still-reported' | 'not-idempotent' | 'crash', detail: string, output: string }> }}
 */
export function checkFixSafety(linter, config, code, filename, options = {}) {
  const rulePrefix = options.rulePrefix ?? 'test-quality/';
  const ours = (message) => typeof message.ruleId === 'string' && message.ruleId.startsWith(rulePrefix);
  const verify = (text) => linter.verify(text, config, { filename });
  const messages = (options.messages ?? verify(code)).filter(ours);
  const starts = lineStarts(code);
  const problems = [];
  let fixes = 0;
  let suggestions = 0;

  const check = (message, fix, kind, desc) => {
    const output = applyFix(code, fix);
    const base = { ruleId: message.ruleId, messageId: message.messageId, line: message.line, column: message.column, kind, ...(desc === undefined ? {} : { desc }), output };
    let after;
    try {
      after = verify(output);
    } catch (error) {
      problems.push({ ...base, problem: 'crash', detail: String(error?.stack ?? error) });
      return;
    }
    const fatal = fatalOf(after);
    if (fatal !== null) {
      problems.push({ ...base, problem: 'parse', detail: `${fatal.line}:${fatal.column} ${fatal.message}` });
      return;
    }
    const candidates = new Set(mappedOffsets(offsetOf(starts, message.line, message.column), fix));
    const outStarts = lineStarts(output);
    const again = after.find(
      (other) =>
        other.ruleId === message.ruleId &&
        other.messageId === message.messageId &&
        candidates.has(offsetOf(outStarts, other.line, other.column)),
    );
    if (again !== undefined) {
      problems.push({ ...base, problem: 'still-reported', detail: `${again.line}:${again.column} ${again.message}` });
    }
  };

  for (const message of messages) {
    if (message.fix !== undefined) {
      fixes++;
      check(message, message.fix, 'autofix');
    }
    for (const suggestion of message.suggestions ?? []) {
      suggestions++;
      check(message, suggestion.fix, 'suggestion', suggestion.desc);
    }
  }

  if (fixes > 0) {
    const first = messages.find((message) => message.fix !== undefined);
    const base = { ruleId: first.ruleId, messageId: first.messageId, line: first.line, column: first.column, kind: 'fix-all' };
    try {
      const once = linter.verifyAndFix(code, config, { filename, fix: ours });
      const fatal = fatalOf(once.messages);
      if (fatal !== null) {
        problems.push({ ...base, problem: 'parse', detail: `${fatal.line}:${fatal.column} ${fatal.message}`, output: once.output });
      } else {
        const twice = linter.verifyAndFix(once.output, config, { filename, fix: ours });
        if (twice.fixed && twice.output !== once.output) {
          problems.push({ ...base, problem: 'not-idempotent', detail: 'a second fix run changed the output again', output: twice.output });
        }
      }
    } catch (error) {
      problems.push({ ...base, problem: 'crash', detail: String(error?.stack ?? error), output: code });
    }
  }
  return { fixes, suggestions, problems };
}
