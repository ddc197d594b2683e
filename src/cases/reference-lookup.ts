import type { Db, Tx } from '../db/client';
import { t } from '../i18n/t';

type Found = { id: string } | { error: { path: string; message: string } };

/** A district named by id or name from the configured list (an unknown one is a field error). */
export async function lookUpDistrict(db: Db | Tx, value: string, path = 'district'): Promise<Found> {
  const district = await db.district.findFirst({ where: { OR: [{ id: value }, { name: value }], active: true } });
  return district ? { id: district.id } : { error: { path, message: t('cases.unknownDistrict') } };
}

export async function lookUpFieldOfAction(db: Db | Tx, value: string, path = 'fieldOfAction'): Promise<Found> {
  const field = await db.fieldOfAction.findFirst({ where: { OR: [{ id: value }, { name: value }], active: true } });
  return field ? { id: field.id } : { error: { path, message: t('cases.unknownFieldOfAction') } };
}
