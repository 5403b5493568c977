// Reads all of stdin (for `inspect -`, `call --data -`, paste mode), bounded so a runaway pipe cannot
// exhaust memory.
import { CliError } from './cli-error';

const MAX_BYTES = 20 * 1024 * 1024;

export async function readStdinBytes(): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of process.stdin) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    size += buffer.length;
    if (size > MAX_BYTES) throw CliError.usage('stdin holds more than 20 MB.');
    chunks.push(buffer);
  }
  return Buffer.concat(chunks);
}

export async function readStdin(): Promise<string> {
  return (await readStdinBytes()).toString('utf8');
}

/** The first non-empty line, as soon as it arrives (paste mode waits for one line, not for EOF). */
export function readLine(): Promise<string | null> {
  return new Promise((resolve) => {
    let buffered = '';
    const onData = (chunk: Buffer | string) => {
      buffered += chunk.toString();
      const lines = buffered.split(/\r?\n/);
      const complete = lines.slice(0, -1).find((line) => line.trim().length > 0);
      if (complete !== undefined) done(complete.trim());
    };
    const onEnd = () => done(buffered.trim() || null);
    const done = (line: string | null) => {
      process.stdin.off('data', onData);
      process.stdin.off('end', onEnd);
      process.stdin.pause();
      resolve(line);
    };
    process.stdin.on('data', onData);
    process.stdin.on('end', onEnd);
    process.stdin.resume();
  });
}
