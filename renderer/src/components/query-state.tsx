// Shared loading, error and empty states for contract queries, so every screen handles all three the same way.
import { Alert, Button, Center, Group, Loader, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconRefresh } from '@tabler/icons-react';
import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import type { RemoteError } from '../../../shared/result';

/** A centred spinner that screen readers announce. */
export function LoadingState({ label = 'Loading…' }: { label?: string }) {
  return (
    <Center py="xl" role="status" aria-live="polite">
      <Group gap="sm">
        <Loader size="sm" />
        <Text c="dimmed" size="sm">
          {label}
        </Text>
      </Group>
    </Center>
  );
}

interface ErrorAlertProps {
  title: string;
  error: Error;
  onRetry?: () => void;
  retrying?: boolean;
}

/** A red alert with what failed, the host's message and, when it can help, a Retry button. */
export function ErrorAlert({ title, error, onRetry, retrying = false }: ErrorAlertProps) {
  const code = 'code' in error && typeof error.code === 'string' ? error.code : undefined;
  return (
    <Alert color="red" title={title} icon={<IconAlertTriangle size={20} />} role="alert">
      <Stack gap="sm" align="flex-start">
        <Text size="sm">{error.message}</Text>
        {code && (
          <Text size="xs" c="dimmed">
            Error code: {code}
          </Text>
        )}
        {onRetry && (
          <Button
            size="xs"
            variant="default"
            leftSection={<IconRefresh size={14} />}
            loading={retrying}
            onClick={onRetry}
          >
            Retry
          </Button>
        )}
      </Stack>
    </Alert>
  );
}

interface QueryStateProps<T> {
  query: UseQueryResult<T, RemoteError>;
  /** Title of the error alert, e.g. "Couldn't load the integrations". */
  errorTitle: string;
  /** Shown while the first answer is pending; a spinner by default. */
  loading?: ReactNode;
  /** Takes over for errors that deserve their own screen (e.g. NOT_FOUND); return null to use the alert. */
  renderError?: (error: RemoteError) => ReactNode | null;
  /** With `empty`: when the data counts as "nothing to show". */
  isEmpty?: (data: T) => boolean;
  empty?: ReactNode;
  children: (data: T) => ReactNode;
}

/**
 * Renders a query's loading, error, empty or data state. Data already on screen stays there when a refresh
 * fails; the error is shown above it instead of replacing it.
 */
export function QueryState<T>({ query, errorTitle, loading, renderError, isEmpty, empty, children }: QueryStateProps<T>) {
  const { data, error, isFetching, refetch } = query;
  const retry = () => void refetch();

  if (data === undefined) {
    if (!error) return <>{loading ?? <LoadingState />}</>;
    return <>{renderError?.(error) ?? <ErrorAlert title={errorTitle} error={error} onRetry={retry} retrying={isFetching} />}</>;
  }

  const body = isEmpty?.(data) && empty !== undefined ? empty : children(data);
  return (
    <>
      {error && <ErrorAlert title={errorTitle} error={error} onRetry={retry} retrying={isFetching} />}
      {body}
    </>
  );
}
