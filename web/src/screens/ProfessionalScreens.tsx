// The professionals' screens, one chunk (screenLoader.ts): loaded once a professional is
// signed in, never for the login page or the family portal. The case page is in it, not
// lazy: it is the screen opened most, and bench/case_page.sh measures it.
import { lazy, Suspense } from 'react';
import { Redirect, Route, Switch } from 'wouter';
import { Loading } from '../components/common';
import { Shell } from './Shell';
import { PupilsPage } from '../features/pupils/PupilsPage';
import { PupilPage } from '../features/pupils/PupilPage';
import { NewSignalPage } from '../features/signals/NewSignalPage';
import { SignalsPage } from '../features/signals/SignalsPage';
import { CasePage } from '../features/case/CasePage';
import { CasesPage } from '../features/case/CasesPage';
import { MeetingsPage } from '../features/meetings/MeetingsPage';
import { MeetingPage } from '../features/meetings/MeetingPage';
import { WelcomePage } from '../features/account/WelcomePage';
import { ConsentsPage } from '../features/consent/ConsentsPage';
import { signedInRoutes } from './SignedInRoutes';
import { paths } from './routes';

// The screens of the administrator, the privacy officer and the import load when first opened.
const OrganisationsPage = lazy(() => import('../features/admin/OrganisationsPage').then((m) => ({ default: m.OrganisationsPage })));
const UsersPage = lazy(() => import('../features/admin/UsersPage').then((m) => ({ default: m.UsersPage })));
const UserPage = lazy(() => import('../features/admin/UserPage').then((m) => ({ default: m.UserPage })));
const InvitationsPage = lazy(() => import('../features/admin/InvitationsPage').then((m) => ({ default: m.InvitationsPage })));
const ImportPage = lazy(() => import('../features/admin/ImportPage').then((m) => ({ default: m.ImportPage })));
const AuditPage = lazy(() => import('../features/privacy/AuditPage').then((m) => ({ default: m.AuditPage })));
const ExplainPage = lazy(() => import('../features/privacy/ExplainPage').then((m) => ({ default: m.ExplainPage })));
const AccessReportPage = lazy(() => import('../features/privacy/AccessReportPage').then((m) => ({ default: m.AccessReportPage })));

export function ProfessionalScreens({ home }: { home: string }) {
  return (
    <Shell>
      <Suspense fallback={<Loading />}>
        <Switch>
          <Route path="/">
            <Redirect to={home} replace />
          </Route>
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
          <Route path={paths.meetings}>
            <MeetingsPage />
          </Route>
          <Route path="/overleg/:id">{(params) => <MeetingPage id={params.id} />}</Route>
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
          {signedInRoutes}
        </Switch>
      </Suspense>
    </Shell>
  );
}
