// The browser side of SECURITY.md, in the built app as it is served: the CSP and
// its companions arrive with every page and hold (no inline code, no eval, no
// remote loads), the suite's own guards really catch what they are there to
// catch, links in cards go nowhere, and powerful browser features are off.
// Every test file's afterEach already fails on any CSP violation or request
// leaving 127.0.0.1; the controls here prove those guards are not asleep.
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY, PERMISSIONS_POLICY } from '../../electron/shared/csp';
import { addNote, createWorkshop, eventually, launchSession, note, readBoard, type Session } from './helpers';

const ROOT = path.resolve(__dirname, '../..');

let session: Session;
let page: Page;

beforeAll(async () => {
  session = await launchSession();
  page = session.page;
});
afterEach(async () => {
  await session.expectClean();
});
afterAll(async () => {
  await session?.close();
});

/** Forgets what a control provoked on purpose, so afterEach judges only the rest. */
async function forgetProvoked(): Promise<void> {
  // Let stragglers of the same event (Chromium logs some refusals twice) arrive first.
  await page.waitForTimeout(150);
  session.problems.csp.splice(0);
  session.problems.consoleErrors.splice(0);
  session.problems.external.splice(0);
  await page.evaluate(() => window.__cspViolations?.splice(0));
}

describe('Content-Security-Policy', () => {
  it('comes with every response as a header, with the other security headers', async () => {
    for (const url of [
      session.baseUrl,
      `${session.baseUrl}index.html`,
      `${session.baseUrl}does-not-exist.js`,
    ]) {
      const response = await session.context.request.get(url);
      const headers = response.headers();
      expect(headers['content-security-policy'], url).toBe(CONTENT_SECURITY_POLICY);
      expect(headers['permissions-policy'], url).toBe(PERMISSIONS_POLICY);
      expect(headers['x-content-type-options'], url).toBe('nosniff');
      expect(headers['referrer-policy'], url).toBe('no-referrer');
    }
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-inline|unsafe-eval/);
  });

  it('is also the first thing in the page, as a meta tag (for wherever the files end up)', async () => {
    const first = await page.evaluate(() => {
      const meta = document.head.firstElementChild;
      return meta?.getAttribute('http-equiv') === 'Content-Security-Policy'
        ? meta.getAttribute('content')
        : null;
    });
    expect(first).toBe(CONTENT_SECURITY_POLICY.replace(/; frame-ancestors 'none'$/, ''));
  });

  it('refuses inline script, eval and remote loads, and the suite records each refusal (control)', async () => {
    // Code run through the DevTools protocol is exempt from the CSP, so each probe makes the
    // page itself do the forbidden thing: parse a script element, run a timer string, load.
    const outcome = await page.evaluate(async () => {
      const script = document.createElement('script');
      script.textContent = 'window.__xss = "inline"';
      document.body.append(script);
      script.remove();
      window.setTimeout('window.__xss = "eval"', 0);
      document.body.insertAdjacentHTML(
        'beforeend',
        '<img id="csp-probe" src="https://example.org/pixel.png" alt="">',
      );
      const fetched = await fetch('https://example.org/').then(
        () => 'loaded',
        () => 'refused',
      );
      await new Promise((resolve) => setTimeout(resolve, 100));
      document.getElementById('csp-probe')?.remove();
      return { xss: window.__xss, fetched };
    });
    expect(outcome).toEqual({ xss: undefined, fetched: 'refused' });
    await eventually(() => {
      const seen = session.problems.csp.join('\n');
      expect(seen).toMatch(/script-src-elem blocked inline|script-src blocked inline/);
      expect(seen).toMatch(/script-src blocked eval/);
      expect(seen).toMatch(/img-src blocked https:\/\/example\.org\/pixel\.png/);
      expect(seen).toMatch(/connect-src blocked https:\/\/example\.org\//);
      const logged = session.problems.consoleErrors.join('\n');
      for (const message of [
        'inline script',
        "'unsafe-eval'",
        'Loading the image',
        'Fetch API cannot load',
      ]) {
        expect(logged).toContain(message);
      }
    });
    await forgetProvoked();
  });

  it('records no violation on any screen of a workshop', async () => {
    await createWorkshop(page, { title: 'Sicherheitsrundgang' });
    await addNote(page, (await readBoard(page))[0]?.title ?? '', 'Eine Karte für den Rundgang');
    const pages = await page
      .locator('.workshop-nav-pages a')
      .evaluateAll((links) => links.map((link) => link.getAttribute('href') ?? ''));
    expect(pages.length).toBeGreaterThan(0);
    for (const href of pages) {
      await page.locator(`.workshop-nav-pages a[href="${href}"]`).click();
      await page.locator(`.workshop-nav-pages a[href="${href}"][aria-current="page"]`).waitFor();
      await page.locator('#main').waitFor();
      await session.expectClean();
    }
    await page.getByRole('link', { name: 'Workshops', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Workshops' }).waitFor();
  });
});

describe('no request leaves 127.0.0.1', () => {
  it('the suite notices and stops a request to the outside that the CSP cannot stop (control)', async () => {
    // A top-level navigation is not governed by the CSP: only the suite's guard stands in the way.
    // A page of its own, so the app's page stays where it is.
    const probe = await session.context.newPage();
    const response = await probe.goto('https://example.org/').catch(() => null);
    await probe.close();
    expect(response, 'the request was stopped').toBeNull();
    expect(session.problems.external).toEqual(['GET https://example.org/']);
    session.problems.external.splice(0);
  });

  it('the built app links no remote fonts, styles or scripts', () => {
    const dir = path.join(ROOT, 'dist-renderer');
    const files = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) =>
      /\.(html|css|js)$/.test(f),
    );
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) {
      const text = readFileSync(path.join(dir, file), 'utf8');
      // Markup and styles may name no remote URL at all (SVG namespaces are names, not requests).
      if (/\.(html|css)$/.test(file)) {
        expect(text.replace(/http:\/\/www\.w3\.org\/[\w/.]+/g, ''), file).not.toMatch(
          /(https?:)?\/\/[a-z0-9.-]+\.[a-z]{2,}/i,
        );
      }
      expect(text, file).not.toMatch(
        /fonts\.googleapis|fonts\.gstatic|cdn\.jsdelivr|unpkg\.com|cdnjs\.|use\.typekit/,
      );
    }
  });
});

