// One Kayse field of the table: its CRM field (picked, or dropped onto the row), the direction, and what needs doing
// on this row: the save's refusal (the pair and why), a CRM field gone from the CRM (kept, not used, with a fix), or
// select options with no counterpart.
import { useDroppable } from '@dnd-kit/core';
import { Badge, Button, Group, Select, Stack, Table, Text } from '@mantine/core';
import { IconAlertTriangle, IconInfoCircle } from '@tabler/icons-react';
import { MAPPING_DIRECTIONS, type MappingDirection } from '../../../../../shared/domain/sync';
import { CrmFieldPicker } from './crm-field-picker';
import type { DraftMapping } from './field-draft';
import { DIRECTION_WORDS, TYPE_WORDS, unmatchedOptions, type CrmFieldItem, type KayseFieldRow } from './mapping-fields';

export const dropIdOf = (kayseField: string) => `kayse-field:${kayseField}`;

export interface RowMapping extends DraftMapping {
  missing: boolean;
  missingReason: string | null;
}

interface RowProps {
  kayse: KayseFieldRow;
  mapping: RowMapping | null;
  fields: CrmFieldItem[];
  crmName: string;
  refusal: string | undefined;
  /** In an override set: the default mapping this Kayse field uses while it has none here. */
  fallback?: string;
  onPick: (field: CrmFieldItem | null) => void;
  onDirection: (direction: MappingDirection) => void;
}

const quoted = (values: string[]) => values.map((v) => `"${v}"`).join(', ');

function OptionsNote({ kayse, crm, direction, crmName }: { kayse: KayseFieldRow; crm: CrmFieldItem; direction: MappingDirection; crmName: string }) {
  const unmatched = unmatchedOptions(kayse, crm);
  if (!unmatched) return null;
  const sent = direction !== 'from_crm' && unmatched.kayse.length > 0;
  const applied = direction !== 'to_crm' && unmatched.crm.length > 0;
  if (!sent && !applied) return null;
  return (
    <Group gap={4} wrap="nowrap" align="flex-start" data-testid="mapping-options-note">
      <IconInfoCircle size={14} color="var(--mantine-color-yellow-7)" style={{ flexShrink: 0, marginTop: 2 }} aria-hidden />
      <Text size="xs">
        Unmatched options: {sent && <>Kayse {quoted(unmatched.kayse)} not sent. </>}
        {applied && <>{crmName} {quoted(unmatched.crm)} not applied. </>}
        To carry them, add the same option on the other side.
      </Text>
    </Group>
  );
}

export function FieldMappingRow({ kayse, mapping, fields, crmName, refusal, fallback, onPick, onDirection }: RowProps) {
  const { setNodeRef, isOver } = useDroppable({ id: dropIdOf(kayse.key), data: { kayse } });
  const crm = mapping ? fields.find((f) => f.id === mapping.crmFieldId) : undefined;
  const state = refusal ? 'refused' : mapping?.missing ? 'missing' : mapping ? 'mapped' : 'unmapped';
  return (
    <Table.Tr
      ref={setNodeRef}
      data-testid="field-mapping-row"
      data-kayse-field={kayse.key}
      data-state={state}
      data-over={isOver}
      style={{ background: isOver ? 'var(--mantine-primary-color-light)' : refusal ? 'var(--mantine-color-red-light)' : undefined, outline: isOver ? '2px dashed var(--mantine-primary-color-filled)' : undefined }}
    >
      <Table.Td>
        <Text size="sm" fw={500}>
          {kayse.label}
        </Text>
        <Text size="xs" c="dimmed">
          {TYPE_WORDS[kayse.type]}
          {kayse.options.length > 0 ? ` · ${kayse.options.length} option${kayse.options.length === 1 ? '' : 's'}` : ''}
        </Text>
      </Table.Td>
      <Table.Td miw={200}>
        <CrmFieldPicker fields={fields} value={mapping ? { id: mapping.crmFieldId, name: mapping.crmFieldName } : null} kayseLabel={kayse.label} crmName={crmName} placeholder={fallback ? `Default: ${fallback}` : undefined} onChange={onPick} />
      </Table.Td>
      <Table.Td w={170}>
        <Select
          size="xs"
          aria-label={`Direction of ${kayse.label}`}
          data={MAPPING_DIRECTIONS.map((d) => ({ value: d, label: DIRECTION_WORDS[d] }))}
          value={mapping?.direction ?? null}
          disabled={!mapping}
          allowDeselect={false}
          onChange={(d) => d && onDirection(d as MappingDirection)}
        />
      </Table.Td>
      <Table.Td>
        <Stack gap={4}>
          {refusal && (
            <Group gap={4} wrap="nowrap" align="flex-start" data-testid="mapping-refusal" role="alert">
              <IconAlertTriangle size={14} color="var(--mantine-color-red-7)" style={{ flexShrink: 0, marginTop: 2 }} aria-hidden />
              <Text size="xs" c="red.8">
                {refusal}. Pick a {crmName} field of a fitting type, or change the direction.
              </Text>
            </Group>
          )}
          {mapping?.missing && (
            <Stack gap={4} data-testid="mapping-missing">
              <Group gap={6}>
                <Badge color="orange" variant="light" size="sm">
                  Missing in {crmName}
                </Badge>
                <Text size="xs" c="dimmed">
                  Kept, not used
                </Text>
              </Group>
              {mapping.missingReason && <Text size="xs">{mapping.missingReason}</Text>}
              <Button size="compact-xs" variant="light" color="orange" w="fit-content" onClick={() => onPick(null)} aria-label={`Remove the missing mapping of ${kayse.label}`}>
                Remove mapping
              </Button>
            </Stack>
          )}
          {mapping && crm && !refusal && <OptionsNote kayse={kayse} crm={crm} direction={mapping.direction} crmName={crmName} />}
        </Stack>
      </Table.Td>
    </Table.Tr>
  );
}
