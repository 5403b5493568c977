// The catalogue of Gorgias endpoints (method, path, scope, what it does); choosing one fills the
// method and path. Path parameters get a placeholder value the user edits (users/0 is "me").
import { useId } from 'react';
import { ENDPOINTS, type EndpointInfo } from '../../../../electron/common/gorgias/endpoints';
import { scopeCovers } from '../../../../electron/common/gorgias/scopes';

function concretePath(endpoint: EndpointInfo): string {
  return endpoint.path.replace('{name}', 'tickets').replace('{id}', endpoint.path.startsWith('/api/users/') ? '0' : '1');
}

export function EndpointPicker({ granted, onPick }: { granted: readonly string[]; onPick: (method: EndpointInfo['method'], path: string) => void }) {
  const id = useId();
  return (
    <div className="field endpoint-picker">
      <label htmlFor={id}>Endpoint</label>
      <select
        id={id}
        value=""
        onChange={(event) => {
          const endpoint = ENDPOINTS[Number(event.target.value)];
          if (endpoint) onPick(endpoint.method, concretePath(endpoint));
        }}
      >
        <option value="">Pick from the catalogue…</option>
        {ENDPOINTS.map((endpoint, index) => (
          <option key={`${endpoint.method} ${endpoint.path}`} value={index}>
            {endpoint.method} {endpoint.path} · {endpoint.scope}
            {scopeCovers(granted, endpoint.scope) ? '' : ' (scope not granted)'} · {endpoint.description}
          </option>
        ))}
      </select>
    </div>
  );
}
