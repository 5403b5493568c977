// The request being written: method, path, query, headers and the JSON body, each checked while
// typing. Send stays off while something is wrong, and says why.
import { API_METHODS, type ApiMethod } from '../../../../electron/common/tools/api-methods';
import { Field } from '../../components/field';
import type { DraftProblems, RequestDraft } from './request-draft';

interface RequestEditorProps {
  draft: RequestDraft;
  problems: DraftProblems;
  onChange: (patch: Partial<RequestDraft>) => void;
}

export function RequestEditor({ draft, problems, onChange }: RequestEditorProps) {
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
    </div>
  );
}
