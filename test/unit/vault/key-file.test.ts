import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildKeyFile, readKeyFile, writeKeyFile } from '../../../electron/backend/vault/key-file';
import { weakBody } from '../../../electron/backend/vault/key-protection';
import { moveAside } from '../../../electron/backend/vault/move-aside';
import { newDataKey } from '../../../electron/backend/vault/data-key';

let dir = '';
beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'vault-key-unit-'));
});
afterEach(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

describe('key file reading', () => {
  it('classifies missing, garbage, wrong shape, newer and valid files', async () => {
    const file = path.join(dir, 'vault-key.json');
    expect(await readKeyFile(file)).toEqual({ kind: 'missing' });
    await fs.writeFile(file, '\u0000\u0001binary');
    expect(await readKeyFile(file)).toMatchObject({ kind: 'garbage' });
    await fs.writeFile(file, '[]');
    expect(await readKeyFile(file)).toMatchObject({ kind: 'garbage' });
    await fs.writeFile(file, JSON.stringify({ format: 'gorgias-workbench-vault-key', version: 2 }));
    expect(await readKeyFile(file)).toEqual({ kind: 'newer', version: 2 });
    const keyFile = buildKeyFile(weakBody(newDataKey()), new Date('2026-01-01T00:00:00Z'));
    await writeKeyFile(file, keyFile);
    expect(await readKeyFile(file)).toEqual({ kind: 'ok', file: keyFile });
  });

  it('refuses scrypt costs that would exhaust memory', async () => {
    const file = path.join(dir, 'vault-key.json');
    const body = { protection: 'passphrase', passphrase: { kdf: { name: 'scrypt', salt: 'AAAAAAAAAAAAAAAAAAAAAA==', N: 2 ** 30, r: 8, p: 1, keyLength: 32 }, wrap: { alg: 'aes-256-gcm', iv: 'AA==', ciphertext: 'AA==', tag: 'AA==' } } };
    await fs.writeFile(file, JSON.stringify({ format: 'gorgias-workbench-vault-key', version: 1, createdAt: 'x', updatedAt: 'x', ...body }));
    expect(await readKeyFile(file)).toMatchObject({ kind: 'garbage', reason: expect.stringContaining('passphrase.kdf.N') });
  });
});

describe('move aside', () => {
  it('renames with the timestamp, never over an earlier aside file', async () => {
    const file = path.join(dir, 'vault.json');
    const at = new Date('2026-03-04T05:06:07.089Z');
    await fs.writeFile(file, 'one');
    const first = await moveAside(file, at);
    await fs.writeFile(file, 'two');
    const second = await moveAside(file, at);
    expect(path.basename(first!)).toBe('vault.json.corrupt-2026-03-04T05-06-07.089Z');
    expect(path.basename(second!)).toBe('vault.json.corrupt-2026-03-04T05-06-07.089Z-1');
    expect(await fs.readFile(first!, 'utf8')).toBe('one');
    expect(await fs.readFile(second!, 'utf8')).toBe('two');
    expect(await moveAside(file, at)).toBeNull();
  });
});
