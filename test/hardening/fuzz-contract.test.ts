// Fuzzing the contract: 1,500 malformed calls through the real dispatcher into a real backend that
// holds an app, an account and a live install. Unknown methods, inputs of the wrong shape, mutated
// valid inputs (a key dropped or added, a wrong type, an over-long string, an out-of-range number),
// well-formed calls naming things that do not exist, and well-formed calls whose meaning is wrong
// (a subdomain that is not a DNS label, an http base URL off loopback). Each ends in a clear error
// code, never INTERNAL, and nothing stored changes: the vault's data, its file bytes, the activity.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contract, isMethodName, type MethodName } from '../../electron/common/contract';

const METHOD_NAMES = Object.keys(contract) as MethodName[];
import { ERROR_CODES } from '../../electron/common/errors';
import { checkSubdomain } from '../../electron/common/subdomain';
import { createFigures, suiteSeed, tally } from './support/figures';
import { watchUnhandledRejections, type UnhandledWatch } from './support/unhandled';
import { startWorld, type World } from './support/world';

const SEED = suiteSeed(0xc0_47_ac);
const RUNS = 1_500;
const figures = createFigures('fuzz-contract', 'Fuzzing: malformed contract calls through the dispatcher', SEED);

let world: World;
let watch: UnhandledWatch;
let real: { appId: string; accountId: string; installId: string };

beforeAll(async () => {
  watch = watchUnhandledRejections();
  world = await startWorld();
  const app = await world.createApp();
  const account = await world.createSandboxAccount('fuzzcontract');
  const install = await world.connect(app.id, account.id);
  real = { appId: app.id, accountId: account.id, installId: install.id };
});

afterAll(async () => {
  watch.stop();
  figures.crashes += watch.reasons.length;
  figures.write();
  await world?.close();
});

const redirect = { mode: 'loopback', port: 0, path: '/callback', relayUrl: '', pasteUrl: '', includeAccountParam: false };
const apiRequest = { method: 'GET', path: '/api/account', query: [], headers: [], body: null };

/** A well-formed input per method, naming things that do not exist (ids no backend ever made). */
function template(method: MethodName, ghost: string): unknown {
  // Partial: a method added to the contract later still gets fuzzed (from an empty object) before
  // it has a sample here.
  const samples: Partial<Record<MethodName, unknown>> = {
    'system.info': undefined,
    'system.copyText': { text: 'hello' },
    'vault.status': undefined,
    'vault.unlock': { passphrase: 'not the passphrase' },
    'vault.setPassphrase': { passphrase: 'a passphrase of twenty' },
    'vault.acceptWeakProtection': undefined,
    'vault.useOsProtection': undefined,
    'vault.dismissRecovery': undefined,
    'apps.list': undefined,
    'apps.create': { name: 'Fuzz', clientId: 'fuzz-id', clientSecret: 'fuzz-secret', scopes: ['openid'], redirect, clientAuth: 'basic', pkce: false },
    'apps.update': { id: ghost, patch: { name: 'Renamed' } },
    'apps.delete': { id: ghost },
    'apps.openTestInstall': { appId: ghost, accountId: ghost },
    'accounts.list': undefined,
    'accounts.create': { subdomain: 'fuzzacme', label: 'Fuzz', kind: 'sandbox', notes: '', customBaseUrl: null },
    'accounts.update': { id: ghost, patch: { label: 'Renamed' } },
    'accounts.delete': { id: ghost },
    'installs.list': undefined,
    'installs.grid': undefined,
    'installs.get': { id: ghost },
    'installs.reveal': { id: ghost, token: 'access' },
    'installs.copy': { id: ghost, token: 'refresh' },
    'installs.refresh': { id: ghost },
    'installs.revoke': { id: ghost },
    'installs.forget': { id: ghost },
    'flows.start': { appId: ghost, accountId: ghost },
    'flows.cancel': { flowId: ghost },
    'flows.paste': { flowId: ghost, url: 'http://127.0.0.1:9/callback?code=x&state=y' },
    'flows.list': undefined,
    'flows.installEntry': { appId: ghost, enabled: true },
    'flows.installConfirmations': undefined,
    'flows.confirmInstall': { id: ghost, accept: false },
    'sandbox.status': undefined,
    'sandbox.setQuirks': { numericSub: true },
    'activity.list': { limit: 10 },
    'activity.clear': undefined,
    'api.send': { installId: ghost, ...apiRequest },
    'api.response': { responseId: ghost },
    'api.responseLines': { responseId: ghost, start: 0, count: 10 },
    'api.responseSearch': { responseId: ghost, query: 'x' },
    'api.responseFold': { responseId: ghost, line: 0 },
    'api.responseProgress': { responseId: ghost, waitMs: 10 },
    'api.responseCancel': { responseId: ghost },
    'api.curl': { installId: ghost, ...apiRequest, revealToken: false },
    'api.history': { installId: ghost },
    'runs.across': { installIds: [ghost], request: apiRequest },
    'activity.exportHar': { filter: {} },
    'inspector.inspect': { token: 'x' },
    'diagnostics.run': { installId: ghost },
    'diagnostics.report': { installId: ghost },
    'transfer.export': { includeSecrets: false },
    'transfer.preview': { text: 'x' },
    'transfer.import': { text: 'x' },
  };
  return method in samples ? samples[method] : {};
}

