import { TOOLS_METHOD_NAMES } from './tools/tools-method-names';

// The names of every contract method and event, as plain data. The preload imports only this file
// (no schema library), so it stays one small CommonJS file; contract.ts checks it is complete.

const CORE_METHOD_NAMES = [
  'system.info',
  'system.copyText',
  'vault.status',
  'vault.unlock',
  'vault.setPassphrase',
  'vault.acceptWeakProtection',
  'vault.useOsProtection',
  'vault.dismissRecovery',
  'apps.list',
  'apps.create',
  'apps.update',
  'apps.delete',
  'apps.openTestInstall',
  'apps.relayPage',
  'accounts.list',
  'accounts.create',
  'accounts.update',
  'accounts.delete',
  'installs.list',
  'installs.get',
  'installs.reveal',
  'installs.copy',
  'installs.refresh',
  'installs.revoke',
  'installs.forget',
  'flows.start',
  'flows.cancel',
  'flows.paste',
  'flows.list',
  'flows.installEntry',
  'sandbox.status',
  'sandbox.setQuirks',
  'activity.list',
  'activity.clear',
] as const;

export const METHOD_NAMES = [...CORE_METHOD_NAMES, ...TOOLS_METHOD_NAMES] as const;

export type MethodName = (typeof METHOD_NAMES)[number];

export const EVENT_NAMES = [
  'vault.changed',
  'apps.changed',
  'accounts.changed',
  'installs.changed',
  'flow.progress',
  'activity.appended',
  'notice',
] as const;

export type EventName = (typeof EVENT_NAMES)[number];

/** IPC channel names are derived, never typed by hand. */
export const methodChannel = (method: MethodName): string => `workbench:${method}`;
export const EVENT_CHANNEL = 'workbench:event';

export function isMethodName(value: unknown): value is MethodName {
  return typeof value === 'string' && (METHOD_NAMES as readonly string[]).includes(value);
}

export function isEventName(value: unknown): value is EventName {
  return typeof value === 'string' && (EVENT_NAMES as readonly string[]).includes(value);
}
