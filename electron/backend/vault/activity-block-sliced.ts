// The activity log's block (10,000 entries, ~8 MB of JSON: activity-file.ts) written and read in
// slices of the event loop (time-slicer.ts) instead of in one go: sealing or opening it whole holds
// the main process for 50–100 ms, during which no IPC is answered, and it happens in the background
// (the attach after every open, a compaction every 2,000 appends), right when the window asks for
// its first screen or the user is working.
//
// Same bytes as activity-file.ts's whole-block functions: AES-256-GCM under the activity key with
// the block AAD, base64 of IV ‖ ciphertext ‖ tag, and the chain's HMAC over `<seq>\n\n<sealed>`.
// Inside, the JSON array holds one entry per line (`[\n<entry>,\n…<entry>\n]`): still one JSON
// document, so the whole-block reader (and any earlier version) parses it as before, while this one
// parses it line by line. A block written on one line (before this layout) is parsed whole, once.
import { createCipheriv, createDecipheriv, createHmac, randomBytes, type DecipherGCM } from 'node:crypto';
import type { ActivityEntry } from '../../common/model';
import { BLOCK_AAD } from './activity-crypto';
import { CHAINED_BLOCK_PREFIX, chainKey, type ChainHead } from './activity-chain';
import { ActivityTextParse, emptyParse, isEntry, splitLink, type ParsedActivity, type ParsedLine } from './activity-parse';
import type { TimeSlicer } from './time-slicer';

/** Bytes per step: each costs well under a millisecond (cipher, base64, HMAC, JSON). */
const STEP_BYTES = 256 * 1024;
/** A multiple of 3 bytes (and 4 base64 characters), so base64 slices join into the whole's. */
const BASE64_STEP_BYTES = 3 * 64 * 1024;
const BASE64_STEP_CHARS = 4 * 64 * 1024;
const NEWLINE = 0x0a;

async function macSliced(key: Buffer, prefix: string, sealed: string | Buffer, slicer: TimeSlicer): Promise<string> {
  const hmac = createHmac('sha256', chainKey(key)).update(prefix);
  // A Buffer holds the sealed text's ASCII bytes: the same bytes the string would hash to.
  for (let at = 0; at < sealed.length; at += STEP_BYTES) {
    hmac.update(sealed.slice(at, at + STEP_BYTES));
    await slicer.maybeYield();
  }
  return hmac.digest('base64');
}

/** The chained block line for `entries`, following `head` (what encodeChainedBlock writes). */
export async function sealBlockSliced(key: Buffer, entries: readonly ActivityEntry[], head: ChainHead, slicer: TimeSlicer): Promise<{ text: string; head: ChainHead }> {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(BLOCK_AAD);
  const parts: Buffer[] = [iv];
  let piece = entries.length === 0 ? '[]' : '[\n';
  for (let index = 0; index < entries.length; index += 1) {
    piece += `${JSON.stringify(entries[index])}${index === entries.length - 1 ? '\n]' : ',\n'}`;
    if (piece.length >= STEP_BYTES) {
      parts.push(cipher.update(piece, 'utf8'));
      piece = '';
      await slicer.maybeYield();
    }
  }
  parts.push(cipher.update(piece, 'utf8'), cipher.final(), cipher.getAuthTag());
  const bytes = Buffer.concat(parts);
  const base64: string[] = [];
  for (let at = 0; at < bytes.length; at += BASE64_STEP_BYTES) {
    base64.push(bytes.toString('base64', at, Math.min(bytes.length, at + BASE64_STEP_BYTES)));
    await slicer.maybeYield();
  }
  const sealed = base64.join('');
  const seq = head.seq + 1;
  const mac = await macSliced(key, `${seq}\n\n`, sealed, slicer);
  return { text: `${CHAINED_BLOCK_PREFIX}${seq} ${mac} ${sealed}\n`, head: { seq, mac } };
}

/**
 * The block's entries from its plaintext, fed chunk by chunk as it is deciphered: one entry per line
 * (this layout), or, when the first line is not `[`, the whole text parsed at the end (one line, as
 * before). Nothing it holds counts until the cipher's tag has been checked (see openSealedSliced).
 */
class BlockEntries {
  readonly entries: ActivityEntry[] = [];
  /** Bytes of a line not yet ended (or, for a one-line block, the whole text). */
  #partial: Buffer[] = [];
  #firstLine = true;
  oneLine = false;
  failed = false;

  push(chunk: Buffer): void {
    if (this.failed) return;
    if (this.oneLine) {
      this.#partial.push(chunk);
      return;
    }
    let start = 0;
    for (;;) {
      const end = chunk.indexOf(NEWLINE, start);
      if (end < 0) {
        if (start < chunk.length) this.#partial.push(chunk.subarray(start));
        return;
      }
      const piece = chunk.subarray(start, end);
      const line = this.#partial.length > 0 ? Buffer.concat([...this.#partial, piece]) : piece;
      this.#partial = [];
      start = end + 1;
      this.#line(line);
      if (this.failed || this.oneLine) {
        if (this.oneLine) this.#partial.push(line, Buffer.from([NEWLINE]), chunk.subarray(start));
        return;
      }
    }
  }