/**
 * Well-formed calls that are safe to send: they name a ghost id, so the right answer is NOT_FOUND
 * (or another refusal). The others would legitimately change something (create, clear, set a
 * passphrase) and are sent only in malformed form.
 */
const GHOST_SAFE = new Set<string>([
  'apps.update', 'apps.delete', 'apps.openTestInstall', 'accounts.update', 'accounts.delete', 'installs.get', 'installs.reveal',
  'installs.copy', 'installs.refresh', 'installs.revoke', 'installs.forget', 'flows.start', 'flows.cancel', 'flows.paste', 'flows.installEntry', 'flows.confirmInstall',
  'api.send', 'api.response', 'api.responseLines', 'api.responseSearch', 'api.responseFold', 'api.responseProgress', 'api.responseCancel', 'api.curl', 'runs.across', 'diagnostics.run', 'diagnostics.report',
]);

type Mutation = { kind: string; apply(value: unknown): unknown };

const wrongValue = fc.oneof(fc.integer(), fc.boolean(), fc.constant(null), fc.constant([]), fc.constant({}), fc.string({ maxLength: 8 }), fc.constant(Number.NaN), fc.constant(-1), fc.constant(1e12));

function paths(value: unknown, prefix: string[] = []): string[][] {
  if (value === null || typeof value !== 'object') return [prefix];
  const own = Object.keys(value as object).map((key) => [...prefix, key]);
  return [prefix, ...own.flatMap((path) => paths((value as Record<string, unknown>)[path.at(-1)!], path))];
}

function setAt(value: unknown, path: string[], replacement: unknown, mode: 'set' | 'delete' | 'extra'): unknown {
  if (path.length === 0) {
    if (mode === 'extra') return value !== null && typeof value === 'object' && !Array.isArray(value) ? { ...(value as object), unexpected: replacement } : { unexpected: replacement };
    return mode === 'set' ? replacement : undefined;
  }
  const copy = Array.isArray(value) ? [...value] : { ...(value as Record<string, unknown>) };
  const [head, ...rest] = path;
  const record = copy as Record<string, unknown>;
  if (rest.length === 0 && mode === 'delete') delete record[head!];
  else record[head!] = setAt(record[head!], rest, replacement, mode);
  return copy;
}

