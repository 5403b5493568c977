// The `gorgias-workbench` binary (package.json "bin": dist/cli/cli.js, with a shebang). Scripts call
// it once per token, so start-up is its cost:
//   1. `token` on an install whose access token is still valid answers from the vault's files alone
//      (lean-token.ts): no commander, no schemas, no backend. Whenever it cannot be sure to answer
//      exactly as the full command would, it steps aside without a word;
//   2. everything else runs the full CLI (cli-main.ts).
// Built on its own as ONE CommonJS file (vite.config.ts, environment `cliEntry`; dist/cli holds a
// package.json saying so): no ESM loader for the entry, no module facades, one file to read. The full
// CLI beside it is ESM (cli-main.mjs and its chunks), reached with import().
import { leanToken } from './lean-token';

function finish(code: number): void {
  process.exitCode = code;
  // Lingering handles (a keep-alive socket, a stdin listener) must not keep a finished command alive.
  process.stdout.write('', () => process.exit(code));
}

async function main(args: string[]): Promise<void> {
  const lean = await leanToken(args, process.env).catch(() => null);
  if (lean) {
    process.stdout.write(lean.stdout);
    return finish(0);
  }
  const { runFullCli } = await import('./cli-main');
  finish(await runFullCli(args));
}

void main(process.argv.slice(2));
