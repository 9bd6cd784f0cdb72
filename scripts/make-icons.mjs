// Draws the app icon (build/icon.png, 512×512: electron-builder derives the .icns/.ico and Linux sizes from it)
// and the tray icon (resources/tray.png, 32×32): an indigo rounded square with a light "K".
// Run: node scripts/make-icons.mjs. Written by hand on node:zlib so that it needs no image package.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { crc32, deflateSync } from 'node:zlib';

const root = new URL('..', import.meta.url);

const TOP = [0x63, 0x66, 0xf1]; // indigo-500
const BOTTOM = [0x43, 0x38, 0xca]; // indigo-700
const MARK = [0xee, 0xf2, 0xff]; // indigo-50

/** Signed distance from (x, y) to a square of side 1 - 2·margin with rounded corners, centred in the unit square. */
function roundedSquare(x, y, margin, radius) {
  const half = 0.5 - margin - radius;
  const dx = Math.max(Math.abs(x - 0.5) - half, 0);
  const dy = Math.max(Math.abs(y - 0.5) - half, 0);
  return Math.hypot(dx, dy) - radius;
}

/** Signed distance from (x, y) to a stroke from a to b with round caps. */
function stroke(x, y, [ax, ay], [bx, by], width) {
  const t = Math.min(Math.max(((x - ax) * (bx - ax) + (y - ay) * (by - ay)) / ((bx - ax) ** 2 + (by - ay) ** 2), 0), 1);
  return Math.hypot(x - ax - t * (bx - ax), y - ay - t * (by - ay)) - width / 2;
}

/** The "K": a stem and two arms, in unit coordinates. */
function mark(x, y, width) {
  return Math.min(
    stroke(x, y, [0.36, 0.28], [0.36, 0.72], width),
    stroke(x, y, [0.39, 0.54], [0.65, 0.28], width),
    stroke(x, y, [0.48, 0.45], [0.66, 0.72], width),
  );
}

/** Renders an RGBA image of size×size, anti-aliased by 4×4 supersampling. */
function draw(size, { margin, radius, markWidth }) {
  const pixels = Buffer.alloc(size * size * 4);
  const SAMPLES = 4;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let base = 0;
      let inner = 0;
      for (let sy = 0; sy < SAMPLES; sy++) {
        for (let sx = 0; sx < SAMPLES; sx++) {
          const x = (px + (sx + 0.5) / SAMPLES) / size;
          const y = (py + (sy + 0.5) / SAMPLES) / size;
          if (roundedSquare(x, y, margin, radius) <= 0) {
            base++;
            if (mark(x, y, markWidth) <= 0) inner++;
          }
        }
      }
      const coverage = base / SAMPLES ** 2;
      const markShare = base === 0 ? 0 : inner / base;
      const t = py / (size - 1);
      const offset = (py * size + px) * 4;
      for (let c = 0; c < 3; c++) {
        const background = TOP[c] + (BOTTOM[c] - TOP[c]) * t;
        pixels[offset + c] = Math.round(background + (MARK[c] - background) * markShare);
      }
      pixels[offset + 3] = Math.round(coverage * 255);
    }
  }
  return pixels;
}

function chunk(type, data) {
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** Encodes 8-bit RGBA pixels as a PNG (no interlace, filter type 0 on every row). */
function png(size, pixels) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.writeUInt8(8, 8); // bit depth
  header.writeUInt8(6, 9); // colour type: RGBA
  const rows = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) pixels.copy(rows, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const icons = [
  { file: 'build/icon.png', size: 512, margin: 0.0625, radius: 0.2, markWidth: 0.1 },
  // Thicker strokes and almost no margin: at 32 px the mark has to survive a panel's downscaling.
  { file: 'resources/tray.png', size: 32, margin: 0.02, radius: 0.2, markWidth: 0.13 },
];

for (const { file, size, ...shape } of icons) {
  const path = fileURLToPath(new URL(file, root));
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, png(size, draw(size, shape)));
  console.log(`wrote ${file} (${size}×${size})`);
}
