// The activity log: encrypted line by line in its own file, newest first, filtered, bounded,
// tolerant of a torn last line, memory-only while the vault is locked.
import { promises as fs } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SECRET, activityAttached, activityFile, closeVault, listDir, makeTempDir, open, protector, sampleActivity, storeFile } from './vault-test-helpers';

const PASS = 'activity passphrase';

describe('activity log', () => {
  it('appends, lists newest first with filters, and survives a reopen', async () => {
    const dir = await makeTempDir();
    const vault = await open(dir);
    const a = await vault.activity.append(sampleActivity({ kind: 'token', appId: 'app_1', accountId: 'acc_1' }));
    const b = await vault.activity.append(sampleActivity({ kind: 'api', appId: 'app_2', accountId: 'acc_1' }));
    const c = await vault.activity.append(sampleActivity({ kind: 'api', appId: 'app_1', accountId: 'acc_2' }));
    expect(a.id < b.id && b.id < c.id).toBe(true);
    expect(vault.activity.list({}).entries.map((e) => e.id)).toEqual([c.id, b.id, a.id]);
    expect(vault.activity.list({ kind: 'api' })).toEqual({ entries: [expect.objectContaining({ id: c.id }), expect.objectContaining({ id: b.id })], total: 2 });
    expect(vault.activity.list({ appId: 'app_1' }).entries.map((e) => e.id)).toEqual([c.id, a.id]);
    expect(vault.activity.list({ accountId: 'acc_1', kind: 'api' }).entries.map((e) => e.id)).toEqual([b.id]);
    expect(vault.activity.list({ beforeId: c.id, limit: 1 })).toEqual({ entries: [expect.objectContaining({ id: b.id })], total: 3 });
    await closeVault(vault);

    const reopened = await open(dir);
    expect(reopened.activity.list({}).entries).toEqual([c, b, a]);
    // New ids keep sorting after the old ones.
    const d = await reopened.activity.append(sampleActivity());
    expect(d.id > c.id).toBe(true);
  });

  it('pages with beforeId and a default limit of 200', async () => {
    const vault = await open(await makeTempDir());
    for (let i = 0; i < 250; i += 1) await vault.activity.append(sampleActivity({ status: i }));
    const page1 = vault.activity.list({});
    expect(page1.entries).toHaveLength(200);
    expect(page1.total).toBe(250);
    expect(page1.entries[0]!.status).toBe(249);
    const page2 = vault.activity.list({ beforeId: page1.entries.at(-1)!.id });
    expect(page2.entries.map((e) => e.status)).toEqual(Array.from({ length: 50 }, (_, i) => 49 - i));
  });

  it('keeps entries out of the main store file and encrypted in its own', async () => {
    const dir = await makeTempDir();
    const vault = await open(dir);
    await vault.update((draft) => void (draft.settings.seeded = true));
    const storeBefore = await fs.readFile(storeFile(dir));
    await vault.activity.append(sampleActivity({ responseBody: `{"note":"${SECRET}"}`, url: 'https://acme.gorgias.com/api/tickets' }));
    expect(await fs.readFile(storeFile(dir))).toEqual(storeBefore);
    const raw = await fs.readFile(activityFile(dir), 'utf8');
    expect(raw.split('\n').filter(Boolean)).toHaveLength(1);
    expect(raw).not.toContain(SECRET);
    expect(raw).not.toContain('gorgias.com');
  });

  it('skips a torn last line and appends cleanly after it', async () => {
    const dir = await makeTempDir();
    const first = await open(dir);
    const kept = await first.activity.append(sampleActivity({ status: 1 }));
    await closeVault(first);
    // A crash mid-append: half a line, no newline.
    await fs.appendFile(activityFile(dir), 'QUJDREVGR0hJSktMTU5PUFFSU1RVVldY');

    const second = await open(dir);
    expect(second.status().recovered).toBeNull();
    expect(second.activity.list({}).entries).toEqual([kept]);
    const next = await second.activity.append(sampleActivity({ status: 2 }));
    await closeVault(second);

    const third = await open(dir);
    expect(third.activity.list({}).entries.map((e) => e.id)).toEqual([next.id, kept.id]);
    expect(third.status().recovered).toBeNull();
  });

  it('keeps a log written under another key aside instead of dropping it', async () => {
    const dir = await makeTempDir();
    const other = await makeTempDir();
    const a = await open(other);
    await a.activity.append(sampleActivity());
    await closeVault(a);
    const b = await open(dir);
    await closeVault(b);
    await fs.copyFile(activityFile(other), activityFile(dir));
    const foreign = await fs.readFile(activityFile(dir));

    const vault = await open(dir);
    // The log is attached in the background: list() reads it at once; the recovery shows once attached.
    const seen: (string | undefined)[] = [];
    vault.onStatusChange((status) => seen.push(status.recovered?.reason));
    expect(vault.activity.list({}).total).toBe(0);
    await activityAttached(vault);
    expect(vault.status().recovered!.reason).toMatch(/activity log had 1 line/);
    expect(seen.at(-1)).toMatch(/activity log had 1 line/);
    expect(await fs.readFile(vault.status().recovered!.movedTo)).toEqual(foreign);
    expect(vault.activity.list({}).total).toBe(0);
  });

  it('is bounded to the newest 10,000 entries, in memory and on disk after compaction', async () => {
    const dir = await makeTempDir();
    const vault = await open(dir);
    let last = '';
    for (let i = 0; i < 12_050; i += 1) last = (await vault.activity.append(sampleActivity({ status: i }))).id;
    const listed = vault.activity.list({ limit: 1000 });
    expect(listed.total).toBe(10_000);
    expect(listed.entries[0]!.id).toBe(last);
    const lines = (await fs.readFile(activityFile(dir), 'utf8')).split('\n').filter(Boolean);
    // Compaction sealed the kept entries into one block (first line) each time 2,000 lines had been
    // appended since the last block; only the appends since follow, one line each.
    expect(lines[0]!.startsWith('#block v2 ')).toBe(true);
    expect(lines.slice(1).some((line) => line.startsWith('#'))).toBe(false);
    expect(lines.length - 1).toBeLessThanOrEqual(2_000);
    await closeVault(vault);
    const reopened = await open(dir);
    const after = reopened.activity.list({ limit: 1 });
    expect(after.total).toBe(10_000);
    expect(after.entries[0]!.status).toBe(12_049);
    expect((await listDir(dir)).filter((name) => name.includes('.tmp-'))).toEqual([]);
  });

  it('clears memory and file', async () => {
    const dir = await makeTempDir();
    const vault = await open(dir);
    await vault.activity.append(sampleActivity());
    await vault.activity.clear();
    expect(vault.activity.list({}).total).toBe(0);
    // One empty chained block: the chain's sequence goes on from there (a truncation stays detectable).
    const lines = (await fs.readFile(activityFile(dir), 'utf8')).split('\n').filter(Boolean);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^#block v2 2 /);
  });

  it('keeps entries in memory only while locked, and writes them once unlocked', async () => {
    const dir = await makeTempDir();
    const setup = await open(dir, protector('weak'));
    await setup.setPassphrase(PASS);
    const early = await setup.activity.append(sampleActivity({ status: 1 }));
    await closeVault(setup);
    const fileBefore = await fs.readFile(activityFile(dir));

    const vault = await open(dir, protector('weak'));
    expect(vault.status().state).toBe('locked');
    const whileLocked = await vault.activity.append(sampleActivity({ status: 2 }));
    expect(vault.activity.list({}).entries.map((e) => e.id)).toEqual([whileLocked.id]);
    expect(await fs.readFile(activityFile(dir))).toEqual(fileBefore);

    await vault.unlock(PASS);
    expect(vault.activity.list({}).entries.map((e) => e.id)).toEqual([whileLocked.id, early.id]);
    await closeVault(vault);
    const reopened = await open(dir, protector('weak'));
    await reopened.unlock(PASS);
    expect(reopened.activity.list({}).entries.map((e) => e.id)).toEqual([whileLocked.id, early.id]);
  });
});
