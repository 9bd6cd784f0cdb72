// The way into the initial sync wizard (Monitoring tab header, Configuration tab); says when one is running.
import { Button, type ButtonProps } from '@mantine/core';
import { IconDatabaseImport } from '@tabler/icons-react';
import { useState } from 'react';
import type { CrmConnectionView } from '../../../../../shared/domain/crm';
import { useContractQuery } from '../../../api/client';
import { crmName } from '../crm-paths';
import { InitialSyncWizard } from './initial-sync-wizard';

export function InitialSyncButton({ connection, variant = 'light' }: { connection: CrmConnectionView; variant?: ButtonProps['variant'] }) {
  const [opened, setOpened] = useState(false);
  const status = useContractQuery('sync.initialStatus', { crm: connection.crm });
  const running = status.data?.job?.state === 'running';
  return (
    <>
      <Button
        variant={variant}
        leftSection={<IconDatabaseImport size={16} />}
        disabled={connection.state === 'not_connected'}
        onClick={() => setOpened(true)}
        data-testid="initial-sync-open"
      >
        {running ? 'Initial sync running…' : 'Initial sync'}
      </Button>
      <InitialSyncWizard crm={connection.crm} crmName={crmName(connection.crm)} opened={opened} onClose={() => setOpened(false)} />
    </>
  );
}
