// Shapes of the endpoint catalogue (endpoint-catalogue.ts). Plain data every process can load.

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE';

/** A row id of docs/gorgias.md, "API reference check": where the entry's facts come from. */
export type EndpointRef =
  | 'account'
  | 'users'
  | 'tickets'
  | 'ticket-messages-deprecated'
  | 'ticket-messages'
  | 'ticket-tags'
  | 'ticket-custom-fields'
  | 'customers'
  | 'tags'
  | 'views'
  | 'teams'
  | 'macros-rules'
  | 'other-resources'
  | 'custom-fields'
  | 'statistics'
  | 'voice'
  | 'search-upload';

export interface EndpointParam {
  name: string;
  in: 'query' | 'body';
  required: boolean;
  description: string;
  /** Accepted values; anything else answers 400. */
  enum?: readonly string[];
  /** Integer bounds, inclusive. */
  min?: number;
  max?: number;
  /** The value Gorgias uses when the parameter is left out. */
  default?: string | number;
  /** `integer`, `boolean`, `integer-list` (comma separated) or free text. */
  type?: 'integer' | 'boolean' | 'integer-list' | 'string';
}

export interface EndpointInfo {
  method: HttpMethod;
  /** Path template under the account's host, `{id}` for path parameters. */
  path: string;
  scope: string;
  /** True when Gorgias does not document this endpoint's scope and the workbench guessed it. */
  scopeInferred: boolean;
  description: string;
  /** official: Gorgias's reference; observed: public code that calls the live API. */
  source: 'official' | 'observed';
  ref: EndpointRef;
  /** Query (and notable body) parameters; a list without `query` params takes no query string. */
  params: readonly EndpointParam[];
  /** Cursor-paginated list (`{object:"list",data,meta}`), a plain `{data:[…]}`, or one object. */
  answer: 'cursor-list' | 'plain-list' | 'object';
  /** Set when Gorgias replaced the endpoint: what to call instead, and why. */
  deprecated: { replacement: string; note: string } | null;
}