const mutationArb: fc.Arbitrary<Mutation> = fc.oneof(
  wrongValue.chain((bad) => fc.nat().map((pick) => ({ kind: 'wrong-type', apply: (v: unknown) => { const all = paths(v); return setAt(v, all[pick % all.length]!, bad, 'set'); } }))),
  fc.nat().map((pick) => ({ kind: 'drop-key', apply: (v: unknown) => { const all = paths(v).filter((p) => p.length > 0); return all.length ? setAt(v, all[pick % all.length]!, null, 'delete') : { dropped: true }; } })),
  fc.string({ maxLength: 6 }).map((s) => ({ kind: 'extra-key', apply: (v: unknown) => setAt(v, [], s, 'extra') })),
  fc.oneof({ weight: 9, arbitrary: fc.integer({ min: 100_001, max: 300_000 }) }, { weight: 1, arbitrary: fc.constant(21 * 1024 * 1024) }).chain((n) => fc.nat().map((pick) => ({ kind: 'too-long', apply: (v: unknown) => { const all = paths(v).filter((p) => p.length > 0); return all.length ? setAt(v, all[pick % all.length]!, 'x'.repeat(n), 'set') : 'x'.repeat(1000); } }))),
  fc.anything({ maxDepth: 2 }).map((junk) => ({ kind: 'junk', apply: () => junk })),
  fc.constantFrom<Mutation>({ kind: 'array', apply: (v) => [v] }, { kind: 'string', apply: (v) => JSON.stringify(v ?? null) }, { kind: 'proto', apply: (v) => JSON.parse(`{"__proto__":{"polluted":true},"value":${JSON.stringify(v ?? null)}}`) as unknown }),
);

const invalidSubdomain = fc
  .oneof(fc.string({ maxLength: 70 }), fc.constantFrom('acme.gorgias.com', '-acme', 'acme-', 'ac me', 'a_b', 'ácme', 'x'.repeat(64), 'https://acme', ''))
  .filter((s) => !checkSubdomain(s).ok);
const invalidBaseUrl = fc.constantFrom('http://acme.example.com', 'ftp://127.0.0.1', 'javascript:alert(1)', 'https://user:pw@acme.example.com', 'https://acme.example.com/?q=1', 'not a url', 'file:///etc/passwd', 'https://acme.example.com#x');

/** The input for a failure message, long strings cut (some are 21 MB). */
function preview(input: unknown): string {
  const text = JSON.stringify(input ?? null, (_key, value: unknown) => (typeof value === 'string' && value.length > 60 ? `${value.slice(0, 20)}…(${value.length} chars)` : value));
  return (text ?? String(input)).slice(0, 200);
}

type Call = { kind: string; method: unknown; input: unknown };

const unknownMethod: fc.Arbitrary<Call> = fc
  .oneof(fc.string({ maxLength: 30 }), fc.constantFrom('apps', 'apps.', '.list', 'APPS.LIST', 'apps.list ', 'constructor', '__proto__', 'toString', 'apps.list\u0000', 'workbench:apps.list'), fc.anything({ maxDepth: 1 }))
  .filter((m) => !isMethodName(m))
  .map((method) => ({ kind: 'unknown-method', method, input: undefined }));

const malformed: fc.Arbitrary<Call> = fc.tuple(fc.constantFrom(...METHOD_NAMES), mutationArb, fc.boolean()).map(([method, mutation, useReal]) => {
  // Half the mutations start from the real ids, so a malformed call aimed at real data is tried too.
  const ghost = 'ghost-0000';
  let base = template(method, ghost);
  if (useReal) base = JSON.parse(JSON.stringify(base ?? null).replaceAll(ghost, real.installId).replace(`"appId":"${real.installId}"`, `"appId":"${real.appId}"`)) as unknown;
  return { kind: `malformed:${mutation.kind}`, method, input: mutation.apply(base) };
});

const ghostCall: fc.Arbitrary<Call> = fc
  .tuple(fc.constantFrom(...[...GHOST_SAFE] as MethodName[]), fc.stringMatching(/^[a-z_]{1,8}-[A-Za-z0-9]{1,20}$/))
  .map(([method, ghost]) => ({ kind: 'ghost-id', method, input: template(method, ghost) }));

const meaningWrong: fc.Arbitrary<Call> = fc.oneof(
  invalidSubdomain.map((subdomain) => ({ kind: 'bad-subdomain', method: 'accounts.create', input: { subdomain, label: 'x', kind: 'production', notes: '', customBaseUrl: null } })),
  invalidSubdomain.map((subdomain) => ({ kind: 'bad-subdomain', method: 'accounts.update', input: { id: real.accountId, patch: { subdomain } } })),
  invalidBaseUrl.map((customBaseUrl) => ({ kind: 'bad-base-url', method: 'accounts.update', input: { id: real.accountId, patch: { customBaseUrl } } })),
  invalidBaseUrl.map((customBaseUrl) => ({ kind: 'bad-base-url', method: 'accounts.create', input: { subdomain: 'fuzzok', label: 'x', kind: 'production', notes: '', customBaseUrl } })),
);

