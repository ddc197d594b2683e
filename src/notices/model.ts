/**
 * View models for notices. A template renders exactly what the model says; it never reads the
 * database. Amounts are whole euro cents; dates are 'YYYY-MM-DD' calendar dates, `issuedAt` and
 * `submittedAt` may also be ISO timestamps (shown as the Europe/Berlin calendar day).
 */

import type { NoticeTexts } from './notice-texts';

export interface Authority {
  /** e.g. "Landeshauptstadt Erfurt" (used as "bei der <name>" in the legal remedy notice). */
  name: string;
  /** e.g. "Amt für Soziales". */
  department: string;
  /** Visitor address: where an objection can be lodged in person. */
  street: string;
  postalCode: string;
  city: string;
  /** Postal code for the return line if it differs (Großkunden-PLZ, e.g. "99111"). */
  mailPostalCode?: string;
  email: string;
  phone: string;
  website?: string;
  signatoryName: string;
  signatoryTitle: string;
  /** General ancillary provisions that become part of every grant notice. */
  generalConditions: { name: string; version: string };
  /** Funding guideline named in grants and rejections; default "Förderrichtlinie Soziales (FRL Soziales)". */
  fundingGuideline?: string;
  /** The authority's texts as printed (placeholders filled): legal remedy, payment, proof of use, data protection. */
  texts: NoticeTexts;
  /** Months after the end of the funding period within which the proof of use is due. */
  proofOfUseMonths: number;
  /** Printed at the top right of page 1. */
  logo?: { mediaType: 'image/png' | 'image/jpeg'; bytes: Uint8Array };
}

export interface Addressee {
  name: string;
  street: string;
  postalCode: string;
  city: string;
}

export type NoticeKind = 'receipt' | 'request_for_changes' | 'grant' | 'rejection' | 'statement';

export interface NoticeBase {
  kind: NoticeKind;
  /** Aktenzeichen. */
  reference: string;
  /** ISO timestamp of issue: the letter date and the PDF CreationDate/ModDate. */
  issuedAt: string;
  authority: Authority;
  addressee: Addressee;
  contact: { name: string; email: string; phone?: string };
  projectTitle: string;
  /** When the application was submitted (required by receipt, grant and rejection). */
  submittedAt?: string;
  /**
   * Proof of authenticity, printed on page 1 as text and as a QR code of `url`: anyone holding
   * the notice can check it at the public page. code e.g. "K7QF-93XM-2PLA", url e.g.
   * "https://portal.example/verify/K7QF-93XM-2PLA".
   */
  verification: { code: string; url: string };
  /** Set on a correction: the notice it replaces, which loses its effect. */
  replaces?: { code: string; issuedAt: string; reason: string };
}

export interface ReceiptModel extends NoticeBase {
  kind: 'receipt';
  submittedAt: string;
}

export interface RequestForChangesModel extends NoticeBase {
  kind: 'request_for_changes';
  /** The coordinator's message: what is missing or has to change. Blank lines separate paragraphs. */
  message: string;
  /** 'YYYY-MM-DD', after the issue date. */
  dueDate: string;
}

export interface CostLine {
  /** German label, e.g. "Personalausgaben". */
  category: string;
  description: string;
  amountCents: number;
}

export type FinancingType = 'deficit' | 'proportional' | 'fixed';

export interface GrantModel extends NoticeBase {
  kind: 'grant';
  submittedAt: string;
  requestedCents: number;
  /** At most requestedCents; less makes it a partial grant, which needs `rationale`. */
  grantedCents: number;
  financingType: FinancingType;
  periodStart: string;
  periodEnd: string;
  /** Eligible costs. Their sum must equal own funds + third-party funds + grant. */
  costItems: CostLine[];
  ownFundsCents: number;
  thirdPartyFundsCents: number;
  /** Special conditions (besondere Nebenbestimmungen); blank lines separate paragraphs. */
  conditions?: string;
  /** Reasons for the part refused; required when grantedCents < requestedCents. */
  rationale?: string;
  /** Zuwendungszweck. */
  purpose: string;
}

export interface RejectionModel extends NoticeBase {
  kind: 'rejection';
  submittedAt: string;
  requestedCents: number;
  /** Reasons (§ 39 VwVfG): facts, rules applied, weighing of discretion. Blank lines separate paragraphs. */
  rationale: string;
}

export type StatementPosition = 'supportive' | 'conditional' | 'not_supportive';

/** Stellungnahme der Stadt zu einem Drittmittelantrag: the provider submits it to another funder. */
export interface StatementModel extends NoticeBase {
  kind: 'statement';
  /** When the provider asked for the statement. */
  submittedAt: string;
  /** e.g. "Europäischer Sozialfonds Plus (ESF Plus)". */
  funder: string;
  /** e.g. "ESF Plus – Soziale Innovation". */
  funderProgramme: string;
  /** The project in brief. Blank lines separate paragraphs. */
  summary: string;
  /** e.g. "Rieth (Planungsraum Nord)". */
  districtName: string;
  totalCostCents: number;
  requestedFromFunderCents: number;
  /** Co-financing asked of the city; 0 allowed (shown as "keine"). */
  municipalContributionCents: number;
  /** 'YYYY-MM-DD': the funder's application deadline. */
  funderDeadline?: string;
  position: StatementPosition;
  /** Each text: blank lines separate paragraphs. */
  sections: { need: string; planning: string; offers: string; cooperation: string; cofinancing: string };
  /** Begründung of the position. Blank lines separate paragraphs. */
  reasons: string;
  /** The head who signs. */
  signedBy: { name: string; title: string };
}

export type NoticeModel = ReceiptModel | RequestForChangesModel | GrantModel | RejectionModel | StatementModel;

/** Thrown when a model lacks a part the notice must contain; `problems` names each one. */
export class NoticeModelError extends Error {
  constructor(
    readonly kind: NoticeKind | string,
    readonly problems: string[],
  ) {
    super(`Incomplete ${kind} notice model: ${problems.join('; ')}`);
    this.name = 'NoticeModelError';
  }
}
