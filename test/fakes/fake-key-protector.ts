// A KeyProtector for tests: reversible but not plain (XOR with a fixed pad behind a marker), so a
// test can check the data key never sits in the key file in clear. Deterministic, so the checked-in
// fixtures can be produced by a script. Options may be changed between calls (e.g. the OS gains a
// keychain); counters show what the vault asked for.
import type { KeyProtector } from '../../electron/backend/ports';

export const FAKE_PROTECTOR_MARKER = 'FAKEPROT1:';
const PAD = Buffer.from('gorgias-workbench fake keychain pad, never use in production', 'utf8');

export interface FakeKeyProtectorOptions {
  level: 'strong' | 'weak' | 'unavailable';
  backend?: string;
  /** unprotect throws, as when the OS keychain was reset or belongs to another user. */
  failUnprotect?: boolean;
  /** protect throws, as when the keychain refuses a new item. */
  failProtect?: boolean;
  /** unprotect answers shouldReprotect: true (OS key rotation). */
  askReprotect?: boolean;
}

export interface FakeKeyProtector extends KeyProtector {
  options: FakeKeyProtectorOptions;
  readonly calls: { availability: number; protect: number; unprotect: number };
}

function xor(bytes: Uint8Array): Buffer {
  return Buffer.from(bytes.map((byte, index) => byte ^ PAD[index % PAD.length]!));
}

/** The same transform as protect(), for fixture scripts that must not need a live protector. */
export function fakeProtect(plaintext: string): Uint8Array {
  return Buffer.concat([Buffer.from(FAKE_PROTECTOR_MARKER, 'utf8'), xor(Buffer.from(plaintext, 'utf8'))]);
}

export function createFakeKeyProtector(initial: FakeKeyProtectorOptions): FakeKeyProtector {
  const calls = { availability: 0, protect: 0, unprotect: 0 };
  const protector: FakeKeyProtector = {
    options: { ...initial },
    calls,
    async availability() {
      calls.availability += 1;
      const { level, backend } = protector.options;
      return { level, backend: backend ?? (level === 'strong' ? 'fake_keychain' : level === 'weak' ? 'basic_text' : null) };
    },
    async protect(plaintext) {
      calls.protect += 1;
      if (protector.options.failProtect) throw new Error('fake keychain refused to store the item');
      if (protector.options.level === 'unavailable') throw new Error('no key protection available');
      return fakeProtect(plaintext);
    },
    async unprotect(ciphertext) {
      calls.unprotect += 1;
      if (protector.options.failUnprotect) throw new Error('fake keychain could not decrypt');
      const bytes = Buffer.from(ciphertext);
      const marker = Buffer.from(FAKE_PROTECTOR_MARKER, 'utf8');
      if (!bytes.subarray(0, marker.length).equals(marker)) throw new Error('not protected by this fake keychain');
      return { plaintext: xor(bytes.subarray(marker.length)).toString('utf8'), shouldReprotect: Boolean(protector.options.askReprotect) };
    },
  };
  return protector;
}
