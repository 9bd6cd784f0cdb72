// PUT /v1/cases/:external_source/:external_id and PUT /v1/clients/…: the platform's cases and clients,
// upserted through the record store (origin "ingest"), in the API's snake_case. Every problem of a request (the
// URL, each field's shape, what the case names in the workspace) is found before answering, and named once.
import type Database from 'better-sqlite3';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { externalRefSchema } from '../../shared/domain/events';
import { phoneNumberSchema } from '../../shared/domain/phone';
import { caseUpsertSchema, clientUpsertSchema, type CaseUpsert, type ClientUpsert } from '../../shared/domain/workspace';
import { AppError, describeIssues, type FieldIssue } from '../../shared/result';
import type { RecordStore, WriteContext } from '../workspace';
import { commitDurably } from './durable-commit';
import { fieldIssues } from './field-issues';
import { fieldsParser, wireIssues } from './wire-fields';

// The record store's own field rules, under the wire's names: a body that passes here passes the store.
const caseFields = caseUpsertSchema.shape;
const caseBodyShape = {
  name: caseFields.name,
  case_type: caseFields.caseType,
  status: caseFields.status,
  case_number: caseFields.caseNumber,
  campaign_id: caseFields.campaignId,
  client_ids: caseFields.clientIds,
  clients: z.array(externalRefSchema).optional(),
  custom_values: caseFields.customValues,
};
const parseCaseBody = fieldsParser(caseBodyShape);

const clientFields = clientUpsertSchema.shape;
const clientBodyShape = {
  first_name: clientFields.firstName,
  last_name: clientFields.lastName,
  // Stricter than the record store (imports take phones as people write them): the API documents E.164 or SIP,
  // within the store's 32 characters.
  phones: z.array(phoneNumberSchema.max(32, 'at most 32 characters')).default([]),
  emails: clientFields.emails,
  opt_outs: clientFields.optOuts,
};
const parseClientBody = fieldsParser(clientBodyShape);

type RefParams = { external_source: string; external_id: string };

/** The record reference in the URL, or the issues naming what is wrong with it. */
function refOf(request: FastifyRequest): { ref?: { externalSource: string; externalId: string }; issues: FieldIssue[] } {
  const { external_source, external_id } = request.params as RefParams;
  const parsed = externalRefSchema.safeParse({ external_source, external_id }, { reportInput: true });
  if (!parsed.success) return { issues: fieldIssues(parsed.error) };
  return { ref: { externalSource: parsed.data.external_source, externalId: parsed.data.external_id }, issues: [] };
}

/**
 * Refuses the request when anything is wrong: 400 when a field is missing or malformed (the URL included), 422
 * when everything is well-formed but names what the workspace doesn't have. Nothing is stored either way.
 */
function refuseIfInvalid(what: 'case' | 'client', malformed: FieldIssue[], unprocessable: AppError[]): void {
  if (malformed.length === 0 && unprocessable.length === 0) return;
  const validOf = (problem: AppError) => (problem.details as { valid?: string[] } | undefined)?.valid;
  // An unknown case type or status lists the valid names right in its issue.
  const named = unprocessable.flatMap((problem) => {
    const valid = validOf(problem);
    const issues = wireIssues(issuesOf(problem));
    return valid ? issues.map((i) => ({ ...i, message: `${i.message} (valid: ${valid.join(', ') || 'none yet'})` })) : issues;
  });
  const issues = [...malformed, ...named];
  const valid = unprocessable.map(validOf).find((v) => v !== undefined);
  const lead = malformed.length > 0 ? `Invalid ${what}` : `The ${what} names what the console doesn't have`;
  throw new AppError(malformed.length > 0 ? 'INVALID_INPUT' : 'UNPROCESSABLE', `${lead}; nothing was stored: ${describeIssues(issues)}`, {
    issues,
    ...(valid ? { valid } : {}),
  });
}

const issuesOf = (error: AppError): FieldIssue[] => {
  const details = error.details as { issues?: FieldIssue[] } | undefined;
  return details?.issues ?? [{ path: '(body)', message: error.message }];
};

/** Runs a record store write; an error it still raises (a race with another writer) names the wire's fields. */
function upsert<T>(write: () => T): T {
  try {
    return write();
  } catch (error) {
    if (error instanceof AppError && Array.isArray((error.details as { issues?: unknown } | undefined)?.issues)) {
      const details = error.details as { issues: FieldIssue[] };
      const renamed = wireIssues(details.issues);
      // Messages that list the issues ("Invalid client: firstName: …") list them renamed too.
      const message = error.message.replace(describeIssues(details.issues), describeIssues(renamed));
      throw new AppError(error.code, message, { ...details, issues: renamed });
    }
    throw error;
  }
}

/** Registers the case and client upsert routes. */
export function registerRecordRoutes(app: FastifyInstance, records: RecordStore, sqlite: Database.Database): void {
  // A 200/201 promises the record is stored: commit it as durably as an acknowledged event.
  const durably = <T>(write: () => T) => upsert(() => commitDurably(sqlite, write));
  app.put('/v1/cases/:external_source/:external_id', async (request, reply) => {
    const url = refOf(request);
    const body = parseCaseBody(request.body);
    const v = body.values;
    const clients = v.clients?.map((c) => ({ externalSource: c.external_source, externalId: c.external_id }));
    const problems = records.caseRefProblems({ caseType: v.case_type, status: v.status, customValues: v.custom_values, campaignId: v.campaign_id, clientIds: v.client_ids, clients });
    refuseIfInvalid('case', [...url.issues, ...body.issues], problems);
    const input: CaseUpsert = {
      ...url.ref!,
      name: v.name!,
      caseType: v.case_type!,
      status: v.status!,
      caseNumber: v.case_number,
      campaignId: v.campaign_id,
      clientIds: v.client_ids,
      clients,
      customValues: v.custom_values,
    };
    const { case: saved, outcome } = durably(() => records.upsertCase(input, writeContextOf(request)));
    return reply.code(outcome === 'created' ? 201 : 200).send({ id: saved.id, outcome, version: saved.version, case_number: saved.caseNumber });
  });

  app.put('/v1/clients/:external_source/:external_id', async (request, reply) => {
    const url = refOf(request);
    const body = parseClientBody(request.body);
    refuseIfInvalid('client', [...url.issues, ...body.issues], []);
    const v = body.values;
    const input: ClientUpsert = { ...url.ref!, firstName: v.first_name!, lastName: v.last_name, phones: v.phones, emails: v.emails, optOuts: v.opt_outs };
    const { client, outcome } = durably(() => records.upsertClient(input, writeContextOf(request)));
    return reply.code(outcome === 'created' ? 201 : 200).send({ id: client.id, outcome, version: client.version });
  });
}

/** The demo generator's key writes demo records; every other key writes real ones. */
function writeContextOf(request: FastifyRequest): WriteContext {
  return request.ingestKey?.isDemo ? { origin: 'demo', isDemo: true } : { origin: 'ingest' };
}
