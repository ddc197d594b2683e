import type { ActorContext } from '../accounts/context';
import { can } from '../auth/policy';
import type { Db } from '../db/client';
import { recordAudit } from '../db/audit';
import { AppError } from '../http/errors';
import { t } from '../i18n/t';
import { checkDistrictShapes, MAX_GEOJSON_BYTES, type DistrictShape } from './geojson';

export const DISTRICT_LAYER = 'districts';

/**
 * An admin replaces the Ortsteil shapes with an uploaded GeoJSON file. Nothing is stored unless
 * the whole file is valid (422 with every problem found); Ortsteile the file leaves out are
 * reported back, they only stay blank on the map.
 */
export async function setDistrictShapes(options: ActorContext & { text: string; fileName: string }): Promise<{ featureCount: number; missing: string[] }> {
  const { db, clock, actor } = options;
  if (!can(actor, 'map:manage')) throw new AppError('forbidden', t('errors.403.detail'));
  if (Buffer.byteLength(options.text) > MAX_GEOJSON_BYTES) throw new AppError('payload_too_large', t('geojson.tooLarge', { mib: MAX_GEOJSON_BYTES / 1024 / 1024 }));
  const districts = await db.district.findMany({ select: { id: true, name: true } });
  const result = checkDistrictShapes(options.text, districts);
  if (result.errors.length) {
    throw new AppError('invalid', t('geojson.invalid'), { errors: result.errors.map((message) => ({ path: 'file', message })) });
  }
  const geoJson = JSON.stringify(result.shapes);
  const now = clock.now();
  await db.$transaction(async (tx) => {
    const data = { geoJson, featureCount: result.shapes.length, fileName: options.fileName.slice(0, 200), uploadedById: actor.id };
    await tx.mapLayer.upsert({ where: { id: DISTRICT_LAYER }, create: { id: DISTRICT_LAYER, ...data }, update: data });
    await recordAudit(tx, { actorId: actor.id, subjectType: 'mapLayer', subjectId: DISTRICT_LAYER, action: 'UPLOAD', payload: { fileName: data.fileName, featureCount: data.featureCount } }, now);
  });
  return { featureCount: result.shapes.length, missing: result.missing };
}

/** The stored shapes (already checked when uploaded), or none. */
export async function loadDistrictShapes(db: Db): Promise<{ shapes: DistrictShape[]; fileName: string | null; updatedAt: Date | null }> {
  const row = await db.mapLayer.findUnique({ where: { id: DISTRICT_LAYER } });
  if (!row) return { shapes: [], fileName: null, updatedAt: null };
  return { shapes: JSON.parse(row.geoJson) as DistrictShape[], fileName: row.fileName, updatedAt: row.updatedAt };
}
