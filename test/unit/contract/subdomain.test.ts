import { describe, expect, it } from 'vitest';
import { checkSubdomain } from '../../../electron/common/subdomain';

describe('checkSubdomain', () => {
  it.each(['acme', 'ACME', ' acme ', 'a', 'acme-2', '0day', 'a'.repeat(63)])('accepts %j', (input) => {
    const result = checkSubdomain(input);
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.subdomain).toBe(input.trim().toLowerCase());
  });

  it.each([
    ['', 'Enter'],
    ['acme.evil.com', 'Only the first part'],
    ['acme.gorgias.com', 'Only the first part'],
    ['a'.repeat(64), '63'],
    ['ünicode', 'letters'],
    ['-acme', 'hyphen'],
    ['acme-', 'hyphen'],
    ['ac me', 'letters'],
    ['acme:443', 'letters'],
    ['https://acme', 'letters'],
    ['acme/x', 'letters'],
  ])('refuses %j with a reason', (input, reasonPart) => {
    const result = checkSubdomain(input);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toContain(reasonPart);
  });
});
