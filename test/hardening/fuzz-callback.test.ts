// Fuzzing the real loopback callback server: 1,200 random and mutated requests (methods, paths,
// params, lengths, encodings, Host headers) while a real flow waits. Every request gets a clear 4xx
// answer, the server survives, and the waiting flow is still there afterwards: the real consent
// then completes it. Seeded; rerun a failure with HARDENING_SEED=<seed>.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { consentInSandbox } from '../fakes/sandbox-browser';
import { createFigures, suiteSeed, tally } from './support/figures';
import { sendRaw } from './support/raw-http';
import { watchUnhandledRejections, type UnhandledWatch } from './support/unhandled';
import { startWorld, type World } from './support/world';

const SEED = suiteSeed(0x5eed_ca11);
const RUNS = 1_200;
const figures = createFigures('fuzz-callback', 'Fuzzing: callback requests at the loopback server', SEED);

let world: World;
let watch: UnhandledWatch;
let flowId: string;
let port: number;
let realState: string;
let authorizeUrl: string;

beforeAll(async () => {
  watch = watchUnhandledRejections();
  world = await startWorld();
  const app = await world.createApp();
  const account = await world.createSandboxAccount('fuzzcb');
  const flow = await world.must<{ id: string; authorizeUrl: string; redirectUri: string }>('flows.start', { appId: app.id, accountId: account.id });
  flowId = flow.id;
  authorizeUrl = flow.authorizeUrl;
  port = Number(new URL(flow.redirectUri).port);
  realState = new URL(flow.authorizeUrl).searchParams.get('state')!;
});

afterAll(async () => {
  watch.stop();
  figures.crashes += watch.reasons.length;
  figures.write();
  await world?.close();
});

const SINGLE = ['state', 'code', 'error', 'error_description', 'iss'];

/** Would the product rightly treat this request as the flow's own callback? Those are not fuzz. */
function isGenuineCallback(method: string, target: string, host: string | null): boolean {
  if (method !== 'GET' || host === null) return false;
  if (host.toLowerCase() !== `127.0.0.1:${port}` && host.toLowerCase() !== `localhost:${port}`) return false;
  let url: URL;
  try {
    url = new URL(target, `http://127.0.0.1:${port}`);
  } catch {
    return false;
  }
  if (url.pathname !== '/callback') return false;
  if (SINGLE.some((name) => url.searchParams.getAll(name).length > 1)) return false;
  return url.searchParams.get('state') === realState && (url.searchParams.get('code') ?? '').length <= 4096;
}

const percentAll = (text: string) => [...Buffer.from(text, 'utf8')].map((b) => `%${b.toString(16).padStart(2, '0')}`).join('');

function mutate(text: string, how: number, extra: string): string {
  switch (how % 7) {
    case 0:
      return text.slice(0, Math.max(0, text.length - 1 - (extra.length % 5)));
    case 1:
      return `${text}${extra || 'x'}`;
    case 2:
      return text.toUpperCase() === text ? text.toLowerCase() : text.toUpperCase();
    case 3: {
      const at = extra.length % Math.max(1, text.length);
      const flipped = String.fromCharCode((text.charCodeAt(at) ^ 1) || 65);
      return `${text.slice(0, at)}${flipped}${text.slice(at + 1)}`;
    }
    case 4:
      return ` ${text}`;
    case 5:
      return text.repeat(2);
    default:
      return extra;
  }
}

// A value for a parameter: random text, huge text, a near-miss of the real state, or the real one.
const valueArb = fc.oneof(
  { weight: 3, arbitrary: fc.string({ maxLength: 40 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 60 }) },
  { weight: 1, arbitrary: fc.integer({ min: 4_000, max: 12_000 }).map((n) => 'A'.repeat(n)) },
  { weight: 3, arbitrary: fc.tuple(fc.nat(), fc.string({ maxLength: 8 })).map(([how, extra]) => mutate(realState, how, extra)) },
  { weight: 2, arbitrary: fc.constant('__REAL_STATE__') },
);

const nameArb = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom('state', 'code', 'error', 'error_description', 'iss', 'STATE', 'state[]', 'st%61te', 'session_state') },
  { weight: 1, arbitrary: fc.string({ maxLength: 12 }) },
);

const encodingArb = fc.constantFrom('standard', 'percent-all', 'raw', 'plus-spaces');

const queryArb = fc.tuple(fc.array(fc.tuple(nameArb, valueArb), { maxLength: 6 }), encodingArb).map(([pairs, encoding]) =>
  pairs
    .map(([name, rawValue]) => {
      const value = rawValue === '__REAL_STATE__' ? realState : rawValue;
      if (encoding === 'percent-all') return `${name}=${percentAll(value)}`;
      // Unescaped bytes (spaces, quotes, UTF-8) go out as they are: the server must cope.
      if (encoding === 'raw') return `${name}=${value}`;
      if (encoding === 'plus-spaces') return `${name}=${encodeURIComponent(value).replace(/%20/g, '+')}`;
      return `${encodeURIComponent(name)}=${encodeURIComponent(value)}`;
    })
    .join('&'),
);

