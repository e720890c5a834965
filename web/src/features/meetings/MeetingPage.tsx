// One meeting with the agenda items the viewer may see (GET /api/meetings/{id}). The server
// decides which items and whether each names the pupil; an anonymous item says why, and
// carries nothing that points at the pupil.
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { BadgeList, DataBadge, Heading2, Heading3, Link, Paragraph } from '@utrecht/component-library-react';
import { api, call, type Schemas } from '../../api/client';
import { AppLink } from '../../components/AppLink';
import { Facts } from '../../components/Facts';
import { LoadFailed, Loading, PageTitle } from '../../components/common';
import { useLoad } from '../../components/forms';
import { formatDateTime, formatInstantTime } from '../../format/dates';
import { currentLanguage } from '../../i18n';
import { paths } from '../../screens/routes';
import { ItemMinutes } from './ItemMinutes';
import { MeetingPlanning } from './MeetingPlanning';

type Item = Schemas['AgendaItem'];

function AgendaItem({ meeting, item, number, onReload }: { meeting: Schemas['Meeting']; item: Item; number: number; onReload(): Promise<void> }) {
  const { t } = useTranslation();
  const headingId = `agenda-item-${item.id}`;
  const title = item.named && item.pupil
    ? t('meetings.itemTitle', { number, name: item.pupil.name })
    : t('meetings.anonymousTitle', { number });
  return (
    <li className="samen-card">
      <article aria-labelledby={headingId}>
        <Heading3 id={headingId}>{title}</Heading3>
        {item.named && item.pupil ? (
          <Paragraph>
            {item.pupil.class}
            {item.case_id && (
              <>
                {' — '}
                <AppLink href={paths.case(item.case_id)}>{t('meetings.openCase')}</AppLink>
              </>
            )}
          </Paragraph>
        ) : (
          <Paragraph>{t('meetings.anonymous')}</Paragraph>
        )}
        <Facts
          items={[
            !!item.starts_at && [t('meetings.slot'), formatInstantTime(item.starts_at)],
            !!item.put_forward && [t('meetings.question'), item.put_forward.question],
            [t('meetings.reasons'), item.reasons.map((r) => t(`meetings.reason.${r}`, { defaultValue: r })).join(', ')],
            [
              t('meetings.subjects'),
              <BadgeList className="samen-badges">
                {item.categories.map((c) => (
                  <DataBadge key={c}>{t(`categories.${c}`, { defaultValue: c })}</DataBadge>
                ))}
              </BadgeList>,
            ],
            [
              t('meetings.attendees'),
              <ul className="samen-plain-list">
                {item.attendees.map((a) => (
                  <li key={a.membership_id}>
                    {a.name} ({t(`roles.${a.role}`, { defaultValue: a.role })}, {a.organisation_name}) —{' '}
                    {t(`meetings.why.${a.why}`)}
                  </li>
                ))}
              </ul>,
            ],
          ]}
        />
        <ItemMinutes meeting={meeting} item={item} number={number} onReload={onReload} />
      </article>
    </li>
  );
}

export function MeetingPage({ id }: { id: string }) {
  const { t } = useTranslation();
  const queries = useQueryClient();
  const key = ['meeting', id];
  const { data: m, error, reload } = useLoad(key, () => call(api.GET('/api/meetings/{id}', { params: { path: { id } } })), t('meetings.notFound'));
  if (error) return <LoadFailed message={error} />;
  if (!m) return <Loading />;
  return (
    <>
      <PageTitle>{`${m.title} — ${formatDateTime(m.starts_at, currentLanguage())}`}</PageTitle>
      <section aria-label={t('meetings.facts')}>
        <Facts
          items={[
            m.status === 'cancelled' && [t('meetings.status'), t('meetings.cancelled')],
            !!m.minutes_closed_at && [t('meetings.record.closedAt'), formatDateTime(m.minutes_closed_at, currentLanguage())],
            [t('meetings.what'), t(`meetings.kinds.${m.kind}`, { defaultValue: m.kind })],
            [t('meetings.duration'), t('meetings.minutes', { count: m.duration_minutes })],
            !!m.place && [t('meetings.place'), m.place],
            !!m.video_link && [t('meetings.video'), <Link href={m.video_link}>{m.video_link}</Link>],
          ]}
        />
      </section>
      <section aria-labelledby="agenda">
        <Heading2 id="agenda">{t('meetings.agenda')}</Heading2>
        <MeetingPlanning meeting={m} onChanged={(changed) => queries.setQueryData(key, changed)} onReload={reload} />
        <Paragraph>{m.sees_every_item ? t('meetings.agendaIntro') : t('meetings.onlyYours')}</Paragraph>
        <Paragraph role="status">{m.items.length === 0 ? t('meetings.noItems') : t('meetings.itemCount', { count: m.items.length })}</Paragraph>
        {m.items.length > 0 && (
          <ol className="samen-cards">
            {m.items.map((item, i) => (
              <AgendaItem key={item.id} meeting={m} item={item} number={i + 1} onReload={reload} />
            ))}
          </ol>
        )}
      </section>
    </>
  );
}
