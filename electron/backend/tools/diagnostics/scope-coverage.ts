// Do the granted scopes cover what this install has been used for? Read from the activity log: every
// API call the install made, mapped to the scope the catalogue says it needs.
import { requiredScopeFor } from '../../../common/gorgias/endpoints';
import { scopeCovers } from '../../../common/gorgias/scopes';
import type { ActivityEntry } from '../../../common/model';
import type { DiagnosticCheck } from '../../../common/tools/tool-results';

/** The path relative to the account (`/api/...`) of a logged URL, or null when it is elsewhere. */
function accountPath(url: string, baseUrl: string): string | null {
  let parsed: URL;
  let base: URL;
  try {
    parsed = new URL(url);
    base = new URL(baseUrl);
  } catch {
    return null;
  }
  const prefix = base.pathname.replace(/\/+$/, '');
  if (parsed.origin !== base.origin || !parsed.pathname.startsWith(`${prefix}/api/`)) return null;
  return parsed.pathname.slice(prefix.length);
}

export function scopeCoverageCheck(entries: readonly ActivityEntry[], baseUrl: string, granted: readonly string[]): DiagnosticCheck {
  const needed = new Map<string, Set<string>>();
  // Calls the catalogue cannot map to a scope are named, not silently skipped.
  const unmapped = new Set<string>();
  for (const entry of entries) {
    if (entry.kind !== 'api') continue;
    const path = accountPath(entry.url, baseUrl);
    if (!path) continue;
    const scope = requiredScopeFor(entry.method, path);
    if (!scope) {
      unmapped.add(`${entry.method} ${path}`);
      continue;
    }
    const calls = needed.get(scope) ?? new Set<string>();
    calls.add(`${entry.method} ${path}`);
    needed.set(scope, calls);
  }
  const id = 'scopes.coverage';
  const label = 'Scopes cover the calls made';
  const unmappedNote = unmapped.size
    ? ` The workbench cannot map ${[...unmapped].slice(0, 3).join(', ')}${unmapped.size > 3 ? ', …' : ''} to a scope (not in its catalogue): only Gorgias's answers tell for ${unmapped.size === 1 ? 'that call' : 'those calls'}.`
    : '';
  if (needed.size === 0) {
    const detail = unmapped.size ? `No call this install made maps to a known scope.${unmappedNote}` : 'This install has made no API calls yet (in the activity log).';
    return { id, label, outcome: 'unchecked', detail, fix: null };
  }
  const missing = [...needed.entries()].filter(([scope]) => !scopeCovers(granted, scope));
  if (missing.length === 0) return { id, label, outcome: 'pass', detail: `The granted scopes cover all ${needed.size} scope${needed.size === 1 ? '' : 's'} the install's calls needed.${unmappedNote}`, fix: null };
  const list = missing.map(([scope, calls]) => `${scope} (for ${[...calls].slice(0, 3).join(', ')}${calls.size > 3 ? ', …' : ''})`).join('; ');
  return {
    id,
    label,
    outcome: 'warn',
    detail: `Calls were made that need scopes this install was not granted: ${list}. Those calls answer 403.${unmappedNote}`,
    fix: `Add ${missing.map(([scope]) => scope).join(', ')} to the app's scopes and connect again.`,
  };
}
