// Realistic but clearly fictional people: common US names, phone numbers in the 555-0100…555-0199 range that
// is reserved for fiction, and example.com email addresses (a domain that can never receive mail).
import type { Rng } from './prng';

const FIRST_NAMES = [
  'James', 'Maria', 'Robert', 'Jennifer', 'Michael', 'Linda', 'David', 'Patricia', 'Carlos', 'Elizabeth', 'William', 'Ana',
  'Joseph', 'Susan', 'Thomas', 'Jessica', 'Daniel', 'Sarah', 'Anthony', 'Karen', 'Luis', 'Nancy', 'Mark', 'Lisa',
  'Kevin', 'Betty', 'Jose', 'Sandra', 'Brian', 'Ashley', 'Jorge', 'Kimberly', 'Eric', 'Donna', 'Steven', 'Michelle',
  'Andre', 'Carmen', 'Tyrone', 'Rosa', 'Paul', 'Emily', 'Miguel', 'Angela', 'Ryan', 'Monica', 'Derek', 'Yolanda',
  'Victor', 'Denise', 'Samuel', 'Gloria', 'Ray', 'Tanya', 'Frank', 'Lucia', 'Marcus', 'Brenda', 'Hector', 'Keisha',
] as const;

const LAST_NAMES = [
  'Smith', 'Johnson', 'Williams', 'Brown', 'Jones', 'Garcia', 'Miller', 'Davis', 'Rodriguez', 'Martinez', 'Hernandez',
  'Lopez', 'Gonzalez', 'Wilson', 'Anderson', 'Thomas', 'Taylor', 'Moore', 'Jackson', 'Martin', 'Lee', 'Perez', 'Thompson',
  'White', 'Harris', 'Sanchez', 'Clark', 'Ramirez', 'Lewis', 'Robinson', 'Walker', 'Young', 'Allen', 'King', 'Wright',
  'Scott', 'Torres', 'Nguyen', 'Hill', 'Flores', 'Green', 'Adams', 'Nelson', 'Baker', 'Hall', 'Rivera', 'Campbell',
  'Mitchell', 'Carter', 'Roberts', 'Diaz', 'Reyes', 'Morales', 'Cruz', 'Ortiz', 'Gutierrez', 'Chavez', 'Ramos', 'Brooks',
] as const;

/** Area codes of the firm's markets; each gives 100 fictional numbers (555-0100…555-0199). */
const AREA_CODES = [
  '305', '786', '954', '561', '407', '813', '904', '239', '850', '352', '212', '718', '917', '646', '713', '281', '832', '214',
  '469', '972', '210', '512', '404', '678', '770', '312', '773', '602', '480', '702', '213', '310', '323', '818', '619', '415',
  '206', '503', '303', '615', '704', '919', '215', '617', '313', '216', '504', '901', '502', '314',
] as const;

/** How many distinct fictional phone numbers `fakePhone` can give. */
export const FAKE_PHONE_CAPACITY = AREA_CODES.length * 100;

export interface FakePerson {
  firstName: string;
  lastName: string;
  /** E.164, e.g. +13055550142. */
  phone: string;
  email: string;
}

/** The `n`-th fictional number (E.164): unique for n below FAKE_PHONE_CAPACITY, then it repeats. */
export function fakePhone(n: number): string {
  const i = n % FAKE_PHONE_CAPACITY;
  return `+1${AREA_CODES[Math.floor(i / 100)]}55501${String(i % 100).padStart(2, '0')}`;
}

const slug = (s: string) => s.toLowerCase().replace(/[^a-z0-9]/g, '');

/** The `n`-th demo person: a random name, the `n`-th fictional number and a matching example.com address. */
export function fakePerson(rng: Rng, n: number): FakePerson {
  const firstName = rng.pick(FIRST_NAMES);
  const lastName = rng.pick(LAST_NAMES);
  return { firstName, lastName, phone: fakePhone(n), email: `${slug(firstName)}.${slug(lastName)}${n + 1}@example.com` };
}

/** A first name for an agent or a staff member in a transcript. */
export const fakeFirstName = (rng: Rng): string => rng.pick(FIRST_NAMES);
