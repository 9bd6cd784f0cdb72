// The per-link, per-field decision of sync.md "Deciding": each mapped field's Kayse value and CRM value are compared
// with the snapshot of the last sync. Only one side changed → that side wins; both changed to values that differ →
// the conflict rule decides (and the caller logs the conflict); equal values → nothing (a value we pushed that comes
// back is not a change). An empty value never overwrites a filled one unless the settings say so. The mapping's
// direction is obeyed: a to_crm mapping never takes the CRM's value, a from_crm mapping never sends Kayse's.
// Pure: no database, no CRM; the pull, the initial sync and the sample record all decide through it.
import type { MappingDirection } from '../../../shared/domain/sync';
import type { SyncSettings } from '../../../shared/domain/sync-settings';

type ConflictRule = SyncSettings['conflict']['rule'];

export interface FieldInput {
  /** The Kayse field key (`case.name`, `custom.<type>.<key>`, …); the snapshot's kayseValues key. */
  kayseField: string;
  /** The CRM field id (`standard.*` too, `$status` for the status); the snapshot's crmValues key. */
  crmFieldId: string;
  direction: MappingDirection;
  /** Kayse's value now, in Kayse's terms. */
  kayse: unknown;
  /** The CRM's value now, in the CRM's terms. */
  crm: unknown;
  /** Kayse's value now as the CRM field takes it; undefined when it can't be sent (an unmatched option). */
  kayseAsCrm: unknown;
  /** The CRM's value now as the Kayse field takes it; undefined when it can't be applied. */
  crmAsKayse: unknown;
  /** When this field last changed in Kayse, where known (most_recent); else the link's `times.kayseChangedAt`. */
  kayseChangedAt?: string | null;
}

export interface DecideInput {
  fields: FieldInput[];
  /** The link's snapshot; null: never synced (every differing field is decided by the rule, none logged as a conflict). */
  snapshot: { kayseValues: Record<string, unknown>; crmValues: Record<string, unknown> } | null;
  conflict: { rule: ConflictRule; emptyOverwritesFilled: boolean };
  /** When each side last changed (most_recent); null: unknown, which loses to a known time. */
  times: { kayseChangedAt: string | null; crmChangedAt: string | null };
  /** Which ways values may go now (settings direction, Receive / Send toggles); default both. */
  allowed?: { toKayse: boolean; toCrm: boolean };
}

export type DecisionReason =
  /** Neither side changed since the snapshot. */
  | 'unchanged'
  /** Both sides hold the same value (also: what we pushed came back). */
  | 'equal'
  | 'kayse_changed'
  | 'crm_changed'
  /** Both changed to different values since the snapshot: the rule decided. */
  | 'conflict'
  /** No snapshot of this field (a new link or a new mapping) and the sides differ: the rule decided. */
  | 'first_sync'
  /** The winner's value is empty and the other side's is filled: kept. */
  | 'empty_kept'
  /** The mapping's direction (or the settings) do not let the winner's value go that way. */
  | 'direction'
  /** The winner's value has no counterpart on the other side (an option the other side doesn't have). */
  | 'unconvertible';

export interface ConflictDecision {
  rule: ConflictRule;
  winner: 'kayse' | 'crm';
  kayseValue: unknown;
  crmValue: unknown;
  kayseChangedAt: string | null;
  crmChangedAt: string | null;
}

export interface FieldDecision {
  kayseField: string;
  crmFieldId: string;
  /** to_kayse: apply `value` to the Kayse field; to_crm: send `value` to the CRM field. */
  action: 'none' | 'to_kayse' | 'to_crm';
  value?: unknown;
  reason: DecisionReason;
  /** Set when both sides changed since the snapshot (log it, whatever the action). */
  conflict?: ConflictDecision;
  /** What the snapshot holds for this field once the action is done; null: leave it as it is. */
  snapshot: { kayse: unknown; crm: unknown } | null;
}

/** Empty: nothing, null, '', or an empty list. */
export const isEmpty = (v: unknown) => v === undefined || v === null || (typeof v === 'string' && v.trim() === '') || (Array.isArray(v) && v.length === 0);

/** Same value: both empty, or equal as JSON (lists compared in order, as both sides keep them). */
export function sameValue(a: unknown, b: unknown): boolean {
  if (isEmpty(a) || isEmpty(b)) return isEmpty(a) && isEmpty(b);
  if (typeof a === 'string' && typeof b === 'string') return a.trim() === b.trim();
  return JSON.stringify(a) === JSON.stringify(b);
}

