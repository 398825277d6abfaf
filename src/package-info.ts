import { createRequire } from 'node:module';

interface PackageJson {
  readonly name: string;
  readonly version: string;
}

// Both src/ (tests) and dist/ (the published build) sit one level below the package root.
const packageJson = createRequire(import.meta.url)('../package.json') as PackageJson;

export const PACKAGE_NAME = packageJson.name;
export const PACKAGE_VERSION = packageJson.version;
export const REPOSITORY_URL = 'https://github.com/test-quality/eslint-plugin-test-quality';
/**
 * The git ref the rule documentation URLs (`meta.docs.url`) point at: the default branch, the one ref that exists for
 * every build — a registry release, a git install of any commit, a local clone — and that has every rule's doc (a
 * version tag exists only once the release procedure of docs/releasing.md has created it, and a rule added since the
 * last release has no doc under that tag). Rule docs are therefore never deleted: a removed rule keeps its page.
 */
export const DOCS_REF = 'main';
