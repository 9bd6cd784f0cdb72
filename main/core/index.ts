export { createCore, type Core, type CoreOptions } from './create-core';
export { systemClock, type Clock } from './clock';
export type { Dispatch } from './dispatcher';
export type { EventBus } from './event-bus';