  #line(line: Buffer): void {
    if (this.#firstLine) {
      this.#firstLine = false;
      // `[` alone opens this layout; anything else is a block written on one line.
      if (line.length !== 1 || line[0] !== 0x5b) this.oneLine = true;
      return;
    }
    try {
      // `<entry>,` — the comma is the line's last byte.
      const value = JSON.parse(line.toString('utf8', 0, line[line.length - 1] === 0x2c ? line.length - 1 : line.length)) as unknown;
      if (isEntry(value)) this.entries.push(value);
      else this.failed = true;
    } catch {
      this.failed = true;
    }
  }

  /** After the last chunk: the entries, or null when the text was not a block of entries. */
  end(): { entries: ActivityEntry[]; oneLine: boolean } | null {
    if (this.failed) return null;
    const rest = Buffer.concat(this.#partial).toString('utf8');
    if (this.oneLine || this.#firstLine) {
      try {
        const value = JSON.parse(rest) as unknown;
        return Array.isArray(value) && value.every(isEntry) ? { entries: value, oneLine: true } : null;
      } catch {
        return null;
      }
    }
    // What is left is the array's closing bracket.
    return rest.trim() === ']' ? { entries: this.entries, oneLine: false } : null;
  }
}

/**
 * The block's entries from its sealed base64 text (given as bytes), deciphered as it is decoded:
 * no copy of the whole ciphertext or plaintext is made. The tag (the last 16 bytes) is held back
 * from the cipher as the slices go and checked at the end; null when it does not open under this
 * key (damage, another key) or does not hold a block of entries.
 */
async function openSealedSliced(key: Buffer, sealed: Buffer, slicer: TimeSlicer): Promise<{ entries: ActivityEntry[]; oneLine: boolean } | null> {
  const reader = new BlockEntries();
  let decipher: DecipherGCM | null = null;
  /** The last bytes seen, not yet given to the cipher: they may be the tag. */
  let held = Buffer.alloc(0);
  try {
    for (let at = 0; at < sealed.length; at += BASE64_STEP_CHARS) {
      const decoded = Buffer.from(sealed.toString('latin1', at, Math.min(sealed.length, at + BASE64_STEP_CHARS)), 'base64');
      let data = held.length > 0 ? Buffer.concat([held, decoded]) : decoded;
      if (!decipher) {
        if (data.length < 12) {
          held = data;
          continue;
        }
        decipher = createDecipheriv('aes-256-gcm', key, data.subarray(0, 12));
        decipher.setAAD(BLOCK_AAD);
        data = data.subarray(12);
      }
      if (data.length <= 16) {
        held = Buffer.from(data);
        continue;
      }
      held = Buffer.from(data.subarray(data.length - 16));
      reader.push(decipher.update(data.subarray(0, data.length - 16)));
      await slicer.maybeYield();
    }
    if (!decipher || held.length !== 16) return null;
    decipher.setAuthTag(held);
    reader.push(decipher.final());
  } catch {
    return null;
  }
  return reader.end();
}

/** `#block v2 <seq> <mac> ` at the start of the file: the link and where the sealed text starts, or null. */
function blockHeader(bytes: Buffer, lineEnd: number): { seq: number; mac: string; sealedAt: number } | null {
  if (bytes.toString('latin1', 0, CHAINED_BLOCK_PREFIX.length) !== CHAINED_BLOCK_PREFIX) return null;
  const head = bytes.toString('latin1', CHAINED_BLOCK_PREFIX.length, Math.min(lineEnd, CHAINED_BLOCK_PREFIX.length + 200));
  const link = splitLink(head);
  return link ? { seq: link.seq, mac: link.mac, sealedAt: CHAINED_BLOCK_PREFIX.length + head.length - link.sealed.length } : null;
}

/** The file's first line, a `#block v2` block, opened in slices with its MAC checked: what parseLine would answer for it. */
async function openBlockSliced(key: Buffer, bytes: Buffer, lineEnd: number, slicer: TimeSlicer): Promise<{ parsed: ParsedLine | null; oneLine: boolean }> {
  const header = blockHeader(bytes, lineEnd);
  if (!header) return { parsed: null, oneLine: false };
  const sealed = bytes.subarray(header.sealedAt, lineEnd);
  const macValid = (await macSliced(key, `${header.seq}\n\n`, sealed, slicer)) === header.mac;
  const read = await openSealedSliced(key, sealed, slicer);
  if (!read) return { parsed: null, oneLine: false };
  // The chain check only needs the MAC's verdict; the sealed text stays out of memory as a string.
  return { parsed: { entries: read.entries, block: true, link: { seq: header.seq, mac: header.mac, sealed: '' }, macValid }, oneLine: read.oneLine };
}

/**
 * parseActivityText for the file's bytes, in slices: the same result, with the event loop free
 * between lines and within the block, and the block never decoded into one big string (reading and
 * splitting 10 MB of text alone holds the loop for tens of milliseconds). `oneLineBlock`: the block
 * was written whole on one line (worth rewriting in this layout).
 */
export async function parseActivityFileSliced(bytes: Buffer | null, key: Buffer, slicer: TimeSlicer): Promise<ParsedActivity & { oneLineBlock: boolean }> {
  if (bytes === null) return { ...emptyParse(), oneLineBlock: false };
  const firstEnd = bytes.indexOf(NEWLINE);
  const blockFirst = firstEnd > 0 && blockHeader(bytes, firstEnd) !== null;
  // Without a block first (an old file of lines): the lines as text, one by one.
  const lines = (blockFirst ? bytes.toString('utf8', firstEnd + 1) : bytes.toString('utf8')).split('\n');
  // The block's place in the lines (never read from there: it is opened from the bytes below).
  if (blockFirst) lines.unshift(CHAINED_BLOCK_PREFIX);
  const parse = new ActivityTextParse(lines, bytes.length, key);
  let oneLineBlock = false;
  for (let index = 0; index < parse.lineCount; index += 1) {
    if (index === 0 && blockFirst) {
      const block = await openBlockSliced(key, bytes, firstEnd, slicer);
      oneLineBlock = block.oneLine;
      parse.take(0, block.parsed);
    } else {
      parse.take(index);
    }
    await slicer.maybeYield();
  }
  return { ...parse.finish(), oneLineBlock };
}
