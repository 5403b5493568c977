import { describe, expect, it } from 'vitest';
import { newDataKey, parseDataKey, dataKeyToConfKey } from '../../../electron/backend/vault/data-key';
import { deriveKek, newScryptParams, unwrapWithPassphrase, wrapWithPassphrase } from '../../../electron/backend/vault/passphrase-kdf';

describe('passphrase key wrapping', () => {
  it('unwraps with the right passphrase and refuses a wrong one with VAULT_PASSPHRASE_WRONG', async () => {
    const dataKey = newDataKey();
    const wrapped = await wrapWithPassphrase(dataKey, 'the right passphrase');
    expect(wrapped.kdf).toMatchObject({ name: 'scrypt', N: 2 ** 15, r: 8, p: 1, keyLength: 32 });
    expect(await unwrapWithPassphrase(wrapped, 'the right passphrase')).toEqual(dataKey);
    await expect(unwrapWithPassphrase(wrapped, 'the wrong passphrase')).rejects.toMatchObject({ code: 'VAULT_PASSPHRASE_WRONG' });
    expect(JSON.stringify(wrapped)).not.toContain(dataKey.toString('base64'));
  });

  it('treats composed and decomposed forms of the same passphrase alike (NFC)', async () => {
    const dataKey = newDataKey();
    const wrapped = await wrapWithPassphrase(dataKey, 'caf\u00e9 au lait');
    expect(await unwrapWithPassphrase(wrapped, 'cafe\u0301 au lait')).toEqual(dataKey);
  });

  it('uses a fresh salt every time', async () => {
    const a = newScryptParams();
    const b = newScryptParams();
    expect(a.salt).not.toBe(b.salt);
    expect(await deriveKek('same', a)).not.toEqual(await deriveKek('same', b));
  });

  it('detects a tampered wrap', async () => {
    const wrapped = await wrapWithPassphrase(newDataKey(), 'the right passphrase');
    const bytes = Buffer.from(wrapped.wrap.ciphertext, 'base64');
    bytes[0] = bytes[0]! ^ 1;
    await expect(unwrapWithPassphrase({ ...wrapped, wrap: { ...wrapped.wrap, ciphertext: bytes.toString('base64') } }, 'the right passphrase')).rejects.toMatchObject({ code: 'VAULT_PASSPHRASE_WRONG' });
  });
});

describe('data key encoding', () => {
  it('round-trips through base64 and refuses anything but 32 bytes', () => {
    const key = newDataKey();
    expect(parseDataKey(dataKeyToConfKey(key))).toEqual(key);
    expect(parseDataKey(Buffer.alloc(31).toString('base64'))).toBeNull();
    expect(parseDataKey('not base64 !')).toBeNull();
    expect(parseDataKey('')).toBeNull();
  });
});
