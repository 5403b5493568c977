// The bench's data generators are deterministic (figures compare across runs only if the data is
// the same) and produce what the vault's own schema accepts; the stats and table helpers say what
// they compute.
import { describe, expect, it } from 'vitest';
import { vaultDataSchema, emptyVaultData } from '../../../electron/backend/vault/store-schema';
import { addBigVault, generateBigVault } from '../../bench/generators/big-vault';
import { seededRandom } from '../../bench/generators/prng';
import { measured, notAvailable } from '../../bench/lib/figures';
import { markdownTable, textTable } from '../../bench/lib/report';
import { summarize } from '../../bench/lib/stats';

describe('bench generators', () => {
  it('the PRNG repeats itself for a seed and differs across seeds', () => {
    const a = seededRandom(42);
    const b = seededRandom(42);
    const c = seededRandom(43);
    const fromA = Array.from({ length: 5 }, a);
    expect(Array.from({ length: 5 }, b)).toEqual(fromA);
    expect(Array.from({ length: 5 }, c)).not.toEqual(fromA);
    expect(fromA.every((x) => x >= 0 && x < 1)).toBe(true);
  });

  it('the big vault is the same for the same seed, and 50 × 20 with one install per pair', () => {
    const small = { activityEntries: 200 };
    const one = generateBigVault(small);
    expect(generateBigVault(small)).toEqual(one);
    expect(generateBigVault({ ...small, seed: 1 })).not.toEqual(one);
    expect(one.apps).toHaveLength(50);
    expect(one.accounts).toHaveLength(20);
    expect(one.installs).toHaveLength(1000);
    expect(new Set(one.installs.map((install) => `${install.appId}/${install.accountId}`)).size).toBe(1000);
    expect(one.activity).toHaveLength(200);
    expect(generateBigVault().activity).toHaveLength(10_000);
  });

  it('produces data the vault schema accepts, with JWT-shaped tokens', () => {
    const draft = emptyVaultData();
    addBigVault(draft, generateBigVault({ activityEntries: 10 }));
    expect(vaultDataSchema.safeParse(draft).success).toBe(true);
    const [header, claims] = draft.installs[0]!.accessToken.split('.');
    expect(JSON.parse(Buffer.from(header!, 'base64url').toString()).alg).toBe('RS256');
    expect(JSON.parse(Buffer.from(claims!, 'base64url').toString()).iss).toBe('https://store-001.gorgias.com');
  });
});

describe('bench stats and tables', () => {
  it('summarizes median (odd and even counts), min and max', () => {
    expect(summarize([5, 1, 3])).toEqual({ median: 3, min: 1, max: 5, n: 3 });
    expect(summarize([4, 1, 3, 2])).toEqual({ median: 2.5, min: 1, max: 4, n: 4 });
  });

  it('judges the median against the goal and prints n/a rows with their reason', () => {
    const met = measured({ group: 'g', name: 'fast', unit: 'ms', goal: '≤ 50 ms', max: 50 }, [10, 60, 20]);
    const missed = measured({ group: 'g', name: 'slow', unit: 'ms', goal: '≤ 50 ms', max: 50 }, [60, 70, 20]);
    const absent = notAvailable({ group: 'g', name: 'ui', unit: 'ms' }, 'selector absent');
    expect([met.verdict, missed.verdict, absent.verdict]).toEqual(['met', 'missed', 'n/a']);
    const text = textTable([met, missed, absent]);
    expect(text).toContain('MISSED');
    expect(text).toContain('n/a (selector absent)');
    expect(markdownTable([met]).split('\n')[2]).toBe('| g: fast | 20.0 ms | 10.0 ms | 60.0 ms | 3 | ≤ 50 ms | met |');
  });
});
