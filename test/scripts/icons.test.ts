import { readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { ICO_SIZES, PNG_SIZE, parseIconSvg, parsePath, renderIcon } from '../../scripts/icons.mjs';

const ROOT = path.resolve(__dirname, '../..');
const SVG = readFileSync(path.join(ROOT, 'assets/icon.svg'), 'utf8');
const ICON = parseIconSvg(SVG);
// Committed, so a package can be built without running anything first; small enough for git.
const MAX_BYTES = 100 * 1024;

/** Reads the pixels of a PNG that uses only filter 0 (what scripts/icons.mjs writes). */
function decodePng(png: Buffer): { width: number; height: number; pixels: Uint8Array } {
  expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  let offset = 8;
  let width = 0;
  let height = 0;
  const data: Buffer[] = [];
  while (offset < png.length) {
    const length = png.readUInt32BE(offset);
    const type = png.toString('ascii', offset + 4, offset + 8);
    const body = png.subarray(offset + 8, offset + 8 + length);
    if (type === 'IHDR') {
      width = body.readUInt32BE(0);
      height = body.readUInt32BE(4);
      expect([...body.subarray(8, 13)], '8-bit RGBA, not interlaced').toEqual([8, 6, 0, 0, 0]);
    }
    if (type === 'IDAT') data.push(body);
    offset += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(data));
  const pixels = new Uint8Array(width * height * 4);
  for (let row = 0; row < height; row += 1) {
    const start = row * (width * 4 + 1);
    expect(raw[start], 'row filter (regenerate with npm run icons)').toBe(0);
    pixels.set(raw.subarray(start + 1, start + 1 + width * 4), row * width * 4);
  }
  return { width, height, pixels };
}

/** The images of an ICO, PNG or 32-bit bitmap entries, as RGBA from the top. */
function decodeIco(ico: Buffer): Array<{ size: number; format: 'png' | 'bmp'; pixels: Uint8Array }> {
  expect(ico.readUInt16LE(0)).toBe(0);
  expect(ico.readUInt16LE(2)).toBe(1);
  const count = ico.readUInt16LE(4);
  return Array.from({ length: count }, (_, i) => {
    const entry = 6 + i * 16;
    const size = ico[entry] === 0 ? 256 : (ico[entry] ?? 0);
    const length = ico.readUInt32LE(entry + 8);
    const offset = ico.readUInt32LE(entry + 12);
    const body = ico.subarray(offset, offset + length);
    if (body.readUInt32BE(0) === 0x89504e47) {
      const png = decodePng(body);
      expect(png.width).toBe(size);
      return { size, format: 'png' as const, pixels: png.pixels };
    }
    expect(body.readUInt32LE(0), 'BITMAPINFOHEADER').toBe(40);
    expect(body.readInt32LE(4)).toBe(size);
    expect(body.readInt32LE(8), 'height counts the AND mask').toBe(size * 2);
    expect(body.readUInt16LE(14), 'bits per pixel').toBe(32);
    const pixels = new Uint8Array(size * size * 4);
    for (let row = 0; row < size; row += 1) {
      for (let col = 0; col < size; col += 1) {
        const from = 40 + ((size - 1 - row) * size + col) * 4;
        const to = (row * size + col) * 4;
        pixels.set([body[from + 2] ?? 0, body[from + 1] ?? 0, body[from] ?? 0, body[from + 3] ?? 0], to);
      }
    }
    return { size, format: 'bmp' as const, pixels };
  });
}

function pixelAt(pixels: Uint8Array, size: number, x: number, y: number): number[] {
  const i = (y * size + x) * 4;
  return [...pixels.subarray(i, i + 4)];
}

describe('icon source', () => {
  it('reads the M of icon.svg as one closed outline', () => {
    const [outline] = parsePath('M14 48V16h7l11 17 11-17h7v32h-7V28L32 44 21 28v20z');
    expect(outline).toEqual([
      [14, 48],
      [14, 16],
      [21, 16],
      [32, 33],
      [43, 16],
      [50, 16],
      [50, 48],
      [43, 48],
      [43, 28],
      [32, 44],
      [21, 28],
      [21, 48],
    ]);
  });

  it('refuses SVG features it cannot draw instead of drawing something else', () => {
    expect(() => parseIconSvg('<svg viewBox="0 0 64 64"><circle r="3"/></svg>')).toThrow(/circle/);
    expect(() => parsePath('M0 0C1 1 2 2 3 3')).toThrow(/C/);
  });

  it('draws a blue rounded square with a white M and transparent corners', () => {
    const size = 64;
    const pixels = renderIcon(ICON, size);
    expect(pixelAt(pixels, size, 0, 0)[3], 'corner outside the radius').toBe(0);
    expect(pixelAt(pixels, size, 5, 32), 'blue background').toEqual([0x1f, 0x4f, 0xa3, 255]);
    expect(pixelAt(pixels, size, 17, 32), 'left stroke of the M').toEqual([255, 255, 255, 255]);
    expect(pixelAt(pixels, size, 32, 20), 'between the peaks').toEqual([0x1f, 0x4f, 0xa3, 255]);
  });
});

describe('build/icon.png', () => {
  const file = path.join(ROOT, 'build/icon.png');

  it(`is a ${PNG_SIZE}×${PNG_SIZE} PNG under 100 KB that matches assets/icon.svg (npm run icons)`, () => {
    expect(statSync(file).size).toBeLessThan(MAX_BYTES);
    const png = decodePng(readFileSync(file));
    expect([png.width, png.height]).toEqual([PNG_SIZE, PNG_SIZE]);
    expect(Buffer.from(png.pixels).equals(Buffer.from(renderIcon(ICON, PNG_SIZE)))).toBe(true);
  });
});

describe('build/icon.ico', () => {
  const file = path.join(ROOT, 'build/icon.ico');

  it('holds every Windows size up to 256 under 100 KB, each matching assets/icon.svg', () => {
    expect(statSync(file).size).toBeLessThan(MAX_BYTES);
    const images = decodeIco(readFileSync(file));
    expect(images.map((image) => image.size)).toEqual(ICO_SIZES);
    // NSIS and electron-builder want 256×256; bitmaps keep old readers happy for the small sizes.
    expect(images.find((image) => image.size === 256)?.format).toBe('png');
    expect(images.find((image) => image.size === 16)?.format).toBe('bmp');
    for (const image of images) {
      expect(
        Buffer.from(image.pixels).equals(Buffer.from(renderIcon(ICON, image.size))),
        `${image.size}×${image.size}`,
      ).toBe(true);
    }
  });
});
