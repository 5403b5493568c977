// Each activity line is encrypted on its own (AES-256-GCM, fresh IV) under a key derived from the
// data key with HKDF, so appending never rewrites earlier lines and a torn line spoils only itself.
// A compacted block (many entries sealed at once, see activity-file.ts) uses the same key with its
// own AAD, so a block can never be passed off as a line or the other way round.
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

const INFO = 'gorgias-workbench/activity-log/v1';
const LINE_AAD = Buffer.from(INFO);
export const BLOCK_AAD = Buffer.from(`${INFO}/block`);

export function deriveActivityKey(dataKey: Buffer): Buffer {
  return Buffer.from(hkdfSync('sha256', dataKey, Buffer.alloc(0), INFO, 32));
}

export function encryptLine(key: Buffer, plaintext: string, aad: Buffer = LINE_AAD): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(aad);
  const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return Buffer.concat([iv, body, cipher.getAuthTag()]).toString('base64');
}

/** null when the line is not ours, damaged, or from another key. */
export function decryptLine(key: Buffer, line: string, aad: Buffer = LINE_AAD): string | null {
  try {
    const bytes = Buffer.from(line, 'base64');
    if (bytes.length < 12 + 16) return null;
    const decipher = createDecipheriv('aes-256-gcm', key, bytes.subarray(0, 12));
    decipher.setAAD(aad);
    decipher.setAuthTag(bytes.subarray(bytes.length - 16));
    return Buffer.concat([decipher.update(bytes.subarray(12, bytes.length - 16)), decipher.final()]).toString('utf8');
  } catch {
    return null;
  }
}
