import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, FormFieldTextbox, Paragraph } from '@utrecht/component-library-react';
import { ApiError } from '../api/errors';
import { useSession } from '../session/session';
import { FormAlert, LanguageSwitch, Notice, PageTitle } from '../components/common';
import { useFormErrors, valueOf } from '../components/forms';

const FIELDS = ['email', 'password'] as const;

export function LoginPage() {
  const { t } = useTranslation();
  const { state, login } = useSession();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const { errors, clear, setFields, fromApi } = useFormErrors();
  const emailRef = useRef<HTMLInputElement>(null);
  const passwordRef = useRef<HTMLInputElement>(null);
  const reason = state.status === 'anonymous' ? state.reason : undefined;

  async function submit(event: FormEvent) {
    event.preventDefault();
    const missing = {
      email: email.trim() ? undefined : t('login.emailRequired'),
      password: password ? undefined : t('login.passwordRequired'),
    };
    if (missing.email || missing.password) {
      setFields(missing);
      (missing.email ? emailRef : passwordRef).current?.focus();
      return;
    }
    clear();
    setBusy(true);
    try {
      await login(email.trim(), password);
    } catch (error) {
      setPassword('');
      if (error instanceof ApiError && error.code === 'invalid_credentials') {
        fromApi(t, error, FIELDS, t('login.invalidCredentials'));
      } else if (error instanceof ApiError && error.code === 'rate_limited') {
        const minutes = Math.max(1, Math.ceil((error.retryAfter ?? 60) / 60));
        fromApi(t, error, FIELDS, t('login.rateLimited', { count: minutes }));
      } else {
        fromApi(t, error, FIELDS);
      }
      setBusy(false);
    }
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
      <form onSubmit={submit} noValidate className="samen-form" aria-label={t('login.title')}>
        <FormFieldTextbox
          label={t('login.email')}
          name="email"
          type="email"
          autoComplete="username"
          required
          value={email}
          onChange={(e) => setEmail(valueOf(e))}
          invalid={Boolean(errors.fields.email)}
          errorMessage={errors.fields.email}
          inputRef={emailRef}
        />
        <FormFieldTextbox
          label={t('login.password')}
          name="password"
          type="password"
          autoComplete="current-password"
          required
          value={password}
          onChange={(e) => setPassword(valueOf(e))}
          invalid={Boolean(errors.fields.password)}
          errorMessage={errors.fields.password}
          inputRef={passwordRef}
        />
        <Button appearance="primary-action-button" type="submit" busy={busy} disabled={busy}>
          {busy ? t('login.busy') : t('login.submit')}
        </Button>
      </form>
    </div>
  );
}
