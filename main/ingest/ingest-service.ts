// Accepting events inside the core: validate the whole body, resolve the records it names, store it (all or
// nothing, in a durable group commit), then announce the change and hand each new event to the subscribers.
import type Database from 'better-sqlite3';
import type { StoredEvent } from '../../shared/domain/events';
import { AppError, describeIssues } from '../../shared/result';
import type { Clock, EventBus } from '../kernel';
import { announceChanged } from '../kernel';
import type { Logger } from '../log';
import type { RecordStore } from '../workspace';
import { parseEventsBody, validEvents } from './event-parser';
import { IdempotencyConflictError, type EventStore, type InsertOutcome, type NewEvent } from './event-store';
import { createGroupCommitter } from './group-commit';
import { createRefResolver } from './ref-resolver';

export interface AcceptContext {
  /** The API key the events came with; null for events made inside the console (demo mode). */
  apiKeyId: string | null;
  /** An Idempotency-Key header: the key of a single event, or `<key>#<index>` for each event of a batch. */
  idempotencyKey?: string;
  isDemo?: boolean;
}

export interface AcceptResult {
  batch: boolean;
  /** One per posted event, in order. */
  outcomes: InsertOutcome[];
}

export type EventListener = (event: StoredEvent) => void;
/** Runs inside the transaction that stores new events: its writes commit with them or not at all. */
export type CommitHook = (events: readonly StoredEvent[]) => void;

export interface IngestService {
  /**
   * Validates and stores a posted body (one event or `{events}`), all or nothing; resolves once it is durably
   * committed. Rejects with an AppError naming every problem.
   */
  accept(body: unknown, ctx: AcceptContext): Promise<AcceptResult>;
  /** Called once per newly stored event, after its commit (duplicates are not repeated). Returns the unsubscribe. */
  onEvent(listener: EventListener): () => void;
  /** Work that must commit together with new events (the webhook fan-out); a throwing hook fails the request. */
  onCommit(hook: CommitHook): () => void;
}

export interface IngestServiceDeps {
  sqlite: Database.Database;
  store: EventStore;
  records: RecordStore;
  clock: Clock;
  events: EventBus;
  logger: Logger;
}

export function createIngestService({ sqlite, store, records, clock, events, logger }: IngestServiceDeps): IngestService {
  const resolver = createRefResolver(sqlite, records);
  const listeners = new Set<EventListener>();
  const hooks = new Set<CommitHook>();
  const committer = createGroupCommitter(sqlite);

  const notify = (event: StoredEvent) => {
    for (const listener of listeners) {
      try {
        listener(event);
      } catch (error) {
        // A subscriber's bug must not turn an acknowledged event into a failed request.
        logger.error({ err: error, eventId: event.id, type: event.type }, 'event subscriber failed');
      }
    }
  };

  return {
    async accept(body, ctx) {
      const parsed = parseEventsBody(body);
      const { prefix } = parsed;
      // References are checked even for malformed events, so that one answer names every problem.
      const resolved = parsed.items.map((item, i) => resolver.resolve(item.refs, prefix(i)));
      const accepted = validEvents(parsed, resolved.map((r) => r.issues));
      const rows: NewEvent[] = accepted.map((event, i) => {
        const headerKey = ctx.idempotencyKey === undefined ? null : parsed.batch ? `${ctx.idempotencyKey}#${i}` : ctx.idempotencyKey;
        return {
          type: event.type,
          occurredAt: new Date(event.occurred_at).toISOString(),
          campaignId: event.campaign_id ?? null,
          ...resolved[i]!.refs,
          data: event.data as Record<string, unknown>,
          idempotencyKey: event.id ?? headerKey,
          apiKeyId: ctx.apiKeyId,
          isDemo: ctx.isDemo ?? false,
        };
      });
      let outcomes: InsertOutcome[];
      try {
        const receivedAt = clock.now().toISOString();
        outcomes = await committer.run(() => {
          const inserted = store.insert(rows, receivedAt);
          if (hooks.size > 0) {
            const fresh = inserted.filter((o) => !o.duplicate).map((o) => o.event);
            if (fresh.length > 0) for (const hook of hooks) hook(fresh);
          }
          return inserted;
        });
      } catch (error) {
        if (!(error instanceof IdempotencyConflictError)) throw error;
        const conflicts = error.indices.map((i) => ({
          path: accepted[i]!.id !== undefined ? `${prefix(i) ? `${prefix(i)}.` : ''}id` : 'Idempotency-Key',
          message: `${JSON.stringify(rows[i]!.idempotencyKey)} was already used for a different event; a new event needs a new id`,
        }));
        throw new AppError('CONFLICT', `Idempotency key reused for a different event; nothing was stored: ${describeIssues(conflicts)}`, { issues: conflicts });
      }
      const fresh = outcomes.filter((o) => !o.duplicate);
      if (fresh.length > 0) {
        announceChanged(events, ['events']);
        for (const o of fresh) notify(o.event);
      }
      return { batch: parsed.batch, outcomes };
    },
    onEvent(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    onCommit(hook) {
      hooks.add(hook);
      return () => hooks.delete(hook);
    },
  };
}
