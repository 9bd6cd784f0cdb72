export { createCore, openCore, type Core, type CoreOptions } from './create-core';
export { explainStartupFailure, StartupError } from './startup-failure';
export { openedStack, type OpenedStack } from './opened-stack';
export { systemClock, type Clock, type EventBus } from '../kernel';
export type { Dispatch } from './dispatcher';
