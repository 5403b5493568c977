// The `gorgias-workbench` binary (package.json "bin", built into dist/cli/cli.js with a shebang).
// Scripts call it once per token, so start-up is its cost:
//   1. `token` on an install whose access token is still valid answers from the vault's files alone
//      (lean-token.ts): no commander, no schemas, no backend; whenever it cannot be sure to answer
//      exactly as the full command would, it steps aside without a word;
//   2. everything else: Node's compile cache is switched on (Node ≥ 22.1 has
//      module.enableCompileCache; older Node simply skips it), then the CLI proper is imported, each
//      command loading its heavy parts on first use.
import * as nodeModule from 'node:module';
import { leanToken } from './lean-token';

declare const __WORKBENCH_VERSION__: string;

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
  const withCache = nodeModule as typeof nodeModule & { enableCompileCache?: () => unknown };
  try {
    withCache.enableCompileCache?.();
  } catch {
    // A read-only or missing cache folder only costs speed.
  }
  const { runCli } = await import('./run-cli');
  finish(await runCli({ args, version: typeof __WORKBENCH_VERSION__ === 'string' ? __WORKBENCH_VERSION__ : '0.0.0' }));
}

// No top-level await: the modules the lean path shares with the commands then stay in this file
// (a chunk may import from an entry only when the entry does not wait on that chunk), so `token`
// loads one file.
void main(process.argv.slice(2));
