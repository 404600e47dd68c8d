// The vision's small formatting language: paragraphs (separated by a blank
// line), **fett**, *kursiv* and "- " lists. The parser returns plain data that
// the UI renders as React elements, so no text ever becomes markup. Markers
// that are not closed stay as they were typed: nothing a person wrote vanishes.

export interface VisionSpan {
  text: string;
  bold: boolean;
  italic: boolean;
}

/** One line of text, as styled spans. */
export type VisionLine = VisionSpan[];

export type VisionBlock = { kind: 'paragraph'; lines: VisionLine[] } | { kind: 'list'; items: VisionLine[] };

interface Style {
  bold: boolean;
  italic: boolean;
}

const LIST_ITEM = /^\s*-(?:\s+|$)/;

/** True when a line is a "- " list item. */
export function isListLine(line: string): boolean {
  return LIST_ITEM.test(line);
}

function listItemText(line: string): string {
  return line.replace(LIST_ITEM, '');
}

const isSpace = (char: string | undefined) => char === undefined || /\s/.test(char);
/** Letters and digits: a marker inside a word is text, so "Bürger*innen" keeps its gender star. */
const isWordChar = (char: string | undefined) => char !== undefined && /[\p{L}\p{N}]/u.test(char);

/** Length of the run of '*' starting at `index`. */
function runLength(text: string, index: number, end: number): number {
  let length = 0;
  while (index + length < end && text[index + length] === '*') length += 1;
  return length;
}

/**
 * Where the marker opened before `from` closes: the index of the closing marker,
 * or -1. A closer follows a non-space character. In a run like "***" the inner
 * marker closes first, so `**a *b***` is bold "a " plus bold-italic "b".
 */
function findCloser(text: string, from: number, end: number, size: 1 | 2): number {
  let index = from;
  while (index < end) {
    if (text[index] !== '*') {
      index += 1;
      continue;
    }
    const length = runLength(text, index, end);
    const closes = index > from && !isSpace(text[index - 1]) && !isWordChar(text[index + length]);
    if (closes) {
      if (size === 2 && length >= 2) return index + length - 2;
      if (size === 1 && (length === 1 || length >= 3)) return index + length - 1;
    }
    index += length;
  }
  return -1;
}

function pushText(spans: VisionSpan[], text: string, style: Style): void {
  if (text === '') return;
  const last = spans[spans.length - 1];
  if (last && last.bold === style.bold && last.italic === style.italic) last.text += text;
  else spans.push({ text, bold: style.bold, italic: style.italic });
}

function parseRange(text: string, start: number, end: number, style: Style, spans: VisionSpan[]): void {
  let plain = '';
  let index = start;
  const flush = () => {
    pushText(spans, plain, style);
    plain = '';
  };
  while (index < end) {
    const char = text[index];
    if (char !== '*') {
      plain += char;
      index += 1;
      continue;
    }
    const length = runLength(text, index, end);
    // An opener is followed by a non-space character (so "5 * 3" stays text)
    // and does not stand right after a letter or digit.
    const opens = !isSpace(text[index + length]) && index + length < end && !isWordChar(text[index - 1]);
    if (opens && length >= 2 && !style.bold) {
      const close = findCloser(text, index + 2, end, 2);
      if (close > index + 2) {
        flush();
        parseRange(text, index + 2, close, { ...style, bold: true }, spans);
        index = close + 2;
        continue;
      }
    }
    if (opens && !style.italic) {
      // With a run of one or three or more, the first '*' may open italic.
      const open = length === 2 ? -1 : index + 1;
      const close = open === -1 ? -1 : findCloser(text, open, end, 1);
      if (close > open) {
        flush();
        parseRange(text, open, close, { ...style, italic: true }, spans);
        index = close + 1;
        continue;
      }
    }
    // Not a marker that closes: the stars are text.
    plain += '*'.repeat(length);
    index += length;
  }
  flush();
}

/** One line of text into styled spans. */
export function parseInline(line: string): VisionLine {
  const spans: VisionSpan[] = [];
  parseRange(line, 0, line.length, { bold: false, italic: false }, spans);
  return spans;
}

/** The text into blocks: paragraphs (lines kept) and lists. Blank lines end a block. */
export function parseVisionText(text: string): VisionBlock[] {
  const blocks: VisionBlock[] = [];
  let current: VisionBlock | null = null;
  for (const raw of text.replace(/\r\n?/g, '\n').split('\n')) {
    const line = raw.replace(/\s+$/, '');
    if (line.trim() === '') {
      current = null;
      continue;
    }
    if (isListLine(line)) {
      if (current?.kind !== 'list') {
        current = { kind: 'list', items: [] };
        blocks.push(current);
      }
      current.items.push(parseInline(listItemText(line).trim()));
    } else {
      if (current?.kind !== 'paragraph') {
        current = { kind: 'paragraph', lines: [] };
        blocks.push(current);
      }
      current.lines.push(parseInline(line.trim()));
    }
  }
  return blocks;
}

const lineText = (line: VisionLine) => line.map((span) => span.text).join('');

/**
 * The text without markers, e.g. for a decision: one line per paragraph line,
 * list items as "– item", blocks separated by a line break.
 */
export function visionPlainText(text: string): string {
  return parseVisionText(text)
    .map((block) =>
      block.kind === 'paragraph'
        ? block.lines.map(lineText).join('\n')
        : block.items.map((item) => `– ${lineText(item)}`).join('\n'),
    )
    .join('\n')
    .trim();
}

// ---- editing helpers for the toolbar (pure: text and selection in, text and selection out) ----

