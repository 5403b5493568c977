// Reads the parameters of an authorization callback (loopback or pasted). Anything ambiguous is
// refused before a flow is looked up, so a malformed or forged request never consumes a flow.
type CallbackParse =
  | { ok: true; state: string; code: string | null; error: string | null; errorDescription: string | null }
  | { ok: false; reason: string };

const SINGLE = ['state', 'code', 'error', 'error_description', 'iss'] as const;
const MAX_PARAM = 4096;

export function parseCallbackParams(params: URLSearchParams): CallbackParse {
  for (const name of SINGLE) {
    if (params.getAll(name).length > 1) return { ok: false, reason: `The parameter "${name}" appears more than once: the callback is ambiguous and was ignored.` };
  }
  const state = params.get('state');
  if (!state) return { ok: false, reason: 'The callback has no state: it cannot be matched to a sign-in started here, so it was ignored.' };
  if (state.length > MAX_PARAM) return { ok: false, reason: 'The state is far longer than any this workbench sends: ignored.' };
  const code = params.get('code');
  if (code !== null && code.length > MAX_PARAM) return { ok: false, reason: 'The code is implausibly long (over 4 KB): ignored.' };
  const error = params.get('error');
  const description = params.get('error_description');
  return {
    ok: true,
    state,
    code: code && code.length > 0 ? code : null,
    error: error && error.length > 0 ? error.slice(0, 200) : null,
    errorDescription: description ? description.slice(0, 500) : null,
  };
}
