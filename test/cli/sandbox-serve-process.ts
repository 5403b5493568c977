// `gorgias-workbench sandbox serve --json` as a child process: its printed details, its request log
// (--log-requests), and a clean stop.
import type { ChildProcess } from 'node:child_process';
import { spawnCli, waitForOutput } from './cli-process';

export interface ServedSandbox {
  child: ChildProcess;
  origin: string;
  accounts: { subdomain: string; baseUrl: string; issuer: string; discoveryUrl: string }[];
  client: { clientId: string; clientSecret: string; redirectUris: string[]; scopes: string[] };
  /** "METHOD /path" lines logged so far. */
  requests: string[];
  /** Sends SIGINT and resolves with the exit code. */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

export async function serveSandbox(args: string[] = []): Promise<ServedSandbox> {
  const child = spawnCli(['sandbox', 'serve', '--json', '--log-requests', ...args]);
  const requests: string[] = [];
  let stderrTail = '';
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => {
    stderrTail += chunk;
    const lines = stderrTail.split('\n');
    stderrTail = lines.pop() ?? '';
    requests.push(...lines.filter((line) => /^[A-Z]+ \//.test(line)));
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const printed = await Promise.race([waitForOutput(child.stdout!, /\n}\s*$/), exited.then((code) => Promise.reject(new Error(`sandbox serve exited with ${code}`)))]);
  const details = JSON.parse(printed) as Omit<ServedSandbox, 'child' | 'requests' | 'stop'>;
  return {
    ...details,
    child,
    requests,
    async stop(signal = 'SIGINT') {
      if (child.exitCode === null) child.kill(signal);
      return exited;
    },
  };
}
