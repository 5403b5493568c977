// The full CLI (dist/cli/cli-main.mjs), loaded by the binary (cli.ts) whenever the lean `token` steps
// aside. Node's compile cache is switched on first (Node ≥ 22.1 has module.enableCompileCache; older
// Node simply skips it), then the command tree is imported, each command loading its heavy parts on
// first use.
import * as nodeModule from 'node:module';

declare const __WORKBENCH_VERSION__: string;

export async function runFullCli(args: string[]): Promise<number> {
  const withCache = nodeModule as typeof nodeModule & { enableCompileCache?: () => unknown };
  try {
    withCache.enableCompileCache?.();
  } catch {
    // A read-only or missing cache folder only costs speed.
  }
  const { runCli } = await import('./run-cli');
  return runCli({ args, version: typeof __WORKBENCH_VERSION__ === 'string' ? __WORKBENCH_VERSION__ : '0.0.0' });
}
