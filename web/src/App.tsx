import type { ComponentType } from 'react';
import { useTranslation } from 'react-i18next';
import { useRoute } from 'wouter';
import { usePrefetchQuery } from '@tanstack/react-query';
import { MetaGate, metaQuery } from './api/meta';
import { useSession } from './session/session';
import { LoadFailed, Loading } from './components/common';
import { LoginPage } from './features/account/LoginPage';
import { AcceptInvitationPage } from './features/account/AcceptInvitationPage';
import { PasswordSetupPage } from './features/account/PasswordSetupPage';
import { homeFor, isFamily, paths } from './screens/routes';
import { screenLoader, startLoading, useScreens, type ScreenLoader } from './screens/screenLoader';

const professionalScreens = screenLoader(() => import('./screens/ProfessionalScreens'));
const familyScreens = screenLoader(() => import('./features/family/FamilyScreens'));

// A deep link (a case, the family portal) is opened by someone who is most likely signed
// in: its chunk loads beside the session check instead of after it. The login, invitation
// and password pages start nothing.
const openedAt = window.location.pathname;
if (openedAt.startsWith(paths.family)) void startLoading(familyScreens).catch(() => undefined);
else if (openedAt !== '/' && !openedAt.startsWith('/uitnodiging/') && openedAt !== paths.passwordSetup)
  void startLoading(professionalScreens).catch(() => undefined);

function Screens<T>({ loader, pick, home }: {
  loader: ScreenLoader<T>;
  pick: (module: T) => ComponentType<{ home: string }>;
  home: string;
}) {
  const { t } = useTranslation();
  // The lists every screen uses load beside the screens' chunk, not after it.
  usePrefetchQuery(metaQuery);
  const { module, failed } = useScreens(loader);
  if (module) {
    const Component = pick(module);
    return (
      <MetaGate>
        <Component home={home} />
      </MetaGate>
    );
  }
  return (
    <main id="main" className="samen-main">
      {failed ? <LoadFailed message={t('errors.network')} /> : <Loading />}
    </main>
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
  const home = homeFor(state.me);
  return isFamily(state.me) ? (
    <Screens loader={familyScreens} pick={(m) => m.FamilyScreens} home={home} />
  ) : (
    <Screens loader={professionalScreens} pick={(m) => m.ProfessionalScreens} home={home} />
  );
}
