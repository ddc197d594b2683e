import type { Db } from '../../db/client';
import { indicatorsFor } from '../district-indicators';

/** Every Ortsteil with its planning area and the figures of a year (or the latest before it). */
export async function districtsWithFigures(db: Db, year: number) {
  const [districts, indicators] = await Promise.all([db.district.findMany({ orderBy: [{ planningArea: 'asc' }, { name: 'asc' }] }), indicatorsFor(db, year)]);
  return districts.map((d) => {
    const i = indicators.get(d.id);
    return { id: d.id, name: d.name, planningArea: d.planningArea, active: d.active, year: i?.year ?? null, socialIndex: i?.socialIndex ?? null, inhabitants: i?.inhabitants ?? null };
  });
}
