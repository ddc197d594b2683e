import { t } from '../../i18n/t';
import { formatDate } from '../../http/format';

type StepState = 'done' | 'current' | 'upcoming';

const mainSteps = ['draft', 'submitted', 'in_review', 'awaiting_decision', 'decided'] as const;

function stepOf(state: string): (typeof mainSteps)[number] {
  if (state === 'changes_requested') return 'in_review';
  if (state === 'approved' || state === 'rejected' || state === 'withdrawn') return 'decided';
  return state as (typeof mainSteps)[number];
}

/** The status stepper: where the case is on its way from draft to notice. */
export function applicationSteps(state: string): { text: string; state: StepState }[] {
  const current = mainSteps.indexOf(stepOf(state));
  const finalLabel = ['approved', 'rejected', 'withdrawn'].includes(state) ? t(`labels.states.${state}`) : 'Entschieden';
  return mainSteps.map((step, i) => ({
    text: step === 'decided' ? finalLabel : step === 'in_review' && state === 'changes_requested' ? 'In Prüfung – Nachforderung' : t(`labels.states.${step}`),
    state: i < current || (i === current && step === 'decided') ? 'done' : i === current ? 'current' : 'upcoming',
  }));
}

/** Who acts next and what they do, in words for the provider and for staff. */
export function nextAction(state: string, dueDate: string | null): { who: string; text: string } {
  switch (state) {
    case 'draft':
      return { who: 'Träger', text: 'Angaben vervollständigen, Anlagen hochladen und den Antrag einreichen.' };
    case 'submitted':
      return { who: 'Quartiersplanungskoordination', text: 'Antrag zur Prüfung übernehmen.' };
    case 'in_review':
      return { who: 'Quartiersplanungskoordination', text: 'Vollständigkeit und Inhalt prüfen, dann Votum abgeben oder Unterlagen nachfordern.' };
    case 'changes_requested':
      return { who: 'Träger', text: `Angaben ergänzen und erneut einreichen${dueDate ? ` – bis ${formatDate(`${dueDate}T12:00:00Z`)}` : ''}.` };
    case 'awaiting_decision':
      return { who: 'Amtsleitung', text: 'Über den Antrag entscheiden (Vier-Augen-Prinzip).' };
    case 'approved':
    case 'rejected':
      return { who: 'Träger', text: 'Bescheid herunterladen. Gegen den Bescheid ist innerhalb eines Monats Widerspruch möglich.' };
    default:
      return { who: '–', text: 'Der Vorgang ist abgeschlossen.' };
  }
}
