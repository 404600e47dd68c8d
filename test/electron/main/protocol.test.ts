import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  APP_SCHEME_DEFINITION,
  planAppResponse,
  registerAppProtocol,
  serveAppRequest,
} from '../../../electron/main/protocol';
import { CONTENT_SECURITY_POLICY } from '../../../electron/shared/csp';

const ROOT = path.resolve('/srv/moderato/dist-renderer');

describe('planAppResponse', () => {
  it('serves index.html for the start URL with the security headers', () => {
    const plan = planAppResponse('app://moderato/index.html', ROOT);
    expect(plan.status).toBe(200);
    expect(plan.filePath).toBe(path.join(ROOT, 'index.html'));
    expect(plan.headers['Content-Type']).toBe('text/html; charset=utf-8');
    expect(plan.headers['Content-Security-Policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(plan.headers['X-Content-Type-Options']).toBe('nosniff');
    expect(plan.headers['Referrer-Policy']).toBe('no-referrer');
    expect(plan.headers['Cross-Origin-Opener-Policy']).toBe('same-origin');
  });

  it('maps the bare origin to index.html and ignores query and fragment', () => {
    expect(planAppResponse('app://moderato/', ROOT).filePath).toBe(path.join(ROOT, 'index.html'));
    expect(planAppResponse('app://moderato/assets/app.js?v=2#x', ROOT)).toMatchObject({
      status: 200,
      filePath: path.join(ROOT, 'assets', 'app.js'),
      headers: { 'Content-Type': 'text/javascript; charset=utf-8' },
    });
  });

  it.each([
    'app://evil/index.html',
    'app://moderato.evil/index.html',
    'app://MODERATO/index.html',
    'app://moderato:8080/index.html',
    'app://user:pw@moderato/index.html',
    'https://moderato/index.html',
    'file:///etc/passwd',
    'app://moderato/%2e%2e%2f%2e%2e%2fetc/passwd',
    'app://moderato/..%5c..%5csecret',
    'app://moderato/index.html%00',
    'app://moderato/%E0%A4%A',
    'not a url',
  ])('answers 404 for %s', (url) => {
    const plan = planAppResponse(url, ROOT);
    expect(plan.status).toBe(404);
    expect(plan.filePath).toBeUndefined();
    expect(plan.headers['Content-Security-Policy']).toBe(CONTENT_SECURITY_POLICY);
  });

  it('keeps URL-level dot segments inside the root', () => {
    // The URL parser already folds "/../" away; what is left must still be below ROOT.
    const plan = planAppResponse('app://moderato/../../etc/passwd', ROOT);
    expect(plan.filePath).toBe(path.join(ROOT, 'etc', 'passwd'));
  });

  it('refuses methods other than GET and HEAD', () => {
    expect(planAppResponse('app://moderato/index.html', ROOT, 'HEAD').status).toBe(200);
    const plan = planAppResponse('app://moderato/index.html', ROOT, 'POST');
    expect(plan.status).toBe(405);
    expect(plan.headers.Allow).toBe('GET, HEAD');
  });

  it('never sends a policy with unsafe-inline or unsafe-eval', () => {
    for (const url of ['app://moderato/', 'app://evil/', 'app://moderato/x.css']) {
      const csp = planAppResponse(url, ROOT).headers['Content-Security-Policy'];
      expect(csp).not.toMatch(/unsafe-inline|unsafe-eval/);
    }
  });
});

describe('serveAppRequest', () => {
  let root = '';

  beforeAll(async () => {
    root = await mkdtemp(path.join(tmpdir(), 'moderato-protocol-'));
    await mkdir(path.join(root, 'assets'));
    await writeFile(path.join(root, 'index.html'), '<!doctype html><title>Moderato</title>');
    await writeFile(path.join(root, 'assets', 'app.js'), 'console.log(1)');
    await writeFile(path.join(path.dirname(root), `${path.basename(root)}-secret.txt`), 'secret');
  });

  afterAll(async () => {
    await rm(root, { recursive: true, force: true });
    await rm(path.join(path.dirname(root), `${path.basename(root)}-secret.txt`), { force: true });
  });

  it('returns the file with its type and the CSP', async () => {
    const response = await serveAppRequest({ url: 'app://moderato/index.html', method: 'GET' }, root);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(await response.text()).toContain('<title>Moderato</title>');
  });

  it('answers 404 for missing files, folders and traversal attempts', async () => {
    const escape = `app://moderato/%2e%2e/${path.basename(root)}-secret.txt`;
    for (const url of ['app://moderato/missing.js', 'app://moderato/assets', escape]) {
      const response = await serveAppRequest({ url, method: 'GET' }, root);
      expect(response.status).toBe(404);
      expect(await response.text()).not.toContain('secret');
    }
  });

  it('answers HEAD without a body', async () => {
    const response = await serveAppRequest({ url: 'app://moderato/assets/app.js', method: 'HEAD' }, root);
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('');
  });

  it('answers 500 when reading fails for another reason', async () => {
    const failing = async (): Promise<Uint8Array<ArrayBuffer>> => {
      throw Object.assign(new Error('denied'), { code: 'EACCES' });
    };
    const response = await serveAppRequest(
      { url: 'app://moderato/index.html', method: 'GET' },
      root,
      failing,
    );
    expect(response.status).toBe(500);
  });

  it('is what registerAppProtocol installs for the app scheme', async () => {
    const handle = vi.fn();
    registerAppProtocol({ handle }, root);
    expect(handle).toHaveBeenCalledWith('app', expect.any(Function));
    const handler = handle.mock.calls[0]?.[1] as (request: Request) => Promise<Response>;
    const response = await handler(new Request('http://placeholder/'));
    expect(response.status).toBe(404);
  });
});

describe('APP_SCHEME_DEFINITION', () => {
  it('registers app:// as a standard, secure scheme with fetch and streaming', () => {
    expect(APP_SCHEME_DEFINITION).toEqual({
      scheme: 'app',
      privileges: {
        standard: true,
        secure: true,
        supportFetchAPI: true,
        corsEnabled: false,
        stream: true,
        codeCache: true,
      },
    });
  });
});
