// "Retry now" for one record's error: Kayse → CRM sent again at once (the errors table refreshes when the push has
// answered); CRM → Kayse read from the CRM and applied before the call returns, a failure still listed with its answer.
import { Button } from '@mantine/core';
import { IconRefresh } from '@tabler/icons-react';
import { notifications } from '@mantine/notifications';
import type { CrmConnectorId } from '../../../../../shared/domain/connectors';
import { useContractMutation } from '../../../api/client';

export function RetryButton({
  crm,
  caseId,
  direction,
  label,
  size = 'xs',
}: {
  crm: CrmConnectorId;
  caseId: string;
  direction: 'to_crm' | 'from_crm';
  label: string;
  size?: 'xs' | 'sm';
}) {
  const retry = useContractMutation('sync.retryRecord');
  return (
    <Button
      size={size}
      variant="light"
      leftSection={<IconRefresh size={14} />}
      loading={retry.isPending}
      aria-label={`Retry ${label} now`}
      onClick={() =>
        retry.mutate(
          { crm, caseId, direction },
          { onError: (error) => notifications.show({ color: 'red', title: `Couldn't retry ${label}`, message: error.message }) },
        )
      }
    >
      Retry now
    </Button>
  );
}
