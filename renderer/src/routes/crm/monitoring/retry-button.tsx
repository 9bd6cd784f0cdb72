// "Retry now" for one record's error: sent again at once; the errors table refreshes when the push has answered.
import { Button } from '@mantine/core';
import { IconRefresh } from '@tabler/icons-react';
import { notifications } from '@mantine/notifications';
import type { CrmConnectorId } from '../../../../../shared/domain/connectors';
import { useContractMutation } from '../../../api/client';

export function RetryButton({ crm, caseId, label, size = 'xs' }: { crm: CrmConnectorId; caseId: string; label: string; size?: 'xs' | 'sm' }) {
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
          { crm, caseId },
          { onError: (error) => notifications.show({ color: 'red', title: `Couldn't retry ${label}`, message: error.message }) },
        )
      }
    >
      Retry now
    </Button>
  );
}
