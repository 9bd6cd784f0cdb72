// The Sync settings form's draft: the saved settings as form values, the update holding only what changed, and the
// plain lines that say what a save changed. Empty selective lists mean "all" in the core; the form shows every
// record kind ticked then, and sends [] again when all are ticked. The CRM rate limit is either unknown or a number
// typed by the admin, checked with the core's schema (a whole number 1–1000) so the field can say so at once.
import { MAX_RATE_LIMIT, RECORD_KINDS, rateLimitSchema, type SyncSettings, type SyncSettingsUpdate } from '../../../../../shared/domain/sync-settings';

type RecordKind = (typeof RECORD_KINDS)[number];
type Direction = SyncSettings['direction'];
type Rule = SyncSettings['conflict']['rule'];
type FrequencyKind = SyncSettings['frequency']['kind'];

export interface SettingsDraft {
  direction: Direction;
  frequency: FrequencyKind;
  /** HH:MM in the company's timezone; kept while another frequency is chosen. */
  dailyAt: string;
  rule: Rule;
  emptyOverwritesFilled: boolean;
  recordKinds: RecordKind[];
  caseTypeIds: string[];
  statusIds: string[];
  /** false: unknown (the CRM's default, learnt from its 429s). */
  rateLimitKnown: boolean;
  /** As typed (NumberInput gives '' when empty); kept while Unknown is chosen. */
  requestsPerSecond: number | string;
}

export function directionWords(crm: string): Record<Direction, string> {
  return { kayse_to_crm: `Kayse → ${crm}`, crm_to_kayse: `${crm} → Kayse`, both: 'Both ways' };
}
export const FREQUENCY_WORDS: Record<FrequencyKind, string> = { real_time: 'Real time', hourly: 'Hourly', daily: 'Daily' };
export function ruleWords(crm: string): Record<Rule, string> {
  return { kayse_wins: 'Kayse wins', crm_wins: `${crm} wins`, most_recent: 'Most recent change wins' };
}
export const KIND_WORDS: Record<RecordKind, string> = { cases: 'Cases', clients: 'Clients', notes: 'Notes' };

export function draftOf(s: SyncSettings): SettingsDraft {
  return {
    direction: s.direction,
    frequency: s.frequency.kind,
    dailyAt: s.frequency.kind === 'daily' ? s.frequency.at : '02:00',
    rule: s.conflict.rule,
    emptyOverwritesFilled: s.conflict.emptyOverwritesFilled,
    recordKinds: s.selective.recordKinds.length === 0 ? [...RECORD_KINDS] : s.selective.recordKinds,
    caseTypeIds: s.selective.caseTypeIds,
    statusIds: s.selective.statusIds,
    rateLimitKnown: s.rateLimit !== null,
    requestsPerSecond: s.rateLimit?.requestsPerSecond ?? '',
  };
}

/** Why the typed rate limit can't be saved, or null when it can (or Unknown is chosen). */
export function rateLimitProblem(d: Pick<SettingsDraft, 'rateLimitKnown' | 'requestsPerSecond'>): string | null {
  if (!d.rateLimitKnown) return null;
  const n = typeof d.requestsPerSecond === 'number' ? d.requestsPerSecond : Number(d.requestsPerSecond.trim() || NaN);
  // The core's own rule (a whole number 1–MAX_RATE_LIMIT), said here in the form's words.
  if (rateLimitSchema.safeParse({ requestsPerSecond: n }).success) return null;
  return `Enter a whole number of requests per second from 1 to ${MAX_RATE_LIMIT}, or choose Unknown.`;
}

const rateOf = (d: SettingsDraft) => (d.rateLimitKnown ? Number(d.requestsPerSecond) : null);
/** The rate limit as the admin sees it: null for unknown, else the text typed. */
const rateKey = (d: SettingsDraft) => (d.rateLimitKnown ? String(d.requestsPerSecond).trim() : null);

const sameSet = (a: string[], b: string[]) => a.length === b.length && a.every((x) => b.includes(x));
const kindsOf = (kinds: RecordKind[]) => (kinds.length === RECORD_KINDS.length ? [] : RECORD_KINDS.filter((k) => kinds.includes(k)));

