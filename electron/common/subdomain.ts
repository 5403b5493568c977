// A Gorgias account is `https://{subdomain}.gorgias.com`; every URL we build starts from this label,
// so it must be a single DNS label and nothing else (no dots, no scheme, no unicode, no port).

const DNS_LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;

export type SubdomainCheck = { ok: true; subdomain: string } | { ok: false; reason: string };

export function checkSubdomain(input: string): SubdomainCheck {
  const value = input.trim().toLowerCase();
  if (value.length === 0) return { ok: false, reason: 'Enter the account subdomain, e.g. "acme" for acme.gorgias.com.' };
  if (value.length > 63) return { ok: false, reason: 'A subdomain is at most 63 characters.' };
  if (value.includes('.')) return { ok: false, reason: 'Only the first part: "acme", not "acme.gorgias.com".' };
  if (!DNS_LABEL.test(value)) {
    return { ok: false, reason: 'Use only letters a-z, digits and hyphens, not starting or ending with a hyphen.' };
  }
  return { ok: true, subdomain: value };
}

export function gorgiasBaseUrl(subdomain: string): string {
  return `https://${subdomain}.gorgias.com`;
}
