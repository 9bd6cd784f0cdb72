// Settings → Integrations → Webhooks → one webhook: what needs attention (banner), the form with Save and send a
// test (its result in place), the signing secret, and the way to its Recent deliveries.
import { Alert, Badge, Button, Card, Grid, Group, Stack, Text, Title } from '@mantine/core';
import { IconCheck, IconListDetails } from '@tabler/icons-react';
import { useState } from 'react';
import { Link, useLocation, useParams } from 'react-router';
import { testResultSchema, type TestResult, type WebhookView } from '../../../../shared/contract/webhooks';
import type { RemoteError } from '../../../../shared/result';
import { useContractQuery } from '../../api/client';
import { BackLink } from '../../components/back-link';
import { PageHeader } from '../../components/page-header';
import { QueryState } from '../../components/query-state';
import { DetailSkeleton } from '../../components/ui/detail-skeleton';
import { RecordNotFound } from '../../components/ui/record-not-found';
import { RecordTime } from '../../components/ui/record-time';
import { AllowlistWarning } from './allowlist-warning';
import { DeleteWebhookButton } from './delete-webhook-button';
import { SigningSecretCard } from './signing-secret-card';
import { TestResultCard } from './test-result-card';
import { conditionOf, CONDITION_LOOK, describeRate } from './webhook-condition';
import { WebhookForm } from './webhook-form';
import { deliveriesPath, WEBHOOKS_PATH } from './webhook-paths';
import { WebhookStatusBanner } from './webhook-status-banner';
import { useWebhookBackTarget } from './webhook-back-target';

/** True when the New form just created this webhook (navigation state is untrusted: only `created: true` counts). */
function useJustCreated(): boolean {
  const state: unknown = useLocation().state;
  return typeof state === 'object' && state !== null && (state as { created?: unknown }).created === true;
}

/** A test result handed over by the New form (navigation state is untrusted: checked). */
function useHandedTestResult(): TestResult | null {
  const state: unknown = useLocation().state;
  const test = typeof state === 'object' && state !== null && 'test' in state ? (state as { test: unknown }).test : null;
  const parsed = testResultSchema.safeParse(test);
  return parsed.success ? parsed.data : null;
}

const ms = (value: number | null) => (value === null ? '—' : `${value.toLocaleString('en-US')} ms`);

function DeliveriesCard({ webhook }: { webhook: WebhookView }) {
  const { health } = webhook;
  return (
    <Card>
      <Group gap="xs" mb="sm">
        <IconListDetails size={20} aria-hidden />
        <Title order={3} size="h4">
          Deliveries
        </Title>
      </Group>
      <Stack gap={4} mb="md">
        <Text size="sm">{health.attempts24h === 0 ? 'No attempts in the last 24 h' : `Last 24 h: ${describeRate(health)}`}</Text>
        <Text size="sm" c="dimmed">
          Latency p50 {ms(health.p50LatencyMs)} · p95 {ms(health.p95LatencyMs)}
        </Text>
        <Text size="sm" c="dimmed">
          Waiting: {health.pending.toLocaleString('en-US')}
        </Text>
        <Text size="sm" c="dimmed">
          Last delivery: {health.lastDeliveryAt ? <RecordTime iso={health.lastDeliveryAt} /> : 'never'}
        </Text>
      </Stack>
      <Button component={Link} to={deliveriesPath(webhook.id)} variant="light" leftSection={<IconListDetails size={16} />} fullWidth>
        Recent deliveries
      </Button>
    </Card>
  );
}

function WebhookScreen({ webhook }: { webhook: WebhookView }) {
  const back = useWebhookBackTarget();
  const handed = useHandedTestResult();
  const [test, setTest] = useState<TestResult | null>(handed);
  const [created, setCreated] = useState(useJustCreated());
  const condition = conditionOf(webhook);
  const look = CONDITION_LOOK[condition];
  return (
    <>
      <PageHeader
        title={webhook.name}
        above={<BackLink to={back.to}>{back.label}</BackLink>}
        aside={
          <Badge color={look.color} variant="light" size="lg" data-testid="webhook-condition" data-condition={condition}>
            {look.label}
          </Badge>
        }
        description={
          <Text span ff="monospace" size="sm">
            {webhook.url}
          </Text>
        }
      />
      <Stack gap="lg">
        {created && (
          <Alert color="green" icon={<IconCheck size={18} />} title="Webhook created" withCloseButton onClose={() => setCreated(false)} data-testid="webhook-created">
            Your receiver checks each delivery with this webhook's signing secret: reveal and copy it on the Signing secret card.
          </Alert>
        )}
        <WebhookStatusBanner webhook={webhook} />
        <AllowlistWarning />
        <Grid gap="lg">
          <Grid.Col span={{ base: 12, md: 8 }}>
            <Stack gap="lg">
              <Card>
                <WebhookForm webhook={webhook} onSaved={(_, result) => result && setTest(result)} />
              </Card>
              {test && <TestResultCard result={test} webhookId={webhook.id} />}
            </Stack>
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 4 }}>
            <Stack gap="lg">
              <DeliveriesCard webhook={webhook} />
              <SigningSecretCard webhookId={webhook.id} />
              <Card>
                <Stack gap={6}>
                  <Text size="xs" c="dimmed">
                    Created <RecordTime iso={webhook.createdAt} size="xs" /> · id{' '}
                    <Text span ff="monospace" size="xs">
                      {webhook.id}
                    </Text>
                  </Text>
                  <DeleteWebhookButton webhook={webhook} />
                </Stack>
              </Card>
            </Stack>
          </Grid.Col>
        </Grid>
      </Stack>
    </>
  );
}

export function WebhookPage() {
  const id = useParams().id ?? '';
  const query = useContractQuery('webhooks.get', { id });
  const notFound = (error: RemoteError) =>
    error.code === 'NOT_FOUND' || error.code === 'INVALID_INPUT' ? (
      <RecordNotFound what="webhook" message={error.message} listPath={WEBHOOKS_PATH} listLabel="webhooks" />
    ) : null;
  return (
    <QueryState query={query} errorTitle="Couldn't load this webhook" loading={<DetailSkeleton label="Loading the webhook" />} renderError={notFound}>
      {(webhook) => <WebhookScreen key={webhook.id} webhook={webhook} />}
    </QueryState>
  );
}
