import { describe, expect, it } from 'vitest';
import {
  checkAsar,
  filesFromHeader,
  packageOf,
  runtimePackagesFromLock,
  type AsarExpectations,
  type AsarFile,
} from '../../scripts/gates/asarRules';

const MB = 1024 * 1024;

const EXPECTED: AsarExpectations = {
  mainEntry: 'dist-electron/main/main.js',
  electronSources: [
    'main/main.ts',
    'main/ipc.ts',
    'main/locales/de.json',
    'preload/preload.ts',
    'shared/csp.ts',
  ],
  rendererFiles: ['index.html', 'favicon.svg', 'assets/index-abc.js', 'assets/index-abc.css'],
  runtimePackages: ['zod'],
  devDependencies: ['react', 'dexie', '@dnd-kit/core', 'electron'],
  budgets: { totalBytes: 10 * MB, nodeModulesBytes: 2 * MB },
};

const GOOD: AsarFile[] = [
  { path: 'package.json', size: 2_000 },
  { path: 'dist-electron/main/main.js', size: 4_000 },
  { path: 'dist-electron/main/ipc.js', size: 4_000 },
  { path: 'dist-electron/main/locales/de.json', size: 900 },
  { path: 'dist-electron/preload/preload.js', size: 1_000 },
  { path: 'dist-electron/shared/csp.js', size: 800 },
  { path: 'dist-renderer/index.html', size: 600 },
  { path: 'dist-renderer/favicon.svg', size: 200 },
  { path: 'dist-renderer/assets/index-abc.js', size: 450_000 },
  { path: 'dist-renderer/assets/index-abc.css', size: 11_000 },
  { path: 'dist-phone/index.html', size: 600 },
  { path: 'dist-phone/assets/index-def.js', size: 45_000 },
  { path: 'node_modules/zod/package.json', size: 3_000 },
  { path: 'node_modules/zod/index.cjs', size: 1_000 },
  { path: 'node_modules/zod/v4/classic/schemas.cjs', size: 60_000 },
  { path: 'node_modules/zod/LICENSE', size: 1_000 },
];

const check = (files: AsarFile[], expected: Partial<AsarExpectations> = {}) =>
  checkAsar(files, { ...EXPECTED, ...expected });

describe('checkAsar', () => {
  it('passes the archive of a clean build', () => {
    expect(check(GOOD)).toEqual([]);
  });

  it.each<[string, AsarFile, RegExp]>([
    ['a source map', { path: 'dist-renderer/assets/index-abc.js.map', size: 1 }, /source map shipped/],
    ['a zod source file', { path: 'node_modules/zod/src/v4/core/core.ts', size: 1 }, /TypeScript shipped/],
    ['a declaration file', { path: 'node_modules/zod/index.d.cts', size: 1 }, /TypeScript shipped/],
    ['a TSX component', { path: 'dist-renderer/App.tsx', size: 1 }, /TypeScript shipped/],
    ['a test folder', { path: 'node_modules/zod/tests/a.cjs', size: 1 }, /test file shipped/],
    ['a test file', { path: 'dist-electron/main/ipc.test.js', size: 1 }, /test file shipped/],
    ['an env file', { path: 'dist-electron/.env', size: 1 }, /hidden file shipped/],
    ['the renderer sources', { path: 'renderer/src/main.tsx', size: 1 }, /outside the app folders/],
    ['a devDependency', { path: 'node_modules/react/index.js', size: 1 }, /devDependency shipped: react/],
    [
      'a scoped devDependency',
      { path: 'node_modules/@dnd-kit/core/x.js', size: 1 },
      /devDependency shipped: @dnd-kit\/core/,
    ],
    [
      'an unknown package',
      { path: 'node_modules/left-pad/index.js', size: 1 },
      /not a runtime dependency: left-pad/,
    ],
    [
      'a nested devDependency',
      { path: 'node_modules/zod/node_modules/dexie/x.js', size: 1 },
      /devDependency shipped: dexie/,
    ],
    [
      'a compiled file without a source',
      { path: 'dist-electron/main/oldFeature.js', size: 1 },
      /stale or unknown/,
    ],
    [
      'a renderer file the build did not make',
      { path: 'dist-renderer/assets/old-123.js', size: 1 },
      /did not produce/,
    ],
  ])('fails on %s', (_label, extra, message) => {
    const problems = check([...GOOD, extra]);
    expect(
      problems.some((p) => message.test(p)),
      problems.join('\n'),
    ).toBe(true);
  });

  it.each([
    ['package.json', /missing: package.json/],
    ['dist-electron/main/main.js', /missing: dist-electron\/main\/main.js/],
    ['dist-electron/preload/preload.js', /missing: dist-electron\/preload\/preload.js/],
    ['dist-renderer/index.html', /missing: dist-renderer\/index.html/],
    ['dist-phone/index.html', /missing: dist-phone\/index.html/],
    ['dist-electron/main/ipc.js', /missing compiled main-process file/],
    ['dist-electron/main/locales/de.json', /missing compiled main-process file/],
    ['dist-renderer/assets/index-abc.css', /missing renderer file/],
  ])('fails when %s is missing', (missing, message) => {
    const problems = check(GOOD.filter((file) => file.path !== missing));
    expect(
      problems.some((p) => message.test(p)),
      problems.join('\n'),
    ).toBe(true);
  });

  it('fails over budget, for the whole archive and for node_modules alone', () => {
    expect(check([...GOOD, { path: 'dist-renderer/assets/index-abc.js', size: 11 * MB }]).join()).toMatch(
      /app.asar holds 11\.\d+ MB/,
    );
    expect(check([...GOOD, { path: 'node_modules/zod/v3/big.cjs', size: 3 * MB }]).join()).toMatch(
      /node_modules in app.asar hold 3\.\d+ MB/,
    );
  });
});

describe('helpers', () => {
  it('names the package of a node_modules path, scoped or not, nested or not', () => {
    expect(packageOf('node_modules/zod/v4/index.cjs')).toBe('zod');
    expect(packageOf('node_modules/@scope/pkg/index.js')).toBe('@scope/pkg');
    expect(packageOf('node_modules/a/node_modules/b/index.js')).toBe('b');
    expect(packageOf('dist-electron/main/main.js')).toBeNull();
  });

  it('takes the runtime closure from package-lock.json, leaving out dev packages', () => {
    const lock = {
      packages: {
        '': {},
        'node_modules/zod': {},
        'node_modules/react': { dev: true },
        'node_modules/fsevents': { devOptional: true },
        'node_modules/@scope/runtime': {},
        'node_modules/@scope/runtime/node_modules/inner': {},
      },
    };
    expect(runtimePackagesFromLock(lock)).toEqual(['@scope/runtime', 'inner', 'zod']);
  });

  it('flattens an asar header into files with sizes', () => {
    const header = {
      files: {
        'package.json': { size: 10 },
        dist: { files: { 'a.js': { size: 5 }, sub: { files: { 'b.js': { size: 7 } } } } },
        link: { link: 'dist/a.js' },
      },
    };
    expect(filesFromHeader(header)).toEqual([
      { path: 'package.json', size: 10 },
      { path: 'dist/a.js', size: 5 },
      { path: 'dist/sub/b.js', size: 7 },
    ]);
  });
});
