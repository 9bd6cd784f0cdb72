// What the initial sync decides for each record, shared by the match preview (which only counts) and the run
// (which writes): a CRM record links to the one Kayse case it matches, is created in Kayse, is ambiguous, or is left
// out (direction, Receive off, selective sync, no Kayse case type); a Kayse case no CRM record matched is created in
// the CRM by the push's create path, or is left out (direction, Send off, selective sync, no CRM case type).
import type { CaseType } from '../../../shared/domain/workspace';
import type { MatchKey } from '../../../shared/domain/sync-initial';
import type { CrmRecord } from '../../connectors';
import type { FieldMappings } from '../field-mappings';
import { crmCaseTypeFor, type PushDeps } from '../engine/push-record';
import { kayseCreateFor, type CreateContext, type KayseCreate } from './crm-to-kayse';
import type { KayseEntry, KayseIndex } from './kayse-index';

export interface InitialRules {
  push: PushDeps;
  /** Kayse → CRM is on (direction, Send, Send mapping): Kayse-only cases are created in the CRM. */
  sends: boolean;
  /** CRM → Kayse is on (direction, Receive): CRM-only records are created in Kayse. */
  receives: boolean;
  create: CreateContext;
}

export function initialRules(push: PushDeps, pushes: boolean, fields: FieldMappings): InitialRules {
  const inbound = new Map<string, ReturnType<CreateContext['inboundMappingsFor']>>();
  return {
    push,
    sends: pushes,
    receives: push.toggles.receive && push.settings.direction !== 'kayse_to_crm',
    create: {
      crm: push.crm,
      catalog: push.catalog,
      caseTypes: push.caseTypes,
      overrideScopes: push.overrideScopes,
      statusSetOf: (kayseCaseTypeId) => (push.toggles.syncStatuses ? (push.statusSets.find((s) => s.kayseCaseTypeId === kayseCaseTypeId) ?? null) : null),
      inboundMappingsFor(crmCaseTypeId) {
        if (!inbound.has(crmCaseTypeId)) inbound.set(crmCaseTypeId, fields.effective(push.crm, crmCaseTypeId).used.filter((m) => m.direction !== 'to_crm'));
        return inbound.get(crmCaseTypeId)!;
      },
    },
  };
}

/** The selective sync's filters (an empty list lets everything through). */
export function passesSelective(rules: InitialRules, caseTypeId: string, statusId: string): boolean {
  const s = rules.push.settings.selective;
  if (s.recordKinds.length > 0 && !s.recordKinds.includes('cases')) return false;
  if (s.caseTypeIds.length > 0 && !s.caseTypeIds.includes(caseTypeId)) return false;
  if (s.statusIds.length > 0 && !s.statusIds.includes(statusId)) return false;
  return true;
}

export type CrmDecision =
  | { kind: 'alreadyLinked'; caseId: string; key: 'link' | 'externalId' }
  | { kind: 'link'; caseId: string; key: Exclude<MatchKey, 'link' | 'externalId'> }
  | { kind: 'ambiguous'; key: Exclude<MatchKey, 'link'>; candidates: KayseEntry[] }
  | { kind: 'createInKayse'; create: Extract<KayseCreate, { client: unknown }> }
  | { kind: 'skipped' }
  | { kind: 'noCaseType' };

export function decideCrmRecord(record: CrmRecord, index: KayseIndex, rules: InitialRules): CrmDecision {
  const match = index.match(record);
  if (match.kind === 'linked') return { kind: 'alreadyLinked', caseId: match.caseId, key: 'link' };
  if (match.kind === 'link') {
    // A case this console created from this very record (its external id): linking it is bookkeeping, not a match.
    if (match.key === 'externalId') return { kind: 'alreadyLinked', caseId: match.caseId, key: 'externalId' };
    return { kind: 'link', caseId: match.caseId, key: match.key };
  }
  if (match.kind === 'ambiguous') return match;
  if (!rules.receives) return { kind: 'skipped' };
  const create = kayseCreateFor(record, rules.create);
  if ('problem' in create) return { kind: 'noCaseType' };
  if (!passesSelective(rules, create.caseType.id, create.statusId)) return { kind: 'skipped' };
  return { kind: 'createInKayse', create };
}

export type KayseDecision = 'createInCrm' | 'skipped' | 'noCaseType';

/** A Kayse case no CRM record matched (neither linked nor held back as an ambiguous candidate). */
export function decideKayseCase(entry: Pick<KayseEntry, 'caseTypeId' | 'statusId'>, rules: InitialRules): KayseDecision {
  if (!rules.sends || !passesSelective(rules, entry.caseTypeId, entry.statusId)) return 'skipped';
  const type: CaseType | undefined = rules.push.caseTypes.find((t) => t.id === entry.caseTypeId);
  return type && crmCaseTypeFor(type, rules.push.catalog, rules.push.overrideScopes) ? 'createInCrm' : 'noCaseType';
}
