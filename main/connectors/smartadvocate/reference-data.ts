// What translating a case needs besides the case: the UDF definitions (a date UDF's value is read as a date,
// a select's as an option) and the secondary status types (a case's secondary statuses name their type, not its
// id). Loaded when first needed, replaced by every catalog load, and loaded again when a case names one it
// doesn't know (at most once a minute, so a UDF the user may not see doesn't cost a request per page).
import type { Clock } from '../../kernel';
import type { AssumedEndpoints } from './assumed-endpoints';
import type { WireSecondaryStatusType, WireUdfDefinition } from './wire-assumed';

export interface SubstatusIndex {
  /** The type of each secondary status, by status id. */
  typeOfStatus: Map<number, number>;
  /** Type ids by type name (lower case), for a status deleted from its type's list that cases still hold. */
  typeByName: Map<string, number>;
  types: WireSecondaryStatusType[];
}

export interface ReferenceData {
  udfs(): Promise<Map<number, WireUdfDefinition>>;
  substatuses(): Promise<SubstatusIndex>;
  /** Loads again unless loaded less than a minute ago; resolves with the (possibly unchanged) data. */
  udfsAfterMiss(): Promise<Map<number, WireUdfDefinition>>;
  substatusesAfterMiss(): Promise<SubstatusIndex>;
  /** A catalog load read both: use them from now on. */
  replace(udfs: WireUdfDefinition[], types: WireSecondaryStatusType[]): void;
}

const RELOAD_AFTER_MISS_MS = 60_000;

interface Slot<T> {
  value: T | null;
  loadedAtMs: number;
  pending: Promise<T> | null;
}

export function createReferenceData(api: AssumedEndpoints, clock: Clock): ReferenceData {
  const udfSlot: Slot<Map<number, WireUdfDefinition>> = { value: null, loadedAtMs: 0, pending: null };
  const statusSlot: Slot<SubstatusIndex> = { value: null, loadedAtMs: 0, pending: null };

  const load = <T>(slot: Slot<T>, fetch: () => Promise<T>): Promise<T> => {
    slot.pending ??= fetch().then(
      (value) => {
        slot.value = value;
        slot.loadedAtMs = clock.now().getTime();
        slot.pending = null;
        return value;
      },
      (error: unknown) => {
        slot.pending = null;
        throw error;
      },
    );
    return slot.pending;
  };
  const cached = <T>(slot: Slot<T>, fetch: () => Promise<T>) => (slot.value !== null ? Promise.resolve(slot.value) : load(slot, fetch));
  const afterMiss = <T>(slot: Slot<T>, fetch: () => Promise<T>) =>
    slot.value !== null && clock.now().getTime() - slot.loadedAtMs < RELOAD_AFTER_MISS_MS ? Promise.resolve(slot.value) : load(slot, fetch);

  const fetchUdfs = async () => indexUdfs(await api.udfDefinitions());
  const fetchStatuses = async () => indexSubstatuses(await api.secondaryStatusTypes());

  return {
    udfs: () => cached(udfSlot, fetchUdfs),
    substatuses: () => cached(statusSlot, fetchStatuses),
    udfsAfterMiss: () => afterMiss(udfSlot, fetchUdfs),
    substatusesAfterMiss: () => afterMiss(statusSlot, fetchStatuses),
    replace(udfs, types) {
      const now = clock.now().getTime();
      Object.assign(udfSlot, { value: indexUdfs(udfs), loadedAtMs: now });
      Object.assign(statusSlot, { value: indexSubstatuses(types), loadedAtMs: now });
    },
  };
}

const indexUdfs = (udfs: WireUdfDefinition[]) => new Map(udfs.map((udf) => [udf.udfID, udf]));

function indexSubstatuses(types: WireSecondaryStatusType[]): SubstatusIndex {
  const typeOfStatus = new Map<number, number>();
  const typeByName = new Map<string, number>();
  for (const type of types) {
    typeByName.set(type.statusTypeName.toLowerCase(), type.statusTypeID);
    for (const status of type.statuses) typeOfStatus.set(status.statusID, type.statusTypeID);
  }
  return { typeOfStatus, typeByName, types };
}
