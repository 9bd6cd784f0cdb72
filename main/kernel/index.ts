// What every capability uses and that depends on nothing else in main/: time, ids, the contract's event bus, the one
// way to announce `tables.changed`, and the long-task registry that reports `task.progress`.
export { systemClock, type Clock } from './clock';
export { newId, ulidIds, sequentialIds, type IdGenerator } from './ids';
export { createEventBus, type EventBus } from './event-bus';
export { announceChanged, holdAnnouncements } from './tables-changed';
export { createTaskRegistry, type Task, type TaskRegistry } from './task-registry';
export { mulberry32 } from './seeded-random';
export { collectGarbage } from './heap';
