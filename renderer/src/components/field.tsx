// One labelled input with its help and its inline problem, wired for screen readers.
import { useId, type ReactNode } from 'react';

interface FieldProps {
  label: string;
  problem?: string | null;
  help?: ReactNode;
  children: (props: { id: string; 'aria-describedby'?: string; 'aria-invalid'?: boolean }) => ReactNode;
}

export function Field({ label, problem, help, children }: FieldProps) {
  const id = useId();
  const helpId = `${id}-help`;
  const problemId = `${id}-problem`;
  const describedBy = [help ? helpId : null, problem ? problemId : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className={problem ? 'field field--invalid' : 'field'}>
      <label htmlFor={id}>{label}</label>
      {children({ id, 'aria-describedby': describedBy, 'aria-invalid': problem ? true : undefined })}
      {help && <div id={helpId} className="field__help">{help}</div>}
      {problem && <div id={problemId} className="field__problem">{problem}</div>}
    </div>
  );
}
