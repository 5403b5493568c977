// The account form's state and checks. The subdomain is checked with the same rule the backend
// uses (electron/common/subdomain.ts), so the reason shows while typing.
import type { AccountCreateInput, AccountPatch } from '../../../../electron/common/contract';
import type { AccountKind, AccountView } from '../../../../electron/common/model';
import { checkSubdomain } from '../../../../electron/common/subdomain';

export interface AccountDraft {
  subdomain: string;
  label: string;
  kind: AccountKind;
  notes: string;
  useCustomBaseUrl: boolean;
  customBaseUrl: string;
  builtInSandbox: boolean;
}

export const NEW_ACCOUNT: AccountDraft = {
  subdomain: '',
  label: '',
  kind: 'sandbox',
  notes: '',
  useCustomBaseUrl: false,
  customBaseUrl: '',
  builtInSandbox: false,
};

export function draftFrom(account: AccountView): AccountDraft {
  return {
    subdomain: account.subdomain,
    label: account.label,
    kind: account.kind,
    notes: account.notes,
    useCustomBaseUrl: account.customBaseUrl !== null,
    customBaseUrl: account.customBaseUrl ?? '',
    builtInSandbox: account.builtInSandbox,
  };
}

export type AccountProblems = Partial<Record<'subdomain' | 'customBaseUrl', string>>;

export function accountProblems(draft: AccountDraft): AccountProblems {
  const problems: AccountProblems = {};
  const subdomain = checkSubdomain(draft.subdomain);
  if (!subdomain.ok) problems.subdomain = subdomain.reason;
  if (draft.useCustomBaseUrl && !draft.builtInSandbox) {
    try {
      const url = new URL(draft.customBaseUrl.trim());
      if (url.protocol !== 'https:' && url.protocol !== 'http:') problems.customBaseUrl = 'The base URL starts with https:// (or http:// for a local emulator).';
    } catch {
      problems.customBaseUrl = 'Enter a full URL, e.g. https://acme.staging.example.com.';
    }
  }
  return problems;
}

function customBaseUrlOf(draft: AccountDraft): string | null {
  return draft.useCustomBaseUrl && !draft.builtInSandbox ? draft.customBaseUrl.trim() : null;
}

export function createInput(draft: AccountDraft): AccountCreateInput {
  return {
    subdomain: draft.subdomain.trim().toLowerCase(),
    label: draft.label.trim(),
    kind: draft.kind,
    notes: draft.notes,
    customBaseUrl: customBaseUrlOf(draft),
    builtInSandbox: draft.builtInSandbox,
  };
}

export function patchInput(draft: AccountDraft, account: AccountView): AccountPatch {
  const next = createInput(draft);
  const patch: AccountPatch = {};
  if (next.subdomain !== account.subdomain) patch.subdomain = next.subdomain;
  if (next.label !== account.label) patch.label = next.label;
  if (next.kind !== account.kind) patch.kind = next.kind;
  if (next.notes !== account.notes) patch.notes = next.notes;
  if (next.customBaseUrl !== account.customBaseUrl) patch.customBaseUrl = next.customBaseUrl;
  if (next.builtInSandbox !== account.builtInSandbox) patch.builtInSandbox = next.builtInSandbox;
  return patch;
}
