// The catalogue of Gorgias endpoints (method, path, scope, what it does); choosing one fills the
// method and path. Path parameters get a placeholder value the user edits (users/0 is "me"). The
// picker shows the endpoint the request matches, so the chosen one stays visible after picking.
import { useId } from 'react';
import { ENDPOINTS, type EndpointInfo } from '../../../../electron/common/gorgias/endpoints';
import { scopeCovers } from '../../../../electron/common/gorgias/scopes';

function concretePath(endpoint: EndpointInfo): string {
  return endpoint.path.replace('{name}', 'tickets').replace('{id}', endpoint.path.startsWith('/api/users/') ? '0' : '1');
}

/** The catalogue entry a method and path match ({id}, {name} stand for one path segment), or -1. */
export function matchingEndpoint(method: string, path: string): number {
  const bare = path.trim().split('?')[0] ?? '';
  return ENDPOINTS.findIndex((endpoint) => endpoint.method === method && new RegExp(`^${endpoint.path.replace(/\{[^}]+\}/g, '[^/]+')}/?$`).test(bare));
}

interface Props {
  granted: readonly string[];
  method: string;
  path: string;
  onPick: (method: EndpointInfo['method'], path: string) => void;
}

export function EndpointPicker({ granted, method, path, onPick }: Props) {
  const id = useId();
  const chosen = matchingEndpoint(method, path);
  return (
    <div className="field endpoint-picker">
      <label htmlFor={id}>Endpoint</label>
      <select
        id={id}
        value={chosen === -1 ? '' : String(chosen)}
        onChange={(event) => {
          const endpoint = ENDPOINTS[Number(event.target.value)];
          if (endpoint) onPick(endpoint.method, concretePath(endpoint));
        }}
      >
        <option value="">{path.trim() ? 'Not in the catalogue (typed by hand)' : 'Pick from the catalogue…'}</option>
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
