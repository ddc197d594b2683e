import type { UseCaseContext } from '../../accounts/context';
import type { Actor } from '../../auth/policy';
import { updateCase } from '../update-case';
import { applicationColumns, applicationDataOf } from './data';
import { toApplicationData } from './to-data';
import type { ApplicationDraftInput } from './schemas';
import { invalidField } from '../event-checks';
import { t } from '../../i18n/t';

/** The organisation edits its application while it is a draft or changes were requested. */
export async function updateApplication(
  options: UseCaseContext & { actor: Actor; caseId: string; input: ApplicationDraftInput; ifMatch?: number },
) {
  return updateCase({
    ...options,
    kind: 'application',
    merge: async (row) => {
      // The round is settled at submission (its deadline judged the application), so it stays.
      if (options.input.roundId !== undefined && row.state !== 'draft' && options.input.roundId !== row.roundId) {
        throw invalidField('roundId', t('planning.roundFixed'));
      }
      const changes = await toApplicationData(options.db, options.input);
      const data = { ...applicationDataOf(row), ...changes };
      return { data, columns: applicationColumns(data), fields: Object.keys(changes) };
    },
  });
}
