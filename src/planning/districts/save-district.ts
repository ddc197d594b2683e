import { z } from 'zod';
import { AppError } from '../../http/errors';
import { t } from '../../i18n/t';
import { text } from '../../http/fields';
import { can } from '../../auth/policy';
import { recordAudit } from '../../db/audit';
import type { ActorContext } from '../../accounts/context';
import { MAX_INHABITANTS, parseGermanDecimal, parseGermanInteger } from './parse-district-csv';
import { upsertDistrictFigures } from './import-districts';

/** The page's form and the API's body: numbers the German way in forms, as numbers in JSON. */
const decimal = (message: string) =>
  z.preprocess((v) => (typeof v === 'string' ? (parseGermanDecimal(v.trim()) ?? v) : v), z.number({ error: message }).min(0, message).max(10_000, message));
const integer = (message: string) =>
  z.preprocess((v) => (typeof v === 'string' ? (parseGermanInteger(v.trim()) ?? v) : v), z.number({ error: message }).int(message).min(0, message));

export const districtInput = z
  .object({
    name: text(100),
    planningArea: text(100),
    year: integer(t('planning.year')).pipe(z.number().min(2000, t('planning.year')).max(2100, t('planning.year'))),
    socialIndex: decimal(t('planning.socialIndex')),
    inhabitants: integer(t('planning.inhabitants')).pipe(z.number().max(MAX_INHABITANTS, t('planning.inhabitants'))),
  })
  .strict()
  .meta({ id: 'DistrictInput' });
export type DistrictInput = z.output<typeof districtInput>;

/** An administrator adds an Ortsteil or updates one (by name) with its figures for a year. */
export async function saveDistrict(options: ActorContext & { input: DistrictInput }) {
  const { db, clock, actor, input } = options;
  if (!can(actor, 'accounts:manage')) throw new AppError('forbidden', t('errors.403.detail'));
  const now = clock.now();
  return db.$transaction(async (tx) => {
    const result = await upsertDistrictFigures(tx, input);
    const district = await tx.district.findUniqueOrThrow({ where: { name: input.name } });
    await recordAudit(tx, { actorId: actor.id, subjectType: 'district', subjectId: district.id, action: result === 'created' ? 'create' : 'update', payload: { ...input } }, now);
    return district;
  });
}
