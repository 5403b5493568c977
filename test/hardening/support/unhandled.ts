// Fails a suite that left a promise rejection unhandled: vitest reports those too, but only as a run
// error; here they are counted as crashes in the figures and fail the suite that caused them.
export interface UnhandledWatch {
  readonly reasons: unknown[];
  stop(): void;
}

export function watchUnhandledRejections(): UnhandledWatch {
  const reasons: unknown[] = [];
  const listener = (reason: unknown): void => {
    reasons.push(reason);
  };
  process.on('unhandledRejection', listener);
  return { reasons, stop: () => process.off('unhandledRejection', listener) };
}
