// Fuzzing the token inspector: 1,200 pasted strings at inspector.inspect through the dispatcher of a
// real backend — random text, random bytes, JWT look-alikes, and real sandbox-issued tokens mutated
// (a byte flipped in header, claims or signature; segments dropped, added, swapped; alg none;
// claims that are not an object). Each ends in a clear reading or a clear error code, never INTERNAL,
// and no altered token is ever read as correctly signed.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ERROR_CODES } from '../../electron/common/errors';
import type { TokenInspection } from '../../electron/common/tools/tool-results';
import { createFigures, suiteSeed, tally } from './support/figures';
import { watchUnhandledRejections, type UnhandledWatch } from './support/unhandled';
import { startWorld, type World } from './support/world';

const SEED = suiteSeed(0x1_75_9e);
const RUNS = 1_200;
const figures = createFigures('fuzz-inspector', 'Fuzzing: strings and mutated JWTs at the token inspector', SEED);

let world: World;
let watch: UnhandledWatch;
let tokens: { access: string; id: string };

beforeAll(async () => {
  watch = watchUnhandledRejections();
  world = await startWorld();
  const app = await world.createApp();
  const account = await world.createSandboxAccount('fuzzinspect');
  const install = await world.connect(app.id, account.id);
  const access = await world.must<{ token: string }>('installs.reveal', { id: install.id, token: 'access' });
  const id = await world.must<{ token: string }>('installs.reveal', { id: install.id, token: 'id' });
  tokens = { access: access.token, id: id.token };
});

afterAll(async () => {
  watch.stop();
  figures.crashes += watch.reasons.length;
  figures.write();
  await world?.close();
});

const b64 = (text: string) => Buffer.from(text, 'utf8').toString('base64url');
const B64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/** Same decoded bytes in every segment? (base64url's last character can carry unused bits.) */
function sameBytes(a: string, b: string): boolean {
  const pa = a.split('.');
  const pb = b.split('.');
  return pa.length === pb.length && pa.every((part, i) => Buffer.from(part, 'base64url').equals(Buffer.from(pb[i]!, 'base64url')) && (i === 2 || part === pb[i]));
}

type Case = { kind: string; text: string; altered: boolean };

const realToken = fc.constantFrom('access', 'id') as fc.Arbitrary<'access' | 'id'>;

const flipped: fc.Arbitrary<Case> = fc.tuple(realToken, fc.nat(), fc.nat({ max: 63 })).map(([which, at, replacement]) => {
  const token = tokens[which];
  const dots = [...token].map((c, i) => (c === '.' ? i : -1)).filter((i) => i >= 0);
  let index = at % token.length;
  if (dots.includes(index)) index = (index + 1) % token.length;
  let char = B64URL[replacement]!;
  if (char === token[index]) char = B64URL[(replacement + 1) % 64]!;
  const text = `${token.slice(0, index)}${char}${token.slice(index + 1)}`;
  return { kind: `flip:${which}`, text, altered: !sameBytes(text, token) };
});

const restructured: fc.Arbitrary<Case> = fc.tuple(realToken, fc.constantFrom('drop-sig', 'drop-payload', 'extra-segment', 'swap', 'alg-none', 'claims-array', 'header-garbage', 'bearer', 'whitespace', 'double', 'other-sig')).map(([which, how]) => {
  const token = tokens[which];
  const [h, p, s] = token.split('.') as [string, string, string];
  const other = tokens[which === 'access' ? 'id' : 'access'].split('.')[2]!;
  const texts: Record<string, string> = {
    'drop-sig': `${h}.${p}`,
    'drop-payload': `${h}..${s}`,
    'extra-segment': `${token}.${s}`,
    swap: `${p}.${h}.${s}`,
    'alg-none': `${b64('{"alg":"none","typ":"JWT"}')}.${p}.`,
    'claims-array': `${h}.${b64('[1,2,3]')}.${s}`,
    'header-garbage': `${b64('{not json')}.${p}.${s}`,
    bearer: `Bearer ${token}`,
    whitespace: `\n  ${token}\t\n`,
    double: `${token}${token}`,
    'other-sig': `${h}.${p}.${other}`,
  };
  // "bearer" and "whitespace" are the same token pasted with noise: the inspector may well read it.
  return { kind: `shape:${how}`, text: texts[how]!, altered: how !== 'bearer' && how !== 'whitespace' };
});

