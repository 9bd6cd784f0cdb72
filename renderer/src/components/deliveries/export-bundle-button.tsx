// Export as a bundle: builds the JSON bundle in main (progress shown for big sets), then saves it as a file. Tells
// the user when the set was cut to the bundle's limit.
import { Button, Stack } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle, IconDownload } from '@tabler/icons-react';
import { DELIVERY_LOG_EXPORT_KIND, type ExportBundleInput } from '../../../../shared/contract/delivery-log';
import { downloadText } from '../../download';
import { useTaskProgress } from '../../hooks/use-task-progress';
import { TaskProgressBar } from '../transfer/task-progress-bar';
import { DELIVERIES } from './delivery-status';
import { useContractAction } from './use-contract-action';

interface ExportBundleButtonProps {
  input: ExportBundleInput;
  label: string;
  size?: 'xs' | 'sm';
  disabled?: boolean;
}

/** The button; while the bundle is built, a progress bar under it. */
export function ExportBundleButton({ input, label, size = 'sm', disabled = false }: ExportBundleButtonProps) {
  const exporting = useContractAction('deliveryLog.exportBundle');
  // The export answers only when done: its progress is the running export task (one per window is the norm).
  const progress = useTaskProgress(exporting.isPending ? { running: DELIVERY_LOG_EXPORT_KIND } : null);
  const start = () =>
    exporting.mutate(input, {
      onSuccess: ({ fileName, bundle }) => {
        downloadText(fileName, `${JSON.stringify(bundle, null, 2)}\n`, 'application/json');
        const n = bundle.deliveries.length;
        notifications.show({
          color: bundle.selection.capped ? 'yellow' : 'green',
          icon: bundle.selection.capped ? <IconAlertTriangle size={18} /> : <IconDownload size={18} />,
          title: `Exported ${n.toLocaleString('en-US')} ${n === 1 ? 'delivery' : 'deliveries'}`,
          message: bundle.selection.note ?? `Saved as ${fileName}. It holds no secrets: App Keys stay masked.`,
        });
      },
      onError: (error) => notifications.show({ color: 'red', title: "Couldn't export", message: error.message }),
    });
  return (
    <Stack gap={4}>
      <Button variant="default" size={size} leftSection={<IconDownload size={16} />} loading={exporting.isPending} disabled={disabled} onClick={start}>
        {label}
      </Button>
      {exporting.isPending && progress && progress.total !== null && progress.total > 200 && (
        <TaskProgressBar unit={DELIVERIES} title="Building the bundle" done={progress.done} total={progress.total} finished={progress.finished} error={progress.error} />
      )}
    </Stack>
  );
}
