/**
 * The Erfurter Sozialindex per Ortsteil: higher values mean greater social need. Reports and
 * the recommendation list group districts into three classes; the bounds are the city's to
 * adapt and live only here.
 */
export const socialIndexClasses = [
  { key: 'high', label: 'hoher Bedarf (ab 60)', min: 60 },
  { key: 'medium', label: 'mittlerer Bedarf (40 bis unter 60)', min: 40 },
  { key: 'low', label: 'geringer Bedarf (unter 40)', min: Number.NEGATIVE_INFINITY },
] as const;

export type SocialIndexClass = (typeof socialIndexClasses)[number]['key'] | 'unknown';

export function socialIndexClass(value: number | null | undefined): SocialIndexClass {
  if (value === null || value === undefined) return 'unknown';
  return socialIndexClasses.find((c) => value >= c.min)!.key;
}
