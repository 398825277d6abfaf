// `npm run demo`: lints examples/ with examples/eslint.config.js (the README's setup: `recommended`, plus
// the two opt-in rules for the over-mocking and retry examples) through the real ESLint CLI and
// shows its output, then checks the outcome: every file under examples/**/bad/ must be reported
// and every file under examples/**/good/ must be clean. Exits 0 when that holds.
import { spawnSync } from 'node:child_process';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../', import.meta.url));
const eslintBin = fileURLToPath(new URL('../node_modules/eslint/bin/eslint.js', import.meta.url));
const args = [eslintBin, '--config', 'examples/eslint.config.js', 'examples'];

const shown = spawnSync(process.execPath, args, { cwd: root, stdio: 'inherit' });
const json = spawnSync(process.execPath, [...args, '--format', 'json'], { cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
if (json.status !== 0 && json.status !== 1) {
  console.error(`ESLint failed (exit ${json.status}):\n${json.stderr}`);
  process.exit(2);
}
const results = JSON.parse(json.stdout);
const problems = [];
let badFiles = 0;
let goodFiles = 0;
for (const result of results) {
  const file = relative(root, result.filePath);
  const ours = result.messages.filter((message) => message.ruleId?.startsWith('test-quality/'));
  const fatal = result.messages.filter((message) => message.fatal);
  if (fatal.length > 0) {
    problems.push(`${file}: parse error: ${fatal[0].message}`);
  } else if (/(^|\/)bad\//u.test(file)) {
    badFiles += 1;
    if (ours.length === 0) {
      problems.push(`${file}: expected findings, got none`);
    }
  } else if (/(^|\/)good\//u.test(file)) {
    goodFiles += 1;
    if (ours.length > 0) {
      problems.push(`${file}: expected no findings, got ${ours.map((message) => `${message.ruleId} at ${message.line}:${message.column}`).join(', ')}`);
    }
  }
}
console.log(`\nDemo: ${badFiles} bad example files (each must be reported), ${goodFiles} good ones (each must be clean); ESLint exited ${shown.status}.`);
if (problems.length > 0) {
  console.error(`Demo check failed:\n- ${problems.join('\n- ')}`);
  process.exit(1);
}
console.log('Demo check passed: every bad example is reported and every good example is clean.');
