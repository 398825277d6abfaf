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
