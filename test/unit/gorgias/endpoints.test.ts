import { describe, expect, it } from 'vitest';
import { ENDPOINTS, findEndpoint, requiredScopeFor } from '../../../electron/common/gorgias/endpoints';
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
