// What every capability uses and that depends on nothing else in main/: time, ids, the contract's event bus and
// the long-task registry that reports `task.progress`.
export { systemClock, type Clock } from './clock';
export { newId, ulidIds, sequentialIds, type IdGenerator } from './ids';
export { createEventBus, type EventBus } from './event-bus';
export { createTaskRegistry, type Task, type TaskRegistry } from './task-registry';
