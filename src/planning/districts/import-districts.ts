import { AppError } from '../../http/errors';
import { t } from '../../i18n/t';
import { can } from '../../auth/policy';
import { recordAudit } from '../../db/audit';
import type { ActorContext } from '../../accounts/context';
import type { Tx } from '../../db/client';
import { slug } from '../../cases/reference-data';
import { parseDistrictCsv } from './parse-district-csv';

export const MAX_DISTRICT_CSV_BYTES = 1024 * 1024;

/** A new district's id: its name as a slug, numbered if another district has that slug. */
async function freeDistrictId(tx: Tx, name: string): Promise<string> {
  const base = slug(name) || 'ortsteil';
  for (let n = 1; ; n++) {
    const id = n === 1 ? base : `${base}-${n}`;
    if (!(await tx.district.findUnique({ where: { id }, select: { id: true } }))) return id;
  }
}

/** Creates or updates one Ortsteil (by name) and its figures for one year. */
export async function upsertDistrictFigures(
  tx: Tx,
  row: { name: string; planningArea: string; year: number; socialIndex: number; inhabitants: number },
): Promise<'created' | 'updated'> {
  const existing = await tx.district.findUnique({ where: { name: row.name } });
  const id = existing ? existing.id : await freeDistrictId(tx, row.name);
  if (existing) await tx.district.update({ where: { id }, data: { planningArea: row.planningArea, active: true } });
  else await tx.district.create({ data: { id, name: row.name, planningArea: row.planningArea } });
  const figures = { socialIndex: Math.round(row.socialIndex * 100) / 100, inhabitants: row.inhabitants };
  await tx.districtIndicator.upsert({
    where: { districtId_year: { districtId: id, year: row.year } },
    create: { districtId: id, year: row.year, ...figures },
    update: figures,
  });
  return existing ? 'updated' : 'created';
}

/**
 * An administrator imports Ortsteile with their planning area, social index and inhabitants per
 * year from a German CSV file. All or nothing: a file with any bad row changes nothing and the
 * answer lists every bad row by line number.
 */
export async function importDistricts(options: ActorContext & { bytes: Buffer }) {
  const { db, clock, actor, bytes } = options;
  if (!can(actor, 'accounts:manage')) throw new AppError('forbidden', t('errors.403.detail'));
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new AppError('invalid', t('planning.csv.nothingImported'), { errors: [{ path: 'file', message: t('planning.csv.encoding') }] });
  }
  const { rows, errors } = parseDistrictCsv(text);
  if (errors.length > 0) {
    throw new AppError('invalid', t('planning.csv.nothingImported'), { errors: errors.map((message) => ({ path: 'file', message })) });
  }
  const now = clock.now();
  return db.$transaction(async (tx) => {
    const seen = new Map<string, 'created' | 'updated'>();
    for (const row of rows) {
      const result = await upsertDistrictFigures(tx, row);
      if (!seen.has(row.name)) seen.set(row.name, result);
    }
    const created = [...seen.values()].filter((r) => r === 'created').length;
    const summary = { count: rows.length, created, updated: seen.size - created };
    await recordAudit(tx, { actorId: actor.id, subjectType: 'districts', subjectId: 'import', action: 'import', payload: summary }, now);
    return summary;
  }, { timeout: 60_000 });
}
