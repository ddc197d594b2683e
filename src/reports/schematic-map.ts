import type { Tx } from '../db/client';
import { erfurtDistricts, slug } from '../cases/reference-data';
import { checkDistrictShapes } from './geojson';
import { DISTRICT_LAYER } from './district-shapes';

/** Where each planning area's block sits in the schematic: column and row of a 3 × 2 layout. */
const BLOCKS: Record<string, [number, number]> = {
  West: [0, 0],
  Nord: [1, 0],
  Ost: [2, 0],
  Süd: [0, 1],
  Innenstadt: [1, 1],
  Südost: [2, 1],
};

const CELL_LON = 0.03;
const CELL_LAT = 0.02;
const GAP = 0.012;
const ORIGIN: [number, number] = [10.93, 51.03];

/**
 * A schematic map of the demo Ortsteile as GeoJSON: each planning area a block of squares, laid
 * out roughly as the city lies (west left, north top), near Erfurt's coordinates. It stands in
 * for the real shapes, since no map tiles or survey data can be fetched here; admins replace it
 * with the city's own GeoJSON.
 */
export function schematicDistrictMap(): { type: 'FeatureCollection'; features: object[] } {
  const features: object[] = [];
  const counters = new Map<string, number>();
  for (const d of erfurtDistricts) {
    const block = BLOCKS[d.planningArea] ?? [0, 2];
    const i = counters.get(d.planningArea) ?? 0;
    counters.set(d.planningArea, i + 1);
    const west = ORIGIN[0] + block[0] * (3 * CELL_LON + GAP) + (i % 3) * CELL_LON;
    const north = ORIGIN[1] - block[1] * (3 * CELL_LAT + GAP) - Math.floor(i / 3) * CELL_LAT;
    const round = (n: number) => Math.round(n * 10_000) / 10_000;
    const [w, e, n, s] = [west, west + CELL_LON, north, north - CELL_LAT].map(round) as [number, number, number, number];
    features.push({
      type: 'Feature',
      properties: { id: slug(d.name), name: d.name, planningArea: d.planningArea },
      geometry: { type: 'Polygon', coordinates: [[[w, n], [e, n], [e, s], [w, s], [w, n]]] },
    });
  }
  return { type: 'FeatureCollection', features };
}

/** Demo data: the schematic map as the district shapes, checked like an upload. */
export async function seedSchematicMap(tx: Tx): Promise<void> {
  const districts = await tx.district.findMany({ select: { id: true, name: true } });
  const { shapes } = checkDistrictShapes(JSON.stringify(schematicDistrictMap()), districts);
  await tx.mapLayer.create({ data: { id: DISTRICT_LAYER, geoJson: JSON.stringify(shapes), featureCount: shapes.length, fileName: 'ortsteile-schema.geojson' } });
}