const callArb: fc.Arbitrary<Call> = fc.oneof(
  { weight: 2, arbitrary: unknownMethod },
  { weight: 8, arbitrary: malformed },
  { weight: 3, arbitrary: ghostCall },
  { weight: 1, arbitrary: meaningWrong },
);

async function snapshot() {
  return {
    data: JSON.stringify(world.backend.vault.data()),
    storeBytes: await readFile(join(world.dataDir, 'vault.json')),
    activityTotal: world.backend.vault.activity.list({ limit: 1 }).total,
  };
}

describe('fuzzing the dispatcher with malformed contract calls', () => {
  it(`refuses ${RUNS} malformed calls with a clear code, never INTERNAL, and changes nothing stored`, async () => {
    const before = await snapshot();
    const codes: string[] = [];
    const kinds: string[] = [];
    const unwired = new Set<string>();
    let skippedValid = 0;
    await fc.assert(
      fc.asyncProperty(callArb, async (call) => {
        const method = call.method as MethodName;
        const known = isMethodName(method);
        if (known && call.kind.startsWith('malformed') && contract[method].input.safeParse(call.input).success) {
          // A mutation that happened to stay well-formed is not a malformed call: not sent.
          skippedValid += 1;
          return;
        }
        // A method the backend does not implement yet would answer INTERNAL for well-formed input:
        // that is a wiring gap to report, not a fuzz result.
        if (known && typeof (world.backend as unknown as Record<string, unknown>)[method] !== 'function' && contract[method].input.safeParse(call.input).success) {
          unwired.add(method);
          return;
        }
        const result = await world.call(call.method as string, call.input);
        figures.cases += 1;
        const label = `${call.kind} ${String(call.method).slice(0, 40)} ${preview(call.input)}`;
        if (result.ok && method === 'runs.across') {
          // A run answers per install: every ghost install must carry its own clear refusal.
          const rows = (result.value as { results: { error: { code: string } | null }[] }).results;
          expect(rows.length, label).toBeGreaterThan(0);
          for (const row of rows) {
            expect(row.error?.code, label).toBeTruthy();
            expect(row.error?.code, label).not.toBe('INTERNAL');
            codes.push(`${row.error!.code} (in a run row)`);
          }
          kinds.push(call.kind.split(':')[0]!);
          return;
        }
        expect(result.ok, `accepted: ${label}`).toBe(false);
        if (result.ok) return;
        expect(ERROR_CODES, label).toContain(result.error.code);
        expect(result.error.code, `${label}: ${result.error.message}`).not.toBe('INTERNAL');
        expect(result.error.message.length, label).toBeLessThan(2_000);
        if (call.kind === 'unknown-method') expect(result.error.code, label).toBe('UNKNOWN_METHOD');
        codes.push(result.error.code);
        kinds.push(call.kind.split(':')[0]!);
      }),
      { seed: SEED, numRuns: RUNS },
    );
    const after = await snapshot();
    const changed = after.data !== before.data || !after.storeBytes.equals(before.storeBytes);
    if (changed) figures.dataLost += 1;
    figures.note(`${figures.cases} calls sent (${tally(kinds)}) → ${tally(codes)}`);
    figures.note(`${skippedValid} generated mutations stayed well-formed and were not sent`);
    if (unwired.size) figures.note(`not yet implemented by the backend (well-formed calls not sent): ${[...unwired].sort().join(', ')}`);
    figures.note(`vault data and file bytes ${changed ? 'CHANGED' : 'unchanged'}; activity entries ${before.activityTotal} → ${after.activityTotal}`);
    expect(figures.cases).toBeGreaterThanOrEqual(1_000);
    expect(after.data).toBe(before.data);
    expect(after.storeBytes.equals(before.storeBytes)).toBe(true);
    expect(after.activityTotal).toBe(before.activityTotal);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(watch.reasons).toEqual([]);
  });
});
