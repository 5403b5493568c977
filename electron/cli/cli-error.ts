// A failure the CLI reports as one line on stderr and an exit code; never a stack trace, never a secret.
import type { ErrorCode, ErrorShape } from '../common/errors';
import { EXIT, exitCodeFor, type ExitCode } from './exit-codes';

export class CliError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly exitCode: ExitCode = exitCodeFor(code),
  ) {
    super(message);
    this.name = 'CliError';
  }

  static from(shape: ErrorShape): CliError {
    return new CliError(shape.code, shape.message);
  }

  static usage(message: string): CliError {
    return new CliError('INVALID_ARGUMENT', message, EXIT.USAGE);
  }
}

export function isCliError(error: unknown): error is CliError {
  return error instanceof CliError;
}
