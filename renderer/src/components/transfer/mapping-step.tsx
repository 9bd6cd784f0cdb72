// Step 2 of the import wizard: which field each column of the file goes to, with samples of its values.
import { Alert, Button, Group, List, Select, Stack, Table, Text, TextInput, Title, type ComboboxData } from '@mantine/core';
import { IconArrowLeft, IconArrowRight, IconHistory, IconListCheck } from '@tabler/icons-react';
import type { ImportTarget } from '../../../../shared/contract/transfer';
import { isUsable, mappedCount, mappingProblems, needsExternalSource } from './import-mapping';
import { useImportWizard } from './import-wizard-store';
import { formatCount, rowsLabel } from './progress-view';

/** The option that leaves a column out of the import. */
const SKIP = '__skip__';
const SAMPLES_SHOWN = 3;

const isCustom = (t: ImportTarget) => t.field.startsWith('custom.');

/** "Don't import", then the fields grouped: required first, then the standard and the custom ones. */
function targetOptions(targets: readonly ImportTarget[]): ComboboxData {
  const option = (t: ImportTarget) => ({ value: t.field, label: t.required ? `${t.label} (required)` : t.label });
  const groups = [
    { group: 'Required', items: targets.filter((t) => t.required).map(option) },
    { group: 'Optional', items: targets.filter((t) => !t.required && !isCustom(t)).map(option) },
    { group: 'Custom fields', items: targets.filter((t) => !t.required && isCustom(t)).map(option) },
  ];
  return [{ value: SKIP, label: "Don't import" }, ...groups.filter((g) => g.items.length > 0)];
}

function samplesOf(rows: readonly string[][], index: number): string {
  const values = rows.map((r) => r[index]?.trim() ?? '').filter((v) => v !== '');
  return values.length === 0 ? '(empty in the first rows)' : values.slice(0, SAMPLES_SHOWN).join(', ');
}

function SampleRows({ columns, rows, rowCount }: { columns: string[]; rows: string[][]; rowCount: number }) {
  return (
    <Stack gap="xs">
      <Title order={4} size="h5">
        First rows of the file ({rowsLabel(rowCount)} in all)
      </Title>
      <Table.ScrollContainer minWidth={Math.max(480, columns.length * 140)}>
        <Table withTableBorder withColumnBorders striped verticalSpacing={4} fz="xs" aria-label="First rows of the file" data-testid="sample-rows">
          <Table.Thead>
            <Table.Tr>
              {columns.map((c) => (
                <Table.Th key={c}>{c}</Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((row, r) => (
              <Table.Tr key={r}>
                {columns.map((c, i) => (
                  <Table.Td key={c}>{row[i] ?? ''}</Table.Td>
                ))}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}

/** One Select per column, the first rows, the external source when it matters, and what still blocks Next. */
export function MappingStep({ onBack, onNext }: { onBack: () => void; onNext: () => void }) {
  const kind = useImportWizard((s) => s.kind);
  const inspection = useImportWizard((s) => s.inspection);
  const mapping = useImportWizard((s) => s.mapping);
  const origin = useImportWizard((s) => s.origin);
  const externalSource = useImportWizard((s) => s.externalSource);
  const mapColumn = useImportWizard((s) => s.mapColumn);
  const setExternalSource = useImportWizard((s) => s.setExternalSource);
  if (!inspection) return null;

  const { columns, targets, sampleRows, rowCount } = inspection;
  const problems = mappingProblems(kind, columns, targets, mapping);
  const options = targetOptions(targets);
  const byField = new Map(targets.map((t) => [t.field, t]));
  const askSource = needsExternalSource(mapping);
  const sourceProblem = askSource && externalSource.trim() === '' ? 'Name the system the IDs come from (e.g. lawruler), or "csv".' : undefined;
  const ready = isUsable(problems) && !sourceProblem;

  return (
    <Stack gap="lg">
      {origin === 'remembered' ? (
        <Alert color="teal" icon={<IconHistory size={18} />} p="sm" data-testid="mapping-origin" data-origin="remembered">
          <Text size="sm">Mapping remembered from your last import of this file layout.</Text>
        </Alert>
      ) : (
        <Text size="sm" c="dimmed" data-testid="mapping-origin" data-origin="suggested">
          Suggested from the column names. Check each one: a column you leave out is not imported.
        </Text>
      )}
      <Table.ScrollContainer minWidth={640}>
        <Table verticalSpacing="sm" aria-label="Column mapping" data-testid="mapping-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w="26%">Column in the file</Table.Th>
              <Table.Th w="30%">Sample values</Table.Th>
              <Table.Th>Import as</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {columns.map((column, i) => {
              const field = mapping[column] ?? null;
              const target = field === null ? undefined : byField.get(field);
              return (
                <Table.Tr key={column} data-testid={`mapping-row-${column}`}>
                  <Table.Td valign="top" fw={500}>
                    {column}
                  </Table.Td>
                  <Table.Td valign="top">
                    <Text size="sm" c="dimmed" lineClamp={2}>
                      {samplesOf(sampleRows, i)}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Select
                      aria-label={`Import column "${column}" as`}
                      data={options}
                      value={field ?? SKIP}
                      onChange={(value) => mapColumn(column, value === null || value === SKIP ? null : value)}
                      allowDeselect={false}
                      searchable
                      nothingFoundMessage="No field matches"
                      maxDropdownHeight={320}
                      comboboxProps={{ keepMounted: false }}
                      description={target?.hint}
                      error={problems.columns[column]}
                    />
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {askSource && (
        <TextInput
          label="External source"
          description="The system the file's IDs come from (e.g. lawruler). Importing the file again with the same source updates the same records."
          value={externalSource}
          onChange={(e) => setExternalSource(e.currentTarget.value)}
          maxLength={64}
          maw={420}
          error={sourceProblem}
        />
      )}
      <SampleRows columns={columns} rows={sampleRows} rowCount={rowCount} />
      {problems.general.length > 0 && (
        <Alert color="yellow" icon={<IconListCheck size={18} />} title="Before you check the file" data-testid="mapping-problems">
          <List size="sm" spacing={4}>
            {problems.general.map((p) => (
              <List.Item key={p}>{p}</List.Item>
            ))}
          </List>
        </Alert>
      )}
      <Group justify="space-between">
        <Button variant="default" onClick={onBack} leftSection={<IconArrowLeft size={16} />}>
          Back
        </Button>
        <Group gap="sm">
          <Text size="sm" c="dimmed">
            {formatCount(mappedCount(mapping))} of {formatCount(columns.length)} columns mapped
          </Text>
          <Button onClick={onNext} disabled={!ready} rightSection={<IconArrowRight size={16} />}>
            Next: check the file
          </Button>
        </Group>
      </Group>
    </Stack>
  );
}
