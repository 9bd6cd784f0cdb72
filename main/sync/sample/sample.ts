// "Test with a sample record": the dry run shows what would be sent for a Kayse case (or applied from a CRM
// record) and the CRM record before, reading only (a CRM `get`, nothing written anywhere); Apply pushes the one
// case now, whatever the schedule, and shows the CRM record after beside the one before with each changed field
// marked. The apply is recorded as a manual run.
import type Database from 'better-sqlite3';
import { CONNECTOR_NAMES, type CrmConnectorId } from '../../../shared/domain/connectors';
import type { SampleApply, SampleDryRun, SyncMappedValue } from '../../../shared/domain/sync-sample';
import { AppError } from '../../../shared/result';
import { isCrmError, type CrmConnector, type CrmRecord } from '../../connectors';
import type { Clock } from '../../kernel';
import { caseValues } from '../engine/case-values';
import type { PushEngine } from '../engine/push-engine';
import { pushCase, type PushDeps } from '../engine/push-record';
import type { RunStore } from '../engine/run-store';
import type { FieldMappings } from '../field-mappings';
import { crmField, kayseField } from '../mapped-field';
import { crmValueOf, markAgainst, planCase } from './case-plan';

export interface SampleDeps {
  sqlite: Database.Database;
  push: Pick<PushEngine, 'depsFor' | 'store'>;
  fields: FieldMappings;
  runs: RunStore;
  clock: Clock;
  /** The CRM refused the credentials: the integration pauses (auth-pause.ts). */
  authFailed(crm: CrmConnectorId, message: string): void;
}

const view = (r: CrmRecord) => ({
  id: r.id,
  caseNumber: r.caseNumber,
  caseTypeId: r.caseTypeId,
  statusId: r.statusId,
  substatuses: r.substatuses,
  firstName: r.firstName,
  lastName: r.lastName,
  phone: r.phone,
  email: r.email,
  fields: r.fields,
  modifiedAt: r.modifiedAt,
});

/** Every field of the two versions of a CRM record, the changed ones marked. */
export function diffRecords(before: CrmRecord | null, after: CrmRecord | null, label: (key: string) => string): SampleApply['fields'] {
  const keys = ['standard.first_name', 'standard.last_name', 'standard.phone', 'standard.email', '$status'];
  for (const r of [before, after]) for (const k of Object.keys(r?.fields ?? {})) if (!keys.includes(k)) keys.push(k);
  return keys.map((key) => {
    const b = before ? crmValueOf(before, key) : null;
    const a = after ? crmValueOf(after, key) : null;
    return { field: key, label: key === '$status' ? 'Status' : label(key), before: b, after: a, changed: JSON.stringify(b ?? null) !== JSON.stringify(a ?? null) };
  });
}

/** CONFLICT unless the integration is on and sends mapped values to the CRM (the toggles and the direction say how). */
export function refuseUnlessSending(crm: CrmConnectorId, push: Pick<PushDeps, 'toggles' | 'settings'>, pushes: boolean): void {
  const name = CONNECTOR_NAMES[crm];
  if (!push.toggles.enabled) throw new AppError('CONFLICT', `${name} is paused (Enable integration is off): turn it on to send records.`);
  if (!pushes) {
    const why = push.settings.direction === 'crm_to_kayse' ? 'the direction is CRM → Kayse' : 'Send, Send › mapped fields or Send mapping is off';
    throw new AppError('CONFLICT', `Nothing is sent to ${name}: ${why}. Change it in Settings to send records.`);
  }
}