/** What the form would change, or a message when it can't be saved as it is. */
export function updateOf(crm: SyncSettings['crm'], saved: SettingsDraft, d: SettingsDraft): { update: SyncSettingsUpdate } | { problem: string } {
  if (d.recordKinds.length === 0) return { problem: 'Tick at least one record kind (all ticked syncs every kind).' };
  if (d.frequency === 'daily' && !/^([01]\d|2[0-3]):[0-5]\d$/.test(d.dailyAt)) return { problem: 'Enter the daily time as HH:MM (24-hour), e.g. 02:30.' };
  const rateProblem = rateLimitProblem(d);
  if (rateProblem) return { problem: rateProblem };
  const update: SyncSettingsUpdate = { crm };
  if (d.direction !== saved.direction) update.direction = d.direction;
  if (d.frequency !== saved.frequency || (d.frequency === 'daily' && d.dailyAt !== saved.dailyAt)) {
    update.frequency = d.frequency === 'daily' ? { kind: 'daily', at: d.dailyAt } : { kind: d.frequency };
  }
  if (d.rule !== saved.rule || d.emptyOverwritesFilled !== saved.emptyOverwritesFilled) update.conflict = { rule: d.rule, emptyOverwritesFilled: d.emptyOverwritesFilled };
  if (!sameSet(d.recordKinds, saved.recordKinds) || !sameSet(d.caseTypeIds, saved.caseTypeIds) || !sameSet(d.statusIds, saved.statusIds)) {
    update.selective = { recordKinds: kindsOf(d.recordKinds), caseTypeIds: d.caseTypeIds, statusIds: d.statusIds };
  }
  const rate = rateOf(d);
  if (rate !== rateOf(saved)) update.rateLimit = rate === null ? null : { requestsPerSecond: rate };
  return { update };
}

interface Names {
  crm: string;
  timezone: string;
  caseType: (id: string) => string;
  status: (id: string) => string;
}

const listOf = (ids: string[], name: (id: string) => string, all: string) => (ids.length === 0 ? all : ids.map(name).join(', '));

/** One line per setting a save changes, e.g. "Frequency: daily at 02:30 (America/Chicago)". */
export function changesOf(saved: SettingsDraft, d: SettingsDraft, names: Names): string[] {
  const lines: string[] = [];
  if (d.direction !== saved.direction) lines.push(`Direction: ${directionWords(names.crm)[d.direction]}`);
  if (d.frequency !== saved.frequency || (d.frequency === 'daily' && d.dailyAt !== saved.dailyAt)) {
    lines.push(`Frequency: ${d.frequency === 'daily' ? `daily at ${d.dailyAt} (${names.timezone})` : FREQUENCY_WORDS[d.frequency].toLowerCase()}`);
  }
  if (d.rule !== saved.rule) lines.push(`Conflicts: ${ruleWords(names.crm)[d.rule]}`);
  if (d.emptyOverwritesFilled !== saved.emptyOverwritesFilled) lines.push(`Empty values ${d.emptyOverwritesFilled ? 'now clear' : 'no longer clear'} filled ones`);
  if (!sameSet(d.recordKinds, saved.recordKinds)) lines.push(`Record kinds: ${kindsOf(d.recordKinds).length === 0 ? 'all' : d.recordKinds.map((k) => KIND_WORDS[k]).join(', ')}`);
  if (!sameSet(d.caseTypeIds, saved.caseTypeIds)) lines.push(`Case types: ${listOf(d.caseTypeIds, names.caseType, 'all')}`);
  if (!sameSet(d.statusIds, saved.statusIds)) lines.push(`Statuses: ${listOf(d.statusIds, names.status, 'all')}`);
  if (rateKey(d) !== rateKey(saved)) {
    lines.push(`CRM rate limit: ${d.rateLimitKnown ? `${rateKey(d) || '(none)'} requests per second` : `unknown (learnt from ${names.crm}'s answers)`}`);
  }
  return lines;
}
