// How the Activity log names its rows' kinds and outcomes on screen.
import type { MantineColor } from '@mantine/core';
import type { SchedulingActivityRow } from '../../../../shared/domain/scheduling';

export const KIND_LABELS: Record<SchedulingActivityRow['kind'], string> = {
  availability: 'Availability',
  booking: 'Booking',
  cancel: 'Cancel',
  reschedule: 'Reschedule',
};

const OUTCOME_LABELS: Record<string, string> = {
  ok: 'OK',
  replayed: 'Replayed',
  late_ok: 'OK, late',
  refused: 'Refused',
  unavailable: 'Unavailable',
  timed_out: 'Timed out',
  failed: 'Failed',
};

/** "slot_taken" → "slot taken". */
const words = (code: string) => code.replace(/_/g, ' ').trim();

/** The outcome in words, with the reason when there is one: "Refused: slot taken". */
export function outcomeLabel(row: Pick<SchedulingActivityRow, 'outcome' | 'reason'>): string {
  const known = OUTCOME_LABELS[row.outcome];
  const outcome = known ?? (words(row.outcome) === '' ? 'Unknown' : `${words(row.outcome).charAt(0).toUpperCase()}${words(row.outcome).slice(1)}`);
  return row.reason ? `${outcome}: ${words(row.reason)}` : outcome;
}

/** Green when it went through, orange when refused for the caller to fix (a taken slot, booking off), red otherwise. */
export function outcomeColor(row: Pick<SchedulingActivityRow, 'ok' | 'outcome'>): MantineColor {
  if (row.ok) return 'green';
  return row.outcome === 'refused' ? 'orange' : 'red';
}

/** "840 ms", "2.4 s". */
export function latencyLabel(ms: number): string {
  return ms < 1000 ? `${ms} ms` : `${(ms / 1000).toFixed(1)} s`;
}
