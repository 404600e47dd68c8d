// The items of Electron's security checklist (electronjs.org/docs/latest/tutorial/security)
// that no other test pins down on its own. SECURITY.md maps every item to its proof.
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { APP_SCHEME_DEFINITION, planAppResponse } from '../../electron/main/protocol';
import { createMainWindowOptions } from '../../electron/main/window';
import { DISABLED_CHROMIUM_FEATURES, disabledFeaturesValue } from '../../electron/shared/chromiumSwitches';
import { CONTENT_SECURITY_POLICY } from '../../electron/shared/csp';

const ROOT = path.resolve(__dirname, '../..');
const ELECTRON_DIR = path.join(ROOT, 'electron');

function sources(dir: string): Array<{ file: string; sf: ts.SourceFile }> {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sources(full);
    if (!entry.name.endsWith('.ts')) return [];
    const file = path.relative(ELECTRON_DIR, full).split(path.sep).join('/');
    return [
      { file, sf: ts.createSourceFile(file, readFileSync(full, 'utf8'), ts.ScriptTarget.Latest, true) },
    ];
  });
}

const FILES = sources(ELECTRON_DIR);

function walk(sf: ts.SourceFile, visit: (node: ts.Node) => void): void {
  const step = (node: ts.Node) => {
    visit(node);
    ts.forEachChild(node, step);
  };
  step(sf);
}

/** `key: value` pairs written anywhere under electron/, with their literal value when they have one. */
function properties(): Array<{ file: string; key: string; value: string }> {
  const found: Array<{ file: string; key: string; value: string }> = [];
  for (const { file, sf } of FILES) {
    walk(sf, (node) => {
      if (ts.isPropertyAssignment(node) && (ts.isIdentifier(node.name) || ts.isStringLiteral(node.name))) {
        found.push({ file, key: node.name.text, value: node.initializer.getText(sf) });
      }
    });
  }
  return found;
}

