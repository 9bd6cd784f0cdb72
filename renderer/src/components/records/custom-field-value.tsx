// One custom field's value, shown by its type: tags for selects, Yes/No, formatted numbers and dates.
import { Badge, Group, Text } from '@mantine/core';
import type { CustomFieldType } from '../../../../shared/domain/workspace';
import { EMPTY_VALUE, fieldTags, formatFieldValue } from '../ui/format-value';

/** The value of a field of `type`; a dash when it is not set. */
export function CustomFieldValue({ type, value }: { type: CustomFieldType; value: unknown }) {
  const text = formatFieldValue(type, value);
  if (text === EMPTY_VALUE) {
    return (
      <Text size="sm" c="dimmed" aria-label="Not set">
        {EMPTY_VALUE}
      </Text>
    );
  }
  if (type === 'multi_select' || type === 'single_select') {
    return (
      <Group gap={4} wrap="wrap">
        {fieldTags(value).map((tag) => (
          <Badge key={tag} variant="light" color="gray" size="sm">
            {tag}
          </Badge>
        ))}
      </Group>
    );
  }
  return (
    <Text size="sm" ff={type === 'number' ? 'monospace' : undefined} style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
      {text}
    </Text>
  );
}
