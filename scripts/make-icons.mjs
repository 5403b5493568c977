#!/usr/bin/env node
// Draws the app icon (a white "G" on a rounded indigo badge) and writes every file electron-builder
// needs, with nothing but node:zlib for the PNG compression:
//   resources/icon.png              512x512 (window/dev icon, and the source for anything else)
//   resources/icons/NxN.png         16..512 for Linux (AppImage, deb)
//   resources/icon.ico              16..256, PNG-compressed entries (Windows, NSIS)
//   resources/icon.icns             16..1024, PNG entries (macOS, dmg)
// Run: node scripts/make-icons.mjs   (the output is committed; rerun only to change the design)
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const resources = join(root, 'resources');

// ---- drawing --------------------------------------------------------------------------------------
// Shapes are tested in unit coordinates (0..1, y down); each pixel averages a 4x4 grid of samples.

const TOP_LEFT = [0x2b, 0x1f, 0x6b];
const BOTTOM_RIGHT = [0x3f, 0x7c, 0xf6];

function insideBadge(u, v) {
  const inset = 0.04;
  const radius = 0.2;
  const x = Math.abs(u - 0.5) - (0.5 - inset - radius);
  const y = Math.abs(v - 0.5) - (0.5 - inset - radius);
  return Math.hypot(Math.max(x, 0), Math.max(y, 0)) + Math.min(Math.max(x, y), 0) <= radius;
}

function insideG(u, v) {
  const dx = u - 0.5;
  const dy = v - 0.5;
  const r = Math.hypot(dx, dy);
  const angle = (Math.atan2(-dy, dx) * 180) / Math.PI; // 0 = right, 90 = up
  const ring = r >= 0.185 && r <= 0.3 && !(angle > 2 && angle < 58);
  const bar = u >= 0.5 && r <= 0.3 && v >= 0.455 && v <= 0.555;
  return ring || bar;
}

function drawIcon(size) {
  const pixels = Buffer.alloc(size * size * 4);
  const samples = 4;
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      let badge = 0;
      let glyph = 0;
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const u = (x + (sx + 0.5) / samples) / size;
          const v = (y + (sy + 0.5) / samples) / size;
          if (insideBadge(u, v)) {
            badge++;
            if (insideG(u, v)) glyph++;
          }
        }
      }
      const total = samples * samples;
      const t = (x + y) / (2 * size);
      const background = TOP_LEFT.map((c, i) => c + (BOTTOM_RIGHT[i] - c) * t);
      const white = badge ? glyph / badge : 0;
      const offset = (y * size + x) * 4;
      for (let i = 0; i < 3; i++) pixels[offset + i] = Math.round(background[i] * (1 - white) + 255 * white);
      pixels[offset + 3] = Math.round((255 * badge) / total);
    }
  }
  return pixels;
}

// ---- PNG ------------------------------------------------------------------------------------------

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(buffer) {
  let crc = 0xffffffff;
  for (const byte of buffer) crc = CRC_TABLE[(crc ^ byte) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

function encodePng(size, rgba) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bits per channel
  header[9] = 6; // RGBA
  // compression, filter and interlace methods: 0
  const rows = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    rows[y * (size * 4 + 1)] = 0; // filter: none
    rgba.copy(rows, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

// ---- ICO and ICNS (both may hold PNG data as is) --------------------------------------------------

function encodeIco(images) {
  const header = Buffer.alloc(6);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2); // type: icon
  header.writeUInt16LE(images.length, 4);
  const entries = [];
  let offset = 6 + 16 * images.length;
  for (const { size, png } of images) {
    const entry = Buffer.alloc(16);
    entry[0] = size >= 256 ? 0 : size; // 0 means 256
    entry[1] = size >= 256 ? 0 : size;
    entry.writeUInt16LE(1, 4); // colour planes
    entry.writeUInt16LE(32, 6); // bits per pixel
    entry.writeUInt32LE(png.length, 8);
    entry.writeUInt32LE(offset, 12);
    entries.push(entry);
    offset += png.length;
  }
  return Buffer.concat([header, ...entries, ...images.map((image) => image.png)]);
}

const ICNS_TYPES = { 16: 'icp4', 32: 'icp5', 64: 'icp6', 128: 'ic07', 256: 'ic08', 512: 'ic09', 1024: 'ic10' };

function encodeIcns(images) {
  const blocks = images.map(({ size, png }) => {
    const head = Buffer.alloc(8);
    head.write(ICNS_TYPES[size], 0, 'ascii');
    head.writeUInt32BE(png.length + 8, 4);
    return Buffer.concat([head, png]);
  });
  const head = Buffer.alloc(8);
  head.write('icns', 0, 'ascii');
  head.writeUInt32BE(8 + blocks.reduce((sum, block) => sum + block.length, 0), 4);
  return Buffer.concat([head, ...blocks]);
}

// ---- write everything -----------------------------------------------------------------------------

const sizes = [16, 24, 32, 48, 64, 128, 256, 512, 1024];
const pngs = new Map(sizes.map((size) => [size, encodePng(size, drawIcon(size))]));
const pick = (list) => list.map((size) => ({ size, png: pngs.get(size) }));

function write(path, data) {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, data);
  process.stdout.write(`${path.slice(root.length + 1)}  ${data.length} bytes\n`);
}

write(join(resources, 'icon.png'), pngs.get(512));
for (const size of [16, 32, 48, 64, 128, 256, 512]) write(join(resources, 'icons', `${size}x${size}.png`), pngs.get(size));
write(join(resources, 'icon.ico'), encodeIco(pick([16, 24, 32, 48, 64, 128, 256])));
write(join(resources, 'icon.icns'), encodeIcns(pick([16, 32, 64, 128, 256, 512, 1024])));
