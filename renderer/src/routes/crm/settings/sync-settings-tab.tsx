// The Sync settings tab: how the integration syncs (direction, frequency, conflicts, selective sync), beside the
// switches of what is sent and received, with "Send mapping to <CRM>" (off keeps every mapping and sends nothing).
import { Grid, Skeleton, Stack } from '@mantine/core';
import { useCallback, useState } from 'react';
import type { CrmConnectionView } from '../../../../../shared/domain/crm';
import { useContractQuery } from '../../../api/client';
import { QueryState } from '../../../components/query-state';
import { localTimeZone } from '../../../timezones';
import { crmName } from '../crm-paths';
import { LeaveGuard } from '../mappings/unsaved-guard';
import { TogglesCard } from '../toggles-card';
import { SyncSettingsForm } from './sync-settings-form';

export function SyncSettingsTab({ connection }: { connection: CrmConnectionView }) {
  const { crm } = connection;
  const name = crmName(crm);
  const settings = useContractQuery('sync.settings', { crm });
  const caseTypes = useContractQuery('caseTypes.list', undefined);
  const company = useContractQuery('company.get', undefined);
  const [dirty, setDirty] = useState(false);
  const onDirtyChange = useCallback((d: boolean) => setDirty(d), []);
  const timezone = company.data?.timezone || localTimeZone() || 'UTC';
  return (
    <Stack gap="lg" data-testid="crm-sync-settings">
      <LeaveGuard dirty={dirty} what={`${name}'s sync settings`} />
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, lg: 8 }}>
          <QueryState query={settings} errorTitle={`Couldn't load ${name}'s sync settings`} loading={<Skeleton height={420} />}>
            {(s) => (
              <QueryState query={caseTypes} errorTitle="Couldn't load Kayse's case types" loading={<Skeleton height={420} />}>
                {(types) => <SyncSettingsForm settings={s} crmName={name} timezone={timezone} caseTypes={types} onDirtyChange={onDirtyChange} />}
              </QueryState>
            )}
          </QueryState>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 4 }}>
          <TogglesCard connection={connection} />
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
