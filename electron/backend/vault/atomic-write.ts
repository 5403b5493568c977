// Write-then-rename in the same folder: a reader (or a crash) sees the old file or the new one,
// never half of either. Used for the store's record files, the key file, the change log and
// activity-log compaction.
import { randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, openSync, promises as fs, renameSync, rmSync, writeSync } from 'node:fs';
import path from 'node:path';

export async function writeFileAtomic(target: string, data: string | Uint8Array, mode = 0o600): Promise<void> {
  const temp = path.join(path.dirname(target), `.${path.basename(target)}.tmp-${randomBytes(6).toString('hex')}`);
  const handle = await fs.open(temp, 'w', mode);
  try {
    await handle.writeFile(data);
    await handle.sync();
  } finally {
    await handle.close();
  }
  try {
    await fs.rename(temp, target);
  } catch (error) {
    await fs.rm(temp, { force: true });
    throw error;
  }
}

/**
 * The same, synchronously (under the vault's lock, where nothing else may run meanwhile). The temp
 * file is removed when a step fails; a killed process leaves it (`.<name>.tmp-<pid>-<hex>`).
 */
export function writeFileAtomicSync(target: string, data: string | Uint8Array, mode = 0o600): void {
  const temp = path.join(path.dirname(target), `.${path.basename(target)}.tmp-${process.pid}-${randomBytes(4).toString('hex')}`);
  const fd = openSync(temp, 'w', mode);
  try {
    try {
      const bytes = typeof data === 'string' ? Buffer.from(data) : data;
      // A write may be short (a signal, a full pipe): go on until every byte is in.
      for (let done = 0; done < bytes.length; ) done += writeSync(fd, bytes, done, bytes.length - done);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temp, target);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
}
