import type { UseCaseContext } from '../../accounts/context';
import type { Actor } from '../../auth/policy';
import type { CaseKind } from '../case-kind';
import { createCase } from '../create-case';
import { applicationColumns } from './data';
import { toApplicationData } from './to-data';
import type { ApplicationDraftInput } from './schemas';

/**
 * A provider starts an FRL application. The guideline has one round a year for the following
 * year, so the reference carries next year's number.
 */
export async function createApplication(options: UseCaseContext & { actor: Actor; kind: CaseKind; input: ApplicationDraftInput }) {
  const data = await toApplicationData(options.db, options.input);
  return createCase({
    ...options,
    reference: { prefix: 'FRL', year: options.clock.now().getUTCFullYear() + 1 },
    data,
    columns: applicationColumns(data),
  });
}
