// Deterministic leads for tests, demo mode and benchmarks: lead number n always has the same name, contact details,
// case type, status and custom values for the same seed, whatever else was seeded before it.
import { mulberry32 } from '../../../kernel';
import type { SimCatalog } from './sim-catalog';
import type { SimLead } from './sim-leads';

const FIRST = ['Maria', 'James', 'Aisha', 'Robert', 'Linh', 'David', 'Sofia', 'Michael', 'Grace', 'Daniel', 'Fatima', 'Kevin', 'Elena', 'Marcus', 'Priya', 'Thomas'];
const LAST = ['Garcia', 'Johnson', 'Nguyen', 'Williams', 'Patel', 'Brown', 'Okafor', 'Miller', 'Kim', 'Davis', 'Rossi', 'Wilson', 'Haddad', 'Moore', 'Lopez', 'Clark'];
const INJURIES = ['Rear-ended at a light', 'Slipped on a wet floor', 'T-boned in an intersection', 'Fell down stairs', 'Exposure during service'];

/** Spacing of seeded modified times: far wider than any listing overlap, so seeded leads never share a second. */
export const SEED_SPACING_MS = 30_000;
const DAY_MS = 86_400_000;

/** Seeded lead number `n` (0-based) with id `id`, modified at `modifiedMs`. */
export function seededLead(seed: number, n: number, id: number, modifiedMs: number, catalog: SimCatalog): SimLead {
  const r = mulberry32(seed * 1_000_003 + n);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(r() * list.length)]!;
  const first = pick(FIRST);
  const last = pick(LAST);
  const caseType = pick(catalog.caseTypes);
  const status = pick(catalog.statuses);
  const createdMs = modifiedMs - Math.floor(r() * 60) * DAY_MS - Math.floor(r() * DAY_MS);
  const custom = new Map<string, string>();
  for (const field of catalog.fields) {
    if (!field.caseTypeIds.includes(caseType.id) || r() < 0.3) continue;
    switch (field.type) {
      case 'Text':
        custom.set(field.id, pick(INJURIES));
        break;
      case 'Number':
        custom.set(field.id, String(1 + Math.floor(r() * 10)));
        break;
      case 'Date': {
        const day = new Date(createdMs - Math.floor(r() * 365) * DAY_MS);
        custom.set(field.id, `${String(day.getUTCMonth() + 1).padStart(2, '0')}/${String(day.getUTCDate()).padStart(2, '0')}/${day.getUTCFullYear()}`);
        break;
      }
      case 'YesNo':
        custom.set(field.id, r() < 0.5 ? 'Yes' : 'No');
        break;
      case 'Dropdown':
        custom.set(field.id, pick(field.options));
        break;
      case 'MultiSelect':
        custom.set(field.id, [...new Set([pick(field.options), pick(field.options)])].join(', '));
        break;
    }
  }
  const number = String(n).padStart(7, '0');
  return {
    id,
    contactId: 500_000 + id,
    caseTypeId: caseType.id,
    statusId: status.id,
    firstName: first,
    lastName: last,
    cellPhone: `(555) ${number.slice(0, 3)}-${number.slice(3)}`,
    email: `${first}.${last}.${n}@example.com`.toLowerCase(),
    tags: r() < 0.2 ? 'web-form' : '',
    summary: pick(INJURIES),
    createdMs,
    modifiedMs,
    statusMs: modifiedMs,
    custom,
  };
}
