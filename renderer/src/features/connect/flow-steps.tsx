// The flow's steps as a checklist: done, current, to come. Built from the engine's own step names.
import type { FlowStep, RedirectMode } from '../../../../electron/common/model';

const LABELS: Record<FlowStep, string> = {
  started: 'Flow started (state and nonce created)',
  'browser-opened': 'Consent page opened in the system browser',
  'waiting-for-paste': 'Waiting for the URL the browser landed on',
  'callback-received': 'Callback received and checked',
  exchanging: 'Exchanging the code for tokens',
  verifying: 'Checking the tokens and the id_token',
  stored: 'Install stored in the vault',
  failed: 'Failed',
  cancelled: 'Cancelled',
};

function pathFor(mode: RedirectMode): FlowStep[] {
  return ['started', mode === 'paste' ? 'waiting-for-paste' : 'browser-opened', 'callback-received', 'exchanging', 'verifying', 'stored'];
}

export function FlowSteps({ step, mode, lastGoodStep }: { step: FlowStep; mode: RedirectMode; lastGoodStep: FlowStep | null }) {
  const steps = pathFor(mode);
  const ended = step === 'failed' || step === 'cancelled';
  const reached = steps.indexOf(ended ? (lastGoodStep ?? 'started') : step);
  return (
    <ol className="flow-steps" aria-label="Flow steps">
      {steps.map((name, index) => {
        let state: 'done' | 'current' | 'todo' | 'stopped' = index < reached || (index === reached && step === 'stored') ? 'done' : index === reached ? 'current' : 'todo';
        if (ended && index === reached + 1) state = 'stopped';
        const word = state === 'done' ? 'done' : state === 'current' ? 'in progress' : state === 'stopped' ? step : 'to come';
        return (
          <li key={name} className={`flow-step flow-step--${state}`} aria-current={state === 'current' ? 'step' : undefined}>
            <span className="flow-step__icon" aria-hidden="true">{state === 'done' ? '✓' : state === 'current' ? '…' : state === 'stopped' ? '✕' : '○'}</span>
            <span>{LABELS[name]}</span>
            <span className="visually-hidden"> ({word})</span>
          </li>
        );
      })}
    </ol>
  );
}
