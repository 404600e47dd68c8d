import { describe, expect, it } from 'vitest';
import {
  continueList,
  parseInline,
  parseVisionText,
  toggleList,
  toggleMarker,
  visionPlainText,
  type TextEdit,
  type VisionLine,
} from '../../renderer/src/domain/visionText';

/** A line as compact strings: "b:" bold, "i:" italic, "bi:" both, plain as is. */
function compact(line: VisionLine): string[] {
  return line.map(
    (span) =>
      `${span.bold ? 'b' : ''}${span.italic ? 'i' : ''}${span.bold || span.italic ? ':' : ''}${span.text}`,
  );
}

const inline = (text: string) => compact(parseInline(text));

describe('parseInline', () => {
  it('reads **bold** and *italic*', () => {
    expect(inline('Wir sind **digital** und *bürgernah*.')).toEqual([
      'Wir sind ',
      'b:digital',
      ' und ',
      'i:bürgernah',
      '.',
    ]);
  });

  it('nests italic in bold and bold in italic', () => {
    expect(inline('**ganz *sicher* digital**')).toEqual(['b:ganz ', 'bi:sicher', 'b: digital']);
    expect(inline('*offen **und** fair*')).toEqual(['i:offen ', 'bi:und', 'i: fair']);
    expect(inline('***beides***')).toEqual(['bi:beides']);
    expect(inline('**fett *und kursiv***')).toEqual(['b:fett ', 'bi:und kursiv']);
  });

  it('keeps unclosed markers as typed', () => {
    expect(inline('**nur offen')).toEqual(['**nur offen']);
    expect(inline('*halb')).toEqual(['*halb']);
    expect(inline('a ** b')).toEqual(['a ** b']);
    expect(inline('****')).toEqual(['****']);
    expect(inline('**fett** und *offen')).toEqual(['b:fett', ' und *offen']);
  });

  it('needs markers to touch the words (so arithmetic stays text)', () => {
    expect(inline('5 * 3 * 2')).toEqual(['5 * 3 * 2']);
    expect(inline('** nicht fett **')).toEqual(['** nicht fett **']);
    expect(inline('*a *')).toEqual(['*a *']);
  });

  it('keeps stars inside words as text: the German gender star', () => {
    expect(inline('Bürger*innen und Mitarbeiter*innen')).toEqual(['Bürger*innen und Mitarbeiter*innen']);
    expect(inline('*Alle* Bürger*innen')).toEqual(['i:Alle', ' Bürger*innen']);
    expect(inline('**Wichtig:** Kolleg*innen')).toEqual(['b:Wichtig:', ' Kolleg*innen']);
    expect(inline('(*kursiv*), **fett**.')).toEqual(['(', 'i:kursiv', '), ', 'b:fett', '.']);
  });

  it('leaves HTML-looking input as plain text', () => {
    const attack = '<img src=x onerror="alert(1)"> **<script>alert(2)</script>**';
    expect(parseInline(attack)).toEqual([
      { text: '<img src=x onerror="alert(1)"> ', bold: false, italic: false },
      { text: '<script>alert(2)</script>', bold: true, italic: false },
    ]);
    expect(inline('&lt;b&gt; [x](javascript:alert(1))')).toEqual(['&lt;b&gt; [x](javascript:alert(1))']);
  });
});

describe('parseVisionText', () => {
  it('splits paragraphs at blank lines and keeps line breaks inside', () => {
    const blocks = parseVisionText('Erste Zeile\nzweite Zeile\n\n\nNeuer Absatz');
    expect(blocks).toHaveLength(2);
    expect(blocks[0]).toMatchObject({ kind: 'paragraph' });
    expect(blocks[0]!.kind === 'paragraph' && blocks[0]!.lines.map(compact)).toEqual([
      ['Erste Zeile'],
      ['zweite Zeile'],
    ]);
    expect(blocks[1]!.kind === 'paragraph' && blocks[1]!.lines.map(compact)).toEqual([['Neuer Absatz']]);
  });

  it('reads "- " lines as a list, with formatting inside items', () => {
    const blocks = parseVisionText(
      'Bis 2030:\n- **Digital** zuerst\n- *bürgernah*\n  - eingerückt\nDanach Text',
    );
    expect(blocks.map((block) => block.kind)).toEqual(['paragraph', 'list', 'paragraph']);
    const list = blocks[1]!;
    expect(list.kind === 'list' && list.items.map(compact)).toEqual([
      ['b:Digital', ' zuerst'],
      ['i:bürgernah'],
      ['eingerückt'],
    ]);
  });

  it('does not read "-" without a space, or "* " as a list', () => {
    const blocks = parseVisionText('-5 Grad\n* Stern');
    expect(blocks).toHaveLength(1);
    expect(blocks[0]!.kind).toBe('paragraph');
  });

  it('gives no blocks for empty text and handles Windows line breaks', () => {
    expect(parseVisionText('  \n\n ')).toEqual([]);
    expect(parseVisionText('a\r\n\r\nb')).toHaveLength(2);
  });
});

