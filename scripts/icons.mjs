// Renders assets/icon.svg into the installer icons electron-builder expects in build/:
// icon.png (512×512; macOS and Linux) and icon.ico (16–256; Windows, NSIS).
// Usage: npm run icons
//
// Plain Node on purpose: no ImageMagick or librsvg on the build machines, and the
// same input gives the same pixels everywhere, so a test can check that the
// committed icons still match the SVG. It understands exactly what icon.svg uses
// (a rounded <rect> and <path> with M/L/H/V/Z) and refuses anything else.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';

const SUPERSAMPLING = 8;
export const PNG_SIZE = 512;
// Sizes Windows picks from for the taskbar, Explorer views, shortcuts and the installer.
export const ICO_SIZES = [16, 24, 32, 48, 64, 128, 256];
// Up to this size an ICO entry is a classic bitmap (what every icon reader
// understands); larger ones are PNG-compressed, as Windows has read since Vista.
const ICO_BITMAP_MAX = 64;

// ------------------------------------------------------------------ SVG subset

function attributes(tag) {
  const result = {};
  for (const match of tag.matchAll(/([a-zA-Z:-]+)="([^"]*)"/g)) result[match[1]] = match[2];
  return result;
}

function parseColor(hex) {
  const match = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(hex ?? '');
  if (!match) throw new Error(`icon.svg: unsupported colour ${hex}`);
  const digits = match[1].length === 3 ? [...match[1]].map((d) => d + d).join('') : match[1];
  return [0, 2, 4].map((i) => parseInt(digits.slice(i, i + 2), 16));
}

/** Turns a path made of M/L/H/V/Z commands (absolute or relative) into polygons. */
export function parsePath(d) {
  const tokens = d.match(/[a-zA-Z]|-?(?:\d+\.?\d*|\.\d+)(?:e-?\d+)?/g) ?? [];
  const polygons = [];
  let current = [];
  let x = 0;
  let y = 0;
  let command = '';
  let i = 0;
  const number = () => {
    const value = Number(tokens[i++]);
    if (!Number.isFinite(value)) throw new Error(`icon.svg: bad number in path near token ${i}`);
    return value;
  };
  while (i < tokens.length) {
    if (/^[a-zA-Z]$/.test(tokens[i])) command = tokens[i++];
    const relative = command === command.toLowerCase();
    switch (command.toUpperCase()) {
      case 'M': {
        if (current.length > 0) polygons.push(current);
        const [dx, dy] = [number(), number()];
        x = relative ? x + dx : dx;
        y = relative ? y + dy : dy;
        current = [[x, y]];
        // Further pairs after a moveto are linetos.
        command = relative ? 'l' : 'L';
        break;
      }
      case 'L': {
        const [dx, dy] = [number(), number()];
        x = relative ? x + dx : dx;
        y = relative ? y + dy : dy;
        current.push([x, y]);
        break;
      }
      case 'H':
        x = relative ? x + number() : number();
        current.push([x, y]);
        break;
      case 'V':
        y = relative ? y + number() : number();
        current.push([x, y]);
        break;
      case 'Z':
        if (current.length > 0) polygons.push(current);
        current = [];
        break;
      default:
        throw new Error(`icon.svg: path command ${command} is not supported`);
    }
  }
  if (current.length > 0) polygons.push(current);
  return polygons;
}

/** The shapes of the SVG, painted in order: [{ kind, fill, ... }]. */
export function parseIconSvg(svg) {
  const viewBox = /viewBox="0 0 ([\d.]+) ([\d.]+)"/.exec(svg);
  if (!viewBox || viewBox[1] !== viewBox[2]) throw new Error('icon.svg: needs a square viewBox "0 0 n n"');
  const shapes = [];
  for (const [tag, name] of svg.matchAll(/<(rect|path)\b[^>]*>/g)) {
    const attrs = attributes(tag);
    if (name === 'rect') {
      shapes.push({
        kind: 'rect',
        x: Number(attrs.x ?? 0),
        y: Number(attrs.y ?? 0),
        width: Number(attrs.width),
        height: Number(attrs.height),
        radius: Number(attrs.rx ?? 0),
        fill: parseColor(attrs.fill),
      });
    } else {
      shapes.push({ kind: 'path', polygons: parsePath(attrs.d ?? ''), fill: parseColor(attrs.fill) });
    }
  }
  const others = [...svg.matchAll(/<([a-zA-Z]+)\b/g)]
    .map((m) => m[1])
    .filter((n) => !/^(svg|rect|path)$/.test(n));
  if (others.length > 0) throw new Error(`icon.svg: unsupported elements ${others.join(', ')}`);
  return { size: Number(viewBox[1]), shapes };
}

/** Where a horizontal line at `py` is inside the shape, as sorted [from, to) spans. */
function spansAt(shape, py) {
  if (shape.kind === 'rect') {
    const { x, y, width, height, radius } = shape;
    if (py < y || py > y + height) return [];
    const r = Math.min(radius, width / 2, height / 2);
    const cy = Math.min(Math.max(py, y + r), y + height - r);
    const inset = r - Math.sqrt(Math.max(0, r * r - (py - cy) ** 2));
    return [[x + inset, x + width - inset]];
  }
  // Even-odd rule, which equals SVG's nonzero default for simple outlines like ours.
  const crossings = [];
  for (const polygon of shape.polygons) {
    for (let i = 0, j = polygon.length - 1; i < polygon.length; j = i++) {
      const [xi, yi] = polygon[i];
      const [xj, yj] = polygon[j];
      if (yi > py !== yj > py) crossings.push(((xj - xi) * (py - yi)) / (yj - yi) + xi);
    }
  }
  crossings.sort((a, b) => a - b);
  const spans = [];
  for (let i = 0; i + 1 < crossings.length; i += 2) spans.push([crossings[i], crossings[i + 1]]);
  return spans;
}

