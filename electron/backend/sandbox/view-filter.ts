// Gorgias's view filters are expressions like `eq(ticket.status, 'open')` (observed). The sandbox
// understands the small part it needs: eq/neq on a ticket field, joined with `&&`. Anything else
// matches every ticket (and the view still lists), which is the forgiving reading.

export interface ViewCondition {
  op: 'eq' | 'neq';
  field: string;
  value: string;
}

const CONDITION = /^\s*(eq|neq)\(\s*ticket\.([a-z_]{1,40})\s*,\s*'([^']{0,200})'\s*\)\s*$/;

export function parseViewFilter(filters: string): ViewCondition[] {
  if (filters.length > 2000) return [];
  const conditions: ViewCondition[] = [];
  for (const part of filters.split('&&')) {
    const match = CONDITION.exec(part);
    if (match) conditions.push({ op: match[1] as 'eq' | 'neq', field: match[2] ?? '', value: match[3] ?? '' });
  }
  return conditions;
}

export function matchesViewFilter(conditions: readonly ViewCondition[], ticket: Record<string, unknown>): boolean {
  return conditions.every((c) => (String(ticket[c.field]) === c.value) === (c.op === 'eq'));
}
