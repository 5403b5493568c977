// "5m", "90s", "2h", "300" (seconds) -> milliseconds, for --min-valid.
import { CliError } from './cli-error';

const UNITS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };

export function parseDuration(text: string): number {
  const match = /^\s*(\d+(?:\.\d+)?)\s*(ms|s|m|h|d)?\s*$/.exec(text);
  if (!match) throw CliError.usage(`"${text.slice(0, 40)}" is not a duration: write e.g. 90s, 5m, 2h.`);
  const value = Number(match[1]) * UNITS[match[2] ?? 's']!;
  if (!Number.isFinite(value) || value > 366 * UNITS.d!) throw CliError.usage(`"${text.slice(0, 40)}" is too long a duration.`);
  return Math.round(value);
}

/** 3725000 -> "1h 2m" for tables; negative -> "expired". */
export function humanDuration(ms: number): string {
  if (ms <= 0) return 'expired';
  const minutes = Math.floor(ms / 60_000);
  if (minutes < 1) return `${Math.floor(ms / 1000)}s`;
  if (minutes < 60) return `${minutes}m`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `${hours}h ${minutes % 60}m`;
  return `${Math.floor(hours / 24)}d`;
}
