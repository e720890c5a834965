// The header's way to the notifications: "Meldingen", with the number unread beside it and
// in its accessible name. If the count cannot be read the link still leads there.
import { useTranslation } from 'react-i18next';
import { useLocation } from 'wouter';
import { AppLink } from '../../components/AppLink';
import { paths } from '../../screens/routes';
import { useNotificationList } from './notificationsQuery';

export function NotificationsLink() {
  const { t } = useTranslation();
  const [location] = useLocation();
  const unread = useNotificationList().data?.unread ?? 0;
  return (
    <span className="samen-header__notifications">
      <AppLink href={paths.notifications} current={location === paths.notifications}>
        {unread > 0 ? (
          <>
            <span aria-hidden="true">
              {t('notifications.nav')} <span className="samen-count">{unread}</span>
            </span>
            <span className="samen-visually-hidden">{t('notifications.navUnread', { count: unread })}</span>
          </>
        ) : (
          t('notifications.nav')
        )}
      </AppLink>
    </span>
  );
}
