// The app shell: skip link, header (user, membership switch, language, logout), main
// navigation, the main landmark that every screen renders into, and a footer.
import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'wouter';
import { Button, FormLabel, Paragraph, Select, SelectOption, SkipLink } from '@utrecht/component-library-react';
import type { Me, Membership } from '../api/client';
import { useMe, useSession } from '../session/session';
import { AppLink } from '../components/AppLink';
import { LanguageSwitch, Notice } from '../components/common';
import { messageFor } from '../components/forms';
import { NotificationsLink } from '../features/notifications/NotificationsLink';
import { homeFor, navItemsFor } from './routes';

function useMembershipLabel() {
  const { t } = useTranslation();
  return (m: Membership) => t('shell.membership', { role: t(`roles.${m.role}`), organisation: m.organisation_name });
}

function MembershipSwitch({ me, onSwitched }: { me: Me; onSwitched(me: Me): void }) {
  const { t } = useTranslation();
  const { switchMembership } = useSession();
  const label = useMembershipLabel();
  const [chosen, setChosen] = useState(me.active_membership.id);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();

  if (me.memberships.length < 2) {
    return <Paragraph className="samen-header__membership">{label(me.active_membership)}</Paragraph>;
  }
  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      onSwitched(await switchMembership(chosen));
    } catch (e) {
      setError(messageFor(t, e));
    } finally {
      setBusy(false);
    }
  }
  return (
    <form className="samen-header__switch" onSubmit={submit}>
      <FormLabel htmlFor="membership">{t('shell.actingAs')}</FormLabel>
      <Select id="membership" value={chosen} onChange={(e) => setChosen(e.target.value)}>
        {me.memberships.map((m) => (
          <SelectOption key={m.id} value={m.id}>
            {label(m)}
          </SelectOption>
        ))}
      </Select>
      <Button
        appearance="secondary-action-button"
        type="submit"
        disabled={busy || chosen === me.active_membership.id}
      >
        {busy ? t('shell.switching') : t('shell.switchMembership')}
      </Button>
      {error && <span role="alert">{error}</span>}
    </form>
  );
}

export function Shell({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const me = useMe();
  const { logout } = useSession();
  const [location, navigate] = useLocation();
  const [switched, setSwitched] = useState<string>();

  function onSwitched(next: Me) {
    setSwitched(
      t('shell.switched', {
        role: t(`roles.${next.active_membership.role}`),
        organisation: next.active_membership.organisation_name,
      }),
    );
    navigate(homeFor(next));
  }

  return (
    <div className="samen-app">
      <SkipLink href="#main">{t('app.skipLink')}</SkipLink>
      <header className="samen-header">
        <div className="samen-header__brand">
          <AppLink href="/">{t('app.name')}</AppLink>
          <span className="samen-header__tagline">{t('app.tagline')}</span>
        </div>
        <div className="samen-header__user">
          <Paragraph className="samen-header__name">{t('shell.loggedInAs', { name: me.user.name })}</Paragraph>
          <MembershipSwitch key={me.active_membership.id} me={me} onSwitched={onSwitched} />
          <div className="samen-header__actions">
            <NotificationsLink />
            <LanguageSwitch />
            <Button appearance="secondary-action-button" type="button" onClick={() => void logout().catch(() => {})}>
              {t('shell.logout')}
            </Button>
          </div>
        </div>
      </header>
      <nav className="samen-nav" aria-label={t('app.mainNav')}>
        <ul className="samen-nav__list">
          {navItemsFor(me).map((item) => (
            <li key={item.href} className="samen-nav__item">
              <AppLink href={item.href} current={location === item.href}>
                {t(item.label)}
              </AppLink>
            </li>
          ))}
        </ul>
      </nav>
      <main id="main" className="samen-main" tabIndex={-1}>
        {switched && <Notice type="ok">{switched}</Notice>}
        {children}
      </main>
      <footer className="samen-footer">
        <Paragraph small>{t('app.footer')}</Paragraph>
      </footer>
    </div>
  );
}