describe('visionPlainText', () => {
  it('drops the markers and keeps the structure', () => {
    expect(visionPlainText('Wir sind **digital**.\n\n- *offen*\n- fair')).toBe(
      'Wir sind digital.\n– offen\n– fair',
    );
    expect(visionPlainText('**halb')).toBe('**halb');
    expect(visionPlainText('')).toBe('');
  });
});

function at(text: string, start: number, end = start): TextEdit {
  return { text, selectionStart: start, selectionEnd: end };
}

describe('toggleMarker', () => {
  it('wraps the selection and keeps it selected', () => {
    const result = toggleMarker(at('Wir sind digital', 9, 16), '**');
    expect(result).toEqual({ text: 'Wir sind **digital**', selectionStart: 11, selectionEnd: 18 });
  });

  it('leaves spaces at the edges outside the markers', () => {
    expect(toggleMarker(at('Wir sind digital', 3, 9), '*').text).toBe('Wir *sind* digital');
  });

  it('unwraps when applied again, from inside or with the markers selected', () => {
    expect(toggleMarker(at('Wir sind **digital**', 11, 18), '**').text).toBe('Wir sind digital');
    expect(toggleMarker(at('Wir sind **digital**', 9, 20), '**').text).toBe('Wir sind digital');
    expect(toggleMarker(at('*x*', 1, 2), '*').text).toBe('x');
  });

  it('tells bold and italic apart in "***x***"', () => {
    expect(toggleMarker(at('**x**', 2, 3), '*').text).toBe('***x***');
    expect(toggleMarker(at('***x***', 3, 4), '*').text).toBe('**x**');
    expect(toggleMarker(at('***x***', 3, 4), '**').text).toBe('*x*');
  });

  it('formats the whole word around the cursor or a part of a word', () => {
    expect(toggleMarker(at('Wir sind digital', 12), '**')).toEqual({
      text: 'Wir sind **digital**',
      selectionStart: 11,
      selectionEnd: 18,
    });
    expect(toggleMarker(at('Wir sind digital', 10, 13), '*').text).toBe('Wir sind *digital*');
  });

  it('puts an empty pair at a cursor between words, ready to type into', () => {
    expect(toggleMarker(at('a  b', 2), '**')).toEqual({
      text: 'a **** b',
      selectionStart: 4,
      selectionEnd: 4,
    });
  });
});

describe('toggleList', () => {
  it('turns the selected lines into items and back', () => {
    const text = 'Eins\nZwei\nDrei';
    const listed = toggleList(at(text, 0, 9));
    expect(listed.text).toBe('- Eins\n- Zwei\nDrei');
    expect(toggleList(at(listed.text, 0, 13)).text).toBe(text);
  });

  it('works on the line of the cursor and keeps the cursor on its character', () => {
    const result = toggleList(at('Eins\nZwei', 7));
    expect(result).toEqual({ text: 'Eins\n- Zwei', selectionStart: 9, selectionEnd: 9 });
  });

  it('starts an item on an empty line', () => {
    expect(toggleList(at('', 0))).toEqual({ text: '- ', selectionStart: 2, selectionEnd: 2 });
  });
});

describe('continueList', () => {
  it('starts the next item after Enter in an item', () => {
    expect(continueList(at('- Eins', 6))).toEqual({ text: '- Eins\n- ', selectionStart: 9, selectionEnd: 9 });
  });

  it('ends the list on Enter in an empty item', () => {
    expect(continueList(at('- Eins\n- ', 9))).toEqual({
      text: '- Eins\n',
      selectionStart: 7,
      selectionEnd: 7,
    });
  });

  it('does nothing outside a list or before the marker of an item', () => {
    expect(continueList(at('Absatz', 6))).toBeNull();
    expect(continueList(at('Satz\n- Eins', 5))).toBeNull();
    expect(continueList(at('- Eins', 1))).toBeNull();
  });
});
