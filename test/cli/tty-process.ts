// Runs the BUILT CLI on a real terminal: util-linux's `script` gives it a pseudo-terminal (stdin,
// stdout and stderr are all the pty), and the test types into it like a person, only after the prompt
// has appeared (typing earlier would be echoed by the terminal before the CLI switches echo off).
// Everything the terminal showed comes back as one transcript, echo included.
// `script` is util-linux's (Debian's bsdutils, an essential package), so CI has it without installing.
import { spawn } from 'node:child_process';
import { CLI_FILE } from './cli-process';

const quote = (value: string) => `'${value.replace(/'/g, `'\\''`)}'`;

export interface TtySession {
  /** Resolves once `pattern` has appeared in what the terminal showed. */
  waitFor(pattern: RegExp): Promise<void>;
  /** Types the text and presses Enter. */
  type(text: string): void;
  /** The exit code of the CLI (script -e passes it on) and the whole transcript. */
  exited: Promise<{ code: number | null; transcript: string }>;
}

export function runCliOnTty(args: string[], env: Record<string, string>): TtySession {
  const command = [process.execPath, CLI_FILE, ...args].map(quote).join(' ');
  const child = spawn('script', ['-q', '-e', '-c', command, '/dev/null'], {
    // Only what the CLI needs (no inherited WORKBENCH_PASSPHRASE), and a terminal type for the pty.
    env: { PATH: process.env.PATH, HOME: process.env.HOME, NODE_OPTIONS: '', TERM: 'dumb', ...env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  // Typing after the CLI ended is not this helper's failure to report: the transcript says what happened.
  child.stdin!.on('error', () => undefined);
  let transcript = '';
  const waiters: { pattern: RegExp; resolve(): void }[] = [];
  const settle = () => {
    for (const waiter of [...waiters]) {
      if (waiter.pattern.test(transcript)) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve();
      }
    }
  };
  child.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
    transcript += chunk;
    settle();
  });
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (transcript += chunk));
  const exited = new Promise<{ code: number | null; transcript: string }>((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (code) => {
      for (const waiter of waiters) waiter.resolve();
      resolve({ code, transcript });
    });
  });
  return {
    waitFor: (pattern) =>
      new Promise<void>((resolve) => {
        waiters.push({ pattern, resolve });
        settle();
      }),
    type: (text) => child.stdin!.write(`${text}\r`),
    exited,
  };
}
