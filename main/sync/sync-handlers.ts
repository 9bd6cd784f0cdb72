// Handlers of the `sync.*` procedures: thin, the rules are in the services.
import type { syncContract } from '../../shared/contract/sync';
import type { Handlers } from '../../shared/rpc';
import type { Sync } from './create-sync';

export interface SyncHandlerDeps {
  sync: Sync;
}

export function syncHandlers({ sync }: SyncHandlerDeps): Handlers<typeof syncContract> {
  return {
    sync: {
      fieldMappings: ({ crm }) => sync.fields.list(crm),
      saveFieldMappings: (input) => sync.fields.save(input),
      effectiveFieldMappings: ({ crm, crmCaseTypeId }) => sync.fields.effective(crm, crmCaseTypeId),
      suggestFieldMappings: ({ crm, crmCaseTypeId, kayseCaseTypeId }) => sync.suggest(crm, crmCaseTypeId, kayseCaseTypeId ?? null),
      statusMappings: ({ crm }) => sync.statuses.list(crm),
      saveStatusMappings: (input) => sync.statuses.save(input),
      settings: ({ crm }) => sync.settings.get(crm),
      updateSettings: (input) => sync.settings.update(input),
      status: ({ crm }) => sync.pushStatus(crm),
      retryRecord: async ({ crm, caseId, direction }) => {
        await sync.retryRecord(crm, caseId, direction);
        return sync.pushStatus(crm);
      },
      runs: ({ crm, before, limit }) => sync.runs.store.page(crm, before, limit),
      syncNow: ({ crm }) => sync.runs.syncNow(crm),
      monitoring: ({ crm, range }) => sync.monitoring.monitoring(crm, range),
      pause: ({ crm }) => ({ crm, paused: sync.runs.pauses.pauseOf(crm) }),
      errorDetail: ({ crm, caseId, direction }) => sync.monitoring.errorDetail(crm, caseId, direction),
      sampleDryRun: (input) => sync.sample.dryRun(input),
      sampleApply: (input) => sync.sample.apply(input),
      applyAll: ({ crm }) => sync.applyAll.start(crm),
      applyAllCancel: ({ crm }) => sync.applyAll.cancel(crm),
      applyAllStatus: ({ crm }) => ({ crm, task: sync.applyAll.status(crm) }),
      conflicts: ({ crm, limit }) => sync.pull.conflicts.list(crm, limit),
      initialPreview: ({ crm }) => sync.initial.preview(crm),
      initialStart: ({ crm }) => sync.initial.start(crm),
      initialCancel: async ({ crm }) => ({ crm, job: await sync.initial.cancel(crm) }),
      initialStatus: ({ crm }) => ({ crm, job: sync.initial.status(crm) }),
      linksOfCase: ({ caseId }) => sync.caseLinks.ofCase(caseId),
      recordErrors: ({ crm }) => sync.recordErrors.list(crm),
    },
  };
}
