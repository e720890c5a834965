// The one data-fetching layer (TanStack Query): what the screens read from the API is
// cached by key, loaded once however many parts ask, and loaded again by invalidating its
// key after a change, instead of hand-built caches and remounting to reload.
import { QueryClient } from '@tanstack/react-query';

export function newQueryClient() {
  return new QueryClient({
    defaultOptions: {
      // A refusal or a missing record is an answer, not a hiccup: no silent retries, and
      // nothing refetched behind the user's back when the window regains focus.
      queries: { retry: false, refetchOnWindowFocus: false },
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
