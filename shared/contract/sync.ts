// The sync engine's foundation through the contract: field mappings (a default set and overrides per CRM case
// type, each mapping marked missing against the stored catalog), status mappings per Kayse case type with the
// derived reverse, auto-map proposals, the sync settings of each integration (the toggles are crm.updateToggles),
// and the Kayse → CRM push's status with "Retry now".
import { procedure } from '../rpc';
import {
  effectiveMappingsInputSchema,
  effectiveMappingsSchema,
  fieldMappingSetSchema,
  fieldMappingsViewSchema,
  fieldProposalsSchema,
  saveFieldMappingsInputSchema,
  saveStatusMappingsInputSchema,
  statusMappingSetSchema,
  statusMappingsViewSchema,
  suggestFieldMappingsInputSchema,
  syncCrmInput,
} from '../domain/sync';
import { pushStatusSchema, retryRecordInputSchema } from '../domain/sync-push';
import { initialJobSchema, initialPreviewSchema, initialStatusSchema } from '../domain/sync-initial';
import { syncSettingsSchema, syncSettingsUpdateSchema } from '../domain/sync-settings';
import type { TableName } from '../domain/tables';
import { conflictListSchema, conflictsInputSchema } from '../domain/sync-pull';
import { applyAllStatusSchema, applyAllTaskSchema, syncNowInputSchema, syncRunSchema, syncRunsInputSchema, syncRunsPageSchema } from '../domain/sync-runs';
import { errorDetailInputSchema, errorDetailSchema, monitoringInputSchema, syncMonitoringSchema, syncPauseStateSchema } from '../domain/sync-monitoring';
import { sampleApplySchema, sampleDryRunSchema, sampleInputSchema } from '../domain/sync-sample';
import { caseLinksInputSchema, caseLinksSchema, recordErrorsInputSchema, recordErrorsSchema } from '../domain/sync-case-links';

const catalogTables: TableName[] = ['crm_catalogs', 'crm_field_sheets', 'case_types', 'case_statuses', 'custom_fields'];

