// Takes screenshots of every screen of the demo workshop, to look at what we
// build: desktop (1920×1080), a small laptop (1280×720) and the projector window.
// Usage: npm run screenshots [-- <out dir>]   (default /tmp/moderato-screenshots)
// Needs a build (runs one when stale, like `npm run web`) and Debian's Chromium (scripts/chromium.mjs).
import { mkdirSync } from 'node:fs';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { chromiumLaunchOptions } from './chromium.mjs';

const root = fileURLToPath(new URL('../', import.meta.url));
const outDir = process.argv[2] ?? '/tmp/moderato-screenshots';
mkdirSync(outDir, { recursive: true });

function startServer() {
  const child = spawn(process.execPath, ['scripts/web.mjs'], {
    cwd: root,
    env: { ...process.env, PORT: '0' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    let output = '';
    child.stdout.on('data', (chunk) => {
      output += chunk.toString('utf8');
      const match = /(http:\/\/127\.0\.0\.1:\d+\/)/.exec(output);
      if (match) resolve({ child, baseUrl: match[1] });
    });
    child.on('exit', (code) => reject(new Error(`web server exited with ${code}`)));
  });
}

const slug = (text) =>
  text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 40);

const { child, baseUrl } = await startServer();
const browser = await chromium.launch(chromiumLaunchOptions());
try {
  const context = await browser.newContext({ viewport: { width: 1920, height: 1080 }, locale: 'de-DE' });
  // Nothing leaves 127.0.0.1, screenshots included.
  await context.route(/^(?!http:\/\/127\.0\.0\.1)/, (route) => route.abort());
  const page = await context.newPage();
  await page.goto(baseUrl);
  await page.getByRole('button', { name: 'Demo-Workshop öffnen' }).click();
  await page.getByRole('heading', { level: 1 }).filter({ hasText: 'Demo' }).waitFor();
  const shot = async (name) => {
    await page.waitForTimeout(300);
    await page.screenshot({ path: `${outDir}/${name}.png` });
    console.log(`${outDir}/${name}.png`);
  };
  await shot('01-overview');
  const nav = page.getByRole('navigation', { name: 'Bereiche des Workshops' });
  const pages = await nav.locator('.workshop-nav-pages a').allTextContents();
  for (const [index, title] of pages.entries()) {
    await nav.getByRole('link', { name: title, exact: true }).click();
    await shot(`02-page-${index}-${slug(title)}`);
  }
  const boards = await nav.locator('.workshop-nav-boards a').allTextContents();
  for (const [index, title] of boards.entries()) {
    await nav.getByRole('link', { name: title.trim(), exact: true }).click();
    await page.locator('main').waitFor();
    await shot(`03-board-${index}-${slug(title)}`);
    await page.setViewportSize({ width: 1280, height: 720 });
    await shot(`04-board-${index}-${slug(title)}-1280`);
    await page.setViewportSize({ width: 1920, height: 1080 });
  }
  // The projector follows the board the facilitator shows.
  const popup = context.waitForEvent('page');
  await page.getByRole('button', { name: 'Projektor öffnen' }).click();
  const projector = await popup;
  await projector.setViewportSize({ width: 1920, height: 1080 });
  for (const [index, title] of boards.entries()) {
    await nav.getByRole('link', { name: title.trim(), exact: true }).click();
    await projector.getByRole('heading', { level: 2, name: title.trim() }).waitFor();
    await projector.waitForTimeout(300);
    await projector.screenshot({ path: `${outDir}/05-projector-${index}-${slug(title)}.png` });
    console.log(`${outDir}/05-projector-${index}-${slug(title)}.png`);
  }
} finally {
  await browser.close();
  child.kill('SIGTERM');
}
