// CSV import of clients and cases (inspect, dry run, chunked run with progress, results and rejected rows) and
// export of cases, clients and events as CSV or JSON.
import { z } from 'zod';
import { procedure } from '../rpc';

export const IMPORT_KINDS = ['clients', 'cases'] as const;
export const importKindSchema = z.enum(IMPORT_KINDS);
export type ImportKind = z.infer<typeof importKindSchema>;

/** Column name → target field (e.g. "firstName", "custom.accident_date"), or null to leave the column out. */
export const importMappingSchema = z.record(z.string(), z.string().nullable());
export type ImportMapping = z.infer<typeof importMappingSchema>;

const fileInput = {
  kind: importKindSchema,
  fileName: z.string().trim().min(1, 'fileName is required').max(260, 'fileName is at most 260 characters'),
  /** The whole file as text (the renderer reads it); a header row first. */
  csv: z.string().min(1, 'The file is empty: export it again with a header row and at least one row'),
};

export const importInspectInputSchema = z.strictObject(fileInput);

export const importRunInputSchema = z.strictObject({
  ...fileInput,
  mapping: importMappingSchema,
  /** Used for rows whose external source is not mapped or empty. */
  externalSource: z.string().trim().min(1).max(64).default('csv'),
});
export type ImportRunInput = z.output<typeof importRunInputSchema>;

/** A field a column can be mapped to. */
export const importTargetSchema = z.object({
  field: z.string(),
  label: z.string(),
  required: z.boolean(),
  /** Several columns may map to it (phones, emails); their values are combined. */
  multiple: z.boolean(),
  hint: z.string(),
});
export type ImportTarget = z.infer<typeof importTargetSchema>;

export const importInspectionSchema = z.object({
  columns: z.array(z.string()),
  /** The first 5 rows, cells in the order of `columns`. */
  sampleRows: z.array(z.array(z.string())),
  rowCount: z.number().int().nonnegative(),
  suggestedMapping: importMappingSchema,
  /** The mapping last used for a file with the same header row, translated to this file's column names. */
  rememberedMapping: importMappingSchema.optional(),
  targets: z.array(importTargetSchema),
});
export type ImportInspection = z.infer<typeof importInspectionSchema>;

export const importRejectSchema = z.object({
  /** 1-based line of the file where the row starts (the header is line 1). */
  row: z.number().int().positive(),
  reasons: z.array(z.string()),
});
export type ImportReject = z.infer<typeof importRejectSchema>;

const counts = {
  created: z.number().int().nonnegative(),
  updated: z.number().int().nonnegative(),
  unchanged: z.number().int().nonnegative(),
  rejected: z.number().int().nonnegative(),
  /** The first 200 rejected rows. */
  rejects: z.array(importRejectSchema),
};

export const importCountsSchema = z.object({ taskId: z.string(), ...counts });
export type ImportCounts = z.infer<typeof importCountsSchema>;

export const TASK_STATUSES = ['running', 'finished', 'failed'] as const;

export const importResultSchema = z.object({
  taskId: z.string(),
  kind: importKindSchema,
  fileName: z.string(),
  status: z.enum(TASK_STATUSES),
  done: z.number().int().nonnegative(),
  total: z.number().int().nonnegative(),
  ...counts,
  error: z.string().nullable(),
});
export type ImportResult = z.infer<typeof importResultSchema>;

export const EXPORT_KINDS = ['cases', 'clients', 'events'] as const;
export const EXPORT_FORMATS = ['csv', 'json'] as const;

/** A calendar date (taken as UTC; a date-only `to` includes that whole day) or a date-time with a zone. */
const isoDateOrTime = z.union([z.iso.date(), z.iso.datetime({ offset: true })], {
  error: 'expected an ISO date (2026-01-31) or date-time with a zone (2026-01-31T17:00:00Z)',
});

const FILTERS_BY_KIND: Record<(typeof EXPORT_KINDS)[number], readonly string[]> = {
  cases: ['caseTypeId', 'statusId', 'campaignId', 'from', 'to'],
  clients: ['from', 'to'],
  events: ['type', 'caseTypeId', 'campaignId', 'from', 'to'],
};

export const exportRunInputSchema = z
  .strictObject({
    kind: z.enum(EXPORT_KINDS),
    format: z.enum(EXPORT_FORMATS),
    filters: z
      .strictObject({
        caseTypeId: z.string().trim().min(1).optional(),
        statusId: z.string().trim().min(1).optional(),
        campaignId: z.string().trim().min(1).optional(),
        /** Event type (events only). */
        type: z.string().trim().min(1).optional(),
        /** On updatedAt (cases, clients) or receivedAt (events). */
        from: isoDateOrTime.optional(),
        to: isoDateOrTime.optional(),
      })
      .default({}),
  })
  .superRefine((input, ctx) => {
    const allowed = FILTERS_BY_KIND[input.kind];
    for (const [key, value] of Object.entries(input.filters)) {
      if (value !== undefined && !allowed.includes(key)) {
        ctx.addIssue({ code: 'custom', path: ['filters', key], message: `${input.kind} exports can't be filtered by ${key}; use ${allowed.join(', ')}` });
      }
    }
    const { from, to } = input.filters;
    if (from && to && Date.parse(from) > Date.parse(to)) ctx.addIssue({ code: 'custom', path: ['filters', 'to'], message: 'to is before from' });
  });
export type ExportRunInput = z.output<typeof exportRunInputSchema>;

export const exportFileSchema = z.object({
  fileName: z.string(),
  mimeType: z.string(),
  content: z.string(),
  rows: z.number().int().nonnegative(),
});
export type ExportFile = z.infer<typeof exportFileSchema>;

const taskRef = z.strictObject({ taskId: z.string().trim().min(1, 'taskId is required') });
const started = z.object({ taskId: z.string() });

export const transferContract = {
  imports: {
    inspect: procedure({
      input: importInspectInputSchema,
      output: importInspectionSchema,
      reads: ['import_mappings', 'case_types', 'custom_fields'],
      description: 'Read a CSV file: its columns, first rows, row count, a suggested and a remembered mapping, and the fields to map to',
      largeInput: true,
    }),
    dryRun: procedure({
      input: importRunInputSchema,
      output: importCountsSchema,
      reads: [],
      description: 'What an import would create, update, leave unchanged and reject (with reasons), writing nothing',
      largeInput: true,
    }),
    run: procedure({
      input: importRunInputSchema,
      output: started,
      reads: [],
      description: 'Start an import in the background; follow it with task.progress and read its outcome with imports.result',
      largeInput: true,
    }),
    result: procedure({
      input: taskRef,
      output: importResultSchema,
      reads: [],
      description: 'Progress or outcome of an import: counts and the first 200 rejected rows with their reasons',
    }),
    rejectedCsv: procedure({
      input: taskRef,
      output: z.object({ fileName: z.string(), csv: z.string() }),
      reads: [],
      description: 'The rejected rows of a finished import as CSV: the original columns plus a "reasons" column',
    }),
  },
  exports: {
    run: procedure({
      input: exportRunInputSchema,
      output: started,
      reads: [],
      description: 'Start exporting cases, clients or events (CSV or JSON) in the background; follow it with task.progress',
    }),
    result: procedure({
      input: taskRef,
      output: exportFileSchema,
      reads: [],
      description: 'The file of a finished export',
    }),
  },
};
