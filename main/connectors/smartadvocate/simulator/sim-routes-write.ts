// Writing cases: CreateCase (documented path; its answer and ExternalReference ASSUMED), the ASSUMED status,
// secondary status and UDF writes, the contact's JSON Patch and a note. Each change moves the case's modified time
// to now. Refusals are ASP.NET validation problems naming the field.
import { appliesTo, type SimUdf } from './sim-catalog';
import { json, noContent, notFound, problem, prop, type SimContext, type SimReply, type SimRoute } from './sim-context';
import type { SimCase, SimValue } from './sim-cases';
import { noteOf } from './sim-wire';

const text = (value: unknown) => (typeof value === 'string' && value.trim() !== '' ? value : null);

function createCase(ctx: SimContext, body: unknown): SimReply {
  const firstName = text(prop(body, 'firstName'));
  const lastName = text(prop(body, 'lastName'));
  const caseTypeID = prop(body, 'CaseTypeID');
  if (!firstName) return problem('firstName', 'The firstName field is required.');
  if (!lastName) return problem('lastName', 'The lastName field is required.');
  if (!ctx.catalog.caseTypes.some((t) => t.caseTypeID === caseTypeID)) return problem('CaseTypeID', `Case type ${String(caseTypeID)} does not exist.`);
  const serial = ctx.nextCreatedSerial();
  const now = ctx.nowMs();
  const c: SimCase = {
    caseID: 900_000 + serial,
    caseNumber: String(8_000_000 + serial),
    caseTypeID: caseTypeID as number,
    // A new case starts in the first status, in the user's first office.
    statusID: ctx.catalog.statuses[0]?.statusID ?? null,
    statusFromMs: now,
    officeID: ctx.catalog.offices[0]!.officeID,
    plaintiffID: 920_000 + serial,
    contact: { contactID: 1_900_000 + serial, firstName, lastName, phone: text(prop(body, 'phone')), email: text(prop(body, 'email')) },
    secondStatuses: [],
    udfs: new Map(),
    externalReference: text(prop(body, 'ExternalReference')),
    summary: text(prop(body, 'summary')),
    createdMs: now,
    modifiedMs: now,
    notes: [],
  };
  ctx.cases.add(c);
  ctx.created.push(String(c.caseID));
  return json({ caseID: c.caseID, caseNumber: c.caseNumber });
}

function setSecondaryStatus(ctx: SimContext, c: SimCase, body: unknown): SimReply {
  const typeID = prop(body, 'statusTypeID');
  const statusID = prop(body, 'statusID');
  const type = ctx.catalog.secondaryStatusTypes.find((t) => t.statusTypeID === typeID);
  if (!type) return problem('statusTypeID', `Secondary status type ${String(typeID)} does not exist.`);
  if (!type.statuses.some((s) => s.statusID === statusID)) return problem('statusID', `Status ${String(statusID)} is not a '${type.statusTypeName}' status.`);
  const now = ctx.nowMs();
  // At most one status per secondary status type: the new one replaces the one the case held.
  c.secondStatuses = [...c.secondStatuses.filter((s) => s.statusTypeID !== type.statusTypeID), { statusTypeID: type.statusTypeID, statusID: statusID as number, fromMs: now }];
  ctx.cases.touch(c, now);
  return noContent();
}

function setUdfs(ctx: SimContext, c: SimCase, body: unknown): SimReply {
  if (!Array.isArray(body)) return problem('$', 'A list of {udfID, value} is required.');
  const values: [number, SimValue][] = [];
  for (const [i, entry] of body.entries()) {
    const udf = ctx.catalog.udfs.find((u) => u.udfID === prop(entry, 'udfID'));
    if (!udf) return problem(`[${i}].udfID`, `UDF ${String(prop(entry, 'udfID'))} does not exist.`);
    if (!appliesTo(udf, c.caseTypeID)) return problem(udf.udfName, `UDF '${udf.udfName}' is not used by case type ${c.caseTypeID}.`);
    const value = acceptValue(udf, prop(entry, 'value'));
    if (typeof value === 'object' && value !== null && 'refused' in value) return problem(udf.udfName, value.refused);
    values.push([udf.udfID, value]);
  }
  for (const [udfID, value] of values) {
    if (value === null) c.udfs.delete(udfID);
    else c.udfs.set(udfID, value);
  }
  ctx.cases.touch(c, ctx.nowMs());
  return noContent();
}

/** The value as stored, or why the UDF refuses it. */
function acceptValue(udf: SimUdf, value: unknown): SimValue | { refused: string } {
  if (value === null) return null;
  const refused = { refused: `${JSON.stringify(value)} is not a valid value for '${udf.udfName}' (${udf.udfType}).` };
  const options = udf.options ?? [];
  switch (udf.udfType) {
    case 'Text':
    case 'Memo':
      return typeof value === 'string' ? value : refused;
    case 'Number':
    case 'Currency':
      return typeof value === 'number' && Number.isFinite(value) ? value : refused;
    case 'Date':
      return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}(T00:00:00)?$/.test(value) ? `${value.slice(0, 10)}T00:00:00` : refused;
    case 'YesNo':
      return typeof value === 'boolean' ? value : refused;
    case 'DropDown':
      return typeof value === 'string' && options.includes(value) ? value : refused;
    case 'MultiSelect':
      return Array.isArray(value) && value.every((v) => typeof v === 'string' && options.includes(v)) ? (value as string[]) : refused;
  }
}

