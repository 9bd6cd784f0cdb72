// Test with a sample record: pick a Kayse case (or type a CRM record id), see the dry run (the mapped values that
// would be sent or applied beside the CRM record before; nothing written), then Apply a case: the CRM record before
// and after, side by side, the changed fields marked.
import { Alert, Badge, Button, Card, Grid, Group, SegmentedControl, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconFlask, IconSend } from '@tabler/icons-react';
import { useState } from 'react';
import type { CrmConnectionView } from '../../../../../shared/domain/crm';
import type { SampleApply, SampleDryRun } from '../../../../../shared/domain/sync-sample';
import { useContractMutation } from '../../../api/client';
import { ErrorAlert } from '../../../components/query-state';
import { crmName } from '../crm-paths';
import { CasePicker } from './case-picker';
import { useCrmValueFormat, type CrmValueFormat } from './crm-value-format';
import { BeforeAfterTable, CrmRecordTable } from './crm-record-view';
import { MappedValuesTable } from './mapped-values-table';

type Source = 'case' | 'crm';

const OPERATION_LABELS: Record<SampleDryRun['operation'], string> = {
  create: 'Would create a record',
  update: 'Would update the linked record',
  apply: 'Would apply to the linked Kayse case',
  skip: 'Nothing would be sent',
};

function DryRunView({ result, name, format }: { result: SampleDryRun; name: string; format: CrmValueFormat }) {
  const toCrm = result.direction === 'to_crm';
  return (
    <Grid gap="lg" data-testid="sample-dry-run" data-operation={result.operation}>
      <Grid.Col span={12}>
        <Card>
          <Group justify="space-between" mb="sm" wrap="wrap">
            <Title order={3} size="h4">
              {toCrm ? `What would be sent to ${name}` : `What ${name} would bring to Kayse`}
            </Title>
            <Badge variant="light" color={result.operation === 'skip' ? 'gray' : 'blue'} data-testid="sample-operation">
              {OPERATION_LABELS[result.operation]}
            </Badge>
          </Group>
          {result.operation !== 'skip' && result.values.every((v) => !v.differs) && (
            <Alert color="teal" mb="sm" data-testid="sample-nothing-differs">
              Every mapped value already matches {name}: a sync now would change nothing.
            </Alert>
          )}
          {result.skipReason && (
            <Alert color="gray" mb="sm" data-testid="sample-skip-reason">
              {result.skipReason}
            </Alert>
          )}
          <MappedValuesTable values={result.values} crmName={name} format={format} sendLabel={toCrm ? 'Would send' : 'Would apply'} />
        </Card>
      </Grid.Col>
      <Grid.Col span={{ base: 12, lg: 6 }}>
        <Card>
          <Title order={3} size="h4" mb="sm">
            {name} record before
          </Title>
          {result.crmBefore ? (
            <CrmRecordTable record={result.crmBefore} format={format} />
          ) : (
            <Text size="sm" c="dimmed" data-testid="crm-before-none">
              No {name} record is linked yet: Apply would create one.
            </Text>
          )}
        </Card>
      </Grid.Col>
    </Grid>
  );
}

function ApplyView({ result, name, format }: { result: SampleApply; name: string; format: CrmValueFormat }) {
  const changed = result.fields.filter((f) => f.changed).length;
  return (
    <Card data-testid="sample-apply" data-outcome={result.outcome}>
      <Group justify="space-between" mb="sm" wrap="wrap">
        <Title order={3} size="h4">
          {name} record before and after
        </Title>
        <Text size="sm" c="dimmed" data-testid="sample-apply-summary">
          {result.outcome === 'failed' ? 'Not sent' : `${changed} ${changed === 1 ? 'field' : 'fields'} changed`}
          {result.crmRecordId && ` · record ${result.crmRecordId}`}
        </Text>
      </Group>
      {result.error && (
        <Alert color="red" mb="sm" title={`${name} refused the record`} data-testid="sample-apply-error">
          {result.error}
        </Alert>
      )}
      <BeforeAfterTable fields={result.fields} crmName={name} format={format} />
    </Card>
  );
}

export function SampleTab({ connection }: { connection: CrmConnectionView }) {
  const { crm } = connection;
  const name = crmName(crm);
  const format = useCrmValueFormat(crm);
  const [source, setSource] = useState<Source>('case');
  const [caseId, setCaseId] = useState<string | null>(null);
  const [recordId, setRecordId] = useState('');
  const dryRun = useContractMutation('sync.sampleDryRun');
  const apply = useContractMutation('sync.sampleApply');
  const input = source === 'case' ? (caseId ? { crm, caseId } : null) : recordId.trim() ? { crm, crmRecordId: recordId.trim() } : null;
  const reset = () => {
    dryRun.reset();
    apply.reset();
  };
  const tried = dryRun.data;
  const canApply = tried?.direction === 'to_crm' && tried.operation !== 'skip' && tried.caseId !== null;
  return (
    <Stack gap="lg" data-testid="crm-sample">
      <Card>
        <Stack gap="sm">
          <Text size="sm" c="dimmed" maw={720}>
            Try the mappings on one record. The dry run reads {name} and writes nothing anywhere; Apply sends the case to {name} now, whatever the sync's schedule.
          </Text>
          <SegmentedControl
            w="fit-content"
            value={source}
            onChange={(v) => {
              setSource(v as Source);
              reset();
            }}
            data={[
              { value: 'case', label: 'A Kayse case' },
              { value: 'crm', label: `A ${name} record` },
            ]}
            aria-label="Sample record from"
          />
          <Group align="flex-end" gap="sm" wrap="wrap">
            {source === 'case' ? (
              <CasePicker
                value={caseId}
                onChange={(id) => {
                  setCaseId(id);
                  reset();
                }}
              />
            ) : (
              <TextInput
                label={`${name} record id`}
                placeholder="e.g. 10234"
                value={recordId}
                onChange={(e) => {
                  setRecordId(e.currentTarget.value);
                  reset();
                }}
                w={{ base: '100%', sm: 260 }}
              />
            )}
            <Button leftSection={<IconFlask size={16} />} disabled={!input || connection.state === 'not_connected'} loading={dryRun.isPending} onClick={() => input && dryRun.mutate(input)}>
              Dry run
            </Button>
            <Button
              leftSection={<IconSend size={16} />}
              variant="light"
              color="orange"
              disabled={!canApply}
              loading={apply.isPending}
              onClick={() => tried?.caseId && apply.mutate({ crm, caseId: tried.caseId })}
            >
              Apply to {name}
            </Button>
          </Group>
          {connection.state === 'not_connected' && (
            <Text size="sm" c="dimmed">
              Connect {name} on the Configuration tab first.
            </Text>
          )}
        </Stack>
      </Card>
      {dryRun.error && <ErrorAlert title="The dry run failed" error={dryRun.error} />}
      {apply.error && <ErrorAlert title={`Couldn't apply to ${name}`} error={apply.error} />}
      {apply.data && <ApplyView result={apply.data} name={name} format={format} />}
      {tried && !apply.data && <DryRunView result={tried} name={name} format={format} />}
    </Stack>
  );
}
