// Which file is at a path now, in one stat: inode, size and modification time in nanoseconds. An
// append changes the size, a replacement (temp file + rename) the inode; the time covers an inode
// number reused at once, which some file systems do after a file is replaced twice.
import { statSync } from 'node:fs';

/** The identity of the file at `file`, or null when there is none. */
export function fileIdentity(file: string): string | null {
  try {
    const stat = statSync(file, { bigint: true });
    return `${stat.ino}:${stat.size}:${stat.mtimeNs}`;
  } catch {
    return null;
  }
}
