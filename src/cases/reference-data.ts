import type { Db } from '../db/client';

/**
 * Default reference data: neighbourhoods (Ortsteile) grouped into six planning areas, and
 * fields of action. The grouping is a schematic default, not the city's official assignment;
 * a city replaces both lists with its own (admins manage Ortsteile at /admin/ortsteile, also by
 * CSV import). Seeded into an empty table at start, as is the FRL Soziales programme.
 */
export const erfurtDistricts: { name: string; planningArea: string }[] = [
  ...['Altstadt', 'Löbervorstadt', 'Brühlervorstadt', 'Andreasvorstadt', 'Johannesvorstadt', 'Krämpfervorstadt', 'Daberstedt'].map(
    (name) => ({ name, planningArea: 'Innenstadt' }),
  ),
  ...['Berliner Platz', 'Rieth', 'Johannesplatz', 'Moskauer Platz', 'Roter Berg', 'Ilversgehofen'].map((name) => ({
    name,
    planningArea: 'Nord',
  })),
  ...['Herrenberg', 'Wiesenhügel', 'Melchendorf', 'Drosselberg', 'Hochheim', 'Dittelstedt'].map((name) => ({
    name,
    planningArea: 'Südost',
  })),
  ...['Hochheim-West', 'Bischleben-Stedten', 'Möbisburg-Rhoda', 'Schmira', 'Egstedt', 'Windischholzhausen'].map((name) => ({
    name,
    planningArea: 'Süd',
  })),
  ...['Marbach', 'Gispersleben', 'Tiefthal', 'Frienstedt', 'Ermstedt', 'Alach'].map((name) => ({ name, planningArea: 'West' })),
  ...['Ost', 'Urbich', 'Linderbach', 'Azmannsdorf', 'Büßleben', 'Vieselbach'].map((name) => ({ name, planningArea: 'Ost' })),
];

export const erfurtFieldsOfAction: string[] = [
  'Nachbarschaft und Begegnung',
  'Kinder, Jugend und Familie',
  'Seniorinnen und Senioren',
  'Integration und Teilhabe',
  'Armut und soziale Ausgrenzung',
  'Gesundheit und Prävention',
  'Bildung und Beratung',
];

export const slug = (name: string) =>
  name
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ß/g, 'ss')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

/** The programme every application belonged to before programmes existed; its code is its id. */
export const FRL_SOZIALES = { id: 'FRL_SOZIALES', name: 'FRL Soziales – Förderrichtlinie zur Erfüllung sozialer Aufgaben' };

export async function seedReferenceData(db: Db): Promise<void> {
  if ((await db.programme.count()) === 0) {
    await db.programme.create({ data: FRL_SOZIALES });
  }
  if ((await db.district.count()) === 0) {
    await db.district.createMany({ data: erfurtDistricts.map((d) => ({ id: slug(d.name), ...d })) });
  }
  if ((await db.fieldOfAction.count()) === 0) {
    await db.fieldOfAction.createMany({ data: erfurtFieldsOfAction.map((name) => ({ id: slug(name), name })) });
  }
}
