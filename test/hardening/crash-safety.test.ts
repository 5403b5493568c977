// Crash safety: a child process writes to the vault in a loop and is killed with SIGKILL at a random
// moment, 100 times over the same data folder. After every kill the vault opens ready, with the last
// committed state (or the one being written when the kill came), never corrupt and never moved
// aside. Then the other half: truncated and bit-flipped vault files are detected (AES-GCM), kept
// aside byte for byte, reported in the status, and the app still starts. And key rotations (every
// protection change re-seals every file under a new data key) killed at random: afterwards exactly
// one key (the key file's) opens every file, and every record and activity entry is there.
import { spawn } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, stat, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { confStoreFactory } from '../../electron/backend/vault/conf-store-factory';
import { openVault } from '../../electron/backend/vault/open-vault';
import type { StoredInstall, Vault } from '../../electron/backend/vault/vault-types';
import { createBackend } from '../../electron/backend/create-backend';
import { createDispatcher } from '../../electron/backend/dispatch/dispatcher';
import type { ActivityEntry, VaultStatus } from '../../electron/common/model';
import { createFakeKeyProtector } from '../fakes/fake-key-protector';
import { createRecordingPorts } from '../fakes/recording-ports';
import { createFigures, suiteSeed, tally } from './support/figures';
import { seededRandom } from './support/seeded-random';

const SEED = suiteSeed(0xdead_01);
const KILLS = 100;
const LANES = 4;
const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const writer = fileURLToPath(new URL('./fixtures/vault-writer.ts', import.meta.url));
const figures = createFigures('crash-safety', 'Crash safety: vault writes killed at random, damaged vault files', SEED);
const dirs: string[] = [];

afterAll(async () => {
  figures.write();
  await Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true })));
});

async function tempDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'workbench-crash-'));
  dirs.push(dir);
  return dir;
}

/** Opens the vault and waits for its activity log too (attached in the background), so a log moved aside is reported. */
const open = async (dataDir: string): Promise<Vault> => {
  const vault = await openVault({ dataDir, keyProtector: createFakeKeyProtector({ level: 'strong' }), storeFactory: confStoreFactory });
  await (vault as Vault & { activityAttached(): Promise<void> }).activityAttached();
  return vault;
};

const ROTATE_PASSPHRASE = 'crash-suite passphrase';

function installFixture(id: string): StoredInstall {
  return {
    id, appId: 'app_crash', accountId: 'acc_crash', accessToken: `at-${id}`, refreshToken: `rt-${id}`, idToken: null, tokenType: 'Bearer',
    requestedScopes: ['openid'], grantedScopes: ['openid'], obtainedAt: '2026-01-01T00:00:00.000Z', refreshedAt: null,
    expiresAt: '2026-01-02T00:00:00.000Z', expirySource: 'expires-in', expiresInAnswered: 86400, revokedAt: null,
    failing: false, lastError: null, checks: [], user: null,
  };
}

function activityFixture(tag: string): Omit<ActivityEntry, 'id'> {
  return {
    at: new Date().toISOString(), kind: 'api', appId: null, accountId: null, installId: null, method: 'GET', url: `http://127.0.0.1:9/api/crash/${tag}`,
    status: 200, durationMs: 1, requestHeaders: {}, responseHeaders: {}, requestBody: null, responseBody: null, error: null,
  };
}

const counterOf = (vault: Vault): number => Number(vault.data().accounts[0]!.notes.split(':')[0]);

async function seedVault(dataDir: string): Promise<void> {
  const vault = await open(dataDir);
  const at = new Date().toISOString();
  await vault.update((draft) => {
    draft.accounts.push({ id: 'acc_crash', subdomain: 'crash', label: 'Crash test', kind: 'sandbox', notes: '0:', customBaseUrl: null, builtInSandbox: false, createdAt: at, updatedAt: at });
  });
  await vault.close();
}

interface Run {
  lastCommitted: number;
  /** The last "token <n>": the install saved through updateInstall up to n (-1: none in this run). */
  lastToken: number;
  readyAt: number | null;
  killedBeforeReady: boolean;
  output: string;
}

