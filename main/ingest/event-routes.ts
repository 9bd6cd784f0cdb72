// POST /v1/events: one event or `{events: [...]}`, acknowledged 202 with the stored ids only after commit.
import type { FastifyInstance } from 'fastify';
import { AppError } from '../../shared/result';
import type { IngestService } from './ingest-service';

const IDEMPOTENCY_HEADER = 'idempotency-key';

/** Reads the Idempotency-Key header: printable ASCII, 1–200 characters. */
function idempotencyKeyOf(value: string | string[] | undefined): string | undefined {
  if (value === undefined) return undefined;
  const key = (Array.isArray(value) ? value[0] : value)?.trim() ?? '';
  if (!/^[\x21-\x7e]{1,200}$/.test(key)) {
    throw new AppError('INVALID_INPUT', 'The Idempotency-Key header must be 1 to 200 printable characters without spaces (a UUID works well).', {
      issues: [{ path: 'Idempotency-Key', message: 'expected 1–200 printable characters' }],
    });
  }
  return key;
}

/** Registers the event intake route. */
export function registerEventRoutes(app: FastifyInstance, ingest: IngestService): void {
  app.post('/v1/events', async (request, reply) => {
    const result = await ingest.accept(request.body, {
      apiKeyId: request.ingestKey!.id,
      isDemo: request.ingestKey!.isDemo,
      idempotencyKey: idempotencyKeyOf(request.headers[IDEMPOTENCY_HEADER]),
    });
    const ids = result.outcomes.map((o) => o.event.id);
    const duplicates = result.outcomes.filter((o) => o.duplicate).length;
    const body = result.batch ? { ids, duplicates } : { id: ids[0], duplicate: duplicates > 0 };
    return reply.code(202).send(body);
  });
}
