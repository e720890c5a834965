// A case, read-only for now: header (pupil, lead, level, status, review date), who sits at
// the table and why, and the chronology as far as the caller may see it, each entry with
// its audience and family flag as badges.
import { useTranslation } from 'react-i18next';
import { useEffect, useState } from 'react';
import {
  BadgeList,
  Button,
  DataBadge,
  Heading2,
  Heading3,
  Paragraph,
  StatusBadge,
} from '@utrecht/component-library-react';
import { Facts } from '../components/Facts';
import { SimpleTable } from '../components/SimpleTable';
import { WhyCanISee } from '../components/WhyCanISee';
import { api, call, type Case, type ChronologyEntry } from '../api/client';
import { AppLink } from '../components/AppLink';
import { FormAlert, Loading, PageTitle } from '../components/common';
import { messageFor, useLoad } from '../components/forms';
import { currentLanguage } from '../i18n';
import { formatDate, formatDateTime, formatInstantDate } from '../format/dates';
import { pupilName } from '../format/names';
import { paths } from './routes';

interface CaseView {
  kase: Case;
  page: EntryPage;
  pupil: string | null;
}

type EntryPage = { entries: ChronologyEntry[]; next?: string };
const PAGE = 100;

/** One page of the chronology, oldest first; `next` when more follow (keyset paging). */
const entryPage = (id: string, after?: string): Promise<EntryPage> =>
  call(api.GET('/api/cases/{id}/entries', { params: { path: { id }, query: { limit: PAGE, after } } }));

async function loadCase(id: string): Promise<CaseView> {
  const [kase, page] = await Promise.all([call(api.GET('/api/cases/{id}', { params: { path: { id } } })), entryPage(id)]);
  const pupil = await call(api.GET('/api/pupils/{id}', { params: { path: { id: kase.pupil_id } } })).catch(() => null);
  return { kase, page, pupil: pupil ? pupilName(pupil) : null };
}

const KNOWN_KINDS = new Set([
  'observation',
  'conversation',
  'note',
  'decision',
  'signal',
  'triage',
  'level_change',
  'team_change',
  'family_view',
]);

export function CasePage({ id }: { id: string }) {
  const { t } = useTranslation();
  const { data: view, error } = useLoad(() => loadCase(id), [id], t('case.notFound'));
  const [later, setLater] = useState<EntryPage[]>([]);
  const [busy, setBusy] = useState(false);
  const [moreError, setMoreError] = useState<string>();
  const language = currentLanguage();
  useEffect(() => setLater([]), [id]);

  if (error) {
    return (
      <>
        <PageTitle>{t('errors.summaryTitle')}</PageTitle>
        <FormAlert title={t('errors.summaryTitle')} message={error} />
      </>
    );
  }
  if (!view) return <Loading />;
  const { kase, pupil } = view;
  const pages = [view.page, ...later];
  const entries = pages.flatMap((p) => p.entries);
  const next = pages.at(-1)?.next;

  async function loadMore() {
    if (!next) return;
    setBusy(true);
    setMoreError(undefined);
    try {
      const page = await entryPage(id, next);
      setLater((l) => [...l, page]);
    } catch (e) {
      setMoreError(messageFor(t, e));
    } finally {
      setBusy(false);
    }
  }
  const team = kase.team.filter((m) => !m.removed_at);
  const role = (r: string) => t(`roles.${r}`, { defaultValue: r });

  return (
    <>
      <PageTitle>{pupil ? t('case.title', { name: pupil }) : t('case.titleUnknown', { id: kase.id })}</PageTitle>
      {pupil && (
        <Paragraph>
          <AppLink href={paths.pupil(kase.pupil_id)}>{pupil}</AppLink>
        </Paragraph>
      )}
      <section aria-labelledby="case-header">
        <Heading2 id="case-header">{t('case.header')}</Heading2>
        <Facts
          items={[
            [t('case.status'), kase.status === 'open' ? t('case.statusOpen') : t('case.statusClosed')],
            [t('case.level'), t(`levels.${kase.level}`)],
            [t('case.lead'), kase.lead?.name ? `${kase.lead.name} (${role(kase.lead.role ?? '')})` : t('case.noLead')],
            [t('case.reviewDate'), formatDate(kase.review_date) || t('pupil.none')],
            [t('case.opened'), formatInstantDate(kase.opened_at)],
            [t('case.categories'), kase.categories.map((c) => t(`categories.${c}`)).join(', ')],
          ]}
        />
      </section>
      <section aria-labelledby="case-team">
        <Heading2 id="case-team">{t('case.team')}</Heading2>
        {team.length === 0 ? (
          <Paragraph>{t('case.noTeam')}</Paragraph>
        ) : (
          <SimpleTable
            caption={t('case.teamCaption')}
            headers={[t('case.member'), t('case.role'), t('case.reason'), t('case.since')]}
            rows={team.map((m) => ({
              key: m.membership_id ?? m.name ?? '',
              cells: [m.name, role(m.role ?? ''), m.reason, formatInstantDate(m.added_at)],
            }))}
          />
        )}
      </section>
      <section aria-labelledby="case-chronology">
        <Heading2 id="case-chronology">{t('case.chronology')}</Heading2>
        <Paragraph>{t('case.chronologyIntro')}</Paragraph>
        {entries.length === 0 ? (
          <Paragraph>{t('case.noEntries')}</Paragraph>
        ) : (
          <ol className="samen-cards samen-chronology">
            {entries.map((e) => (
              <li key={e.id} className="samen-card">
                <article aria-labelledby={`entry-${e.id}`}>
                  <Heading3 id={`entry-${e.id}`}>
                    {t(`entryKinds.${KNOWN_KINDS.has(e.kind) ? e.kind : 'other'}`)}
                    {e.corrects && ` — ${t('case.correction')}`}
                  </Heading3>
                  <Paragraph small>
                    {t('case.by', {
                      role: [e.author.name, role(e.author.role)].filter(Boolean).join(', '),
                      when: formatDateTime(e.created_at, language),
                    })}
                  </Paragraph>
                  <BadgeList className="samen-badges">
                    <DataBadge>{t(`categories.${e.category}`)}</DataBadge>
                    <StatusBadge status="neutral">{t('case.audience', { audience: t(`audiences.${e.audience}`) })}</StatusBadge>
                    {e.family_visible && <StatusBadge status="active">{t('case.family')}</StatusBadge>}
                  </BadgeList>
                  <Paragraph className="samen-prewrap">{e.text}</Paragraph>
                  <WhyCanISee entry={e} />
                </article>
              </li>
            ))}
          </ol>
        )}
        <FormAlert title={t('errors.summaryTitle')} message={moreError} />
        {next && (
          <Button appearance="secondary-action-button" type="button" onClick={() => void loadMore()} busy={busy} disabled={busy}>
            {t('case.more')}
          </Button>
        )}
      </section>
    </>
  );
}
