import { t } from '../i18n/t';
import type { DistrictShape } from './geojson';
import { COLOURS, MAP_CLASSES, esc, r1, svgOpen, textColourOn } from './svg';

export interface MapArea {
  districtId: string;
  name: string;
  /** The class (index into the legend) that colours the area; null for "no value". */
  classIndex: number | null;
  valueLabel: string;
}

export interface MapLegend {
  label: string;
  colour: string;
}

export const NO_VALUE_COLOUR = '#ffffff';

/** Colours for `count` classes from the five-step scale, light to dark. */
export function classColours(count: number): string[] {
  if (count === 3) return [MAP_CLASSES[0]!, MAP_CLASSES[2]!, MAP_CLASSES[4]!];
  return MAP_CLASSES.slice(MAP_CLASSES.length - count);
}

/**
 * A choropleth of the Ortsteile as SVG: the shapes projected equirectangularly (longitudes
 * shortened by the cosine of the mean latitude, fine at city scale), each area filled by its
 * class and titled with its name and value, plus the legend. Areas without a shape are left out
 * of the map, never out of the table beside it.
 */
export function districtMap(options: { id: string; title: string; desc: string; shapes: DistrictShape[]; areas: MapArea[]; legend: MapLegend[] }): string {
  const areas = new Map(options.areas.map((a) => [a.districtId, a]));
  const shapes = options.shapes.filter((s) => areas.has(s.districtId));
  const positions = shapes.flatMap((s) => s.polygons.flat(2));
  const width = 640;
  const legendHeight = 24 * (options.legend.length + 1) + 10;
  if (positions.length === 0) return '';
  const lons = positions.map((p) => p[0]);
  const lats = positions.map((p) => p[1]);
  const [minLon, maxLon, minLat, maxLat] = [Math.min(...lons), Math.max(...lons), Math.min(...lats), Math.max(...lats)];
  const k = Math.cos((((minLat + maxLat) / 2) * Math.PI) / 180);
  const spanX = Math.max((maxLon - minLon) * k, 1e-9);
  const spanY = Math.max(maxLat - minLat, 1e-9);
  const scale = (width - 20) / spanX;
  const mapHeight = r1(spanY * scale) + 20;
  const project = ([lon, lat]: [number, number]) => `${r1(10 + (lon - minLon) * k * scale)},${r1(10 + (maxLat - lat) * scale)}`;
  const parts = [svgOpen(options.id, width, mapHeight + legendHeight, options.title, options.desc)];
  const fillOf = (area: MapArea) => (area.classIndex === null ? NO_VALUE_COLOUR : (options.legend[area.classIndex]?.colour ?? NO_VALUE_COLOUR));
  for (const shape of shapes) {
    const area = areas.get(shape.districtId)!;
    const d = shape.polygons.map((polygon) => polygon.map((ring) => `M${ring.map(project).join('L')}Z`).join('')).join('');
    parts.push(`<path d="${d}" fill="${fillOf(area)}" stroke="${COLOURS.text}" stroke-width="1" fill-rule="evenodd"><title>${esc(`${area.name}: ${area.valueLabel}`)}</title></path>`);
  }
  // Names inside the areas, at the centre of each shape's bounding box, where they fit; a long
  // name of two words ("Bischleben-Stedten") goes on two lines rather than shrinking unreadably.
  for (const shape of shapes) {
    const ring = shape.polygons[0]![0]!;
    const xs = ring.map((p) => 10 + (p[0] - minLon) * k * scale);
    const ys = ring.map((p) => 10 + (maxLat - p[1]) * scale);
    const boxWidth = Math.max(...xs) - Math.min(...xs);
    const area = areas.get(shape.districtId)!;
    const sizeFor = (lines: string[]) => Math.min(11, (boxWidth / Math.max(6, ...lines.map((l) => l.length))) * 1.7);
    const oneLine = [area.name];
    const twoLines = splitName(area.name);
    const lines = twoLines && sizeFor(twoLines) > sizeFor(oneLine) && sizeFor(oneLine) < 9 ? twoLines : oneLine;
    const size = sizeFor(lines);
    if (size < 6) continue;
    const x = r1((Math.max(...xs) + Math.min(...xs)) / 2);
    const centreY = (Math.max(...ys) + Math.min(...ys)) / 2 + 4;
    const tspans = lines.map((line, i) => `<tspan x="${x}" y="${r1(centreY + (i - (lines.length - 1) / 2) * size * 1.15)}">${esc(line)}</tspan>`).join('');
    parts.push(`<text text-anchor="middle" font-size="${r1(size)}" fill="${textColourOn(fillOf(area))}" aria-hidden="true">${tspans}</text>`);
  }
  const legend = [...options.legend, { label: t('reports.map.noValue'), colour: NO_VALUE_COLOUR }];
  legend.forEach((entry, i) => {
    const y = mapHeight + 10 + i * 24;
    parts.push(
      `<rect x="10" y="${r1(y)}" width="22" height="16" fill="${entry.colour}" stroke="${COLOURS.text}" stroke-width="1"/>` +
        `<text x="40" y="${r1(y + 13)}" font-size="13" fill="${COLOURS.text}">${esc(entry.label)}</text>`,
    );
  });
  parts.push('</svg>');
  return parts.join('');
}

/** A name split at the space or hyphen nearest its middle (the hyphen stays on the first line). */
function splitName(name: string): [string, string] | null {
  const breaks = [...name.matchAll(/[ -]/g)].map((m) => m.index!);
  if (breaks.length === 0) return null;
  const at = breaks.reduce((best, i) => (Math.abs(i - name.length / 2) < Math.abs(best - name.length / 2) ? i : best));
  return name[at] === '-' ? [name.slice(0, at + 1), name.slice(at + 1)] : [name.slice(0, at), name.slice(at + 1)];
}
