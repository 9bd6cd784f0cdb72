// The export form's choices and the `exports.run` input they make: only the filters that apply to the chosen
// kind are sent, so switching kinds never sends a filter the host would refuse.
import type { z } from 'zod';
import type { EXPORT_FORMATS, EXPORT_KINDS, exportRunInputSchema } from '../../../../shared/contract/transfer';

export type ExportKind = (typeof EXPORT_KINDS)[number];
export type ExportFormat = (typeof EXPORT_FORMATS)[number];
export type ExportRequest = z.input<typeof exportRunInputSchema>;
export type ExportFilter = 'caseType' | 'status' | 'campaign' | 'eventType' | 'dates';

export interface ExportChoices {
  kind: ExportKind;
  format: ExportFormat;
  caseTypeId: string | null;
  statusId: string | null;
  campaignId: string | null;
  eventType: string | null;
  /** Calendar days (YYYY-MM-DD), both ends included; either may be open. */
  range: [string | null, string | null];
}

export const EMPTY_CHOICES: ExportChoices = {
  kind: 'cases',
  format: 'csv',
  caseTypeId: null,
  statusId: null,
  campaignId: null,
  eventType: null,
  range: [null, null],
};

/** The filters each kind of export offers, in the order the form shows them. */
export const FILTERS_BY_KIND: Record<ExportKind, readonly ExportFilter[]> = {
  cases: ['caseType', 'status', 'campaign', 'dates'],
  clients: ['dates'],
  events: ['eventType', 'caseType', 'campaign', 'dates'],
};

/** What the date range filters on, in the user's words. */
export const DATES_LABEL: Record<ExportKind, string> = {
  cases: 'Last changed between',
  clients: 'Last changed between',
  events: 'Received between',
};

/** The `exports.run` input for these choices. */
export function exportRequest(choices: ExportChoices): ExportRequest {
  const offered = new Set(FILTERS_BY_KIND[choices.kind]);
  const filters: NonNullable<ExportRequest['filters']> = {};
  if (offered.has('caseType') && choices.caseTypeId) filters.caseTypeId = choices.caseTypeId;
  if (offered.has('status') && choices.statusId) filters.statusId = choices.statusId;
  if (offered.has('campaign') && choices.campaignId) filters.campaignId = choices.campaignId;
  if (offered.has('eventType') && choices.eventType) filters.type = choices.eventType;
  if (offered.has('dates')) {
    const [from, to] = choices.range;
    if (from) filters.from = from;
    if (to) filters.to = to;
  }
  return { kind: choices.kind, format: choices.format, filters };
}
