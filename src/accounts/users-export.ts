import { t } from '../i18n/t';
import { todayInBerlin } from '../clock';
import type { ExportTable } from '../exports/table';

interface UserRow {
  name: string;
  email: string;
  role: string;
  active: boolean;
  createdAt: Date;
  deactivatedAt: Date | null;
  organisation: { name: string } | null;
}

/** The accounts list as administrators see it, as a download; never a password hash or token. */
export function usersTable(users: UserRow[], now: Date): ExportTable<UserRow> {
  const h = (key: string) => t(`exports.columns.${key}`);
  return {
    title: t('nav.users'),
    fileName: `benutzer-${todayInBerlin(now)}`,
    columns: [
      { header: h('name'), type: 'text', value: (u) => u.name, width: 28 },
      { header: h('email'), type: 'text', value: (u) => u.email, width: 32 },
      { header: h('role'), type: 'text', value: (u) => t(`roles.${u.role}`), width: 20 },
      { header: h('organisation'), type: 'text', value: (u) => u.organisation?.name, width: 30 },
      { header: h('status'), type: 'text', value: (u) => t(u.active ? 'pages.common.active' : 'organisationStatus.deactivated'), width: 14 },
      { header: h('createdAt'), type: 'date', value: (u) => u.createdAt },
      { header: h('deactivatedAt'), type: 'date', value: (u) => u.deactivatedAt },
    ],
    rows: users,
  };
}