export interface TextEdit {
  text: string;
  selectionStart: number;
  selectionEnd: number;
}

function countStars(text: string, from: number, step: 1 | -1): number {
  let count = 0;
  for (let index = from; index >= 0 && index < text.length && text[index] === '*'; index += step) count += 1;
  return count;
}

/**
 * Wraps the selection in `marker` ("**" or "*"), or unwraps it when it is
 * wrapped already. A selection that starts or ends inside a word takes the
 * whole word, and the cursor inside a word formats that word; elsewhere the
 * cursor gets an empty pair, ready to type into. Spaces at the edges of the
 * selection stay outside the markers (a marker next to a space would not count).
 */
export function toggleMarker(edit: TextEdit, marker: '**' | '*'): TextEdit {
  const { text } = edit;
  let start = Math.min(edit.selectionStart, edit.selectionEnd);
  let end = Math.max(edit.selectionStart, edit.selectionEnd);
  while (start < end && /\s/.test(text[start]!)) start += 1;
  while (end > start && /\s/.test(text[end - 1]!)) end -= 1;
  // Markers count only at word edges: a selection (or the cursor) inside a word takes the whole word.
  while (start > 0 && isWordChar(text[start - 1]) && (start === end || isWordChar(text[start]))) start -= 1;
  while (end < text.length && isWordChar(text[end]) && (start === end || isWordChar(text[end - 1]))) end += 1;
  const size = marker.length;
  const starsBefore = countStars(text, start - 1, -1);
  const starsAfter = countStars(text, end, 1);
  // "**x**" is bold, "*x*" italic, "***x***" both: the run length says which markers are there.
  const has = (stars: number) => (size === 2 ? stars >= 2 : stars % 2 === 1);
  const wrapped = has(starsBefore) && has(starsAfter);
  if (start < end && wrapped) {
    return {
      text: text.slice(0, start - size) + text.slice(start, end) + text.slice(end + size),
      selectionStart: start - size,
      selectionEnd: end - size,
    };
  }
  const selected = text.slice(start, end);
  const innerBefore = countStars(selected, 0, 1);
  const innerAfter = countStars(selected, selected.length - 1, -1);
  if (innerBefore < selected.length && has(innerBefore) && has(innerAfter)) {
    const inner = selected.slice(size, selected.length - size);
    return {
      text: text.slice(0, start) + inner + text.slice(end),
      selectionStart: start,
      selectionEnd: start + inner.length,
    };
  }
  return {
    text: text.slice(0, start) + marker + selected + marker + text.slice(end),
    selectionStart: start + size,
    selectionEnd: end + size,
  };
}

/**
 * Turns the lines touched by the selection into "- " list items, or back into
 * plain lines when all of them are items already.
 */
export function toggleList(edit: TextEdit): TextEdit {
  const { text } = edit;
  const from = Math.min(edit.selectionStart, edit.selectionEnd);
  const to = Math.max(edit.selectionStart, edit.selectionEnd);
  const lineStart = text.lastIndexOf('\n', from - 1) + 1;
  // A selection that ends right after a line break does not take the next line.
  const endAt = to > from && text[to - 1] === '\n' ? to - 1 : to;
  const nextBreak = text.indexOf('\n', endAt);
  const lineEnd = nextBreak === -1 ? text.length : nextBreak;
  const lines = text.slice(lineStart, lineEnd).split('\n');
  const filled = lines.filter((line) => line.trim() !== '');
  const allItems = filled.length > 0 && filled.every(isListLine);
  const changed = lines.map((line) => {
    if (line.trim() === '') return lines.length === 1 ? (allItems ? line : '- ') : line;
    return allItems ? listItemText(line) : `- ${line.trimStart()}`;
  });
  const replacement = changed.join('\n');
  const result = text.slice(0, lineStart) + replacement + text.slice(lineEnd);
  if (from === to) {
    // Keep the cursor on the same character of its line.
    const shift = replacement.length - (lineEnd - lineStart);
    const cursor = Math.max(lineStart, Math.min(lineStart + replacement.length, from + shift));
    return { text: result, selectionStart: cursor, selectionEnd: cursor };
  }
  return { text: result, selectionStart: lineStart, selectionEnd: lineStart + replacement.length };
}

/**
 * Enter at the end of a list item starts the next item; Enter on an empty item
 * ends the list. Returns null when Enter should just break the line.
 */
export function continueList(edit: TextEdit): TextEdit | null {
  const { text, selectionStart, selectionEnd } = edit;
  if (selectionStart !== selectionEnd) return null;
  const lineStart = text.lastIndexOf('\n', selectionStart - 1) + 1;
  const nextBreak = text.indexOf('\n', selectionStart);
  const lineEnd = nextBreak === -1 ? text.length : nextBreak;
  const line = text.slice(lineStart, lineEnd);
  if (!isListLine(line)) return null;
  // Enter before or inside the "- " marker just opens a line above the item.
  const markerEnd = line.length - listItemText(line).length;
  if (selectionStart - lineStart < markerEnd) return null;
  if (listItemText(line).trim() === '') {
    const result = text.slice(0, lineStart) + text.slice(lineEnd);
    return { text: result, selectionStart: lineStart, selectionEnd: lineStart };
  }
  const indent = /^\s*/.exec(line)?.[0] ?? '';
  const insert = `\n${indent}- `;
  const result = text.slice(0, selectionStart) + insert + text.slice(selectionStart);
  const cursor = selectionStart + insert.length;
  return { text: result, selectionStart: cursor, selectionEnd: cursor };
}
