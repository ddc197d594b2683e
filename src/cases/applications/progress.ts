import { nextFor, stepsFor, type ProgressSpec } from '../progress';

const spec: ProgressSpec = {
  steps: ['draft', 'submitted', 'in_review', 'awaiting_decision', 'decided'],
  stepOf: { changes_requested: 'in_review', approved: 'decided', rejected: 'decided', withdrawn: 'decided' },
  stepLabels: { decided: 'Entschieden' },
  finalStates: ['approved', 'rejected', 'withdrawn'],
  next: {
    draft: { who: 'Träger', text: 'Angaben vervollständigen, Anlagen hochladen und den Antrag einreichen.' },
    submitted: { who: 'Quartiersplanungskoordination', text: 'Antrag zur Prüfung übernehmen.' },
    in_review: { who: 'Quartiersplanungskoordination', text: 'Vollständigkeit und Inhalt prüfen, dann Votum abgeben oder Unterlagen nachfordern.' },
    changes_requested: { who: 'Träger', text: 'Angaben ergänzen und erneut einreichen.' },
    awaiting_decision: { who: 'Amtsleitung', text: 'Über den Antrag entscheiden (Vier-Augen-Prinzip).' },
    approved: { who: 'Träger', text: 'Bescheid herunterladen. Gegen den Bescheid ist innerhalb eines Monats Widerspruch möglich.' },
    rejected: { who: 'Träger', text: 'Bescheid herunterladen. Gegen den Bescheid ist innerhalb eines Monats Widerspruch möglich.' },
  },
};

export const applicationSteps = (state: string) => stepsFor(spec, state);
export const nextAction = (state: string, dueDate: string | null) => nextFor(spec, state, dueDate);
