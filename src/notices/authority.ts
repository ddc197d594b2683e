import type { Authority } from './model';

/**
 * The issuing authority as printed on every notice. Erfurt's defaults; the authority profile
 * (admin-editable, stored in the database) replaces this with the notices issue.
 */
export const defaultAuthority: Authority = {
  name: 'Landeshauptstadt Erfurt',
  department: 'Amt für Soziales',
  street: 'Juri-Gagarin-Ring 150',
  postalCode: '99084',
  city: 'Erfurt',
  mailPostalCode: '99111',
  email: 'soziales@erfurt.de',
  phone: '0361 655-0',
  website: 'www.erfurt.de',
  signatoryName: 'Dr. Sabine Hoffmann',
  signatoryTitle: 'Amtsleiterin',
  generalConditions: {
    name: 'Allgemeine Nebenbestimmungen für Zuwendungen zur Projektförderung (ANBest-P)',
    version: 'Fassung vom 1. Januar 2024',
  },
  fundingGuideline: 'Förderrichtlinie der Landeshauptstadt Erfurt zur Erfüllung sozialer Aufgaben (FRL Soziales)',
};
