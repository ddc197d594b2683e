import { t } from '../i18n/t';
import { todayInBerlin } from '../clock';
import type { ExportTable } from '../exports/table';
import type { OrganisationRow } from './presenters';

type OrganisationListRow = OrganisationRow & { approvedAt: Date | null; _count: { users: number } };

/** The organisations list as the page shows it (with its status filter), as a download. */
export function organisationsTable(organisations: OrganisationListRow[], now: Date): ExportTable<OrganisationListRow> {
  const h = (key: string) => t(`exports.columns.${key}`);
  return {
    title: t('nav.organisations'),
    fileName: `organisationen-${todayInBerlin(now)}`,
    columns: [
      { header: h('name'), type: 'text', value: (o) => o.name, width: 36 },
      { header: h('street'), type: 'text', value: (o) => o.street, width: 28 },
      { header: h('postalCode'), type: 'text', value: (o) => o.postalCode, width: 8 },
      { header: h('city'), type: 'text', value: (o) => o.city, width: 16 },
      { header: h('email'), type: 'text', value: (o) => o.email, width: 28 },
      { header: h('phone'), type: 'text', value: (o) => o.phone, width: 18 },
      { header: h('accounts'), type: 'integer', value: (o) => o._count.users, width: 8 },
      { header: h('status'), type: 'text', value: (o) => t(`organisationStatus.${o.status}`), width: 20 },
      { header: h('registeredAt'), type: 'date', value: (o) => o.createdAt },
      { header: h('approvedAt'), type: 'date', value: (o) => o.approvedAt },
    ],
    rows: organisations,
  };
}
