import { describe, expect, it } from 'vitest';
import type { ParticipantId } from '../../renderer/src/domain/ids';
import { exportFileName, minutesFileName } from '../../renderer/src/domain/minutes';
import {
  actionItemsCsv,
  csvCell,
  csvDocument,
  germanDate,
  notesCsv,
  votesCsv,
} from '../../renderer/src/domain/minutesCsv';
import type { ActionItem, Participant, VotingRound } from '../../renderer/src/domain/types';
import { castBallot, closeRound, startRound } from '../../renderer/src/domain/voting';
import { createTranslator } from '../../renderer/src/i18n/translator';
import { demoTree, TreeBuilder, WORKSHOP } from './minutesTree';

const t = createTranslator('de');

/** A small RFC 4180 reader (semicolons), to read the files back as a spreadsheet would. */
function parseCsv(text: string): string[][] {
  expect(text.startsWith('\uFEFF')).toBe(true);
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  const body = text.slice(1);
  for (let i = 0; i < body.length; i++) {
    const char = body[i]!;
    if (quoted) {
      if (char === '"' && body[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (char === '"') quoted = false;
      else cell += char;
    } else if (char === '"') quoted = true;
    else if (char === ';') {
      row.push(cell);
      cell = '';
    } else if (char === '\r' && body[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else {
      // Outside quotes a bare CR or LF would break the row: it must never occur.
      expect(char === '\n' || char === '\r').toBe(false);
      cell += char;
    }
  }
  expect(cell).toBe('');
  return rows;
}

describe('CSV cells and documents', () => {
  it('quotes separators, quotes and line breaks (RFC 4180) and leaves plain text alone', () => {
    expect(csvCell('Bürgeramt')).toBe('Bürgeramt');
    expect(csvCell('a;b')).toBe('"a;b"');
    expect(csvCell('Er sagte "ja"')).toBe('"Er sagte ""ja"""');
    expect(csvCell('Zeile 1\nZeile 2')).toBe('"Zeile 1\nZeile 2"');
    expect(csvCell(3.5)).toBe('3,5');
    expect(csvCell(12500)).toBe('12500');
    expect(csvCell(null)).toBe('');
  });

  it('guards against spreadsheet formulas: = + - @ tab and CR at the start get an apostrophe', () => {
    expect(csvCell('=HYPERLINK("http://x","klick")')).toBe('"\'=HYPERLINK(""http://x"",""klick"")"');
    expect(csvCell('+49 30 1234')).toBe("'+49 30 1234");
    expect(csvCell('-1')).toBe("'-1");
    expect(csvCell('@SUMME(A1)')).toBe("'@SUMME(A1)");
    expect(csvCell('\tversteckt')).toBe("'\tversteckt");
    expect(csvCell('\r=1+1')).toBe('"\'\r=1+1"');
    expect(csvCell('a=b')).toBe('a=b');
  });

  it('writes UTF-8 with a byte order mark, semicolons and CRLF', () => {
    const text = csvDocument(['Name', 'Ort'], [['Łukasz Wróbel', 'Köln; Süd']]);
    expect(text).toBe('\uFEFFName;Ort\r\nŁukasz Wróbel;"Köln; Süd"\r\n');
    expect(germanDate('2026-11-28')).toBe('28.11.2026');
    expect(germanDate('')).toBe('');
  });
});

describe('CSV exports', () => {
  it('exports every card of the demo with board, phase, place, colour and a German date', () => {
    const { tree } = demoTree();
    const rows = parseCsv(notesCsv(tree, t));
    expect(rows[0]).toEqual([
      'Board',
      'Phase',
      'Spalte / Zeile / Cluster',
      'Text',
      'Farbe',
      'Prozess',
      'Fälle pro Jahr',
      'Schmerzpunkt',
      'Erstellt',
    ]);
    expect(rows).toHaveLength(tree.notes.length + 1);
    expect(
      rows
        .slice(1)
        .map((r) => r[3])
        .sort(),
    ).toEqual(tree.notes.map((n) => (/^[=+\-@\t\r]/.test(n.text) ? `'${n.text}` : n.text)).sort());
    const building = rows.find((r) => r[5] === 'Bauantrag')!;
    expect(building[2]).toBe('Bauen und Genehmigungen / Analog');
    expect(building[6]).toBe('4200');
    expect(rows.every((r, i) => i === 0 || /^\d{2}\.\d{2}\.\d{4} \d{2}:\d{2}$/.test(r[8]!))).toBe(true);
    expect(new Set(rows.slice(1).map((r) => r[4]))).not.toContain('yellow');
  });

  it('exports the anonymous demo vote as results only, never a ballot', () => {
    const { tree } = demoTree();
    const rows = parseCsv(votesCsv(tree, t));
    const [header, ...body] = rows;
    expect(header).toEqual([
      'Abstimmungsrunde',
      'Board',
      'Methode',
      'Status',
      'Art',
      'Eintrag',
      'Punkte bzw. Nutzen Ø',
      'Platz',
      'Stimmzettel',
      'Aufwand Ø',
      'Name',
      'Stimme',
    ]);
    expect(body).toHaveLength(5);
    expect(body.every((r) => r[4] === 'Ergebnis' && r[10] === '')).toBe(true);
    expect(body.map((r) => [r[6], r[7]])).toEqual([
      ['6', '1 (gleichauf)'],
      ['6', '1 (gleichauf)'],
      ['4', '3'],
      ['1', '4 (gleichauf)'],
      ['1', '4 (gleichauf)'],
    ]);
  });

  it('adds one row per ballot and item for a named round, and no result while a round is open', () => {
    const b = new TreeBuilder();
    const board = b.board('Karten', 'columns', 'vision');
    const anna: Participant = {
      id: 'p1' as ParticipantId,
      workshopId: WORKSHOP.id,
      name: '=Anna',
      unit: '',
      role: '',
      createdAt: 0,
    };
    b.tree.participants.push(anna);
    const start = (title: string, now: number) =>
      startRound({
        workshopId: WORKSHOP.id,
        boardId: board.id,
        title,
        target: 'notes',
        settings: { method: 'points', total: 10 },
        items: [
          { id: 'x', label: 'Akte' },
          { id: 'y', label: 'Chat' },
        ],
        entitled: [anna.id],
        anonymous: false,
        closesAt: null,
        now,
      }).round;
    const named = start('Namentlich', 1);
    b.tree.ballots.push(
      castBallot(named, undefined, anna.id, { method: 'points', points: { x: 7, y: 3 } }, 2).ballot,
    );
    b.tree.votingRounds.push(closeRound(named, 3)[0]!.after as VotingRound, start('Offen', 10));
    const rows = parseCsv(votesCsv(b.tree, t)).slice(1);
    expect(rows.map((r) => [r[0], r[3], r[4], r[5], r[6], r[10], r[11]])).toEqual([
      ['Namentlich', 'abgeschlossen', 'Ergebnis', 'Akte', '7', '', ''],
      ['Namentlich', 'abgeschlossen', 'Ergebnis', 'Chat', '3', '', ''],
      ['Namentlich', 'abgeschlossen', 'Stimmzettel', 'Akte', '', "'=Anna", '7'],
      ['Namentlich', 'abgeschlossen', 'Stimmzettel', 'Chat', '', "'=Anna", '3'],
      ['Offen', 'noch offen', 'Ergebnis', 'Akte', '', '', ''],
      ['Offen', 'noch offen', 'Ergebnis', 'Chat', '', '', ''],
    ]);
  });

  it('exports action items as wer, was, bis wann, Status, dated ones first', () => {
    const b = new TreeBuilder();
    const item = (task: string, due: string, createdAt: number): ActionItem => ({
      id: `a${createdAt}` as ActionItem['id'],
      workshopId: WORKSHOP.id,
      owner: 'Selin Yıldız',
      task,
      due,
      status: 'doing',
      createdAt,
      updatedAt: createdAt,
    });
    b.tree.actionItems.push(item('Ohne Datum', '', 1), item('@Posteingang prüfen', '2027-04-30', 2));
    expect(actionItemsCsv(b.tree, t)).toBe(
      '\uFEFFWer;Was;Bis wann;Status\r\n' +
        "Selin Yıldız;'@Posteingang prüfen;30.04.2027;In Arbeit\r\n" +
        'Selin Yıldız;Ohne Datum;;In Arbeit\r\n',
    );
  });

  it('names the files like the minutes: date, short title, what', () => {
    const model = { title: 'KI-Strategie – Auftakt', date: '2026-11-28' };
    expect(minutesFileName(model, 'pdf')).toBe('2026-11-28_KI-Strategie_Protokoll.pdf');
    expect(minutesFileName(model, 'md')).toBe('2026-11-28_KI-Strategie_Protokoll.md');
    expect(exportFileName(model, 'Karten', 'csv')).toBe('2026-11-28_KI-Strategie_Karten.csv');
    expect(exportFileName({ title: 'A/B', date: '' }, 'Aufgaben', 'csv')).toBe('A-B_Aufgaben.csv');
  });
});
