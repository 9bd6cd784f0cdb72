// One attempt in full: where it went and how it ended, the error, the request (headers with the App Key masked, the
// payload as a JSON tree) and the response (status, headers, body marked when cut at 64 KiB); Copy as cURL, and
// Verify signature when the log is this console's own.
import { Alert, Badge, Button, CopyButton, Group, Stack, Tabs, Text, Title, Tooltip } from '@mantine/core';
import { IconAlertTriangle, IconCheck, IconTerminal2 } from '@tabler/icons-react';
import type { AttemptDetail } from '../../../../shared/contract/webhooks';
import { curlCommand } from './curl-command';
import { AttemptErrorText } from './attempt-error-text';
import { errorClassLabel, formatDuration } from './delivery-status';
import { HeadersTable } from './headers-table';
import { JsonTree } from './json-tree';
import { SignatureCheckPanel } from './signature-check';
import { useDateFormat } from '../../hooks/use-date-format';

const TRIGGER: Record<AttemptDetail['trigger'], string> = { scheduled: 'Scheduled', manual: 'Manual replay', test: 'Test send' };

function Facts({ attempt }: { attempt: AttemptDetail }) {
  const dates = useDateFormat();
  const parts = [
    TRIGGER[attempt.trigger],
    dates.full(attempt.startedAt),
    attempt.durationMs === null ? 'no answer yet' : formatDuration(attempt.durationMs),
    attempt.resolvedIp ? `to ${attempt.resolvedIp}` : null,
  ].filter(Boolean);
  return (
    <Stack gap={2}>
      <Text size="sm" fw={600} data-testid="attempt-facts">
        {parts.join(' · ')}
      </Text>
      <Text size="xs" c="dimmed" ff="monospace" style={{ overflowWrap: 'anywhere' }}>
        POST {attempt.url}
      </Text>
    </Stack>
  );
}

function Response({ attempt }: { attempt: AttemptDetail }) {
  if (attempt.responseStatus === null) {
    return (
      <Text size="sm" c="dimmed">
        {attempt.finishedAt === null ? 'Waiting for the answer…' : 'No response: the request never got an HTTP answer (see the error above).'}
      </Text>
    );
  }
  return (
    <Stack gap="sm">
      <Group gap="xs">
        <Text size="sm">
          Status <b data-testid="response-status">{attempt.responseStatus}</b>
        </Text>
        {attempt.responseTruncated && (
          <Badge color="orange" variant="light" data-testid="response-truncated">
            Body cut at 64 KiB
          </Badge>
        )}
      </Group>
      <HeadersTable headers={attempt.responseHeaders ?? {}} label="Response headers" />
      {attempt.responseBody ? (
        <JsonTree text={attempt.responseBody} label="response body" />
      ) : (
        <Text size="sm" c="dimmed">
          Empty body.
        </Text>
      )}
    </Stack>
  );
}

interface AttemptViewProps {
  attempt: AttemptDetail;
  /** Imported bundles can't be verified: the secrets stay on the console that sent them. */
  readOnly: boolean;
}

/** The attempt's request and response; see the file header. */
export function AttemptView({ attempt, readOnly }: AttemptViewProps) {
  return (
    <Stack gap="sm" data-testid="attempt-view" data-attempt-id={attempt.id}>
      <Title order={5}>Attempt {attempt.number}</Title>
      <Facts attempt={attempt} />
      {attempt.errorMessage && (
        <Alert color="red" icon={<IconAlertTriangle size={18} />} title={attempt.errorClass ? errorClassLabel(attempt.errorClass) : 'Failed'} data-testid="attempt-error">
          <AttemptErrorText message={attempt.errorMessage} />
        </Alert>
      )}
      <Group gap="xs" align="flex-start">
        <CopyButton value={curlCommand(attempt)} timeout={2000}>
          {({ copied, copy }) => (
            <Tooltip label="The same request as a curl command; the App Key is replaced by <app-key>, signatures are as sent" multiline w={260} withArrow>
              <Button variant="default" size="xs" onClick={copy} leftSection={copied ? <IconCheck size={16} /> : <IconTerminal2 size={16} />}>
                {copied ? 'Copied' : 'Copy as cURL'}
              </Button>
            </Tooltip>
          )}
        </CopyButton>
        {!readOnly && <SignatureCheckPanel key={attempt.id} attemptId={attempt.id} />}
      </Group>
      <Tabs defaultValue="request" keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="request">Request</Tabs.Tab>
          <Tabs.Tab value="response">Response{attempt.responseStatus !== null ? ` (${attempt.responseStatus})` : ''}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="request" pt="sm">
          <Stack gap="sm">
            <HeadersTable headers={attempt.requestHeaders} label="Request headers" />
            {attempt.requestBody === null ? (
              <Text size="sm" c="dimmed">
                The payload is no longer stored: log retention removed its event.
              </Text>
            ) : (
              <JsonTree text={attempt.requestBody} label="payload" />
            )}
          </Stack>
        </Tabs.Panel>
        <Tabs.Panel value="response" pt="sm">
          <Response attempt={attempt} />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
