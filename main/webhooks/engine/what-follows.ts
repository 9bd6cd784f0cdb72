// What an attempt's result means for its delivery: the delivery's next state, its next attempt, and the step
// (retry, give up, deactivate on 410) that the engine acts on once the outcome is written.
import type { AttemptFinish, DueDelivery } from '../store/delivery-store';
import { nextStep, type NextStep } from '../policy/retry-policy';
import type { SendResult } from './send-attempt';

export interface WhatFollows {
  state: AttemptFinish['state'];
  nextAttemptAt: number | null;
  step: NextStep | null;
  /** The outcome's message, with why it was the last attempt when it was. */
  errorMessage: string | null;
}

/** `unsendable`: the event is gone, so the delivery fails at once. Tests and manual replays are single attempts. */
export function whatFollows(d: DueDelivery, result: SendResult, startedAt: string, finishedAt: Date, rng: () => number, unsendable: boolean): WhatFollows {
  const { outcome } = result;
  let step: NextStep | null = null;
  let state: AttemptFinish['state'];
  let nextAttemptAt: number | null = null;
  if (unsendable) {
    state = 'failed';
  } else if (d.trigger === 'scheduled' && !d.isTest) {
    step = nextStep({ attemptNumber: d.attempts + 1, firstAttemptAt: new Date(d.firstAttemptAt ?? startedAt), now: finishedAt, outcome, rng });
    state = step.kind === 'succeeded' ? 'succeeded' : step.kind === 'retry' ? 'pending' : 'failed';
    if (step.kind === 'retry') nextAttemptAt = step.at.getTime();
  } else {
    state = outcome.ok ? 'succeeded' : 'failed';
    if (!outcome.ok && outcome.status === 410 && !d.isTest) step = nextStep({ attemptNumber: 1, firstAttemptAt: finishedAt, now: finishedAt, outcome, rng });
  }
  const errorMessage = outcome.ok ? null : step?.kind === 'deactivate' || step?.kind === 'failed' ? `${outcome.message}. ${step.reason}` : outcome.message;
  return { state, nextAttemptAt, step, errorMessage };
}

/** The result recorded for a delivery whose event is no longer stored: nothing was sent. */
export const missingEventResult = (): SendResult => ({
  outcome: {
    ok: false,
    errorClass: 'connect',
    status: null,
    message: 'Not sent: the event is no longer stored (removed with the demo data); there is nothing to deliver',
    retryAfter: null,
    durationMs: 0,
  },
  resolvedIp: null,
  responseHeaders: null,
  responseBody: null,
  responseTruncated: false,
  stopped: false,
});
