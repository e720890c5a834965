import { useTranslation } from 'react-i18next';
import { lazy, Suspense } from 'react';
import { Redirect, Route, Switch, useRoute } from 'wouter';
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
// The case page is part of the first load, not lazy: a lazy screen suspends on its first
// render, and React holds a Suspense fallback for about 300 ms before showing what came
// in (bench/case_page.sh measured the page idle for a third of a second); the page's 11 kB
// gzipped fit the budget.
import { CasePage } from './screens/CasePage';
import { CasesPage } from './screens/CasesPage';
import { WelcomePage } from './screens/WelcomePage';
import { FamilyPage } from './screens/FamilyPage';
import { AcceptInvitationLoggedIn, AcceptInvitationPage } from './screens/AcceptInvitationPage';
import { FamilyChildPage } from './screens/FamilyChildPage';
import { PasswordSetupPage } from './screens/PasswordSetupPage';
import { ConsentsPage } from './screens/ConsentsPage';
import { homeFor, paths } from './screens/routes';

// The screens of the administrator, the privacy officer and the import load when first opened.
const OrganisationsPage = lazy(() => import('./screens/admin/OrganisationsPage').then((m) => ({ default: m.OrganisationsPage })));
const UsersPage = lazy(() => import('./screens/admin/UsersPage').then((m) => ({ default: m.UsersPage })));
const UserPage = lazy(() => import('./screens/admin/UserPage').then((m) => ({ default: m.UserPage })));
const InvitationsPage = lazy(() => import('./screens/admin/InvitationsPage').then((m) => ({ default: m.InvitationsPage })));
const ImportPage = lazy(() => import('./screens/ImportPage').then((m) => ({ default: m.ImportPage })));
const AuditPage = lazy(() => import('./screens/privacy/AuditPage').then((m) => ({ default: m.AuditPage })));
const ExplainPage = lazy(() => import('./screens/privacy/ExplainPage').then((m) => ({ default: m.ExplainPage })));
const AccessReportPage = lazy(() => import('./screens/privacy/AccessReportPage').then((m) => ({ default: m.AccessReportPage })));

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
  const [inviting, invitation] = useRoute('/uitnodiging/:token');
  const [settingPassword] = useRoute(paths.passwordSetup);
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
        {inviting ? <AcceptInvitationPage token={invitation.token} /> : settingPassword ? <PasswordSetupPage /> : <LoginPage />}
      </main>
    );
  }
  const home = homeFor(state.me.active_membership.role);
  return (
    <Shell>
      <Suspense fallback={<Loading />}>
      <Switch>
        <Route path="/">
          <Redirect to={home} replace />
        </Route>
        <Route path={paths.family}>
          <FamilyPage />
        </Route>
        <Route path="/gezin/:id">{(params) => <FamilyChildPage pupilId={params.id} />}</Route>
        <Route path={paths.pupils}>
          <PupilsPage />
        </Route>
        <Route path="/leerlingen/:id/toestemmingen">{(params) => <ConsentsPage pupilId={params.id} />}</Route>
        <Route path="/leerlingen/:id">{(params) => <PupilPage id={params.id} />}</Route>
        <Route path="/signalen/nieuw">
          <NewSignalPage />
        </Route>
        <Route path={paths.signals}>
          <SignalsPage />
        </Route>
        <Route path={paths.cases}>
          <CasesPage />
        </Route>
        <Route path={paths.welcome}>
          <WelcomePage />
        </Route>
        <Route path="/dossiers/:id">{(params) => <CasePage id={params.id} />}</Route>
        <Route path={paths.organisations}>
          <OrganisationsPage />
        </Route>
        <Route path={paths.users}>
          <UsersPage />
        </Route>
        <Route path="/beheer/gebruikers/:id">{(params) => <UserPage id={params.id} />}</Route>
        <Route path="/leerlingen/:id/gezinsinlog">{(params) => <InvitationsPage id={params.id} />}</Route>
        <Route path={paths.pupilImport}>
          <ImportPage />
        </Route>
        <Route path="/privacy/logboek">
          <AuditPage />
        </Route>
        <Route path="/privacy/uitleg">
          <ExplainPage />
        </Route>
        <Route path={paths.accessReport}>
          <AccessReportPage />
        </Route>
        <Route path="/uitnodiging/:token">{(params) => <AcceptInvitationLoggedIn token={params.token} />}</Route>
        <Route path={paths.passwordSetup}>
          <PasswordSetupPage />
        </Route>
        <Route>
          <NotFound />
        </Route>
      </Switch>
      </Suspense>
    </Shell>
  );
}
