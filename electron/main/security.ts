/**
 * The window and session hardening. The policy is in pure functions over URL
 * strings; installSecurityPolicy only wires them to Electron's events.
 */
import type { App, Session, WebContents } from 'electron';
import { APP_HOST, APP_SCHEME } from '../shared/contract';

const EXTERNAL_PROTOCOLS = new Set(['http:', 'https:', 'mailto:']);

function parseUrl(url: unknown): URL | null {
  if (typeof url !== 'string' || url.length > 8192) return null;
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/** True for URLs on our own origin: app://moderato, no port, no credentials. */
function isAppOrigin(url: URL): boolean {
  return url.protocol === `${APP_SCHEME}:` && url.host === APP_HOST && !url.username && !url.password;
}

/** Links that may leave the app through the system browser or mail client. */
export function isAllowedExternalUrl(url: unknown): boolean {
  const parsed = parseUrl(url);
  if (parsed === null || !EXTERNAL_PROTOCOLS.has(parsed.protocol)) return false;
  // Credentials in a link are a classic way to disguise the real host.
  if (parsed.username || parsed.password) return false;
  if (parsed.protocol === 'mailto:') return parsed.pathname.length > 0;
  return parsed.hostname.length > 0;
}

/** The UI never navigates away from its own origin. */
export function isAllowedNavigation(url: unknown): boolean {
  const parsed = parseUrl(url);
  return parsed !== null && isAppOrigin(parsed);
}

/** Only frames showing our own UI may call IPC. */
export function isTrustedSender(frameUrl: string | null | undefined): boolean {
  return isAllowedNavigation(frameUrl);
}

/**
 * Requests the session lets through. data: and blob: stay on the machine and the
 * CSP allows them for images, so they are not network requests worth blocking.
 */
export function isAllowedRequestUrl(url: unknown): boolean {
  const parsed = parseUrl(url);
  if (parsed === null) return false;
  if (parsed.protocol === 'devtools:' || parsed.protocol === 'data:') return true;
  if (parsed.protocol === 'blob:') return isAllowedNavigation(parsed.pathname);
  return isAppOrigin(parsed);
}

type OpenExternal = (url: string) => Promise<void>;

function openSafely(openExternal: OpenExternal, url: string): void {
  openExternal(url).catch((error: unknown) => console.warn('Could not open external link', error));
}

/** Applies the navigation rules to one WebContents (windows, and anything else created). */
export function hardenWebContents(contents: WebContents, openExternal: OpenExternal): void {
  contents.setWindowOpenHandler(({ url }) => {
    if (isAllowedExternalUrl(url)) openSafely(openExternal, url);
    return { action: 'deny' };
  });
  // will-navigate covers the main frame and is the one that hands links to the browser.
  contents.on('will-navigate', (event) => {
    if (isAllowedNavigation(event.url)) return;
    event.preventDefault();
    if (isAllowedExternalUrl(event.url)) openSafely(openExternal, event.url);
  });
  // Subframes only: the main frame is handled above, and opening a link twice would be worse.
  contents.on('will-frame-navigate', (event) => {
    if (event.isMainFrame || isAllowedNavigation(event.url)) return;
    event.preventDefault();
  });
  // A redirect is not a click: block it without opening anything.
  contents.on('will-redirect', (event) => {
    if (!isAllowedNavigation(event.url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

export function installSecurityPolicy(
  app: Pick<App, 'on'>,
  session: Session,
  openExternal: OpenExternal,
): void {
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, openExternal));

  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  // Optional so that a future Electron without it does not crash the start.
  session.setDevicePermissionHandler?.(() => false);

  // Moderato never talks to the network: everything but our own origin is cancelled.
  session.webRequest.onBeforeRequest((details, callback) => {
    callback({ cancel: !isAllowedRequestUrl(details.url) });
  });
}