const CONTACT_PATHS: Record<string, 'firstName' | 'lastName' | 'phone' | 'email'> = { '/firstname': 'firstName', '/lastname': 'lastName', '/phone': 'phone', '/email': 'email' };

function patchContact(ctx: SimContext, c: SimCase, body: unknown): SimReply {
  if (!Array.isArray(body)) return problem('$', 'A JSON Patch document (a list of operations) is required.');
  const next = { ...c.contact };
  for (const [i, op] of body.entries()) {
    const kind = prop(op, 'op');
    const property = CONTACT_PATHS[String(prop(op, 'path')).toLowerCase()];
    if (!property || (kind !== 'replace' && kind !== 'add' && kind !== 'remove')) return problem(`[${i}]`, `Unsupported operation ${JSON.stringify(op)}.`);
    const value = kind === 'remove' ? null : prop(op, 'value');
    if (value !== null && typeof value !== 'string') return problem(property, `${property} is text.`);
    if (property === 'firstName' || property === 'lastName') {
      if (!text(value)) return problem(property, `The ${property} field is required.`);
      next[property] = value as string;
    } else {
      next[property] = text(value);
    }
  }
  c.contact = next;
  // ASSUMED: a change to the primary plaintiff's contact moves the case's modified time.
  ctx.cases.touch(c, ctx.nowMs());
  return json(next);
}

/** A case route: finds case `params[0]` (404 otherwise) and runs `then` on it. */
const onCase =
  (then: (ctx: SimContext, c: SimCase, body: unknown) => SimReply): SimRoute['handle'] =>
  (ctx, req) => {
    const c = ctx.cases.get(Number(req.params[0]));
    return c ? then(ctx, c, req.body) : notFound(`Case ${req.params[0]} was not found.`);
  };

export const writeRoutes: SimRoute[] = [
  { method: 'POST', pattern: /^\/case\/createcase$/, operation: 'CreateCase', auth: true, write: true, handle: (ctx, req) => createCase(ctx, req.body) },
  {
    method: 'PUT',
    pattern: /^\/case\/(\d+)\/status$/,
    operation: 'UpdateStatus',
    auth: true,
    write: true,
    handle: onCase((ctx, c, body) => {
      const statusID = prop(body, 'statusID');
      if (!ctx.catalog.statuses.some((s) => s.statusID === statusID)) return problem('statusID', `Status ${String(statusID)} does not exist.`);
      c.statusID = statusID as number;
      c.statusFromMs = ctx.nowMs();
      ctx.cases.touch(c, c.statusFromMs);
      return noContent();
    }),
  },
  { method: 'PUT', pattern: /^\/case\/(\d+)\/secondarystatus$/, operation: 'SetSecondaryStatus', auth: true, write: true, handle: onCase(setSecondaryStatus) },
  { method: 'PUT', pattern: /^\/case\/(\d+)\/udfs$/, operation: 'UpdateUDFs', auth: true, write: true, handle: onCase(setUdfs) },
  {
    method: 'PATCH',
    pattern: /^\/contact\/(\d+)$/,
    operation: 'PatchContact',
    auth: true,
    write: true,
    handle(ctx, req) {
      const c = ctx.cases.byContactId(Number(req.params[0]));
      return c ? patchContact(ctx, c, req.body) : notFound(`Contact ${req.params[0]} was not found.`);
    },
  },
  {
    method: 'POST',
    pattern: /^\/case\/(\d+)\/notes$/,
    operation: 'AddNote',
    auth: true,
    write: true,
    handle(ctx, req) {
      const c = ctx.cases.get(Number(req.params[0]));
      if (!c) return notFound(`Case ${req.params[0]} was not found.`);
      const body = req.body;
      const noteText = prop(body, 'noteText');
      if (typeof noteText !== 'string' || noteText === '') return problem('noteText', 'The noteText field is required.');
      const subject = prop(body, 'subject');
      const noteDate = prop(body, 'noteDate');
      c.notes.push({
        noteID: ctx.nextNoteId(),
        subject: typeof subject === 'string' ? subject : null,
        noteText,
        noteDate: typeof noteDate === 'string' ? noteDate : new Date(ctx.nowMs()).toISOString(),
        priority: typeof prop(body, 'priority') === 'string' ? (prop(body, 'priority') as string) : 'Normal',
        userID: req.userID ?? 0,
      });
      return json(noteOf(c.notes.at(-1)!, c));
    },
  },
];
