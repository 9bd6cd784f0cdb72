// Plausible case names and custom field values for each demo case type, drawn from the seeded generator.
import type { FakePerson } from './fake-identity';
import { MASS_TORT, PERSONAL_INJURY, type DemoCaseTypeName } from './demo-catalog';
import type { Rng } from './prng';

const DAY_MS = 86_400_000;
const INSURERS = ['Geico', 'State Farm', 'Progressive', 'Allstate', 'USAA', 'Liberty Mutual', 'Farmers', 'Nationwide'];
const EMPLOYERS = ['Sunshine Logistics', 'Gulf Coast Builders', 'Metro Transit', 'Palm Grove Hospital', 'Coastal Warehousing', 'Bayside Hotels', 'Everglades Roofing'];
const DIAGNOSES: Record<string, string[]> = {
  Roundup: ["Non-Hodgkin's lymphoma", 'B-cell lymphoma'],
  'Camp Lejeune water': ['Kidney cancer', "Parkinson's disease", 'Bladder cancer', 'Leukemia'],
  'Hair relaxer': ['Uterine cancer', 'Ovarian cancer'],
  'Talc powder': ['Ovarian cancer', 'Mesothelioma'],
  Earplugs: ['Tinnitus', 'Hearing loss'],
};

/** A YYYY-MM-DD date between `minDays` and `maxDays` before `now`. */
export const daysBefore = (rng: Rng, now: Date, minDays: number, maxDays: number): string =>
  new Date(now.getTime() - rng.int(minDays, maxDays) * DAY_MS).toISOString().slice(0, 10);

/** A case name the way firms write them ("Garcia v. Geico", "Lopez - Roundup"). */
export function demoCaseName(rng: Rng, type: DemoCaseTypeName, person: FakePerson, values: Record<string, unknown>): string {
  if (type === PERSONAL_INJURY) return `${person.lastName} v. ${rng.pick(INSURERS)}`;
  if (type === MASS_TORT) return `${person.lastName} - ${String(values.product)}`;
  return `${person.lastName} v. ${String(values.employer)}`;
}

/** Custom field values for a case of `type` (keys as in the demo catalog). */
export function demoCaseValues(rng: Rng, type: DemoCaseTypeName, now: Date): Record<string, unknown> {
  if (type === PERSONAL_INJURY) {
    return {
      accident_date: daysBefore(rng, now, 3, 700),
      injury_type: rng.sample(['Back', 'Neck', 'Head', 'Fracture', 'Soft tissue'], rng.int(1, 3)),
      at_fault_insured: rng.chance(0.8),
      medical_bills: rng.int(8, 900) * 100,
      police_report: rng.chance(0.7) ? `Report #${rng.pick(['MPD', 'FHP', 'BSO', 'HPD'])}-${rng.int(10000, 99999)}` : 'Not filed',
    };
  }
  if (type === MASS_TORT) {
    const product = rng.pick(Object.keys(DIAGNOSES));
    const values: Record<string, unknown> = {
      product,
      exposure_start: daysBefore(rng, now, 3650, 12000),
      proof_of_use: rng.chance(0.6),
    };
    if (rng.chance(0.85)) {
      values.diagnosis = rng.pick(DIAGNOSES[product]!);
      values.diagnosis_date = daysBefore(rng, now, 30, 2500);
    }
    return values;
  }
  return {
    employer: rng.pick(EMPLOYERS),
    injury_date: daysBefore(rng, now, 2, 400),
    body_part: rng.pick(['Back', 'Shoulder', 'Knee', 'Hand/Wrist', 'Head', 'Multiple']),
    weekly_wage: rng.int(450, 1800),
    reported_to_employer: rng.chance(0.9),
  };
}