export const syncContract = {
  sync: {
    fieldMappings: procedure({
      input: syncCrmInput,
      output: fieldMappingsViewSchema,
      reads: ['sync_field_mappings', ...catalogTables],
      description: 'Every field mapping set of a CRM (the default set, then overrides per CRM case type), each mapping marked missing or not',
    }),
    saveFieldMappings: procedure({
      input: saveFieldMappingsInputSchema,
      output: fieldMappingSetSchema,
      reads: [],
      description: 'Replaces one set after checking every pair (types, options, the catalog); starts nothing else',
    }),
    effectiveFieldMappings: procedure({
      input: effectiveMappingsInputSchema,
      output: effectiveMappingsSchema,
      reads: ['sync_field_mappings', ...catalogTables],
      description: 'The mappings a record of one CRM case type syncs with, and those that would apply but are missing',
    }),
    suggestFieldMappings: procedure({
      input: suggestFieldMappingsInputSchema,
      output: fieldProposalsSchema,
      reads: ['sync_field_mappings', ...catalogTables],
      description: 'Auto-map: proposals by name and type (UDF short names first) to accept with saveFieldMappings; saves nothing',
    }),
    statusMappings: procedure({
      input: syncCrmInput,
      output: statusMappingsViewSchema,
      reads: ['sync_status_mappings', ...catalogTables],
      description: 'The status mappings of each Kayse case type, with the derived reverse direction',
    }),
    saveStatusMappings: procedure({
      input: saveStatusMappingsInputSchema,
      output: statusMappingSetSchema,
      reads: [],
      description: "Replaces one Kayse case type's status mappings; a CRM status shared by several Kayse statuses needs the reverse choice",
    }),
    settings: procedure({
      input: syncCrmInput,
      output: syncSettingsSchema,
      reads: ['sync_settings', 'company'],
      description: 'Direction, frequency, conflict rule and selective sync of a CRM integration (defaults until changed)',
    }),
    updateSettings: procedure({
      input: syncSettingsUpdateSchema,
      output: syncSettingsSchema,
      reads: [],
      description: 'Changes the sync settings given and keeps the others',
    }),
    status: procedure({
      input: syncCrmInput,
      output: pushStatusSchema,
      reads: ['sync_outbound_cursors', 'record_changes', 'sync_links', 'sync_snapshots', 'sync_record_errors'],
      description: 'Kayse → CRM: changes waiting, the last push, linked records and each record’s error with the CRM’s answer',
    }),
    retryRecord: procedure({
      input: retryRecordInputSchema,
      output: pushStatusSchema,
      reads: [],
      description: '"Retry now" for one record’s error: Kayse → CRM is sent again at once; CRM → Kayse is read from the CRM and applied at once (the error cleared, or kept with the answer)',
    }),
    runs: procedure({
      input: syncRunsInputSchema,
      output: syncRunsPageSchema,
      reads: ['sync_runs'],
      description: 'The runs of an integration, newest first, a page at a time: trigger, times, counts, outcome, error summary',
    }),
    syncNow: procedure({
      input: syncNowInputSchema,
      output: syncRunSchema,
      reads: [],
      description: '"Sync now": one run of both directions at once, whatever the frequency; answers with the run once written',
    }),
    monitoring: procedure({
      input: monitoringInputSchema,
      output: syncMonitoringSchema,
      reads: ['sync_runs', 'sync_links', 'sync_snapshots', 'sync_record_errors', 'sync_outbound_cursors', 'record_changes', 'sync_pauses', 'crm_inbound_events', 'rate_limits'],
      description: 'Monitoring of an integration: last sync, records synced, open errors, pending, recent runs, and chart data (records per run by outcome over 24 h, 7 or 30 days)',
    }),
    pause: procedure({
      input: syncCrmInput,
      output: syncPauseStateSchema,
      reads: ['sync_pauses'],
      description: 'Whether the sync of an integration is paused because the CRM refused the credentials: the reason, what to do, since when; null when not',
    }),
    errorDetail: procedure({
      input: errorDetailInputSchema,
      output: errorDetailSchema,
      reads: ['sync_record_errors', 'sync_snapshots', 'sync_links', 'sync_field_mappings', 'sync_status_mappings', 'cases', 'clients'],
      description: 'One record’s error: the CRM’s answer, the request the next attempt sends, and the record’s mapped values',
    }),
    sampleDryRun: procedure({
      input: sampleInputSchema,
      output: sampleDryRunSchema,
      reads: [],
      description: 'Test with a sample record: the mapped values a Kayse case would send (or a CRM record would apply) and the CRM record before; writes nothing',
    }),
    sampleApply: procedure({
      input: sampleInputSchema,
      output: sampleApplySchema,
      reads: [],
      description: 'Test with a sample record, Apply: pushes the case now; the CRM record before and after, each changed field marked',
    }),
    applyAll: procedure({
      input: syncNowInputSchema,
      output: applyAllTaskSchema,
      reads: [],
      description: 'Apply to all records: every linked case is sent again with the mappings as they are now, as a task (task.progress; or the one running)',
    }),
    applyAllCancel: procedure({
      input: syncNowInputSchema,
      output: applyAllTaskSchema,
      reads: [],
      description: 'Stops Apply to all records after the record on its way; what it sent stays',
    }),
    applyAllStatus: procedure({
      input: syncNowInputSchema,
      output: applyAllStatusSchema,
      reads: ['sync_runs'],
      description: 'The Apply to all records task running for an integration, if one is',
    }),
    initialPreview: procedure({
      input: syncCrmInput,
      output: initialPreviewSchema,
      reads: [],
      description: 'Initial sync, before anything is written: how many CRM records would link (by which key), be created on each side, or are ambiguous (listed); writes nothing',
    }),
    initialStart: procedure({
      input: syncCrmInput,
      output: initialJobSchema,
      reads: [],
      description: 'Starts the initial sync as a task (task.progress; or returns the one running): paged, checkpointed after every page, resumed after a crash',
    }),
    initialCancel: procedure({
      input: syncCrmInput,
      output: initialStatusSchema,
      reads: [],
      description: 'Stops the initial sync after the page under way; what it synced stays',
    }),
    initialStatus: procedure({
      input: syncCrmInput,
      output: initialStatusSchema,
      reads: ['sync_initial_jobs'],
      description: 'The latest initial sync of a CRM: state, phase, pages, counts and the ambiguous records',
    }),
    conflicts: procedure({
      input: conflictsInputSchema,
      output: conflictListSchema,
      reads: ['sync_conflicts'],
      description: 'The conflict log, newest first: each field both sides changed since the last sync, both values, the rule that decided, the winner and what was done',
    }),
    linksOfCase: procedure({
      input: caseLinksInputSchema,
      output: caseLinksSchema,
      reads: ['sync_links', 'sync_snapshots', 'sync_record_errors'],
      description: "A Kayse case's CRM links: each CRM with its record id, when it last synced, and the record's open error",
    }),
    recordErrors: procedure({
      input: recordErrorsInputSchema,
      output: recordErrorsSchema,
      reads: ['sync_record_errors', 'sync_links'],
      description: 'The open record errors of an integration in both directions, newest first (each inspectable with errorDetail)',
    }),
  },
};
