import { z } from 'zod';
import { email, optionalText, text } from '../../http/fields';
import { t } from '../../i18n/t';
import { formatEuro, MAX_CENTS, parseApiMoney } from '../money';

export const costCategories = ['personnel', 'material', 'fees', 'other'] as const;
export const financingTypes = ['deficit', 'proportional', 'fixed'] as const;
export const applicationAttachmentKinds = ['statutes', 'tax_exemption', 'cost_plan', 'concept', 'other'] as const;

/** "10500.00" in, cents out; the API never takes floats for money. */
export const money = () =>
  z
    .string({ error: t('cases.money') })
    .transform((v, ctx) => {
      const cents = parseApiMoney(v);
      if (cents === null) {
        ctx.addIssue({ code: 'custom', message: t('cases.money') });
        return z.NEVER;
      }
      if (cents > MAX_CENTS) {
        ctx.addIssue({ code: 'custom', message: t('cases.moneyTooLarge', { max: formatEuro(MAX_CENTS) }) });
        return z.NEVER;
      }
      return cents;
    })
    .meta({ type: 'string', pattern: '^\\d{1,12}(\\.\\d{1,2})?$', example: '10500.00' });

export const isoDate = () =>
  z
    .string({ error: t('cases.date') })
    .regex(/^\d{4}-\d{2}-\d{2}$/, t('cases.date'))
    .refine((v) => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v), t('cases.date'));

const costItem = z.object({
  category: z.enum(costCategories),
  description: text(500),
  amount: money(),
});

/**
 * A draft may be incomplete: every field is optional, but what is given must be valid.
 * Completeness is checked at SUBMIT.
 */
export const applicationDraftInput = z
  .object({
    title: optionalText(200),
    summary: optionalText(5000),
    district: optionalText(100),
    fieldOfAction: optionalText(100),
    periodStart: isoDate().optional(),
    periodEnd: isoDate().optional(),
    financingType: z.enum(financingTypes).optional(),
    costItems: z.array(costItem).max(100).optional(),
    ownFunds: money().optional(),
    thirdPartyFunds: money().optional(),
    requestedAmount: money().optional(),
    subGoals: z.array(text(500)).max(20).optional(),
    projectElements: z.array(text(500)).max(20).optional(),
    contactName: optionalText(200),
    contactEmail: z.preprocess((v) => (v === '' ? undefined : v), email().optional()),
    contactPhone: optionalText(50),
    // The funding round applied for; null or left out: the programme's open round at submission.
    roundId: z.preprocess((v) => (v === '' ? null : v), z.string().max(100).nullable().optional()),
  })
  .strict()
  .superRefine((v, ctx) => {
    if (v.periodStart && v.periodEnd && v.periodEnd < v.periodStart) {
      ctx.addIssue({ code: 'custom', path: ['periodEnd'], message: t('cases.periodOrder') });
    }
    const total = (v.costItems ?? []).reduce((sum, item) => sum + item.amount, 0);
    if (total > MAX_CENTS) ctx.addIssue({ code: 'custom', path: ['costItems'], message: t('cases.totalCostTooLarge', { max: formatEuro(MAX_CENTS) }) });
  })
  .meta({ id: 'ApplicationInput' });
export type ApplicationDraftInput = z.output<typeof applicationDraftInput>;

/** The form as stored in Case.data: money in cents, references by id. */
export interface ApplicationData {
  title?: string;
  summary?: string;
  districtId?: string;
  fieldOfActionId?: string;
  periodStart?: string;
  periodEnd?: string;
  financingType?: (typeof financingTypes)[number];
  costItems?: { category: (typeof costCategories)[number]; description: string; amountCents: number }[];
  ownFundsCents?: number;
  thirdPartyFundsCents?: number;
  requestedCents?: number;
  subGoals?: string[];
  projectElements?: string[];
  contactName?: string;
  contactEmail?: string;
  contactPhone?: string;
  roundId?: string | null;
}

export const eventSchemas = {
  SUBMIT: z.object({}).strict(),
  START_REVIEW: z.object({}).strict(),
  RESUBMIT: z.object({}).strict(),
  REQUEST_CHANGES: z.object({ message: text(10_000), dueDate: isoDate() }),
  RECOMMEND: z.object({ recommendation: z.enum(['approve', 'reject']), amount: money().optional(), rationale: text(10_000) }),
  RETURN_TO_REVIEW: z.object({ message: text(10_000) }),
  APPROVE: z.object({ amount: money(), conditions: optionalText(20_000), rationale: optionalText(10_000) }),
  REJECT: z.object({ rationale: text(10_000) }),
  WITHDRAW: z.object({ reason: optionalText(2000) }),
} as const;
