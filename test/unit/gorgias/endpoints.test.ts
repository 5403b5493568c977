import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ENDPOINTS, findEndpoint, requiredScopeFor, scopeReadingFor } from '../../../electron/common/gorgias/endpoints';
import { isKnownScope } from '../../../electron/common/gorgias/scopes';

describe('endpoint catalogue', () => {
  it('covers the resources the workbench needs', () => {
    const paths = new Set(ENDPOINTS.map((e) => `${e.method} ${e.path}`));
    for (const needed of [
      'GET /api/account',
      'GET /api/users',
      'GET /api/users/{id}',
      'GET /api/tickets',
      'GET /api/tickets/{id}',
      'GET /api/messages',
      'GET /api/customers',
      'GET /api/tags',
      'POST /api/tags',
      'GET /api/views',
      'GET /api/views/{id}/items',
      'GET /api/events',
      'GET /api/integrations',
      'GET /api/macros',
      'GET /api/rules',
      'GET /api/satisfaction-surveys',
      'GET /api/custom-fields',
      'GET /api/jobs',
      'GET /api/teams',
      'GET /api/widgets',
    ]) {
      expect(paths.has(needed), needed).toBe(true);
    }
  });

  it('names only real scopes, one-line descriptions, no duplicates', () => {
    for (const entry of ENDPOINTS) {
      expect(isKnownScope(entry.scope), entry.scope).toBe(true);
      expect(entry.description).not.toContain('\n');
    }
    expect(new Set(ENDPOINTS.map((e) => `${e.method} ${e.path}`)).size).toBe(ENDPOINTS.length);
  });
});

describe('requiredScopeFor', () => {
  it('follows Gorgias scope descriptions for views, messages, widgets, teams and surveys', () => {
    expect(requiredScopeFor('GET', '/api/views/12/items?cursor=abc')).toBe('tickets:read');
    expect(requiredScopeFor('GET', '/api/messages?ticket_id=5')).toBe('tickets:read');
    expect(requiredScopeFor('GET', '/api/widgets')).toBe('integrations:read');
    expect(requiredScopeFor('GET', '/api/teams')).toBe('users:read');
    expect(requiredScopeFor('GET', '/api/satisfaction-surveys')).toBe('satisfaction_survey:read');
    expect(requiredScopeFor('GET', '/api/custom-fields')).toBe('custom_fields:read');
    expect(requiredScopeFor('POST', '/api/stats/overview')).toBe('statistics:read');
  });

  it('matches templates, methods case-insensitively, trailing slashes', () => {
    expect(requiredScopeFor('get', '/api/users/0')).toBe('users:read');
    expect(requiredScopeFor('POST', '/api/tags/')).toBe('tags:write');
    expect(findEndpoint('GET', '/api/tickets/42')?.path).toBe('/api/tickets/{id}');
    expect(findEndpoint('GET', '/api/tickets/')?.path).toBe('/api/tickets');
  });

  it('derives read or write from the resource for unlisted paths, and null for non-Gorgias paths', () => {
    expect(requiredScopeFor('PATCH', '/api/macros/3')).toBe('macros:write');
    expect(requiredScopeFor('GET', '/api/rules/3')).toBe('rules:read');
    expect(requiredScopeFor('DELETE', '/api/tags/9')).toBe('tags:write');
    expect(requiredScopeFor('GET', '/api/unknown')).toBeNull();
    expect(requiredScopeFor('GET', '/oauth/token')).toBeNull();
  });
});

