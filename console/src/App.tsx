import { App as AntApp, Spin } from 'antd';
import { lazy, ReactNode, Suspense } from 'react';
import { BrowserRouter, Navigate, Route, Routes, useLocation } from 'react-router-dom';
import { AuthProvider, useAuth } from './auth/auth';
import { LoginPage } from './auth/LoginPage';
import { I18nProvider } from './i18n/i18n';
import HomePage from './layout/HomePage';
import NotFoundPage from './layout/NotFoundPage';
import { Shell } from './layout/Shell';
import { ConsolePage, PAGES } from './pages';

/** Its own chunk: customers never load the console's pages (nor bpmn-js). */
const PortalApp = lazy(() => import('./portal/PortalApp'));

function RequireSignIn({ children }: { children: ReactNode }) {
  const { user, signedOut } = useAuth();
  const location = useLocation();
  if (user === undefined) return <Spin style={{ display: 'block', marginTop: 96 }} />;
  if (user === null) return <Navigate to="/login" replace state={signedOut ? undefined : { from: location.pathname + location.search }} />;
  return children;
}

/** A customer's user (only the portal permission) belongs in the portal, not in the console. */
function StaffOnly({ children }: { children: ReactNode }) {
  const { user } = useAuth();
  if (user && user.permissions.length > 0 && user.permissions.every((permission) => permission === 'portal.use')) return <Navigate to="/portal" replace />;
  return children;
}

function Guarded({ page }: { page: ConsolePage }) {
  const { can } = useAuth();
  if (!can(page.permission)) return <NotFoundPage />;
  const Page = page.component;
  return <Page />;
}

export function App() {
  return (
    <I18nProvider>
      <AntApp>
        <AuthProvider>
          <BrowserRouter>
            <Routes>
              <Route path="/login" element={<LoginPage />} />
              <Route path="/portal/login" element={<Navigate to="/login" replace state={{ from: '/portal' }} />} />
              <Route
                path="/portal/*"
                element={
                  <RequireSignIn>
                    <Suspense fallback={<Spin style={{ display: 'block', marginTop: 96 }} />}>
                      <PortalApp />
                    </Suspense>
                  </RequireSignIn>
                }
              />
              <Route
                element={
                  <RequireSignIn>
                    <StaffOnly>
                      <Shell />
                    </StaffOnly>
                  </RequireSignIn>
                }
              >
                <Route index element={<HomePage />} />
                {PAGES.map((page) => (
                  <Route key={page.path} path={page.path} element={<Guarded page={page} />} />
                ))}
                <Route path="*" element={<NotFoundPage />} />
              </Route>
            </Routes>
          </BrowserRouter>
        </AuthProvider>
      </AntApp>
    </I18nProvider>
  );
}
