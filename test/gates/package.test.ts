// The package gate: builds the unpacked Linux app with electron-builder, offline,
// and checks what would ship. The Electron binary cannot be downloaded here, so a
// stand-in takes its place: a file carrying Electron's fuse wire (with Electron's
// defaults) and a few locale files. electron-builder then runs its real steps on
// it, including flipping the fuses, and we read them back like `npx @electron/fuses
// read` does on a real package (README "Building installers").
import { spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { extractAll, getRawHeader } from '@electron/asar';
import { FuseV1Options, getCurrentFuseWire } from '@electron/fuses';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  checkAsar,
  filesFromHeader,
  runtimePackagesFromLock,
  type AsarDirectory,
  type AsarFile,
} from '../../scripts/gates/asarRules';

const ROOT = path.resolve(__dirname, '../..');
// Everything in a folder of its own rather than release/ and test-results/: two runs in
// one working copy (or a `npm test` starting meanwhile, which wipes test-results/) must
// not pull the package away under each other. `npm run dist -- --dir` builds into release/.
const WORK = mkdtempSync(path.join(tmpdir(), 'moderato-package-'));
const OUTPUT = path.join(WORK, 'release');
const UNPACKED = path.join(OUTPUT, 'linux-unpacked');
const ASAR = path.join(UNPACKED, 'resources/app.asar');
const BINARY = path.join(UNPACKED, 'moderato');

/**
 * Where the archive may grow to. Today ~2.1 MB: the renderer bundle and zod's
 * CommonJS build. The budget leaves room for PDF fonts and jsPDF (~3 MB), not
 * for a second copy of node_modules or a source tree.
 */
const BUDGETS = { totalBytes: 10 * 1024 * 1024, nodeModulesBytes: 2.5 * 1024 * 1024 };

/** Electron's fuse wire as shipped: each value is Electron's default, so every flip is visible. */
const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
// The bytes of the wire (@electron/fuses keeps these in a module it does not export).
const FuseState = { DISABLE: 0x30, ENABLE: 0x31 } as const;
type FuseState = (typeof FuseState)[keyof typeof FuseState];
const ELECTRON_DEFAULTS: Record<number, FuseState> = {
  [FuseV1Options.RunAsNode]: FuseState.ENABLE,
  [FuseV1Options.EnableCookieEncryption]: FuseState.DISABLE,
  [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: FuseState.ENABLE,
  [FuseV1Options.EnableNodeCliInspectArguments]: FuseState.ENABLE,
  [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: FuseState.DISABLE,
  [FuseV1Options.OnlyLoadAppFromAsar]: FuseState.DISABLE,
  [FuseV1Options.LoadBrowserProcessSpecificV8Snapshot]: FuseState.DISABLE,
  [FuseV1Options.GrantFileProtocolExtraPrivileges]: FuseState.ENABLE,
};

function writeStandInElectron(dir: string): void {
  const states = Object.keys(ELECTRON_DEFAULTS).map((key) => ELECTRON_DEFAULTS[Number(key)] as number);
  const binary = Buffer.concat([
    Buffer.from('Stand-in for the Electron binary, for the offline package gate. Not a program.\n'),
    Buffer.from(SENTINEL, 'ascii'),
    Buffer.from([1, states.length, ...states]),
    Buffer.from('\n'),
  ]);
  writeFileSync(path.join(dir, 'electron'), binary, { mode: 0o755 });
  // Chromium's UI translations; electronLanguages must leave only German and English.
  mkdirSync(path.join(dir, 'locales'));
  for (const locale of ['de', 'en-US', 'en-GB', 'fr', 'pl', 'tr']) {
    writeFileSync(path.join(dir, 'locales', `${locale}.pak`), 'stand-in');
  }
}

function listFiles(dir: string, base = dir): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return listFiles(full, base);
    return [path.relative(base, full).split(path.sep).join('/')];
  });
}

let build: ReturnType<typeof spawnSync>;
let files: AsarFile[] = [];
const standIn = path.join(WORK, 'electron-stand-in');

beforeAll(() => {
  for (const built of ['dist-electron/main/main.js', 'dist-renderer/index.html']) {
    if (!existsSync(path.join(ROOT, built)))
      throw new Error(`${built} is missing: run "npm run build" first`);
  }
  mkdirSync(standIn);
  writeStandInElectron(standIn);
  build = spawnSync(
    process.execPath,
    [
      path.join(ROOT, 'node_modules/electron-builder/cli.js'),
      '--linux',
      '--x64',
      '--dir',
      '--publish',
      'never',
      `-c.electronDist=${standIn}`,
      `-c.directories.output=${OUTPUT}`,
    ],
    { cwd: ROOT, encoding: 'utf8', timeout: 170_000, env: { ...process.env, FORCE_COLOR: '0' } },
  );
  if (build.status === 0) files = filesFromHeader(getRawHeader(ASAR).header as AsarDirectory);
});

afterAll(() => {
  rmSync(WORK, { recursive: true, force: true });
});

