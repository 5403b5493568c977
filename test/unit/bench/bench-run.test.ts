// The bench cannot contradict itself: its analysis is generated from the figures (a missed goal is
// said missed, a met one met, with this run's value), it says when the machine was busy, every
// test/bench/*.bench.ts exports the shape run.ts picks up, and two runs cannot share dist/.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { analysis } from '../../bench/lib/analysis';
import { isBenchModule } from '../../bench/lib/bench-module';
import { takeDistLock } from '../../bench/lib/dist-lock';
import { measured, measuredOnMax, notAvailable, ratioFigure } from '../../bench/lib/figures';
import type { Machine } from '../../bench/lib/machine';

const machine: Machine = { cpu: 'test', cores: 2, memoryGb: '1', os: 'test', node: 'v20', chromium: 'none', date: '2026-12-01T00:00:00Z', load: '' };
const benchDir = fileURLToPath(new URL('../../bench/', import.meta.url));

let dir: string | undefined;
afterEach(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
  dir = undefined;
});

describe('bench analysis', () => {
  it('states each goal with its value and the verdict of its row, never another', () => {
    const flow = ratioFigure({ group: 'flow', name: 'flow ÷ bare POST', unit: '×', goal: '≤ 1.2×', max: 1.2 }, { label: 'flow', ms: 4.4 }, { label: 'bare POST', ms: 2.2 });
    const bundle = measured({ group: 'bundle', name: 'gzip', unit: 'KB', goal: '≤ 200 KB', max: 200 }, 107);
    const absent = notAvailable({ group: 'cli', name: 'token ÷ node -e 0', unit: '×', goal: '≤ 1.5×', max: 1.5 }, 'not built');
    const plain = measured({ group: 'flow', name: 'baseline', unit: 'ms' }, [2, 2.2, 3]);
    expect(flow.verdict).toBe('missed');
    expect(flow.note).toBe('flow 4.4 ms ÷ bare POST 2.2 ms');
    const text = analysis([flow, bundle, absent, plain], machine, 0.1, 0.3);
    expect(text).toContain('1 of 3 goals met in this run; 1 missed; 1 not measured.');
    expect(text).toContain('- flow: flow ÷ bare POST: 2.00× against ≤ 1.2×: **MISSED**. What it includes: flow 4.4 ms ÷ bare POST 2.2 ms.');
    expect(text).toContain('- bundle: gzip: 107 KB against ≤ 200 KB: met.');
    expect(text).toContain('- cli: token ÷ node -e 0: n/a (not built) against ≤ 1.5×: not measured.');
    expect(text).not.toContain('baseline');
    expect(text).toContain('quiet enough: load average 0.10 at the start and 0.30 at the end');
  });

  it('states a figure judged on its largest sample with that sample, not the median', () => {
    const frame = measuredOnMax({ group: 'UI', name: 'longest frame', unit: 'ms', goal: 'no frame > 100 ms', max: 100 }, [17, 20, 180]);
    expect(frame.verdict).toBe('missed');
    expect(analysis([frame], machine, 0, 0)).toContain('- UI: longest frame: 180 ms (the largest of 3) against no frame > 100 ms: **MISSED**.');
  });

  it('names a missed goal\'s physical floors, and says when the floor itself is above the goal', () => {
    const goal = { group: 'flow', name: 'flow ÷ bare POST', unit: '×' as const, goal: '≤ 1.2×', max: 1.2 };
    const flow = measured(goal, 1.9);
    const twoWrites = measured({ group: 'flow', name: 'POST + two writes ÷ POST', unit: '×', floorOf: goal.name }, 1.46);
    const oneWrite = measured({ group: 'flow', name: 'POST + one write ÷ POST', unit: '×', floorOf: goal.name }, 1.25);
    const other = measured({ group: 'cli', name: 'unrelated floor', unit: '×', floorOf: 'something else' }, 9);
    const text = analysis([flow, twoWrites, oneWrite, other], machine, 0, 0);
    expect(text).toContain('Physical floor measured beside it: POST + two writes ÷ POST: 1.46×; POST + one write ÷ POST: 1.25× — above the goal itself, so no implementation can meet ≤ 1.2× on this machine.');
    expect(text).not.toContain('unrelated floor');
    // A floor under the goal is listed without that conclusion.
    const reachable = analysis([flow, measured({ group: 'flow', name: 'POST + one write ÷ POST', unit: '×', floorOf: goal.name }, 1.1)], machine, 0, 0);
    expect(reachable).toContain('Physical floor measured beside it: POST + one write ÷ POST: 1.10×.');
    expect(reachable).not.toContain('no implementation');
  });

  it('says the machine was busy when the load average at start or end is above half the cores', () => {
    expect(analysis([], machine, 0.2, 1.4)).toContain('**The machine was busy**: load average 0.20 at the start and 1.40 at the end on 2 cores');
    expect(analysis([], machine, 3, 0.2)).toContain('**The machine was busy**');
  });
});

describe('bench modules', () => {
  it('every test/bench/*.bench.ts exports `bench` of the shape run.ts picks up', async () => {
    const files = readdirSync(benchDir).filter((file) => file.endsWith('.bench.ts'));
    expect(files.length).toBeGreaterThanOrEqual(4);
    for (const file of files) {
      const module = (await import(pathToFileURL(join(benchDir, file)).href)) as { bench?: unknown };
      expect(isBenchModule(module.bench), file).toBe(true);
    }
    expect(isBenchModule({ name: 'x', run: 1 })).toBe(false);
    expect(isBenchModule({ name: 'x', order: '1', run: async () => [] })).toBe(false);
  });
});

describe('dist lock', () => {
  it('refuses a second run while the first holds dist/, and takes over a stale lock', async () => {
    dir = await mkdtemp(join(tmpdir(), 'bench-lock-'));
    const release = takeDistLock(dir);
    const lock = join(dir, '.bench.lock');
    expect(await readFile(lock, 'utf8')).toBe(`${process.pid}\n`);
    // Another live process holds it: a child that waits until we end it.
    release();
    const child = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' });
    try {
      await writeFile(lock, `${child.pid}\n`);
      expect(() => takeDistLock(dir!)).toThrow(`another bench run (pid ${child.pid}) is using`);
    } finally {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill();
      await exited;
    }
    // Its process is gone: the lock is stale and taken over.
    const again = takeDistLock(dir);
    expect(await readFile(lock, 'utf8')).toBe(`${process.pid}\n`);
    again();
    expect(existsSync(lock)).toBe(false);
  });
});
