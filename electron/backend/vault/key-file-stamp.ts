// Which key file this process opened the store with, so that one stat tells whether another process
// replaced it since (a key rotation to follow) or only rewrote it (the mirror, an OS re-protection:
// same data key, nothing to follow).
import { promises as fs, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileIdentity } from './file-identity';

function readKeyIdSync(file: string): string | undefined {
  try {
    const keyId = (JSON.parse(readFileSync(file, 'utf8')) as { keyId?: unknown }).keyId;
    return typeof keyId === 'string' ? keyId : undefined;
  } catch {
    return undefined;
  }
}

export class KeyFileStamp {
  #stamp: { identity: string | null; keyId: string | undefined } | null = null;

  constructor(private readonly keyFile: string) {}

  /** The store was opened with the key file now on disk, holding `keyId`. */
  take(keyId: string | undefined): void {
    this.#stamp = { identity: fileIdentity(this.keyFile), keyId };
  }

  /** This process rewrote the key file with the same key (the mirror): that file is the one it uses. */
  rewritten(): void {
    if (this.#stamp) this.#stamp = { ...this.#stamp, identity: fileIdentity(this.keyFile) };
  }

  clear(): void {
    this.#stamp = null;
  }

  /** True when the key file on disk holds another data key than the stamped one. */
  replacedByAnotherKey(): boolean {
    const stamp = this.#stamp;
    if (!stamp) return false;
    const identity = fileIdentity(this.keyFile);
    if (identity === null || identity === stamp.identity) return false;
    const keyId = readKeyIdSync(this.keyFile);
    // Rewritten with the same key (re-protected by the OS): note the new file, nothing to follow.
    if (keyId === stamp.keyId) {
      this.#stamp = { identity, keyId };
      return false;
    }
    return true;
  }
}

/** Temp files of key-file writes (the mirror, after commits) that a killed process left behind. */
export async function removeKeyFileTemps(keyFile: string): Promise<void> {
  const dir = path.dirname(keyFile);
  const prefix = `.${path.basename(keyFile)}.tmp-`;
  const names = await fs.readdir(dir).catch(() => [] as string[]);
  await Promise.all(names.filter((name) => name.startsWith(prefix)).map((name) => fs.rm(path.join(dir, name), { force: true }).catch(() => undefined)));
}
