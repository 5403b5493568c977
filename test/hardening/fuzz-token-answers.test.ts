// Fuzzing the token client: 1,200 broken token-endpoint answers (HTML pages, truncated JSON, wrong
// types, huge fields, missing fields, error bodies, odd statuses) served by a tiny node:http server
// on 127.0.0.1 and read by the real token client (exchange and refresh). Every one ends in a
// WorkbenchError with a known code (never INTERNAL), a bounded message without any secret, and no
// unhandled rejection.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createActivityRecorder } from '../../electron/backend/activity/recorder';
import { EventBus } from '../../electron/backend/events';
import { createHttpClient } from '../../electron/backend/http/http-client';
import { createTokenClient, type TokenClient } from '../../electron/backend/oauth/token-client';
import { ERROR_CODES, WorkbenchError } from '../../electron/common/errors';
import { openTempVault, type TempVault } from '../fakes/temp-vault';
import { createFigures, suiteSeed, tally } from './support/figures';
import { watchUnhandledRejections, type UnhandledWatch } from './support/unhandled';

const SEED = suiteSeed(0x70_4e_11);
const RUNS = 1_200;
const CLIENT_SECRET = 'fuzz-client-secret-Zq8w';
const CODE = 'fuzz-authorization-code-K3p9';
const REFRESH = 'fuzz-refresh-token-Vb7x';
const figures = createFigures('fuzz-token-answers', 'Fuzzing: token endpoint answers read by the token client', SEED);

interface Answer {
  status: number;
  contentType: string | null;
  body: string;
  defect: string;
}

let server: Server;
let baseUrl: string;
let next: Answer = { status: 500, contentType: null, body: '', defect: 'none' };
let client: TokenClient;
let watch: UnhandledWatch;
let vault: TempVault;

