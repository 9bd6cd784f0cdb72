// Try it: the agent's next free slots as the voice agent would say them (in the company's timezone), a test
// appointment booked into one of them, then cancelled. Uses the agent's saved settings and the company key.
import { Alert, Button, Card, Group, Radio, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconAlertTriangle, IconCalendarPlus, IconFlask, IconInfoCircle, IconRefresh } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import type { TryItBooking } from '../../../../shared/domain/scheduling';
import { useContractMutation, useContractQuery } from '../../api/client';
import { ErrorAlert, LoadingState } from '../../components/query-state';
import { formErrors } from '../../field-issues';
import { bookingRefusal } from './booking-refusal';
import { TryItBookingResult } from './try-it-booking';

/** How many of the free slots are offered: a caller hears a few, not a week's worth. */
const SHOWN_SLOTS = 6;

interface TryItPanelProps {
  agentId: string;
  /** Why this agent can't book now (booking off, disconnected, no event type); null when it can. */
  blocked: string | null;
}

interface BookFormProps {
  agentId: string;
  start: string | null;
  onBooked: (booking: TryItBooking) => void;
  /** The slot was taken meanwhile: the list is asked again. */
  onTaken: () => void;
}

function BookForm({ agentId, start, onBooked, onTaken }: BookFormProps) {
  const [name, setName] = useState('Test Caller');
  const [email, setEmail] = useState('test.caller@example.com');
  const book = useContractMutation('schedulingBooking.book');
  // One Idempotency-Key per booking attempt: a double submit or a retry of the same request never books twice; any
  // change (another slot, another attendee) is a new attempt.
  const attempt = `${start}|${name}|${email}`;
  const [idempotency, setIdempotency] = useState(() => ({ attempt, key: crypto.randomUUID() }));
  if (idempotency.attempt !== attempt) setIdempotency({ attempt, key: crypto.randomUUID() });
  const errors = formErrors(book.error, ['attendee.name', 'attendee.email', 'attendee.phone', 'start'] as const);
  const refusal = bookingRefusal(book.error);
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (start === null) return;
    book.mutate(
      { agentId, start, attendee: { name: name.trim(), email: email.trim() }, idempotencyKey: idempotency.key },
      {
        onSuccess: onBooked,
        onError: (error) => {
          if (bookingRefusal(error)?.reason === 'slot_taken') onTaken();
        },
      },
    );
  };
  const fieldError = errors.fields['attendee.name'] ?? errors.fields['attendee.email'];
  return (
    <form onSubmit={submit} noValidate aria-label="Book a test appointment">
      <Stack gap="sm">
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <TextInput label="Attendee name" value={name} onChange={(e) => setName(e.currentTarget.value)} error={errors.fields['attendee.name']} autoComplete="off" />
          <TextInput label="Attendee email" value={email} onChange={(e) => setEmail(e.currentTarget.value)} error={errors.fields['attendee.email']} autoComplete="off" spellCheck={false} />
        </SimpleGrid>
        {book.error && !fieldError && (
          <Alert color={refusal ? 'orange' : 'red'} icon={<IconAlertTriangle size={18} />} title={refusal?.reason === 'slot_taken' ? 'That time was just taken' : "Couldn't book the test appointment"} role="alert" data-testid="try-it-refused">
            <Text size="sm">{book.error.message}</Text>
            {refusal && refusal.alternatives.length > 0 && (
              <Text size="sm" mt={4}>
                The agent would offer instead: {refusal.alternatives.map((a) => `“${a.spoken}”`).join(', ')}.
              </Text>
            )}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button type="submit" leftSection={<IconCalendarPlus size={16} />} loading={book.isPending} disabled={start === null}>
            Book test appointment
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function Slots({ agentId, onBooked }: { agentId: string; onBooked: (b: TryItBooking) => void }) {
  const slots = useContractQuery('schedulingBooking.slots', { agentId }, { retry: false, staleTime: 0 });
  const [chosen, setChosen] = useState<string | null>(null);
  if (slots.error) return <ErrorAlert title="Couldn't list the free slots" error={slots.error} onRetry={() => void slots.refetch()} retrying={slots.isFetching} />;
  if (!slots.data) return <LoadingState label="Asking Cal.com for free slots…" />;
  const { slots: free, timeZone, eventType } = slots.data;
  const shown = free.slice(0, SHOWN_SLOTS);
  const start = shown.some((s) => s.start === chosen) ? chosen : (shown[0]?.start ?? null);
  return (
    <Stack gap="md">
      <Group justify="space-between" gap="xs">
        <Text size="sm" c="dimmed">
          {eventType ? `${eventType.title} · ${eventType.lengthMinutes} min · ` : ''}times in {timeZone}
        </Text>
        <Button variant="subtle" size="xs" leftSection={<IconRefresh size={14} />} onClick={() => void slots.refetch()} loading={slots.isFetching}>
          Refresh
        </Button>
      </Group>
      {shown.length === 0 ? (
        <Alert color="yellow" icon={<IconInfoCircle size={18} />} data-testid="try-it-no-slots">
          <Text size="sm">No free slots in the coming days: the agent would say it has no times to offer. Check the event type’s availability in Cal.com.</Text>
        </Alert>
      ) : (
        <Radio.Group label="The agent would offer" value={start} onChange={setChosen} data-testid="try-it-slots">
          <Stack gap={6} mt="xs">
            {shown.map((slot) => (
              <Radio key={slot.start} value={slot.start} label={`“${slot.spoken}”`} data-testid="try-it-slot" data-spoken={slot.spoken} />
            ))}
          </Stack>
        </Radio.Group>
      )}
      {shown.length > 0 && <BookForm agentId={agentId} start={start} onBooked={onBooked} onTaken={() => void slots.refetch()} />}
    </Stack>
  );
}

export function TryItPanel({ agentId, blocked }: TryItPanelProps) {
  const [started, setStarted] = useState(false);
  const [booking, setBooking] = useState<TryItBooking | null>(null);
  return (
    <Card data-testid="try-it">
      <Group gap="xs" mb={4}>
        <IconFlask size={20} aria-hidden />
        <Title order={3} size="h4">
          Try it
        </Title>
      </Group>
      <Text size="sm" c="dimmed" mb="md">
        Hear the free times this agent would offer a caller, and book a test appointment on the real calendar. Cancel it afterwards. Uses the saved settings.
      </Text>
      {blocked ? (
        <Alert color="gray" icon={<IconInfoCircle size={18} />} data-testid="try-it-blocked">
          <Text size="sm">{blocked}</Text>
        </Alert>
      ) : booking ? (
        <TryItBookingResult
          booking={booking}
          onCancelled={() => {
            setBooking(null);
            setStarted(true);
          }}
        />
      ) : started ? (
        <Slots agentId={agentId} onBooked={setBooking} />
      ) : (
        <Button variant="light" onClick={() => setStarted(true)}>
          Show the next free slots
        </Button>
      )}
    </Card>
  );
}
