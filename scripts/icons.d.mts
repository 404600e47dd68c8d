// Types for scripts/icons.mjs (plain Node so `npm run icons` needs no build step).
export declare const PNG_SIZE: number;
export declare const ICO_SIZES: number[];
export interface IconShape {
  kind: 'rect' | 'path';
  fill: [number, number, number];
}
export interface ParsedIcon {
  size: number;
  shapes: IconShape[];
}
export declare function parsePath(d: string): Array<Array<[number, number]>>;
export declare function parseIconSvg(svg: string): ParsedIcon;
export declare function renderIcon(icon: ParsedIcon, size: number): Uint8Array;
export declare function encodePng(pixels: Uint8Array, size: number): Buffer;
export declare function encodeIco(images: Array<{ size: number; pixels: Uint8Array }>): Buffer;
export declare function buildIcons(svgText: string): { png: Buffer; ico: Buffer };
