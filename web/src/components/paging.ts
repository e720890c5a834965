// Lists the server gives page by page with a cursor (the chronology's `next`, the access
// log's `next_before_seq`): the first page loads with the screen, "load more" appends the
// next. A change of `deps` (another case, another filter) starts again from page one.
import { useState, type DependencyList } from 'react';
import { useTranslation } from 'react-i18next';
import { messageFor, useLoad } from './forms';

export function usePaged<P, C>(
  fetchPage: (cursor?: C) => Promise<P>,
  cursorOf: (page: P) => C | null | undefined,
  deps: DependencyList,
) {
  const { t } = useTranslation();
  const first = useLoad(() => fetchPage(), deps);
  const key = JSON.stringify(deps);
  const [later, setLater] = useState<{ key: string; pages: P[] }>({ key: '', pages: [] });
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const pages = first.data ? [first.data, ...(later.key === key ? later.pages : [])] : [];
  const last = pages.at(-1);
  const cursor = last === undefined ? undefined : (cursorOf(last) ?? undefined);

  async function loadMore() {
    if (cursor === undefined) return;
    setBusy(true);
    setError(undefined);
    try {
      const page = await fetchPage(cursor);
      setLater((l) => ({ key, pages: [...(l.key === key ? l.pages : []), page] }));
    } catch (e) {
      setError(messageFor(t, e));
    } finally {
      setBusy(false);
    }
  }

  return { pages, loaded: first.data !== null, error: first.error ?? error, busy, hasMore: cursor !== undefined, loadMore };
}
