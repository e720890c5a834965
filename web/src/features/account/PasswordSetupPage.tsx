// The page of a one-time link to set a password (/wachtwoord-instellen#<token>), which
// `samen init` prints for the region's first administrator and `samen user setup-link` for
// anyone. The token sits in the URL's fragment, which the browser never sends: it reaches
// no access log, and only this page posts it, in the request body. The form and its
// messages are the invitation page's (AcceptInvitationPage), the password rules the server's.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'wouter';
import { Button, Paragraph } from '@utrecht/component-library-react';
import { api, ApiError, call } from '../../api/client';
import { AppLink } from '../../components/AppLink';
import { FormAlert, LanguageSwitch, PageTitle } from '../../components/common';
import { useForm } from '../../components/forms';
import { useSession } from '../../session/session';
import { NewPasswordFields } from './NewPasswordFields';

const FIELDS = ['password', 'repeat'] as const;

/** The token of the link, from the fragment of the address the page was opened at. */
function tokenOfLocation(): string {
  return decodeURIComponent(window.location.hash.replace(/^#/, ''));
}

export function PasswordSetupPage() {
  const { t } = useTranslation();
  const { login } = useSession();
  const [, navigate] = useLocation();
  const [token] = useState(tokenOfLocation);
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const { formRef, busy, errors, submit } = useForm(FIELDS);

  const refusal = (error: unknown): string | undefined => {
    if (!(error instanceof ApiError)) return undefined;
    if (error.code === 'password_link_invalid') return t('admin.passwordSetup.invalid');
    if (error.code === 'weak_password') return t('admin.accept.weakPassword');
    return undefined;
  };

  function onSubmit(event: FormEvent) {
    const missing = {
      password: password.length >= 12 ? undefined : t('admin.accept.passwordRequired'),
      repeat: password.length >= 12 && repeat !== password ? t('admin.accept.repeatMismatch') : undefined,
    };
    void submit(
      event,
      missing,
      async () => {
        const done = await call(api.POST('/api/password-setup', { body: { token, password } }));
        // The link is spent; leave its address (and the token with it) behind, and log in.
        navigate('/', { replace: true });
        await login(done.email, password).catch(() => {});
      },
      refusal,
    );
  }

  return (
    <div className="samen-login">
      <div className="samen-login__language">
        <LanguageSwitch />
      </div>
      <PageTitle>{t('admin.passwordSetup.title')}</PageTitle>
      <Paragraph>{t('admin.passwordSetup.intro')}</Paragraph>
      <FormAlert title={t('admin.accept.errorSummary')} message={token ? errors.form : t('admin.passwordSetup.invalid')} />
      {(errors.form || !token) && (
        <Paragraph>
          <AppLink href="/">{t('admin.accept.toLogin')}</AppLink>
        </Paragraph>
      )}
      {token && (
        <form ref={formRef} onSubmit={onSubmit} noValidate className="samen-form" aria-label={t('admin.passwordSetup.title')}>
          <NewPasswordFields value={{ password, repeat }} onChange={(v) => {
            setPassword(v.password);
            setRepeat(v.repeat);
          }} errors={errors.fields} />
          <Button appearance="primary-action-button" type="submit" busy={busy} disabled={busy}>
            {busy ? t('admin.accept.busy') : t('admin.passwordSetup.submit')}
          </Button>
        </form>
      )}
    </div>
  );
}
