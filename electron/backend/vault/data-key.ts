// The data key: 256 random bits that seal the store's records and, via HKDF, the activity log.
// A new one is made at every protection change (key rotation, key-rotation.ts).
import { randomBytes } from 'node:crypto';

export const DATA_KEY_BYTES = 32;

export function newDataKey(): Buffer {
  return randomBytes(DATA_KEY_BYTES);
}

/** conf takes the key as a string; base64 keeps all 256 bits. */
export function dataKeyToConfKey(key: Buffer): string {
  return key.toString('base64');
}

/** Parses a base64 data key; null when it is not exactly 32 bytes (a damaged or foreign value). */
export function parseDataKey(text: string): Buffer | null {
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(text)) return null;
  const key = Buffer.from(text, 'base64');
  return key.length === DATA_KEY_BYTES && key.toString('base64') === text ? key : null;
}
