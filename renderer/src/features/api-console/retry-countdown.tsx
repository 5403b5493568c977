// Retry-after on a 429, counted down live from when the answer arrived.
import { useNow } from '../../hooks/use-now';

export function RetryCountdown({ receivedAt, seconds }: { receivedAt: number; seconds: number }) {
  const now = useNow(250);
  const left = Math.ceil((receivedAt + seconds * 1000 - now) / 1000);
  return (
    <p className={left > 0 ? 'banner banner--warning retry-countdown' : 'banner banner--info retry-countdown'} role="status">
      {left > 0 ? `Rate limited: retry in ${left} s (Retry-after: ${seconds}).` : 'The rate limit has room again: you can send now.'}
    </p>
  );
}
