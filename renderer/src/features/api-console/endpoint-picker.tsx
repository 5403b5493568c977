// The catalogue of Gorgias endpoints (method, path, scope, what it does); choosing one fills the
// method and path. Path parameters get a placeholder value the user edits (users/0 is "me").
// Marks what the catalogue knows: a scope the workbench inferred, an endpoint Gorgias replaced. The
// picker shows the endpoint the request matches, so the chosen one stays visible after picking.
import { useId } from 'react';
import { ENDPOINTS, type EndpointInfo } from '../../../../electron/common/gorgias/endpoints';
import { scopeCovers } from '../../../../electron/common/gorgias/scopes';

function concretePath(endpoint: EndpointInfo): string {
  const first = endpoint.path.startsWith('/api/users/') ? '0' : '1';
  return endpoint.path.replace('{name}', 'tickets').replace('{id}', first).replace(/\{[a-z_]+\}/g, '1');
}

/** One line per entry: a <select> option carries text only. */
export function endpointLabel(endpoint: EndpointInfo, granted: readonly string[]): string {
  const scope = `${endpoint.scope}${endpoint.scopeInferred ? ' (scope inferred)' : ''}`;
  const missing = scopeCovers(granted, endpoint.scope) ? '' : ' (scope not granted)';
  const deprecated = endpoint.deprecated ? ` · DEPRECATED: use ${endpoint.deprecated.replacement}` : '';
  const required = endpoint.params.filter((p) => p.required && p.in === 'query').map((p) => `${p.name} required`);
  return `${endpoint.method} ${endpoint.path} · ${scope}${missing}${deprecated} · ${endpoint.description}${required.length ? ` (${required.join(', ')})` : ''}`;
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
            {endpointLabel(endpoint, granted)}
          </option>
        ))}
      </select>
    </div>
  );
}
