// The machine a run was measured on, for the report's header.
import { execFile } from 'node:child_process';
import { cpus, loadavg, totalmem, platform, release } from 'node:os';
import { promisify } from 'node:util';
import { CHROMIUM_PATH } from '../../e2e/harness/browser';

export interface Machine {
  cpu: string;
  cores: number;
  memoryGb: string;
  os: string;
  node: string;
  chromium: string;
  date: string;
  /** 1-minute load average when the run started and ended: other work on the machine skews figures. */
  load: string;
}

async function chromiumVersion(): Promise<string> {
  try {
    const { stdout } = await promisify(execFile)(CHROMIUM_PATH, ['--version'], { timeout: 10_000 });
    return stdout.trim().split('\n')[0] ?? 'unknown';
  } catch (error) {
    return `unknown (${(error as Error).message.split('\n')[0]})`;
  }
}

export async function describeMachine(): Promise<Machine> {
  const list = cpus();
  return {
    cpu: list[0]?.model.trim() ?? 'unknown',
    cores: list.length,
    memoryGb: (totalmem() / 1024 ** 3).toFixed(1),
    os: `${platform()} ${release()}`,
    node: process.version,
    chromium: await chromiumVersion(),
    date: new Date().toISOString(),
    load: loadAverage(),
  };
}

export const loadAverage = (): string => loadavg()[0]!.toFixed(2);