describe('catalogue against the reference (docs/gorgias.md, "API reference check")', () => {
  const key = (e: { method: string; path: string }) => `${e.method} ${e.path}`;
  const paths = new Set(ENDPOINTS.map(key));

  it('has no PUT /api/account; account settings instead', () => {
    expect(paths.has('PUT /api/account')).toBe(false);
    for (const p of ['GET /api/account/settings', 'POST /api/account/settings', 'PUT /api/account/settings/{id}']) expect(paths.has(p), p).toBe(true);
  });

  it('flags the replaced endpoints with their replacement', () => {
    expect(findEndpoint('GET', '/api/tickets/7/messages')?.deprecated?.replacement).toBe('GET /api/messages?ticket_id={id}');
    expect(findEndpoint('POST', '/api/stats/overview')?.deprecated?.replacement).toBe('POST /api/reporting/stats');
    expect(findEndpoint('POST', '/api/reporting/stats')?.deprecated).toBeNull();
    expect(findEndpoint('POST', '/api/reporting/stats')?.scope).toBe('statistics:read');
  });

  it('requires object_type on the custom-fields list, and bounds limit to 1..100 on lists', () => {
    const objectType = findEndpoint('GET', '/api/custom-fields')?.params.find((p) => p.name === 'object_type');
    expect(objectType).toMatchObject({ required: true, enum: ['Ticket', 'Customer'] });
    for (const entry of ENDPOINTS.filter((x) => x.answer === 'cursor-list')) {
      expect(entry.params.find((p) => p.name === 'limit'), key(entry)).toMatchObject({ min: 1, max: 100, default: 30 });
    }
    const order = findEndpoint('GET', '/api/tickets')?.params.find((p) => p.name === 'order_by');
    expect(order?.enum).toEqual(['created_datetime:asc', 'created_datetime:desc', 'updated_datetime:asc', 'updated_datetime:desc']);
  });

  it('lists the endpoints the old catalogue lacked', () => {
    for (const p of [
      'POST /api/tickets/{id}/messages',
      'GET /api/tickets/{id}/messages/{message_id}',
      'POST /api/tickets/{id}/tags',
      'DELETE /api/tickets/{id}/tags',
      'PUT /api/tickets/{id}/custom-fields',
      'PUT /api/customers/merge',
      'DELETE /api/customers',
      'PUT /api/tags/{id}/merge',
      'POST /api/teams',
      'DELETE /api/teams/{id}',
      'PUT /api/macros/archive',
      'PUT /api/macros/unarchive',
      'POST /api/rules/priorities',
      'DELETE /api/jobs/{id}',
      'GET /api/events/{id}',
      'PUT /api/custom-fields',
      'GET /api/phone/voice-calls',
      'DELETE /api/phone/voice-call-recordings/{id}',
      'POST /api/search',
      'POST /api/upload',
      'GET /api/views/{id}/items',
      'PUT /api/views/{id}/items',
    ]) {
      expect(paths.has(p), p).toBe(true);
    }
    expect(ENDPOINTS.length).toBeGreaterThan(90);
  });

  it('traces every entry to a row of docs/gorgias.md and marks undocumented scopes as inferred', () => {
    const doc = readFileSync(join(__dirname, '../../../docs/gorgias.md'), 'utf8');
    for (const entry of ENDPOINTS) expect(doc.includes(`| \`${entry.ref}\` |`), `${key(entry)} → ${entry.ref}`).toBe(true);
    for (const p of ['GET /api/teams', 'GET /api/phone/voice-calls', 'POST /api/search', 'POST /api/upload', 'GET /api/views']) {
      expect(ENDPOINTS.find((x) => key(x) === p)?.scopeInferred, p).toBe(true);
    }
    expect(findEndpoint('GET', '/api/tickets')?.scopeInferred).toBe(false);
  });

  it('prefers literal segments over {id} and says so when a path has no scope reading', () => {
    expect(findEndpoint('PUT', '/api/customers/merge')?.path).toBe('/api/customers/merge');
    expect(findEndpoint('PUT', '/api/macros/archive')?.path).toBe('/api/macros/archive');
    expect(scopeReadingFor('GET', '/api/teams').basis).toBe('inferred');
    expect(scopeReadingFor('GET', '/api/tickets').basis).toBe('documented');
    expect(scopeReadingFor('PATCH', '/api/macros/3').basis).toBe('derived');
    const unknown = scopeReadingFor('GET', '/api/unknown');
    expect(unknown).toMatchObject({ scope: null, basis: 'unknown' });
    expect(unknown.note).toContain('cannot map');
  });
});