describe('electron-builder (unpacked, offline)', () => {
  it('packs the app with the configuration in electron-builder.yml', () => {
    expect(build.status, `${build.stdout}\n${build.stderr}`).toBe(0);
    expect(statSync(ASAR).isFile()).toBe(true);
  });

  it('flips every fuse as configured (read back from the packaged binary)', async () => {
    const wire = (await getCurrentFuseWire(BINARY)) as unknown as Record<number, number>;
    const state = (option: FuseV1Options) => wire[option];
    expect(state(FuseV1Options.RunAsNode), 'RunAsNode').toBe(FuseState.DISABLE);
    expect(state(FuseV1Options.EnableCookieEncryption), 'EnableCookieEncryption').toBe(FuseState.ENABLE);
    expect(state(FuseV1Options.EnableNodeOptionsEnvironmentVariable), 'NODE_OPTIONS').toBe(FuseState.DISABLE);
    expect(state(FuseV1Options.EnableNodeCliInspectArguments), '--inspect').toBe(FuseState.DISABLE);
    expect(state(FuseV1Options.EnableEmbeddedAsarIntegrityValidation), 'asar integrity').toBe(
      FuseState.ENABLE,
    );
    expect(state(FuseV1Options.OnlyLoadAppFromAsar), 'OnlyLoadAppFromAsar').toBe(FuseState.ENABLE);
    expect(state(FuseV1Options.GrantFileProtocolExtraPrivileges), 'file: privileges').toBe(FuseState.DISABLE);
  });

  it('keeps only the German and English Chromium translations', () => {
    expect(readdirSync(path.join(UNPACKED, 'locales')).sort()).toEqual(['de.pak', 'en-GB.pak', 'en-US.pak']);
  });
});

describe('resources/app.asar', () => {
  it('holds exactly the built app and its runtime dependencies, within budget', () => {
    const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
      main: string;
      devDependencies: Record<string, string>;
    };
    const lock = JSON.parse(readFileSync(path.join(ROOT, 'package-lock.json'), 'utf8')) as Parameters<
      typeof runtimePackagesFromLock
    >[0];
    const electronSources = listFiles(path.join(ROOT, 'electron')).filter(
      (file) => (file.endsWith('.ts') && !file.endsWith('.d.ts')) || file.endsWith('.json'),
    );
    const problems = checkAsar(files, {
      mainEntry: path.posix.normalize(pkg.main),
      electronSources,
      rendererFiles: listFiles(path.join(ROOT, 'dist-renderer')),
      runtimePackages: runtimePackagesFromLock(lock),
      devDependencies: Object.keys(pkg.devDependencies),
      budgets: BUDGETS,
    });
    expect(problems).toEqual([]);

    const total = files.reduce((sum, file) => sum + file.size, 0);
    const modules = files
      .filter((f) => f.path.startsWith('node_modules/'))
      .reduce((sum, f) => sum + f.size, 0);
    console.log(
      `app.asar: ${statSync(ASAR).size} bytes on disk, ${files.length} files, ${total} bytes of content ` +
        `(node_modules ${modules}, app ${total - modules})`,
    );
  });

  it('runs from the package: every require resolves, and the main-process modules load in plain Node', () => {
    const extracted = path.join(WORK, 'app');
    extractAll(ASAR, extracted);
    // Runs in a separate Node, inside the extracted package, so nothing from the
    // repository's node_modules can stand in for a file the package lacks.
    const probe = `
      const { builtinModules, createRequire } = require('node:module');
      const fs = require('node:fs');
      const path = require('node:path');
      const walk = (d) => fs.readdirSync(d, { withFileTypes: true }).flatMap((e) =>
        e.isDirectory() ? walk(path.join(d, e.name)) : [path.join(d, e.name)]);
      const files = walk('dist-electron').filter((f) => f.endsWith('.js')).map((f) => path.resolve(f));
      const requires = new Map(files.map((file) => [file,
        [...fs.readFileSync(file, 'utf8').matchAll(/require\\(["']([^"']+)["']\\)/g)].map((m) => m[1])]));
      // Whether a module needs Electron at run time, itself or through a module of ours.
      const needsElectron = (file, seen = new Set()) => {
        if (seen.has(file)) return false;
        seen.add(file);
        return (requires.get(file) || []).some((s) => s === 'electron' ||
          (s.startsWith('.') && needsElectron(createRequire(file).resolve(s), seen)));
      };
      const problems = [];
      const loaded = [];
      for (const file of files) {
        for (const specifier of requires.get(file)) {
          if (specifier === 'electron' || builtinModules.includes(specifier.replace(/^node:/, ''))) continue;
          try { createRequire(file).resolve(specifier); }
          catch (error) { problems.push(path.relative('.', file) + ': cannot resolve ' + specifier); }
        }
      }
      // Modules that need Electron are only resolved (above); the others must load and work.
      for (const file of files.filter((f) => !needsElectron(f))) {
        try { require(file); loaded.push(path.relative('.', file).split(path.sep).join('/')); }
        catch (error) { problems.push(path.relative('.', file) + ': ' + error.message); }
      }
      const { IPC_ARG_SCHEMAS } = require(path.resolve('dist-electron/main/ipcSchemas.js'));
      for (const [channel, schema] of Object.entries(IPC_ARG_SCHEMAS)) {
        const refused = schema.safeParse([{ nonsense: true }, 1, 2, 3]);
        if (refused.success || !refused.error.issues[0].message) problems.push(channel + ': zod does not refuse with a message');
      }
      console.log(JSON.stringify({ problems, loaded }));
    `;
    const result = spawnSync(process.execPath, ['-e', probe], {
      cwd: extracted,
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(result.status, result.stderr).toBe(0);
    const { problems, loaded } = JSON.parse(result.stdout) as { problems: string[]; loaded: string[] };
    expect(problems).toEqual([]);
    expect(loaded).toEqual(
      expect.arrayContaining(['dist-electron/main/ipcSchemas.js', 'dist-electron/main/ipc.js']),
    );
  });
});
