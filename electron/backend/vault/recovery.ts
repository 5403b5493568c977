// Recovery never deletes: the files that cannot be read are renamed aside together (same
// timestamp) and described in `status().recovered` until the user dismisses it.
import path from 'node:path';
import type { VaultStatus } from '../../common/model';
import { moveAside } from './move-aside';

export type Recovered = NonNullable<VaultStatus['recovered']>;

/** Moves every existing file in `files` aside; null when none of them existed. */
export async function moveFilesAside(files: readonly string[], reason: string, at: Date): Promise<Recovered | null> {
  const moved: string[] = [];
  for (const file of files) {
    const target = await moveAside(file, at);
    if (target) moved.push(target);
  }
  const [first, ...others] = moved;
  if (!first) return null;
  const also = others.length ? ` Also kept aside: ${others.map((file) => path.basename(file)).join(', ')}.` : '';
  return { movedTo: first, reason: `${reason}${also}`, at: at.toISOString() };
}

/** When two recoveries happen in one start (store, then activity log), keep the first and mention the second. */
export function mergeRecovered(current: Recovered | null, next: Recovered | null): Recovered | null {
  if (!current) return next;
  if (!next) return current;
  return { ...current, reason: `${current.reason} Also: ${next.reason} (kept at ${path.basename(next.movedTo)})` };
}
