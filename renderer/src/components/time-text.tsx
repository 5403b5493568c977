// One date format on screen: local time, with the exact ISO instant on hover. <Time> renders one
// instant; <WithTimes> renders a backend sentence, turning every ISO instant inside it into a <Time>
// (the backend words its checks with ISO instants so reports and logs stay exact).
import type { ReactNode } from 'react';
import { formatTime } from '../text/format';

const ISO_INSTANT = /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?Z/g;

export function Time({ value }: { value: string | number | Date }) {
  const date = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(date.getTime())) return <>{String(value)}</>;
  const iso = date.toISOString();
  return <time dateTime={iso} title={iso}>{formatTime(date)}</time>;
}

export function WithTimes({ text }: { text: string }) {
  const parts: ReactNode[] = [];
  let last = 0;
  for (const match of text.matchAll(ISO_INSTANT)) {
    parts.push(text.slice(last, match.index));
    parts.push(<Time key={match.index} value={match[0]} />);
    last = match.index + match[0].length;
  }
  parts.push(text.slice(last));
  return <>{parts}</>;
}
