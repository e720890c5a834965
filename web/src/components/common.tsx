// Small pieces the screens share, on the Utrecht components.
import { useEffect, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert, Button, ButtonGroup, Heading1, Paragraph } from '@utrecht/component-library-react';
import { currentLanguage, setLanguage } from '../i18n';
import { formatDateTime } from '../format/dates';
import type { StoredDraft } from '../drafts/draft';

// The first page after the app loads keeps the browser's focus order (Tab reaches the skip
// link first); every later page moves focus to its title.
let firstTitle = true;

/** The page's h1; it takes focus when the page opens, so screen readers hear where they are. */
export function PageTitle({ children }: { children: ReactNode }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${typeof children === 'string' ? children + ' — ' : ''}Samen`;
    if (firstTitle) firstTitle = false;
    else ref.current?.focus({ preventScroll: true });
  }, [children]);
  return (
    <Heading1 ref={ref} tabIndex={-1} className="samen-page-title">
      {children}
    </Heading1>
  );
}

/** A form-level error (role=alert: read out when it appears). */
export function FormAlert({ title, message }: { title: string; message?: string }) {
  if (!message) return null;
  return (
    <Alert type="error">
      <Paragraph>
        <strong>{title}:</strong> {message}
      </Paragraph>
    </Alert>
  );
}

/** A screen whose data could not be loaded: its h1 and the reason (`before`: e.g. a way back). */
export function LoadFailed({ message, before }: { message: string; before?: ReactNode }) {
  const { t } = useTranslation();
  return (
    <>
      {before}
      <PageTitle>{t('errors.summaryTitle')}</PageTitle>
      <FormAlert title={t('errors.summaryTitle')} message={message} />
    </>
  );
}

export function Notice({ type = 'info', children }: { type?: 'info' | 'ok' | 'warning' | 'error'; children: ReactNode }) {
  return (
    <Alert type={type}>
      <Paragraph>{children}</Paragraph>
    </Alert>
  );
}

export function Loading() {
  const { t } = useTranslation();
  return (
    <Paragraph role="status" className="samen-loading">
      {t('app.loading')}
    </Paragraph>
  );
}

/** Offers a draft that was kept for this form (after an expired session, say). */
export function DraftOffer({
  draft,
  onRestore,
  onDiscard,
}: {
  draft: StoredDraft<unknown> | null;
  onRestore(): void;
  onDiscard(): void;
}) {
  const { t } = useTranslation();
  if (!draft) return null;
  return (
    <Alert type="warning">
      <Paragraph>{t('draft.offer', { when: formatDateTime(draft.savedAt, currentLanguage()) })}</Paragraph>
      <ButtonGroup>
        <Button appearance="primary-action-button" type="button" onClick={onRestore}>
          {t('draft.restore')}
        </Button>
        <Button appearance="secondary-action-button" type="button" onClick={onDiscard}>
          {t('draft.discard')}
        </Button>
      </ButtonGroup>
    </Alert>
  );
}

/** "English" on the Dutch UI, "Nederlands" on the English one, in its own language. */
export function LanguageSwitch() {
  const { t } = useTranslation();
  const target = t('language.switchToLang') as 'nl' | 'en';
  return (
    <Button
      appearance="subtle-button"
      type="button"
      lang={target}
      aria-label={t('language.switchHint')}
      onClick={() => void setLanguage(target)}
    >
      {t('language.switchTo')}
    </Button>
  );
}
