// The registry mirror these machines use serves only some platform binaries of packages such as
// oxlint, so `npm install` leaves the other platforms' optional packages out of package-lock.json
// and `npm ci` then refuses the lock as out of sync. This adds the missing optional entries with
// their os/cpu/libc, so npm ci skips them on platforms they are not for. Run after `npm install`.
import { readFileSync, writeFileSync } from 'node:fs';

const lockPath = new URL('../package-lock.json', import.meta.url);
const lock = JSON.parse(readFileSync(lockPath, 'utf8'));
const packages = lock.packages;

/** os, cpu and libc from a binding's name: `binding-linux-x64-musl`, `binding-darwin-arm64`. */
function platformOf(name) {
  const tail = name.split('/').pop().replace(/^binding-/u, '');
  const [os, cpu, abi] = tail.split('-');
  const entry = { os: [os], cpu: [cpu === 'arm' ? 'arm' : cpu] };
  if (os === 'linux' && abi !== undefined) {
    entry.libc = [abi.startsWith('musl') ? 'musl' : 'glibc'];
  }
  return entry;
}

let added = 0;
for (const meta of Object.values(packages)) {
  for (const [dependency, version] of Object.entries(meta.optionalDependencies ?? {})) {
    const key = `node_modules/${dependency}`;
    if (packages[key] !== undefined || !/\/binding-/u.test(dependency)) {
      continue;
    }
    const { os, cpu, libc } = platformOf(dependency);
    packages[key] = {
      version,
      cpu,
      ...(meta.dev === true ? { dev: true } : {}),
      ...(libc === undefined ? {} : { libc }),
      optional: true,
      os,
    };
    added += 1;
  }
}
const sorted = Object.fromEntries(Object.entries(packages).sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a < b ? -1 : a > b ? 1 : 0)));
lock.packages = sorted;
writeFileSync(lockPath, `${JSON.stringify(lock, null, 2)}\n`);
console.log(`added ${added} optional platform entries to package-lock.json`);
