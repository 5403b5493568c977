// Runs the BUILT CLI (dist/cli/cli.js, from `npx vite build`; `npm test` builds first) as a real
// child process, with its own data folder and environment. Nothing of the CLI is imported here.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
export const CLI_FILE = join(repoRoot, 'dist', 'cli', 'cli.js');
export const APPROVING_BROWSER = `${process.execPath} --import tsx ${join(repoRoot, 'test', 'fakes', 'approving-browser.ts')}`;

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

export interface CliOptions {
  env?: Record<string, string | undefined>;
  stdin?: string;
  /** Leave stdin open (the test writes to it later). */
  keepStdin?: boolean;
  cwd?: string;
}

/**
 * The built-in sandbox's port for this test file's CLI processes: its tokens name the port they were
 * issued on, and test files run side by side, so each file's processes keep their own port instead
 * of racing for the default one.
 */
const SANDBOX_PORT = String(await new Promise<number>((resolve, reject) => {
  const probe = createServer();
  probe.once('error', reject);
  probe.listen(0, '127.0.0.1', () => {
    const { port } = probe.address() as AddressInfo;
    probe.close(() => resolve(port));
  });
}));

function childEnv(extra: Record<string, string | undefined> = {}): NodeJS.ProcessEnv {
  // Only what the CLI needs: no inherited WORKBENCH_* from the developer's shell.
  const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, HOME: process.env.HOME, NODE_OPTIONS: '', WORKBENCH_SANDBOX_PORT: SANDBOX_PORT };
  for (const [key, value] of Object.entries(extra)) if (value !== undefined) env[key] = value;
  return env;
}

export function spawnCli(args: string[], options: CliOptions = {}): ChildProcess {
  if (!existsSync(CLI_FILE)) throw new Error('dist/cli/cli.js is missing: run `npx vite build` first');
  const child = spawn(process.execPath, [CLI_FILE, ...args], { env: childEnv(options.env), cwd: options.cwd ?? repoRoot, stdio: ['pipe', 'pipe', 'pipe'] });
  if (options.stdin !== undefined) child.stdin!.end(options.stdin);
  else if (!options.keepStdin) child.stdin!.end();
  return child;
}

export function runCli(args: string[], options: CliOptions = {}): Promise<CliRun> {
  const child = spawnCli(args, options);
  let stdout = '';
  let stderr = '';
  child.stdout!.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** Resolves with everything read so far once `pattern` appears in the stream. */
export function waitForOutput(stream: NodeJS.ReadableStream, pattern: RegExp): Promise<string> {
  let seen = '';
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer | string) => {
      seen += chunk.toString();
      if (pattern.test(seen)) {
        stream.off('data', onData);
        resolve(seen);
      }
    };
    stream.on('data', onData);
    stream.once('end', () => reject(new Error(`stream ended before ${pattern}: ${seen.slice(-500)}`)));
  });
}

export async function tempDataDir(): Promise<{ dir: string; remove(): Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'workbench-cli-'));
  return { dir, remove: () => rm(dir, { recursive: true, force: true }) };
}
