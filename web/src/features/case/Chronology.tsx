// A case's chronology as far as the caller may see it: filters (category, audience,
// author), pages of entries oldest first (keyset paging: `next` → `after`), each entry with
// its audience and family flag as badges, "why can I see this?", and the links between
// corrections and what they correct. A link to an entry not loaded yet loads the next
// pages until it is there (`jumpTo` asks the same from outside, e.g. after writing).
import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react';
import { usePrefetchInfiniteQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Button, Heading2, Paragraph } from '@utrecht/component-library-react';
import { api, call, type Category, type ChronologyEntry, type Schemas } from '../../api/client';
import { Entry, entryAnchor, entryAuthor } from './ChronologyEntry';
import { FormAlert, Loading, Notice } from '../../components/common';
import { pagedQuery, usePagedQuery } from '../../components/paging';
import { SelectField } from '../../components/SelectField';
import { useMeta } from '../../api/meta';

type EntryPage = { entries: ChronologyEntry[]; next?: string };
type Audience = Schemas['Audience'];
interface Filter {
  category: Category | '';
  audience: Audience | '';
  author: string;
}
/** Someone who may have written in the chronology: a user id and how to name them. */
export interface Author {
  user_id: string;
  label: string;
}
// The first page is what the case page opens with: a screen or two of the latest entries,
// so that the page is usable at once on a phone (bench/lighthouse.sh); who reads on gets
// the rest a hundred at a time.
const FIRST_PAGE = 25;
const NEXT_PAGES = 100;

const fetchEntryPage = (caseId: string, filter: Filter, after?: string): Promise<EntryPage> =>
  call(
    api.GET('/api/cases/{id}/entries', {
      params: {
        path: { id: caseId },
        query: {
          limit: after ? NEXT_PAGES : FIRST_PAGE,
          after,
          category: filter.category || undefined,
          audience: filter.audience || undefined,
          author: filter.author || undefined,
        },
      },
    }),
  );

const NO_FILTER: Filter = { category: '', audience: '', author: '' };

/** The chronology of a case under a filter, page by page, in the query cache. */
// Fresh for a few seconds, and kept that long without a screen on it: the page prefetched
// beside the case is the one the chronology shows when it mounts, not asked for twice; our
// own writes invalidate it at once.
const chronologyQuery = (caseId: string, filter: Filter) => ({
  ...pagedQuery(['case', caseId, 'chronology', filter], (after?: string) => fetchEntryPage(caseId, filter, after), (page: EntryPage) => page.next),
  staleTime: 10_000,
  gcTime: 10_000,
});

/**
 * The first unfiltered page, asked for before the chronology mounts: the case page asks at
 * once, beside the case itself, instead of after it (a round trip less before the page is
 * usable; bench/case_page.sh). The chronology then finds it in the cache.
 */
export function usePrefetchChronology(caseId: string) {
  usePrefetchInfiniteQuery(chronologyQuery(caseId, NO_FILTER));
}

/**
 * Loads again what a change of the case touches besides the case itself: its chronology
 * (every filter) and the team's basis (`['case', id, …]`, what hangs under the case).
 */
export function useReloadCaseParts(caseId: string) {
  const queries = useQueryClient();
  return useCallback(
    () => queries.invalidateQueries({ queryKey: ['case', caseId], predicate: (q) => q.queryKey.length > 2 }),
    [queries, caseId],
  );
}

export function Chronology({
  caseId,
  authors = [],
  onCorrect,
  jumpTo,
}: {
  caseId: string;
  /** Authors to offer in the filter besides those of the entries loaded. */
  authors?: readonly Author[];
  /** Offered on each entry that may be corrected (the caller may write). */
  onCorrect?(entry: ChronologyEntry): void;
  jumpTo?: string | null;
}) {
  const { t } = useTranslation();
  const meta = useMeta();
  const [draft, setDraft] = useState<Filter>(NO_FILTER);
  const [filter, setFilter] = useState<Filter>(draft);
  const [pending, setPending] = useState<string | null>(jumpTo ?? null);
  const [missing, setMissing] = useState(false);
  const list = usePagedQuery(chronologyQuery(caseId, filter));
  const entries = list.pages.flatMap((p) => p.entries);
  const loaded = new Map(entries.map((e) => [e.id, e]));

  // Authors seen on any page so far stay in the filter, also while it narrows the list.
  const seen = useRef(new Map<string, string>());
  for (const e of entries) if (!seen.current.has(e.author.user_id)) seen.current.set(e.author.user_id, entryAuthor(t, e));
  const authorOptions = new Map<string, string>(authors.map((a) => [a.user_id, a.label]));
  for (const [id, label] of seen.current) if (!authorOptions.has(id)) authorOptions.set(id, label);

  useEffect(() => {
    if (jumpTo) setPending(jumpTo);
  }, [jumpTo]);

  // Go to the pending entry once it is on the page; until then load the next page.
  const { hasMore, busy, loaded: firstLoaded, loadMore, error, refreshing } = list;
  const found = pending !== null && loaded.has(pending);
  useEffect(() => {
    // While the pages load again (after a write) the entry may not be on them yet.
    if (pending === null || !firstLoaded || refreshing) return;
    if (error) {
      setPending(null); // the error is shown; clicking the link again tries again
    } else if (found) {
      const el = document.getElementById(entryAnchor(pending));
      el?.scrollIntoView?.({ block: 'start' });
      el?.focus({ preventScroll: true });
      setPending(null);
    } else if (hasMore) {
      if (!busy) void loadMore();
    } else {
      setMissing(true);
      setPending(null);
    }
  }, [pending, found, firstLoaded, refreshing, hasMore, busy, loadMore, error]);

  function jump(id: string) {
    setMissing(false);
    setPending(id);
  }

  function apply(event: FormEvent) {
    event.preventDefault();
    setMissing(false);
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
          options={meta.categories.map((c) => ({ value: c, label: t(`categories.${c}`) }))}
          emptyLabel={t('chronology.all')}
          onChange={(category) => setDraft((d) => ({ ...d, category }))}
        />
        <SelectField
          id="filter-audience"
          label={t('chronology.audience')}
          value={draft.audience}
          options={meta.audiences.map((a) => ({ value: a, label: t(`audiences.${a}`) }))}
          emptyLabel={t('chronology.all')}
          onChange={(audience) => setDraft((d) => ({ ...d, audience }))}
        />
        <SelectField
          id="filter-author"
          label={t('caseEdit.chronology.author')}
          value={draft.author}
          options={[...authorOptions].map(([value, label]) => ({ value, label }))}
          emptyLabel={t('chronology.all')}
          onChange={(author) => setDraft((d) => ({ ...d, author }))}
        />
        <Button appearance="secondary-action-button" type="submit">
          {t('chronology.apply')}
        </Button>
      </form>
      <FormAlert title={t('errors.summaryTitle')} message={list.error} />
      {missing && <Notice type="info">{t('caseEdit.chronology.notInList')}</Notice>}
      {!list.loaded && !list.error && <Loading />}
      {list.loaded && entries.length === 0 && <Paragraph role="status">{t('case.noEntries')}</Paragraph>}
      {entries.length > 0 && (
        <ol className="samen-cards samen-chronology">
          {entries.map((e) => (
            <li key={e.id} className="samen-card">
              <Entry
                entry={e}
                loaded={loaded}
                onJump={jump}
                onCorrect={onCorrect && e.kind !== 'family_view' ? onCorrect : undefined}
              />
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
