import { z } from 'zod';
import { text } from '../http/fields';
import { t } from '../i18n/t';
import { isoDate, money } from '../cases/applications/schemas';
import { COMMITTEE_OUTCOMES } from './committee-gate';

export const LATE_POLICIES = ['refuse', 'flag'] as const;

/** Forms send "on"/"" for check boxes and strings for numbers; the API sends booleans and numbers. */
const flag = () => z.preprocess((v) => (v === 'on' || v === 'true' ? true : v === 'false' || v === '' ? false : v), z.boolean());
const year = () => z.preprocess((v) => (typeof v === 'string' && /^\d+$/.test(v.trim()) ? Number(v) : v), z.number({ error: t('planning.year') }).int(t('planning.year')).min(2000, t('planning.year')).max(2100, t('planning.year')));

export const programmeInput = z
  .object({
    id: z.string({ error: t('planning.programmeCode') }).trim().regex(/^[A-Z][A-Z0-9_]{1,39}$/, t('planning.programmeCode')),
    name: text(200),
    committeeStep: flag().optional(),
  })
  .strict()
  .meta({ id: 'ProgrammeInput' });
export type ProgrammeInput = z.output<typeof programmeInput>;

export const programmePatch = z
  .object({ name: text(200).optional(), committeeStep: flag().optional(), active: flag().optional() })
  .strict()
  .meta({ id: 'ProgrammePatch' });
export type ProgrammePatch = z.output<typeof programmePatch>;

export const roundInput = z
  .object({
    programme: z.string({ error: t('planning.unknownProgramme') }).trim().min(1, t('planning.unknownProgramme')),
    year: year(),
    deadline: isoDate(),
    budget: money(),
    latePolicy: z.enum(LATE_POLICIES).default('refuse'),
    // The committee step is the programme's (one switch for all its rounds); see create-round.ts.
    committee: flag().optional(),
  })
  .strict()
  .meta({ id: 'RoundInput' });
export type RoundInput = z.output<typeof roundInput>;

export const roundPatch = z
  .object({ deadline: isoDate().optional(), budget: money().optional(), latePolicy: z.enum(LATE_POLICIES).optional() })
  .strict()
  .meta({ id: 'RoundPatch' });
export type RoundPatch = z.output<typeof roundPatch>;

export const resolutionInput = z
  .object({
    number: text(50),
    date: isoDate(),
    outcomes: z
      .array(
        z.object({
          caseId: z.string().min(1),
          outcome: z.enum(COMMITTEE_OUTCOMES),
          amount: money().optional(),
          note: z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : v), text(1000).optional()),
        }),
      )
      .max(500),
  })
  .strict()
  .meta({ id: 'ResolutionInput' });
export type ResolutionInput = z.output<typeof resolutionInput>;