/** Starts the writer, kills it after `delayMs` (counted from "ready", or from spawn when early). */
function runAndKill(dataDir: string, seed: number, delayMs: number, early: boolean, mode: 'write' | 'rotate' = 'write'): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', writer, dataDir, String(seed), mode], { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] });
    const run: Run = { lastCommitted: -1, lastToken: -1, readyAt: null, killedBeforeReady: false, output: '' };
    let buffer = '';
    const kill = () => {
      if (run.readyAt === null) run.killedBeforeReady = true;
      child.kill('SIGKILL');
    };
    if (early) setTimeout(kill, delayMs);
    child.stdout.on('data', (chunk: Buffer) => {
      buffer += chunk.toString('utf8');
      const lines = buffer.split('\n');
      buffer = lines.pop() ?? '';
      for (const line of lines) {
        run.output = line;
        const committed = /^committed (\d+)$/.exec(line);
        if (committed) run.lastCommitted = Number(committed[1]);
        const token = /^token (\d+)$/.exec(line);
        if (token) run.lastToken = Number(token[1]);
        const ready = /^ready (\d+)$/.exec(line);
        if (ready) {
          run.readyAt = Date.now();
          run.lastCommitted = Number(ready[1]);
          if (!early) setTimeout(kill, delayMs);
        }
      }
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (signal !== 'SIGKILL') reject(new Error(`the writer ended by itself (code ${code}): ${run.output} ${stderr.slice(0, 500)}`));
      else resolve(run);
    });
  });
}

