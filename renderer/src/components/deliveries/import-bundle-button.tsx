// Import a bundle: pick a .json file, have main check it (every problem named), then open it read-only.
import { Alert, Button, FileButton, List, Stack } from '@mantine/core';
import { IconFileImport } from '@tabler/icons-react';
import { useNavigate } from 'react-router';
import type { FieldIssue } from '../../../../shared/result';
import { useBundleStore } from './bundle-store';
import { useContractAction } from './use-contract-action';

/** Where an imported bundle is shown. */
export const IMPORTED_BUNDLE_PATH = '/webhooks/deliveries/imported';

const issuesOf = (details: unknown): FieldIssue[] => {
  const issues = (details as { issues?: unknown } | undefined)?.issues;
  return Array.isArray(issues) ? (issues as FieldIssue[]).slice(0, 8) : [];
};

/** The button, and the reasons when a file was refused. */
export function ImportBundleButton({ variant = 'default' }: { variant?: 'default' | 'filled' }) {
  const importing = useContractAction('deliveryLog.importBundle');
  const open = useBundleStore((s) => s.open);
  const navigate = useNavigate();
  const pick = async (file: File | null) => {
    if (!file) return;
    const json = await file.text();
    importing.mutate(
      { json },
      {
        onSuccess: (bundle) => {
          open(bundle, file.name);
          void navigate(IMPORTED_BUNDLE_PATH);
        },
      },
    );
  };
  const issues = importing.error ? issuesOf(importing.error.details) : [];
  return (
    <Stack gap="xs">
      <FileButton onChange={(file) => void pick(file)} accept="application/json,.json">
        {(props) => (
          <Button {...props} variant={variant} leftSection={<IconFileImport size={16} />} loading={importing.isPending} data-testid="import-bundle">
            Import a bundle
          </Button>
        )}
      </FileButton>
      {importing.error && (
        <Alert color="red" title="This file can't be opened" withCloseButton onClose={() => importing.reset()} maw={560} data-testid="import-bundle-error">
          {importing.error.message}
          {issues.length > 1 && (
            <List size="xs" mt="xs">
              {issues.map((i) => (
                <List.Item key={`${i.path}:${i.message}`}>
                  {i.path}: {i.message}
                </List.Item>
              ))}
            </List>
          )}
        </Alert>
      )}
    </Stack>
  );
}
