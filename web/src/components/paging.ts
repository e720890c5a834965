// Lists the server gives page by page with a cursor (the chronology's `next`, the access
// log's `next_before_seq`): the first page loads with the screen, "load more" appends the
// next. The pages live in the query cache under `key` (another case, another filter is
// another key, starting again from page one); invalidating the key loads them again.
import { infiniteQueryOptions, useInfiniteQuery, type QueryKey } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { messageFor } from './forms';

export function pagedQuery<P, C>(key: QueryKey, fetchPage: (cursor?: C) => Promise<P>, cursorOf: (page: P) => C | null | undefined) {
  return infiniteQueryOptions({
    queryKey: key,
    queryFn: ({ pageParam }) => fetchPage(pageParam as C | undefined),
    initialPageParam: undefined as C | undefined,
    getNextPageParam: (last: P) => cursorOf(last) ?? undefined,
  });
}

export function usePaged<P, C>(key: QueryKey, fetchPage: (cursor?: C) => Promise<P>, cursorOf: (page: P) => C | null | undefined) {
  return usePagedQuery(pagedQuery(key, fetchPage, cursorOf));
}

/** The same for a list whose query is also prefetched or invalidated elsewhere (the chronology). */
export function usePagedQuery<P, C>(options: ReturnType<typeof pagedQuery<P, C>>) {
  const { t } = useTranslation();
  const query = useInfiniteQuery(options);
  const pages = query.data?.pages ?? [];
  const error = query.error ? messageFor(t, query.error) : undefined;
  async function loadMore() {
    if (query.hasNextPage && !query.isFetchingNextPage) await query.fetchNextPage();
  }
  return {
    pages,
    loaded: query.data !== undefined,
    error,
    busy: query.isFetchingNextPage,
    /** The pages already there are being loaded again (an invalidated key). */
    refreshing: query.isFetching && !query.isFetchingNextPage,
    hasMore: query.hasNextPage,
    loadMore,
  };
}
