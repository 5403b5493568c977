// Each activity line is sealed on its own (sealed-box.ts, fresh IV) under a key derived from the
// data key, so appending never rewrites earlier lines and a torn line spoils only itself.
// A compacted block (many entries sealed at once, see activity-file.ts) uses the same key with its
// own AAD, so a block can never be passed off as a line or the other way round.
import { deriveKey, seal, unseal } from './sealed-box';

const INFO = 'gorgias-workbench/activity-log/v1';
const LINE_AAD = Buffer.from(INFO);
export const BLOCK_AAD = Buffer.from(`${INFO}/block`);

export function deriveActivityKey(dataKey: Buffer): Buffer {
  return deriveKey(dataKey, INFO);
}

export function encryptLine(key: Buffer, plaintext: string, aad: Buffer = LINE_AAD): string {
  return seal(key, plaintext, aad);
}

/** null when the line is not ours, damaged, or from another key. */
export function decryptLine(key: Buffer, line: string, aad: Buffer = LINE_AAD): string | null {
  return unseal(key, line, aad);
}
