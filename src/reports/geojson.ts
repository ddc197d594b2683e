import { t } from '../i18n/t';

export type Ring = [number, number][];
export type PolygonCoords = Ring[];

export interface DistrictShape {
  districtId: string;
  polygons: PolygonCoords[];
}

export interface ShapeCheck {
  shapes: DistrictShape[];
  errors: string[];
  /** Ortsteile the file has no shape for: allowed, they are only missing on the map. */
  missing: string[];
}

export const MAX_GEOJSON_BYTES = 5 * 1024 * 1024;
const MAX_POSITIONS = 250_000;
const MAX_ERRORS = 20;

type Json = unknown;
const isObject = (v: Json): v is Record<string, Json> => typeof v === 'object' && v !== null && !Array.isArray(v);

function checkRing(ring: Json, where: string, errors: string[]): Ring | null {
  if (!Array.isArray(ring) || ring.length < 4) {
    errors.push(t('geojson.ringTooShort', { where }));
    return null;
  }
  const out: Ring = [];
  for (const position of ring) {
    if (!Array.isArray(position) || position.length < 2 || !position.slice(0, 2).every((n) => typeof n === 'number' && Number.isFinite(n))) {
      errors.push(t('geojson.badPosition', { where }));
      return null;
    }
    const [lon, lat] = position as [number, number];
    if (lon < -180 || lon > 180 || lat < -90 || lat > 90) {
      errors.push(t('geojson.outOfRange', { where }));
      return null;
    }
    out.push([lon, lat]);
  }
  const [first, last] = [out[0]!, out[out.length - 1]!];
  if (first[0] !== last[0] || first[1] !== last[1]) {
    errors.push(t('geojson.notClosed', { where }));
    return null;
  }
  return out;
}

function checkPolygon(polygon: Json, where: string, errors: string[]): PolygonCoords | null {
  if (!Array.isArray(polygon) || polygon.length === 0) {
    errors.push(t('geojson.badPolygon', { where }));
    return null;
  }
  const rings = polygon.map((ring) => checkRing(ring, where, errors));
  return rings.every((r): r is Ring => r !== null) ? rings : null;
}

/**
 * Checks an uploaded GeoJSON file of Ortsteil shapes: a FeatureCollection of Polygon or
 * MultiPolygon features in longitude/latitude (WGS 84, as RFC 7946 says), each naming a known
 * Ortsteil by `properties.id` or `properties.name`, none twice. Every problem is reported with
 * the feature it is in, so an admin can fix the file in one go.
 */
export function checkDistrictShapes(text: string, districts: { id: string; name: string }[]): ShapeCheck {
  const errors: string[] = [];
  const done = (): ShapeCheck => ({ shapes: [], errors: errors.slice(0, MAX_ERRORS), missing: [] });
  let doc: Json;
  try {
    doc = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    errors.push(t('geojson.notJson'));
    return done();
  }
  if (!isObject(doc) || doc.type !== 'FeatureCollection' || !Array.isArray(doc.features)) {
    errors.push(t('geojson.notCollection'));
    return done();
  }
  if (doc.features.length === 0) {
    errors.push(t('geojson.empty'));
    return done();
  }
  const byKey = new Map<string, { id: string; name: string }>();
  for (const d of districts) {
    byKey.set(d.id, d);
    byKey.set(d.name.toLocaleLowerCase('de'), d);
  }
  const seen = new Set<string>();
  const shapes: DistrictShape[] = [];
  let positions = 0;
  doc.features.forEach((feature: Json, index: number) => {
    const number = index + 1;
    if (!isObject(feature) || feature.type !== 'Feature' || !isObject(feature.geometry)) {
      errors.push(t('geojson.notFeature', { number }));
      return;
    }
    const props = isObject(feature.properties) ? feature.properties : {};
    const key = typeof props.id === 'string' ? props.id : typeof props.name === 'string' ? props.name : '';
    const where = key ? t('geojson.featureNamed', { number, name: key }) : t('geojson.feature', { number });
    const district = byKey.get(key) ?? byKey.get(key.toLocaleLowerCase('de'));
    if (!district) {
      errors.push(key ? t('geojson.unknownDistrict', { where }) : t('geojson.noName', { where }));
      return;
    }
    if (seen.has(district.id)) {
      errors.push(t('geojson.duplicate', { where, name: district.name }));
      return;
    }
    seen.add(district.id);
    const { type, coordinates } = feature.geometry;
    let polygons: (PolygonCoords | null)[] = [];
    if (type === 'Polygon') polygons = [checkPolygon(coordinates, where, errors)];
    else if (type === 'MultiPolygon' && Array.isArray(coordinates) && coordinates.length) polygons = coordinates.map((p) => checkPolygon(p, where, errors));
    else {
      errors.push(t('geojson.badGeometry', { where, type: String(type) }));
      return;
    }
    if (polygons.every((p): p is PolygonCoords => p !== null)) {
      positions += polygons.flat(2).length;
      shapes.push({ districtId: district.id, polygons });
    }
  });
  if (positions > MAX_POSITIONS) errors.push(t('geojson.tooDetailed', { max: MAX_POSITIONS.toLocaleString('de-DE') }));
  if (errors.length) return done();
  return { shapes, errors: [], missing: districts.filter((d) => !seen.has(d.id)).map((d) => d.name) };
}
