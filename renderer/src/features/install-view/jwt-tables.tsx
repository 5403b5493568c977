// A decoded JWT as two tables, header and claims, with epoch-second claims shown as human times.
import type { DecodedJwt } from '../../../../electron/common/model';
import { TIME_CLAIMS } from '../../text/format';
import { Time } from '../../components/time-text';
import { KeyValueTable } from '../../components/kv-table';

function show(key: string, value: unknown) {
  if (TIME_CLAIMS.has(key) && typeof value === 'number') {
    return (
      <span>
        <Time value={value * 1000} /> <span className="muted">({value})</span>
      </span>
    );
  }
  if (typeof value === 'string') return <code>{value}</code>;
  return <code>{JSON.stringify(value)}</code>;
}

export function JwtTables({ title, jwt }: { title: string; jwt: DecodedJwt }) {
  return (
    <div className="jwt">
      <KeyValueTable caption={`${title} header`} rows={Object.entries(jwt.header).map(([key, value]) => [key, show(key, value)])} />
      <KeyValueTable caption={`${title} claims`} rows={Object.entries(jwt.claims).map(([key, value]) => [key, show(key, value)])} />
    </div>
  );
}
