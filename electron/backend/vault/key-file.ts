// The key file (vault-key.json): a small versioned JSON document holding the data key, protected
// one of three ways. Reading it classifies what was found so recovery can decide: a missing file
// means first start, garbage is moved aside, a newer format is left alone.
import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import { z } from 'zod';
import type { VaultProtection } from '../../common/model';
import { writeFileAtomic } from './atomic-write';
import { scryptParamsProblem, type ScryptParams, type WrappedKey } from './passphrase-kdf';

export const KEY_FILE_FORMAT = 'gorgias-workbench-vault-key';
export const KEY_FILE_VERSION = 1;
export const WEAK_WARNING = 'NOT PROTECTED: the data key below is plain base64. The user chose weak protection because the OS offered no real key protection.';

const base64 = z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/);

const scryptSchema = z.object({
  name: z.literal('scrypt'),
  salt: base64.min(16),
  N: z.number().int(),
  r: z.number().int(),
  p: z.number().int(),
  keyLength: z.literal(32),
})
  // Bounded to what the workbench writes (see passphrase-kdf.ts), checked here, before any derivation.
  .superRefine((kdf, ctx) => {
    const problem = scryptParamsProblem(kdf);
    if (problem) ctx.addIssue({ code: 'custom', path: ['N'], message: `scrypt costs refused: ${problem}` });
  }) satisfies z.ZodType<ScryptParams>;

const wrapSchema = z.object({
  alg: z.literal('aes-256-gcm'),
  iv: base64.min(1),
  ciphertext: base64.min(1),
  tag: base64.min(1),
}) satisfies z.ZodType<WrappedKey>;

const common = {
  format: z.literal(KEY_FILE_FORMAT),
  version: z.literal(KEY_FILE_VERSION),
  createdAt: z.string(),
  updatedAt: z.string(),
  /**
   * Names the data key (random, not derived from it): a new one with every key rotation, so other
   * processes and a half-done rotation can tell which key the file holds without unwrapping it.
   * Absent in key files written before rotation existed.
   */
  keyId: z.string().regex(/^[0-9a-f]{32}$/).optional(),
  /**
   * The store's generation and the activity chain's last sequence number at the last commit, MACed
   * with the data key (key-mirror.ts): rolling back the data folder except this file is detected.
   */
  mirror: z.object({ generation: z.number().int().nonnegative(), activity: z.number().int().nonnegative(), mac: base64.min(1) }).optional(),
};

const keyFileSchema = z.discriminatedUnion('protection', [
  z.object({ ...common, protection: z.literal('os'), os: z.object({ ciphertext: base64.min(1), backend: z.string().nullable() }) }),
  z.object({ ...common, protection: z.literal('passphrase'), passphrase: z.object({ kdf: scryptSchema, wrap: wrapSchema }) }),
  z.object({ ...common, protection: z.literal('weak'), weak: z.object({ warning: z.string(), key: base64.min(1) }) }),
]);

export type KeyFile = z.infer<typeof keyFileSchema>;
export type KeyFileBody =
  | { protection: 'os'; os: { ciphertext: string; backend: string | null } }
  | { protection: 'passphrase'; passphrase: { kdf: ScryptParams; wrap: WrappedKey } }
  | { protection: 'weak'; weak: { warning: string; key: string } };

export type KeyFileRead =
  | { kind: 'missing' }
  | { kind: 'ok'; file: KeyFile }
  | { kind: 'garbage'; reason: string }
  | { kind: 'newer'; version: number }
  | { kind: 'unreadable'; message: string };

export async function readKeyFile(file: string): Promise<KeyFileRead> {
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { kind: 'missing' };
    // Permissions, a folder in the way, I/O errors: not the file's fault, so nothing is moved.
    return { kind: 'unreadable', message: `The key file could not be read (${code ?? 'unknown error'}).` };
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { kind: 'garbage', reason: 'The key file is not valid JSON.' };
  }
  const header = z.object({ format: z.literal(KEY_FILE_FORMAT), version: z.number().int() }).safeParse(json);
  if (header.success && header.data.version > KEY_FILE_VERSION) return { kind: 'newer', version: header.data.version };
  const parsed = keyFileSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.map(String).join('.') || 'top level';
    if (issue?.code === 'custom') return { kind: 'garbage', reason: `The key file was refused (at ${where}): ${issue.message}.` };
    return { kind: 'garbage', reason: `The key file does not have the expected shape (at ${where}).` };
  }
  return { kind: 'ok', file: parsed.data };
}

export function newKeyId(): string {
  return randomBytes(16).toString('hex');
}

/** `keyId` names a NEW data key (rotation); without it the previous file's id is kept (same key re-wrapped). */
export function buildKeyFile(body: KeyFileBody, now: Date, previous?: KeyFile, keyId?: string): KeyFile {
  const stamp = now.toISOString();
  const id = keyId ?? previous?.keyId ?? newKeyId();
  return { format: KEY_FILE_FORMAT, version: KEY_FILE_VERSION, createdAt: previous?.createdAt ?? stamp, updatedAt: stamp, keyId: id, ...body } as KeyFile;
}

export function keyFileText(keyFile: KeyFile): string {
  return `${JSON.stringify(keyFile, null, 2)}\n`;
}

export async function writeKeyFile(file: string, keyFile: KeyFile): Promise<void> {
  await writeFileAtomic(file, keyFileText(keyFile));
}

export function protectionOf(file: KeyFile): VaultProtection {
  return file.protection;
}
