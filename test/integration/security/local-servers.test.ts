// M1: the loopback callback server and the built-in sandbox answer only what they must, to whom they
// must. `/oauth/install` answers only while the app's install entry is on, only top-level
// navigations, never makes an account without the user's yes, and a burst of requests neither fills
// the vault nor queues flows nor keeps the listener up. (The same in real Chromium from another
// origin: local-servers-chromium.test.ts.)
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createBackend, type Backend } from '../../../electron/backend/create-backend';
import type { AppView, InstallConfirmation } from '../../../electron/common/model';
import { createRecordingPorts } from '../../fakes/recording-ports';
import { partnerAppInput } from '../../fakes/partner-app-input';
import { NAVIGATION, navigate, nextEvent, rawRequest } from './local-http';

let dataDir: string;
let backend: Backend;
let app: AppView;
let shopId: string;

beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'workbench-local-servers-'));
  backend = await createBackend({ dataDir, ports: createRecordingPorts().ports, sandboxPort: 0 });
  app = await backend['apps.create'](partnerAppInput());
  shopId = (await backend['accounts.create']({ subdomain: 'shop', label: 'Shop', kind: 'production', notes: '', customBaseUrl: null })).id;
});

afterEach(async () => {
  await backend.close();
  await rm(dataDir, { recursive: true, force: true });
});

const subdomains = async () => (await backend['accounts.list'](undefined)).map((a) => a.subdomain).sort();
const pendingFlows = async () => (await backend['flows.list'](undefined)).filter((f) => !['stored', 'failed', 'cancelled'].includes(f.step));
const portOf = (uri: string) => Number(new URL(uri).port);
const burst = (count: number, url: (i: number) => string) => Array.from({ length: count }, (_, i) => navigate(url(i)));
/** The first `count` answers to arrive, in arrival order. */
function firstSettled<T>(pending: Promise<T>[], count: number): Promise<T[]> {
  const arrived: T[] = [];
  return new Promise((resolve, reject) => {
    for (const one of pending) {
      one.then((value) => {
        arrived.push(value);
        if (arrived.length === count) resolve([...arrived]);
      }, reject);
    }
  });
}
const listenerStops = (port: number) =>
  vi.waitFor(async () => {
    await expect(navigate(`http://127.0.0.1:${port}/callback`)).rejects.toThrow(/ECONNREFUSED/);
  });

