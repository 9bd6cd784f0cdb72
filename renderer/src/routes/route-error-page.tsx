// Shown when a screen throws while rendering, instead of a blank window.
import { Alert, Button, Code, Group, Stack, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { isRouteErrorResponse, Link, useRouteError } from 'react-router';

function describe(error: unknown): string {
  if (isRouteErrorResponse(error)) return `${error.status} ${error.statusText}`;
  if (error instanceof Error) return error.message;
  return String(error);
}

export function RouteErrorPage() {
  const error = useRouteError();
  return (
    <Stack p="lg" maw={720}>
      <Alert color="red" icon={<IconAlertTriangle size={20} />} title="This screen stopped working" role="alert">
        <Stack gap="sm">
          <Text size="sm">Something went wrong while showing this screen. Your data is safe; try again or go back.</Text>
          <Code block>{describe(error)}</Code>
          <Group gap="sm">
            <Button size="xs" variant="default" onClick={() => window.location.reload()}>
              Reload
            </Button>
            <Button size="xs" variant="light" component={Link} to="/">
              Go to Integrations
            </Button>
          </Group>
        </Stack>
      </Alert>
    </Stack>
  );
}
