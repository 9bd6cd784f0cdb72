// The console's own CRM writes of a case that are on their way or have just landed, before the snapshot holds them.
// An update is sent first and the snapshot written only once it has returned (a CRM call never runs inside a
// transaction), so for that while the CRM record holds a value the snapshot doesn't: read then (by a pull pass, a
// webhook, or the same update decided again because Kayse changed meanwhile) it looks like a CRM change, and with
// Kayse changed again too the conflict rule may write our own older value back over Kayse's newer one (most_recent:
// the CRM's modified time of our write is later). Such a value is an echo, not a CRM change: deciding treats the
// snapshot's CRM value as that value, so only Kayse's side counts as changed.
//
// Why a registry of sent values rather than serializing push and pull per case: it costs the real-time path nothing
// (no update ever waits for a pull's read, nor a pull for a slow update), holds no lock that a stuck CRM call could
// keep, and also covers the push deciding its own update again after a stale read. It is only memory about calls
// this process has open: a crash ends those calls, and the snapshot then decides as before.
// Keyed by CRM and Kayse case id (ids are random, so one process with several databases — tests — never mixes them).
import type { CrmConnectorId } from '../../../shared/domain/connectors';
import { sameValue } from './decide';

type Sent = Record<string, unknown>;

const held = new Map<string, Set<Sent>>();
const keyOf = (crm: CrmConnectorId, caseId: string) => `${crm}\u0000${caseId}`;

// Reads of CRM records that may be applied later (a listing page applied record by record, a record read before it
// is decided). A write of ours that lands after such a read and before its apply leaves the snapshot holding our
// value while the copy read holds the older one: decided on that copy, the older value looks like a CRM change and
// would be written back over Kayse's. So each landing is stamped with a tick while any read is open, and an apply
// whose read is older than the case's last landing reads the record again (pull-apply.ts). Only reads still open
// need the stamps: the map is emptied when none is, and trimmed to the oldest open read.
let tick = 0;
const openReads = new Set<number>();
/** Case key → tick of our last write to its CRM record that landed while a read was open (in tick order). */
const landed = new Map<string, number>();

export interface ReadMark {
  /** Whether a write of ours to the case's CRM record landed after this read began (the copy read may predate it). */
  landedSince(crm: CrmConnectorId, caseId: string): boolean;
  /** The records read are applied: stamps only it needed are dropped. */
  close(): void;
}

/** Marks the start of a read of CRM records; call before the request, and `close` once they are applied. */
export function markRead(): ReadMark {
  const mark = ++tick;
  openReads.add(mark);
  return {
    landedSince: (crm, caseId) => (landed.get(keyOf(crm, caseId)) ?? 0) > mark,
    close() {
      openReads.delete(mark);
      if (openReads.size === 0) return landed.clear();
      const oldest = Math.min(...openReads);
      for (const [key, at] of landed) {
        if (at > oldest) break;
        landed.delete(key);
      }
    },
  };
}

export interface SentHold {
  /** Values (CRM field id → value in the CRM's terms) about to be sent; held until `release`. */
  add(values: Sent): void;
  /** The writes are in the snapshot, or failed: they no longer explain what the CRM holds. */
  release(): void;
  /** Whether another caller has this very value of the field on its way (sending it again would write it twice). */
  othersSending(crmFieldId: string, value: unknown): boolean;
}

/** A hold on the values one caller sends to the CRM record of a case. */
export function holdSent(crm: CrmConnectorId, caseId: string): SentHold {
  const key = keyOf(crm, caseId);
  const mine: Sent[] = [];
  return {
    add(values) {
      const sent = { ...values };
      mine.push(sent);
      const set = held.get(key) ?? new Set<Sent>();
      set.add(sent);
      held.set(key, set);
    },
    release() {
      // Landed (or failed: a read again then costs one request and changes nothing).
      if (mine.length > 0 && openReads.size > 0) {
        landed.delete(key);
        landed.set(key, ++tick);
      }
      const set = held.get(key);
      for (const sent of mine.splice(0)) set?.delete(sent);
      if (set?.size === 0) held.delete(key);
    },
    othersSending(crmFieldId, value) {
      for (const sent of held.get(key) ?? []) {
        if (!mine.includes(sent) && Object.prototype.hasOwnProperty.call(sent, crmFieldId) && sameValue(sent[crmFieldId], value)) return true;
      }
      return false;
    },
  };
}

type Snap = { kayseValues: Record<string, unknown>; crmValues: Record<string, unknown> };

/**
 * The snapshot to decide a CRM record of the case against: where the CRM's value of a field is one this console has
 * on its way (or just landed, not yet in the snapshot), the snapshot's CRM value becomes it (no CRM change).
 */
export function withEchoes<S extends Snap>(crm: CrmConnectorId, caseId: string, snapshot: S | null, fields: { crmFieldId: string; crm: unknown }[]): S | null {
  const set = held.get(keyOf(crm, caseId));
  if (!snapshot || !set) return snapshot;
  const crmValues = { ...snapshot.crmValues };
  for (const f of fields) {
    if (!Object.prototype.hasOwnProperty.call(crmValues, f.crmFieldId)) continue;
    for (const sent of set) {
      if (Object.prototype.hasOwnProperty.call(sent, f.crmFieldId) && sameValue(sent[f.crmFieldId], f.crm)) crmValues[f.crmFieldId] = f.crm;
    }
  }
  return { ...snapshot, crmValues };
}
