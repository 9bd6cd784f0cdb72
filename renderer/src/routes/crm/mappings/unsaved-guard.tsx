// Unsaved changes are never lost silently: leaving the tab or the screen (any navigation) while a draft differs from
// what is saved asks first, and so does switching what the draft is about (another case type) on the tab itself.
import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useBlocker } from 'react-router';

function DiscardModal({ opened, what, onStay, onDiscard }: { opened: boolean; what: string; onStay: () => void; onDiscard: () => void }) {
  return (
    <Modal opened={opened} onClose={onStay} title="Discard unsaved changes?" data-testid="unsaved-changes-modal">
      <Stack gap="md">
        <Text size="sm">{what} has changes that are not saved. Leaving now discards them.</Text>
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onStay} data-autofocus>
            Stay
          </Button>
          <Button color="red" onClick={onDiscard}>
            Discard changes
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

/** Asks before any navigation (another tab, another screen) while `dirty`. */
export function LeaveGuard({ dirty, what }: { dirty: boolean; what: string }) {
  const blocker = useBlocker(({ currentLocation, nextLocation }) => dirty && (currentLocation.pathname !== nextLocation.pathname || currentLocation.search !== nextLocation.search));
  const blocked = blocker.state === 'blocked';
  return <DiscardModal opened={blocked} what={what} onStay={() => blocked && blocker.reset()} onDiscard={() => blocked && blocker.proceed()} />;
}

/** `guard(action)` runs the action at once when nothing is unsaved, else after the user agrees to discard. */
export function useDiscardConfirm(dirty: boolean, what: string) {
  const [pending, setPending] = useState<(() => void) | null>(null);
  const guard = (action: () => void) => (dirty ? setPending(() => action) : action());
  const modal = (
    <DiscardModal
      opened={pending !== null}
      what={what}
      onStay={() => setPending(null)}
      onDiscard={() => {
        pending?.();
        setPending(null);
      }}
    />
  );
  return { guard, modal };
}
