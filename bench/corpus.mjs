// Collects the real test files the benchmark lints: every JS/TS file under the given folders
// (node_modules and dot-folders skipped), then a deterministic sample when asked for fewer.
import { createHash } from 'node:crypto';
import { readdirSync, statSync } from 'node:fs';
import { dirname, extname, join, relative, resolve, sep } from 'node:path';

import { EXTENSIONS } from './configs.mjs';

function walk(dir, out) {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return;
  }
  for (const entry of entries) {
    if (entry.name === 'node_modules' || entry.name.startsWith('.')) {
      continue;
    }
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      walk(path, out);
    } else if (entry.isFile() && EXTENSIONS.has(extname(entry.name)) && !entry.name.endsWith('.d.ts')) {
      out.push(path);
    }
  }
}

const hashOf = (text) => createHash('sha1').update(text).digest('hex');

/** The deepest folder that contains every path (ESLint ignores files outside its cwd). */
export function commonRoot(paths) {
  if (paths.length === 0) {
    return process.cwd();
  }
  let root = dirname(paths[0]);
  for (const path of paths) {
    while (!(path === root || path.startsWith(root.endsWith(sep) ? root : root + sep))) {
      root = dirname(root);
    }
  }
  return root;
}

/**
 * Files under `dirs`. With `maxFiles`, a deterministic sample: each folder's direct subfolders
 * (one per repository in the dev corpus) take turns, each in the order of a hash of its files'
 * relative paths, so no single large repository dominates and reruns pick the same files.
 */
export function collectFiles(dirs, maxFiles = Infinity) {
  const groups = [];
  for (const dir of dirs) {
    const root = resolve(dir);
    if (!statSync(root).isDirectory()) {
      throw new Error(`${dir} is not a folder`);
    }
    const files = [];
    walk(root, files);
    const byGroup = new Map();
    for (const file of files) {
      const rel = relative(root, file);
      const top = rel.includes(sep) ? rel.slice(0, rel.indexOf(sep)) : '.';
      const key = `${root}${sep}${top}`;
      const list = byGroup.get(key) ?? [];
      list.push({ file, order: hashOf(rel) });
      byGroup.set(key, list);
    }
    for (const key of [...byGroup.keys()].sort()) {
      groups.push({ name: key, files: byGroup.get(key).sort((a, b) => (a.order < b.order ? -1 : 1)).map((entry) => entry.file) });
    }
  }
  const chosen = [];
  const total = groups.reduce((sum, group) => sum + group.files.length, 0);
  const limit = Math.min(total, maxFiles);
  for (let round = 0; chosen.length < limit; round += 1) {
    for (const group of groups) {
      if (round < group.files.length && chosen.length < limit) {
        chosen.push(group.files[round]);
      }
    }
  }
  return { files: chosen.sort(), total, groups: groups.length };
}
