// Step 1 of the import wizard: what the file holds (clients or cases) and the file itself.
import { ActionIcon, Alert, Button, Group, Paper, Radio, Stack, Text, Tooltip } from '@mantine/core';
import { IconArrowRight, IconFileSpreadsheet, IconInfoCircle, IconX } from '@tabler/icons-react';
import type { ImportKind } from '../../../../shared/contract/transfer';
import type { RemoteError } from '../../../../shared/result';
import { ErrorAlert } from '../query-state';
import { CsvDropzone, fileSize } from './csv-dropzone';
import { useImportWizard } from './import-wizard-store';

const KINDS: readonly { value: ImportKind; label: string; description: string }[] = [
  { value: 'cases', label: 'Cases', description: 'One case per row: name, case type and status, optionally its clients and custom fields.' },
  { value: 'clients', label: 'Clients', description: 'One person per row: external ID, name, phones, emails, opt-outs.' },
];

interface ChooseFileStepProps {
  onNext: () => void;
  reading: boolean;
  error: RemoteError | null;
}

/** The kind radio, the file (drop area, or the chosen file with a way to remove it) and Next. */
export function ChooseFileStep({ onNext, reading, error }: ChooseFileStepProps) {
  const kind = useImportWizard((s) => s.kind);
  const file = useImportWizard((s) => s.file);
  const setKind = useImportWizard((s) => s.setKind);
  const setFile = useImportWizard((s) => s.setFile);

  return (
    <Stack gap="lg">
      <Radio.Group label="The file holds" value={kind} onChange={(value) => setKind(value as ImportKind)} withAsterisk>
        <Stack gap="sm" mt="xs">
          {KINDS.map((k) => (
            <Radio key={k.value} value={k.value} label={k.label} description={k.description} />
          ))}
        </Stack>
      </Radio.Group>
      {kind === 'cases' && (
        <Alert color="blue" icon={<IconInfoCircle size={18} />} p="sm">
          <Text size="sm">If the cases name their clients by external ID, import the clients first.</Text>
        </Alert>
      )}
      {file ? (
        <Paper withBorder p="md" data-testid="chosen-file">
          <Group justify="space-between" wrap="nowrap">
            <Group gap="sm" wrap="nowrap" miw={0}>
              <IconFileSpreadsheet size={28} stroke={1.5} aria-hidden />
              <div style={{ minWidth: 0 }}>
                <Text fw={500} truncate="end">
                  {file.name}
                </Text>
                <Text size="xs" c="dimmed">
                  {fileSize(file.size)}
                </Text>
              </div>
            </Group>
            <Tooltip label="Choose another file">
              <ActionIcon variant="subtle" color="gray" onClick={() => setFile(null)} aria-label={`Remove ${file.name}`} disabled={reading}>
                <IconX size={18} />
              </ActionIcon>
            </Tooltip>
          </Group>
        </Paper>
      ) : (
        <CsvDropzone onFile={setFile} />
      )}
      {error && <ErrorAlert title="Couldn't read the file" error={error} />}
      <Group justify="flex-end">
        <Button onClick={onNext} disabled={!file} loading={reading} rightSection={<IconArrowRight size={16} />}>
          Next: map columns
        </Button>
      </Group>
    </Stack>
  );
}
