// Handlers of the demo procedures over the core's demo mode.
import type { demoContract } from '../../shared/contract/demo';
import type { Handlers } from '../../shared/rpc';
import type { DemoMode } from './demo-mode';

export interface DemoDeps {
  demo: DemoMode;
}

/** The contract's `demo` namespace. */
export function demoHandlers({ demo }: DemoDeps): Handlers<typeof demoContract> {
  return {
    demo: {
      status: () => demo.status(),
      start: (input) => demo.start(input),
      stop: () => demo.stop(),
      setRate: ({ ratePerMinute }) => demo.setRate(ratePerMinute),
      wipe: () => demo.wipe(),
    },
  };
}