const pathArb = fc.oneof(
  { weight: 8, arbitrary: fc.constantFrom('/callback', '/callback/', '/CALLBACK', '/callback;x', '//callback', '/%63allback', '/callback/../callback', '/./callback', '/', '/favicon.ico', '/oauth/install') },
  { weight: 1, arbitrary: fc.string({ maxLength: 30 }).map((s) => `/${s}`) },
  { weight: 1, arbitrary: fc.constantFrom('*', 'http://127.0.0.1/callback', 'callback') },
);

const methodArb = fc.oneof(
  { weight: 6, arbitrary: fc.constant('GET') },
  { weight: 4, arbitrary: fc.constantFrom('HEAD', 'POST', 'PUT', 'DELETE', 'OPTIONS', 'PATCH', 'TRACE', 'get', 'PROPFIND') },
  { weight: 1, arbitrary: fc.stringMatching(/^[A-Z]{1,10}$/).filter((m) => m !== 'CONNECT') },
);

const hostArb = fc.oneof(
  { weight: 5, arbitrary: fc.constant('__OWN__') },
  { weight: 5, arbitrary: fc.constantFrom('__LOCALHOST__', '127.0.0.1', 'localhost', 'evil.example', 'evil.example:__PORT__', '127.0.0.1:__OTHER__', '[::1]:__PORT__', '0x7f.0.0.1:__PORT__', '__NONE__', '127.0.0.1:__PORT__.evil.example') },
);

function hostValue(template: string): string | null {
  if (template === '__NONE__') return null;
  if (template === '__OWN__') return `127.0.0.1:${port}`;
  if (template === '__LOCALHOST__') return `LOCALHOST:${port}`;
  return template.replaceAll('__PORT__', String(port)).replaceAll('__OTHER__', String(port + 1));
}

describe('fuzzing the loopback callback server', () => {
  it(`answers ${RUNS} random and mutated callback requests with a clear 4xx and never consumes the waiting flow`, async () => {
    const statuses: number[] = [];
    let skippedGenuine = 0;
    const serverErrors: string[] = [];
    await fc.assert(
      fc.asyncProperty(methodArb, pathArb, queryArb, hostArb, async (method, path, query, hostTemplate) => {
        const host = hostValue(hostTemplate);
        const target = query ? `${path}?${query}` : path;
        if (isGenuineCallback(method, target, host)) {
          skippedGenuine += 1;
          return;
        }
        const head = [`${method} ${target} HTTP/1.1`, ...(host === null ? [] : [`Host: ${host}`]), 'Connection: close', '', ''].join('\r\n');
        const answer = await sendRaw(port, Buffer.from(head, 'utf8'));
        figures.cases += 1;
        expect(answer.status, `no status line for ${JSON.stringify(head.slice(0, 200))}`).not.toBeNull();
        statuses.push(answer.status!);
        // A clear refusal: a 4xx the browser shows, never a success. 5xx answers are collected (not
        // thrown at once) so one run lists every request the server could not handle.
        expect(answer.status!, head.slice(0, 200)).toBeGreaterThanOrEqual(400);
        if (answer.status! >= 500) serverErrors.push(`${answer.status} for ${JSON.stringify(head.split('\r\n')[0]!.slice(0, 120))}`);
        // The page quotes no state or code back (they are secrets of the flow).
        expect(answer.text).not.toContain(realState);
      }),
      { seed: SEED, numRuns: RUNS },
    );
    figures.note(`${figures.cases} requests sent (${skippedGenuine} generated requests were the flow's genuine callback and were not sent); answers: ${tally(statuses)}`);
    if (serverErrors.length) figures.note(`5xx answers (the handler threw): ${serverErrors.length}, e.g. ${serverErrors.slice(0, 3).join('; ')}`);
    figures.crashes += serverErrors.length;
    expect(figures.cases).toBeGreaterThanOrEqual(1_000);
    expect(serverErrors).toEqual([]);
    expect(watch.reasons).toEqual([]);
  });

  it('still holds the waiting flow after the fuzz, and the real callback completes it', async () => {
    const flows = await world.must<{ id: string; step: string }[]>('flows.list');
    expect(flows.find((f) => f.id === flowId)?.step).toBe('browser-opened');
    expect(world.storedInstalls()).toEqual([]);
    const outcome = await consentInSandbox(authorizeUrl);
    expect(outcome.callbackStatus).toBe(200);
    const after = await world.must<{ id: string; step: string; installId: string | null }[]>('flows.list');
    const done = after.find((f) => f.id === flowId);
    expect(done?.step).toBe('stored');
    expect(world.storedInstalls().map((i) => i.id)).toEqual([done!.installId]);
    figures.note('after the fuzz the waiting flow was intact and the real consent stored its install');
  });
});
