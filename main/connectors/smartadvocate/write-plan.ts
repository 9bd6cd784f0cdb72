// An update (or what a create sets after CreateCase) as SmartAdvocate's separate writes: the primary contact
// (JSON Patch), the status, one write per secondary status type, the UDF values. Everything is checked before
// the first write is sent, so a value SmartAdvocate can't take is `rejected` with nothing half applied.
// Substatuses: each one given sets its type's status (at most one per type, replacing the one it held); types
// not given keep theirs, so another system's (a dialer's "Dialer Status") are never cleared by a sync.
import type { CrmChanges } from '../crm/types';
import type { AssumedEndpoints } from './assumed-endpoints';
import { saError } from './read-answer';
import type { ReferenceData } from './reference-data';
import { toWireValue } from './translate';
import type { WireUdfValue } from './wire-assumed';
import type { JsonPatchOperation } from './wire-public';

export interface WritePlan {
  contact: JsonPatchOperation[];
  statusID: number | null;
  secondary: { statusTypeID: number; statusID: number }[];
  udfs: { udfID: number; value: WireUdfValue }[];
}

const CONTACT_PROPERTIES = ['firstName', 'lastName', 'phone', 'email'] as const;

/** A numeric SmartAdvocate id, or `rejected` naming `field`. */
export function parseId(text: string, field: string, operation: string): number {
  const n = /^\d{1,15}$/.test(text.trim()) ? Number(text.trim()) : NaN;
  if (!Number.isSafeInteger(n) || n <= 0) {
    throw saError({ kind: 'rejected', operation, field, crmMessage: `"${text}" is not a SmartAdvocate id` }, `SmartAdvocate ids are numbers: "${text}" is not one (${field}).`);
  }
  return n;
}

export async function planWrites(changes: CrmChanges, refs: ReferenceData, operation: string): Promise<WritePlan> {
  const contact: JsonPatchOperation[] = [];
  for (const property of CONTACT_PROPERTIES) {
    const value = changes[property];
    if (value !== undefined) contact.push({ op: 'replace', path: `/${property}`, value });
  }
  const statusID = changes.statusId === undefined ? null : parseId(changes.statusId, 'Status', operation);
  return { contact, statusID, secondary: await planSecondary(changes, refs, operation), udfs: await planUdfs(changes, refs, operation) };
}

async function planSecondary(changes: CrmChanges, refs: ReferenceData, operation: string): Promise<WritePlan['secondary']> {
  const given = changes.substatuses ?? [];
  if (given.length === 0) return [];
  const seen = new Set<number>();
  const planned = given.map((s) => {
    const statusTypeID = parseId(s.typeId, 'Secondary status type', operation);
    if (seen.has(statusTypeID)) {
      throw saError(
        { kind: 'rejected', operation, field: 'Secondary statuses', crmMessage: `secondary status type ${statusTypeID} given twice` },
        `A SmartAdvocate case holds at most one status of each secondary status type; type ${statusTypeID} was given twice.`,
      );
    }
    seen.add(statusTypeID);
    return { statusTypeID, statusID: parseId(s.statusId, 'Secondary status', operation) };
  });
  let index = await refs.substatuses();
  if (planned.some((p) => index.typeOfStatus.get(p.statusID) !== p.statusTypeID)) index = await refs.substatusesAfterMiss();
  for (const p of planned) {
    const type = index.types.find((t) => t.statusTypeID === p.statusTypeID);
    if (!type) {
      throw saError(
        { kind: 'rejected', operation, field: 'Secondary status type', crmMessage: `no secondary status type ${p.statusTypeID}` },
        `SmartAdvocate has no secondary status type ${p.statusTypeID} (deleted, or not visible to the integration user).`,
      );
    }
    if (index.typeOfStatus.get(p.statusID) !== p.statusTypeID) {
      throw saError(
        { kind: 'rejected', operation, field: type.statusTypeName, crmMessage: `status ${p.statusID} is not a "${type.statusTypeName}" status` },
        `Status ${p.statusID} is not one of SmartAdvocate's "${type.statusTypeName}" statuses.`,
      );
    }
  }
  return planned;
}

async function planUdfs(changes: CrmChanges, refs: ReferenceData, operation: string): Promise<WritePlan['udfs']> {
  const entries = Object.entries(changes.fields ?? {});
  if (entries.length === 0) return [];
  const ids = entries.map(([fieldId]) => parseId(fieldId, `UDF ${fieldId}`, operation));
  let udfs = await refs.udfs();
  if (ids.some((id) => !udfs.has(id))) udfs = await refs.udfsAfterMiss();
  return entries.map(([fieldId, value], i) => {
    const udf = udfs.get(ids[i]!);
    if (!udf) {
      throw saError(
        { kind: 'rejected', operation, field: `UDF ${fieldId}`, crmMessage: `no UDF ${fieldId}` },
        `SmartAdvocate has no UDF ${fieldId} any more (deleted or renamed away): refresh the CRM fields and fix its mapping.`,
      );
    }
    return { udfID: udf.udfID, value: toWireValue(udf, value, operation) };
  });
}

export const isEmptyPlan = (plan: WritePlan) => plan.contact.length === 0 && plan.statusID === null && plan.secondary.length === 0 && plan.udfs.length === 0;

/** Sends the plan's writes to case `caseID`; `contactID` is asked for only when the contact changes. */
export async function applyPlan(api: AssumedEndpoints, caseID: number, plan: WritePlan, contactID: (() => Promise<number>) | null): Promise<void> {
  if (plan.contact.length > 0) {
    if (!contactID) throw new Error('applyPlan: a contact change needs the contact id');
    await api.patchContact(await contactID(), plan.contact);
  }
  if (plan.statusID !== null) await api.setStatus(caseID, plan.statusID);
  for (const s of plan.secondary) await api.setSecondaryStatus(caseID, s.statusTypeID, s.statusID);
  if (plan.udfs.length > 0) await api.setUdfValues(caseID, plan.udfs);
}
