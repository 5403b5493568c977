// The "system browser" the CLI tests plug in through WORKBENCH_BROWSER: receives the authorize URL as
// its last argument, consents on the sandbox's page like a person pressing Approve (or Deny when
// APPROVING_BROWSER_DENY=1), and follows the redirect to the CLI's loopback callback.
import { consentInSandbox } from './sandbox-browser';

const url = process.argv.at(-1) ?? '';
consentInSandbox(url, { approve: process.env.APPROVING_BROWSER_DENY !== '1' }).then(
  (outcome) => process.stderr.write(`[approving-browser] callback answered ${outcome.callbackStatus}\n`),
  (error: unknown) => {
    process.stderr.write(`[approving-browser] ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
