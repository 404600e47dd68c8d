/**
 * The one Content-Security-Policy of Moderato. The app:// protocol handler and the
 * plain web server (scripts/web.mjs) both send it, so the desktop and the browser
 * build run under the same rules. No electron or DOM import: it is loaded as CommonJS.
 */

export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * Powerful browser features switched off for the page itself, a second lock
 * behind main's permission handlers (which deny everything) and the only one in
 * web mode. Only features Chromium knows: an unknown name costs a console warning.
 * Wake lock and fullscreen stay available for a projector view.
 */
export const PERMISSIONS_POLICY = [
  'accelerometer',
  'camera',
  'clipboard-read',
  'display-capture',
  'geolocation',
  'gyroscope',
  'hid',
  'idle-detection',
  'local-fonts',
  'magnetometer',
  'microphone',
  'midi',
  'payment',
  'serial',
  'usb',
  'window-management',
  'xr-spatial-tracking',
]
  .map((feature) => `${feature}=()`)
  .join(', ');

/** Headers for every response that serves the UI. */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = Object.freeze({
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'Permissions-Policy': PERMISSIONS_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
});
