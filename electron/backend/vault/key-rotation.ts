// Key rotation on disk (issue 15, M2): every protection change gets a NEW data key, and every file
// sealed under the old one (main store, install files, activity log) is sealed again under the new
// one. Crash-safe in three steps, all under the vault's write lock:
//   1. stage: write every re-sealed file, the new key file and last a manifest into `vault.rotating/`
//      (each fsynced). The old files and the old key file are untouched.
//   2. commit: rename `vault.rotating/vault-key.json` over `vault-key.json` (one atomic rename).
//   3. finish: rename each staged file over its old one, delete install files the manifest does not
//      list, remove the staging folder.
// finishRotation() runs before any store is read (under the lock): a staging folder whose manifest
// names the key file's current keyId is a committed rotation (roll forward, idempotent: a file
// already moved is skipped); anything else is a rotation cut before its commit (roll back: delete
// the staging folder). So after a crash at any point, exactly one key opens every file.
import { closeSync, fsyncSync, mkdirSync, openSync, readFileSync, readdirSync, renameSync, rmSync, writeSync } from 'node:fs';
import path from 'node:path';
import { KEY_FILE } from './vault-files';

export const ROTATION_DIR = 'vault.rotating';
const MANIFEST = 'rotation.json';

export interface StagedFile {
  /** Path relative to the data folder, e.g. `vault.json`, `installs/x.json`, `activity.log`. */
  rel: string;
  text: string;
}

function writeDurableSync(file: string, text: string): void {
  const fd = openSync(file, 'w', 0o600);
  try {
    writeSync(fd, text);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

function fsyncDir(dir: string): void {
  try {
    const fd = openSync(dir, 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    // Not every platform lets a folder be fsynced (Windows); the renames are still atomic.
  }
}

/** Step 1. Throws when a write fails; the caller then calls abortRotation(). */
export function stageRotation(dataDir: string, keyId: string, files: readonly StagedFile[], keyFileText: string): void {
  const dir = path.join(dataDir, ROTATION_DIR);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(path.join(dir, 'installs'), { recursive: true, mode: 0o700 });
  for (const file of files) writeDurableSync(path.join(dir, file.rel), file.text);
  writeDurableSync(path.join(dir, KEY_FILE), keyFileText);
  // Last: a staging folder without a manifest is incomplete and can only be rolled back.
  writeDurableSync(path.join(dir, MANIFEST), JSON.stringify({ keyId, files: files.map((file) => file.rel) }));
  fsyncDir(path.join(dir, 'installs'));
  fsyncDir(dir);
}

/** Step 2, the commit point: from here on the new key file is the vault's key file. */
export function commitRotation(dataDir: string): void {
  renameSync(path.join(dataDir, ROTATION_DIR, KEY_FILE), path.join(dataDir, KEY_FILE));
  fsyncDir(dataDir);
}

export function abortRotation(dataDir: string): void {
  rmSync(path.join(dataDir, ROTATION_DIR), { recursive: true, force: true });
}

function readManifest(dir: string): { keyId: string; files: string[] } | null {
  try {
    const value = JSON.parse(readFileSync(path.join(dir, MANIFEST), 'utf8')) as { keyId?: unknown; files?: unknown };
    if (typeof value.keyId !== 'string' || !Array.isArray(value.files) || !value.files.every((file) => typeof file === 'string')) return null;
    // Only names this module writes: nothing outside the data folder can be touched by a crafted manifest.
    const files = value.files as string[];
    if (!files.every((file) => /^(vault\.json|activity\.log|installs\/[A-Za-z0-9_-]+\.json)$/.test(file))) return null;
    return { keyId: value.keyId, files };
  } catch {
    return null;
  }
}

export type RotationOutcome = 'none' | 'rolled-back' | 'rolled-forward';

/**
 * Step 3, also the recovery at open: `currentKeyId` is the keyId of the key file on disk now.
 * Must run under the vault's write lock (another process may be in step 1).
 */
export function finishRotation(dataDir: string, currentKeyId: string | undefined): RotationOutcome {
  const dir = path.join(dataDir, ROTATION_DIR);
  let present = true;
  try {
    readdirSync(dir);
  } catch {
    present = false;
  }
  if (!present) return 'none';
  const manifest = readManifest(dir);
  if (!manifest || currentKeyId === undefined || manifest.keyId !== currentKeyId) {
    abortRotation(dataDir);
    return 'rolled-back';
  }
  mkdirSync(path.join(dataDir, 'installs'), { recursive: true, mode: 0o700 });
  for (const rel of manifest.files) {
    try {
      renameSync(path.join(dir, rel), path.join(dataDir, rel));
    } catch (error) {
      // Moved already by a finish that was cut short.
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
  }
  const listed = new Set(manifest.files);
  // Install files the rotation did not re-seal are under the old key (none should exist, since the
  // rotation ran under the lock; one left by a write cut short would no longer open): they go.
  let installs: string[] = [];
  try {
    installs = readdirSync(path.join(dataDir, 'installs'));
  } catch {
    installs = [];
  }
  for (const name of installs) {
    if (name.endsWith('.json') && !listed.has(`installs/${name}`)) rmSync(path.join(dataDir, 'installs', name), { force: true });
  }
  if (!listed.has('activity.log')) rmSync(path.join(dataDir, 'activity.log'), { force: true });
  fsyncDir(path.join(dataDir, 'installs'));
  fsyncDir(dataDir);
  abortRotation(dataDir);
  return 'rolled-forward';
}
