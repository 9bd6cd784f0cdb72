// A catalog load that failed: what failed, why (the CRM's own answer), what to do, and what the list below is, so
// an old or empty list is never mistaken for the CRM's current fields.
import { Alert, Code, Stack, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import type { CrmCatalogState } from '../../../../shared/domain/crm';
import { RecordTime } from '../../components/ui/record-time';
import { useDateFormat } from '../../hooks/use-date-format';

type Failure = NonNullable<CrmCatalogState['failure']>;

export function CatalogFailureAlert({ failure, crmName, lastGoodAt }: { failure: Failure; crmName: string; lastGoodAt: string | null }) {
  const dates = useDateFormat();
  return (
    <Alert color="red" icon={<IconAlertTriangle size={20} />} title={`Couldn't load ${failure.part} from ${crmName}`} data-testid="catalog-failure" role="alert">
      <Stack gap={6}>
        <Text size="sm" data-testid="catalog-failure-message" style={{ overflowWrap: 'anywhere' }}>
          {failure.message}
        </Text>
        {failure.crmAnswer && (
          <Stack gap={2}>
            <Text size="xs" c="dimmed">
              {crmName}'s answer
            </Text>
            <Code block style={{ maxHeight: 160, overflow: 'auto', whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }} data-testid="catalog-failure-answer">
              {failure.crmAnswer}
            </Code>
          </Stack>
        )}
        <Text size="sm" data-testid="catalog-failure-fix">
          <Text span fw={600}>
            What to do:{' '}
          </Text>
          {failure.fix}
        </Text>
        <Text size="sm" fw={500} data-testid="catalog-failure-fallback">
          {lastGoodAt
            ? `The list below is the last catalog that loaded, on ${dates.full(lastGoodAt)}: it may be out of date.`
            : `No catalog has loaded yet, so none is shown: ${crmName}'s fields and statuses are unknown, not empty.`}
        </Text>
        <Text size="xs" c="dimmed">
          Failed <RecordTime iso={failure.at} size="xs" />
        </Text>
      </Stack>
    </Alert>
  );
}
