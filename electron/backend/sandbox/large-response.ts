// GET /{sub}/api/sandbox/large?size_mb=N — sandbox-only, for benchmarks: a deterministic JSON list of
// about N MB. Built once per size (in chunks, never one giant string) and streamed with backpressure.
import type { ServerResponse } from 'node:http';
import { seededRandom } from './fake-data';

export const MAX_LARGE_MB = 100;
const CHUNK_TARGET = 256 * 1024;
/** Keep at most this many sizes in memory. */
const CACHE_SIZES = 2;

function buildChunks(sizeMb: number): Buffer[] {
  const target = Math.round(sizeMb * 1024 * 1024);
  const rand = seededRandom(sizeMb * 7919 + 1);
  const chunks: Buffer[] = [];
  let parts: string[] = ['{"object":"list","uri":"/api/sandbox/large","data":['];
  let partBytes = parts[0]!.length;
  let total = partBytes;
  const closing = '],"meta":{"prev_cursor":null,"next_cursor":null}}';
  for (let i = 0; total + closing.length < target; i++) {
    const item = JSON.stringify({
      id: i + 1,
      object: 'ticket',
      subject: `[fake] Benchmark ticket ${i + 1}`,
      status: rand() < 0.6 ? 'open' : 'closed',
      score: Math.floor(rand() * 1_000_000),
      body_text: `Fake body ${Math.floor(rand() * 1e9).toString(36)} `.repeat(8),
      created_datetime: new Date(Date.UTC(2026, 0, 1) + i * 60_000).toISOString(),
    });
    const piece = i === 0 ? item : `,${item}`;
    parts.push(piece);
    partBytes += piece.length;
    total += piece.length;
    if (partBytes >= CHUNK_TARGET) {
      chunks.push(Buffer.from(parts.join('')));
      parts = [];
      partBytes = 0;
    }
  }
  parts.push(closing);
  chunks.push(Buffer.from(parts.join('')));
  return chunks;
}

export function largeChunks(cache: Map<number, Buffer[]>, sizeMb: number): Buffer[] {
  const cached = cache.get(sizeMb);
  if (cached) return cached;
  const chunks = buildChunks(sizeMb);
  if (cache.size >= CACHE_SIZES) {
    const oldest = cache.keys().next().value;
    if (oldest !== undefined) cache.delete(oldest);
  }
  cache.set(sizeMb, chunks);
  return chunks;
}

export function streamChunks(res: ServerResponse, chunks: Buffer[], headers: Record<string, string>): void {
  const length = chunks.reduce((sum, c) => sum + c.length, 0);
  res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': length, 'Cache-Control': 'no-store', ...headers });
  let index = 0;
  const pump = (): void => {
    while (index < chunks.length) {
      const ok = res.write(chunks[index++]);
      if (!ok) {
        res.once('drain', pump);
        return;
      }
    }
    res.end();
  };
  res.on('close', () => res.removeListener('drain', pump));
  pump();
}
