// "Refresh CRM fields" on the Mappings tab: reloads the CRM's catalog (mappings are kept), shows that it is working,
// then what changed ("N new fields, M missing"); a failed load shows what failed, why (the CRM's answer) and what to
// do, beside the date of the last good catalog the lists below still show.
import { Alert, Button, Card, Group, Loader, Stack, Text } from '@mantine/core';
import { IconCheck, IconRefresh } from '@tabler/icons-react';
import { useState } from 'react';
import type { CrmCatalogState } from '../../../../../shared/domain/crm';
import { useContractMutation } from '../../../api/client';
import { ErrorAlert } from '../../../components/query-state';
import { RecordTime } from '../../../components/ui/record-time';
import { CatalogFailureAlert } from '../catalog-failure-alert';

interface RefreshProps {
  state: CrmCatalogState;
  crmName: string;
  connected: boolean;
  /** The mappings marked missing once the refreshed catalog is read back (field and status mappings). */
  countMissing: () => Promise<number>;
}

type Outcome = { newFields: number; missing: number } | null;

export function RefreshFields({ state, crmName, connected, countMissing }: RefreshProps) {
  const refresh = useContractMutation('crm.refreshCatalog');
  const [outcome, setOutcome] = useState<Outcome>(null);
  const [counting, setCounting] = useState(false);
  const run = () => {
    setOutcome(null);
    const before = new Set((state.catalog?.fields ?? []).map((f) => f.id));
    refresh.mutate(
      { crm: state.crm },
      {
        onSuccess: async (after) => {
          // A failed load is stored beside the last good catalog and shown below from the catalog's state.
          if (after.failure) return;
          setCounting(true);
          const missing = await countMissing().finally(() => setCounting(false));
          setOutcome({ newFields: (after.catalog?.fields ?? []).filter((f) => !before.has(f.id)).length, missing });
        },
      },
    );
  };
  const working = refresh.isPending || counting;
  return (
    <Card data-testid="refresh-fields">
      <Stack gap="sm">
        <Group justify="space-between" gap="sm" wrap="wrap">
          <Text size="sm" data-testid="mappings-catalog-loaded-at">
            {state.loadedAt ? (
              <>
                {crmName}'s fields and statuses as loaded <RecordTime iso={state.loadedAt} />. Refreshing keeps every saved mapping.
              </>
            ) : (
              `${crmName}'s fields and statuses have never loaded.`
            )}
          </Text>
          <Button variant="default" leftSection={<IconRefresh size={16} />} onClick={run} loading={working} disabled={!connected}>
            Refresh CRM fields
          </Button>
        </Group>
        {working && (
          <Group gap="xs" role="status" aria-live="polite" data-testid="refresh-progress">
            <Loader size="xs" />
            <Text size="sm" c="dimmed">
              {refresh.isPending ? `Loading ${crmName}'s case types, fields and statuses…` : 'Checking the saved mappings against them…'}
            </Text>
          </Group>
        )}
        {outcome && !working && (
          <Alert color={outcome.missing > 0 ? 'orange' : 'green'} icon={<IconCheck size={18} />} withCloseButton onClose={() => setOutcome(null)} data-testid="refresh-outcome">
            <Text size="sm" fw={600}>
              {outcome.newFields} new field{outcome.newFields === 1 ? '' : 's'}, {outcome.missing} missing
            </Text>
            <Text size="sm">
              {outcome.missing > 0
                ? `Mappings whose ${crmName} field or status is gone are kept and marked "Missing" on their rows; they are not used until you pick another field or remove them.`
                : 'Every saved mapping still finds its field and status.'}
              {outcome.newFields > 0 ? ' New fields are unmapped: pick them below.' : ''}
            </Text>
          </Alert>
        )}
        {refresh.error && <ErrorAlert title={`Couldn't refresh ${crmName}'s fields`} error={refresh.error} onRetry={run} />}
        {state.failure && !working && <CatalogFailureAlert failure={state.failure} crmName={crmName} lastGoodAt={state.catalog ? state.loadedAt : null} />}
      </Stack>
    </Card>
  );
}
