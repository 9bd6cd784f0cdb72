// Importing LawRuler's field sheet for one case type: which case type (picked from the loaded ones or typed), the
// CSV file, then either what was imported or every refused row (nothing is stored then).
import { Button, FileInput, Group, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCheck, IconFileSpreadsheet, IconUpload } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import type { CrmCatalogView } from '../../../../shared/domain/crm';
import { useContractMutation } from '../../api/client';
import { FormErrorsAlert } from '../../components/form-errors-alert';
import { formErrors } from '../../field-issues';
import { FieldSheetIssues } from './field-sheet-issues';

const FIELDS = ['caseTypeId', 'caseTypeName', 'csv'] as const;

export function FieldSheetImport({ caseTypes }: { caseTypes: CrmCatalogView['caseTypes'] }) {
  const [caseTypeId, setCaseTypeId] = useState('');
  const [caseTypeName, setCaseTypeName] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [fileProblem, setFileProblem] = useState<string | null>(null);
  const importSheet = useContractMutation('crm.importFieldSheet');
  const errors = formErrors(importSheet.error, FIELDS);
  const issues = importSheet.data && !importSheet.data.ok ? importSheet.data.issues : [];

  const pick = (id: string | null) => {
    const caseType = caseTypes.find((c) => c.id === id);
    if (!caseType) return;
    setCaseTypeId(caseType.id);
    setCaseTypeName(caseType.name);
  };

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!file) return setFileProblem('Choose the CSV file of the field sheet.');
    const csv = await file.text().catch(() => null);
    if (csv === null || csv.trim() === '') return setFileProblem(`${file.name} ${csv === null ? 'could not be read' : 'is empty'}.`);
    importSheet.mutate(
      { crm: 'lawruler', caseTypeId: caseTypeId.trim(), caseTypeName: caseTypeName.trim(), csv },
      {
        onSuccess: (result) => {
          if (!result.ok) return;
          notifications.show({
            color: 'green',
            icon: <IconCheck size={18} />,
            title: `Field sheet imported for ${caseTypeName.trim()}`,
            message: `${result.fields.toLocaleString('en-US')} fields and ${result.statuses.toLocaleString('en-US')} statuses.`,
          });
          setFile(null);
        },
      },
    );
  };

  return (
    <form onSubmit={(e) => void submit(e)} noValidate aria-label="Import a field sheet">
      <Stack gap="sm">
        <FormErrorsAlert title="Couldn't import the field sheet" messages={errors.general} />
        {caseTypes.length > 0 && (
          <Select
            label="Case type"
            description="Pick one LawRuler listed, or type its id and name below."
            placeholder="Pick a case type"
            data={caseTypes.map((c) => ({ value: c.id, label: `${c.name} (${c.id})` }))}
            value={caseTypes.some((c) => c.id === caseTypeId) ? caseTypeId : null}
            onChange={pick}
            searchable
            clearable={false}
          />
        )}
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <TextInput label="Case type id" withAsterisk value={caseTypeId} onChange={(e) => setCaseTypeId(e.currentTarget.value)} error={errors.fields.caseTypeId} spellCheck={false} />
          <TextInput label="Case type name" withAsterisk value={caseTypeName} onChange={(e) => setCaseTypeName(e.currentTarget.value)} error={errors.fields.caseTypeName} />
        </SimpleGrid>
        <FileInput
          label="Field sheet (CSV)"
          placeholder="Choose a .csv file"
          accept=".csv,text/csv"
          leftSection={<IconFileSpreadsheet size={16} />}
          value={file}
          onChange={(f) => {
            setFile(f);
            setFileProblem(null);
            importSheet.reset();
          }}
          error={fileProblem ?? errors.fields.csv}
          clearable
        />
        <Group justify="flex-end">
          <Button type="submit" variant="light" leftSection={<IconUpload size={16} />} loading={importSheet.isPending}>
            Import sheet
          </Button>
        </Group>
        <FieldSheetIssues issues={issues} />
      </Stack>
    </form>
  );
}
