// The `gorgias-workbench` binary (package.json "bin", built into dist/cli/cli.js with a shebang).
// Scripts call it once per token, so start-up is its cost: Node's compile cache is switched on before
// anything else loads (Node ≥ 22.1 has module.enableCompileCache; older Node simply skips it), and the
// rest of the CLI is imported only then, each command loading its heavy parts on first use.
import * as nodeModule from 'node:module';

declare const __WORKBENCH_VERSION__: string;

const withCache = nodeModule as typeof nodeModule & { enableCompileCache?: () => unknown };
try {
  withCache.enableCompileCache?.();
} catch {
  // A read-only or missing cache folder only costs speed.
}

const { runCli } = await import('./run-cli');
const code = await runCli({ args: process.argv.slice(2), version: typeof __WORKBENCH_VERSION__ === 'string' ? __WORKBENCH_VERSION__ : '0.0.0' });
process.exitCode = code;
// Lingering handles (a keep-alive socket, a stdin listener) must not keep a finished command alive.
process.stdout.write("", () => process.exit(code));