const has = (o: Record<string, unknown> | undefined, key: string) => o !== undefined && Object.prototype.hasOwnProperty.call(o, key);

/** The side the rule picks when both changed. */
function ruleWinner(rule: ConflictRule, times: DecideInput['times']): 'kayse' | 'crm' {
  if (rule === 'kayse_wins') return 'kayse';
  if (rule === 'crm_wins') return 'crm';
  const k = times.kayseChangedAt ? Date.parse(times.kayseChangedAt) : Number.NaN;
  const c = times.crmChangedAt ? Date.parse(times.crmChangedAt) : Number.NaN;
  if (Number.isNaN(c)) return 'kayse';
  if (Number.isNaN(k)) return 'crm';
  // A tie keeps Kayse's value: the change made in the console the firm is looking at.
  return c > k ? 'crm' : 'kayse';
}

export function decideField(f: FieldInput, input: DecideInput): FieldDecision {
  const base = { kayseField: f.kayseField, crmFieldId: f.crmFieldId };
  const allowed = input.allowed ?? { toKayse: true, toCrm: true };
  const none = (reason: DecisionReason, extra: Partial<FieldDecision> = {}): FieldDecision => ({ ...base, action: 'none', reason, snapshot: null, ...extra });

  // Equal values: nothing to do, and the snapshot holds them (a pushed value that came back is not a change).
  if (sameValue(f.kayseAsCrm, f.crm) || (f.crmAsKayse !== undefined && sameValue(f.kayse, f.crmAsKayse))) {
    return none('equal', { snapshot: { kayse: f.kayse, crm: f.crm } });
  }

  const snap = input.snapshot;
  const known = snap !== null && has(snap.kayseValues, f.kayseField) && has(snap.crmValues, f.crmFieldId);
  const kayseChanged = !known || !sameValue(f.kayse, snap.kayseValues[f.kayseField]);
  const crmChanged = !known || !sameValue(f.crm, snap.crmValues[f.crmFieldId]);
  if (!kayseChanged && !crmChanged) return none('unchanged');

  const times = f.kayseChangedAt === undefined ? input.times : { ...input.times, kayseChangedAt: f.kayseChangedAt };
  let winner: 'kayse' | 'crm';
  let reason: DecisionReason;
  let conflict: ConflictDecision | undefined;
  if (kayseChanged && crmChanged) {
    // The direction of the mapping settles it before any rule: the other side's value can't win.
    if (f.direction === 'to_crm') winner = 'kayse';
    else if (f.direction === 'from_crm') winner = 'crm';
    // Without a snapshot one empty side is no change of its own: the filled side wins.
    else if (!known && isEmpty(f.kayse) !== isEmpty(f.crm)) winner = isEmpty(f.kayse) ? 'crm' : 'kayse';
    else winner = ruleWinner(input.conflict.rule, times);
    reason = known ? 'conflict' : 'first_sync';
    if (known) {
      conflict = { rule: input.conflict.rule, winner, kayseValue: f.kayse, crmValue: f.crm, kayseChangedAt: times.kayseChangedAt, crmChangedAt: times.crmChangedAt };
    }
  } else {
    winner = kayseChanged ? 'kayse' : 'crm';
    reason = kayseChanged ? 'kayse_changed' : 'crm_changed';
  }
  const extra = conflict ? { conflict } : {};

  if (winner === 'crm') {
    if (f.direction === 'to_crm' || !allowed.toKayse) return none('direction', extra);
    if (f.crmAsKayse === undefined) return none('unconvertible', extra);
    if (isEmpty(f.crmAsKayse) && !isEmpty(f.kayse) && !input.conflict.emptyOverwritesFilled) return none('empty_kept', extra);
    return { ...base, action: 'to_kayse', value: f.crmAsKayse, reason, ...extra, snapshot: { kayse: f.crmAsKayse, crm: f.crm } };
  }
  if (f.direction === 'from_crm' || !allowed.toCrm) return none('direction', extra);
  if (f.kayseAsCrm === undefined) return none('unconvertible', extra);
  if (isEmpty(f.kayseAsCrm) && !isEmpty(f.crm) && !input.conflict.emptyOverwritesFilled) return none('empty_kept', extra);
  return { ...base, action: 'to_crm', value: f.kayseAsCrm, reason, ...extra, snapshot: { kayse: f.kayse, crm: f.kayseAsCrm } };
}

/** Every mapped field of one link, decided against its snapshot. */
export function decideFields(input: DecideInput): FieldDecision[] {
  return input.fields.map((f) => decideField(f, input));
}
