// A case's chronology as far as the caller may see it: filters (category, audience), pages
// of entries oldest first (keyset paging: `next` → `after`), each entry with its audience
// and family flag as badges and "why can I see this?".
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  BadgeList,
  Button,
  DataBadge,
  Heading2,
  Heading3,
  Paragraph,
  StatusBadge,
} from '@utrecht/component-library-react';
import { api, call, type Category, type ChronologyEntry, type Schemas } from '../api/client';
import { currentLanguage } from '../i18n';
import { formatDateTime } from '../format/dates';
import { FormAlert, Loading } from './common';
import { usePaged } from './paging';
import { SelectField } from './SelectField';
import { WhyCanISee } from './WhyCanISee';

type EntryPage = { entries: ChronologyEntry[]; next?: string };
type Audience = Schemas['Audience'];
interface Filter {
  category: Category | '';
  audience: Audience | '';
}
const PAGE = 100;
const CATEGORIES: readonly Category[] = ['attendance', 'behaviour', 'learning', 'wellbeing', 'home', 'health', 'safety'];
const AUDIENCES: readonly Audience[] = ['private', 'discipline', 'case_team', 'school'];
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

const entryPage = (caseId: string, filter: Filter, after?: string): Promise<EntryPage> =>
  call(
    api.GET('/api/cases/{id}/entries', {
      params: {
        path: { id: caseId },
        query: { limit: PAGE, after, category: filter.category || undefined, audience: filter.audience || undefined },
      },
    }),
  );

function Entry({ entry: e }: { entry: ChronologyEntry }) {
  const { t } = useTranslation();
  const role = t(`roles.${e.author.role}`, { defaultValue: e.author.role });
  return (
    <article aria-labelledby={`entry-${e.id}`}>
      <Heading3 id={`entry-${e.id}`}>
        {t(`entryKinds.${KNOWN_KINDS.has(e.kind) ? e.kind : 'other'}`)}
        {e.corrects && ` — ${t('case.correction')}`}
      </Heading3>
      <Paragraph small>
        {t('case.by', {
          role: [e.author.name, role].filter(Boolean).join(', '),
          when: formatDateTime(e.created_at, currentLanguage()),
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
  );
}

export function Chronology({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<Filter>({ category: '', audience: '' });
  const [filter, setFilter] = useState<Filter>(draft);
  const list = usePaged(
    (after?: string) => entryPage(caseId, filter, after),
    (page) => page.next,
    [caseId, filter.category, filter.audience],
  );
  const entries = list.pages.flatMap((p) => p.entries);

  function apply(event: FormEvent) {
    event.preventDefault();
    setFilter(draft);
  }

  return (
    <section aria-labelledby="case-chronology">
      <Heading2 id="case-chronology">{t('case.chronology')}</Heading2>
      <Paragraph>{t('case.chronologyIntro')}</Paragraph>
      <form className="samen-filter" onSubmit={apply} aria-label={t('chronology.filter')}>
        <SelectField
          id="filter-category"
          label={t('chronology.category')}
          value={draft.category}
          options={CATEGORIES.map((c) => ({ value: c, label: t(`categories.${c}`) }))}
          emptyLabel={t('chronology.all')}
          onChange={(category) => setDraft((d) => ({ ...d, category }))}
        />
        <SelectField
          id="filter-audience"
          label={t('chronology.audience')}
          value={draft.audience}
          options={AUDIENCES.map((a) => ({ value: a, label: t(`audiences.${a}`) }))}
          emptyLabel={t('chronology.all')}
          onChange={(audience) => setDraft((d) => ({ ...d, audience }))}
        />
        <Button appearance="secondary-action-button" type="submit">
          {t('chronology.apply')}
        </Button>
      </form>
      <FormAlert title={t('errors.summaryTitle')} message={list.error} />
      {!list.loaded && !list.error && <Loading />}
      {list.loaded && entries.length === 0 && <Paragraph role="status">{t('case.noEntries')}</Paragraph>}
      {entries.length > 0 && (
        <ol className="samen-cards samen-chronology">
          {entries.map((e) => (
            <li key={e.id} className="samen-card">
              <Entry entry={e} />
            </li>
          ))}
        </ol>
      )}
      {list.hasMore && (
        <Button
          appearance="secondary-action-button"
          type="button"
          onClick={() => void list.loadMore()}
          busy={list.busy}
          disabled={list.busy}
        >
          {t('case.more')}
        </Button>
      )}
    </section>
  );
}
