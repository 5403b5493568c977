// Concurrency: 100 API calls at once over 20 installs whose access tokens expire in the middle of the
// run (the backend's and the sandbox's shared clock jumps 25 h between the two waves of calls).
// Exactly one refresh per install (token POSTs with grant_type=refresh_token, counted at the fetch
// port), every call answered, and each install ends holding the token its one refresh returned —
// never an older one written back over it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Result } from '../../electron/common/errors';
import type { ApiSendResult } from '../../electron/common/tools/tool-results';
import { createFigures, suiteSeed, tally } from './support/figures';
import { seededRandom } from './support/seeded-random';
import { watchUnhandledRejections, type UnhandledWatch } from './support/unhandled';
import { startWorld, type World } from './support/world';

const SEED = suiteSeed(0xc0c0_2);
const INSTALLS = 20;
const CALLS = 100;
const figures = createFigures('concurrency', 'Concurrency: parallel API calls while tokens expire', SEED);

let world: World;
let watch: UnhandledWatch;
const installIds: string[] = [];
/** Lets held requests go; called again in afterAll so a failed run never leaves them hanging. */
let release: () => void = () => undefined;

beforeAll(async () => {
  watch = watchUnhandledRejections();
  world = await startWorld();
  const app = await world.createApp();
  for (let n = 0; n < INSTALLS; n += 1) {
    const account = await world.createSandboxAccount(`conc${n}`);
    installIds.push((await world.connect(app.id, account.id)).id);
  }
}, 120_000);

afterAll(async () => {
  release();
  watch.stop();
  figures.crashes += watch.reasons.length;
  figures.write();
  await world?.close();
});

const send = (installId: string, n: number) => world.call<ApiSendResult>('api.send', { installId, method: 'GET', path: n % 2 ? '/api/account' : '/api/users', query: [], headers: [], body: null });

describe('concurrent API calls while tokens expire', () => {
  it(`answers ${CALLS} parallel calls over ${INSTALLS} installs with exactly one refresh per install`, async () => {
    const before = new Map(world.storedInstalls().map((i) => [i.id, i]));
    const refreshTokenOwner = new Map([...before.values()].map((i) => [i.refreshToken!, i.id]));
    const firstRequest = world.requests.length;
    // Five calls per install, in a seeded shuffle, half before the clock jump and half after it.
    const random = seededRandom(SEED);
    const order = installIds.flatMap((id) => Array.from({ length: CALLS / INSTALLS }, () => id)).sort(() => random() - 0.5);
    // The first wave reads still-valid tokens and goes out; its requests then spend a while "on the
    // network" (held at the fetch port) while the tokens expire — the shared clock jumps 25 h — and
    // the second wave refreshes and completes. Then the first wave arrives, with tokens the sandbox
    // now refuses (401): the product must retry with the token already refreshed, not refresh again.
    const oldTokens = new Set([...before.values()].map((i) => `Bearer ${i.accessToken}`));
    const network = new Promise<void>((resolve) => (release = resolve));
    let held = 0;
    world.fetchGate = (request) => {
      if (!request.url.includes('/api/') || !oldTokens.has(request.authorization ?? '')) return undefined;
      held += 1;
      return network;
    };
    const firstWave = order.slice(0, CALLS / 2).map((id, n) => send(id, n));
    let firstWaveSettled = false;
    void Promise.allSettled(firstWave).then(() => (firstWaveSettled = true));
    // Wait until the whole first wave is "on the network" (a call that failed before sending ends the wait).
    while (held < CALLS / 2 && !firstWaveSettled) await new Promise((resolve) => setTimeout(resolve, 5));
    expect(held).toBe(CALLS / 2);
    world.clock.advance(25 * 60 * 60 * 1000);
    figures.faults += INSTALLS;
    const secondWave = await Promise.all(order.slice(CALLS / 2).map((id, n) => send(id, n)));
    const sentBeforeJump = held;
    release();
    world.fetchGate = null;
    const results: Result<ApiSendResult>[] = [...(await Promise.all(firstWave)), ...secondWave];
    figures.cases += results.length;

    // Every call answered, and answered well.
    const statuses = results.map((r) => (r.ok ? r.value.status : r.error.code));
    figures.note(`${CALLS} calls over ${INSTALLS} installs, clock jumped 25 h mid-run (${sentBeforeJump} requests of the first wave left with the old tokens and arrived after the refresh) → answers: ${tally(statuses)}`);
    expect(statuses.filter((s) => s !== 200)).toEqual([]);

    // Exactly one refresh per install.
    const refreshes = world.requests.slice(firstRequest).filter((r) => r.form?.get('grant_type') === 'refresh_token');
    const perInstall = new Map<string, number>();
    for (const request of refreshes) {
      const owner = refreshTokenOwner.get(request.form!.get('refresh_token') ?? '') ?? 'unknown';
      perInstall.set(owner, (perInstall.get(owner) ?? 0) + 1);
    }
    figures.note(`token POSTs with grant_type=refresh_token: ${refreshes.length} for ${INSTALLS} installs (per install: ${tally([...perInstall.values()])})`);
    // Soft: the checks below (tokens lost or overwritten) still run and report when this one fails.
    const perInstallCounts = installIds.map((id) => perInstall.get(id) ?? 0);
    expect
      .soft(`${refreshes.length} refresh POSTs; per install: ${tally(perInstallCounts)}`, 'a 401 for a request that left with a token refreshed meanwhile must be retried with the stored token, not refreshed again')
      .toBe(`${INSTALLS} refresh POSTs; per install: 1 ×${INSTALLS}`);

    // No token lost or overwritten by an older one: each install holds a new token, valid after the
    // jump, and every API call sent after the jump used that token (or the old one only before it).
    const after = new Map(world.storedInstalls().map((i) => [i.id, i]));
    let lost = 0;
    for (const id of installIds) {
      const old = before.get(id)!;
      const now = after.get(id)!;
      if (now.accessToken === old.accessToken || now.refreshToken !== old.refreshToken || Date.parse(now.expiresAt!) <= world.clock.now()) lost += 1;
    }
    figures.dataLost += lost;
    expect(lost).toBe(0);
    const apiCalls = world.requests.slice(firstRequest).filter((r) => r.url.includes('/api/'));
    const storedTokens = new Set([...after.values()].map((i) => `Bearer ${i.accessToken}`));
    const foreign = apiCalls.filter((r) => !storedTokens.has(r.authorization ?? '') && !oldTokens.has(r.authorization ?? ''));
    expect(foreign.length, 'API requests sent with a token that is neither the expired one nor the one the install holds now (a later refresh replaced it)').toBe(0);
    figures.note(`after the run every install holds the token of its one refresh (${INSTALLS}/${INSTALLS}); ${apiCalls.length} API requests sent for ${CALLS} calls`);
    expect(watch.reasons).toEqual([]);
  }, 60_000);
});
