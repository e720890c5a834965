// The user's notifications (/meldingen, where every notification e-mail links to): what
// kind of thing happened and when, newest first, unread ones marked; "open" marks it read
// and follows its link, whose page decides what the user sees. Below it the e-mail choice
// and the personal calendar link.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'wouter';
import { Button, ButtonGroup, DataBadge, Link, Paragraph } from '@utrecht/component-library-react';
import { FormAlert, Loading, PageTitle } from '../../components/common';
import { messageFor } from '../../components/forms';
import { formatDateTime } from '../../format/dates';
import { currentLanguage } from '../../i18n';
import { CalendarLink } from './CalendarLink';
import { NotificationSettingsForm } from './NotificationSettingsForm';
import { isAppPath, useMarkRead, useNotificationList, type Notification } from './notificationsQuery';

function NotificationItem({ n, onOpen, onRead }: { n: Notification; onOpen(): void; onRead(): void }) {
  const { t } = useTranslation();
  const kind = t(`notifications.kinds.${n.kind}`);
  // Each item has an "open" and a "read": their names say which notification they are for.
  return (
    <li className={n.read ? 'samen-notification' : 'samen-notification samen-notification--unread'}>
      <Paragraph>
        {!n.read && <DataBadge className="samen-notification__new">{t('notifications.new')}</DataBadge>}{' '}
        <strong>{kind}</strong>
      </Paragraph>
      <Paragraph small>
        <time dateTime={n.created_at}>{formatDateTime(n.created_at, currentLanguage())}</time>
      </Paragraph>
      <ButtonGroup>
        {isAppPath(n.link) && (
          <Link
            href={n.link}
            aria-label={`${t('notifications.open')}: ${kind}`}
            onClick={(event) => {
              if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
              event.preventDefault();
              onOpen();
            }}
          >
            {t('notifications.open')}
          </Link>
        )}
        {!n.read && (
          <Button appearance="subtle-button" type="button" onClick={onRead} aria-label={`${t('notifications.markRead')}: ${kind}`}>
            {t('notifications.markRead')}
          </Button>
        )}
      </ButtonGroup>
    </li>
  );
}

export function NotificationsPage() {
  const { t } = useTranslation();
  const [, navigate] = useLocation();
  const { data, error } = useNotificationList();
  const markRead = useMarkRead();
  const [actionError, setActionError] = useState<string>();

  function run(change: () => Promise<unknown>, then?: () => void) {
    setActionError(undefined);
    change().then(then, (e: unknown) => setActionError(messageFor(t, e)));
  }
  const list = data?.notifications ?? [];
  return (
    <>
      <PageTitle>{t('notifications.title')}</PageTitle>
      <Paragraph>{t('notifications.intro')}</Paragraph>
      <FormAlert title={t('errors.summaryTitle')} message={error ? messageFor(t, error) : actionError} />
      {!data && !error && <Loading />}
      {data && (
        <section aria-labelledby="notifications-count">
          <Paragraph id="notifications-count" role="status">
            {list.length === 0 ? t('notifications.none') : t('notifications.unread', { count: data.unread })}
          </Paragraph>
          {data.unread > 0 && (
            <ButtonGroup>
              <Button appearance="secondary-action-button" type="button" onClick={() => run(markRead.all)}>
                {t('notifications.markAllRead')}
              </Button>
            </ButtonGroup>
          )}
          {list.length > 0 && (
            <ul className="samen-notifications" aria-label={t('notifications.caption')}>
              {list.map((n) => (
                <NotificationItem
                  key={n.id}
                  n={n}
                  onRead={() => run(() => markRead.one(n.id))}
                  // Opened means read; the page opens even if marking it failed.
                  onOpen={() => run(() => (n.read ? Promise.resolve() : markRead.one(n.id)).finally(() => navigate(n.link)))}
                />
              ))}
            </ul>
          )}
        </section>
      )}
      <NotificationSettingsForm />
      <CalendarLink />
    </>
  );
}