function covered(spans, px) {
  return spans.some(([from, to]) => px >= from && px < to);
}

/** RGBA pixels (straight alpha), `size`×`size`, row by row from the top. */
export function renderIcon(icon, size) {
  const pixels = new Uint8Array(size * size * 4);
  const scale = icon.size / size;
  const samples = SUPERSAMPLING * SUPERSAMPLING;
  const sums = new Float64Array(size * 4);
  for (let row = 0; row < size; row += 1) {
    sums.fill(0);
    for (let sy = 0; sy < SUPERSAMPLING; sy += 1) {
      const py = (row + (sy + 0.5) / SUPERSAMPLING) * scale;
      const spans = icon.shapes.map((shape) => spansAt(shape, py));
      for (let col = 0; col < size; col += 1) {
        for (let sx = 0; sx < SUPERSAMPLING; sx += 1) {
          const px = (col + (sx + 0.5) / SUPERSAMPLING) * scale;
          // Later shapes paint over earlier ones.
          let fill = null;
          for (let s = spans.length - 1; s >= 0 && fill === null; s -= 1) {
            if (covered(spans[s], px)) fill = icon.shapes[s].fill;
          }
          if (fill) {
            sums[col * 4] += fill[0];
            sums[col * 4 + 1] += fill[1];
            sums[col * 4 + 2] += fill[2];
            sums[col * 4 + 3] += 1;
          }
        }
      }
    }
    for (let col = 0; col < size; col += 1) {
      const a = sums[col * 4 + 3];
      const offset = (row * size + col) * 4;
      if (a > 0) {
        pixels[offset] = Math.round(sums[col * 4] / a);
        pixels[offset + 1] = Math.round(sums[col * 4 + 1] / a);
        pixels[offset + 2] = Math.round(sums[col * 4 + 2] / a);
      }
      pixels[offset + 3] = Math.round((a / samples) * 255);
    }
  }
  return pixels;
}

// ------------------------------------------------------------------ PNG

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes) {
  let crc = 0xffffffff;
  for (const byte of bytes) crc = CRC_TABLE[(crc ^ byte) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'ascii');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

/** An 8-bit RGBA PNG. Every row uses filter 0, so the pixels read back without a decoder library. */
export function encodePng(pixels, size) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8);
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let row = 0; row < size; row += 1) {
    raw[row * (size * 4 + 1)] = 0;
    raw.set(pixels.subarray(row * size * 4, (row + 1) * size * 4), row * (size * 4 + 1) + 1);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

// ------------------------------------------------------------------ ICO

/** A 32-bit DIB as stored in an ICO: bottom-up BGRA, then the 1-bit AND mask (set where transparent). */
function encodeIcoBitmap(pixels, size) {
  const maskStride = Math.ceil(size / 32) * 4;
  const header = Buffer.alloc(40);
  header.writeUInt32LE(40, 0);
  header.writeInt32LE(size, 4);
  header.writeInt32LE(size * 2, 8);
  header.writeUInt16LE(1, 12);
  header.writeUInt16LE(32, 14);
  header.writeUInt32LE(size * size * 4 + maskStride * size, 20);
  const colour = Buffer.alloc(size * size * 4);
  const mask = Buffer.alloc(maskStride * size);
  for (let row = 0; row < size; row += 1) {
    const target = size - 1 - row;
    for (let col = 0; col < size; col += 1) {
      const from = (row * size + col) * 4;
      const to = (target * size + col) * 4;
      colour[to] = pixels[from + 2];
      colour[to + 1] = pixels[from + 1];
      colour[to + 2] = pixels[from];
      colour[to + 3] = pixels[from + 3];
      if (pixels[from + 3] === 0) mask[target * maskStride + (col >> 3)] |= 0x80 >> (col & 7);
    }
  }
  return Buffer.concat([header, colour, mask]);
}

export function encodeIco(images) {
  const header = Buffer.alloc(6);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2);
  header.writeUInt16LE(images.length, 4);
  const entries = [];
  const bodies = [];
  let offset = 6 + images.length * 16;
  for (const { size, pixels } of images) {
    const body = size <= ICO_BITMAP_MAX ? encodeIcoBitmap(pixels, size) : encodePng(pixels, size);
    const entry = Buffer.alloc(16);
    entry[0] = size >= 256 ? 0 : size;
    entry[1] = size >= 256 ? 0 : size;
    entry.writeUInt16LE(1, 4);
    entry.writeUInt16LE(32, 6);
    entry.writeUInt32LE(body.length, 8);
    entry.writeUInt32LE(offset, 12);
    offset += body.length;
    entries.push(entry);
    bodies.push(body);
  }
  return Buffer.concat([header, ...entries, ...bodies]);
}

/** Both files from the SVG text. */
export function buildIcons(svgText) {
  const icon = parseIconSvg(svgText);
  const png = encodePng(renderIcon(icon, PNG_SIZE), PNG_SIZE);
  const ico = encodeIco(ICO_SIZES.map((size) => ({ size, pixels: renderIcon(icon, size) })));
  return { png, ico };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const root = fileURLToPath(new URL('../', import.meta.url));
  const { png, ico } = buildIcons(readFileSync(`${root}assets/icon.svg`, 'utf8'));
  mkdirSync(`${root}build`, { recursive: true });
  writeFileSync(`${root}build/icon.png`, png);
  writeFileSync(`${root}build/icon.ico`, ico);
  console.log(`build/icon.png ${png.length} bytes, build/icon.ico ${ico.length} bytes`);
}
