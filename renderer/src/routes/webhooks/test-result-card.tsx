// The result of "Save and send a test", shown in place: status, time, where it went, what came back, or why it failed.
import { Alert, Anchor, Code, Group, Stack, Text } from '@mantine/core';
import { IconCircleCheck, IconCircleX } from '@tabler/icons-react';
import { useEffect, useRef } from 'react';
import { Link } from 'react-router';
import type { TestResult } from '../../../../shared/contract/webhooks';
import { AttemptErrorText } from '../../components/deliveries/attempt-error-text';
import { errorClassLabel } from '../../components/deliveries/delivery-status';
import { deliveriesPath } from './webhook-paths';

const BODY_SHOWN = 2_000;

/** The response body's first characters, marked when cut. */
export const bodyExcerpt = (body: string): string => (body.length > BODY_SHOWN ? `${body.slice(0, BODY_SHOWN)}… (${body.length.toLocaleString('en-US')} characters in all)` : body);

export function TestResultCard({ result, webhookId }: { result: TestResult; webhookId: string }) {
  const ref = useRef<HTMLDivElement>(null);
  // A new result below a long form would go unseen: bring it into view.
  useEffect(() => {
    ref.current?.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
  }, [result]);
  const title = result.ok ? `Test delivered: HTTP ${result.status}` : result.status !== null ? `Test failed: HTTP ${result.status}` : 'Test failed: no response';
  return (
    <Alert
      ref={ref}
      color={result.ok ? 'teal' : 'red'}
      icon={result.ok ? <IconCircleCheck size={20} /> : <IconCircleX size={20} />}
      title={title}
      data-testid="test-result"
      data-ok={result.ok}
      role="status"
    >
      <Stack gap={6}>
        <Group gap="lg" wrap="wrap">
          <Text size="sm" data-testid="test-result-time">
            {result.durationMs.toLocaleString('en-US')} ms
          </Text>
          {result.status !== null && (
            <Text size="sm" data-testid="test-result-status">
              Status {result.status}
            </Text>
          )}
          {result.resolvedIp && (
            <Text size="sm" c="dimmed">
              Sent to {result.resolvedIp}
            </Text>
          )}
          <Anchor component={Link} to={deliveriesPath(webhookId)} size="sm">
            See it in Recent deliveries
          </Anchor>
        </Group>
        {!result.ok && (result.errorClass || result.message) && (
          <Stack gap={2} data-testid="test-result-error">
            {result.errorClass && (
              <Text size="sm" fw={600}>
                {errorClassLabel(result.errorClass)}
              </Text>
            )}
            {result.message && <AttemptErrorText message={result.message} />}
          </Stack>
        )}
        {result.responseBody !== null && result.responseBody !== '' && (
          <Stack gap={2}>
            <Text size="xs" c="dimmed">
              Response body
            </Text>
            <Code block data-testid="test-result-body" style={{ maxHeight: 220, overflow: 'auto' }}>
              {bodyExcerpt(result.responseBody)}
            </Code>
          </Stack>
        )}
      </Stack>
    </Alert>
  );
}
