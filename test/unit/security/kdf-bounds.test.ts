// L4: scrypt costs read from a key file or an import file are bounded to what the workbench writes
// (128·N·r ≤ 256 MiB, p = 1) and checked before any derivation: a crafted file is refused at once
// with a clear message, and scrypt is never called with its settings.
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type * as NodeCrypto from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

const scryptCalls = vi.hoisted(() => [] as { N: number; r: number; p: number }[]);
vi.mock('node:crypto', async (importOriginal) => {
  const actual = await importOriginal<typeof NodeCrypto>();
  const scrypt = (...args: unknown[]): void => {
    const options = args[3] as { N: number; r: number; p: number };
    scryptCalls.push({ N: options.N, r: options.r, p: options.p });
    (actual.scrypt as (...a: unknown[]) => void)(...args);
  };
  return { ...actual, default: { ...actual, scrypt }, scrypt };
});

const { readKeyFile } = await import('../../../electron/backend/vault/key-file');
const { unwrapWithPassphrase, wrapWithPassphrase, scryptParamsProblem } = await import('../../../electron/backend/vault/passphrase-kdf');
const { decryptSecrets, encryptSecrets } = await import('../../../electron/backend/tools/transfer/transfer-crypto');
const { createTransferService } = await import('../../../electron/backend/tools/transfer/transfer-service');
const { newDataKey } = await import('../../../electron/backend/vault/data-key');
const { buildExportFile } = await import('../../../electron/backend/tools/transfer/transfer-format');

/** 4 GiB of memory: accepted by the bounds the workbench had before (N ≤ 2^20, r ≤ 32). */
const CRAFTED = { N: 2 ** 20, r: 32, p: 1 };
const HIGH_P = { N: 2 ** 15, r: 8, p: 4 };
const SALT = 'AAAAAAAAAAAAAAAAAAAAAA==';
const crafted = (costs: { N: number; r: number; p: number }) => ({ name: 'scrypt' as const, salt: SALT, ...costs, keyLength: 32 as const });

let dir: string;
beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'kdf-bounds-'));
  scryptCalls.length = 0;
});
afterEach(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

const craftedCalls = () => scryptCalls.filter((call) => call.N * call.r > 2 ** 15 * 8 || call.p !== 1);

describe('scrypt bounds', () => {
  it('accept what the workbench writes, up to 256 MiB with p = 1, and nothing more', () => {
    expect(scryptParamsProblem({ N: 2 ** 15, r: 8, p: 1, keyLength: 32 })).toBeNull();
    expect(scryptParamsProblem({ N: 2 ** 18, r: 8, p: 1, keyLength: 32 })).toBeNull();
    expect(scryptParamsProblem({ N: 2 ** 19, r: 8, p: 1, keyLength: 32 })).toMatch(/512 MiB, over the 256 MiB/);
    expect(scryptParamsProblem({ ...CRAFTED, keyLength: 32 })).toMatch(/4096 MiB/);
    expect(scryptParamsProblem({ ...HIGH_P, keyLength: 32 })).toBe('p must be 1');
    expect(scryptParamsProblem({ N: 3000, r: 8, p: 1, keyLength: 32 })).toMatch(/power of two/);
  });

  it('a crafted key file is refused when read, with the reason, and scrypt never runs with its costs', async () => {
    const file = path.join(dir, 'vault-key.json');
    for (const costs of [CRAFTED, HIGH_P]) {
      const body = { protection: 'passphrase', passphrase: { kdf: crafted(costs), wrap: { alg: 'aes-256-gcm', iv: 'AA==', ciphertext: 'AA==', tag: 'AA==' } } };
      await fs.writeFile(file, JSON.stringify({ format: 'gorgias-workbench-vault-key', version: 1, createdAt: 'x', updatedAt: 'x', ...body }));
      const read = await readKeyFile(file);
      expect(read).toMatchObject({ kind: 'garbage', reason: expect.stringMatching(/key file was refused \(at passphrase\.kdf\.N\): scrypt costs refused: (128·N·r is 4096 MiB|p must be 1)/) });
    }
    // And if anything ever handed such params to the unwrap, it refuses before deriving.
    const real = await wrapWithPassphrase(newDataKey(), 'a passphrase');
    scryptCalls.length = 0;
    await expect(unwrapWithPassphrase({ kdf: crafted(CRAFTED), wrap: real.wrap }, 'a passphrase')).rejects.toMatchObject({
      code: 'INVALID_ARGUMENT',
      message: expect.stringContaining('key-derivation (scrypt) costs the workbench refuses'),
    });
    expect(scryptCalls).toEqual([]);
  });

  it('a crafted import file is refused at preview and import, with a clear message, before any derivation', async () => {
    const genuine = await encryptSecrets(JSON.stringify({ clientSecrets: {} }), 'correct horse battery');
    expect(scryptCalls).toEqual([{ N: 2 ** 15, r: 8, p: 1 }]);
    const vault = { data: () => ({ apps: [], accounts: [], installs: [] }) };
    const service = createTransferService({ vault, clock: { now: () => 0 }, events: { emit: () => undefined } } as never);
    for (const costs of [CRAFTED, HIGH_P]) {
      await expect(decryptSecrets({ ...genuine, kdf: crafted(costs) }, 'correct horse battery')).rejects.toMatchObject({
        code: 'INVALID_ARGUMENT',
        message: expect.stringMatching(/^This file asks for key-derivation \(scrypt\) costs the workbench refuses/),
      });
      const text = JSON.stringify(buildExportFile([], [], { ...genuine, kdf: crafted(costs) }, '2026-01-01T00:00:00.000Z'));
      for (const method of ['transfer.preview', 'transfer.import'] as const) {
        const outcome = await service[method]({ text, passphrase: 'correct horse battery' }).then(() => null, (error: unknown) => error);
        expect(outcome).toMatchObject({ message: expect.stringContaining('costs the workbench refuses') });
      }
    }
    expect(craftedCalls()).toEqual([]);
  });
});
