import { t } from '../../i18n/t';
import type { ExportTable } from '../../exports/table';
import type { districtsWithFigures } from './districts-with-figures';
import { DISTRICT_CSV_COLUMNS } from './parse-district-csv';

type DistrictRow = Awaited<ReturnType<typeof districtsWithFigures>>[number];

/**
 * The Ortsteile with the figures of the year the page shows, as a download. Its first five
 * columns are the import file's, named as it names them, so an administrator can edit the
 * download and import it again.
 */
export function districtsTable(rows: DistrictRow[], year: number): ExportTable<DistrictRow> {
  const [name, planningArea, yearColumn, socialIndex, inhabitants] = DISTRICT_CSV_COLUMNS;
  return {
    title: `${t('nav.districts')} ${year}`,
    fileName: `ortsteile-${year}`,
    columns: [
      { header: name, type: 'text', value: (d) => d.name, width: 28 },
      { header: planningArea, type: 'text', value: (d) => d.planningArea, width: 16 },
      { header: yearColumn, type: 'text', value: (d) => (d.year === null ? null : String(d.year)), width: 8 },
      { header: socialIndex, type: 'decimal', value: (d) => d.socialIndex, width: 12 },
      { header: inhabitants, type: 'integer', value: (d) => d.inhabitants, width: 12 },
      { header: t('exports.columns.status'), type: 'text', value: (d) => t(d.active ? 'pages.common.active' : 'organisationStatus.deactivated'), width: 14 },
    ],
    rows,
  };
}
