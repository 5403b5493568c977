// A live "expires in" that ticks every second and turns into "expired … ago".
import { formatDuration } from '../../../electron/common/duration';
import { useNow } from '../hooks/use-now';

export function Countdown({ until, label = 'Expires in', soonMs = 5 * 60_000 }: { until: string | null; label?: string; soonMs?: number }) {
  const now = useNow();
  if (!until) return <span className="countdown">No expiry known</span>;
  const left = new Date(until).getTime() - now;
  if (left <= 0) return <span className="countdown countdown--over">Expired {formatDuration(-left)} ago</span>;
  return (
    <span className={left < soonMs ? 'countdown countdown--soon' : 'countdown'}>
      {label} {formatDuration(left)}
    </span>
  );
}
