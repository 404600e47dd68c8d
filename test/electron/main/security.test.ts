import { EventEmitter } from 'node:events';
import type { App, Session, WebContents } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import {
  installSecurityPolicy,
  isAllowedExternalUrl,
  isAllowedNavigation,
  isAllowedRequestUrl,
  isTrustedSender,
} from '../../../electron/main/security';

describe('isAllowedExternalUrl', () => {
  it.each([
    'https://www.bund.de/',
    'https://example.org/pfad?frage=1#anker',
    'http://intranet.verwaltung.local/wiki',
    'mailto:moderation@example.org',
    'mailto:a@example.org?subject=Protokoll',
  ])('allows %s', (url) => {
    expect(isAllowedExternalUrl(url)).toBe(true);
  });

  it.each([
    'javascript:alert(1)',
    'JavaScript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'file:///etc/passwd',
    'file://C:/Windows/System32/calc.exe',
    'app://moderato/index.html',
    'app://moderato/../../etc/passwd',
    'app://evil/',
    'ftp://example.org/file',
    'smb://server/share',
    'ms-msdt:/id PCWDiagnostic',
    'vbscript:msgbox(1)',
    'https://user:secret@example.org/',
    'https://user@example.org/',
    'http://',
    'https://exa mple.org/',
    'not a url',
    'mailto:',
    '',
  ])('refuses %s', (url) => {
    expect(isAllowedExternalUrl(url)).toBe(false);
  });

  it('refuses values that are not strings', () => {
    expect(isAllowedExternalUrl(undefined)).toBe(false);
    expect(isAllowedExternalUrl({ toString: () => 'https://example.org' })).toBe(false);
    expect(isAllowedExternalUrl(`https://example.org/${'a'.repeat(10_000)}`)).toBe(false);
  });
});

describe('isAllowedNavigation and isTrustedSender', () => {
  it.each(['app://moderato/index.html', 'app://moderato/', 'app://moderato/index.html#/board/1'])(
    'allow our own origin: %s',
    (url) => {
      expect(isAllowedNavigation(url)).toBe(true);
      expect(isTrustedSender(url)).toBe(true);
    },
  );

  it.each([
    'app://evil/index.html',
    'app://moderato.evil/',
    'app://MODERATO/index.html',
    'app://moderato:1234/',
    'app://x@moderato/',
    'https://moderato/',
    'https://example.org/',
    'file:///work/dist-renderer/index.html',
    'devtools://devtools/bundled/inspector.html',
    'about:blank',
    'data:text/html,hi',
    'javascript:alert(1)',
    'garbage',
    '',
  ])('refuse %s', (url) => {
    expect(isAllowedNavigation(url)).toBe(false);
    expect(isTrustedSender(url)).toBe(false);
  });

  it('refuses a missing sender frame', () => {
    expect(isTrustedSender(null)).toBe(false);
    expect(isTrustedSender(undefined)).toBe(false);
  });
});

describe('isAllowedRequestUrl', () => {
  it.each([
    'app://moderato/assets/app.js',
    'devtools://devtools/bundled/inspector.html',
    'data:image/png;base64,AAAA',
    'blob:app://moderato/6c0a0d1e-3c5e-4a3c-9a0e-1b2c3d4e5f60',
  ])('lets local %s through', (url) => {
    expect(isAllowedRequestUrl(url)).toBe(true);
  });

  it.each([
    'https://example.org/tracker.gif',
    'http://127.0.0.1:8080/',
    'ws://192.168.0.2/',
    'file:///etc/passwd',
    'app://evil/x.js',
    'blob:https://example.org/6c0a0d1e',
    'nonsense',
  ])('cancels %s', (url) => {
    expect(isAllowedRequestUrl(url)).toBe(false);
  });
});

type Listener = (...args: unknown[]) => void;

