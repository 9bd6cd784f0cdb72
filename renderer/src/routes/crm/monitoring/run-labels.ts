// How runs and record errors are named on the Monitoring tab: triggers, directions, outcomes and their colours.
import type { MantineColor } from '@mantine/core';
import type { RunDirection, RunOutcome, RunTrigger } from '../../../../../shared/domain/sync-runs';

export const TRIGGER_LABELS: Record<RunTrigger, string> = {
  realtime: 'Real time',
  schedule: 'Schedule',
  manual: 'Sync now',
  initial: 'Initial sync',
  apply_all: 'Apply to all',
};

export const DIRECTION_LABELS: Record<RunDirection, string> = { to_crm: 'Kayse → CRM', from_crm: 'CRM → Kayse', both: 'Both ways' };

export const OUTCOME_LABELS: Record<RunOutcome, string> = { ok: 'OK', partial: 'Partial', failed: 'Failed', cancelled: 'Cancelled' };
export const OUTCOME_COLORS: Record<RunOutcome, MantineColor> = { ok: 'teal', partial: 'yellow', failed: 'red', cancelled: 'gray' };

export const triggerLabel = (trigger: string) => TRIGGER_LABELS[trigger as RunTrigger] ?? trigger;

/** "850 ms", "12 s", "3 min 5 s". */
export function durationLabel(startedAt: string, finishedAt: string): string {
  const ms = Math.max(0, Date.parse(finishedAt) - Date.parse(startedAt));
  if (ms < 1000) return `${ms} ms`;
  const s = Math.round(ms / 1000);
  if (s < 60) return `${s} s`;
  return `${Math.floor(s / 60)} min${s % 60 ? ` ${s % 60} s` : ''}`;
}
