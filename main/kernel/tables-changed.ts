// The one place that announces `tables.changed`: every write path calls `announceChanged(events, tables)` right
// after its write, naming what it touched; nothing else emits that event.
//
// The rule: a change is announced once it is committed, and the writes of one transaction are announced once.
// - Outside a transaction a statement has committed when it returns (autocommit): the announcement goes out at once.
// - Inside a write transaction begun through main/db (writeTransaction / defineWriteTransaction run their work in
//   `holdAnnouncements`), announcements wait for the outermost COMMIT and then go out as one `tables.changed` per
//   event bus naming every table announced inside it (in first-announced order). A transaction or savepoint that
//   rolls back drops what was announced inside it: nothing changed.
// Announcing is synchronous, so an announcement belongs to the write transaction running when it is made (there is
// at most one on the stack: better-sqlite3 transactions never yield). Writers at thousands of rows a second may
// collect on top and announce less often (webhooks every 250 ms, demo activity every second), still through here.
import type { TableName } from '../../shared/domain/tables';
import type { EventBus } from './event-bus';

type Held = Map<EventBus, Set<TableName>>;

/** One entry per open write transaction or savepoint, innermost last; null until something is announced in it. */
const held: (Held | null)[] = [];

function emitAll(announcements: Held): void {
  for (const [events, tables] of announcements) events.emit('tables.changed', { tables: [...tables] });
}

function hold(into: Held, events: EventBus, tables: Iterable<TableName>): void {
  let set = into.get(events);
  if (!set) into.set(events, (set = new Set()));
  for (const table of tables) set.add(table);
}

/** Announces that `tables` changed: now, or when the write transaction running now commits (dropped if it rolls back). */
export function announceChanged(events: EventBus, tables: readonly TableName[]): void {
  if (tables.length === 0) return;
  const top = held.length - 1;
  if (top < 0) {
    events.emit('tables.changed', { tables: [...tables] });
    return;
  }
  hold((held[top] ??= new Map()), events, tables);
}

/**
 * Runs `work` (a write transaction, or a savepoint inside one) holding the announcements made inside it: when it
 * returns they pass to the enclosing transaction, or go out if there is none; when it throws they are dropped.
 */
export function holdAnnouncements<T>(work: () => T): T {
  held.push(null);
  let result: T;
  try {
    result = work();
  } catch (error) {
    held.pop();
    throw error;
  }
  const announced = held.pop();
  if (announced) {
    const top = held.length - 1;
    if (top < 0) emitAll(announced);
    else {
      const parent = (held[top] ??= new Map());
      for (const [events, tables] of announced) hold(parent, events, tables);
    }
  }
  return result;
}
