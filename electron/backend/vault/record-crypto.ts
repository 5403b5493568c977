// Store format 2: every record file (the main store, each install) is sealed on its own with
// AES-256-GCM (sealed-box.ts) under the store key, as `wbstore2:<generation>:<base64>`. The AAD
// binds the record's name and its generation, so a file cannot be renamed into another record's
// place, and its generation (written in the clear so a reader can check it against the change log)
// cannot be edited without the tag failing.
import { deriveKey, seal, unseal } from './sealed-box';

export const RECORD_MARKER = 'wbstore2:';
const INFO = 'gorgias-workbench/store/v2';

export function deriveRecordKey(dataKey: Buffer): Buffer {
  return deriveKey(dataKey, INFO);
}

function aad(name: string, generation: number): Buffer {
  return Buffer.from(`${INFO}\n${name}\n${generation}`);
}

export function sealRecord(key: Buffer, name: string, generation: number, json: string): string {
  return `${RECORD_MARKER}${generation}:${seal(key, json, aad(name, generation))}`;
}

export function isRecordText(text: string): boolean {
  return text.startsWith(RECORD_MARKER);
}

export type RecordOpen = { ok: true; generation: number; json: string } | { ok: false; reason: string };

export function openRecord(key: Buffer, name: string, text: string): RecordOpen {
  if (!isRecordText(text)) return { ok: false, reason: `The ${name} file is not in store format 2.` };
  const rest = text.slice(RECORD_MARKER.length).trim();
  const colon = rest.indexOf(':');
  const generation = Number(rest.slice(0, colon));
  if (colon < 1 || !Number.isSafeInteger(generation) || generation < 0) return { ok: false, reason: `The ${name} file has no valid generation.` };
  const json = unseal(key, rest.slice(colon + 1), aad(name, generation));
  if (json === null) return { ok: false, reason: `The ${name} file could not be decrypted with the vault's key (a different key, a damaged or truncated file, or a file moved from another record).` };
  return { ok: true, generation, json };
}
