import { createBrowserRouter } from 'react-router';
import { RequireAuth } from './auth/RequireAuth';
import { RequirePermission } from './auth/RequirePermission';
import { AppLayout } from './components/AppLayout';
import { ComingSoon } from './components/ComingSoon';
import { NotFound } from './components/NotFound';
import { RouteError } from './components/RouteError';
import { LoginPage } from './pages/login/LoginPage';
import { SetupPage } from './pages/setup/SetupPage';
import { appRoutes } from './routes';

/** Builds the router from the route table in routes.tsx. */
export function createAppRouter() {
  return createBrowserRouter([
    { path: '/login', element: <LoginPage />, errorElement: <RouteError /> },
    // A panel embedded in another centre's screen: no sign-in, the link's secret is the credential.
    { path: '/embed/:key/:token', lazy: async () => ({ Component: (await import('./pages/embed/EmbedPage')).EmbedPage }), errorElement: <RouteError /> },

    // The guided start of an empty install: open to anyone until the first administrator claims it.
    { path: '/setup', element: <SetupPage />, errorElement: <RouteError /> },
    {
      element: <RequireAuth />,
      errorElement: <RouteError />,
      children: [
        {
          element: <AppLayout />,
          errorElement: <RouteError />,
          children: [
            ...appRoutes.map((route) => {
              const Page = route.page;
              return {
                path: route.path,
                // Each page fails alone: the menu and header stay usable.
                errorElement: <RouteError />,
                element: (
                  <RequirePermission permission={route.permission}>
                    {Page ? <Page /> : <ComingSoon route={route} />}
                  </RequirePermission>
                ),
              };
            }),
            { path: '*', element: <NotFound /> },
          ],
        },
      ],
    },
  ]);
}
