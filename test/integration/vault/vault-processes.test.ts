// Several processes on one vault (the app, `serve`, CLI processes), as real child processes: writes
// are serialised across them by the lock file, each writer works on the latest data, a process that
// stays open sees the others' writes, and a refresh of one install is one token request in all.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { promises as fs } from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { createBackend, type Backend } from '../../../electron/backend/create-backend';
import type { FlowView } from '../../../electron/common/model';
import { acquireLock } from '../../../electron/backend/vault/file-lock';
import { consentInSandbox } from '../../fakes/sandbox-browser';
import { createRecordingPorts } from '../../fakes/recording-ports';
import { activityAttached, makeTempDir, open, sampleActivity, sampleApp } from './vault-test-helpers';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
const fixture = (name: string) => fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url));
const children: ChildProcessWithoutNullStreams[] = [];
const cleanups: (() => Promise<void>)[] = [];

afterEach(async () => {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

interface Child {
  process: ChildProcessWithoutNullStreams;
  /** Resolves with the first stdout line matching `pattern`. */
  line(pattern: RegExp): Promise<string>;
  exited: Promise<number | null>;
}

function start(script: string, args: string[]): Child {
  const child = spawn(process.execPath, ['--import', 'tsx', fixture(script), ...args], { cwd: repoRoot, stdio: ['pipe', 'pipe', 'pipe'] });
  children.push(child);
  const lines: string[] = [];
  const waiters: { pattern: RegExp; resolve: (line: string) => void }[] = [];
  let buffer = '';
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  child.stdout.on('data', (chunk: Buffer) => {
    buffer += chunk.toString('utf8');
    const parts = buffer.split('\n');
    buffer = parts.pop() ?? '';
    for (const line of parts) {
      lines.push(line);
      for (const waiter of waiters.splice(0)) {
        if (waiter.pattern.test(line)) waiter.resolve(line);
        else waiters.push(waiter);
      }
    }
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return {
    process: child,
    exited,
    line: (pattern) =>
      new Promise((resolve, reject) => {
        const seen = lines.find((line) => pattern.test(line));
        if (seen) return resolve(seen);
        waiters.push({ pattern, resolve });
        void exited.then((code) => reject(new Error(`${script} exited (${code}) before ${pattern}: ${stderr.slice(0, 800)}`)));
      }),
  };
}

describe('several processes on one vault', () => {
  it('2 processes × 100 updates: every update lands, none is lost, and an open reader sees them', async () => {
    const dir = await makeTempDir();
    const reader = await open(dir);
    const at = new Date().toISOString();
    await reader.update((draft) => {
      draft.apps.push(sampleApp());
      draft.accounts.push({ id: 'acc_shared', subdomain: 'shared', label: 'Shared', kind: 'sandbox', notes: '0', customBaseUrl: null, builtInSandbox: false, createdAt: at, updatedAt: at });
    });
    const writers = [start('multi-writer.ts', [dir, 'a', '100']), start('multi-writer.ts', [dir, 'b', '100'])];
    await Promise.all(writers.map((writer) => writer.line(/^ready$/)));
    for (const writer of writers) writer.process.stdin.end('go\n');
    expect(await Promise.all(writers.map((writer) => writer.exited))).toEqual([0, 0]);

    // The reader opened before the writers and never reopened: it reloads what they wrote.
    const data = reader.data();
    expect(data.installs).toHaveLength(200);
    const ids = new Set(data.installs.map((install) => install.id));
    for (let n = 0; n < 100; n += 1) {
      expect(ids.has(`inst_a_${n}`)).toBe(true);
      expect(ids.has(`inst_b_${n}`)).toBe(true);
    }
    // Each update read the latest counter before incrementing it: 200, not less.
    expect(data.accounts[0]!.notes).toBe('200');
    // And its own next write builds on theirs.
    await reader.update((draft) => void (draft.accounts[0]!.notes = 'reader'));
    const fresh = await open(dir);
    expect(fresh.data().installs).toHaveLength(200);
    expect(fresh.data().accounts[0]!.notes).toBe('reader');
  }, 120_000);

  it('2 processes × 1,100 activity appends: one chained log, every line lands, an open process sees them all, compaction under the lock', async () => {
    const dir = await makeTempDir();
    const reader = await open(dir);
    await activityAttached(reader);
    await reader.activity.append(sampleActivity({ url: 'https://acme.gorgias.com/api/reader/0' }));
    const appenders = [start('activity-appender.ts', [dir, 'a', '1100']), start('activity-appender.ts', [dir, 'b', '1100'])];
    await Promise.all(appenders.map((appender) => appender.line(/^ready$/)));
    for (const appender of appenders) appender.process.stdin.end('go\n');
    // Each saw the reader's line and at least its own 1,100, and no break in the chain.
    const listedCounts: number[] = [];
    for (const appender of appenders) {
      const listedLine = await appender.line(/^listed /);
      expect(listedLine).toMatch(/^listed (\d+) integrity ok$/);
      listedCounts.push(Number(/^listed (\d+)/.exec(listedLine)![1]));
    }
    // The one that wrote last had read every other line first (none skipped by its attach).
    expect(Math.max(...listedCounts)).toBe(2_201);
    expect(await Promise.all(appenders.map((appender) => appender.exited))).toEqual([0, 0]);

    // The reader never reopened: it lists the others' lines, all of them.
    const listed = reader.activity.list({ limit: 10_000 });
    expect(listed.total).toBe(2_201);
    const urls = new Set(listed.entries.map((entry) => entry.url));
    for (let n = 0; n < 1_100; n += 1) {
      expect(urls.has(`https://acme.gorgias.com/api/a/${n}`)).toBe(true);
      expect(urls.has(`https://acme.gorgias.com/api/b/${n}`)).toBe(true);
    }
    // More than 2,000 lines were appended since the last block: one process compacted, under the lock,
    // keeping every line, and the chain held across it (the sequence goes on after the block).
    const lines = (await fs.readFile(path.join(dir, 'activity.log'), 'utf8')).split('\n').filter(Boolean);
    expect(lines[0]).toMatch(/^#block v2 \d+ /);
    expect(lines.length).toBeLessThan(2_201);
    await reader.activity.append(sampleActivity({ url: 'https://acme.gorgias.com/api/reader/1' }));
    expect(reader.status().integrity).toBeNull();
    const fresh = await open(dir);
    await activityAttached(fresh);
    expect(fresh.activity.list({ limit: 1 }).total).toBe(2_202);
    expect(fresh.status().integrity).toBeNull();
  }, 120_000);

  it('breaks a lock left by a dead process, and waits for a live one', async () => {
    const dir = await makeTempDir();
    const lockFile = path.join(dir, 'vault.lock');
    // A process that died holding the lock (this pid cannot be alive: it is above the kernel's limit).
    await fs.writeFile(lockFile, JSON.stringify({ pid: 2 ** 30, token: 'dead', at: new Date().toISOString() }));
    const vault = await open(dir);
    expect(vault.status().state).toBe('ready');
    // The history attaches in the background and takes the lock too, briefly: let it finish first.
    await activityAttached(vault);
    await vault.update((draft) => void draft.apps.push(sampleApp()));
    await expect(fs.access(lockFile)).rejects.toMatchObject({ code: 'ENOENT' });

    // A live holder (this process): the update waits for it, then lands.
    const release = await acquireLock(lockFile, { staleMs: 10_000, waitMs: 10_000, what: 'test' });
    let landed = false;
    const pending = vault.update((draft) => void draft.apps.push(sampleApp({ id: 'app_2' }))).then(() => (landed = true));
    // Let the waiting writer try at least once before releasing.
    await new Promise<void>((resolve) => setImmediate(resolve));
    expect(landed).toBe(false);
    await release();
    await pending;
    expect(vault.data().apps.map((app) => app.id)).toEqual(['app_1', 'app_2']);
  });

  it('two processes refreshing one install send ONE token request to the sandbox', async () => {
    const dir = await makeTempDir();
    const backend: Backend = await createBackend({ dataDir: dir, ports: createRecordingPorts().ports, sandboxPort: 0 });
    cleanups.push(() => backend.close());
    // A first install on the built-in sandbox, through the real flow.
    const [app] = await backend['apps.list'](undefined);
    const [account] = await backend['accounts.list'](undefined);
    const flow = await backend['flows.start']({ appId: app!.id, accountId: account!.id });
    const stored = new Promise<void>((resolve) => {
      const off = backend.subscribe((event, payload) => {
        if (event === 'flow.progress' && (payload as FlowView).step === 'stored') {
          off();
          resolve();
        }
      });
    });
    await consentInSandbox(flow.authorizeUrl, { approve: true });
    await stored;
    const install = backend.vault.data().installs[0]!;
    const before = install.accessToken;

    // The children reach this process's sandbox through a counting proxy (their own sandboxes are
    // other servers); token requests are held until both children have read the install.
    const sandboxOrigin = backend.sandbox.current()!.origin;
    let tokenPosts = 0;
    let releaseTokens!: () => void;
    const tokensReleased = new Promise<void>((resolve) => (releaseTokens = resolve));
    const proxy: Server = createServer((request: IncomingMessage, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        const isToken = request.method === 'POST' && (request.url ?? '').endsWith('/oauth/token');
        if (isToken) tokenPosts += 1;
        void (isToken ? tokensReleased : Promise.resolve())
          .then(() =>
            fetch(`${sandboxOrigin}${request.url}`, {
              method: request.method,
              headers: Object.fromEntries(Object.entries(request.headers).filter(([name]) => !['host', 'connection', 'content-length'].includes(name)) as [string, string][]),
              ...(chunks.length ? { body: Buffer.concat(chunks) } : {}),
              redirect: 'manual',
            }),
          )
          .then(async (answer) => {
            response.writeHead(answer.status, Object.fromEntries(answer.headers));
            response.end(Buffer.from(await answer.arrayBuffer()));
          })
          .catch(() => response.destroy());
      });
    });
    await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
    cleanups.push(() => new Promise<void>((resolve) => proxy.close(() => resolve())));
    const proxyBase = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}/${account!.subdomain}`;
    await backend.vault.update((draft) => {
      const at = new Date().toISOString();
      draft.accounts.push({ id: 'acc_proxy', subdomain: account!.subdomain, label: 'Sandbox via proxy', kind: 'sandbox', notes: '', customBaseUrl: proxyBase, builtInSandbox: false, createdAt: at, updatedAt: at });
      draft.installs[0]!.accountId = 'acc_proxy';
    });

    const refreshers = [start('refresh-child.ts', [dir, install.id]), start('refresh-child.ts', [dir, install.id])];
    await Promise.all(refreshers.map((child) => child.line(/^ready$/)));
    for (const child of refreshers) child.process.stdin.end('go\n');
    await Promise.all(refreshers.map((child) => child.line(/^refreshing$/)));
    releaseTokens();
    const results = await Promise.all(refreshers.map((child) => child.line(/^refreshed /)));
    expect(await Promise.all(refreshers.map((child) => child.exited))).toEqual([0, 0]);

    expect(tokenPosts).toBe(1);
    // Both processes ended with the same new token, and this process sees it too.
    expect(results[0]).toBe(results[1]);
    const after = backend.vault.data().installs[0]!;
    expect(after.accessToken).not.toBe(before);
    expect(results[0]).toBe(`refreshed ${after.accessToken.slice(-12)}`);
  }, 120_000);
});
