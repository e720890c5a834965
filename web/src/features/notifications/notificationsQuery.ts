// The caller's notifications, read under one key by the header's unread count and the
// notifications page alike. The header keeps it asked every minute, so a notification made
// by someone else's write shows without a reload; GET /api/notifications holds no pupil
// data and is not audited, so asking often costs the audit log nothing.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { api, call, type Schemas } from '../../api/client';

export type NotificationList = Schemas['NotificationList'];
export type Notification = Schemas['Notification'];

export const notificationsKey = ['notifications'] as const;
const EVERY_MINUTE = 60_000;

export function useNotificationList() {
  return useQuery({
    queryKey: notificationsKey,
    queryFn: () => call(api.GET('/api/notifications')),
    refetchInterval: EVERY_MINUTE,
  });
}

/** Marking read answers the list after it: that list replaces the one held. */
export function useMarkRead() {
  const queries = useQueryClient();
  const keep = useCallback((list: NotificationList) => queries.setQueryData(notificationsKey, list), [queries]);
  const one = useCallback(
    (id: string) => call(api.POST('/api/notifications/{id}/read', { params: { path: { id } } })).then(keep),
    [keep],
  );
  const all = useCallback(() => call(api.POST('/api/notifications/read-all')).then(keep), [keep]);
  return { one, all };
}

/** Only a path of this app is followed; anything else the server might hold is not a link. */
export function isAppPath(link: string) {
  return link.startsWith('/') && !link.startsWith('//') && !link.includes('\\');
}
