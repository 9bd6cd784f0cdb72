// The company profile (name, timezone): one row, created on first start with the machine's timezone.
import { eq } from 'drizzle-orm';
import type { Company, CompanyUpdate } from '../../shared/domain/company';
import { isIanaTimeZone } from '../../shared/domain/company';
import type { Clock, EventBus } from '../kernel';
import { announceChanged } from '../kernel';
import { schema, type Db } from '../db';

const COMPANY_ID = 1;

export interface CompanyService {
  get(): Company;
  update(input: CompanyUpdate): Company;
}

export function createCompanyService(db: Db, clock: Clock, events: EventBus): CompanyService {
  const systemZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  db.insert(schema.company)
    .values({ id: COMPANY_ID, name: '', timezone: isIanaTimeZone(systemZone) ? systemZone : 'UTC' })
    .onConflictDoNothing()
    .run();

  const get = (): Company => {
    const row = db.select().from(schema.company).where(eq(schema.company.id, COMPANY_ID)).get();
    if (!row) throw new Error('company row missing');
    return { name: row.name, timezone: row.timezone, updatedAt: row.updatedAt };
  };

  return {
    get,
    update(input) {
      db.update(schema.company)
        .set({ name: input.name, timezone: input.timezone, updatedAt: clock.now().toISOString() })
        .where(eq(schema.company.id, COMPANY_ID))
        .run();
      announceChanged(events, ['company']);
      return get();
    },
  };
}
