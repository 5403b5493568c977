// The activity log's block sealed and opened in slices of the event loop (activity-block-sliced.ts):
// the same bytes and the same reading as the whole-block functions, either way round, including
// the chain's findings and damage; the event loop really runs between slices; a block written on one
// line (before the one-entry-per-line layout) is read and then rewritten by the attach.
import { createHmac, randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ActivityEntry } from '../../../electron/common/model';
import { BLOCK_AAD, decryptLine, deriveActivityKey, encryptLine } from '../../../electron/backend/vault/activity-crypto';
import { chainKey, EMPTY_CHAIN } from '../../../electron/backend/vault/activity-chain';
import { encodeChained, encodeChainedBlock } from '../../../electron/backend/vault/activity-file';
import { parseActivityText } from '../../../electron/backend/vault/activity-parse';
import { parseActivityFileSliced, sealBlockSliced } from '../../../electron/backend/vault/activity-block-sliced';
import { VaultActivityLog } from '../../../electron/backend/vault/activity-log';
import { TimeSlicer } from '../../../electron/backend/vault/time-slicer';
import { clock, entries as awkwardEntries, quiet } from './activity-test-data';

const dirs: string[] = [];
afterEach(async () => {
  await Promise.all(dirs.splice(0).map((dir) => fs.rm(dir, { recursive: true, force: true })));
});

/** Entries with what JSON escapes or encodes in several bytes. */
const entries = (count: number, from = 0): ActivityEntry[] => awkwardEntries(count, from, { awkward: true });

const everyStep = () => new TimeSlicer(0);
/** The file's text parsed as the attach does (bytes, in slices, yielding at every step). */
const parseActivityTextSliced = (text: string, key: Buffer, slicer: TimeSlicer) => parseActivityFileSliced(Buffer.from(text, 'utf8'), key, slicer);

describe('the activity block in slices', () => {
  it('seals what the whole-block reader opens, and opens what the whole-block writer sealed, chain included', async () => {
    const key = deriveActivityKey(randomBytes(32));
    const written = entries(3_000);
    for (const seal of ['sliced', 'whole'] as const) {
      const block = seal === 'sliced' ? await sealBlockSliced(key, written, { seq: 40, mac: 'x' }, everyStep()) : encodeChainedBlock(key, written, { seq: 40, mac: 'x' });
      // Lines appended after the block continue its chain.
      const after = encodeChained(key, entries(2, 3_000), block.head);
      const text = `${block.text}${after.text}`;
      const whole = parseActivityText(text, key);
      const sliced = await parseActivityTextSliced(text, key, everyStep());
      expect(whole.entries, seal).toEqual([...written, ...entries(2, 3_000)]);
      expect({ ...sliced, oneLineBlock: undefined }, seal).toEqual({ ...whole, oneLineBlock: undefined });
      expect(sliced.oneLineBlock).toBe(false);
      expect(whole.chain).toEqual(after.head);
      expect(whole.chainProblems).toEqual([]);
      // The block's JSON holds one entry per line.
      const plain = decryptLine(key, block.text.trim().split(' ').at(-1)!, BLOCK_AAD)!;
      expect(plain.split('\n')).toHaveLength(written.length + 2);
    }
  });

  it('reads an empty block, files without a block, torn and unterminated lines, and finds the same damage as the whole-block reader: a wrong key, an edited MAC, a cut block', async () => {
    const key = deriveActivityKey(randomBytes(32));
    const empty = await sealBlockSliced(key, [], EMPTY_CHAIN, everyStep());
    expect((await parseActivityTextSliced(empty.text, key, everyStep())).entries).toEqual([]);
    expect(parseActivityText(empty.text, key).chain).toEqual(empty.head);

    const block = await sealBlockSliced(key, entries(50), EMPTY_CHAIN, everyStep());
    const [prefix, version, seq, mac, sealed] = block.text.trim().split(' ');
    const lines = encodeChained(key, entries(5), EMPTY_CHAIN).text;
    const variants = {
      'another key': block.text,
      'lines only, no block': lines,
      'a torn last line': `${lines}${encodeChained(key, entries(1, 5), { seq: 5, mac: 'x' }).text.slice(0, 40)}`,
      'a block that lost its newline': block.text.trimEnd(),
      'edited MAC': `${prefix} ${version} ${seq} ${mac!.replace(/^./, (c) => (c === 'A' ? 'B' : 'A'))} ${sealed}\n`,
      'cut block': `${prefix} ${version} ${seq} ${mac} ${sealed!.slice(0, -40)}\n`,
    };
    for (const [label, text] of Object.entries(variants)) {
      const readKey = label === 'another key' ? deriveActivityKey(randomBytes(32)) : key;
      const whole = parseActivityText(text, readKey);
      const sliced = await parseActivityTextSliced(text, readKey, everyStep());
      expect({ ...sliced, oneLineBlock: undefined }, label).toEqual({ ...whole, oneLineBlock: undefined });
      if (label === 'another key' || label.endsWith('MAC') || label === 'cut block') expect(whole.badLines + whole.chainProblems.length, label).toBeGreaterThan(0);
    }
  });

  it('lets the event loop run between slices while it seals and opens 10,000 entries', async () => {
    const key = deriveActivityKey(randomBytes(32));
    let turns = 0;
    let counting = true;
    const count = () => {
      turns += 1;
      if (counting) setImmediate(count);
    };
    setImmediate(count);
    const block = await sealBlockSliced(key, entries(10_000), EMPTY_CHAIN, everyStep());
    const duringSeal = turns;
    await parseActivityTextSliced(block.text, key, everyStep());
    counting = false;
    expect(duringSeal).toBeGreaterThan(20);
    expect(turns - duringSeal).toBeGreaterThan(20);
  });

  it('reads a block written on one line (the layout before), and the attach rewrites it one entry per line', async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'activity-sliced-'));
    dirs.push(dir);
    const file = path.join(dir, 'activity.log');
    const dataKey = randomBytes(32);
    const key = deriveActivityKey(dataKey);
    const written = entries(500);
    const sealed = encryptLine(key, JSON.stringify(written), BLOCK_AAD);
    const mac = createHmac('sha256', chainKey(key)).update(`1\n\n${sealed}`).digest('base64');
    const oneLine = `#block v2 1 ${mac} ${sealed}\n`;
    const sliced = await parseActivityTextSliced(oneLine, key, everyStep());
    expect(sliced).toMatchObject({ entries: written, oneLineBlock: true, chainProblems: [], badLines: 0 });

    await fs.writeFile(file, oneLine);
    const log = new VaultActivityLog(clock, quiet);
    await log.attach(file, dataKey);
    await log.detach();
    const text = await fs.readFile(file, 'utf8');
    const rewritten = await parseActivityTextSliced(text, key, everyStep());
    expect(rewritten).toMatchObject({ entries: written, oneLineBlock: false, chainProblems: [], badLines: 0 });
    // The chain goes on from the old block (its sequence never goes back).
    expect(rewritten.chain.seq).toBe(2);
  });
});
