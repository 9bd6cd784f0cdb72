// LawRuler publishes no field listing: a firm can give the console its field sheet per case type (a CSV exported
// from LawRuler's form builder or written by hand). This card lists the imported sheets and takes new ones.
import { Button, Card, Code, Group, Modal, Stack, Table, Text, Title } from '@mantine/core';
import { IconFileSpreadsheet, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import type { CrmCatalogState } from '../../../../shared/domain/crm';
import { useContractMutation, useContractQuery } from '../../api/client';
import { ErrorAlert } from '../../components/query-state';
import { RecordTime } from '../../components/ui/record-time';
import { FieldSheetFormat } from './field-sheet-format';
import { FieldSheetImport } from './field-sheet-import';

type Sheet = CrmCatalogState['fieldSheets'][number];

function RemoveSheet({ sheet }: { sheet: Sheet }) {
  const [open, setOpen] = useState(false);
  const remove = useContractMutation('crm.removeFieldSheet');
  const close = () => {
    remove.reset();
    setOpen(false);
  };
  return (
    <>
      <Button variant="subtle" color="red" size="compact-sm" leftSection={<IconTrash size={14} />} onClick={() => setOpen(true)} aria-label={`Remove the field sheet of ${sheet.caseTypeName}`}>
        Remove
      </Button>
      <Modal opened={open} onClose={close} title={`Remove the field sheet of ${sheet.caseTypeName}?`}>
        <Stack gap="md">
          <Text size="sm">
            Its {sheet.fields} fields and {sheet.statuses} statuses leave the catalog, unless LawRuler lists them itself. Mappings that use them are kept
            and marked missing until the fields are back.
          </Text>
          {remove.error && <ErrorAlert title="Couldn't remove the sheet" error={remove.error} />}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={close} disabled={remove.isPending} data-autofocus>
              Cancel
            </Button>
            <Button color="red" loading={remove.isPending} onClick={() => remove.mutate({ crm: 'lawruler', caseTypeId: sheet.caseTypeId }, { onSuccess: close })}>
              Remove
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}

function SheetsTable({ sheets }: { sheets: Sheet[] }) {
  if (sheets.length === 0) {
    return (
      <Text size="sm" c="dimmed" data-testid="field-sheets-none">
        No field sheet imported.
      </Text>
    );
  }
  return (
    <Table.ScrollContainer minWidth={480}>
      <Table verticalSpacing="xs" aria-label="Imported field sheets" data-testid="field-sheets">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Case type</Table.Th>
            <Table.Th>Fields</Table.Th>
            <Table.Th>Statuses</Table.Th>
            <Table.Th>Imported</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {sheets.map((sheet) => (
            <Table.Tr key={sheet.caseTypeId}>
              <Table.Td>
                <Text size="sm">{sheet.caseTypeName}</Text>
                <Code fz="xs">{sheet.caseTypeId}</Code>
              </Table.Td>
              <Table.Td>{sheet.fields}</Table.Td>
              <Table.Td>{sheet.statuses}</Table.Td>
              <Table.Td>
                <RecordTime iso={sheet.importedAt} />
              </Table.Td>
              <Table.Td ta="right">
                <RemoveSheet sheet={sheet} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

export function FieldSheetsCard() {
  const state = useContractQuery('crm.catalog', { crm: 'lawruler' }).data;
  return (
    <Card data-testid="crm-field-sheets">
      <Group gap="xs" mb={4}>
        <IconFileSpreadsheet size={20} aria-hidden />
        <Title order={3} size="h4">
          Field sheets (CSV)
        </Title>
      </Group>
      <Text size="sm" c="dimmed" mb="md">
        LawRuler doesn't publish a list of a firm's custom fields. Import your field sheet per case type so you can map your real custom fields;
        its fields and statuses join the catalog above. Importing a case type's sheet again replaces it.
      </Text>
      <Stack gap="lg">
        <SheetsTable sheets={state?.fieldSheets ?? []} />
        <FieldSheetFormat />
        <FieldSheetImport caseTypes={state?.catalog?.caseTypes ?? []} />
      </Stack>
    </Card>
  );
}
