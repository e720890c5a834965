import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Paragraph } from '@utrecht/component-library-react';
import { ApiError } from '../../api/errors';
import { useSession } from '../../session/session';
import { FormAlert, LanguageSwitch, Notice, PageTitle } from '../../components/common';
import { useForm } from '../../components/forms';
import { TextField } from '../../components/TextField';

const FIELDS = ['email', 'password'] as const;

export function LoginPage() {
  const { t } = useTranslation();
  const { state, login } = useSession();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const { formRef, busy, errors, submit } = useForm(FIELDS);
  const reason = state.status === 'anonymous' ? state.reason : undefined;

  function onSubmit(event: FormEvent) {
    const missing = {
      email: email.trim() ? undefined : t('login.emailRequired'),
      password: password ? undefined : t('login.passwordRequired'),
    };
    const send = async () => {
      try {
        await login(email.trim(), password);
      } catch (error) {
        setPassword('');
        throw error;
      }
    };
    void submit(event, missing, send, (error) => {
      if (!(error instanceof ApiError)) return undefined;
      if (error.code === 'invalid_credentials') return t('login.invalidCredentials');
      if (error.code === 'rate_limited') {
        return t('login.rateLimited', { count: Math.max(1, Math.ceil((error.retryAfter ?? 60) / 60)) });
      }
      return undefined;
    });
  }

  return (
    <div className="samen-login">
      <div className="samen-login__language">
        <LanguageSwitch />
      </div>
      <PageTitle>{t('login.title')}</PageTitle>
      <Paragraph>{t('login.intro')}</Paragraph>
      {reason === 'expired' && <Notice type="warning">{t('login.sessionExpired')}</Notice>}
      {reason === 'logged_out' && <Notice>{t('login.loggedOut')}</Notice>}
      <FormAlert title={t('login.errorSummary')} message={errors.form} />
      <form ref={formRef} onSubmit={onSubmit} noValidate className="samen-form" aria-label={t('login.title')}>
        <TextField
          label={t('login.email')}
          name="email"
          type="email"
          autoComplete="username"
          required
          value={email}
          onValue={setEmail}
          error={errors.fields.email}
        />
        <TextField
          label={t('login.password')}
          name="password"
          type="password"
          autoComplete="current-password"
          required
          value={password}
          onValue={setPassword}
          error={errors.fields.password}
        />
        <Button appearance="primary-action-button" type="submit" busy={busy} disabled={busy}>
          {busy ? t('login.busy') : t('login.submit')}
        </Button>
      </form>
    </div>
  );
}
