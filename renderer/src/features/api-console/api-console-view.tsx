// The API console of one install: the catalogue picker, the request editor, Send (with the
// missing-scope warning and the production-write question), the answer, and the history.
import { useEffect, useEffectEvent, useRef, useState, type KeyboardEvent } from 'react';
import { findEndpoint, scopeReadingFor } from '../../../../electron/common/gorgias/endpoints';
import { userLabel } from '../../text/install-user';
import { scopeCovers } from '../../../../electron/common/gorgias/scopes';
import type { ApiHistoryEntry } from '../../../../electron/common/tools/tool-results';
import type { ApiSendInput } from '../../../../electron/common/contract';
import { useCatalog } from '../../stores/catalog';
import { workbench, type ErrorShape } from '../../workbench/client';
import { navigate, type ConsoleRequest } from '../../stores/navigation';
import { useResource } from '../../hooks/use-resource';
import { AccountName } from '../../components/account-name';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { ErrorMessage } from '../../components/error-message';
import { Time } from '../../components/time-text';
import { EndpointPicker } from './endpoint-picker';
import { HistoryList } from './history-list';
import { EMPTY_DRAFT, draftProblems, firstProblem, pairsToText, toRequest, withCursor, type RequestDraft } from './request-draft';
import { RequestEditor } from './request-editor';
import { ResponsePanel, type Answer } from './response-panel';
import { TOOL_HINTS } from './tool-hints';
import '../../styles/api-console.css';

type Pending = { kind: 'scope'; input: ApiSendInput; scope: string } | { kind: 'write'; input: ApiSendInput };

