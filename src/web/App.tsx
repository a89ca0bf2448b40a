import { useEffect, useState } from 'react';
import { App as AntApp, ConfigProvider } from 'antd';
import enGB from 'antd/locale/en_GB';
import viVN from 'antd/locale/vi_VN';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { RouterProvider } from 'react-router';
import { ApiError } from './api/client';
import { installUnauthorizedHandler } from './auth/session';
import { I18nProvider, useI18n } from './i18n/I18nProvider';
import { createAppRouter } from './router';
import { theme } from './theme';

function createQueryClient(): QueryClient {
  const client = new QueryClient({
    defaultOptions: {
      queries: {
        // A 4xx will not change on retry; network hiccups and 5xx get two more tries.
        retry: (count, err) => count < 2 && !(err instanceof ApiError && err.status >= 400 && err.status < 500),
        refetchOnWindowFocus: false,
        staleTime: 30_000,
      },
    },
  });
  return client;
}

function LocalisedApp({ router }: { router: ReturnType<typeof createAppRouter> }) {
  const { lang } = useI18n();
  return (
    <ConfigProvider locale={lang === 'vi' ? viVN : enGB} theme={theme}>
      <AntApp>
        <RouterProvider router={router} />
      </AntApp>
    </ConfigProvider>
  );
}

export function App() {
  const [queryClient] = useState(createQueryClient);
  const [router] = useState(createAppRouter);
  // In an effect, not at creation: StrictMode creates twice in development and keeps one.
  useEffect(() => installUnauthorizedHandler(queryClient), [queryClient]);
  return (
    <QueryClientProvider client={queryClient}>
      <I18nProvider>
        <LocalisedApp router={router} />
      </I18nProvider>
    </QueryClientProvider>
  );
}
