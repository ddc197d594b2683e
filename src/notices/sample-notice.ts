import type { Authority, GrantModel } from './model';

/**
 * A short grant with made-up data, as the authority's current profile prints it: what an
 * administrator previews after changing the profile, and what the benchmark renders. With
 * Erfurt's profile it takes three pages; the third holds the profile's texts and the signature.
 */
export function sampleGrant(authority: Authority, verification: GrantModel['verification']): GrantModel {
  return {
    kind: 'grant',
    reference: '50.2-FRL-2027-0001',
    issuedAt: '2026-12-15T09:00:00.000Z',
    authority,
    addressee: { name: 'Musterverein Nachbarschaft e.V.', street: 'Musterstraße 1', postalCode: '99084', city: 'Erfurt' },
    contact: { name: 'Max Mustermann', email: authority.email, phone: authority.phone },
    projectTitle: 'Nachbarschaftscafé – Begegnung für Jung und Alt',
    submittedAt: '2026-09-30',
    verification,
    requestedCents: 1_050_000,
    grantedCents: 1_050_000,
    financingType: 'deficit',
    periodStart: '2027-01-01',
    periodEnd: '2027-12-31',
    costItems: [
      { category: 'Personalausgaben', description: 'Sozialpädagogische Fachkraft, 10 Wochenstunden', amountCents: 900_000 },
      { category: 'Sachausgaben', description: 'Material für Begegnungsnachmittage', amountCents: 150_000 },
      { category: 'Miete', description: 'Raummiete Stadtteilzentrum, 12 Monate', amountCents: 150_000 },
    ],
    ownFundsCents: 150_000,
    thirdPartyFundsCents: 0,
    purpose: 'Förderung von Begegnung und Nachbarschaftshilfe im Stadtteil',
  };
}