describe('Electron security checklist', () => {
  it('2–4, 6, 8–10: web preferences are written in one place only, window.ts (other windows reuse them)', () => {
    const places = properties()
      .filter((p) => p.key === 'webPreferences')
      .map((p) => p.file);
    expect(places).toEqual(['main/window.ts']);
  });

  it('2–4, 6, 8–10: no insecure web preference is written anywhere under electron/', () => {
    const insecure: Record<string, RegExp> = {
      nodeIntegration: /^true$/,
      nodeIntegrationInWorker: /^true$/,
      nodeIntegrationInSubFrames: /^true$/,
      contextIsolation: /^false$/,
      sandbox: /^false$/,
      webSecurity: /^false$/,
      allowRunningInsecureContent: /^true$/,
      experimentalFeatures: /^true$/,
      enableBlinkFeatures: /^(?!undefined$)/,
      webviewTag: /^true$/,
      enableRemoteModule: /^true$/,
      allowpopups: /./,
      // Custom schemes with these would escape the CSP or run service workers.
      bypassCSP: /^true$/,
      allowServiceWorkers: /^true$/,
    };
    const found = properties().filter((p) => insecure[p.key]?.test(p.value));
    expect(found).toEqual([]);
  });

  it('2–4, 6, 8–10: the window settings are the secure ones (see window.test.ts for each)', () => {
    expect(createMainWindowOptions('/p.js').webPreferences).toMatchObject({
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
    });
  });

  it('7, 18: every answer of the app:// protocol carries the CSP and nosniff, errors included', () => {
    const root = path.resolve('/app/dist-renderer');
    for (const [url, method] of [
      ['app://moderato/index.html', 'GET'],
      ['app://moderato/missing.js', 'GET'],
      ['app://moderato/../secret', 'GET'],
      ['app://evil/index.html', 'GET'],
      ['app://moderato/index.html', 'POST'],
    ] as const) {
      const plan = planAppResponse(url, root, method);
      expect(plan.headers['Content-Security-Policy'], `${method} ${url}`).toBe(CONTENT_SECURITY_POLICY);
      expect(plan.headers['X-Content-Type-Options']).toBe('nosniff');
    }
  });

  it('18: the custom scheme gets no privilege that would bypass the CSP or open it to other origins', () => {
    expect(APP_SCHEME_DEFINITION.privileges).toEqual({
      standard: true,
      secure: true,
      supportFetchAPI: true,
      corsEnabled: false,
      stream: true,
      // V8's code cache for the app's own scripts: no privilege towards other origins.
      codeCache: true,
    });
  });

  it('18, 20: no API the checklist warns about (file protocols, code injection, certificate overrides, Chromium switches, @electron/remote) is used under electron/', () => {
    const risky = new Set([
      // certificate overrides would accept any TLS certificate.
      'setCertificateVerifyProc',
      // code injected into a page from main is code without a CSP.
      'executeJavaScript',
      'executeJavaScriptInIsolatedWorld',
      // 18: file:// protocols and loading files bypass the app:// path check.
      'registerFileProtocol',
      'interceptFileProtocol',
      'interceptHttpProtocol',
      'loadFile',
      // Chromium switches like --disable-web-security or --ignore-certificate-errors (the one
      // appendSwitch allowed is checked below).
      'appendArgument',
    ]);
    const found: string[] = [];
    for (const { file, sf } of FILES) {
      walk(sf, (node) => {
        if (ts.isIdentifier(node) && risky.has(node.text)) found.push(`${file}: ${node.text}`);
        // @electron/remote hands main-process objects to the page; certificate-error overrides TLS.
        if (ts.isStringLiteralLike(node) && /^@electron\/remote|^certificate-error$/.test(node.text)) {
          found.push(`${file}: '${node.text}'`);
        }
        if (ts.isStringLiteralLike(node) && /ELECTRON_DISABLE_SECURITY_WARNINGS/.test(node.text)) {
          found.push(`${file}: security warnings disabled`);
        }
        if (ts.isStringLiteralLike(node) && /^file:\/\//i.test(node.text))
          found.push(`${file}: '${node.text}'`);
      });
    }
    expect(found).toEqual([]);
  });

  it('18, 20: the only Chromium switch turns off features reviewed as harmless to security', () => {
    const calls: string[] = [];
    let named = 0;
    for (const { file, sf } of FILES) {
      walk(sf, (node) => {
        if (ts.isIdentifier(node) && node.text === 'appendSwitch') named += 1;
        if (ts.isStringLiteralLike(node) && node.text === 'appendSwitch') named += 1;
        if (ts.isCallExpression(node) && /\.appendSwitch$/.test(node.expression.getText(sf)))
          calls.push(`${file}: ${node.getText(sf).replace(/\s+/g, ' ')}`);
      });
    }
    expect(calls).toEqual([
      "main/main.ts: app.commandLine.appendSwitch( 'disable-features', disabledFeaturesValue(app.commandLine.getSwitchValue('disable-features')), )",
    ]);
    // No other way to the same call (a destructured or bracketed appendSwitch).
    expect(named).toBe(1);
    // Each one reviewed: what it does, and that turning it off weakens nothing.
    // BackgroundResourceFetch fetches a page's scripts on a background thread; off, the main
    // thread fetches them, through the same loader, CSP and app:// path check.
    expect(DISABLED_CHROMIUM_FEATURES).toEqual(['BackgroundResourceFetch']);
    expect(disabledFeaturesValue('A,,B')).toBe('A,B,BackgroundResourceFetch');
    expect(disabledFeaturesValue('')).toBe('BackgroundResourceFetch');
  });

  it('16: Electron is pinned to an exact version, and that version is the one installed', () => {
    const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
      devDependencies: Record<string, string>;
    };
    const pinned = pkg.devDependencies.electron ?? '';
    expect(pinned).toMatch(/^\d+\.\d+\.\d+$/);
    const installed = JSON.parse(
      readFileSync(path.join(ROOT, 'node_modules/electron/package.json'), 'utf8'),
    ) as {
      version: string;
    };
    expect(installed.version).toBe(pinned);
  });
});
