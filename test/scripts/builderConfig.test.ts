// electron-builder.yml: what IT departments and users rely on. The package gate
// (test/gates/package.test.ts) runs electron-builder on it; this pins the parts
// that gate cannot see on Linux (installers for Windows and macOS) and the fuses.
import { readdirSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import * as path from 'node:path';
import { load } from 'js-yaml';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(__dirname, '../..');

interface BuilderConfig {
  appId: string;
  productName: string;
  directories: { output: string; buildResources: string };
  files: string[];
  asar: boolean;
  publish: null;
  electronLanguages: string[];
  electronFuses: Record<string, boolean>;
  fileAssociations: Array<Record<string, string>>;
  win: { target: string[]; icon: string };
  nsis: Record<string, unknown>;
  portable: Record<string, unknown>;
  linux: { target: string[]; icon: string; executableName: string; category: string };
  mac: { target: string[]; icon: string; hardenedRuntime: boolean };
}

const config = load(readFileSync(path.join(ROOT, 'electron-builder.yml'), 'utf8')) as BuilderConfig;
const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
  productName: string;
  description: string;
  main: string;
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};

describe('electron-builder.yml', () => {
  it('names the app Moderato in German and English, as package.json and the userData folder do', () => {
    expect(config.productName).toBe('Moderato');
    expect(pkg.productName).toBe('Moderato');
    expect(config.appId).toBe('de.moderato.app');
  });

  it('sets every security fuse (Electron docs: "Fuses")', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    });
    expect(config.asar).toBe(true);
  });

  it('builds an assisted NSIS installer (for me or for everyone) and a portable exe for Windows', () => {
    expect(config.win.target).toEqual(['nsis', 'portable']);
    expect(config.nsis).toMatchObject({
      oneClick: false,
      perMachine: false,
      allowElevation: true,
      allowToChangeInstallationDirectory: true,
      deleteAppDataOnUninstall: false,
    });
    expect(config.nsis.installerLanguages).toEqual(['de_DE', 'en_US']);
    // The two artifacts must not overwrite each other.
    expect(config.nsis.artifactName).not.toBe(config.portable.artifactName);
  });

  it('builds AppImage and deb for Linux and a dmg for macOS, with the icons from build/', () => {
    expect(config.linux.target).toEqual(['AppImage', 'deb']);
    expect(config.mac.target).toEqual(['dmg']);
    expect(config.mac.hardenedRuntime).toBe(true);
    expect(config.directories.buildResources).toBe('build');
    expect([config.win.icon, config.linux.icon, config.mac.icon]).toEqual([
      'build/icon.ico',
      'build/icon.png',
      'build/icon.png',
    ]);
  });

  it('opens .moderato.json backups', () => {
    expect(config.fileAssociations).toEqual([
      expect.objectContaining({ ext: 'moderato.json', name: 'Moderato-Sicherung', role: 'Editor' }),
    ]);
  });

  it('ships no update feed, and only German and English Chromium strings', () => {
    expect(config.publish).toBeNull();
    expect(config.electronLanguages).toEqual(['de', 'en-US', 'en-GB']);
  });

  it('takes only the build output into the package, without maps or TypeScript', () => {
    expect(config.files).toEqual(
      expect.arrayContaining([
        'package.json',
        'dist-electron/**',
        'dist-renderer/**',
        'dist-phone/**',
        '!**/*.map',
        '!**/*.{ts,mts,cts,tsx}',
      ]),
    );
    expect(config.files.filter((pattern) => !pattern.startsWith('!'))).toEqual([
      'package.json',
      'dist-electron/**',
      'dist-renderer/**',
      'dist-phone/**',
    ]);
    expect(pkg.main.startsWith('dist-electron/')).toBe(true);
  });
});

describe('dependencies', () => {
  function runtimeImports(dir: string): string[] {
    return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) return runtimeImports(full);
      if (!entry.name.endsWith('.ts')) return [];
      const sf = ts.createSourceFile(full, readFileSync(full, 'utf8'), ts.ScriptTarget.Latest);
      return sf.statements
        .filter(ts.isImportDeclaration)
        .filter((statement) => !statement.importClause?.isTypeOnly)
        .map((statement) => (statement.moduleSpecifier as ts.StringLiteral).text);
    });
  }

  it('are exactly the packages the main process imports; renderer libraries stay devDependencies', () => {
    const external = new Set(
      runtimeImports(path.join(ROOT, 'electron'))
        .filter((specifier) => !specifier.startsWith('.'))
        .filter((specifier) => specifier !== 'electron')
        .filter((specifier) => !builtinModules.includes(specifier.replace(/^node:/, '')))
        .map((specifier) =>
          (specifier.startsWith('@')
            ? specifier.split('/').slice(0, 2)
            : specifier.split('/').slice(0, 1)
          ).join('/'),
        ),
    );
    expect(Object.keys(pkg.dependencies).sort()).toEqual([...external].sort());
    for (const library of ['react', 'react-dom', 'dexie', 'zustand', 'i18next', 'electron']) {
      expect(pkg.dependencies[library], library).toBeUndefined();
    }
  });

  it('are pinned to exact versions', () => {
    for (const [name, version] of Object.entries({ ...pkg.dependencies, ...pkg.devDependencies })) {
      expect(version, name).toMatch(/^\d+\.\d+\.\d+(-[\w.]+)?$/);
    }
  });
});
