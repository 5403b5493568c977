// Gorgias's scopes from the shared catalogue, grouped by resource with read and write side by side
// and a one-line description; write:all marked deprecated; the catalogue's warnings (no "offline",
// "offline_access", unknown scopes) shown under it. Each checkbox is named by its scope alone.
import { useId } from 'react';
import { SCOPES, scopeWarnings, type ScopeInfo } from '../../../../electron/common/gorgias/scopes';

const groups: Array<{ group: string; scopes: ScopeInfo[] }> = [];
for (const info of SCOPES) {
  const last = groups.at(-1);
  if (last && last.group === info.group) last.scopes.push(info);
  else groups.push({ group: info.group, scopes: [info] });
}
const known = new Set(SCOPES.map((info) => info.scope));

function ScopeBox({ info, checked, onToggle }: { info: ScopeInfo; checked: boolean; onToggle: (scope: string) => void }) {
  const id = useId();
  return (
    <span className="scope">
      <input id={id} type="checkbox" checked={checked} onChange={() => onToggle(info.scope)} aria-label={info.scope} aria-describedby={`${id}-d`} />
      <label htmlFor={id}>{info.access === 'read' || info.access === 'write' ? info.access : info.scope}</label>
      <span id={`${id}-d`} className="visually-hidden">{info.description}</span>
      {info.deprecated && <span className="badge badge--deprecated">deprecated</span>}
    </span>
  );
}

export function ScopePicker({ value, onChange }: { value: string[]; onChange: (next: string[]) => void }) {
  const selected = new Set(value);
  const toggle = (scope: string) => onChange(selected.has(scope) ? value.filter((s) => s !== scope) : [...value, scope]);
  const unknown = value.filter((scope) => !known.has(scope));
  const warnings = scopeWarnings(value);

  return (
    <fieldset className="scope-picker">
      <legend>Scopes</legend>
      <table className="scope-table">
        <tbody>
          {groups.map(({ group, scopes }) => {
            const isResource = scopes.every((info) => info.access === 'read' || info.access === 'write');
            if (!isResource) {
              return scopes.map((info, index) => (
                <tr key={info.scope}>
                  <th scope="row">{index === 0 ? group : <span className="visually-hidden">{group}</span>}</th>
                  <td colSpan={2}>
                    <ScopeBox info={info} checked={selected.has(info.scope)} onToggle={toggle} />
                  </td>
                  <td className="muted">{info.description}</td>
                </tr>
              ));
            }
            const read = scopes.find((info) => info.access === 'read');
            const write = scopes.find((info) => info.access === 'write');
            return (
              <tr key={group}>
                <th scope="row">{group}</th>
                <td>{read && <ScopeBox info={read} checked={selected.has(read.scope)} onToggle={toggle} />}</td>
                <td>{write && <ScopeBox info={write} checked={selected.has(write.scope)} onToggle={toggle} />}</td>
                <td className="muted">{capitalise((read ?? write)?.description.replace(/^Read /, '') ?? '')}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {unknown.length > 0 && (
        <p>
          Other scopes:{' '}
          {unknown.map((scope) => (
            <button key={scope} type="button" className="chip" onClick={() => toggle(scope)} aria-label={`Remove scope ${scope}`}>
              {scope} ×
            </button>
          ))}
        </p>
      )}
      {warnings.length > 0 && (
        <ul className="scope-warnings" aria-label="Scope warnings">
          {warnings.map((warning) => <li key={`${warning.code}-${warning.scope}`} className="banner banner--warning">{warning.message}</li>)}
        </ul>
      )}
    </fieldset>
  );
}


function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
