// Reading a tagged PDF back in the tests: the pages' content streams (are all
// drawings marked?), the structure elements' alternative texts, and poppler's
// view of the structure tree (pdfinfo -struct-text).
import { execFileSync } from 'node:child_process';
import { inflateSync } from 'node:zlib';

const latin1 = (bytes: Uint8Array) => Buffer.from(bytes).toString('latin1');

/** The body of object `id` (between "id 0 obj" and "endobj"), and where its stream starts. */
function objectAt(text: string, id: number): { dict: string; streamStart: number } {
  const start = text.indexOf(`\n${id} 0 obj\n`);
  if (start < 0) throw new Error(`object ${id} not found`);
  const end = text.indexOf('endobj', start);
  const body = text.slice(start, end);
  const stream = body.indexOf('stream\n');
  return {
    dict: stream < 0 ? body : body.slice(0, stream),
    streamStart: stream < 0 ? -1 : start + stream + 'stream\n'.length,
  };
}

/** The content stream of each page, in page order, inflated. */
export function pageContents(pdf: Uint8Array): string[] {
  const text = latin1(pdf);
  const kids = /\/Type \/Pages\n\/Kids \[([^\]]*)\]/.exec(text)?.[1] ?? '';
  const pageIds = [...kids.matchAll(/(\d+) 0 R/g)].map((m) => Number(m[1]));
  return pageIds.map((pageId) => {
    const contentsId = Number(/\/Contents (\d+) 0 R/.exec(objectAt(text, pageId).dict)?.[1]);
    const { dict, streamStart } = objectAt(text, contentsId);
    const length = Number(/\/Length (\d+)/.exec(dict)?.[1]);
    const data = Buffer.from(pdf.subarray(streamStart, streamStart + length));
    return (/\/FlateDecode/.test(dict) ? inflateSync(data) : data).toString('latin1');
  });
}

/** Operators that draw: show text, or paint a path. */
const DRAWING = /(?:^|\s)(Tj|TJ|'|"|f\*?|F|S|s|B\*?|b\*?|Do|sh)$/;

/**
 * Every drawing operator outside a marked-content sequence (neither tagged
 * content nor an artifact), and marked content inside marked content (PDF/UA
 * forbids content inside an artifact, and an MCID inside another is ambiguous).
 */
export function unmarkedDrawing(pdf: Uint8Array): string[] {
  const found: string[] = [];
  pageContents(pdf).forEach((content, i) => {
    const open: string[] = [];
    for (const line of content.split('\n')) {
      const op = line.trim();
      if (/(?:^|\s)(BDC|BMC)$/.test(op)) {
        if (open.length > 0) found.push(`page ${i + 1}: ${op} inside ${open.at(-1)}`);
        open.push(op);
      } else if (op === 'EMC') {
        if (open.pop() === undefined) found.push(`page ${i + 1}: EMC without BDC`);
      } else if (open.length === 0 && DRAWING.test(op)) found.push(`page ${i + 1}: ${op.slice(-60)}`);
    }
    if (open.length > 0) found.push(`page ${i + 1}: ${open.length} marked-content sequences left open`);
  });
  return found;
}

/** The PDF's objects without a stream, by number (the structure elements, the pages, the annotations). */
function objects(pdf: Uint8Array): Map<number, string> {
  const found = new Map<number, string>();
  for (const m of latin1(pdf).matchAll(/\n(\d+) 0 obj\n([\s\S]*?)\nendobj/g))
    if (!m[2]!.includes('stream\n')) found.set(Number(m[1]), m[2]!);
  return found;
}

/** The entries of a number tree's /Nums array: key → an array of references or one reference. */
function numsOf(dict: string): Map<number, Array<number | null> | number> {
  const nums = /\/Nums \[([\s\S]*)\] >>/.exec(dict)?.[1] ?? '';
  const entries = new Map<number, Array<number | null> | number>();
  for (const m of nums.matchAll(/(\d+) (?:\[([^\]]*)\]|(\d+) 0 R)/g)) {
    entries.set(
      Number(m[1]),
      m[3] !== undefined
        ? Number(m[3])
        : [...m[2]!.matchAll(/(\d+) 0 R|null/g)].map((r) => (r[1] ? Number(r[1]) : null)),
    );
  }
  return entries;
}

/**
 * The way back from content to structure, as screen readers and checkers go
 * it: each page's /StructParents entry in the parent tree names, for every
 * MCID in the page, the element that holds that MCID (of the same type as its
 * tag, on that page); each annotation's /StructParent names the Link element
 * that holds it. Returns what does not hold.
 */
