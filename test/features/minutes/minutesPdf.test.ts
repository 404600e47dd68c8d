import { execFileSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MinutesModel } from '../../../renderer/src/domain/minutes';
import { printable, renderMinutesPdf } from '../../../renderer/src/features/minutes/minutesPdf';
import { createTranslator } from '../../../renderer/src/i18n/translator';
import { loadFonts } from '../../../scripts/minutesCli';

const t = createTranslator('de');
let dir = '';
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'moderato-minutes-pdf-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

function model(overrides: Partial<MinutesModel>): MinutesModel {
  return {
    title: 'Test',
    organisation: '',
    date: '',
    place: '',
    facilitators: '',
    minuteTaker: '',
    status: 'draft',
    createdAt: Date.UTC(2027, 0, 1),
    sessions: [],
    participants: [],
    phases: [
      { phase: 'vision', boards: [] },
      { phase: 'ideas', boards: [] },
    ],
    decisions: [],
    actionItems: [],
    ...overrides,
  };
}

async function render(m: MinutesModel) {
  const file = path.join(dir, `${Math.random().toString(36).slice(2)}.pdf`);
  await writeFile(file, new Uint8Array(renderMinutesPdf(m, await loadFonts(), t, 'de')));
  const text = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
  const pages = Number(/^Pages:\s+(\d+)/m.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))?.[1]);
  return { text, pages };
}

describe('renderMinutesPdf', () => {
  it('says so when a phase, the participants and the decisions are empty', async () => {
    const { text, pages } = await render(model({}));
    expect(text).toContain('In dieser Phase wurden keine Ergebnisse festgehalten.');
    expect(text).toContain('Es wurden keine Teilnehmenden erfasst.');
    expect(text).toContain('Es wurden keine Beschlüsse gefasst.');
    expect(pages).toBe(3);
  });

  it('wraps a note of 10,000 characters without spaces onto further pages instead of off the page', async () => {
    const long = 'ж'.repeat(10_000);
    const { text, pages } = await render(
      model({
        phases: [
          {
            phase: 'vision',
            boards: [{ title: 'B', noteCount: 1, columns: [{ title: 'S', notes: [long] }] }],
          },
        ],
        actionItems: [{ owner: 'Ж'.repeat(3000), task: 'kurz', due: '', status: 'open' }],
      }),
    );
    expect(text.replace(/[^ж]/g, '').length).toBe(10_000);
    expect(text.replace(/[^Ж]/g, '').length).toBe(3000);
    expect(pages).toBeGreaterThan(3);
  });

  it('replaces what the font cannot print visibly and keeps the rest', () => {
    expect(printable('Zoë 🎉 a\u0007b\u202eשלום')).toBe('Zoë \uFFFD a\uFFFDbשלום');
  });
});
