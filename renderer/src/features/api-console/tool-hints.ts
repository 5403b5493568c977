// Fixes for the error codes the tools add (the shared error-hints map covers the rest).
export const TOOL_HINTS: Partial<Record<string, string>> = {
  PATH_NOT_ALLOWED: 'The console only talks to this install\'s account: use a path under /api/, e.g. /api/tickets.',
  SCOPE_MISSING: 'Add the scope to the app and reconnect, or send anyway to see Gorgias\'s answer.',
  CONFIRM_REQUIRED: 'Confirm the write to send it to the production account.',
  API_ERROR: 'Gorgias answered with an error: its own words are above.',
};
