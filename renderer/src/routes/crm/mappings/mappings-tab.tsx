// The CRM Mappings tab: Refresh CRM fields (with what changed, or why the catalog failed beside the last good one),
// then the field mapping and the status mapping. Leaving the tab or the screen with unsaved changes asks first.
import { Alert, Skeleton, Stack } from '@mantine/core';
import { IconPlugConnected } from '@tabler/icons-react';
import { useCallback, useState } from 'react';
import type { CrmConnectionView } from '../../../../../shared/domain/crm';
import { useContractQuery } from '../../../api/client';
import { QueryState } from '../../../components/query-state';
import { crmName } from '../crm-paths';
import { FieldMappingSection } from './field-mapping-section';
import { RefreshFields } from './refresh-fields';
import { StatusMappingSection } from './status-mapping-section';
import { LeaveGuard } from './unsaved-guard';

export function MappingsTab({ connection }: { connection: CrmConnectionView }) {
  const { crm } = connection;
  const name = crmName(crm);
  const catalog = useContractQuery('crm.catalog', { crm });
  const fields = useContractQuery('sync.fieldMappings', { crm });
  const statuses = useContractQuery('sync.statusMappings', { crm });
  const caseTypes = useContractQuery('caseTypes.list', undefined);
  const [dirty, setDirty] = useState({ fields: false, statuses: false });
  const onFieldsDirty = useCallback((d: boolean) => setDirty((x) => (x.fields === d ? x : { ...x, fields: d })), []);
  const onStatusesDirty = useCallback((d: boolean) => setDirty((x) => (x.statuses === d ? x : { ...x, statuses: d })), []);
  const connected = connection.state !== 'not_connected';

  const countMissing = async () => {
    const [f, s] = await Promise.all([fields.refetch(), statuses.refetch()]);
    const fieldMissing = (f.data?.sets ?? []).flatMap((set) => set.mappings).filter((m) => m.missing).length;
    const statusMissing = (s.data?.caseTypes ?? []).flatMap((set) => set.mappings).filter((m) => m.missing).length;
    return fieldMissing + statusMissing;
  };

  return (
    <Stack gap="lg" data-testid="crm-mappings">
      <LeaveGuard dirty={dirty.fields || dirty.statuses} what={`${name}'s mapping`} />
      {!connected && (
        <Alert color="gray" icon={<IconPlugConnected size={18} />} title={`${name} is not connected`} data-testid="mappings-not-connected">
          Saved mappings are kept and shown; connect on the Configuration tab to load {name}'s fields and statuses and refresh them.
        </Alert>
      )}
      <QueryState query={catalog} errorTitle={`Couldn't load ${name}'s fields and statuses`} loading={<Skeleton height={72} />}>
        {(state) => <RefreshFields state={state} crmName={name} connected={connected} countMissing={countMissing} />}
      </QueryState>
      <QueryState query={fields} errorTitle="Couldn't load the field mapping" loading={<Skeleton height={360} />}>
        {(view) => (
          <QueryState query={caseTypes} errorTitle="Couldn't load Kayse's case types" loading={<Skeleton height={360} />}>
            {(types) => <FieldMappingSection crm={crm} crmName={name} catalog={catalog.data?.catalog ?? null} caseTypes={types} sets={view.sets} onDirtyChange={onFieldsDirty} />}
          </QueryState>
        )}
      </QueryState>
      <QueryState query={statuses} errorTitle="Couldn't load the status mapping" loading={<Skeleton height={240} />}>
        {(view) => (
          <QueryState query={caseTypes} errorTitle="Couldn't load Kayse's case types" loading={<Skeleton height={240} />}>
            {(types) => <StatusMappingSection crm={crm} crmName={name} catalog={catalog.data?.catalog ?? null} caseTypes={types} sets={view.caseTypes} onDirtyChange={onStatusesDirty} />}
          </QueryState>
        )}
      </QueryState>
    </Stack>
  );
}
