// What every signed-in user's routes end with, in ProfessionalScreens and FamilyScreens
// alike: the links from e-mails (an invitation, a password link, the notifications) and
// "not found".
import { useTranslation } from 'react-i18next';
import { Route } from 'wouter';
import { Paragraph } from '@utrecht/component-library-react';
import { PageTitle } from '../components/common';
import { AppLink } from '../components/AppLink';
import { AcceptInvitationLoggedIn } from '../features/account/AcceptInvitationPage';
import { PasswordSetupPage } from '../features/account/PasswordSetupPage';
import { NotificationsPage } from '../features/notifications/NotificationsPage';
import { paths } from './routes';

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

/** The last routes of a signed-in Switch (wouter flattens the array). */
export const signedInRoutes = [
  <Route key="invitation" path="/uitnodiging/:token">
    {(params) => <AcceptInvitationLoggedIn token={params.token} />}
  </Route>,
  <Route key="password" path={paths.passwordSetup}>
    <PasswordSetupPage />
  </Route>,
  <Route key="notifications" path={paths.notifications}>
    <NotificationsPage />
  </Route>,
  <Route key="not-found">
    <NotFound />
  </Route>,
];
