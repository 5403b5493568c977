// The store file's own sealing: AES-256-GCM under a key derived (HKDF) from the data key, a fresh
// IV per write. conf's built-in encryption ran a PBKDF2 of 10,000 SHA-512 rounds on every read and
// write to stretch a *password*; the data key is already 256 random bits, so that cost bought
// nothing (5–10 ms per save; see docs/benchmarks.md, flow overhead).
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

export const STORE_FORMAT_MARKER = 'wbstore1:';
const INFO = 'gorgias-workbench/store/v1';
const AAD = Buffer.from(INFO);

export function deriveStoreKey(dataKey: Buffer): Buffer {
  return Buffer.from(hkdfSync('sha256', dataKey, Buffer.alloc(0), INFO, 32));
}

export function sealStore(key: Buffer, json: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(AAD);
  const body = Buffer.concat([cipher.update(json, 'utf8'), cipher.final()]);
  return STORE_FORMAT_MARKER + Buffer.concat([iv, body, cipher.getAuthTag()]).toString('base64');
}

export function isSealedStore(text: string): boolean {
  return text.startsWith(STORE_FORMAT_MARKER);
}

/** The JSON text; throws (the same message conf uses) when the file is damaged or from another key. */
export function openSealedStore(key: Buffer, text: string): string {
  const bytes = Buffer.from(text.slice(STORE_FORMAT_MARKER.length).trim(), 'base64');
  try {
    if (bytes.length < 12 + 16) throw new Error('too short');
    const decipher = createDecipheriv('aes-256-gcm', key, bytes.subarray(0, 12));
    decipher.setAAD(AAD);
    decipher.setAuthTag(bytes.subarray(bytes.length - 16));
    return Buffer.concat([decipher.update(bytes.subarray(12, bytes.length - 16)), decipher.final()]).toString('utf8');
  } catch {
    throw new Error('Failed to decrypt config data.');
  }
}
