// An agent's Appointment Booking: the toggle, the Event Type ID (a number or the pasted editor URL, looked up live),
// the company timezone every booking uses (changed on the Company page) and the shared company key.
import { Anchor, Button, Card, Group, Stack, Switch, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCalendarEvent, IconCheck, IconDeviceFloppy } from '@tabler/icons-react';
import { useState, type FormEvent, type ReactNode } from 'react';
import { Link } from 'react-router';
import type { Agent } from '../../../../shared/domain/workspace';
import { useContractMutation, useContractQuery } from '../../api/client';
import { FormErrorsAlert } from '../../components/form-errors-alert';
import { formErrors } from '../../field-issues';
import { COMPANY_PATH } from './agent-paths';
import { bookingChange, draftOf, isDirty, type BookingDraft } from './booking-draft';

const FIELDS = ['appointmentBooking', 'eventTypeId'] as const;

interface BookingSettingsCardProps {
  agent: Agent;
  /** Under the Event Type ID field: what the id points at on Cal.com, looked up as it is typed. */
  renderLookup?: (text: string) => ReactNode;
  /** Above the form: why this agent can't book right now, if it can't. */
  notice?: ReactNode;
}

function CompanyTimezone() {
  const company = useContractQuery('company.get', undefined, { staleTime: 60_000 });
  const zone = company.data?.timezone ?? '';
  return (
    <TextInput
      label="Timezone"
      value={company.isPending ? 'Loading…' : zone === '' ? 'Not set' : zone}
      readOnly
      variant="filled"
      data-testid="company-timezone"
      description={
        <>
          Every booking uses the company’s timezone.{' '}
          <Anchor component={Link} to={COMPANY_PATH} size="xs">
            Change it on the Company page
          </Anchor>
        </>
      }
      error={company.data && zone === '' ? 'Set the company’s timezone before agents book.' : undefined}
    />
  );
}

export function BookingSettingsCard({ agent, renderLookup, notice }: BookingSettingsCardProps) {
  const [draft, setDraft] = useState<BookingDraft>(() => draftOf(agent));
  const [submitted, setSubmitted] = useState(false);
  const update = useContractMutation('agents.update');
  const change = bookingChange(draft);
  const server = formErrors(update.error, FIELDS);
  const dirty = isDirty(draft, agent);

  const edit = (next: Partial<BookingDraft>) => {
    setDraft((d) => ({ ...d, ...next }));
    update.reset();
  };
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setSubmitted(true);
    if (!change.ok) return;
    update.mutate(
      { id: agent.id, appointmentBooking: change.appointmentBooking, eventTypeId: change.eventTypeId },
      {
        onSuccess: (saved) => {
          setDraft(draftOf(saved));
          setSubmitted(false);
          notifications.show({ color: 'green', icon: <IconCheck size={18} />, title: 'Booking settings saved', message: `${saved.name} ${saved.appointmentBooking ? 'books appointments' : 'doesn’t book appointments'}.` });
        },
      },
    );
  };
  // A value that can't be read is said at once; a missing one only once Save was pressed.
  const localError = !change.ok && (submitted || draft.eventType.trim() !== '') ? change.message : undefined;
  const eventTypeError = server.fields.eventTypeId ?? localError;

  return (
    <Card data-testid="booking-settings">
      <Group gap="xs" mb={4}>
        <IconCalendarEvent size={20} aria-hidden />
        <Title order={3} size="h4">
          Appointment Booking
        </Title>
      </Group>
      <Text size="sm" c="dimmed" mb="md">
        During a call this agent can check the calendar and book an appointment on Cal.com. All agents share the company’s scheduling key: there is no key per
        agent.
      </Text>
      <form onSubmit={submit} noValidate aria-label="Appointment booking">
        <Stack gap="md">
          {notice}
          <FormErrorsAlert title="Couldn't save the booking settings" messages={[...server.general, ...(server.fields.appointmentBooking ? [server.fields.appointmentBooking] : [])]} />
          <Switch
            label="Appointment Booking"
            description="Let this agent book appointments during calls."
            checked={draft.booking}
            onChange={(e) => edit({ booking: e.currentTarget.checked })}
            data-testid="booking-toggle"
          />
          <TextInput
            label="Event Type ID"
            placeholder="3685354 or https://app.cal.com/event-types/3685354"
            description={eventTypeError ? undefined : 'The number at the end of the event type’s address in Cal.com, or paste the whole address.'}
            withAsterisk={draft.booking}
            value={draft.eventType}
            onChange={(e) => edit({ eventType: e.currentTarget.value })}
            error={eventTypeError}
            inputWrapperOrder={['label', 'input', 'description', 'error']}
            styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
            spellCheck={false}
            autoComplete="off"
          />
          {renderLookup?.(draft.eventType)}
          <CompanyTimezone />
          <Group justify="flex-end">
            <Button type="submit" leftSection={<IconDeviceFloppy size={16} />} loading={update.isPending} disabled={!dirty}>
              Save
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}
