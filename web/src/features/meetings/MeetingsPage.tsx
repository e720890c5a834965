// The care team's meetings one takes part in (GET /api/meetings): when, which meeting,
// where, and how many agenda items are one's own. No pupil is named here.
import { useTranslation } from 'react-i18next';
import { Paragraph } from '@utrecht/component-library-react';
import { api, call } from '../../api/client';
import { AppLink } from '../../components/AppLink';
import { FormAlert, Loading, PageTitle } from '../../components/common';
import { useLoad } from '../../components/forms';
import { SimpleTable } from '../../components/SimpleTable';
import { formatDateTime } from '../../format/dates';
import { currentLanguage } from '../../i18n';
import { paths } from '../../screens/routes';

export function MeetingsPage() {
  const { t } = useTranslation();
  const { data, error } = useLoad(['meetings'], () => call(api.GET('/api/meetings')));
  const meetings = data?.meetings ?? [];
  return (
    <>
      <PageTitle>{t('meetings.title')}</PageTitle>
      <Paragraph>{t('meetings.intro')}</Paragraph>
      <FormAlert title={t('errors.summaryTitle')} message={error} />
      {!data && !error && <Loading />}
      {data && (
        <section aria-labelledby="meetings-count">
          <Paragraph id="meetings-count" role="status">
            {meetings.length === 0 ? t('meetings.none') : t('meetings.count', { count: meetings.length })}
          </Paragraph>
          {meetings.length > 0 && (
            <SimpleTable
              caption={t('meetings.caption')}
              headers={[t('meetings.when'), t('meetings.what'), t('meetings.where'), t('meetings.forYou')]}
              rows={meetings.map((m) => ({
                key: m.id,
                cells: [
                  <AppLink href={paths.meeting(m.id)}>{formatDateTime(m.starts_at, currentLanguage())}</AppLink>,
                  `${m.title} (${t(`meetings.kinds.${m.kind}`, { defaultValue: m.kind })})${m.status === 'cancelled' ? ` — ${t('meetings.cancelled')}` : ''}`,
                  m.place,
                  t('meetings.itemsForYou', { count: m.items_for_you }),
                ],
              }))}
            />
          )}
        </section>
      )}
    </>
  );
}
