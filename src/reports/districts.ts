import type { Db } from '../db/client';
import { socialIndexClass, type SocialIndexClass } from '../planning/social-index';

export interface DistrictFacts {
  id: string;
  name: string;
  planningArea: string;
  socialIndex: number | null;
  inhabitants: number | null;
  indexClass: SocialIndexClass;
  /** The year the figures are from (the report's year or the latest before it). */
  figuresYear: number | null;
}

/**
 * Every Ortsteil with the figures that apply to `year`: that year's, else the latest earlier
 * year's, else the earliest there is (a new city may have entered only next year's figures).
 */
export async function districtFacts(db: Db, year: number): Promise<Map<string, DistrictFacts>> {
  const [districts, indicators] = await Promise.all([
    db.district.findMany({ orderBy: { name: 'asc' } }),
    db.districtIndicator.findMany({ orderBy: { year: 'asc' } }),
  ]);
  const chosen = new Map<string, (typeof indicators)[number]>();
  for (const row of indicators) {
    // Ascending years: a year up to the report's replaces what came before; a later one only fills a gap.
    if (row.year <= year || !chosen.has(row.districtId)) chosen.set(row.districtId, row);
  }
  return new Map(
    districts.map((d) => {
      const figures = chosen.get(d.id);
      return [
        d.id,
        {
          id: d.id,
          name: d.name,
          planningArea: d.planningArea,
          socialIndex: figures?.socialIndex ?? null,
          inhabitants: figures?.inhabitants ?? null,
          indexClass: socialIndexClass(figures?.socialIndex),
          figuresYear: figures?.year ?? null,
        },
      ];
    }),
  );
}
