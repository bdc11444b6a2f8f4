/**
 * Cita's Teams icons, drawn in code and encoded as PNG with node:zlib (no image tools, no network):
 * a "C" ring with a dot in its opening, a quotation being pointed at. `color.png` (192×192, white
 * on the accent colour) and `outline.png` (32×32, white on transparent, as Teams requires).
 *
 * Regenerate the committed files with `npx tsx adapters/teams/icons.ts`; a test checks they match.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { crc32, deflateSync } from 'node:zlib';

export const ACCENT_COLOR = '#1F6F8B';
export const APP_PACKAGE_DIR = fileURLToPath(new URL('./appPackage/', import.meta.url));

interface Glyph {
  outer: number;
  inner: number;
  dot: number;
}

/** Whether point (x, y) of the unit square lies in the glyph (supersampling smooths the edges). */
function inGlyph(x: number, y: number, g: Glyph): boolean {
  const dx = x - 0.5;
  const dy = y - 0.5;
  const r = Math.hypot(dx, dy);
  const angle = Math.abs(Math.atan2(dy, dx));
  const ring = r <= g.outer && r >= g.inner && angle >= (40 * Math.PI) / 180;
  const dotX = 0.5 + (g.outer + g.inner) / 2;
  const dot = Math.hypot(x - dotX, y - 0.5) <= g.dot;
  return ring || dot;
}

/** RGBA pixels: `background` (or transparent) with the glyph in white, 4×4 supersampled. */
function draw(size: number, glyph: Glyph, background: [number, number, number] | null): Uint8Array {
  const pixels = new Uint8Array(size * size * 4);
  const samples = 4;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let hits = 0;
      for (let sy = 0; sy < samples; sy++)
        for (let sx = 0; sx < samples; sx++)
          if (inGlyph((px + (sx + 0.5) / samples) / size, (py + (sy + 0.5) / samples) / size, glyph)) hits++;
      const coverage = hits / (samples * samples);
      const i = (py * size + px) * 4;
      if (background) {
        for (let c = 0; c < 3; c++)
          pixels[i + c] = Math.round(255 * coverage + (background[c] ?? 0) * (1 - coverage));
        pixels[i + 3] = 255;
      } else {
        pixels.fill(255, i, i + 3);
        pixels[i + 3] = Math.round(255 * coverage);
      }
    }
  }
  return pixels;
}

function chunk(type: string, data: Buffer): Buffer {
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** A minimal PNG: 8-bit RGBA, no filtering, one IDAT. */
export function encodePng(width: number, height: number, rgba: Uint8Array): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 6, 0, 0, 0], 8); // bit depth 8, colour type 6 (RGBA), deflate, no filter method, no interlace
  const raw = Buffer.alloc((width * 4 + 1) * height);
  for (let y = 0; y < height; y++)
    raw.set(rgba.subarray(y * width * 4, (y + 1) * width * 4), y * (width * 4 + 1) + 1);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

function hexColor(hex: string): [number, number, number] {
  const n = Number.parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

/** 192×192, full colour; the glyph stays inside the central safe area. */
export function colorIcon(): Buffer {
  return encodePng(192, 192, draw(192, { outer: 0.3, inner: 0.2, dot: 0.055 }, hexColor(ACCENT_COLOR)));
}

/** 32×32, white on transparent. */
export function outlineIcon(): Buffer {
  return encodePng(32, 32, draw(32, { outer: 0.44, inner: 0.28, dot: 0.09 }, null));
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  writeFileSync(`${APP_PACKAGE_DIR}color.png`, colorIcon());
  writeFileSync(`${APP_PACKAGE_DIR}outline.png`, outlineIcon());
  console.log(`wrote ${APP_PACKAGE_DIR}color.png and outline.png`);
}
