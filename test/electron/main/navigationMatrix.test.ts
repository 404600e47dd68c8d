// Every way a page can try to leave the app, for a matrix of URLs: a click on a
// link (will-navigate), window.open or a middle/ctrl click (the window open
// handler), a redirect, and a subframe. Only our own origin loads; http, https and
// mailto leave through the checked openExternal, exactly once; the rest goes nowhere.
import { EventEmitter } from 'node:events';
import * as path from 'node:path';
import type { App, Session, WebContents } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { planAppResponse } from '../../../electron/main/protocol';
import { installSecurityPolicy } from '../../../electron/main/security';

type Outcome = 'app' | 'external' | 'blocked';

const MATRIX: ReadonlyArray<[string, Outcome, string]> = [
  ['app://moderato/index.html', 'app', 'our own page'],
  ['app://moderato/index.html#/w/3f2a/b/9c1d', 'app', 'a route inside the app'],
  ['app://moderato/../../../etc/passwd', 'app', 'dot segments (the URL parser removes them)'],
  ['app://moderato/%2e%2e/%2e%2e/etc/passwd', 'app', 'encoded dot segments'],
  ['app://moderato/..%2f..%2f..%2fetc%2fpasswd', 'app', 'encoded slashes'],
  ['app://moderato/..%5c..%5cWindows%5cwin.ini', 'app', 'encoded backslashes'],
  ['app://moderato/C:/Windows/win.ini', 'app', 'a drive letter'],
  ['app://moderato//etc/passwd', 'app', 'a double slash'],
  ['app://evil/index.html', 'blocked', 'another host on our scheme'],
  ['app://moderato.evil/index.html', 'blocked', 'a look-alike host'],
  ['app://evil@moderato/index.html', 'blocked', 'credentials on our scheme'],
  ['http://example.org/', 'external', 'a plain http link'],
  ['https://www.bund.de/DE/startseite.html', 'external', 'an https link'],
  ['mailto:moderation@example.org?subject=Protokoll', 'external', 'a mail link'],
  ['https://user:geheim@example.org/', 'blocked', 'credentials that disguise the host'],
  ['javascript:window.__xss=1', 'blocked', 'javascript:'],
  ['JaVaScRiPt:window.__xss=1', 'blocked', 'javascript: in mixed case'],
  ['  javascript:window.__xss=1', 'blocked', 'javascript: after spaces'],
  ['java\tscript:window.__xss=1', 'blocked', 'javascript: with a tab inside'],
  ['data:text/html,<script>window.__xss=1</script>', 'blocked', 'a data: page'],
  ['data:text/html;base64,PHNjcmlwdD53aW5kb3cuX194c3M9MTwvc2NyaXB0Pg==', 'blocked', 'a base64 data: page'],
  ['file:///etc/passwd', 'blocked', 'a local file'],
  ['file:///C:/Windows/System32/calc.exe', 'blocked', 'a Windows program'],
  ['file://server/share/setup.exe', 'blocked', 'a file on a network share'],
  ['\\\\server\\share\\setup.exe', 'blocked', 'a raw UNC path'],
  ['blob:app://moderato/6b3f0c9e-0000-4000-8000-000000000000', 'blocked', 'a blob of our origin'],
  ['about:blank', 'blocked', 'about:blank'],
  ['chrome://settings/', 'blocked', 'browser internals'],
  ['devtools://devtools/bundled/inspector.html', 'blocked', 'developer tools'],
  ['vbscript:msgbox(1)', 'blocked', 'vbscript:'],
  ['ms-msdt:/id PCWDiagnostic /skip force', 'blocked', 'a Windows protocol handler (Follina)'],
  ['search-ms:query=rechnung&crumb=location:\\\\evil\\share', 'blocked', 'Windows search'],
  ['smb://server/share', 'blocked', 'SMB'],
  ['ftp://example.org/datei', 'blocked', 'FTP'],
  ['tel:+4930123456', 'blocked', 'a phone number'],
  [`https://example.org/${'a'.repeat(9_000)}`, 'blocked', 'an overlong URL'],
];

