// Every link we hand to users resolves: each URL the plugin emits (a rule's `meta.docs.url`, which ESLint's output,
// SARIF's `helpUri` and editors show) names a file tracked in this repository on the ref releases are cut from, and
// every relative link in README.md, CHANGELOG.md and docs/**/*.md names an existing file (and heading, for `#…`).
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

import plugin from '../src/index.js';
import { DOCS_REF, REPOSITORY_URL } from '../src/package-info.js';

const root = fileURLToPath(new URL('../', import.meta.url));

/** Paths git tracks: what the repository on GitHub has at a commit of this checkout. */
function trackedFiles(): Set<string> {
  const result = spawnSync('git', ['ls-files', '-z'], { cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (result.status !== 0) {
    throw new Error(`git ls-files failed: ${result.stderr}`);
  }
  return new Set(result.stdout.split('\0').filter((path) => path !== ''));
}

describe('URLs the plugin emits', () => {
  const urls = Object.entries(plugin.rules).map(([id, rule]) => [id, rule.meta.docs?.url ?? ''] as const);

  it('point at the branch releases are cut from, in the repository package.json names', () => {
    const changesets = JSON.parse(readFileSync(join(root, '.changeset', 'config.json'), 'utf8')) as { baseBranch: string };
    expect(DOCS_REF).toBe(changesets.baseBranch);
    const packageJson = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { repository: { url: string } };
    expect(packageJson.repository.url).toBe(`git+${REPOSITORY_URL}.git`);
  });

  it.each(urls)('%s: its docs URL names a file tracked in this repository', (id, url) => {
    const prefix = `${REPOSITORY_URL}/blob/${DOCS_REF}/`;
    expect(url.startsWith(prefix), url).toBe(true);
    const path = url.slice(prefix.length);
    expect(path).toBe(`docs/rules/${id}.md`);
    expect(trackedFiles().has(path), `${path} is not tracked by git`).toBe(true);
  });
});

/** README.md, CHANGELOG.md and every Markdown file under docs/. */
function markdownFiles(): string[] {
  const found = ['README.md', 'CHANGELOG.md'];
  const walk = (dir: string): void => {
    for (const name of readdirSync(join(root, dir))) {
      const path = `${dir}/${name}`;
      if (statSync(join(root, path)).isDirectory()) {
        walk(path);
      } else if (name.endsWith('.md')) {
        found.push(path);
      }
    }
  };
  walk('docs');
  return found;
}

/** Markdown outside fenced code blocks (links in code are examples, not links). */
const prose = (markdown: string): string => markdown.replace(/^```[\s\S]*?^```/gmu, '');

/** Prose without inline code spans either (`mock['x'](y)` is code, not a link). */
const linkProse = (markdown: string): string => prose(markdown).replace(/`[^`\n]*`/gu, '');

/** Inline links `[text](target)` and images, without `<…>` autolinks. */
const linkTargets = (markdown: string): string[] =>
  [...linkProse(markdown).matchAll(/\]\(([^)\s]+)(?:\s+"[^"]*")?\)/gu)].map((match) => match[1] ?? '');

/** GitHub's heading anchors: lower case, punctuation dropped, spaces to hyphens, repeats numbered. */
function anchors(markdown: string): Set<string> {
  const seen = new Map<string, number>();
  const result = new Set<string>();
  for (const match of prose(markdown).matchAll(/^#{1,6}\s+(.+?)\s*#*$/gmu)) {
    const slug = (match[1] ?? '')
      .replace(/`/gu, '')
      .replace(/\[([^\]]*)\]\([^)]*\)/gu, '$1')
      .toLowerCase()
      .replace(/[^\p{L}\p{N}\- _]/gu, '')
      .replace(/ /gu, '-');
    const count = seen.get(slug) ?? 0;
    seen.set(slug, count + 1);
    result.add(count === 0 ? slug : `${slug}-${count}`);
  }
  return result;
}

interface Link {
  readonly file: string;
  readonly target: string;
}

const relativeLinks = (): Link[] =>
  markdownFiles().flatMap((file) =>
    linkTargets(readFileSync(join(root, file), 'utf8'))
      .filter((target) => !/^[a-z][a-z+.-]*:/iu.test(target))
      .map((target) => ({ file, target })),
  );

describe('relative links in README.md, CHANGELOG.md and docs/', () => {
  const links = relativeLinks();

  it('finds the links to check', () => {
    expect(links.length).toBeGreaterThan(20);
    expect(links).toContainEqual({ file: 'README.md', target: 'docs/ci.md' });
  });

  it.each(links.map((link) => [`${link.file} → ${link.target}`, link] as const))('%s resolves', (_name, link) => {
    const [pathPart, anchor] = link.target.split('#', 2) as [string, string | undefined];
    const target = pathPart === '' ? join(root, link.file) : join(root, dirname(link.file), decodeURIComponent(pathPart));
    expect(relative(root, target).startsWith('..'), `${link.target} leaves the repository`).toBe(false);
    expect(existsSync(target), `${link.file} links to ${link.target}, which does not exist`).toBe(true);
    if (anchor !== undefined && anchor !== '' && target.endsWith('.md')) {
      expect([...anchors(readFileSync(target, 'utf8'))], `${link.file} links to a heading that ${relative(root, target)} does not have`).toContain(anchor);
    }
  });
});

describe('the anchor reader', () => {
  it('spells anchors as GitHub does', () => {
    expect([...anchors('# In CI\n## `all` config: every rule\n## In CI\n```\n# not a heading\n```\n')]).toEqual(['in-ci', 'all-config-every-rule', 'in-ci-1']);
  });
});

describe('the link reader', () => {
  it('reads links in prose, not in code spans or fenced blocks', () => {
    expect(linkTargets("See [docs](docs/a.md) and `mock['m'](x)`.\n```js\nf[0](y)\n```\n[b](b.md)")).toEqual(['docs/a.md', 'b.md']);
  });
});