function fakeContents() {
  const emitter = new EventEmitter();
  let windowOpenHandler: ((details: { url: string }) => { action: string }) | undefined;
  const contents = Object.assign(emitter, {
    setWindowOpenHandler: (handler: typeof windowOpenHandler) => {
      windowOpenHandler = handler;
    },
  });
  const event = (url: string, extra: Record<string, unknown> = {}) => ({
    url,
    ...extra,
    preventDefault: vi.fn(),
  });
  return {
    contents: contents as unknown as WebContents,
    openWindow: (url: string) => windowOpenHandler?.({ url }),
    fire(name: string, url: string, extra?: Record<string, unknown>) {
      const e = event(url, extra);
      emitter.emit(name, e, url);
      return e.preventDefault;
    },
  };
}

function installWithFakes() {
  const appEmitter = new EventEmitter();
  const handlers: Record<string, Listener> = {};
  const session = {
    setPermissionRequestHandler: (h: Listener) => (handlers.request = h),
    setPermissionCheckHandler: (h: Listener) => (handlers.check = h),
    setDevicePermissionHandler: (h: Listener) => (handlers.device = h),
    webRequest: { onBeforeRequest: (h: Listener) => (handlers.beforeRequest = h) },
  } as unknown as Session;
  const openExternal = vi.fn(async () => undefined);
  installSecurityPolicy(appEmitter as unknown as App, session, openExternal);
  const page = fakeContents();
  appEmitter.emit('web-contents-created', {}, page.contents);
  return { handlers, openExternal, page };
}

describe('installSecurityPolicy', () => {
  it('denies every new window and hands allowed links to the system browser', () => {
    const { page, openExternal } = installWithFakes();
    expect(page.openWindow('https://example.org/')).toEqual({ action: 'deny' });
    expect(page.openWindow('file:///etc/passwd')).toEqual({ action: 'deny' });
    expect(page.openWindow('app://moderato/index.html')).toEqual({ action: 'deny' });
    expect(openExternal.mock.calls).toEqual([['https://example.org/']]);
  });

  it('blocks navigation away from the app and opens allowed links externally once', () => {
    const { page, openExternal } = installWithFakes();
    expect(page.fire('will-navigate', 'app://moderato/index.html')).not.toHaveBeenCalled();
    expect(page.fire('will-navigate', 'https://example.org/')).toHaveBeenCalled();
    expect(
      page.fire('will-frame-navigate', 'https://example.org/', { isMainFrame: true }),
    ).not.toHaveBeenCalled();
    expect(page.fire('will-navigate', 'javascript:alert(1)')).toHaveBeenCalled();
    expect(openExternal.mock.calls).toEqual([['https://example.org/']]);
  });

  it('blocks subframe navigations, redirects and webviews without opening anything', () => {
    const { page, openExternal } = installWithFakes();
    expect(
      page.fire('will-frame-navigate', 'https://example.org/', { isMainFrame: false }),
    ).toHaveBeenCalled();
    expect(page.fire('will-redirect', 'https://example.org/')).toHaveBeenCalled();
    expect(page.fire('will-redirect', 'app://moderato/index.html')).not.toHaveBeenCalled();
    expect(page.fire('will-attach-webview', 'app://moderato/index.html')).toHaveBeenCalled();
    expect(openExternal).not.toHaveBeenCalled();
  });

  it('denies every permission request and check', () => {
    const { handlers } = installWithFakes();
    const callback = vi.fn();
    handlers.request?.({}, 'media', callback, {});
    handlers.request?.({}, 'notifications', callback, {});
    expect(callback.mock.calls).toEqual([[false], [false]]);
    expect(handlers.check?.({}, 'clipboard-read', 'app://moderato', {})).toBe(false);
    expect(handlers.device?.({ deviceType: 'usb' })).toBe(false);
  });

  it('cancels every request that would leave the machine', () => {
    const { handlers } = installWithFakes();
    const decide = (url: string) => {
      const callback = vi.fn();
      handlers.beforeRequest?.({ url }, callback);
      return callback.mock.calls[0]?.[0] as { cancel: boolean };
    };
    expect(decide('https://example.org/')).toEqual({ cancel: true });
    expect(decide('http://localhost:5173/')).toEqual({ cancel: true });
    expect(decide('app://moderato/index.html')).toEqual({ cancel: false });
  });
});
