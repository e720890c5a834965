import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Redirect, Route, Switch } from 'wouter';
import { Paragraph } from '@utrecht/component-library-react';
import { useSession } from './session/session';
import { Loading, PageTitle } from './components/common';
import { AppLink } from './components/AppLink';
import { LoginPage } from './screens/LoginPage';
import { Shell } from './screens/Shell';
import { PupilsPage } from './screens/PupilsPage';
import { PupilPage } from './screens/PupilPage';
import { NewSignalPage } from './screens/NewSignalPage';
import { SignalsPage } from './screens/SignalsPage';
// The case page (team, plan, level, chronology) is the largest screen: loaded when opened.
const CasePage = lazy(() => import('./screens/CasePage').then((m) => ({ default: m.CasePage })));
import { FamilyPage } from './screens/FamilyPage';
import { homeFor, paths } from './screens/routes';

function NotFound() {
  const { t } = useTranslation();
  return (
    <>
      <PageTitle>{t('errors.not_found')}</PageTitle>
      <Paragraph>
        <AppLink href="/">{t('app.name')}</AppLink>
      </Paragraph>
    </>
  );
}

/** Logged out (or expired): the login page, on whatever address was open; logged in: the app. */
export function App() {
  const { state } = useSession();
  if (state.status === 'loading') {
    return (
      <main id="main" className="samen-main">
        <Loading />
      </main>
    );
  }
  if (state.status === 'anonymous') {
    return (
      <main id="main" className="samen-main samen-main--narrow">
        <LoginPage />
      </main>
    );
  }
  const home = homeFor(state.me.active_membership.role);
  return (
    <Shell>
      <Switch>
        <Route path="/">
          <Redirect to={home} replace />
        </Route>
        <Route path={paths.family}>
          <FamilyPage />
        </Route>
        <Route path={paths.pupils}>
          <PupilsPage />
        </Route>
        <Route path="/leerlingen/:id">{(params) => <PupilPage id={params.id} />}</Route>
        <Route path="/signalen/nieuw">
          <NewSignalPage />
        </Route>
        <Route path={paths.signals}>
          <SignalsPage />
        </Route>
        <Route path="/dossiers/:id">
          {(params) => (
            <Suspense fallback={<Loading />}>
              <CasePage id={params.id} />
            </Suspense>
          )}
        </Route>
        <Route>
          <NotFound />
        </Route>
      </Switch>
    </Shell>
  );
}
