import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runMinutes } from '../../scripts/minutesCli';
import { expectDemoMinutes, readPdf } from '../e2e/helpers';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const DEMO = path.join(ROOT, 'assets/demo/ki-strategie-demo.moderato.json');

let dir = '';
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'moderato-minutes-cli-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function minutes(...args: string[]) {
  const lines: string[] = [];
  const code = await runMinutes(args, (line) => lines.push(line), Date.UTC(2027, 2, 24, 15));
  return { code, output: lines.join('\n') };
}

describe('npm run minutes', () => {
  it('writes the PDF of the demo workshop with every note and the names spelled right', async () => {
    const out = path.join(dir, 'demo.pdf');
    const { code, output } = await minutes(DEMO, out, '--approved');
    expect(output).toContain('Protokoll von „KI-Strategie');
    expect(code).toBe(0);
    expect((await stat(out)).size).toBeLessThan(400_000);
    const report = readPdf(out);
    expectDemoMinutes(report);
    expect(report.text).toContain('abgestimmt');
  }, 20_000);

  it('refuses what is not a backup and explains the call', async () => {
    const notBackup = await minutes(path.join(ROOT, 'package.json'), path.join(dir, 'x.pdf'));
    expect(notBackup.code).toBe(1);
    expect(notBackup.output).toMatch(/package\.json: /);
    expect((await minutes(DEMO)).code).toBe(2);
    expect((await minutes(path.join(dir, 'fehlt.json'), path.join(dir, 'x.pdf'))).output).toContain(
      'gibt es nicht',
    );
  });
});
