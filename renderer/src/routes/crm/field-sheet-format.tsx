// The columns of a field sheet as the core reads them (main/crm/field-sheet.ts), with an example to copy.
import { Code, List, Spoiler, Stack, Text } from '@mantine/core';

const EXAMPLE = [
  'Kind,ID,Name,Type,Options',
  'field,Custom1001,Accident Date,date,',
  'field,Custom1005,Medical Treatment,single select,None|ER|Ongoing|Surgery',
  'status,11,New Lead,,',
].join('\n');

export function FieldSheetFormat() {
  return (
    <Spoiler maxHeight={0} showLabel="The CSV format" hideLabel="Hide the CSV format" data-testid="field-sheet-format">
      <Stack gap={6} pt="xs">
        <Text size="sm">A header row, then one row per custom field or status of the case type. Columns, in any order:</Text>
        <List size="sm" spacing={2}>
          <List.Item>
            <Code>Kind</Code>: field or status
          </List.Item>
          <List.Item>
            <Code>ID</Code>: a field's id as LawRuler posts it (Custom1234; 1234 is read as Custom1234), or a status's number
          </List.Item>
          <List.Item>
            <Code>Name</Code>: the friendly name LawRuler shows
          </List.Item>
          <List.Item>
            <Code>Type</Code>: text, number, date, yes/no, single select or multi select (empty on a status row)
          </List.Item>
          <List.Item>
            <Code>Options</Code>: a select's valid options, separated by | or ; (may be left out when no field is a select)
          </List.Item>
        </List>
        <Text size="sm">Comma, semicolon or tab separated; one bad row refuses the whole sheet, and every problem is listed with its line.</Text>
        <Code block>{EXAMPLE}</Code>
      </Stack>
    </Spoiler>
  );
}
