// A small seeded PRNG (mulberry32): the bench data must be the same on every run and machine, so
// figures compare across runs. Not for anything secret.

export type Random = () => number;

// The same mulberry32 the sandbox uses for its fake data.
export { seededRandom } from '../../../electron/backend/sandbox/fake-data';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/** `length` base64url characters drawn from `rand`. */
export function randomText(rand: Random, length: number): string {
  let out = '';
  for (let i = 0; i < length; i += 1) out += ALPHABET[Math.floor(rand() * 64)];
  return out;
}

export function randomHex(rand: Random, length: number): string {
  let out = '';
  for (let i = 0; i < length; i += 1) out += Math.floor(rand() * 16).toString(16);
  return out;
}

export function pick<T>(rand: Random, items: readonly T[]): T {
  return items[Math.floor(rand() * items.length)]!;
}

export const pad3 = (n: number): string => String(n).padStart(3, '0');
