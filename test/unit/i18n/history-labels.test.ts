import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { t } from '../../../src/i18n/t';
import { APPLICATION_EVENT_TYPES } from '../../../src/workflow/application-machine';
import { STATEMENT_EVENT_TYPES } from '../../../src/workflow/statement-machine';

/** Audit actions use-cases record on cases outside the machines, as written in the source (`subjectType: 'case', …, action: 'X'`). */
function recordedActions(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.ts') && !file.startsWith('generated'))
    .flatMap((file) => [...readFileSync(path.join(dir, file), 'utf8').matchAll(/subjectType: 'case',[^}]*?action: '([A-Z_]+)'/g)].map((m) => m[1]!));
}

describe('labels for the case history', () => {
  it('when any event or recorded action can appear in a case history, then the catalogue names it', () => {
    const actions = [...new Set([...APPLICATION_EVENT_TYPES, ...STATEMENT_EVENT_TYPES, ...recordedActions(path.join(__dirname, '../../../src'))])];
    expect(actions).toEqual(expect.arrayContaining(['CREATE', 'ATTACH', 'CORRECT_NOTICE']));
    const unnamed = actions.filter((action) => {
      try {
        return t(`labels.events.${action}`) === '';
      } catch {
        return true;
      }
    });
    expect(unnamed).toEqual([]);
  });
});
