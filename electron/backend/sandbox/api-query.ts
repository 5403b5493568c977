// Query parameters checked against the shared catalogue, as Gorgias's reference says: an unknown or
// invalid query parameter answers 400 (docs/gorgias.md, "REST API"). The error's `data` names each
// bad field with a list of messages, the shape Gorgias's validation errors take.
import type { EndpointInfo, EndpointParam } from '../../common/gorgias/endpoints';

export type QueryCheck = { ok: true } | { ok: false; msg: string; data: Record<string, string[]> };

function checkValue(param: EndpointParam, value: string): string | null {
  if (param.enum && !param.enum.includes(value)) return `Must be one of: ${param.enum.join(', ')}.`;
  switch (param.type) {
    case 'integer': {
      if (!/^-?\d{1,12}$/.test(value)) return 'Must be an integer.';
      const n = Number(value);
      if (param.min !== undefined && n < param.min) return `Must be greater than or equal to ${param.min}.`;
      if (param.max !== undefined && n > param.max) return `Must be less than or equal to ${param.max}.`;
      return null;
    }
    case 'boolean':
      return value === 'true' || value === 'false' ? null : 'Must be true or false.';
    case 'integer-list':
      return /^\d{1,12}(,\d{1,12}){0,99}$/.test(value) ? null : 'Must be a comma-separated list of integers (at most 100).';
    default:
      return value.length <= 1000 ? null : 'Too long.';
  }
}

export function checkQuery(entry: EndpointInfo, query: URLSearchParams): QueryCheck {
  const params = entry.params.filter((p) => p.in === 'query');
  const byName = new Map(params.map((p) => [p.name, p]));
  const data: Record<string, string[]> = {};
  const seen = new Set<string>();
  for (const [name, value] of query) {
    const param = byName.get(name);
    if (!param) {
      data[name.slice(0, 100)] = ['Unknown field.'];
      continue;
    }
    if (seen.has(name)) {
      data[name] = ['Given more than once.'];
      continue;
    }
    seen.add(name);
    const problem = checkValue(param, value);
    if (problem) data[name] = [problem];
  }
  for (const param of params) {
    if (param.required && !query.has(param.name)) data[param.name] = ['Missing data for required field.'];
  }
  return Object.keys(data).length === 0 ? { ok: true } : { ok: false, msg: 'Invalid query parameters.', data };
}
