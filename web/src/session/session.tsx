// The session: who is logged in, in which membership, and what happens when it ends.
// A 401 from any request of a logged-in session (idle 30 minutes, 12 hours in all, revoked)
// turns the app back to the login page on the same address, with a notice; forms keep
// their drafts in localStorage, sealed with the user's draft key (drafts/), so after the
// same user logs in again the same page offers them back. The key is held in memory while
// the session lasts and forgotten when it ends.
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { api, call, onSessionLost, setCsrfToken, type Me } from '../api/client';
import { discardDraftsOf, pruneDrafts } from '../drafts/draft';
import { forgetDraftKey, holdDraftKey } from '../drafts/draftKey';
import { useQueryClient } from '@tanstack/react-query';
import { forgetSessionData } from '../api/queries';

export type SessionState =
  | { status: 'loading' }
  | { status: 'anonymous'; reason?: 'expired' | 'logged_out' }
  | { status: 'active'; me: Me };

interface SessionApi {
  state: SessionState;
  login(email: string, password: string): Promise<void>;
  logout(): Promise<void>;
  switchMembership(membershipId: string): Promise<Me>;
}

const SessionContext = createContext<SessionApi | null>(null);

const loadDraftKey = () => call(api.GET('/api/me/draft-key')).then((answer) => answer.draft_key);

export function SessionProvider({ children, initial }: { children: ReactNode; initial?: SessionState }) {
  const [state, setState] = useState<SessionState>(initial ?? { status: 'loading' });
  const queries = useQueryClient();

  const activate = useCallback((me: Me) => {
    forgetSessionData(queries);
    setCsrfToken(me.csrf_token);
    holdDraftKey(me.user.id, loadDraftKey);
    setState({ status: 'active', me });
  }, []);

  useEffect(() => {
    pruneDrafts();
    onSessionLost(() => {
      forgetSessionData(queries);
      setCsrfToken(null);
      forgetDraftKey();
      setState((current) => (current.status === 'active' ? { status: 'anonymous', reason: 'expired' } : current));
    });
    if (!initial) {
      call(api.GET('/api/me')).then(activate, () => setState({ status: 'anonymous' }));
    } else if (initial.status === 'active') {
      setCsrfToken(initial.me.csrf_token);
      holdDraftKey(initial.me.user.id, loadDraftKey);
    }
    return () => onSessionLost(null);
  }, [activate, initial, queries]);

  const value = useMemo<SessionApi>(
    () => ({
      state,
      async login(email, password) {
        activate(await call(api.POST('/api/session', { body: { email, password } })));
      },
      async logout() {
        const userId = state.status === 'active' ? state.me.user.id : null;
        try {
          await call(api.DELETE('/api/session'));
        } finally {
          // A deliberate logout leaves nothing of this user's work on the device.
          if (userId) discardDraftsOf(userId);
          forgetDraftKey();
          forgetSessionData(queries);
          setCsrfToken(null);
          setState({ status: 'anonymous', reason: 'logged_out' });
        }
      },
      async switchMembership(membershipId) {
        const me = await call(api.PUT('/api/session/membership', { body: { membership_id: membershipId } }));
        activate(me);
        return me;
      },
    }),
    [state, activate, queries],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionApi {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside SessionProvider');
  return session;
}

/** The logged-in user's session; only for components rendered inside the app shell. */
export function useMe(): Me {
  const { state } = useSession();
  if (state.status !== 'active') throw new Error('useMe without an active session');
  return state.me;
}
