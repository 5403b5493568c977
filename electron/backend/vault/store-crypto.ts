// The store file's own sealing (sealed-box.ts) under a key derived from the data key. conf's
// built-in encryption ran a PBKDF2 of 10,000 SHA-512 rounds on every read and write to stretch a
// *password*; the data key is already 256 random bits, so that cost bought nothing (5–10 ms per
// save; see docs/benchmarks.md, flow overhead).
import { deriveKey, seal, unseal } from './sealed-box';

export const STORE_FORMAT_MARKER = 'wbstore1:';
const INFO = 'gorgias-workbench/store/v1';
const AAD = Buffer.from(INFO);

export function deriveStoreKey(dataKey: Buffer): Buffer {
  return deriveKey(dataKey, INFO);
}

export function sealStore(key: Buffer, json: string): string {
  return STORE_FORMAT_MARKER + seal(key, json, AAD);
}

export function isSealedStore(text: string): boolean {
  return text.startsWith(STORE_FORMAT_MARKER);
}

/** The JSON text; throws (the same message conf uses) when the file is damaged or from another key. */
export function openSealedStore(key: Buffer, text: string): string {
  const json = unseal(key, text.slice(STORE_FORMAT_MARKER.length).trim(), AAD);
  if (json === null) throw new Error('Failed to decrypt config data.');
  return json;
}
