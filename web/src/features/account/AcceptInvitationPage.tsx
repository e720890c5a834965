// The page an invited parent or pupil opens from the school's link (/uitnodiging/<token>).
// Without a session: choose a password, which creates the family login, and be logged in
// with it at once. With a guardian's session: add this child to that login.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'wouter';
import { Button, Paragraph } from '@utrecht/component-library-react';
import { api, ApiError, call } from '../../api/client';
import { AppLink } from '../../components/AppLink';
import { FormAlert, LanguageSwitch, Notice, PageTitle } from '../../components/common';
import { messageFor, useForm } from '../../components/forms';
import { useSession } from '../../session/session';
import { paths } from '../../screens/routes';
import { NewPasswordFields } from './NewPasswordFields';

const FIELDS = ['password', 'repeat'] as const;

/** The message for an invitation the server will not accept (404 unknown, 410 used/revoked/expired). */
function useInvitationRefusal() {
  const { t } = useTranslation();
  return (error: unknown): string | undefined => {
    if (!(error instanceof ApiError)) return undefined;
    if (error.code === 'not_found') return t('admin.accept.unknown');
    if (error.code === 'invitation_used') return t('admin.accept.used');
    if (error.code === 'invitation_revoked') return t('admin.accept.revoked');
    if (error.code === 'invitation_expired') return t('admin.accept.expired');
    if (error.code === 'invitation_invalid') return t('admin.accept.invalid');
    if (error.code === 'already_exists') return t('admin.accept.exists');
    if (error.code === 'weak_password') return t('admin.accept.weakPassword');
    return undefined;
  };
}

const accept = (token: string, password?: string) =>
  call(api.POST('/api/invitations/{token}/accept', { params: { path: { token } }, body: password === undefined ? {} : { password } }));

/** Anonymous: a new family login with a password of one's own. */
export function AcceptInvitationPage({ token }: { token: string }) {
  const { t } = useTranslation();
  const { login } = useSession();
  const [, navigate] = useLocation();
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const { formRef, busy, errors, submit } = useForm(FIELDS);
  const refusal = useInvitationRefusal();

  function onSubmit(event: FormEvent) {
    const missing = {
      password: password.length >= 12 ? undefined : t('admin.accept.passwordRequired'),
      repeat: password.length >= 12 && repeat !== password ? t('admin.accept.repeatMismatch') : undefined,
    };
    void submit(
      event,
      missing,
      async () => {
        const created = await accept(token, password);
        // The login exists; log in with it (should that fail, the login page is where to go).
        navigate('/', { replace: true });
        await login(created.email, password).catch(() => {});
      },
      refusal,
    );
  }

  return (
    <div className="samen-login">
      <div className="samen-login__language">
        <LanguageSwitch />
      </div>
      <PageTitle>{t('admin.accept.title')}</PageTitle>
      <Paragraph>{t('admin.accept.intro')}</Paragraph>
      <FormAlert title={t('admin.accept.errorSummary')} message={errors.form} />
      {errors.form && (
        <Paragraph>
          <AppLink href="/">{t('admin.accept.toLogin')}</AppLink>
        </Paragraph>
      )}
      <form ref={formRef} onSubmit={onSubmit} noValidate className="samen-form" aria-label={t('admin.accept.title')}>
        <NewPasswordFields value={{ password, repeat }} onChange={(v) => {
            setPassword(v.password);
            setRepeat(v.repeat);
          }} errors={errors.fields} />
        <Button appearance="primary-action-button" type="submit" busy={busy} disabled={busy}>
          {busy ? t('admin.accept.busy') : t('admin.accept.submit')}
        </Button>
      </form>
    </div>
  );
}

/** Logged in: a guardian adds this child to their login; anyone else is told to log out first. */
export function AcceptInvitationLoggedIn({ token }: { token: string }) {
  const { t } = useTranslation();
  const { state } = useSession();
  const refusal = useInvitationRefusal();
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState(false);
  const [error, setError] = useState<string>();
  if (state.status !== 'active') return null;
  const { me } = state;
  const guardian = me.memberships.every((m) => m.role === 'guardian');

  async function link() {
    setBusy(true);
    setError(undefined);
    try {
      await accept(token);
      setDone(true);
    } catch (e) {
      setError(refusal(e) ?? messageFor(t, e));
    } finally {
      setBusy(false);
    }
  }
  return (
    <>
      <PageTitle>{t('admin.accept.loggedInTitle')}</PageTitle>
      {!guardian && <Notice type="warning">{t('admin.accept.notGuardian', { name: me.user.name })}</Notice>}
      {guardian && !done && (
        <>
          <Paragraph>{t('admin.accept.loggedInIntro', { name: me.user.name })}</Paragraph>
          <FormAlert title={t('admin.accept.errorSummary')} message={error} />
          <Button appearance="primary-action-button" type="button" busy={busy} disabled={busy} onClick={() => void link()}>
            {t('admin.accept.link')}
          </Button>
        </>
      )}
      {done && (
        <>
          <Notice type="ok">{t('admin.accept.linked')}</Notice>
          <Paragraph>
            <AppLink href={paths.family}>{t('admin.accept.toOverview')}</AppLink>
          </Paragraph>
        </>
      )}
    </>
  );
}
