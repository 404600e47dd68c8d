// Every permission Electron knows is denied: requests, checks and device access,
// for our own origin as much as for any other. The lists are typed against
// Electron's own declarations, so an Electron upgrade that adds a permission
// fails the typecheck here until it is listed (and thereby tested).
import { EventEmitter } from 'node:events';
import type { App, Session } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { installSecurityPolicy } from '../../../electron/main/security';

type RequestHandler = NonNullable<Parameters<Session['setPermissionRequestHandler']>[0]>;
type CheckHandler = NonNullable<Parameters<Session['setPermissionCheckHandler']>[0]>;
type DeviceHandler = NonNullable<Parameters<Session['setDevicePermissionHandler']>[0]>;
type RequestPermission = Parameters<RequestHandler>[1];
type CheckPermission = Parameters<CheckHandler>[1];
type DeviceType = Parameters<DeviceHandler>[0]['deviceType'];

const REQUEST_PERMISSIONS = {
  ar: true,
  'automatic-fullscreen': true,
  'background-fetch': true,
  'background-sync': true,
  'captured-surface-control': true,
  'clipboard-read': true,
  'clipboard-sanitized-write': true,
  'deprecated-sync-clipboard-read': true,
  'display-capture': true,
  fileSystem: true,
  fullscreen: true,
  geolocation: true,
  'geolocation-approximate': true,
  'hand-tracking': true,
  hid: true,
  'idle-detection': true,
  keyboardLock: true,
  'local-fonts': true,
  'local-network': true,
  'local-network-access': true,
  'loopback-network': true,
  media: true,
  mediaKeySystem: true,
  midi: true,
  midiSysex: true,
  nfc: true,
  notifications: true,
  openExternal: true,
  'payment-handler': true,
  'periodic-background-sync': true,
  'persistent-storage': true,
  pointerLock: true,
  'screen-wake-lock': true,
  sensors: true,
  serial: true,
  'smart-card': true,
  'speaker-selection': true,
  'storage-access': true,
  'system-wake-lock': true,
  'top-level-storage-access': true,
  usb: true,
  vr: true,
  'web-app-installation': true,
  'web-printing': true,
  'window-management': true,
  unknown: true,
} as const satisfies Record<RequestPermission, true>;

// The check handler takes the same names today; typed separately in case Electron splits them.
const CHECK_PERMISSIONS = REQUEST_PERMISSIONS satisfies Record<CheckPermission, true>;
const DEVICE_TYPES = { hid: true, serial: true, usb: true } as const satisfies Record<DeviceType, true>;

const ORIGINS = ['app://moderato', 'app://moderato/index.html', 'https://example.org', 'file:///', ''];

function installed() {
  const handlers: { request?: RequestHandler; check?: CheckHandler; device?: DeviceHandler } = {};
  const session = {
    setPermissionRequestHandler: (handler: RequestHandler) => (handlers.request = handler),
    setPermissionCheckHandler: (handler: CheckHandler) => (handlers.check = handler),
    setDevicePermissionHandler: (handler: DeviceHandler) => (handlers.device = handler),
    webRequest: { onBeforeRequest: vi.fn() },
  } as unknown as Session;
  installSecurityPolicy(
    new EventEmitter() as unknown as App,
    session,
    vi.fn(async () => undefined),
  );
  return handlers;
}

describe('permission requests', () => {
  it('installs a request, a check and a device handler on the session', () => {
    const handlers = installed();
    expect(typeof handlers.request).toBe('function');
    expect(typeof handlers.check).toBe('function');
    expect(typeof handlers.device).toBe('function');
  });

  it.each(Object.keys(REQUEST_PERMISSIONS) as RequestPermission[])(
    'denies a request for %s',
    (permission) => {
      const handlers = installed();
      for (const requestingUrl of ORIGINS) {
        const callback = vi.fn();
        const details = { requestingUrl, isMainFrame: true, mediaTypes: ['video', 'audio'], externalURL: '' };
        handlers.request?.({} as never, permission, callback, details as never);
        expect(callback.mock.calls, `${permission} from "${requestingUrl}"`).toEqual([[false]]);
      }
    },
  );

  it.each(Object.keys(CHECK_PERMISSIONS) as CheckPermission[])(
    'answers "no" when asked about %s',
    (permission) => {
      const handlers = installed();
      for (const origin of ORIGINS) {
        const details = {
          requestingUrl: origin,
          isMainFrame: true,
          securityOrigin: origin,
          embeddingOrigin: origin,
        };
        expect(
          handlers.check?.(null, permission, origin, details as never),
          `${permission} for "${origin}"`,
        ).toBe(false);
      }
    },
  );

  it.each(Object.keys(DEVICE_TYPES) as DeviceType[])('grants no %s device', (deviceType) => {
    const handlers = installed();
    for (const origin of ORIGINS) {
      const details = { deviceType, origin, device: { deviceId: '1', vendorId: 1, productId: 1 } };
      expect(handlers.device?.(details as never)).toBe(false);
    }
  });
});
