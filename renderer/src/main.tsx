// Renderer entry: connects to the host, then mounts the providers and the router.
import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import '@mantine/dates/styles.css';
import '@mantine/dropzone/styles.css';
import { MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router';
import { ApiProvider } from './api/client';
import { connect } from './api/transport';
import { ColorSchemeSync } from './components/color-scheme-sync';
import { createQueryClient } from './query-client';
import { createAppRouter } from './router';
import { theme } from './theme';

const bridge = connect();
const queryClient = createQueryClient();
const router = createAppRouter();

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

createRoot(root).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <ApiProvider bridge={bridge} client={queryClient}>
        {/* Mantine keeps a local copy of the scheme only to paint the first frame right; the host's preference wins. */}
        <MantineProvider theme={theme} defaultColorScheme="auto">
          <ColorSchemeSync />
          <Notifications position="bottom-right" />
          <RouterProvider router={router} />
        </MantineProvider>
      </ApiProvider>
    </QueryClientProvider>
  </StrictMode>,
);