/** A WebContents that records what the policy does, driven like Chromium drives the real one. */
function fakeContents() {
  const emitter = new EventEmitter();
  let windowOpenHandler: ((details: { url: string; disposition: string }) => { action: string }) | undefined;
  const contents = Object.assign(emitter, {
    setWindowOpenHandler(handler: typeof windowOpenHandler) {
      windowOpenHandler = handler;
    },
  }) as unknown as WebContents;
  function fire(name: string, url: string, extra: Record<string, unknown> = {}): boolean {
    const event = { url, ...extra, preventDefault: vi.fn() };
    emitter.emit(name, event, url);
    return event.preventDefault.mock.calls.length > 0;
  }
  return {
    contents,
    /** Returns whether the page may go there. */
    navigate: (url: string) => !fire('will-navigate', url, { isMainFrame: true }),
    subframe: (url: string) => !fire('will-frame-navigate', url, { isMainFrame: false }),
    redirect: (url: string) => !fire('will-redirect', url, { isMainFrame: true }),
    open: (url: string, disposition = 'new-window') => windowOpenHandler?.({ url, disposition }),
  };
}

function harness(openExternal = vi.fn(async (_url: string) => undefined)) {
  const app = new EventEmitter();
  const session = {
    setPermissionRequestHandler: vi.fn(),
    setPermissionCheckHandler: vi.fn(),
    setDevicePermissionHandler: vi.fn(),
    webRequest: { onBeforeRequest: vi.fn() },
  } as unknown as Session;
  installSecurityPolicy(app as unknown as App, session, openExternal);
  const page = fakeContents();
  app.emit('web-contents-created', {}, page.contents);
  return { page, openExternal };
}

const RENDERER_ROOT = path.resolve('/opt/Moderato/resources/app.asar/dist-renderer');

describe('navigation and window.open matrix', () => {
  it('has at least 15 URLs of every kind', () => {
    expect(MATRIX.length).toBeGreaterThanOrEqual(15);
    expect(new Set(MATRIX.map(([, outcome]) => outcome))).toEqual(new Set(['app', 'external', 'blocked']));
  });

  describe.each(MATRIX)('%s (%s: %s)', (url, outcome) => {
    it('a link click stays in the app, leaves through openExternal once, or goes nowhere', () => {
      const { page, openExternal } = harness();
      expect(page.navigate(url)).toBe(outcome === 'app');
      expect(openExternal.mock.calls).toEqual(outcome === 'external' ? [[url]] : []);
    });

    it.each(['new-window', 'foreground-tab', 'background-tab'])(
      'window.open (%s) never opens a window, only the system browser for external links',
      (disposition) => {
        const { page, openExternal } = harness();
        expect(page.open(url, disposition)).toEqual({ action: 'deny' });
        expect(openExternal.mock.calls).toEqual(outcome === 'external' ? [[url]] : []);
      },
    );

    it('redirects and subframes only ever reach our own origin, and open nothing', () => {
      const { page, openExternal } = harness();
      expect(page.redirect(url)).toBe(outcome === 'app');
      expect(page.subframe(url)).toBe(outcome === 'app');
      expect(openExternal).not.toHaveBeenCalled();
    });

    if (outcome === 'app') {
      it('is served from inside the app folder or not at all (no path traversal)', () => {
        const plan = planAppResponse(new URL(url).href, RENDERER_ROOT);
        if (plan.status === 200) expect(plan.filePath?.startsWith(RENDERER_ROOT + path.sep)).toBe(true);
        else expect(plan.status).toBe(404);
        expect(plan.headers['Content-Security-Policy']).toBeDefined();
      });
    }
  });
});

describe('an http link in a note', () => {
  // Notes show their text as text, so a URL in one is not a link (test/e2e/security.test.ts
  // checks that in the browser). Should a click on it ever reach Chromium as a navigation,
  // this is the only way out.
  const NOTE_LINK = 'http://intranet.verwaltung.example/wiki/Digitalstrategie?stand=2027#ziele';

  it('opens in the system browser exactly once on a plain click, and the window stays', () => {
    const { page, openExternal } = harness();
    expect(page.navigate(NOTE_LINK)).toBe(false);
    expect(openExternal.mock.calls).toEqual([[NOTE_LINK]]);
  });

  it('opens in the system browser exactly once on a middle or ctrl click, and no window opens', () => {
    const { page, openExternal } = harness();
    expect(page.open(NOTE_LINK, 'background-tab')).toEqual({ action: 'deny' });
    expect(openExternal.mock.calls).toEqual([[NOTE_LINK]]);
  });

  it('keeps the app running when the system cannot open the link', async () => {
    const failing = vi.fn(async () => {
      throw new Error('no browser installed');
    });
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const { page } = harness(failing);
    expect(page.navigate(NOTE_LINK)).toBe(false);
    await vi.waitFor(() => expect(warn).toHaveBeenCalled());
    warn.mockRestore();
  });
});
