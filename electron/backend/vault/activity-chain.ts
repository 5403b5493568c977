// The activity log's chain (see activity-file.ts for the file's lines): each chained line carries a
// sequence number and an HMAC over `<seq>\n<previous line's MAC>\n<sealed text>` under a key derived
// from the activity key, so a deleted, reordered or inserted line is found. Shared by the writers
// (activity-file.ts, activity-block-sliced.ts) and the reader (activity-parse.ts).
import { createHmac } from 'node:crypto';
import { deriveKey } from './sealed-box';

export const BLOCK_PREFIX = '#block v1 ';
export const CHAINED_BLOCK_PREFIX = '#block v2 ';

/** The last line of the chain: its sequence number and MAC (seq 0, mac '' before any chained line). */
export interface ChainHead {
  seq: number;
  mac: string;
}

export const EMPTY_CHAIN: ChainHead = { seq: 0, mac: '' };

export function chainKey(key: Buffer): Buffer {
  return deriveKey(key, 'gorgias-workbench/activity-chain/v1');
}

export function macOf(chain: Buffer, seq: number, previous: string, sealed: string): string {
  return createHmac('sha256', chain).update(`${seq}\n${previous}\n${sealed}`).digest('base64');
}
