// The live stream's state as a badge: Live (updates arrive as they happen), Reconnecting…, or Connection lost —
// so a list that stopped updating never looks live.
import { Badge, Loader } from '@mantine/core';
import { useLiveState } from '../api/client';
import type { LiveState } from '../api/event-stream';

const LOOK: Record<LiveState, { label: string; color: string; title: string }> = {
  connecting: { label: 'Connecting…', color: 'gray', title: 'Connecting to the console’s host for live updates' },
  live: { label: 'Live', color: 'teal', title: 'New deliveries and status changes appear as they happen' },
  reconnecting: {
    label: 'Reconnecting…',
    color: 'yellow',
    title: 'The connection to the console’s host dropped; trying again. What is shown may be out of date.',
  },
  lost: {
    label: 'Connection lost',
    color: 'red',
    title: 'The console’s host can’t be reached: is it still running? Retrying by itself; what is shown may be out of date.',
  },
};

/** The badge; `onlyWhenDown` hides it while live (for the header, where Live would be noise). */
export function LiveBadge({ onlyWhenDown = false }: { onlyWhenDown?: boolean }) {
  const state = useLiveState();
  if (onlyWhenDown && (state === 'live' || state === 'connecting')) return null;
  const look = LOOK[state];
  return (
    <Badge
      size="xs"
      variant="dot"
      color={look.color}
      title={look.title}
      data-testid="live-state"
      data-state={state}
      role="status"
      rightSection={state === 'reconnecting' ? <Loader size={8} color="yellow" /> : undefined}
    >
      {look.label}
    </Badge>
  );
}
