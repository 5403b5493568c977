// One setting that is either a whole number of some unit or switched off ("never"): a checkbox,
// the number, its own Save. What was typed stays on an error; "Saved" says what now holds.
import { useState } from 'react';
import type { ErrorShape } from '../../workbench/client';
import { ErrorMessage } from '../../components/error-message';
import { Field } from '../../components/field';

export interface DelaySettingProps {
  legend: string;
  /** The checkbox: on = the number applies, off = never. */
  switchLabel: string;
  numberLabel: string;
  unit: { one: string; many: string };
  min: number;
  max: number;
  /** The number offered when the switch is turned on from off. */
  suggested: number;
  saved: number | null;
  /** "Copied tokens are cleared after 10 seconds." / "… stay on the clipboard." */
  describe: (value: number | null) => string;
  saveLabel: string;
  save: (value: number | null) => Promise<{ ok: true } | { ok: false; error: ErrorShape }>;
  help?: string;
}

/** The typed number's problem in words, or null when it is a whole number in range. */
export function numberProblem(text: string, min: number, max: number, unit: string): string | null {
  if (text.trim() === '') return `Enter a number of ${unit}.`;
  if (!/^\d+$/.test(text.trim())) return `Enter a whole number of ${unit} (digits only).`;
  const value = Number(text.trim());
  if (value < min || value > max) return `Enter between ${min} and ${max} ${unit}.`;
  return null;
}

export function DelaySetting(props: DelaySettingProps) {
  const [on, setOn] = useState(props.saved !== null);
  const [text, setText] = useState(String(props.saved ?? props.suggested));
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<ErrorShape | null>(null);
  const [savedNow, setSavedNow] = useState<number | null | undefined>(undefined);

  const problem = on ? numberProblem(text, props.min, props.max, props.unit.many) : null;
  const value = on && !problem ? Number(text.trim()) : null;
  const current = savedNow === undefined ? props.saved : savedNow;
  const unchanged = !problem && value === current;

  const submit = async () => {
    if (problem) return;
    setPending(true);
    setError(null);
    const result = await props.save(value);
    setPending(false);
    if (result.ok) setSavedNow(value);
    else setError(result.error);
  };

  return (
    <form
      className="form settings-group"
      aria-label={props.legend}
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <fieldset>
        <legend>{props.legend}</legend>
        <label className="check-label">
          <input type="checkbox" checked={on} onChange={(event) => setOn(event.target.checked)} />
          {props.switchLabel}
        </label>
        <Field label={props.numberLabel} problem={problem} {...(props.help ? { help: props.help } : {})}>
          {(field) => (
            <input {...field} type="number" inputMode="numeric" min={props.min} max={props.max} step={1} disabled={!on} value={text} onChange={(event) => setText(event.target.value)} />
          )}
        </Field>
        <p className="muted" role="status">Now: {props.describe(current)}</p>
        <div className="actions">
          <button type="submit" className="button button--primary" disabled={pending || problem !== null || unchanged}>
            {pending ? 'Saving…' : props.saveLabel}
          </button>
          {problem && <span className="save-why">{props.saveLabel} is off: {problem}</span>}
          {!problem && unchanged && !pending && <span className="save-why">Nothing to save.</span>}
        </div>
        <ErrorMessage error={error} />
      </fieldset>
    </form>
  );
}

export function count(value: number, unit: { one: string; many: string }): string {
  return `${value} ${value === 1 ? unit.one : unit.many}`;
}
