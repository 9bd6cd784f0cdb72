// Where a CSV file is dropped or chosen; hands back its name, size and text (read with File.text()).
import { Button, Group, Stack, Text } from '@mantine/core';
import { Dropzone, type FileRejection } from '@mantine/dropzone';
import { IconFileSpreadsheet, IconFileUpload, IconX } from '@tabler/icons-react';
import { useRef, useState } from 'react';
import type { ChosenFile } from './import-wizard-store';

/** Well above 100,000 rows of a typical export; the host accepts up to 128 MB per call. */
export const MAX_FILE_BYTES = 100 * 1024 * 1024;

// Browsers label CSV files differently (Windows often says application/vnd.ms-excel): go by extension too.
const ACCEPT = {
  'text/csv': ['.csv'],
  'application/vnd.ms-excel': ['.csv'],
  'text/plain': ['.csv', '.txt', '.tsv'],
  'text/tab-separated-values': ['.tsv'],
};

/** "2.4 MB", "830 KB". */
export function fileSize(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1).replace(/\.0$/, '')} MB`;
  return `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

function rejectionMessage([first]: FileRejection[]): string {
  const code = first?.errors[0]?.code;
  const name = first?.file.name ?? 'That file';
  if (code === 'file-too-large') return `${name} is larger than ${fileSize(MAX_FILE_BYTES)}. Split it into smaller files and import them one after another.`;
  if (code === 'too-many-files') return 'Drop one file at a time.';
  return `${name} is not a CSV file. Save it from your spreadsheet as "CSV (comma delimited)" and try again.`;
}

interface CsvDropzoneProps {
  onFile: (file: ChosenFile) => void;
  disabled?: boolean;
}

/** The drop area (also a button: click, Enter or Space open the file dialog) plus a "Choose a file" button. */
export function CsvDropzone({ onFile, disabled = false }: CsvDropzoneProps) {
  const openRef = useRef<() => void>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [reading, setReading] = useState(false);

  const read = async ([file]: File[]) => {
    if (!file) return;
    setProblem(null);
    setReading(true);
    try {
      const csv = await file.text();
      if (csv.trim() === '') setProblem(`${file.name} is empty. Export it again with a header row and at least one row.`);
      else onFile({ name: file.name, size: file.size, csv });
    } catch (error) {
      setProblem(`${file.name} could not be read (${error instanceof Error ? error.message : String(error)}). Check that it is still there and try again.`);
    } finally {
      setReading(false);
    }
  };

  return (
    <Stack gap="xs">
      <Dropzone
        openRef={openRef}
        onDrop={(files) => void read(files)}
        onReject={(rejections) => setProblem(rejectionMessage(rejections))}
        accept={ACCEPT}
        maxSize={MAX_FILE_BYTES}
        multiple={false}
        loading={reading}
        disabled={disabled}
        aria-label="Drop a CSV file here, or press Enter to choose one"
        data-testid="csv-dropzone"
      >
        <Group justify="center" gap="lg" mih={120} style={{ pointerEvents: 'none' }}>
          <Dropzone.Accept>
            <IconFileUpload size={44} stroke={1.5} color="var(--mantine-color-kayse-filled)" />
          </Dropzone.Accept>
          <Dropzone.Reject>
            <IconX size={44} stroke={1.5} color="var(--mantine-color-red-filled)" />
          </Dropzone.Reject>
          <Dropzone.Idle>
            <IconFileSpreadsheet size={44} stroke={1.5} color="var(--mantine-color-dimmed)" />
          </Dropzone.Idle>
          <div>
            <Text size="lg" inline>
              Drag a CSV file here
            </Text>
            <Text size="sm" c="dimmed" inline mt={8} display="block">
              The first line must name the columns. Up to {fileSize(MAX_FILE_BYTES)}.
            </Text>
          </div>
        </Group>
      </Dropzone>
      <Group justify="center">
        <Button variant="default" leftSection={<IconFileUpload size={16} />} onClick={() => openRef.current?.()} disabled={disabled || reading}>
          Choose a file…
        </Button>
      </Group>
      {problem && (
        <Text size="sm" c="red" role="alert" data-testid="file-problem">
          {problem}
        </Text>
      )}
    </Stack>
  );
}
