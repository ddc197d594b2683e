import type { UseCaseContext } from '../../accounts/context';
import type { Actor } from '../../auth/policy';
import type { CaseKind } from '../case-kind';
import { createCase } from '../create-case';
import { statementColumns } from './data';
import { toStatementData } from './to-data';
import type { StatementDraftInput } from './schemas';

/** A provider asks the city for a statement on its application to another funder. */
export async function createStatementRequest(options: UseCaseContext & { actor: Actor; kind: CaseKind; input: StatementDraftInput }) {
  const data = await toStatementData(options.db, options.input);
  return createCase({
    ...options,
    reference: { prefix: 'STN', year: options.clock.now().getUTCFullYear() },
    data,
    columns: statementColumns(data),
  });
}