export function ApiConsoleView({ installId, request, responseId }: { installId: string; request?: ConsoleRequest; responseId?: string }) {
  const { installs, apps, accounts } = useCatalog();
  const install = installs?.find((candidate) => candidate.id === installId);
  const app = apps?.find((candidate) => candidate.id === install?.appId);
  const account = accounts?.find((candidate) => candidate.id === install?.accountId);

  const [draft, setDraft] = useState<RequestDraft>(request?.draft ?? EMPTY_DRAFT);
  const [answer, setAnswer] = useState<Answer | null>(null);
  const [error, setError] = useState<ErrorShape | null>(null);
  const [sending, setSending] = useState(false);
  // The answer on screen is a kept one (a run's result), not one sent from here: said above it.
  const [keptAt, setKeptAt] = useState<number | null>(null);
  const [asking, setAsking] = useState<Pending | null>(null);
  const history = useResource(() => workbench().api.history({ installId }), [], [installId]);
  // The scope lists are not in the catalog's summaries (kept small for 1,000 installs): ask for this one.
  const detail = useResource(
    () => workbench().installs.get({ id: installId }),
    ['installs.changed'],
    [installId],
    (_event, payload) => payload.installId === null || payload.installId === installId,
  );

  const problems = draftProblems(draft);
  const blocked = firstProblem(problems);
  const granted = detail.data?.grantedScopes ?? [];
  const reading = scopeReadingFor(draft.method, draft.path.trim());
  const required = reading.scope;
  const entry = findEndpoint(draft.method, draft.path.trim());
  const lacksScope = required !== null && detail.data !== undefined && !scopeCovers(granted, required);

  // Once an answer is on screen the form folds to the picker, method and path (Postman's URL bar), so the answer
  // sits right under it, in view at 1024×768 without scrolling; "Show query, headers and body" opens it.
  const [folded, setFolded] = useState(false);
  const toggleRef = useRef<HTMLButtonElement>(null);
  // The answer on screen: followed while its body is still arriving (null once the view is gone).
  const shown = useRef<string | null>(null);
  useEffect(
    () => () => {
      shown.current = null;
    },
    [],
  );
  /** Line count and size grow until the body is in; then the whole answer (meta, hint) replaces it. */
  const follow = async (responseId: string) => {
    for (;;) {
      const progress = await workbench().api.responseProgress({ responseId, waitMs: 250 });
      // Another answer is on screen, or the answer is no longer kept (its lines say so).
      if (shown.current !== responseId || !progress.ok) return;
      setAnswer((current) => (current && current.result.responseId === responseId ? { ...current, result: progress.value } : current));
      if (!progress.value.receiving) return;
    }
  };
  const showAnswer = (next: Answer) => {
    setAnswer(next);
    shown.current = next.result.responseId;
    if (next.result.receiving) void follow(next.result.responseId);
    // Focus in a field that folds away would fall to the page, and Ctrl+Enter with it.
    const focused = document.activeElement;
    const focusFolds = focused instanceof HTMLElement && focused.closest('.api-console__folding') !== null && !focused.matches('.request-editor__method, .request-editor__path');
    setFolded(true);
    if (focusFolds) requestAnimationFrame(() => toggleRef.current?.focus());
  };

  // A kept answer (a run's result) opens as it was: its own body, status and headers, read from
  // main's response store by id. Nothing is sent; Send sends the request again as a new answer.
  useEffect(() => {
    if (!responseId) return;
    let live = true;
    void workbench().api.response({ responseId }).then((kept) => {
      if (!live) return;
      if (!kept.ok) return setError(kept.error);
      setAnswer({ result: kept.value.result, input: kept.value.input, receivedAt: kept.value.receivedAt });
      shown.current = kept.value.result.responseId;
      if (kept.value.result.receiving) void follow(kept.value.result.responseId);
      setFolded(true);
      setKeptAt(kept.value.receivedAt);
    });
    return () => {
      live = false;
    };
  }, [responseId]);

  const send = async (input: ApiSendInput) => {
    setSending(true);
    setError(null);
    setKeptAt(null);
    // The first screenful as soon as it is printed; the rest is followed while it arrives.
    const result = await workbench().api.send({ ...input, stream: true });
    setSending(false);
    history.reload();
    if (result.ok) {
      showAnswer({ result: result.value, input, receivedAt: Date.now() });
      return;
    }
    // Two refusals are questions to the user, not failures: ask, then send again with the answer.
    if (result.error.code === 'SCOPE_MISSING') setAsking({ kind: 'scope', input, scope: String(result.error.details?.scope ?? required ?? '') });
    else if (result.error.code === 'CONFIRM_REQUIRED') setAsking({ kind: 'write', input });
    else {
      // A new failure replaces the old answer: a stale response under a new error misleads.
      setAnswer(null);
      shown.current = null;
      setError(result.error);
    }
  };

  const sendDraft = (next: RequestDraft) => void send({ installId, ...toRequest(next) });

  // A request handed over (a run's result): sent once on opening, so its full answer is in the viewer.
  const handedOver = useRef(request);
  const sendHandedOver = useEffectEvent(() => {
    const given = handedOver.current;
    handedOver.current = undefined;
    if (given?.send) void send({ installId, ...toRequest(given.draft) });
  });
  // Once per opening: the ref is cleared on the first run.
  useEffect(() => sendHandedOver(), []);

  // Ctrl+Enter (Cmd+Enter on macOS) sends from anywhere in the console, as in Postman and Bruno.
  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    if (event.key !== 'Enter' || !(event.ctrlKey || event.metaKey) || event.altKey || event.shiftKey) return;
    event.preventDefault();
    if (!sending && blocked === null && asking === null) sendDraft(draft);
  };

  const fromHistory = (entry: ApiHistoryEntry): RequestDraft => ({
    method: entry.method,
    path: entry.path,
    query: pairsToText(entry.query, '='),
    headers: pairsToText(entry.headers, ': '),
    body: entry.body ?? '',
  });

  if (!installs) return <section className="panel"><h1>API console</h1><p className="muted">Loading…</p></section>;
  if (!install) return <section className="panel"><h1>API console</h1><p className="muted">This install is not in the vault (any more).</p></section>;

  return (
    <section className="panel api-console" aria-labelledby="api-console-title" onKeyDown={onKeyDown}>
      <header className="panel__header">
        <h1 id="api-console-title">
          API console: {app?.name ?? 'App'} on {account ? <AccountName account={account} /> : 'account'}
        </h1>
        <p className="muted api-console__user">As {userLabel(install.user)}: answers follow this user's role.</p>
        <button type="button" className="button button--small" onClick={() => navigate({ kind: 'install', id: installId })}>Back to the install</button>
      </header>
      {account?.kind === 'production' && <p className="banner banner--warning" role="note">Production account: writes change real customer data, and each one is asked first.</p>}

      <EndpointPicker granted={granted} method={draft.method} path={draft.path} onPick={(method, path) => setDraft((previous) => ({ ...previous, method, path }))} />
      <div className="api-console__folding">
        <RequestEditor draft={draft} problems={problems} folded={folded} onChange={(patch) => setDraft((previous) => ({ ...previous, ...patch }))} />
      </div>

      {lacksScope && (
        <p className="banner banner--warning" role="note">
          This install was not granted {required}, which {draft.method} {draft.path.trim()} needs{reading.basis === 'documented' ? '' : " (the workbench's reading)"}: Gorgias will most likely answer 403.
        </p>
      )}
      {draft.path.trim() !== '' && (reading.basis === 'unknown' || reading.basis === 'inferred' || reading.basis === 'derived') && !lacksScope && (
        <p className="muted scope-reading" role="note">{reading.note}</p>
      )}
      {entry?.deprecated && (
        <p className="banner banner--warning" role="note">
          Deprecated: {entry.deprecated.note} Replacement: {entry.deprecated.replacement}.
        </p>
      )}
      <div className="actions">
        <button type="button" className="button button--primary" disabled={sending || blocked !== null} onClick={() => sendDraft(draft)}>
          {sending ? 'Sending…' : 'Send'}
        </button>
        <button type="button" ref={toggleRef} className="button button--small" aria-expanded={!folded} onClick={() => setFolded((previous) => !previous)}>
          {folded ? 'Show query, headers and body' : 'Fold the request'}
        </button>
        <span className="muted">Ctrl+Enter (⌘+Enter) sends</span>
        {blocked && <span className="save-why">Send is off: {blocked}</span>}
      </div>
      <ErrorMessage error={error} hint={error ? TOOL_HINTS[error.code] : undefined} />

      {answer && (
        <div className="api-console__response">
        {keptAt !== null && (
          <p className="banner banner--info" role="note">
            The answer kept from the run of <Time value={keptAt} />: read-only, not sent again. Send asks again.
          </p>
        )}
        <ResponsePanel
          answer={answer}
          answeredBy={account?.builtInSandbox ? 'The local sandbox' : 'Gorgias'}
          onCancel={() => void workbench().api.responseCancel({ responseId: answer.result.responseId })}
          onNextPage={(cursor) => {
            const next = { ...draft, method: answer.input.method, path: answer.input.path, query: withCursor(pairsToText(answer.input.query, '='), cursor) };
            setDraft(next);
            void send({ ...answer.input, query: toRequest(next).query });
          }}
        />
        </div>
      )}

      <h2>History</h2>
      <ErrorMessage error={history.error} />
      <HistoryList
        entries={history.data ?? []}
        onLoad={(entry) => setDraft(fromHistory(entry))}
        onRerun={(entry) => {
          const next = fromHistory(entry);
          setDraft(next);
          sendDraft(next);
        }}
      />

      <ConfirmDialog
        open={asking?.kind === 'scope'}
        title="Send without the scope?"
        confirmLabel="Send anyway"
        onCancel={() => setAsking(null)}
        onConfirm={() => {
          const input = asking!.input;
          setAsking(null);
          void send({ ...input, acceptMissingScope: true });
        }}
      >
        <p>This install was not granted {asking?.kind === 'scope' ? asking.scope : 'the scope'}, which this endpoint needs.</p>
        <p>Send anyway to see Gorgias's own answer (usually 403), or add the scope to the app and reconnect.</p>
      </ConfirmDialog>
      <ConfirmDialog
        open={asking?.kind === 'write'}
        title="Write to a production account?"
        confirmLabel="Send the write"
        danger
        onCancel={() => setAsking(null)}
        onConfirm={() => {
          const input = asking!.input;
          setAsking(null);
          void send({ ...input, confirmWrite: true });
        }}
      >
        <p>{asking?.input.method} {asking?.input.path} changes data on a production account: real customers and agents see it.</p>
      </ConfirmDialog>
    </section>
  );
}
