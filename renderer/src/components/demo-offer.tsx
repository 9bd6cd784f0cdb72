// The demo mode card: on an empty workspace it offers "Explore with demo data" (seed a sample workspace, then
// post simulated campaign activity), shows seeding progress, then what the generator is doing, with Stop,
// Start again and "Wipe demo data" (confirmed first).
import { Alert, Badge, Button, Card, Group, Modal, NumberInput, Progress, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle, IconCheck, IconPlayerPlay, IconPlayerStop, IconSparkles, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { DEMO_RATE_DEFAULT, DEMO_RATE_MAX, DEMO_RATE_MIN, type DemoCounts, type DemoStatus } from '../../../shared/contract/demo';
import { useContractMutation, useContractQuery } from '../api/client';
import { formErrors } from '../field-issues';
import { useTaskProgress, type TaskProgress } from '../hooks/use-task-progress';
import { ErrorAlert } from './query-state';

/** The `task.progress` kind of demo seeding (main/demo DEMO_SEED_TASK_KIND). */
const SEED_KIND = 'demo-seed';
const number = (n: number) => n.toLocaleString();

function DemoBadge() {
  return (
    <Badge color="orange" variant="filled" leftSection={<IconSparkles size={12} />}>
      DEMO
    </Badge>
  );
}

function Counts({ counts }: { counts: DemoCounts }) {
  const items: [string, number][] = [
    ['Case types', counts.caseTypes],
    ['Campaigns', counts.campaigns],
    ['Agents', counts.agents],
    ['Clients', counts.clients],
    ['Cases', counts.cases],
    ['Events', counts.events],
  ];
  return (
    <SimpleGrid cols={{ base: 3, sm: 6 }} spacing="xs">
      {items.map(([label, value]) => (
        <div key={label}>
          <Text size="xs" c="dimmed">
            {label}
          </Text>
          <Text fw={600} data-testid={`demo-count-${label.toLowerCase().replace(' ', '-')}`}>
            {number(value)}
          </Text>
        </div>
      ))}
    </SimpleGrid>
  );
}

function SeedingProgress({ progress }: { progress: TaskProgress | undefined }) {
  const total = progress?.total ?? null;
  const pct = total ? Math.round((100 * (progress?.done ?? 0)) / total) : 0;
  return (
    <Stack gap={6} role="status" aria-live="polite" data-testid="demo-seeding">
      <Text size="sm">
        Creating the demo workspace{progress ? `: ${progress.phase}` : '…'}
        {total ? ` (${number(progress?.done ?? 0)} of ${number(total)} records)` : ''}
      </Text>
      <Progress value={pct} animated aria-label="Demo seeding progress" />
    </Stack>
  );
}

function WipeModal({ opened, counts, onClose }: { opened: boolean; counts: DemoCounts; onClose: () => void }) {
  const wipe = useContractMutation('demo.wipe');
  const close = () => {
    wipe.reset();
    onClose();
  };
  const confirm = () =>
    wipe.mutate(undefined, {
      onSuccess: ({ deleted, kept }) => {
        const keptTotal = kept.caseTypes + kept.campaigns + kept.clients;
        notifications.show({
          color: 'green',
          icon: <IconCheck size={18} />,
          title: 'Demo data wiped',
          message: `Deleted ${number(deleted.cases)} cases, ${number(deleted.clients)} clients and ${number(deleted.events)} events.${keptTotal ? ` ${keptTotal} demo records stay because real records use them.` : ''}`,
        });
        close();
      },
    });
  return (
    <Modal opened={opened} onClose={close} title="Wipe demo data?">
      <Stack gap="md">
        <Text size="sm">
          This stops the demo activity and deletes every record marked DEMO: {number(counts.cases)} cases, {number(counts.clients)} clients,{' '}
          {number(counts.campaigns)} campaigns, {number(counts.agents)} agents, {number(counts.caseTypes)} case types and {number(counts.events)} events,
          with their change history and the demo API key. Your real data is not touched. This can't be undone.
        </Text>
        {wipe.error && <ErrorAlert title="Couldn't wipe the demo data" error={wipe.error} />}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={close} disabled={wipe.isPending} data-autofocus>
            Cancel
          </Button>
          <Button color="red" leftSection={<IconTrash size={16} />} onClick={confirm} loading={wipe.isPending}>
            Wipe demo data
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

const eventsPosted = (n: number) => `${number(n)} ${n === 1 ? 'event' : 'events'} posted`;

function Running({ status, canStart }: { status: DemoStatus; canStart: boolean }) {
  const stop = useContractMutation('demo.stop');
  const start = useContractMutation('demo.start');
  const setRate = useContractMutation('demo.setRate');
  const [wiping, setWiping] = useState(false);
  const { generator } = status;
  const rateError = formErrors(setRate.error, ['ratePerMinute'] as const);
  return (
    <Stack gap="md">
      <Group justify="space-between" wrap="nowrap">
        <Text fw={600} data-testid="demo-state">
          {generator.running
            ? `Demo data is running — ${eventsPosted(generator.posted)}`
            : `Demo activity is stopped — ${eventsPosted(generator.posted)}`}
          {generator.caseUpdates > 0 ? `, ${number(generator.caseUpdates)} case status changes` : ''}
        </Text>
        {generator.failed > 0 && (
          <Text size="sm" c="red">
            {number(generator.failed)} failed
          </Text>
        )}
      </Group>
      <Counts counts={status.demoCounts} />
      {generator.stoppedBecause && !generator.running && (
        <Alert color="blue" icon={<IconPlayerStop size={18} />} title="Demo activity stopped by itself" data-testid="demo-stopped-because">
          <Text size="sm">{generator.stoppedBecause}</Text>
        </Alert>
      )}
      {status.receiver && (
        <Text size="sm" c="dimmed" data-testid="demo-receiver">
          Demo webhook: deliveries go to the console&apos;s own receiver at {status.receiver.url} ({number(status.receiver.received)} received), never to
          your webhooks unless one opts in to demo data.
        </Text>
      )}
      {generator.lastError && (
        <Alert color="yellow" icon={<IconAlertTriangle size={18} />} title="Last problem posting demo activity">
          <Text size="sm">{generator.lastError}</Text>
        </Alert>
      )}
      {stop.error && <ErrorAlert title="Couldn't stop the demo activity" error={stop.error} />}
      {start.error && <ErrorAlert title="Couldn't start the demo activity" error={start.error} />}
      {rateError.general.length > 0 && <ErrorAlert title="Couldn't change the rate" error={new Error(rateError.general.join('; '))} />}
      <Group justify="space-between" align="flex-end">
        <NumberInput
          label="Events per minute"
          w={180}
          min={DEMO_RATE_MIN}
          max={DEMO_RATE_MAX}
          allowDecimal={false}
          key={generator.ratePerMinute}
          defaultValue={generator.ratePerMinute}
          error={rateError.fields.ratePerMinute}
          onBlur={(e) => {
            const value = Number(e.currentTarget.value.replace(/,/g, ''));
            if (value !== generator.ratePerMinute) setRate.mutate({ ratePerMinute: value });
          }}
        />
        <Group gap="sm">
          {generator.running ? (
            <Button variant="default" leftSection={<IconPlayerStop size={16} />} onClick={() => stop.mutate(undefined)} loading={stop.isPending}>
              Stop
            </Button>
          ) : (
            <Button
              variant="default"
              disabled={!canStart}
              title={canStart ? undefined : 'This workspace holds real records: demo activity no longer starts. Wipe demo data when you are done with it.'}
              leftSection={<IconPlayerPlay size={16} />}
              onClick={() => start.mutate({ ratePerMinute: generator.ratePerMinute, seed: false })}
              loading={start.isPending}
            >
              Start again
            </Button>
          )}
          <Button color="red" variant="light" leftSection={<IconTrash size={16} />} onClick={() => setWiping(true)}>
            Wipe demo data
          </Button>
        </Group>
      </Group>
      <WipeModal opened={wiping} counts={status.demoCounts} onClose={() => setWiping(false)} />
    </Stack>
  );
}

function Offer({ ratePerMinute, progress }: { ratePerMinute: number; progress: TaskProgress | undefined }) {
  const start = useContractMutation('demo.start');
  const [rate, setRate] = useState<number | string>(ratePerMinute);
  const errors = formErrors(start.error, ['ratePerMinute'] as const);
  if (start.isPending) return <SeedingProgress progress={progress} />;
  return (
    <Stack gap="md">
      <Text size="sm">
        New here, or nothing connected yet? Fill the console with a realistic sample workspace — personal injury, mass tort and
        workers&apos; compensation case types with their statuses and fields, 5 campaigns, 6 voice agents and about 3,000 clients and
        3,000 cases — then watch simulated campaign activity arrive through the event ingest API: calls with transcripts and
        analysis, transfers, texts and emails, completed tasks and submitted forms.
      </Text>
      <Text size="sm" c="dimmed">
        Every demo record is marked DEMO and uses fictional names, 555-01xx phone numbers and example.com addresses. Wipe it all in
        one click when you are done; your real data is never touched.
      </Text>
      {errors.general.length > 0 && <ErrorAlert title="Couldn't start demo mode" error={new Error(errors.general.join('; '))} />}
      <Group align="flex-end" gap="sm">
        <NumberInput
          label="Events per minute"
          w={180}
          min={DEMO_RATE_MIN}
          max={DEMO_RATE_MAX}
          allowDecimal={false}
          value={rate}
          onChange={setRate}
          error={errors.fields.ratePerMinute}
        />
        <Button
          leftSection={<IconSparkles size={16} />}
          onClick={() => start.mutate({ ratePerMinute: typeof rate === 'number' ? rate : Number(rate), seed: true })}
          data-testid="demo-start"
        >
          Explore with demo data
        </Button>
      </Group>
    </Stack>
  );
}

/**
 * The demo mode card. `canStart`: the workspace holds no real data, so demo mode may be offered and started. With
 * real data it stays while any demo data exists or the generator runs, so status, Stop and Wipe are always reachable.
 */
export function DemoOffer({ canStart = true }: { canStart?: boolean }) {
  const query = useContractQuery('demo.status', undefined);
  // demo.start answers no task id, so seeding is followed as the running task of its kind, from whichever window started it.
  const progress = useTaskProgress({ running: SEED_KIND });
  const status = query.data;
  if (!status) return query.error ? <ErrorAlert title="Couldn't load demo mode" error={query.error} onRetry={() => void query.refetch()} /> : null;
  const hasDemo = status.seeded || status.seeding || status.generator.running || status.demoCounts.events > 0;
  if (!canStart && !hasDemo) return null;
  return (
    <Card component="section" aria-labelledby="demo-offer-title" data-testid="demo-offer" withBorder mb="lg">
      <Stack gap="md">
        <Group gap="sm">
          <DemoBadge />
          <Title order={3} size="h4" id="demo-offer-title">
            Explore with demo data
          </Title>
        </Group>
        {status.seeding ? (
          <SeedingProgress progress={progress} />
        ) : hasDemo ? (
          <Running status={status} canStart={canStart} />
        ) : (
          <Offer ratePerMinute={status.generator.ratePerMinute || DEMO_RATE_DEFAULT} progress={progress} />
        )}
      </Stack>
    </Card>
  );
}
