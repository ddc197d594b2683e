import { formatEuro } from '../cases/money';
import type { RoundFigures } from './round-figures';

/** A round's figures as the pages show them: German amounts. */
export function figuresForPage(f: RoundFigures) {
  return {
    budget: formatEuro(f.budgetCents),
    committed: formatEuro(f.committedCents),
    recommended: formatEuro(f.recommendedCents),
    remaining: formatEuro(f.remainingCents),
    shortfall: formatEuro(Math.max(0, -f.afterRecommendedCents)),
    overcommitted: f.afterRecommendedCents < 0,
    usedPercent: f.budgetCents > 0 ? Math.min(100, Math.round((f.committedCents / f.budgetCents) * 100)) : 0,
  };
}

/** How pages name a round: "Förderrunde 2027 (FRL Soziales)". */
export const roundLabel = (r: { year: number; programme: { name: string } }) => `Förderrunde ${r.year} (${r.programme.name})`;
