// What the console's workspace screens ask for and get back: list windows (filters, paging, sort), list rows,
// record details with their history, partial updates and the workspace counts.
import { z } from 'zod';
import {
  agentInputSchema,
  campaignInputSchema,
  campaignSchema,
  caseSchema,
  caseTypeSchema,
  clientSchema,
  recordChangeSchema,
} from './workspace';

/** The most rows one list call returns; the UI fetches windows of this size or less as the user scrolls. */
export const MAX_PAGE_SIZE = 500;

const pageWindow = {
  offset: z.number().int().nonnegative('Offset is a row index, 0 or more').default(0),
  limit: z.number().int().min(1, 'Limit is at least 1').max(MAX_PAGE_SIZE, `Limit is at most ${MAX_PAGE_SIZE} rows per call`).default(100),
};
const search = z.string().trim().max(200, 'Search is at most 200 characters').optional();
const id = z.string().trim().min(1, 'An id is required');

export const clientListQuerySchema = z.strictObject({ search, ...pageWindow });
export type ClientListQuery = z.output<typeof clientListQuerySchema>;

export const CASE_SORT_FIELDS = ['updatedAt', 'caseNumber', 'name'] as const;
export const caseListQuerySchema = z.strictObject({
  search,
  caseTypeId: id.optional(),
  statusId: id.optional(),
  campaignId: id.optional(),
  ...pageWindow,
  sort: z
    .strictObject({ field: z.enum(CASE_SORT_FIELDS), direction: z.enum(['asc', 'desc']) })
    .default({ field: 'updatedAt', direction: 'desc' }),
});
export type CaseListQuery = z.output<typeof caseListQuerySchema>;

/** One line of the cases table: names resolved, so the table needs no second lookup. */
export const caseListRowSchema = z.object({
  id: z.string(),
  caseNumber: z.string(),
  name: z.string(),
  caseTypeId: z.string(),
  caseType: z.string(),
  statusId: z.string(),
  status: z.string(),
  campaignId: z.string().nullable(),
  campaign: z.string().nullable(),
  primaryClientId: z.string().nullable(),
  primaryClient: z.string().nullable(),
  version: z.number().int(),
  updatedAt: z.string(),
  isDemo: z.boolean(),
});
export type CaseListRow = z.infer<typeof caseListRowSchema>;

/** A window of rows and how many rows match in all, so a virtualized table can size its scrollbar. */
/** Detail screens show a record's newest changes; a case touched by years of syncing has thousands. */
export const HISTORY_SHOWN = 200;

export const pageOf = <T extends z.ZodType>(row: T) => z.object({ rows: z.array(row), total: z.number().int().nonnegative() });

/** An appointment the booking API made, moved or cancelled for a case (from scheduling_activity): part of its history. */
export const caseAppointmentSchema = z.object({
  id: z.number().int(),
  /** When the booking API did it. */
  at: z.string(),
  kind: z.enum(['booked', 'rescheduled', 'cancelled']),
  /** The appointment's start (ISO UTC); null for a cancel. */
  start: z.string().nullable(),
  bookingUid: z.string().nullable(),
  agentName: z.string().nullable(),
});
export type CaseAppointment = z.infer<typeof caseAppointmentSchema>;

export const caseDetailSchema = z.object({
  case: caseSchema,
  caseType: caseTypeSchema,
  campaign: campaignSchema.nullable(),
  /** Primary client first. */
  clients: z.array(clientSchema),
  /** Newest first, at most HISTORY_SHOWN of them. */
  history: z.array(recordChangeSchema),
  /** How many changes the record has in all (more than shown when it exceeds HISTORY_SHOWN). */
  historyTotal: z.number().int().nonnegative(),
  /** Appointments booked, moved or cancelled for the case through the booking API, newest first. */
  appointments: z.array(caseAppointmentSchema).optional(),
});
export type CaseDetail = z.infer<typeof caseDetailSchema>;

export const clientCaseSchema = z.object({
  id: z.string(),
  caseNumber: z.string(),
  name: z.string(),
  caseType: z.string(),
  status: z.string(),
  /** True when this client is the case's primary client. */
  primary: z.boolean(),
});
export const clientDetailSchema = z.object({
  client: clientSchema,
  cases: z.array(clientCaseSchema),
  /** Newest first, at most HISTORY_SHOWN of them. */
  history: z.array(recordChangeSchema),
  /** How many changes the record has in all (more than shown when it exceeds HISTORY_SHOWN). */
  historyTotal: z.number().int().nonnegative(),
});
export type ClientDetail = z.infer<typeof clientDetailSchema>;

export const caseStatusChangeSchema = z.strictObject({
  id,
  /** The status name or id, within the case's own case type. */
  status: z.string().trim().min(1, 'Status is required'),
  expectedVersion: z.number().int().min(1, 'expectedVersion is the version you loaded (1 or more)'),
});

export const caseUpdateSchema = z.strictObject({
  id,
  expectedVersion: z.number().int().min(1, 'expectedVersion is the version you loaded (1 or more)'),
  name: z.string().trim().min(1, 'Case name is required').max(200, 'Case name is at most 200 characters').optional(),
  /** Keys given replace their value; null or '' clears one; keys not given keep theirs. */
  customValues: z.record(z.string(), z.unknown()).optional(),
});

const c = campaignInputSchema.shape;
export const campaignUpdateSchema = z.strictObject({
  id,
  name: c.name.optional(),
  caseTypeId: c.caseTypeId.removeDefault().optional(),
  active: c.active.removeDefault().optional(),
});
export type CampaignUpdate = z.output<typeof campaignUpdateSchema>;

const a = agentInputSchema.shape;
export const agentUpdateSchema = z.strictObject({
  id,
  name: a.name.optional(),
  campaignId: a.campaignId.removeDefault().optional(),
  appointmentBooking: a.appointmentBooking.removeDefault().optional(),
  eventTypeId: a.eventTypeId.removeDefault().optional(),
});
export type AgentUpdate = z.output<typeof agentUpdateSchema>;

export const workspaceSummarySchema = z.object({
  caseTypes: z.number().int(),
  campaigns: z.number().int(),
  agents: z.number().int(),
  clients: z.number().int(),
  cases: z.number().int(),
  /** Rows of any kind created by demo mode. */
  demoRecords: z.number().int(),
});
export type WorkspaceSummary = z.infer<typeof workspaceSummarySchema>;