beforeAll(async () => {
  watch = watchUnhandledRejections();
  vault = await openTempVault();
  server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      const headers: Record<string, string> = {};
      if (next.contentType) headers['content-type'] = next.contentType;
      if (next.status >= 300 && next.status < 400) headers.location = 'https://elsewhere.invalid/login';
      res.writeHead(next.status, headers);
      res.end(next.body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/fuzz`;
  const clock = { now: () => Date.now() };
  const activity = createActivityRecorder({ log: () => vault.activity, events: new EventBus(), clock });
  client = createTokenClient(createHttpClient({ fetch: globalThis.fetch.bind(globalThis), clock, activity, timeoutMs: 5_000 }));
});

afterAll(async () => {
  watch.stop();
  await vault.dispose();
  figures.crashes += watch.reasons.length;
  figures.write();
  await new Promise<void>((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
});

const goodAnswer = {
  access_token: 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiIxIn0.c2ln',
  token_type: 'Bearer',
  expires_in: 0,
  refresh_token: 'r-123',
  id_token: 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOjF9.c2ln',
  scope: 'openid offline',
};

const jsonType = fc.constantFrom('application/json', 'application/json; charset=utf-8', 'text/plain', null);
const wrongValue = fc.oneof(
  fc.integer(),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.string({ maxLength: 5 }), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 5 }), fc.string({ maxLength: 5 }), { maxKeys: 3 }),
  fc.double({ noNaN: true }),
);
const statusAny = fc.constantFrom(200, 201, 204, 302, 400, 401, 403, 404, 418, 429, 500, 502, 503);
const statusError = fc.constantFrom(302, 400, 401, 403, 404, 418, 429, 500, 502, 503);

const html: fc.Arbitrary<Answer> = fc
  .tuple(statusAny, fc.constantFrom('text/html', 'text/html; charset=utf-8', 'application/json', null), fc.constantFrom('<!doctype html><html><body>Not found</body></html>', '<html><head><title>502</title></head></html>', '  <HTML>', '<?xml version="1.0"?><error/>', '<p>maintenance'), fc.string({ maxLength: 50 }))
  .filter(([status]) => status !== 204)
  .map(([status, contentType, page, tail]) => ({ status, contentType, body: page + tail, defect: 'html' }));

const truncated: fc.Arbitrary<Answer> = fc.tuple(jsonType, fc.nat()).map(([contentType, cut]) => {
  const full = JSON.stringify(goodAnswer);
  return { status: 200, contentType, body: full.slice(0, cut % full.length), defect: 'truncated-json' };
});

const wrongType: fc.Arbitrary<Answer> = fc
  .tuple(jsonType, fc.constantFrom('access_token', 'token_type', 'refresh_token', 'id_token', 'scope', 'expires_in'), wrongValue)
  // A missing (null) optional field is allowed by RFC 6749, and a whole number is a fine expires_in.
  .filter(([, field, value]) => !(value === null && field !== 'access_token') && !(field === 'expires_in' && typeof value === 'number' && Number.isFinite(value) && value >= 0))
  .map(([contentType, field, value]) => ({ status: 200, contentType, body: JSON.stringify({ ...goodAnswer, [field]: value }), defect: `wrong-type:${field}` }));

const badExpires: fc.Arbitrary<Answer> = fc
  .constantFrom('"soon"', '-1', '1e400', '"-5"', '"1.5"', '"0x10"', '[]', '{}', 'true', '""')
  .map((raw) => ({ status: 200, contentType: 'application/json', body: JSON.stringify(goodAnswer).replace('"expires_in":0', `"expires_in":${raw}`), defect: 'wrong-type:expires_in' }));

const missing: fc.Arbitrary<Answer> = fc
  .subarray(Object.keys(goodAnswer))
  .map((keep) => ({ status: 200, contentType: 'application/json', body: JSON.stringify(Object.fromEntries(Object.entries(goodAnswer).filter(([k]) => keep.includes(k) && k !== 'access_token'))), defect: 'missing:access_token' }));

const emptyAccess: fc.Arbitrary<Answer> = fc.constant({ status: 200, contentType: 'application/json', body: JSON.stringify({ ...goodAnswer, access_token: '' }), defect: 'empty:access_token' });

const huge: fc.Arbitrary<Answer> = fc
  .tuple(fc.integer({ min: 100_000, max: 1_500_000 }), fc.constantFrom('error_description', 'error', 'nested', 'wrong-type'), fc.constantFrom(200, 400, 401, 500))
  .map(([size, where, status]) => {
    const big = 'x'.repeat(size);
    if (where === 'error_description') return { status, contentType: 'application/json', body: JSON.stringify({ error: 'invalid_grant', error_description: big }), defect: 'huge:error_description' };
    if (where === 'error') return { status, contentType: 'application/json', body: JSON.stringify({ error: big }), defect: 'huge:error' };
    if (where === 'nested') return { status, contentType: 'application/json', body: JSON.stringify({ ...goodAnswer, access_token: { value: big } }), defect: 'huge:nested' };
    return { status, contentType: 'application/json', body: JSON.stringify({ ...goodAnswer, refresh_token: [big] }), defect: 'huge:wrong-type' };
  });

const notObject: fc.Arbitrary<Answer> = fc
  .tuple(jsonType, fc.oneof(fc.array(fc.integer(), { maxLength: 3 }), fc.integer(), fc.string({ maxLength: 10 }), fc.constant(null), fc.boolean()))
  .map(([contentType, value]) => ({ status: 200, contentType, body: JSON.stringify(value), defect: 'not-an-object' }));

const oauthError: fc.Arbitrary<Answer> = fc
  .tuple(fc.constantFrom(200, 400, 401, 403, 500), fc.oneof(fc.constantFrom('invalid_grant', 'invalid_client', 'invalid_request', 'unauthorized_client', 'unsupported_grant_type', 'invalid_scope', 'access_denied', 'server_error'), fc.string({ maxLength: 30 })), fc.option(fc.string({ maxLength: 80 })), fc.option(fc.string({ maxLength: 30 })))
  .filter(([, error]) => error.length > 0)
  .map(([status, error, description, uri]) => ({ status, contentType: 'application/json', body: JSON.stringify({ error, ...(description !== null ? { error_description: description } : {}), ...(uri !== null ? { error_uri: uri } : {}) }), defect: `oauth-error:${status}` }));

const errorStatusJunk: fc.Arbitrary<Answer> = fc
  .tuple(statusError, jsonType, fc.oneof(fc.json(), fc.string({ maxLength: 60 }), fc.constant('')))
  .map(([status, contentType, body]) => ({ status, contentType, body, defect: `status:${status}` }));

const emptyBody: fc.Arbitrary<Answer> = fc.tuple(fc.constantFrom(200, 201, 204), jsonType).map(([status, contentType]) => ({ status, contentType, body: '', defect: 'empty-body' }));

const binary: fc.Arbitrary<Answer> = fc
  .tuple(fc.uint8Array({ minLength: 1, maxLength: 200 }), jsonType)
  .map(([bytes, contentType]) => ({ status: 200, contentType, body: Buffer.from(bytes).toString('latin1'), defect: 'binary' }))
  // Bytes that happen to spell a valid token answer are not a fault.
  .filter((answer) => !/access_token/.test(answer.body));

const answerArb = fc.oneof(html, truncated, wrongType, badExpires, missing, emptyAccess, huge, notObject, oauthError, errorStatusJunk, emptyBody, binary);

describe('fuzzing the token client with broken token-endpoint answers', () => {
  it(`turns ${RUNS} broken answers into WorkbenchErrors with known codes`, async () => {
    const codes: string[] = [];
    const defects: string[] = [];
    let step = 0;
    await fc.assert(
      fc.asyncProperty(answerArb, async (answer) => {
        next = answer;
        step += 1;
        const credentials = { clientId: 'fuzz-client', clientSecret: CLIENT_SECRET, method: 'basic' as const };
        const call =
          step % 2 === 0
            ? client.exchangeCode({ baseUrl, credentials, code: CODE, redirectUri: 'http://127.0.0.1:9/callback', context: {} })
            : client.refresh({ baseUrl, credentials, refreshToken: REFRESH, context: {} });
        const outcome = await call.then(
          (tokens) => ({ ok: true as const, tokens }),
          (error: unknown) => ({ ok: false as const, error }),
        );
        figures.cases += 1;
        figures.faults += 1;
        const label = `${answer.defect} ${answer.status} ${answer.contentType ?? '(no type)'} ${JSON.stringify(answer.body.slice(0, 80))}`;
        expect(outcome.ok, `accepted a broken answer: ${label}`).toBe(false);
        if (outcome.ok) return;
        expect(outcome.error, label).toBeInstanceOf(WorkbenchError);
        const error = outcome.error as WorkbenchError;
        expect(ERROR_CODES, label).toContain(error.code);
        expect(error.code, label).not.toBe('INTERNAL');
        // Bounded and secret-free: a megabyte error_description is not pasted into a toast.
        expect(error.message.length, label).toBeLessThan(2_000);
        const shape = JSON.stringify(error.toShape());
        for (const secret of [CLIENT_SECRET, CODE, REFRESH]) expect(shape, label).not.toContain(secret);
        codes.push(error.code);
        defects.push(answer.defect.split(':')[0]!);
      }),
      { seed: SEED, numRuns: RUNS },
    );
    figures.note(`${figures.cases} broken answers (${tally(defects)}) → ${tally(codes)}`);
    expect(figures.cases).toBe(RUNS);
    // The activity log kept the exchanges, redacted: the secrets sent are not in it.
    const logged = JSON.stringify(vault.entries);
    for (const secret of [CLIENT_SECRET, CODE, REFRESH]) expect(logged).not.toContain(secret);
    expect(watch.reasons).toEqual([]);
  });
});