const forged: fc.Arbitrary<Case> = fc
  .tuple(fc.dictionary(fc.string({ maxLength: 6 }), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 5 }), fc.dictionary(fc.string({ maxLength: 6 }), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 8 }), fc.string({ maxLength: 40 }))
  .map(([header, claims, sig]) => ({ kind: 'forged', text: `${b64(JSON.stringify(header))}.${b64(JSON.stringify(claims))}.${b64(sig)}`, altered: true }));

const forgedWithRealIssuer: fc.Arbitrary<Case> = fc.tuple(realToken, fc.jsonValue({ maxDepth: 1 })).map(([which, extra]) => {
  const [h, p, s] = tokens[which].split('.') as [string, string, string];
  const claims = JSON.parse(Buffer.from(p, 'base64url').toString('utf8')) as Record<string, unknown>;
  return { kind: 'forged-claims', text: `${h}.${b64(JSON.stringify({ ...claims, extra }))}.${s}`, altered: true };
});

const junk: fc.Arbitrary<Case> = fc.oneof(
  fc.string({ maxLength: 200 }),
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc.uint8Array({ maxLength: 300 }).map((bytes) => Buffer.from(bytes).toString('latin1')),
  fc.constantFrom('', ' ', '.', '..', '...', 'a.b.c', 'eyJ', 'eyJ.eyJ.', 'null', '{}', '[]', 'undefined'),
  fc.integer({ min: 50_000, max: 100_000 }).map((n) => `${b64('{"alg":"RS256"}')}.${'A'.repeat(n - 40)}.x`),
).map((text) => ({ kind: 'junk', text: text.slice(0, 100_000), altered: true }));

const caseArb: fc.Arbitrary<Case> = fc.oneof({ weight: 4, arbitrary: flipped }, { weight: 3, arbitrary: restructured }, { weight: 2, arbitrary: forged }, { weight: 1, arbitrary: forgedWithRealIssuer }, { weight: 3, arbitrary: junk });

const KINDS = ['jwt', 'opaque', 'invalid', 'empty'];

describe('fuzzing the token inspector', () => {
  it('reads the real tokens as correctly signed (the baseline the mutations are measured against)', async () => {
    for (const token of [tokens.access, tokens.id]) {
      const reading = await world.must<TokenInspection>('inspector.inspect', { token });
      expect(reading.kind).toBe('jwt');
      expect(reading.signature.outcome).toBe('pass');
    }
  });

  it(`answers ${RUNS} strings and mutated JWTs clearly, never reading an altered token as signed`, async () => {
    const kinds: string[] = [];
    const outcomes: string[] = [];
    await fc.assert(
      fc.asyncProperty(caseArb, async (testCase) => {
        const result = await world.call<TokenInspection>('inspector.inspect', { token: testCase.text });
        figures.cases += 1;
        const label = `${testCase.kind} ${JSON.stringify(testCase.text.slice(0, 120))}`;
        if (!result.ok) {
          expect(ERROR_CODES, label).toContain(result.error.code);
          expect(result.error.code, `${label}: ${result.error.message}`).not.toBe('INTERNAL');
          outcomes.push(`error ${result.error.code}`);
          return;
        }
        expect(KINDS, label).toContain(result.value.kind);
        expect(typeof result.value.summary, label).toBe('string');
        if (testCase.altered) expect(result.value.signature.outcome, `altered token read as signed: ${label}`).not.toBe('pass');
        kinds.push(testCase.kind.split(':')[0]!);
        outcomes.push(`${result.value.kind}/${result.value.signature.outcome}`);
      }),
      { seed: SEED, numRuns: RUNS },
    );
    figures.note(`${figures.cases} strings (${tally(kinds)}) → ${tally(outcomes)}`);
    expect(figures.cases).toBe(RUNS);
    expect(watch.reasons).toEqual([]);
  });
});
