// In-process fan-out of contract events to whichever host is listening (IPC window, SSE streams).
import { EventEmitter } from 'node:events';
import { events, type ContractEvents } from '../../shared/contract';
import type { EventListener, EventPayload, EventSubscriber } from '../../shared/rpc';

export interface EventBus extends EventSubscriber<ContractEvents> {
  emit<K extends keyof ContractEvents & string>(name: K, payload: EventPayload<ContractEvents, K>): void;
  /** Every event, for transports that forward them all (SSE, IPC). */
  onAny(listener: (name: keyof ContractEvents & string, payload: unknown) => void): () => void;
}

export function createEventBus(): EventBus {
  const emitter = new EventEmitter();
  emitter.setMaxListeners(0);
  const ANY = Symbol('any');
  return {
    emit(name, payload) {
      // Validated here so that a malformed event is a bug found in main, not a surprise in the renderer.
      const checked = events[name].parse(payload);
      emitter.emit(name, checked);
      emitter.emit(ANY, name, checked);
    },
    on(name, listener) {
      const l = listener as EventListener<ContractEvents, typeof name>;
      emitter.on(name, l);
      return () => emitter.off(name, l);
    },
    onAny(listener) {
      emitter.on(ANY, listener);
      return () => emitter.off(ANY, listener);
    },
  };
}
