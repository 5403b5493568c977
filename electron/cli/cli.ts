// The `gorgias-workbench` binary (package.json "bin", built into dist/cli/cli.js with a shebang).
import { runCli } from './run-cli';

declare const __WORKBENCH_VERSION__: string;

const code = await runCli({ args: process.argv.slice(2), version: typeof __WORKBENCH_VERSION__ === 'string' ? __WORKBENCH_VERSION__ : '0.0.0' });
process.exitCode = code;
// Lingering handles (a keep-alive socket, a stdin listener) must not keep a finished command alive.
process.stdout.write("", () => process.exit(code));
