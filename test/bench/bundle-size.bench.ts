// Figure 1: the renderer's weight on the wire/disk, as gzip of every built JS and CSS file in
// dist/renderer (node:zlib, default level 6, as a web server would send it). Deterministic: one run.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { RENDERER_DIR } from '../e2e/harness/start-harness';
import { errorReason, measured, notAvailable, type Figure } from './lib/figures';
import type { BenchModule } from './lib/bench-module';

async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((entry) => entry.isFile()).map((entry) => join(entry.parentPath, entry.name));
}

export async function benchBundleSize(): Promise<Figure[]> {
  const input = { group: 'bundle', name: 'renderer JS + CSS, gzip', unit: 'KB' as const, goal: '≤ 200 KB', max: 200 };
  try {
    const files = (await listFiles(RENDERER_DIR)).filter((file) => /\.(m?js|css)$/.test(file));
    if (files.length === 0) return [notAvailable(input, `no JS/CSS in ${RENDERER_DIR}: run npm run build`)];
    let raw = 0;
    let gzip = 0;
    const parts: string[] = [];
    for (const file of files) {
      const bytes = await readFile(file);
      const zipped = gzipSync(bytes).length;
      raw += bytes.length;
      gzip += zipped;
      parts.push(`${file.slice(RENDERER_DIR.length + 1)} ${(zipped / 1024).toFixed(1)} KB`);
    }
    return [
      measured({ ...input, note: `${files.length} files, ${(raw / 1024).toFixed(1)} KB before gzip: ${parts.join(', ')}` }, gzip / 1024),
    ];
  } catch (error) {
    return [notAvailable(input, errorReason(error))];
  }
}

export const bench: BenchModule = { name: 'renderer bundle size', order: 10, run: () => benchBundleSize() };