describe('crash safety of the vault', () => {
  it(`keeps the last committed state through ${KILLS} SIGKILLs at random moments of a write loop`, async () => {
    // Four lanes of 25 kills, each on its own data folder, run side by side: most of a kill's time is
    // the child starting, not CPU, so the lanes overlap well on two cores.
    const outcomes: string[] = [];
    let committedInAll = 0;
    /** Kills after which the flow's install was there (so putInstall's writes did land between kills). */
    let flowsSeen = 0;
    const lane = async (index: number): Promise<void> => {
      const dataDir = await tempDir();
      await seedVault(dataDir);
      {
        // The install the writer saves through updateInstall each round, among others it never touches.
        const vault = await open(dataDir);
        await vault.update((draft) => {
          draft.installs.push(installFixture('inst_before'), { ...installFixture('inst_token'), accessToken: 'at-0' }, installFixture('inst_after'));
        });
        await vault.close();
      }
      const random = seededRandom(SEED + index);
      let previous = 0;
      let previousToken = 0;
      for (let round = 0; round < KILLS / LANES; round += 1) {
        const kill = `lane ${index} kill ${round}`;
        // One kill in five lands while the writer is still starting (opening the vault); the others
        // land 0–80 ms into the write loop, i.e. anywhere inside some write.
        const early = random() < 0.2;
        const delay = early ? Math.floor(random() * 400) : Math.floor(random() * 80);
        const run = await runAndKill(dataDir, SEED + index * 1000 + round, delay, early);
        figures.cases += 1;
        figures.faults += 1;
        const vault = await open(dataDir);
        try {
          const status = vault.status();
          expect(status.state, kill).toBe('ready');
          expect(status.recovered, `${kill}: the vault was moved aside`).toBeNull();
          const asides = (await readdir(dataDir)).filter((name) => name.includes('.corrupt-'));
          expect(asides, kill).toEqual([]);
          const counter = counterOf(vault);
          // The last committed write, or the one in flight when the kill came (it may have landed
          // before its "committed" line was printed) — never older, never torn.
          const floor = Math.max(previous, run.lastCommitted);
          if (counter < floor || counter > floor + 1) figures.dataLost += 1;
          expect(counter, `${kill}: committed ${run.lastCommitted}, previous ${previous}`).toBeGreaterThanOrEqual(floor);
          expect(counter, kill).toBeLessThanOrEqual(floor + 1);
          // The install saved alone (updateInstall) follows the same rule, and its neighbours are untouched.
          const installs = vault.data().installs;
          const token = Number(installs.find((install) => install.id === 'inst_token')!.accessToken.slice('at-'.length));
          const tokenFloor = Math.max(previousToken, run.lastToken);
          if (token < tokenFloor || token > counter) figures.dataLost += 1;
          expect(token, `${kill}: token ${run.lastToken}, previous ${previousToken}`).toBeGreaterThanOrEqual(tokenFloor);
          expect(token, kill).toBeLessThanOrEqual(counter);
          // The flow's install (putInstall: added, replaced in place, or removed each round): at most
          // one, after the others, whole, from a round that had started.
          const flows = installs.filter((install) => install.accessToken.startsWith('at-put-'));
          expect(flows.length, kill).toBeLessThanOrEqual(1);
          for (const flow of flows) {
            expect(flow.refreshToken, kill).toBe(`rt-put-${flow.accessToken.slice('at-put-'.length)}`);
            expect(flow.user, kill).toEqual({ sub: 'crash-user', name: 'Crash User', email: null, role: 'admin' });
            expect(Number(flow.accessToken.slice('at-put-'.length)), kill).toBeLessThanOrEqual(counter);
            flowsSeen += 1;
          }
          expect(installs.filter((install) => !flows.includes(install)).map((install) => [install.id, install.id === 'inst_token' ? 'saved' : install.accessToken]), kill).toEqual([
            ['inst_before', 'at-inst_before'],
            ['inst_token', 'saved'],
            ['inst_after', 'at-inst_after'],
          ]);
          if (flows.length === 1) expect(installs.at(-1), kill).toBe(flows[0]);
          previousToken = token;
          // The activity log stays readable (a torn last line is dropped, not fatal).
          expect(() => vault.activity.list({ limit: 5 })).not.toThrow();
          outcomes.push(run.killedBeforeReady ? 'during start' : counter === floor ? 'last committed' : 'in-flight write landed');
          previous = counter;
        } finally {
          await vault.close();
        }
      }
      committedInAll += previous;
    };
    await Promise.all(Array.from({ length: LANES }, (_, index) => lane(index)));
    figures.note(`${KILLS} SIGKILLs (${LANES} lanes) → vault opened ready every time, never moved aside; state after the kill: ${tally(outcomes)}; ${committedInAll} writes committed in all`);
    expect(outcomes).toHaveLength(KILLS);
    // The kills did land inside the write loop, and writes did commit between them.
    expect(outcomes.filter((o) => o !== 'during start').length).toBeGreaterThan(KILLS / 2);
    expect(committedInAll).toBeGreaterThan(0);
    expect(flowsSeen).toBeGreaterThan(0);
  }, 170_000);

  it('keeps every record through 40 SIGKILLs at random moments of key rotations: one key opens everything', async () => {
    const ROTATE_KILLS = 40;
    const ROTATE_LANES = 2;
    const INSTALLS = 4;
    const outcomes: string[] = [];
    const lane = async (index: number): Promise<void> => {
      const dataDir = await tempDir();
      await seedVault(dataDir);
      {
        // Installs and history to carry through every rotation.
        const vault = await open(dataDir);
        await vault.update((draft) => {
          for (let n = 0; n < INSTALLS; n += 1) draft.installs.push(installFixture(`inst_${n}`));
        });
        await vault.activity.append(activityFixture('seeded'));
        await vault.close();
      }
      const random = seededRandom(SEED + 77 + index);
      let previous = 0;
      for (let round = 0; round < ROTATE_KILLS / ROTATE_LANES; round += 1) {
        const kill = `rotation lane ${index} kill ${round}`;
        // A rotation (scrypt, then re-sealing every file) takes ~100–400 ms here: spread the kills over it.
        const delay = Math.floor(random() * 600);
        const run = await runAndKill(dataDir, SEED + index * 1000 + round, delay, false, 'rotate');
        figures.cases += 1;
        figures.faults += 1;
        const staged = await stat(join(dataDir, 'vault.rotating')).then(() => true, () => false);
        const vault = await open(dataDir);
        try {
          if (vault.status().state === 'locked' && vault.status().protection === 'passphrase') await vault.unlock(ROTATE_PASSPHRASE);
          await (vault as Vault & { activityAttached(): Promise<void> }).activityAttached();
          const status = vault.status();
          expect(status.state, kill).toBe('ready');
          // Any file that did not open with the key file's key would have been moved aside and reported.
          expect(status.recovered, `${kill}: something did not open with the key file's key`).toBeNull();
          expect(status.integrity, kill).toBeNull();
          const names = await readdir(dataDir);
          expect(names.filter((name) => name.includes('.corrupt-') || name === 'vault.rotating' || name.startsWith('.vault-key.json.tmp-')), kill).toEqual([]);
          const counter = counterOf(vault);
          const floor = Math.max(previous, run.lastCommitted);
          if (counter < floor || counter > floor + 1) figures.dataLost += 1;
          expect(counter, kill).toBeGreaterThanOrEqual(floor);
          expect(counter, kill).toBeLessThanOrEqual(floor + 1);
          const installs = vault.data().installs;
          expect(installs.map((install) => install.accessToken), kill).toEqual(Array.from({ length: INSTALLS }, (_, n) => `at-inst_${n}`));
          const urls = vault.activity.list({ limit: 10_000 }).entries.map((entry) => entry.url);
          expect(urls, kill).toContain('http://127.0.0.1:9/api/crash/seeded');
          // Every committed write's entry that was appended before the kill's round is still there.
          if (urls.length < counter) figures.dataLost += 1;
          outcomes.push(run.readyAt === null ? 'during start' : staged ? `mid-rotation (${status.protection} after)` : `between rotations (${status.protection})`);
          previous = counter;
        } finally {
          await vault.close();
        }
      }
    };
    await Promise.all(Array.from({ length: ROTATE_LANES }, (_, index) => lane(index)));
    figures.note(`${ROTATE_KILLS} SIGKILLs during key rotations (${ROTATE_LANES} lanes) → every time one key opened every file, all installs and history intact; ${tally(outcomes)}`);
    expect(outcomes).toHaveLength(ROTATE_KILLS);
    // Some kills did land inside a rotation (a staging folder was left behind).
    expect(outcomes.some((outcome) => outcome.startsWith('mid-rotation'))).toBe(true);
  }, 240_000);

  it('detects a truncated or bit-flipped store (AES-GCM), keeps it aside byte for byte, reports it, and starts', async () => {
    const random = seededRandom(SEED ^ 0x5a5a);
    const kinds: string[] = [];
    for (let round = 0; round < 24; round += 1) {
      const dataDir = await tempDir();
      await seedVault(dataDir);
      const storeFile = join(dataDir, 'vault.json');
      const original = await readFile(storeFile);
      let damaged: Buffer;
      if (round % 2 === 0) {
        const length = Math.floor(random() * original.length);
        await truncate(storeFile, length);
        damaged = original.subarray(0, length);
        kinds.push('truncated');
      } else {
        const bit = Math.floor(random() * original.length * 8);
        damaged = Buffer.from(original);
        damaged[bit >> 3]! ^= 1 << (bit & 7);
        await writeFile(storeFile, damaged);
        kinds.push('bit-flipped');
      }
      figures.cases += 1;
      figures.faults += 1;
      const vault = await open(dataDir);
      try {
        const status = vault.status();
        expect(status.state, `round ${round}`).toBe('ready');
        expect(status.recovered, `round ${round}: damage not reported`).not.toBeNull();
        expect(status.recovered!.reason.length).toBeGreaterThan(0);
        const aside = await readFile(status.recovered!.movedTo);
        if (!aside.equals(damaged)) figures.dataLost += 1;
        expect(aside.equals(damaged), `round ${round}: the damaged file was not kept as it was`).toBe(true);
        // A fresh vault was started next to it: the app works, the user is told.
        expect(vault.data().accounts).toEqual([]);
      } finally {
        await vault.close();
      }
    }
    figures.note(`24 damaged stores (${tally(kinds)}) → every one detected, kept aside unchanged and reported in vault.status().recovered`);
  });

  it('detects a truncated key file too, keeps both files aside, and the backend reports it through vault.status', async () => {
    const random = seededRandom(SEED ^ 0x0b0b);
    for (let round = 0; round < 6; round += 1) {
      const dataDir = await tempDir();
      await seedVault(dataDir);
      const keyFile = join(dataDir, 'vault-key.json');
      const original = await readFile(keyFile);
      await truncate(keyFile, Math.floor(random() * (original.length - 1)));
      figures.cases += 1;
      figures.faults += 1;
      // Through the real backend and dispatcher, as the renderer would learn of it at start.
      const backend = await createBackend({ dataDir, ports: createRecordingPorts().ports, sandboxPort: 0 });
      try {
        const status = await createDispatcher(backend)('vault.status', undefined);
        expect(status.ok).toBe(true);
        const value = (status as { ok: true; value: VaultStatus }).value;
        expect(value.state, `round ${round}`).toBe('ready');
        expect(value.recovered, `round ${round}: damage not reported`).not.toBeNull();
        const asides = (await readdir(dataDir)).filter((name) => name.includes('.corrupt-'));
        expect(asides.some((name) => name.startsWith('vault-key.json')), `round ${round}: ${asides.join(', ')}`).toBe(true);
        // The store the damaged key opened is kept too (it cannot be read without that key).
        expect(asides.some((name) => name.startsWith('vault.json')), `round ${round}: ${asides.join(', ')}`).toBe(true);
      } finally {
        await backend.close();
      }
    }
    figures.note('6 truncated key files → detected at start, key file and store kept aside, reported by the backend\'s vault.status');
  });
});