export function parentTreeProblems(pdf: Uint8Array): string[] {
  const problems: string[] = [];
  const all = objects(pdf);
  const root = [...all.values()].find((o) => o.includes('/Type /StructTreeRoot'));
  if (!root) return ['no StructTreeRoot'];
  const nums = numsOf(root);
  const text = latin1(pdf);
  const kids = /\/Type \/Pages\n\/Kids \[([^\]]*)\]/.exec(text)?.[1] ?? '';
  const pageIds = [...kids.matchAll(/(\d+) 0 R/g)].map((m) => Number(m[1]));
  const contents = pageContents(pdf);
  pageIds.forEach((pageId, i) => {
    const key = /\/StructParents (\d+)/.exec(all.get(pageId) ?? '')?.[1];
    if (key === undefined) return void problems.push(`page ${i + 1}: no /StructParents`);
    const entry = nums.get(Number(key));
    if (!Array.isArray(entry)) return void problems.push(`page ${i + 1}: no parent tree entry ${key}`);
    for (const m of contents[i]!.matchAll(/\/(\w+) << \/MCID (\d+) >> BDC/g)) {
      const [tag, mcid] = [m[1]!, Number(m[2])];
      const elem = all.get(entry[mcid] ?? -1) ?? '';
      const k = /\/K \[(.*)\] >>$/.exec(elem)?.[1] ?? '';
      // Bare numbers in /K are MCIDs on the element's page (its /Pg, outside /K).
      const bareMcids = k
        .replace(/<<[^>]*>>/g, ' ')
        .replace(/\d+ 0 R/g, ' ')
        .split(' ')
        .filter(Boolean)
        .map(Number);
      const onPage = elem.slice(0, elem.indexOf('/K [')).includes(`/Pg ${pageId} 0 R`);
      const viaMcr = k.includes(`<< /Type /MCR /Pg ${pageId} 0 R /MCID ${mcid} >>`);
      if (!elem.startsWith(`<< /S /${tag} `) || !((onPage && bareMcids.includes(mcid)) || viaMcr))
        problems.push(`page ${i + 1}: MCID ${mcid} (${tag}) -> ${elem.slice(0, 80) || 'nothing'}`);
    }
  });
  for (const [id, annotation] of all) {
    if (!annotation.startsWith('<< /Type /Annot')) continue;
    const key = /\/StructParent (\d+)/.exec(annotation)?.[1];
    const elem = all.get(Number(nums.get(Number(key)) ?? -1)) ?? '';
    if (!elem.startsWith('<< /S /Link ') || !elem.includes(`/Obj ${id} 0 R`))
      problems.push(`annotation ${id} -> ${elem.slice(0, 80) || 'nothing'}`);
  }
  return problems;
}

/** A PDF text string written as UTF-16BE hex with its byte-order mark. */
function decodeHexString(hex: string): string {
  let text = '';
  for (let i = 4; i + 4 <= hex.length; i += 4) text += String.fromCharCode(parseInt(hex.slice(i, i + 4), 16));
  return text;
}

/** The structure elements that carry alternative text: their type and that text. */
export function altTexts(pdf: Uint8Array): Array<{ role: string; alt: string }> {
  return [...latin1(pdf).matchAll(/<< \/S \/(\w+) [^\n]*?\/Alt <([0-9A-F]+)>/g)].map((m) => ({
    role: m[1]!,
    alt: decodeHexString(m[2]!),
  }));
}

export interface StructNode {
  role: string;
  /** Its attributes as poppler prints them (e.g. "/Scope /Column"). */
  attributes: string[];
  text: string[];
  kids: StructNode[];
  /** Its text and its children, in reading order. */
  content: Array<string | StructNode>;
}

/** The structure tree as poppler reads it (pdfinfo -struct-text), below the document element. */
export function structureTree(file: string): StructNode {
  const out = execFileSync('pdfinfo', ['-struct-text', file], { encoding: 'utf8', maxBuffer: 1 << 28 });
  const root: StructNode = { role: '(root)', attributes: [], text: [], kids: [], content: [] };
  const stack: Array<{ depth: number; node: StructNode }> = [{ depth: -1, node: root }];
  for (const line of out.split('\n')) {
    if (line.trim() === '') continue;
    const depth = (line.length - line.trimStart().length) / 2;
    while (stack.length > 1 && stack[stack.length - 1]!.depth >= depth) stack.pop();
    const parent = stack[stack.length - 1]!.node;
    const text = /^\s*"(.*)"$/.exec(line);
    if (text) {
      parent.text.push(text[1]!);
      parent.content.push(text[1]!);
      continue;
    }
    if (line.trim().startsWith('/')) {
      parent.attributes.push(line.trim());
      continue;
    }
    const role = line.trim().split(' ')[0]!.replace(/:$/, '');
    const node: StructNode = { role, attributes: [], text: [], kids: [], content: [] };
    parent.kids.push(node);
    parent.content.push(node);
    stack.push({ depth, node });
  }
  return root;
}

/** Every node of the tree, depth first. */
export function allNodes(node: StructNode): StructNode[] {
  return [node, ...node.kids.flatMap(allNodes)];
}

/** All text in and below a node, in reading order, its lines joined by spaces. */
export function textOf(node: StructNode): string {
  return node.content
    .map((item) => (typeof item === 'string' ? item : textOf(item)))
    .filter(Boolean)
    .join(' ');
}
