// Suggests which column goes to which field from the header names alone (the names other systems and our own
// export use), so that a typical file maps itself and the user only fixes the odd column.
import type { ImportKind, ImportMapping, ImportTarget } from '../../shared/contract/transfer';
import { CUSTOM_PREFIX } from './import-targets';
import { normaliseHeader } from './file-shape';

const SOURCE = ['externalsource', 'source', 'sourcesystem', 'system'];

/** Header names (normalised) per field, best first. */
const SYNONYMS: Record<ImportKind, Record<string, string[]>> = {
  clients: {
    externalId: ['externalid', 'extid', 'clientexternalid', 'clientid', 'contactid', 'recordid', 'id'],
    externalSource: SOURCE,
    firstName: ['firstname', 'first', 'givenname', 'fname', 'forename'],
    lastName: ['lastname', 'last', 'surname', 'familyname', 'lname'],
    phone: ['phone', 'phones', 'phonenumber', 'phonenumbers', 'mobile', 'cell', 'cellphone', 'telephone', 'tel'],
    email: ['email', 'emails', 'emailaddress', 'emailaddresses', 'mail'],
    optOuts: ['optouts', 'optout', 'donotcontact', 'dnc', 'unsubscribed'],
  },
  cases: {
    externalId: ['externalid', 'extid', 'caseexternalid', 'matterid', 'caseid', 'id'],
    externalSource: SOURCE,
    caseNumber: ['casenumber', 'caseno', 'casenum', 'matternumber', 'filenumber', 'fileno', 'number'],
    name: ['name', 'casename', 'mattername', 'title', 'casetitle', 'mattertitle'],
    caseType: ['casetype', 'type', 'practicearea', 'mattertype'],
    status: ['status', 'casestatus', 'stage', 'matterstatus'],
    campaign: ['campaign', 'campaignname', 'campaignid'],
    clientExternalId: ['clientexternalid', 'clientexternalids', 'clientid', 'contactid', 'clientref'],
  },
};

/** Loose matches ("Home Phone", "Work Email") rank after every exact name. */
const CONTAINS: Record<string, string> = { phone: 'phone', email: 'email' };
const LOOSE_RANK = 100;

function rankOf(kind: ImportKind, target: ImportTarget, header: string): number | undefined {
  if (target.field.startsWith(CUSTOM_PREFIX)) {
    const key = normaliseHeader(target.field.slice(CUSTOM_PREFIX.length));
    const names = [`custom${key}`, key, normaliseHeader(target.label)];
    const i = names.indexOf(header);
    return i === -1 ? undefined : i;
  }
  const i = SYNONYMS[kind][target.field]?.indexOf(header) ?? -1;
  if (i !== -1) return i;
  const part = CONTAINS[target.field];
  return part && header.includes(part) ? LOOSE_RANK : undefined;
}

/** Column → suggested field (or null). Each single-valued field goes to its best-named column only. */
export function suggestMapping(kind: ImportKind, columns: readonly string[], targets: readonly ImportTarget[]): ImportMapping {
  const candidates: { rank: number; column: number; target: number }[] = [];
  columns.forEach((column, c) => {
    const header = normaliseHeader(column);
    targets.forEach((target, t) => {
      const rank = rankOf(kind, target, header);
      if (rank !== undefined) candidates.push({ rank, column: c, target: t });
    });
  });
  candidates.sort((a, b) => a.rank - b.rank || a.target - b.target || a.column - b.column);
  const chosen = new Map<number, string>();
  const taken = new Set<number>();
  for (const { column, target } of candidates) {
    if (chosen.has(column) || (taken.has(target) && !targets[target]!.multiple)) continue;
    chosen.set(column, targets[target]!.field);
    taken.add(target);
  }
  return Object.fromEntries(columns.map((column, c) => [column, chosen.get(c) ?? null]));
}