describe('the install entry (/oauth/install)', () => {
  it('is not answered while the entry is off: 40 rapid requests during a user\'s flow make no account and no flow, and the listener stops with that flow', async () => {
    const before = await subdomains();
    const flow = await backend['flows.start']({ appId: app.id, accountId: shopId });
    const port = portOf(flow.redirectUri);
    const answers = await Promise.all(burst(40, (i) => `http://127.0.0.1:${port}/oauth/install?account=shop${i}`));
    expect(new Set(answers.map((a) => a.status))).toEqual(new Set([404]));
    expect(await subdomains()).toEqual(before);
    expect((await pendingFlows()).map((f) => f.id)).toEqual([flow.id]);
    await backend['flows.cancel']({ flowId: flow.id });
    await listenerStops(port);
  });

  it('while on: a burst starts at most 3 flows, new subdomains wait for the user (at most 3), and turning it off ends them all', async () => {
    const before = await subdomains();
    const userFlow = await backend['flows.start']({ appId: app.id, accountId: shopId });
    const { url } = await backend['flows.installEntry']({ appId: app.id, enabled: true });
    const port = portOf(url!);
    expect(portOf(userFlow.redirectUri)).toBe(port);

    // A known account: three flows at most, the rest told to wait.
    const known = await Promise.all(burst(40, () => `${url}?account=shop`));
    expect(known.filter((a) => a.status === 302)).toHaveLength(3);
    expect(known.filter((a) => a.status === 429)).toHaveLength(37);
    expect(await pendingFlows()).toHaveLength(4);
    // Off: the flows it started are cancelled; on again for the next round.
    await backend['flows.installEntry']({ appId: app.id, enabled: false });
    expect((await pendingFlows()).map((f) => f.id)).toEqual([userFlow.id]);
    await backend['flows.installEntry']({ appId: app.id, enabled: true });

    // New subdomains: nothing is created; three confirmations wait, the rest are refused at once.
    const asked = nextEvent<InstallConfirmation[]>((l) => backend.subscribe(l), 'flow.installConfirmations', (list) => list.length === 3);
    const fresh = burst(40, (i) => `${url}?account=new${i}`);
    const waiting = await asked;
    const refusedAtOnce = await firstSettled(fresh, 37);
    expect(refusedAtOnce.map((a) => a.status)).toEqual(Array(37).fill(429));
    expect(waiting.every((c) => c.appId === app.id && c.appName === 'Partner app' && /^new\d+$/.test(c.subdomain))).toBe(true);
    expect(await backend['flows.installConfirmations'](undefined)).toHaveLength(3);
    expect(await subdomains()).toEqual(before);
    // The user refuses one; the entry is turned off with two still waiting.
    expect(await backend['flows.confirmInstall']({ id: waiting[0]!.id, accept: false })).toHaveLength(2);
    await backend['flows.installEntry']({ appId: app.id, enabled: false });
    const answers = await Promise.all(fresh);
    expect(answers.filter((a) => a.status === 403)).toHaveLength(3);
    expect(answers.find((a) => a.status === 403)?.body).toMatch(/No account was created/);
    expect(await backend['flows.installConfirmations'](undefined)).toEqual([]);
    await expect(backend['flows.confirmInstall']({ id: waiting[1]!.id, accept: true })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(await subdomains()).toEqual(before);

    // Only the user's flow keeps the listener; it stops when that flow ends.
    expect((await pendingFlows()).map((f) => f.id)).toEqual([userFlow.id]);
    expect((await navigate(`${url}?account=shop`)).status).toBe(404);
    await backend['flows.cancel']({ flowId: userFlow.id });
    await listenerStops(port);
  });

  it('answers only top-level navigations: background, embedded and cross-site POST requests are refused before anything happens', async () => {
    const { url } = await backend['flows.installEntry']({ appId: app.id, enabled: true });
    const target = `${url}?account=shop`;
    const refused = [
      // Node's fetch and other scripts: Sec-Fetch-Mode cors.
      await rawRequest(target, { 'sec-fetch-mode': 'cors' }),
      // <img src> from another site.
      await rawRequest(target, { 'sec-fetch-site': 'cross-site', 'sec-fetch-mode': 'no-cors', 'sec-fetch-dest': 'image' }),
      // fetch(url, { mode: 'no-cors' }) from another site.
      await rawRequest(target, { 'sec-fetch-site': 'cross-site', 'sec-fetch-mode': 'no-cors', 'sec-fetch-dest': 'empty' }),
      // <iframe src>.
      await rawRequest(target, { 'sec-fetch-site': 'cross-site', 'sec-fetch-mode': 'navigate', 'sec-fetch-dest': 'iframe' }),
      // An auto-submitted cross-site form.
      await rawRequest(target, { 'sec-fetch-site': 'cross-site', 'sec-fetch-mode': 'navigate', 'sec-fetch-dest': 'document', origin: 'https://evil.example', 'content-type': 'application/x-www-form-urlencoded' }, 'POST', 'a=1'),
    ];
    expect(refused.map((a) => a.status)).toEqual([403, 403, 403, 403, 403]);
    expect(await pendingFlows()).toEqual([]);
    // A navigation from another site (Gorgias's Connect App button) is what the entry is for.
    const fromGorgias = await rawRequest(target, { ...NAVIGATION, 'sec-fetch-site': 'cross-site' });
    expect(fromGorgias.status).toBe(302);
    expect(await pendingFlows()).toHaveLength(1);
  });
});

describe('DNS rebinding and cross-site requests', () => {
  it('the loopback server and the sandbox refuse a Host that is not their own address', async () => {
    const { url } = await backend['flows.installEntry']({ appId: app.id, enabled: true });
    const before = await subdomains();
    for (const host of ['evil.example', `evil.example:${portOf(url!)}`, `127.0.0.1.nip.io:${portOf(url!)}`]) {
      const answer = await rawRequest(`${url}?account=rebound`, { ...NAVIGATION, host });
      expect(answer.status).toBe(421);
    }
    expect(await backend['flows.installConfirmations'](undefined)).toEqual([]);
    expect(await subdomains()).toEqual(before);
    const sandbox = await backend.sandbox.ensureStarted();
    expect((await rawRequest(`${sandbox.origin}/`, { ...NAVIGATION, host: 'evil.example' })).status).toBe(421);
  });

  it('the sandbox refuses cross-site form POSTs and background requests, and still serves its own pages and Node clients', async () => {
    const sandbox = await backend.sandbox.ensureStarted();
    sandbox.addAccount('acme');
    const decision = `${sandbox.baseUrlFor('acme')}/oauth/authorize/decision`;
    const form = { 'content-type': 'application/x-www-form-urlencoded' };
    const crossSite = await rawRequest(decision, { ...form, 'sec-fetch-site': 'cross-site', 'sec-fetch-mode': 'navigate', 'sec-fetch-dest': 'document', origin: 'https://evil.example' }, 'POST', 'transaction=x&decision=approve');
    expect(crossSite.status).toBe(403);
    expect(crossSite.body).toContain('does not answer requests sent by other web pages');
    // A browser without Fetch Metadata still sends Origin on a POST.
    expect((await rawRequest(decision, { ...form, origin: 'https://evil.example' }, 'POST', 'transaction=x')).status).toBe(403);
    expect((await rawRequest(decision, { ...form, origin: 'null' }, 'POST', 'transaction=x')).status).toBe(403);
    // A no-cors fetch of the token endpoint from another page.
    expect((await rawRequest(`${sandbox.baseUrlFor('acme')}/oauth/token`, { ...form, 'sec-fetch-site': 'cross-site', 'sec-fetch-mode': 'no-cors', 'sec-fetch-dest': 'empty' }, 'POST', 'grant_type=x')).status).toBe(403);
    // Its own consent page's form passes the guard (and then fails on the made-up transaction).
    const own = await rawRequest(decision, { ...form, 'sec-fetch-site': 'same-origin', 'sec-fetch-mode': 'navigate', 'sec-fetch-dest': 'document', origin: sandbox.origin }, 'POST', 'transaction=x');
    expect(own.status).not.toBe(403);
    expect(own.status).not.toBe(421);
    // Node (the workbench itself) talks to the token endpoint with no Fetch Metadata.
    const token = await fetch(`${sandbox.baseUrlFor('acme')}/oauth/token`, { method: 'POST', headers: form, body: 'grant_type=authorization_code' });
    expect(token.status).toBe(401);
  });
});
