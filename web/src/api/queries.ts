// The one data-fetching layer (TanStack Query): what the screens read from the API is
// held by key while a screen shows it, loaded once however many parts ask, and loaded again
// by invalidating its key after a change, instead of hand-built caches and remounting to
// reload.
import { QueryClient } from '@tanstack/react-query';

export function newQueryClient() {
  return new QueryClient({
    defaultOptions: {
      // A refusal or a missing record is an answer, not a hiccup: no silent retries, and
      // nothing refetched behind the user's back when the window regains focus.
      // A screen left is forgotten (gcTime 0): coming back asks the server again and shows
      // "loading" meanwhile, never the answer of an earlier visit. Someone else's write
      // (an import, a consent withdrawn, a seat taken away) must not first show as the old
      // list or a page the viewer may no longer see. Queries that are meant to outlive a
      // screen say so (the lists of GET /api/meta, the chronology's prefetched page).
      queries: { retry: false, refetchOnWindowFocus: false, gcTime: 0 },
    },
  });
}

export const queryClient = newQueryClient();

/**
 * Drops every answer read in the session (pupils, cases, the audit log): after a logout, an
 * expired session or a switch of membership nothing read before is shown again. The lists
 * of GET /api/meta, which hold no personal data, stay.
 */
export function forgetSessionData(client: QueryClient) {
  client.removeQueries({ predicate: (query) => query.queryKey[0] !== 'meta' });
}
