import { t } from '../i18n/t';
import { formatDate } from '../http/format';

type StepState = 'done' | 'current' | 'upcoming';

export interface ProgressSpec {
  /** The main steps in order; the last one is the end of the case. */
  steps: readonly string[];
  /** States that sit on another state's step (changes requested is still "in review"). */
  stepOf: Record<string, string>;
  /** Labels of the steps that are no state name of their own. */
  stepLabels: Record<string, string>;
  finalStates: readonly string[];
  next: Record<string, { who: string; text: string }>;
}

/** The status stepper: where the case is on its way, for any kind. */
export function stepsFor(spec: ProgressSpec, state: string): { text: string; state: StepState }[] {
  const stepOf = (s: string) => spec.stepOf[s] ?? s;
  const last = spec.steps[spec.steps.length - 1];
  const current = spec.steps.indexOf(stepOf(state));
  return spec.steps.map((step, i) => {
    const label =
      step === last && spec.finalStates.includes(state)
        ? t(`labels.states.${state}`)
        : i === current && stepOf(state) !== state
          ? `${spec.stepLabels[step] ?? t(`labels.states.${step}`)} – ${t(`labels.states.${state}`)}`
          : (spec.stepLabels[step] ?? t(`labels.states.${step}`));
    return { text: label, state: i < current || (i === current && step === last) ? 'done' : i === current ? 'current' : 'upcoming' };
  });
}

/** Who acts next and what they do; a deadline is added where one is set. */
export function nextFor(spec: ProgressSpec, state: string, dueDate: string | null): { who: string; text: string } {
  const next = spec.next[state] ?? { who: '', text: 'Der Vorgang ist abgeschlossen.' };
  return dueDate && state === 'changes_requested'
    ? { ...next, text: `${next.text.replace(/\.$/, '')} – bis ${formatDate(`${dueDate}T12:00:00Z`)}.` }
    : next;
}
