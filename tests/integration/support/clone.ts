// A fresh git clone of this checkout at its HEAD commit: the repository as a user (or npm, or pre-commit) gets it
// from GitHub — committed files only, no dist/, no node_modules.
import { join } from 'node:path';

import { REPO_ROOT, run } from './project.js';

const GIT_ENV = { GIT_CONFIG_GLOBAL: process.platform === 'win32' ? 'NUL' : '/dev/null', GIT_CONFIG_NOSYSTEM: '1' };

export interface Clone {
  readonly dir: string;
  readonly commit: string;
}

/** Clones this checkout into `<into>/<name>` and checks out its HEAD commit (detached). */
export async function cloneHead(into: string, name = 'clone'): Promise<Clone> {
  const head = await run('git', ['rev-parse', 'HEAD'], { cwd: REPO_ROOT });
  if (head.code !== 0) {
    throw new Error(`git rev-parse HEAD failed in ${REPO_ROOT}: ${head.stderr}`);
  }
  const commit = head.stdout.trim();
  const dir = join(into, name);
  for (const [args, cwd] of [
    [['clone', '--quiet', '--no-checkout', REPO_ROOT, dir], into],
    [['fetch', '--quiet', REPO_ROOT, commit], dir],
    [['checkout', '--quiet', '--detach', commit], dir],
  ] as const) {
    const result = await run('git', args, { cwd, env: GIT_ENV, timeoutMs: 120_000 });
    if (result.code !== 0) {
      throw new Error(`git ${args.join(' ')} failed: ${result.stderr}`);
    }
  }
  return { dir, commit };
}