describe('links in cards', () => {
  const LINKS =
    'Quelle: https://www.bund.de/DE/home und http://intranet.verwaltung.example/wiki, Fragen an mailto:a@example.org';

  it('show as text, not as links, and clicking them opens nothing and goes nowhere', async () => {
    await createWorkshop(page, { title: 'Linkprobe' });
    const columnTitle = (await readBoard(page))[0]?.title ?? '';
    await addNote(page, columnTitle, LINKS);
    const card = note(page, LINKS);
    expect(await card.locator('a, [href]').count(), 'no link element in the card').toBe(0);

    const before = page.url();
    const text = card.locator('.note-text');
    await text.click({ position: { x: 80, y: 8 } });
    await text.click({ position: { x: 80, y: 8 }, modifiers: ['ControlOrMeta'] });
    await text.click({ position: { x: 80, y: 8 }, button: 'middle' });
    await page.waitForTimeout(200);
    expect(page.url()).toBe(before);
    expect(session.context.pages()).toHaveLength(1);
    // In the desktop app a link that did reach Chromium would leave only through the checked
    // openExternal (test/electron/main/navigationMatrix.test.ts, "an http link in a note").
  });
});

describe('powerful browser features', () => {
  it('are switched off for the page by the Permissions-Policy', async () => {
    const result = await page.evaluate(async () => {
      const policy = (document as Document & { featurePolicy?: { allowsFeature(f: string): boolean } })
        .featurePolicy;
      const allowed = Object.fromEntries(
        [
          'camera',
          'microphone',
          'geolocation',
          'display-capture',
          'clipboard-read',
          'usb',
          'serial',
          'hid',
        ].map((feature) => [feature, policy?.allowsFeature(feature) ?? 'unknown']),
      );
      const states: Record<string, string> = {};
      for (const name of ['camera', 'microphone', 'geolocation']) {
        states[name] = (await navigator.permissions.query({ name: name as PermissionName })).state;
      }
      const media = await navigator.mediaDevices
        ?.getUserMedia({ video: true, audio: true })
        .then(() => 'granted')
        .catch((error: Error) => error.name);
      const position = await new Promise<string>((resolve) =>
        navigator.geolocation.getCurrentPosition(
          () => resolve('granted'),
          (error) => resolve(error.code === error.PERMISSION_DENIED ? 'denied' : `error ${error.code}`),
        ),
      );
      return { allowed, states, media, position };
    });
    expect(Object.values(result.allowed)).toEqual(Array(8).fill(false));
    expect(result.states).toEqual({ camera: 'denied', microphone: 'denied', geolocation: 'denied' });
    expect(result.media).not.toBe('granted');
    expect(result.position).toBe('denied');
    // Chromium names the policy as the reason for each refusal.
    await eventually(() => {
      const logged = session.problems.consoleErrors.join('\n');
      expect(logged).toMatch(/Permissions policy violation: camera/);
      expect(logged).toMatch(/Permissions policy violation: microphone/);
      expect(logged).toMatch(/Geolocation access has been blocked because of a permissions policy/);
    });
    await forgetProvoked();
  });
});
