// Reads a passphrase without echoing it, from the terminal only (never from a pipe, which would eat
// stdin meant for other things). Ctrl+C while typing cancels with exit 130.
import { CliError } from './cli-error';
import { EXIT } from './exit-codes';

export function canPrompt(): boolean {
  return Boolean(process.stdin.isTTY && process.stderr.isTTY);
}

export function promptHidden(question: string): Promise<string> {
  const { stdin, stderr } = process;
  return new Promise((resolve, reject) => {
    let typed = '';
    // Echo off BEFORE the question shows: whatever is typed once it is visible (a fast typist, a
    // password manager pasting) must never be echoed by the terminal.
    stdin.setRawMode(true);
    stderr.write(question);
    stdin.resume();
    stdin.setEncoding('utf8');
    const finish = (error: Error | null) => {
      stdin.setRawMode(false);
      stdin.pause();
      stdin.off('data', onData);
      stderr.write('\n');
      if (error) reject(error);
      else resolve(typed);
    };
    const onData = (chunk: string) => {
      for (const char of chunk) {
        if (char === '\u0003') return finish(new CliError('FLOW_CANCELLED', 'Cancelled.', EXIT.INTERRUPTED));
        if (char === '\r' || char === '\n' || char === '\u0004') return finish(null);
        if (char === '\u007f' || char === '\b') typed = typed.slice(0, -1);
        else typed += char;
      }
    };
    stdin.on('data', onData);
  });
}