export function createSample(deps: SampleDeps) {
  const linkedCase = deps.sqlite.prepare<[string, string], { case_id: string }>('SELECT case_id FROM sync_links WHERE crm = ? AND crm_record_id = ?');

  const ready = async (crm: CrmConnectorId) => {
    const r = await deps.push.depsFor(crm);
    if (!r) throw new AppError('CONFLICT', `${CONNECTOR_NAMES[crm]} is not connected: connect it in Configuration first.`);
    return r.push;
  };

  /** What a write needs beyond a read: the integration on, and sending to the CRM allowed. */
  const sending = async (crm: CrmConnectorId) => {
    const r = await deps.push.depsFor(crm);
    if (!r) throw new AppError('CONFLICT', `${CONNECTOR_NAMES[crm]} is not connected: connect it in Configuration first.`);
    refuseUnlessSending(crm, r.push, r.pushes);
    return r.push;
  };

  const read = async (connector: CrmConnector, id: string): Promise<CrmRecord> => {
    try {
      return await connector.get(id);
    } catch (error) {
      if (isCrmError(error, 'not_found')) throw new AppError('NOT_FOUND', `${CONNECTOR_NAMES[connector.id]} has no record ${id}: check the id in the CRM.`);
      throw error;
    }
  };

  /** CRM → Kayse: the values a CRM record's mapped fields would bring to its linked case. */
  const fromCrm = async (crm: CrmConnectorId, crmRecordId: string): Promise<SampleDryRun> => {
    const push = await ready(crm);
    const record = await read(push.connector, crmRecordId);
    const caseId = linkedCase.get(crm, crmRecordId)?.case_id ?? null;
    const kase = caseId ? (push.getCase(caseId) ?? null) : null;
    const mappings = deps.fields.effective(crm, record.caseTypeId ?? '').used.filter((m) => m.direction !== 'to_crm');
    const client = kase?.clientIds[0] ? (push.getClient(kase.clientIds[0]) ?? null) : null;
    const kayse = kase ? caseValues({ record: kase, client, caseTypes: push.caseTypes, catalog: push.catalog, mappings, statuses: null }).kayse : {};
    const values: SyncMappedValue[] = mappings.map((m) => {
      const value = crmValueOf(record, m.crmFieldId);
      return {
        kayseField: m.kayseField,
        kayseLabel: kayseField(m.kayseField, push.caseTypes)?.label ?? m.kayseField,
        kayseValue: kayse[m.kayseField] ?? null,
        crmFieldId: m.crmFieldId,
        crmFieldName: crmField(m.crmFieldId, push.catalog)?.label ?? m.crmFieldName,
        value,
        crmValue: value,
        differs: JSON.stringify(kayse[m.kayseField] ?? null) !== JSON.stringify(value ?? null),
      };
    });
    return { crm, direction: 'from_crm', caseId, caseName: kase?.name ?? null, crmRecordId, operation: kase ? 'apply' : 'skip', skipReason: kase ? null : 'No Kayse case is linked to this CRM record yet (the initial sync or the pull links it).', values, crmBefore: view(record) };
  };

  return {
    /** What would be sent or applied, and the CRM record before; writes nothing. */
    async dryRun(input: { crm: CrmConnectorId; caseId?: string | undefined; crmRecordId?: string | undefined }): Promise<SampleDryRun> {
      if (input.crmRecordId) return fromCrm(input.crm, input.crmRecordId);
      const push = await ready(input.crm);
      const plan = planCase(push, input.caseId!);
      if (!plan) throw new AppError('NOT_FOUND', `No Kayse case ${input.caseId}.`);
      const before = plan.crmRecordId ? await read(push.connector, plan.crmRecordId) : null;
      return {
        crm: input.crm,
        direction: 'to_crm',
        caseId: plan.caseId,
        caseName: plan.caseName,
        crmRecordId: plan.crmRecordId,
        operation: plan.operation,
        skipReason: plan.skipReason,
        values: before ? markAgainst(plan.values, before) : plan.values,
        crmBefore: before ? view(before) : null,
      };
    },
    /** Pushes the case now and shows the CRM record before and after, the changed fields marked. */
    async apply(input: { crm: CrmConnectorId; caseId?: string | undefined; crmRecordId?: string | undefined }): Promise<SampleApply> {
      if (!input.caseId) throw new AppError('INVALID_INPUT', 'Apply takes a Kayse case (caseId); a CRM record’s values come into Kayse with the pull: use Sync now.');
      const { crm, caseId } = input;
      const push = await sending(crm);
      if (!push.getCase(caseId)) throw new AppError('NOT_FOUND', `No Kayse case ${caseId}.`);
      const startedAt = deps.clock.now().toISOString();
      const linkBefore = deps.push.store.link(crm, caseId);
      const before = linkBefore ? await read(push.connector, linkBefore.crmRecordId) : null;
      const outcome = await pushCase(push, caseId);
      if (typeof outcome === 'object' && outcome.auth !== undefined) deps.authFailed(crm, outcome.auth);
      const linkAfter = deps.push.store.link(crm, caseId);
      const after = linkAfter ? await read(push.connector, linkAfter.crmRecordId) : null;
      const error = deps.push.store.error(crm, caseId);
      const word = typeof outcome === 'object' ? 'waiting' : outcome;
      const counts = word === 'created' || word === 'updated' ? { read: 1, pushed: 1, [word]: 1 } : word === 'failed' ? { read: 1, errors: 1 } : { read: 1, ...(word === 'waiting' ? {} : { [word]: 1 }) };
      deps.runs.record({ crm, trigger: 'manual', direction: 'to_crm', startedAt, finishedAt: deps.clock.now().toISOString(), counts, errorSummary: error?.message ?? null });
      const label = (key: string) => crmField(key, push.catalog)?.label ?? key;
      return {
        crm,
        caseId,
        crmRecordId: linkAfter?.crmRecordId ?? null,
        outcome: word,
        error: word === 'failed' ? (error?.message ?? null) : word === 'waiting' ? 'The CRM asked to wait (rate limit) or refused the credentials; the case goes with the next run.' : null,
        crmBefore: before ? view(before) : null,
        crmAfter: after ? view(after) : null,
        fields: diffRecords(before, after, label),
      };
    },
  };
}

export type Sample = ReturnType<typeof createSample>;
