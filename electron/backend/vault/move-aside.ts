// A file the vault cannot read is never deleted or overwritten: it is renamed next to itself as
// `<name>.corrupt-<ISO time with : replaced>` so the user (or support) can still inspect it.
import { promises as fs } from 'node:fs';

export function asideSuffix(at: Date): string {
  return `corrupt-${at.toISOString().replaceAll(':', '-')}`;
}

async function exists(file: string): Promise<boolean> {
  try {
    await fs.lstat(file);
    return true;
  } catch {
    return false;
  }
}

/** Renames `file` aside and returns the new path, or null when there was nothing to move. */
export async function moveAside(file: string, at: Date): Promise<string | null> {
  if (!(await exists(file))) return null;
  const base = `${file}.${asideSuffix(at)}`;
  let target = base;
  // Two recoveries in the same millisecond (tests, a crash loop) must not overwrite each other.
  for (let n = 1; await exists(target); n += 1) target = `${base}-${n}`;
  await fs.rename(file, target);
  return target;
}
