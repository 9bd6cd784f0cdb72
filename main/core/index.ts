export { createCore, openCore, type Core, type CoreOptions } from './create-core';
export { explainStartupFailure, StartupError } from './startup-failure';
export { openedStack, type OpenedStack } from './opened-stack';
export { systemClock, type Clock } from '../kernel/clock';
export type { Dispatch } from './dispatcher';
export type { EventBus } from '../kernel/event-bus';
