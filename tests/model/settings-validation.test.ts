import { describe, expect, it } from 'vitest';

import { settingsProblems, SettingsError, validateSettings } from '../../src/model/settings-validation.js';

describe('settingsProblems', () => {
  it('accepts no settings, empty settings and every setting in its documented shape', () => {
    expect(settingsProblems(undefined)).toEqual([]);
    expect(settingsProblems({})).toEqual([]);
    expect(
      settingsProblems({
        testFunctions: ['scenario'],
        suiteFunctions: ['feature'],
        assertFunctions: ['expectStatus'],
        frameworkModules: ['./test-utils'],
        pathAliases: { '@/': 'src/', '~lib/': 'lib/' },
        vitestGlobals: true,
      }),
    ).toEqual([]);
    expect(settingsProblems({ vitestGlobals: false })).toEqual([]);
    expect(settingsProblems({ testFunctions: undefined, pathAliases: {} })).toEqual([]);
  });

  it('names an unknown key, the closest known one and the full list', () => {
    expect(settingsProblems({ pathAlias: { '@/': 'src/' } })).toEqual([
      '"pathAlias" is not a setting of this plugin (did you mean "pathAliases"?); the settings are testFunctions, suiteFunctions, assertFunctions, frameworkModules, pathAliases, vitestGlobals.',
    ]);
    expect(settingsProblems({ testfunction: ['x'] })[0]).toContain('(did you mean "testFunctions"?)');
    expect(settingsProblems({ color: 'red' })).toEqual([
      '"color" is not a setting of this plugin; the settings are testFunctions, suiteFunctions, assertFunctions, frameworkModules, pathAliases, vitestGlobals.',
    ]);
  });

  it('names a wrongly typed value, what was expected and what it got', () => {
    expect(settingsProblems({ pathAliases: 5 })).toEqual([
      `"pathAliases" should be an object mapping import prefixes to folders (strings), e.g. { '@/': 'src/' }; got 5 (number).`,
    ]);
    expect(settingsProblems({ testFunctions: 'scenario' })).toEqual([
      `"testFunctions" should be an array of non-empty strings, e.g. ['scenario']; got "scenario" (string).`,
    ]);
    expect(settingsProblems({ suiteFunctions: ['feature', 3] })[0]).toContain('got ["feature",3] (array)');
    expect(settingsProblems({ frameworkModules: [''] })[0]).toContain('"frameworkModules" should be an array of non-empty strings');
    expect(settingsProblems({ pathAliases: { '@/': 1 } })[0]).toContain('got {"@/":1} (object)');
    expect(settingsProblems({ pathAliases: ['src/'] })[0]).toContain('got ["src/"] (array)');
    expect(settingsProblems({ assertFunctions: null })[0]).toContain('got null (null)');
    expect(settingsProblems({ vitestGlobals: 'yes' })).toEqual([`"vitestGlobals" should be true or false, e.g. true; got "yes" (string).`]);
  });

  it('rejects a settings value that is not an object', () => {
    expect(settingsProblems(['scenario'])).toEqual([
      `settings['test-quality'] should be an object such as { testFunctions: ['scenario'] }; got ["scenario"] (array).`,
    ]);
    expect(settingsProblems('scenario')[0]).toContain('got "scenario" (string)');
    expect(settingsProblems(null)[0]).toContain('got null (null)');
  });

  it('shortens long values', () => {
    const [problem] = settingsProblems({ testFunctions: 'x'.repeat(200) });
    expect(problem).toContain(`got "${'x'.repeat(56)}... (string).`);
  });
});

describe('validateSettings', () => {
  it('returns for valid settings', () => {
    expect(() => validateSettings({ testFunctions: ['scenario'] })).not.toThrow();
  });

  it('throws one SettingsError that lists every problem', () => {
    let thrown: unknown;
    try {
      validateSettings({ pathAlias: {}, pathAliases: 5, testFunctions: 'scenario' });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(SettingsError);
    const lines = (thrown as Error).message.split('\n');
    expect(lines[0]).toBe("eslint-plugin-test-quality: invalid settings['test-quality']:");
    expect(lines).toHaveLength(4);
    expect(lines[1]).toMatch(/^\t- "pathAlias" is not a setting/u);
    expect(lines[2]).toMatch(/^\t- "pathAliases" should be an object/u);
    expect(lines[3]).toMatch(/^\t- "testFunctions" should be an array/u);
  });
});
