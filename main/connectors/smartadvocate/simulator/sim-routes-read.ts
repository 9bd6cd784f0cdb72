// Reading cases: the documented CaseInfo (by number, `%` wildcard) and notes; the ASSUMED case by id and the
// modified-since paged listing with its filter expression (`property == "value"`).
import { json, notFound, parseWireTime, problem, prop, type SimContext, type SimReply, type SimRoute } from './sim-context';
import type { SimCase } from './sim-cases';
import { caseInfoOf, caseRecordOf, noteOf } from './sim-wire';

/** The largest page the listing serves (ASSUMED, as the connector's MAX_PAGE_SIZE). */
export const SIM_MAX_PAGE_SIZE = 1000;

const digits = (text: string | null) => (text ?? '').replace(/\D/g, '').slice(-10);

/** The filters the listing understands: the property and how a case's value is compared. */
const FILTERS: Record<string, (c: SimCase, value: string) => boolean> = {
  externalreference: (c, v) => c.externalReference === v,
  'primarycontact.email': (c, v) => (c.contact.email ?? '').toLowerCase() === v.toLowerCase(),
  // Phones compare by their last ten digits: "(312) 555-0101" is "+13125550101".
  'primarycontact.phone': (c, v) => digits(v) !== '' && digits(c.contact.phone) === digits(v),
  casenumber: (c, v) => c.caseNumber === v,
};

function parseFilter(expression: unknown): ((c: SimCase) => boolean) | null | string {
  if (expression === undefined || expression === null || expression === '') return null;
  const match = typeof expression === 'string' ? /^\s*([A-Za-z.]+)\s*==\s*("(?:[^"\\]|\\.)*")\s*$/.exec(expression) : null;
  const compare = match ? FILTERS[match[1]!.toLowerCase()] : undefined;
  if (!match || !compare) return `Unsupported filterExpression: ${JSON.stringify(expression)}`;
  const value = JSON.parse(match[2]!) as string;
  return (c) => compare(c, value);
}

function listCases(ctx: SimContext, body: unknown): SimReply {
  const fromMs = parseWireTime(prop(body, 'modifiedFromDateTime'));
  const toMs = parseWireTime(prop(body, 'modifiedToDateTime'));
  if (Number.isNaN(fromMs)) return problem('modifiedFromDateTime', 'A date-time is required.');
  if (Number.isNaN(toMs)) return problem('modifiedToDateTime', 'A date-time is required.');
  const pageRequest = prop(body, 'pageRequest');
  const currentPage = prop(pageRequest, 'currentPage');
  const pageSize = prop(pageRequest, 'pageSize');
  if (!Number.isInteger(currentPage) || (currentPage as number) < 0) return problem('pageRequest.currentPage', 'currentPage is a page number from 0.');
  if (!Number.isInteger(pageSize) || (pageSize as number) < 1 || (pageSize as number) > SIM_MAX_PAGE_SIZE) {
    return problem('pageRequest.pageSize', `pageSize must be between 1 and ${SIM_MAX_PAGE_SIZE}.`);
  }
  const filter = parseFilter(prop(pageRequest, 'filterExpression'));
  if (typeof filter === 'string') return problem('pageRequest.filterExpression', filter);
  const sorts = prop(pageRequest, 'sorts');
  const newestFirst = Array.isArray(sorts) && String(prop(sorts[0], 'sortDirection')).toLowerCase() === 'desc';

  const range = ctx.cases.modifiedBetween(fromMs, toMs);
  const offset = (currentPage as number) * (pageSize as number);
  const size = pageSize as number;
  let total: number;
  let page: SimCase[];
  if (filter) {
    const matching = range.filter(filter);
    if (newestFirst) matching.reverse();
    total = matching.length;
    page = matching.slice(offset, offset + size);
  } else {
    total = range.count;
    const start = newestFirst ? Math.max(0, total - offset - size) : offset;
    const end = newestFirst ? Math.max(0, total - offset) : offset + size;
    page = range.slice(start, end - start);
    if (newestFirst) page.reverse();
  }
  const lookups = ctx.lookups();
  return json({ items: page.map((c) => caseRecordOf(c, lookups)), totalCount: total, currentPage, pageSize });
}

const caseOf = (ctx: SimContext, id: string | undefined) => ctx.cases.get(Number(id));

export const readRoutes: SimRoute[] = [
  {
    method: 'GET',
    pattern: /^\/case\/caseinfo$/,
    operation: 'CaseInfo',
    auth: true,
    write: false,
    handle(ctx, req) {
      const number = req.query('Casenumber');
      if (!number) return problem('Casenumber', 'The Casenumber field is required.');
      const pattern = new RegExp(`^${number.split('%').map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`, 'i');
      const lookups = ctx.lookups();
      return json(ctx.cases.all().filter((c) => pattern.test(c.caseNumber)).map((c) => caseInfoOf(c, lookups)));
    },
  },
  {
    method: 'GET',
    pattern: /^\/case\/(\d+)$/,
    operation: 'GetCase',
    auth: true,
    write: false,
    handle(ctx, req) {
      const c = caseOf(ctx, req.params[0]);
      return c ? json(caseRecordOf(c, ctx.lookups())) : notFound(`Case ${req.params[0]} was not found.`);
    },
  },
  {
    method: 'POST',
    pattern: /^\/case\/cases\/bydatepaged$/,
    operation: 'CasesByDatePaged',
    auth: true,
    write: false,
    handle: (ctx, req) => listCases(ctx, req.body),
  },
  {
    method: 'GET',
    pattern: /^\/case\/(\d+)\/notes$/,
    operation: 'GetNotes',
    auth: true,
    write: false,
    handle(ctx, req) {
      const c = caseOf(ctx, req.params[0]);
      return c ? json(c.notes.map((n) => noteOf(n, c))) : notFound(`Case ${req.params[0]} was not found.`);
    },
  },
  {
    method: 'GET',
    pattern: /^\/case\/notes\/bycasenumber$/,
    operation: 'NotesByCaseNumber',
    auth: true,
    write: false,
    handle(ctx, req) {
      const number = req.query('CaseNumber');
      const c = ctx.cases.all().find((x) => x.caseNumber === number);
      return c ? json(c.notes.map((n) => noteOf(n, c))) : json([]);
    },
  },
];
