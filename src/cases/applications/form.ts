import { t } from '../../i18n/t';
import { germanToApiMoney, toGermanInput } from '../money';
import type { ApplicationData } from './schemas';

/** Rows the form shows besides the filled ones, so a provider can add costs without JavaScript. */
export const EMPTY_COST_ROWS = 2;

type Body = Record<string, unknown>;

const str = (v: unknown): string => (typeof v === 'string' ? v : Array.isArray(v) ? String(v[0] ?? '') : '');

/** German money from a form becomes the API's "10500.00"; what cannot be read is passed on for the schema to refuse. */
function money(v: unknown): string | undefined {
  const s = str(v).trim();
  return s === '' ? undefined : germanToApiMoney(s);
}

const lines = (v: unknown): string[] =>
  str(v)
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);

const list = (v: unknown): string[] => (Array.isArray(v) ? v.map(str) : v === undefined ? [] : [str(v)]);

/**
 * The page form in the API's shape, so pages and API share one schema and one use-case.
 * Cost rows come as parallel lists (costCategory[], costDescription[], costAmount[]);
 * completely empty rows are dropped.
 */
export function formToApplicationInput(body: Body): Record<string, unknown> {
  const categories = list(body.costCategory);
  const descriptions = list(body.costDescription);
  const amounts = list(body.costAmount);
  const costItems = categories
    .map((category, i) => ({ category, description: (descriptions[i] ?? '').trim(), amount: amounts[i] ?? '' }))
    .filter((row) => row.category || row.description || row.amount.trim())
    .map((row) => ({ category: row.category, description: row.description, amount: money(row.amount) ?? '' }));
  const input: Record<string, unknown> = {
    title: str(body.title),
    summary: str(body.summary),
    district: str(body.district) || undefined,
    fieldOfAction: str(body.fieldOfAction) || undefined,
    periodStart: str(body.periodStart) || undefined,
    periodEnd: str(body.periodEnd) || undefined,
    financingType: str(body.financingType) || undefined,
    costItems,
    ownFunds: money(body.ownFunds),
    thirdPartyFunds: money(body.thirdPartyFunds),
    requestedAmount: money(body.requestedAmount),
    subGoals: lines(body.subGoals),
    projectElements: lines(body.projectElements),
    contactName: str(body.contactName),
    contactEmail: str(body.contactEmail),
    contactPhone: str(body.contactPhone),
    // Only a draft's form has the field; without it the round stays as it is.
    roundId: 'roundId' in body ? str(body.roundId) : undefined,
  };
  return Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined));
}

/** Stored data as the form's values (German money, one list item per line). */
export function applicationFormValues(data: ApplicationData, extraRows = EMPTY_COST_ROWS) {
  const rows: { category: string; description: string; amount: string }[] = (data.costItems ?? []).map((i) => ({
    category: i.category,
    description: i.description,
    amount: toGermanInput(i.amountCents),
  }));
  for (let i = 0; i < extraRows; i += 1) rows.push({ category: '', description: '', amount: '' });
  return {
    title: data.title ?? '',
    summary: data.summary ?? '',
    district: data.districtId ?? '',
    fieldOfAction: data.fieldOfActionId ?? '',
    periodStart: data.periodStart ?? '',
    periodEnd: data.periodEnd ?? '',
    financingType: data.financingType ?? '',
    costRows: rows,
    ownFunds: data.ownFundsCents === undefined ? '' : toGermanInput(data.ownFundsCents),
    thirdPartyFunds: data.thirdPartyFundsCents === undefined ? '' : toGermanInput(data.thirdPartyFundsCents),
    requestedAmount: data.requestedCents === undefined ? '' : toGermanInput(data.requestedCents),
    subGoals: (data.subGoals ?? []).join('\n'),
    projectElements: (data.projectElements ?? []).join('\n'),
    contactName: data.contactName ?? '',
    contactEmail: data.contactEmail ?? '',
    contactPhone: data.contactPhone ?? '',
    roundId: data.roundId ?? '',
  };
}

/** Re-shows what was typed after a failed save, cost rows included. */
export function submittedFormValues(body: Body) {
  const categories = list(body.costCategory);
  const descriptions = list(body.costDescription);
  const amounts = list(body.costAmount);
  const costRows = categories.map((category, i) => ({ category, description: descriptions[i] ?? '', amount: amounts[i] ?? '' }));
  return { ...Object.fromEntries(Object.entries(body).map(([k, v]) => [k, str(v)])), costRows };
}

const COST_ROW_FIELD = /^costItems\.(\d+)\.(category|description|amount)$/;
const COST_ROW_LABEL = { category: 'categoryRow', description: 'descriptionRow', amount: 'amountRow' } as const;

/**
 * The error summary's text for a cost-plan cell names the cell ("Betrag in Euro, Zeile 1: …"):
 * the cells have only visually hidden labels, so the bare message would not say which row is
 * meant (WCAG 3.3.1). The message beside the cell stays as it is.
 */
export function summaryWithCostRowLabels<E extends { field: string; message: string }>(errors: E[]): E[] {
  return errors.map((e) => {
    const match = COST_ROW_FIELD.exec(e.field);
    if (!match) return e;
    const label = t(`pages.applicationForm.${COST_ROW_LABEL[match[2] as keyof typeof COST_ROW_LABEL]}`, { row: Number(match[1]) + 1 });
    return { ...e, message: `${label}: ${e.message}` };
  });
}
