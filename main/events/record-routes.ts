// PUT /v1/cases/:external_source/:external_id and PUT /v1/clients/…: the platform's cases and clients,
// upserted through the record store (origin "ingest"), in the API's snake_case.
import type Database from 'better-sqlite3';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { commitDurably } from './durable-commit';
import { z } from 'zod';
import { externalRefSchema } from '../../shared/domain/events';
import { phoneNumberSchema } from '../../shared/domain/phone';
import type { CaseUpsert, ClientUpsert } from '../../shared/domain/workspace';
import { AppError, describeIssues, type FieldIssue } from '../../shared/result';
import type { RecordStore, WriteContext } from '../workspace/records';
import { fieldIssues } from './field-issues';

const caseBodySchema = z.strictObject({
  name: z.string(),
  case_type: z.string(),
  status: z.string(),
  case_number: z.string().optional(),
  campaign_id: z.string().nullable().optional(),
  client_ids: z.array(z.string()).optional(),
  clients: z.array(externalRefSchema).optional(),
  custom_values: z.record(z.string(), z.unknown()).optional(),
});

const clientBodySchema = z.strictObject({
  first_name: z.string(),
  last_name: z.string().optional(),
  // Stricter than the record store (imports take phones as people write them): the API documents E.164 or SIP.
  phones: z.array(phoneNumberSchema).optional(),
  emails: z.array(z.string()).optional(),
  opt_outs: z.array(z.string()).optional(),
});

const snake = (name: string) => name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/** The record store speaks camelCase; the ingest API answers in the names the sender used. */
function snakeIssues(issues: FieldIssue[]): FieldIssue[] {
  const rename = (path: string) => path.split('.').reduce((out, part, n) => (/^\d+$/.test(part) ? `${out}[${part}]` : n === 0 ? snake(part) : `${out}.${part}`), '');
  return issues.map((i) => ({ ...i, path: rename(i.path) }));
}

function parseBody<T>(schema: z.ZodType<T>, body: unknown, what: string): T {
  const parsed = schema.safeParse(body, { reportInput: true });
  if (parsed.success) return parsed.data;
  const issues = fieldIssues(parsed.error);
  throw new AppError('INVALID_INPUT', `Invalid ${what}; nothing was stored: ${describeIssues(issues)}`, { issues });
}

/** Runs a record store write, renaming the fields its errors name back to snake_case. */
function upsert<T>(write: () => T): T {
  try {
    return write();
  } catch (error) {
    if (error instanceof AppError && typeof error.details === 'object' && error.details !== null && 'issues' in error.details) {
      const details = error.details as { issues: FieldIssue[] };
      throw new AppError(error.code, error.message, { ...details, issues: snakeIssues(details.issues) });
    }
    throw error;
  }
}

type RefParams = { external_source: string; external_id: string };
const refOf = (request: FastifyRequest) => {
  const { external_source, external_id } = request.params as RefParams;
  const parsed = externalRefSchema.safeParse({ external_source, external_id }, { reportInput: true });
  if (!parsed.success) {
    const issues = fieldIssues(parsed.error);
    throw new AppError('INVALID_INPUT', `Invalid record reference in the URL: ${describeIssues(issues)}`, { issues });
  }
  return { externalSource: parsed.data.external_source, externalId: parsed.data.external_id };
};

/** Registers the case and client upsert routes. */
export function registerRecordRoutes(app: FastifyInstance, records: RecordStore, sqlite: Database.Database): void {
  // A 200/201 promises the record is stored: commit it as durably as an acknowledged event.
  const durably = <T>(write: () => T) => upsert(() => commitDurably(sqlite, write));
  app.put('/v1/cases/:external_source/:external_id', async (request, reply) => {
    const ref = refOf(request);
    const body = parseBody(caseBodySchema, request.body, 'case');
    const input: CaseUpsert = {
      ...ref,
      name: body.name,
      caseType: body.case_type,
      status: body.status,
      caseNumber: body.case_number,
      campaignId: body.campaign_id,
      clientIds: body.client_ids,
      clients: body.clients?.map((c) => ({ externalSource: c.external_source, externalId: c.external_id })),
      customValues: body.custom_values,
    };
    const { case: saved, outcome } = durably(() => records.upsertCase(input, writeContextOf(request)));
    return reply.code(outcome === 'created' ? 201 : 200).send({ id: saved.id, outcome, version: saved.version, case_number: saved.caseNumber });
  });

  app.put('/v1/clients/:external_source/:external_id', async (request, reply) => {
    const ref = refOf(request);
    const body = parseBody(clientBodySchema, request.body, 'client');
    const input: ClientUpsert = {
      ...ref,
      firstName: body.first_name,
      lastName: body.last_name,
      phones: body.phones,
      emails: body.emails,
      optOuts: body.opt_outs as ClientUpsert['optOuts'],
    };
    const { client, outcome } = durably(() => records.upsertClient(input, writeContextOf(request)));
    return reply.code(outcome === 'created' ? 201 : 200).send({ id: client.id, outcome, version: client.version });
  });
}

/** The demo generator's key writes demo records; every other key writes real ones. */
function writeContextOf(request: FastifyRequest): WriteContext {
  return request.ingestKey?.isDemo ? { origin: 'demo', isDemo: true } : { origin: 'ingest' };
}
