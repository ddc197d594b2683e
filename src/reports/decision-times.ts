import type { Db } from '../db/client';
import type { DatabaseProvider } from '../config';
import { t } from '../i18n/t';
import { inList, reportQuery } from './sql';
import type { ReportScope } from './scope';

export interface DecisionTimes {
  decided: number;
  /** In days, one decimal; null when nothing is decided yet. */
  medianDays: number | null;
  p90Days: number | null;
  /** How many decisions took up to 30, 60, 90 days and longer. */
  buckets: { label: string; upToDays: number | null; cases: number }[];
}

const BUCKETS = [30, 60, 90, null] as const;

/** The value at the nearest rank of a sorted histogram of whole hours. */
function percentile(histogram: { hours: number; n: number }[], total: number, p: number): number {
  const rank = Math.max(1, Math.ceil(p * total));
  let seen = 0;
  for (const h of histogram) {
    seen += h.n;
    if (seen >= rank) return h.hours;
  }
  return histogram[histogram.length - 1]!.hours;
}

/**
 * Time from submission to decision (approval or rejection) in the scope: median and 90th
 * percentile (nearest rank) from a histogram of whole hours the database computes, so the
 * answer costs the same for a hundred or a hundred thousand cases.
 */
export async function decisionTimes(options: { db: Db; provider: DatabaseProvider; scope: ReportScope }): Promise<DecisionTimes> {
  const { db, provider, scope } = options;
  const ids = scope.roundIds;
  const rows = ids.length
    ? await reportQuery<{ hours: number | bigint; n: number | bigint }>(
        db,
        provider,
        (d) => `SELECT ${d.hoursBetween('"submittedAt"', '"decidedAt"')} AS "hours", COUNT(*) AS "n"
                FROM "Case"
                WHERE "kind" = 'application' AND "state" IN ('approved', 'rejected') AND "submittedAt" IS NOT NULL AND "decidedAt" IS NOT NULL
                  AND "roundId" IN ${inList(d, 1, ids.length)}
                GROUP BY 1 ORDER BY 1`,
        ids,
      )
    : [];
  const histogram = rows.map((r) => ({ hours: Number(r.hours), n: Number(r.n) })).sort((a, b) => a.hours - b.hours);
  const decided = histogram.reduce((s, h) => s + h.n, 0);
  const days = (hours: number) => Math.round((hours / 24) * 10) / 10;
  const buckets = BUCKETS.map((upTo, i) => {
    const from = i === 0 ? -Infinity : BUCKETS[i - 1]! * 24;
    const to = upTo === null ? Infinity : upTo * 24;
    return {
      label:
        upTo === null
          ? t('reports.times.over', { days: BUCKETS[i - 1]! })
          : i === 0
            ? t('reports.times.under', { days: upTo })
            : t('reports.times.between', { from: BUCKETS[i - 1]!, to: upTo }),
      upToDays: upTo,
      cases: histogram.filter((h) => h.hours >= from && h.hours < to).reduce((s, h) => s + h.n, 0),
    };
  });
  return {
    decided,
    medianDays: decided ? days(percentile(histogram, decided, 0.5)) : null,
    p90Days: decided ? days(percentile(histogram, decided, 0.9)) : null,
    buckets,
  };
}
