// The flow's steps as a checklist: done, in progress, not run, and after a stop the one that failed.
// Built from the engine's own step names and `stoppedAt` (where the flow was when it stopped), so a
// step that never ran never shows as failed or as still in progress.
import type { FlowStep, FlowView, RedirectMode } from '../../../../electron/common/model';

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

/** Steps that are complete the moment the engine reports them; the others are work under way. */
const DONE_ON_ARRIVAL: ReadonlySet<FlowStep> = new Set(['started', 'browser-opened']);

type StepState = 'done' | 'current' | 'todo' | 'failed' | 'not-run';

const WORDS: Record<StepState, string> = { done: 'done', current: 'in progress', todo: 'to come', failed: 'failed', 'not-run': 'not run' };
const ICONS: Record<StepState, string> = { done: '✓', current: '…', todo: '○', failed: '✕', 'not-run': '–' };

function pathFor(mode: RedirectMode): FlowStep[] {
  return ['started', mode === 'paste' ? 'waiting-for-paste' : 'browser-opened', 'callback-received', 'exchanging', 'verifying', 'stored'];
}

/** Each step's state for a flow as the backend reports it. Exported for the view's own wording. */
export function stepStates(flow: Pick<FlowView, 'step' | 'mode' | 'stoppedAt'>): Array<{ name: FlowStep; state: StepState }> {
  const steps = pathFor(flow.mode);
  const stopped = flow.step === 'failed' || flow.step === 'cancelled';
  const at = stopped ? (flow.stoppedAt ?? 'started') : flow.step;
  const atIndex = Math.max(0, steps.indexOf(at));
  // The step under way: the reported one, or the next when the reported one is complete on arrival.
  const activeIndex = flow.step === 'stored' ? steps.length : DONE_ON_ARRIVAL.has(at) ? atIndex + 1 : atIndex;
  return steps.map((name, index) => {
    if (index < activeIndex) return { name, state: 'done' };
    if (!stopped) return { name, state: index === activeIndex ? 'current' : 'todo' };
    // A cancel stops the waiting: nothing failed. A failure is the step that was under way.
    if (flow.step === 'failed' && index === activeIndex) return { name, state: 'failed' };
    return { name, state: 'not-run' };
  });
}

export function FlowSteps({ flow }: { flow: Pick<FlowView, 'step' | 'mode' | 'stoppedAt'> }) {
  const states = stepStates(flow);
  return (
    <ol className="flow-steps" aria-label="Flow steps">
      {states.map(({ name, state }) => (
        <li key={name} className={`flow-step flow-step--${state}`} aria-current={state === 'current' ? 'step' : undefined}>
          <span className="flow-step__icon" aria-hidden="true">{ICONS[state]}</span>
          <span>{LABELS[name]}</span>
          <span className={state === 'failed' || state === 'not-run' ? 'flow-step__word' : 'visually-hidden'}> ({WORDS[state]})</span>
        </li>
      ))}
      {flow.step === 'cancelled' && (
        <li className="flow-step flow-step--cancelled">
          <span className="flow-step__icon" aria-hidden="true">⊘</span>
          <span>Cancelled by you; nothing was stored</span>
        </li>
      )}
    </ol>
  );
}
