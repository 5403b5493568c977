// The request being written: method, path, query, headers and the JSON body, each checked while
// typing. Send stays off while something is wrong, and says why. Folded (the console folds it once
// an answer is on screen, so the answer is in view at 1024 px), only method and path stay, with a
// line saying what the rest holds.
import { API_METHODS, type ApiMethod } from '../../../../electron/common/tools/api-methods';
import { Field } from '../../components/field';
import type { DraftProblems, RequestDraft } from './request-draft';

interface RequestEditorProps {
  draft: RequestDraft;
  problems: DraftProblems;
  onChange: (patch: Partial<RequestDraft>) => void;
  /** Only method and path, and a line for the rest. */
  folded?: boolean;
}

const count = (lines: number, one: string) => (lines === 0 ? 'none' : `${lines} ${one}${lines === 1 ? '' : 's'}`);

/** "Query: 1 line, headers: none, body: 12 characters." */
export function foldedSummary(draft: RequestDraft): string {
  const lines = (text: string) => text.split('\n').filter((line) => line.trim() !== '').length;
  const body = draft.body.trim().length;
  return `Query: ${count(lines(draft.query), 'line')}, headers: ${count(lines(draft.headers), 'line')}, body: ${body === 0 ? 'none' : `${body.toLocaleString()} characters`}.`;
}

export function RequestEditor({ draft, problems, onChange, folded = false }: RequestEditorProps) {
  return (
    <div className="request-editor">
      <div className="row">
        <Field label="Method">
          {(props) => (
            <select {...props} className="request-editor__method" value={draft.method} onChange={(event) => onChange({ method: event.target.value as ApiMethod })}>
              {API_METHODS.map((method) => <option key={method}>{method}</option>)}
            </select>
          )}
        </Field>
        <Field label="Path" problem={problems.path}>
          {(props) => <input {...props} className="request-editor__path" spellCheck={false} value={draft.path} onChange={(event) => onChange({ path: event.target.value })} />}
        </Field>
      </div>
      {folded ? (
        <p className="muted request-editor__folded">
          {foldedSummary(draft)}
          {(problems.query || problems.headers || problems.body) && <strong className="save-why"> Something there needs fixing.</strong>}
        </p>
      ) : (
        <>
          <div className="row">
            <Field label="Query" problem={problems.query} help="One name=value per line.">
              {(props) => <textarea {...props} rows={3} spellCheck={false} value={draft.query} onChange={(event) => onChange({ query: event.target.value })} />}
            </Field>
            <Field label="Headers" problem={problems.headers} help="One Name: value per line. The token is added by the workbench.">
              {(props) => <textarea {...props} rows={3} spellCheck={false} value={draft.headers} onChange={(event) => onChange({ headers: event.target.value })} />}
            </Field>
          </div>
          <Field
            label="Body (JSON)"
            problem={problems.body}
            help={draft.method === 'GET' ? 'A GET sends no body: what is typed here is kept, not sent.' : 'Checked while you type.'}
          >
            {(props) => <textarea {...props} className="request-editor__body" rows={6} spellCheck={false} value={draft.body} onChange={(event) => onChange({ body: event.target.value })} />}
          </Field>
        </>
      )}
    </div>
  );
}
