// A case this console may already have created or that already holds the client: by the idempotency marker
// first (kept as the case's external reference, ASSUMED), then the primary contact's email, its phone, and the
// case number (the documented CaseInfo look-up). The newest match wins. Used before creating again after a create
// whose answer was lost, and by the initial sync's matching.
import type { Clock } from '../../kernel';
import type { CrmRecord, CrmRecordInput } from '../crm/types';
import type { AssumedEndpoints } from './assumed-endpoints';
import type { DocumentedEndpoints } from './documented-endpoints';
import { BEGINNING_ISO } from './list-changed';
import type { WireCaseRecord } from './wire-assumed';

export interface FindDeps {
  api: Pick<AssumedEndpoints, 'casePage'>;
  docs: Pick<DocumentedEndpoints, 'caseInfo'>;
  clock: Clock;
  translate(wire: WireCaseRecord, operation: string): Promise<CrmRecord>;
  get(id: string): Promise<CrmRecord>;
}

export type FindCriteria = Pick<CrmRecordInput, 'email' | 'phone'> & { caseNumber?: string | null };

export async function findExisting(deps: FindDeps, criteria: FindCriteria, marker: string | null): Promise<CrmRecord | null> {
  const filters: string[] = [];
  if (marker) filters.push(`externalReference == ${JSON.stringify(marker)}`);
  if (criteria.email?.trim()) filters.push(`primaryContact.email == ${JSON.stringify(criteria.email.trim())}`);
  if (criteria.phone?.trim()) filters.push(`primaryContact.phone == ${JSON.stringify(criteria.phone.trim())}`);
  for (const filterExpression of filters) {
    const found = await newest(deps, filterExpression);
    if (found) return found;
  }
  const caseNumber = criteria.caseNumber?.trim();
  // `%` is CaseInfo's wildcard: a number holding one would match other cases.
  if (caseNumber && !caseNumber.includes('%')) {
    const exact = (await deps.docs.caseInfo(caseNumber)).find((c) => c.caseNumber === caseNumber);
    if (exact) return deps.get(String(exact.caseID));
  }
  return null;
}

async function newest(deps: FindDeps, filterExpression: string): Promise<CrmRecord | null> {
  const toIso = new Date(deps.clock.now().getTime() + 5 * 60_000).toISOString();
  const page = await deps.api.casePage({ fromIso: BEGINNING_ISO, toIso, currentPage: 0, pageSize: 1, filterExpression, newestFirst: true });
  const first = page.items[0];
  return first ? deps.translate(first, 'look up cases') : null;
}
