import type { Tx } from './client';
import { FRL_SOZIALES, erfurtDistricts, slug } from '../cases/reference-data';

/**
 * Demo figures per Ortsteil: social index (higher = greater need) and inhabitants. Schematic
 * values in the spirit of Erfurt's social structure atlas, not the city's official figures.
 */
const demoIndicators: Record<string, [socialIndex: number, inhabitants: number]> = {
  Altstadt: [38.5, 20400],
  Löbervorstadt: [24.1, 12900],
  Brühlervorstadt: [26.3, 10800],
  Andreasvorstadt: [44.8, 13600],
  Johannesvorstadt: [41.2, 7200],
  Krämpfervorstadt: [47.6, 16100],
  Daberstedt: [45.9, 15000],
  'Berliner Platz': [71.4, 5900],
  Rieth: [78.2, 6400],
  Johannesplatz: [64.7, 5200],
  'Moskauer Platz': [74.9, 6800],
  'Roter Berg': [69.3, 5700],
  Ilversgehofen: [58.1, 10300],
  Herrenberg: [76.5, 6100],
  Wiesenhügel: [72.8, 5000],
  Melchendorf: [55.4, 8600],
  Drosselberg: [66.2, 4300],
  Hochheim: [27.9, 3900],
  Dittelstedt: [22.4, 1200],
  'Hochheim-West': [30.6, 2100],
  'Bischleben-Stedten': [21.3, 2500],
  'Möbisburg-Rhoda': [18.7, 1100],
  Schmira: [19.9, 1000],
  Egstedt: [17.2, 700],
  Windischholzhausen: [20.8, 2600],
  Marbach: [31.4, 6300],
  Gispersleben: [33.7, 3800],
  Tiefthal: [19.5, 900],
  Frienstedt: [18.1, 1500],
  Ermstedt: [16.9, 600],
  Alach: [17.8, 800],
  Ost: [52.3, 9800],
  Urbich: [23.6, 1400],
  Linderbach: [21.7, 1100],
  Azmannsdorf: [19.2, 600],
  Büßleben: [20.4, 1300],
  Vieselbach: [28.8, 2300],
};

/**
 * Demo rounds of FRL Soziales (35.000 € a year, as in 2024) and the district figures for the
 * years around them. The 2027 round runs until 31 December 2026 and flags late applications,
 * so the demo cases submitted at first start belong to it; the 2028 round has the guideline's
 * deadline of 30 September of the previous year and refuses late ones.
 */
export async function seedDemoPlanning(tx: Tx): Promise<void> {
  await tx.fundingRound.createMany({
    data: [
      { programmeId: FRL_SOZIALES.id, year: 2027, deadline: '2026-12-31', budgetCents: 3_500_000, latePolicy: 'flag' },
      { programmeId: FRL_SOZIALES.id, year: 2028, deadline: '2027-09-30', budgetCents: 3_800_000, latePolicy: 'refuse' },
    ],
  });
  const rows = [];
  for (const district of erfurtDistricts) {
    const figures = demoIndicators[district.name];
    if (!figures) continue;
    const [socialIndex, inhabitants] = figures;
    for (const [year, drift] of [[2026, -0.8], [2027, 0]] as const) {
      rows.push({ districtId: slug(district.name), year, socialIndex: Math.round((socialIndex + drift) * 100) / 100, inhabitants: inhabitants - (year === 2026 ? 40 : 0) });
    }
  }
  await tx.districtIndicator.createMany({ data: rows });
}
