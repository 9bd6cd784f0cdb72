// The searchable picker of a row's CRM field: each option shows the name (SmartAdvocate's UDF short name first), the
// type and the options; the search matches all of them. A mapping whose field is gone stays selectable as it was.
import { Badge, Group, Select, Stack, Text, type ComboboxItem, type OptionsFilter } from '@mantine/core';
import { crmFieldLabel, matchesSearch, TYPE_WORDS, type CrmFieldItem } from './mapping-fields';

interface PickerProps {
  fields: CrmFieldItem[];
  value: { id: string; name: string } | null;
  kayseLabel: string;
  crmName: string;
  /** Shown while unmapped, e.g. the default mapping an override set falls back to. */
  placeholder?: string;
  onChange: (field: CrmFieldItem | null) => void;
}

const MISSING = ' (missing in the CRM)';

export function CrmFieldPicker({ fields, value, kayseLabel, crmName, placeholder = 'Not mapped', onChange }: PickerProps) {
  const byId = new Map(fields.map((f) => [f.id, f]));
  const data: ComboboxItem[] = fields.map((f) => ({ value: f.id, label: crmFieldLabel(f) }));
  if (value && !byId.has(value.id)) data.unshift({ value: value.id, label: `${value.name}${MISSING}`, disabled: true });
  const filter: OptionsFilter = ({ options, search }) =>
    (options as ComboboxItem[]).filter((o) => {
      const field = byId.get(o.value);
      return field ? matchesSearch(field, search) : false;
    });
  return (
    <Select
      aria-label={`${crmName} field for ${kayseLabel}`}
      placeholder={placeholder}
      searchable
      clearable
      size="xs"
      data={data}
      value={value?.id ?? null}
      filter={filter}
      nothingFoundMessage={`No ${crmName} field matches`}
      maxDropdownHeight={320}
      comboboxProps={{ width: 340, position: 'bottom-start' }}
      onChange={(id) => onChange(id === null ? null : (byId.get(id) ?? null))}
      renderOption={({ option }) => {
        const field = byId.get(option.value);
        if (!field) return <Text size="sm">{option.label}</Text>;
        return (
          <Stack gap={0} style={{ minWidth: 0 }}>
            <Group gap={6} wrap="nowrap">
              <Text size="sm" truncate="end">
                {crmFieldLabel(field)}
              </Text>
              <Badge size="xs" variant="light" color={field.standard ? 'gray' : 'blue'}>
                {field.standard ? 'Record' : TYPE_WORDS[field.type]}
              </Badge>
            </Group>
            {field.options.length > 0 && (
              <Text size="xs" c="dimmed" truncate="end">
                {field.options.join(', ')}
              </Text>
            )}
          </Stack>
        );
      }}
    />
  );
}
