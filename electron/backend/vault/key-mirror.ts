// The generation mirror (issue 15, L1): after commits the store's generation (and the activity
// chain's last sequence number) is copied into the key file, MACed with a key derived from the data
// key and bound to the keyId — within MIRROR_DELAY_MS of the commit, once for a burst of them
// (vault-controller.ts), so a save does not also pay for a durable rewrite of the key file. The key
// file is not part of the store, so rolling back the store files AND the change log together (a
// whole copy of the data folder put back, except the key file) leaves the store behind the mirror:
// reported. The MAC means the mirror cannot be lowered by
// editing the key file without the data key.
import type { KeyFile } from './key-file';
import { mirrorMac } from './key-mirror-mac';

export function withMirror(keyFile: KeyFile, dataKey: Buffer, generation: number, activity: number): KeyFile {
  return { ...keyFile, mirror: { generation, activity, mac: mirrorMac(dataKey, keyFile.keyId, generation, activity) } };
}

/** The mirror as verified, or why it cannot be trusted; null when the key file has none yet. */
export function readMirror(keyFile: KeyFile, dataKey: Buffer): { ok: true; generation: number; activity: number } | { ok: false } | null {
  const mirror = keyFile.mirror;
  if (!mirror) return null;
  if (mirrorMac(dataKey, keyFile.keyId, mirror.generation, mirror.activity) !== mirror.mac) return { ok: false };
  return { ok: true, generation: mirror.generation, activity: mirror.activity };
}
