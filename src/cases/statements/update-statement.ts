import type { UseCaseContext } from '../../accounts/context';
import type { Actor } from '../../auth/policy';
import { updateCase } from '../update-case';
import { statementColumns, statementDataOf } from './data';
import { toStatementData } from './to-data';
import type { StatementDraftInput } from './schemas';

export async function updateStatementRequest(
  options: UseCaseContext & { actor: Actor; caseId: string; input: StatementDraftInput; ifMatch?: number },
) {
  return updateCase({
    ...options,
    kind: 'statement',
    merge: async (row) => {
      const changes = await toStatementData(options.db, options.input);
      const data = { ...statementDataOf(row), ...changes };
      return { data, columns: statementColumns(data), fields: Object.keys(changes) };
    },
  });
}
