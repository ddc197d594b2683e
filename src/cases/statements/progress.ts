import { nextFor, stepsFor, type ProgressSpec } from '../progress';

const spec: ProgressSpec = {
  steps: ['draft', 'submitted', 'in_review', 'awaiting_approval', 'done'],
  stepOf: { changes_requested: 'in_review', issued: 'done', withdrawn: 'done' },
  stepLabels: { done: 'Gezeichnet' },
  finalStates: ['issued', 'withdrawn'],
  next: {
    draft: { who: 'Träger', text: 'Angaben vervollständigen, den Drittmittelantrag hochladen und die Anfrage einreichen.' },
    submitted: { who: 'Quartiersplanungskoordination', text: 'Anfrage zur Bearbeitung übernehmen.' },
    in_review: { who: 'Quartiersplanungskoordination', text: 'Anfrage prüfen und die Stellungnahme entwerfen oder Unterlagen nachfordern.' },
    changes_requested: { who: 'Träger', text: 'Angaben ergänzen und erneut einreichen.' },
    awaiting_approval: { who: 'Amtsleitung', text: 'Entwurf prüfen und zeichnen oder zur Überarbeitung zurückgeben (Vier-Augen-Prinzip).' },
    issued: { who: 'Träger', text: 'Stellungnahme herunterladen und dem Antrag beim Fördermittelgeber beifügen.' },
  },
};

export const statementSteps = (state: string) => stepsFor(spec, state);
export const statementNextAction = (state: string, dueDate: string | null) => nextFor(spec, state, dueDate);
