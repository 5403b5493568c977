// The "system browser" the CLI tests plug in through WORKBENCH_BROWSER: receives the authorize URL as
// its last argument, consents on the sandbox's page like a person pressing Approve (or Deny when
// APPROVING_BROWSER_DENY=1), and follows the redirect to the CLI's loopback callback. With
// APPROVING_BROWSER_KILL=<pid> it first ends that process (the sandbox going away mid-flow, after the
// consent and before the code exchange) and waits until it is gone.
import { consentInSandbox } from './sandbox-browser';

const url = process.argv.at(-1) ?? '';
const victim = Number(process.env.APPROVING_BROWSER_KILL ?? 0);

async function killVictim(): Promise<void> {
  if (!victim) return;
  process.kill(victim, 'SIGTERM');
  // Gone when signal 0 fails; polled because it is another process's exit.
  for (;;) {
    try {
      process.kill(victim, 0);
    } catch {
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

consentInSandbox(url, { approve: process.env.APPROVING_BROWSER_DENY !== '1', beforeCallback: killVictim }).then(
  (outcome) => process.stderr.write(`[approving-browser] callback answered ${outcome.callbackStatus}\n`),
  (error: unknown) => {
    process.stderr.write(`[approving-browser] ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
