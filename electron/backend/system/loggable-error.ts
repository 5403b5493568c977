// What of an unexpected error may go to the log: its type and where it was thrown, never its message
// (an error from fetch or a parser can quote a URL with an authorization code, or a token).

export function loggableError(error: unknown): string {
  if (!(error instanceof Error)) return `non-Error value (${typeof error})`;
  const rawCode: unknown = (error as { code?: unknown }).code;
  const code = typeof rawCode === 'string' ? ` [${rawCode}]` : '';
  // The first stack line repeats the message; keep only the frames.
  const frames = (error.stack ?? '').split('\n').slice(1, 8).map((line) => line.trim()).filter((line) => line.startsWith('at '));
  return [`${error.name}${code}`, ...frames.map((frame) => `    ${frame}`)].join('\n');
}
