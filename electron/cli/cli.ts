// The `gorgias-workbench` binary (package.json "bin": dist/cli/cli.js, with a shebang). Scripts call
// it once per token, so start-up is its cost:
//   1. `token` on an install whose access token is still valid answers from the vault's files alone
//      (lean-token.ts): no commander, no schemas, no backend. Whenever it cannot be sure to answer
//      exactly as the full command would, it steps aside without a word;
//   2. everything else runs the full CLI (cli-main.ts).
// Built on its own as ONE CommonJS file (vite.config.ts, environment `cliEntry`; dist/cli holds a
// package.json saying so): no ESM loader for the entry, no module facades, one file to read. The full
// CLI beside it is ESM (cli-main.mjs and its chunks), reached with import().
import { writeSync } from 'node:fs';
import { leanToken } from './lean-token';

function finish(code: number): void {
  process.exitCode = code;
  // Lingering handles (a keep-alive socket, a stdin listener) must not keep a finished command alive.
  process.stdout.write('', () => process.exit(code));
}

/**
 * The lean answer straight to fd 1: process.stdout would first build its stream (on a pipe, as in
 * `TOKEN=$(gorgias-workbench token …)`, that loads node:net: ~4 ms in a CPU profile). A pipe the
 * reader has not emptied (EAGAIN) or any other failure hands the rest to process.stdout as before.
 */
function writeOut(text: string): boolean {
  const bytes = Buffer.from(text, 'utf8');
  let offset = 0;
  try {
    while (offset < bytes.length) offset += writeSync(1, bytes, offset);
    return true;
  } catch {
    process.stdout.write(bytes.subarray(offset));
    return false;
  }
}

async function main(args: string[]): Promise<void> {
  const lean = await leanToken(args, process.env).catch(() => null);
  if (lean) {
    // Nothing else is open: the process ends by itself once this returns, with exit code 0.
    if (writeOut(lean.stdout)) process.exitCode = 0;
    else finish(0);
    return;
  }
  const { runFullCli } = await import('./cli-main');
  finish(await runFullCli(args));
}

void main(process.argv.slice(2));
