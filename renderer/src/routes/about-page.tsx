// Settings → About: version, where data, logs and secrets live, and the theme.
import { Badge, Card, DataList, Skeleton, Stack, Text, Title } from '@mantine/core';
import { useContractQuery } from '../api/client';
import { CopyablePath } from '../components/copyable-path';
import { PageHeader } from '../components/page-header';
import { QueryState } from '../components/query-state';
import { SecretsStatus } from '../components/secrets-status';
import { ThemeChoice } from '../components/theme-choice';

const HOST_LABEL = { electron: 'Desktop app', headless: 'Headless server' } as const;

function InfoSkeleton() {
  return (
    <Stack gap="sm" aria-busy="true" aria-label="Loading system information">
      {[0, 1, 2, 3, 4, 5].map((i) => (
        <Skeleton key={i} height={16} width={`${60 - i * 4}%`} />
      ))}
    </Stack>
  );
}

export function AboutPage() {
  const query = useContractQuery('system.info', undefined);
  return (
    <>
      <PageHeader title="About" description="What is running, where it keeps its data, and how it looks." />
      <Stack gap="lg" maw={880}>
        <Card>
          <Title order={3} size="h4" mb="md">
            System
          </Title>
          <QueryState query={query} errorTitle="Couldn't load system information" loading={<InfoSkeleton />}>
            {(info) => (
              <Stack gap="lg">
                <DataList labelWidth={170} gap="sm" styles={{ item: { alignItems: 'center' } }}>
                  <DataList.Item>
                    <DataList.ItemLabel>App version</DataList.ItemLabel>
                    <DataList.ItemValue data-testid="app-version">{info.appVersion}</DataList.ItemValue>
                  </DataList.Item>
                  <DataList.Item>
                    <DataList.ItemLabel>Host</DataList.ItemLabel>
                    <DataList.ItemValue>
                      <Badge variant="default" radius="sm">
                        {HOST_LABEL[info.host]}
                      </Badge>
                    </DataList.ItemValue>
                  </DataList.Item>
                  <DataList.Item>
                    <DataList.ItemLabel>Data folder</DataList.ItemLabel>
                    <DataList.ItemValue>
                      <CopyablePath path={info.dataDir} label="Data folder" testId="data-dir" />
                    </DataList.ItemValue>
                  </DataList.Item>
                  <DataList.Item>
                    <DataList.ItemLabel>Database</DataList.ItemLabel>
                    <DataList.ItemValue>
                      <CopyablePath path={info.databasePath} label="Database path" />
                    </DataList.ItemValue>
                  </DataList.Item>
                  <DataList.Item>
                    <DataList.ItemLabel>Logs folder</DataList.ItemLabel>
                    <DataList.ItemValue>
                      <CopyablePath path={info.logDir} label="Logs folder" />
                    </DataList.ItemValue>
                  </DataList.Item>
                  <DataList.Item>
                    <DataList.ItemLabel>Migrations applied</DataList.ItemLabel>
                    <DataList.ItemValue>{info.migrationsApplied}</DataList.ItemValue>
                  </DataList.Item>
                </DataList>
                <div>
                  <Text fw={600} size="sm" mb={6}>
                    Credential storage
                  </Text>
                  <SecretsStatus secrets={info.secrets} />
                </div>
              </Stack>
            )}
          </QueryState>
        </Card>
        <Card>
          <Title order={3} size="h4" mb="md">
            Appearance
          </Title>
          <ThemeChoice />
        </Card>
      </Stack>
    </>
  );
}
