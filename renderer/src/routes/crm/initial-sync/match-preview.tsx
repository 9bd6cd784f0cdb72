// The initial sync's match preview: what the run would do with the CRM's records and Kayse's cases, counted by the
// key that matched, and the ambiguous records listed with their candidates (neither linked nor created).
import { Alert, Badge, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import type { AmbiguousMatch, InitialPreview, MatchKey } from '../../../../../shared/domain/sync-initial';

const count = new Intl.NumberFormat('en-US');

export const KEY_LABELS: Record<MatchKey, string> = { link: 'Existing link', externalId: 'External id', caseNumber: 'Case number', email: 'Email', phone: 'Phone' };

function Count({ label, value, testId, detail }: { label: string; value: number; testId: string; detail?: string }) {
  return (
    <div data-testid={testId}>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text fw={700} size="lg" data-testid="preview-count">
        {count.format(value)}
      </Text>
      {detail && (
        <Text size="xs" c="dimmed">
          {detail}
        </Text>
      )}
    </div>
  );
}

/** The ambiguous records: which key found several Kayse cases, and which ones. */
export function AmbiguousList({ records, total }: { records: readonly AmbiguousMatch[]; total: number }) {
  if (total === 0) return null;
  return (
    <Stack gap="xs" data-testid="ambiguous-records">
      <Text size="sm" fw={600}>
        {count.format(total)} ambiguous {total === 1 ? 'record' : 'records'}: several Kayse cases match, so {total === 1 ? 'it is' : 'they are'} neither linked nor created.
        Make the key unique (e.g. fix a duplicate email) and run the initial sync again.
      </Text>
      <Table.ScrollContainer minWidth={520}>
        <Table verticalSpacing={4}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>CRM record</Table.Th>
              <Table.Th>Matched by</Table.Th>
              <Table.Th>Kayse candidates</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {records.map((r) => (
              <Table.Tr key={r.crmRecordId} data-testid="ambiguous-record">
                <Table.Td>
                  <Text size="sm">{r.name}</Text>
                  <Text size="xs" c="dimmed" ff="monospace">
                    {r.crmCaseNumber ?? r.crmRecordId}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Badge variant="light" color="yellow">
                    {KEY_LABELS[r.key]}
                  </Badge>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{r.candidates.map((c) => `${c.caseNumber} ${c.name}`).join(', ')}</Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {records.length < total && (
        <Text size="xs" c="dimmed">
          Showing {records.length} of {count.format(total)}.
        </Text>
      )}
    </Stack>
  );
}

export function MatchPreview({ preview, crmName }: { preview: InitialPreview; crmName: string }) {
  const link = preview.wouldLink;
  const noType = preview.noCaseType.crm + preview.noCaseType.kayse;
  return (
    <Stack gap="md" data-testid="initial-preview">
      <Text size="sm" c="dimmed">
        Read {count.format(preview.crmRecords)} {crmName} records; nothing has been written yet.
      </Text>
      <SimpleGrid cols={{ base: 2, sm: 3 }} spacing="md">
        <Count label="Already linked" value={preview.alreadyLinked} testId="preview-already-linked" />
        <Count
          label="Would link"
          value={link.total}
          testId="preview-would-link"
          detail={`by case number ${count.format(link.caseNumber)} · email ${count.format(link.email)} · phone ${count.format(link.phone)}`}
        />
        <Count label="New in Kayse" value={preview.wouldCreateInKayse} testId="preview-create-kayse" detail={`${crmName} records with no Kayse case`} />
        <Count label={`New in ${crmName}`} value={preview.wouldCreateInCrm} testId="preview-create-crm" detail={`Kayse cases with no ${crmName} record`} />
        <Count label="Skipped" value={preview.skipped} testId="preview-skipped" detail="left out by the sync settings or demo data" />
        <Count label="Ambiguous" value={preview.ambiguous.total} testId="preview-ambiguous" detail="several Kayse cases match" />
      </SimpleGrid>
      {noType > 0 && (
        <Alert color="yellow" data-testid="preview-no-case-type">
          {count.format(noType)} records have no case type on the other side to be created with ({preview.noCaseType.crm} from {crmName}, {preview.noCaseType.kayse} from Kayse):
          map their case types on the CRM Mappings tab, or they are skipped.
        </Alert>
      )}
      <AmbiguousList records={preview.ambiguous.records} total={preview.ambiguous.total} />
    </Stack>
  );
}
