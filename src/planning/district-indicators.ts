import type { Db, Tx } from '../db/client';

export interface IndicatorOfYear {
  socialIndex: number;
  inhabitants: number;
  /** The year the figures are from: the one asked for, or the latest before it. */
  year: number;
}

/**
 * Each district's figures for a year: that year's, or else the latest earlier ones (the social
 * index is published every few years, funding runs every year). Districts without any are absent.
 */
export async function indicatorsFor(db: Db | Tx, year: number, districtIds?: string[]): Promise<Map<string, IndicatorOfYear>> {
  const rows = await db.districtIndicator.findMany({
    where: { year: { lte: year }, ...(districtIds ? { districtId: { in: districtIds } } : {}) },
    orderBy: [{ districtId: 'asc' }, { year: 'desc' }],
  });
  const byDistrict = new Map<string, IndicatorOfYear>();
  for (const r of rows) {
    if (!byDistrict.has(r.districtId)) byDistrict.set(r.districtId, { socialIndex: r.socialIndex, inhabitants: r.inhabitants, year: r.year });
  }
  return byDistrict;
}
