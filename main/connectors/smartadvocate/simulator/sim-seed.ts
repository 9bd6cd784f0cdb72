// Deterministic seeded cases: case k is the same whatever the batch it was seeded in (its values come from a
// generator keyed by k), with modified times in the past, increasing with k, about 20 s apart, and every 40th
// sharing its predecessor's instant (bulk edits happen; the listing must page through ties).
import { mulberry32 } from '../../../kernel';
import { appliesTo, type SimCatalog, type SimUdf } from './sim-catalog';
import type { SimCase, SimValue } from './sim-cases';

/** The most cases seeding places before the anchor; more still work, their times creeping up to it. */
export const MAX_SEEDED = 200_000;
export const SEED_SPACING_MS = 20_000;

const FIRST = ['Maria', 'James', 'Aisha', 'Wei', 'Carlos', 'Olivia', 'Dmitri', 'Fatima', 'Liam', 'Grace', 'Tomás', 'Priya', 'Noah', 'Hana', 'Kwame', "D'Andre"];
const LAST = ['Garcia', 'Smith', 'Okafor', 'Chen', 'Rodriguez', "O'Brien", 'Novak', 'Haddad', 'Nguyen', 'Johnson', 'Silva', 'Patel', 'Kim', 'Müller', 'Mensah', 'Brown'];

const pick = <T>(random: () => number, list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
const pad = (n: number, width: number) => String(n).padStart(width, '0');

/** Modified time of seeded case k, given the anchor (the simulator's start, less an hour). */
export function seededModifiedMs(k: number, anchorMs: number): number {
  const base = anchorMs - MAX_SEEDED * SEED_SPACING_MS;
  const at = (i: number) => Math.min(anchorMs, base + i * SEED_SPACING_MS + Math.floor(mulberry32(i * 7919 + 1)() * (SEED_SPACING_MS / 2)));
  return k % 40 === 1 ? at(k - 1) : at(k);
}

/** Seeded case k (0-based). */
export function seededCase(k: number, catalog: SimCatalog, anchorMs: number): SimCase {
  const random = mulberry32(k * 2654435761 + 12345);
  const caseType = pick(random, catalog.caseTypes);
  const first = pick(random, FIRST);
  const last = pick(random, LAST);
  const modifiedMs = seededModifiedMs(k, anchorMs);
  const createdMs = modifiedMs - Math.floor(random() * 400) * 86_400_000 - Math.floor(random() * 86_400_000);
  const secondStatuses = [];
  for (const type of catalog.secondaryStatusTypes) {
    if (random() < 0.3) secondStatuses.push({ statusTypeID: type.statusTypeID, statusID: pick(random, type.statuses).statusID, fromMs: createdMs + 3_600_000 });
  }
  const udfs = new Map<number, SimValue>();
  for (const udf of catalog.udfs) if (appliesTo(udf, caseType.caseTypeID) && random() < 0.7) udfs.set(udf.udfID, seededValue(udf, random));
  return {
    caseID: 600_000 + k,
    caseNumber: String(7_000_000 + k),
    caseTypeID: caseType.caseTypeID,
    statusID: pick(random, catalog.statuses).statusID,
    statusFromMs: createdMs + 60_000,
    officeID: pick(random, catalog.offices).officeID,
    plaintiffID: 620_000 + k,
    contact: {
      contactID: 1_600_000 + k,
      firstName: first,
      lastName: last,
      phone: random() < 0.9 ? `(312) 555-${pad(Math.floor(random() * 10_000), 4)}` : null,
      email: random() < 0.85 ? `${first}.${last}.${k}@mail.example`.toLowerCase().replace(/[^a-z0-9.@]/g, '') : null,
    },
    secondStatuses,
    udfs,
    externalReference: null,
    summary: null,
    createdMs,
    modifiedMs,
    notes: [],
  };
}

function seededValue(udf: SimUdf, random: () => number): SimValue {
  switch (udf.udfType) {
    case 'Date':
      // As .NET serialises a date-only value: midnight, no zone.
      return `202${Math.floor(random() * 6)}-${pad(1 + Math.floor(random() * 12), 2)}-${pad(1 + Math.floor(random() * 28), 2)}T00:00:00`;
    case 'Number':
      return Math.floor(random() * 40);
    case 'Currency':
      return Math.round(random() * 5_000_000) / 100;
    case 'YesNo':
      return random() < 0.5;
    case 'DropDown':
      return pick(random, udf.options ?? ['']);
    case 'MultiSelect':
      return (udf.options ?? []).filter(() => random() < 0.4);
    case 'Text':
    case 'Memo':
      return pick(random, ['Referred by a friend', 'Called after a TV ad', 'Lives out of state', '1986-1988', 'Spanish speaker <prefers text>']);
  }
}
