import type { ReactElement } from 'react';
import { render } from '@testing-library/react';
import { QueryClientProvider } from '@tanstack/react-query';
import { MetaProvider, type Meta } from '../api/meta';
import { newQueryClient } from '../api/queries';
import { vi } from 'vitest';
import type { Me, Schemas } from '../api/client';
import { initI18n } from '../i18n';
import { SessionProvider, type SessionState } from '../session/session';

type WorkspaceMay = Schemas['WorkspaceMay'];

/** A workspace that reaches nothing; tests name what their membership may reach. */
export const NOTHING: WorkspaceMay = {
  list_pupils: false,
  list_cases: false,
  list_meetings: false,
  list_own_signals: false,
  triage_signals: false,
  record_signals: false,
  import_pupils: false,
  list_organisations: false,
  administer: false,
  read_audit_log: false,
  explain_others: false,
  read_access_report: false,
  family_pupils: false,
};

/** What GET /api/me says a membership may reach, as the server's policy decides it for these roles. */
export const MAY = {
  mentor: { ...NOTHING, list_pupils: true, list_cases: true, list_meetings: true, list_own_signals: true, record_signals: true, list_organisations: true },
  care_coordinator: { ...NOTHING, list_pupils: true, list_cases: true, list_meetings: true, triage_signals: true, record_signals: true, import_pupils: true, list_organisations: true },
  admin: { ...NOTHING, list_pupils: true, import_pupils: true, list_organisations: true, administer: true },
  family: { ...NOTHING, family_pupils: true },
} satisfies Record<string, WorkspaceMay>;

export const ME: Me = {
  user: { id: '7', email: 'mentor@hetbaken.example', name: 'Joost de Mentor', active: true, version: 1 },
  memberships: [
    { id: '11', organisation_id: '3', organisation_name: 'Het Baken College', region_id: '1', role: 'mentor', active: true },
  ],
  active_membership: {
    id: '11',
    organisation_id: '3',
    organisation_name: 'Het Baken College',
    region_id: '1',
    role: 'mentor',
    active: true,
  },
  workspace: 'professional',
  may: MAY.mentor,
  csrf_token: 'csrf-token-of-the-session',
};

export function json(status: number, body: unknown, headers: Record<string, string> = {}) {
  return new Response(status === 204 ? null : JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json', ...headers },
  });
}

export type Handler = (request: Request) => Response | Promise<Response>;

/** A draft key as the server hands it out (32 random bytes, base64url): a real key, real crypto. */
export function newDraftKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(32));
  return btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** The key GET /api/me/draft-key answers in mocked tests; `setServerDraftKey` changes it. */
let serverDraftKey = newDraftKey();
export function setServerDraftKey(key: string) {
  serverDraftKey = key;
}

/**
 * Whether GET /api/notifications, which the header asks on every screen, is answered with
 * an empty list unrecorded (the default) or goes to the test's handler like any request.
 */
let headerNotificationsAnswered = true;
export function notificationsToHandler() {
  headerNotificationsAnswered = false;
}
export function resetNotificationsAnswer() {
  headerNotificationsAnswered = true;
}

/**
 * Replaces fetch; every request is recorded and answered by `handler`, except the draft key
 * the session asks for at login (answered with the server's key, and not recorded) and,
 * unless `notificationsToHandler()` was called, the header's notifications.
 * `unrecorded`: requests answered but left out of `requests` (reads a test does not count).
 */
export function mockFetch(handler: Handler, unrecorded: (request: Request) => boolean = () => false) {
  const requests: Request[] = [];
  const fetchMock = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = input instanceof Request ? input : new Request(input, init);
    if (new URL(request.url).pathname === '/api/me/draft-key') return json(200, { draft_key: serverDraftKey });
    if (new URL(request.url).pathname === '/api/meta') return json(200, META);
    if (headerNotificationsAnswered && request.method === 'GET' && new URL(request.url).pathname === '/api/notifications')
      return json(200, { notifications: [], unread: 0 });
    if (!unrecorded(request)) requests.push(request.clone());
    return handler(request);
  });
  vi.stubGlobal('fetch', fetchMock);
  return { requests, fetchMock };
}

/** GET /api/meta as the demo server answers it (the browser tests use the real one). */
export const META: Meta = {
  categories: ['attendance', 'behaviour', 'learning', 'wellbeing', 'home', 'health', 'safety'],
  audiences: ['private', 'discipline', 'school', 'case_team'],
  entry_kinds: ['observation', 'conversation', 'note', 'decision'],
  roles: ['mentor', 'teacher', 'care_coordinator', 'school_care_worker', 'attendance_officer', 'youth_health', 'family_worker', 'inclusion_counsellor', 'school_leader', 'policy_officer', 'researcher', 'admin', 'privacy_officer', 'guardian', 'pupil'],
  staff_roles: ['mentor', 'teacher', 'care_coordinator', 'school_care_worker', 'attendance_officer', 'youth_health', 'family_worker', 'inclusion_counsellor', 'school_leader', 'policy_officer', 'researcher', 'admin', 'privacy_officer'],
  case_roles: ['mentor', 'teacher', 'care_coordinator', 'school_care_worker', 'attendance_officer', 'youth_health', 'family_worker', 'inclusion_counsellor'],
  levels: [1, 2, 3, 4, 5],
  signal_urgencies: ['normal', 'soon', 'urgent'],
  case_outcomes: ['goals_met', 'referred_on', 'moved_school', 'dropped_out', 'other'],
  consent_sources: ['paper', 'conversation', 'phone'],
  organisation_types: ['school', 'municipality', 'care_provider', 'partnership', 'health_service', 'neighbourhood_team'],
  school_types: ['primary', 'secondary', 'special', 'practical', 'cluster4'],
};

/** A part or the whole app, with the session, a fresh query cache and the server's lists. */
export function renderApp(ui: ReactElement, initial?: SessionState, queries = newQueryClient()) {
  initI18n('nl');
  return render(
    <QueryClientProvider client={queries}>
      <MetaProvider meta={META}>
        <SessionProvider initial={initial}>{ui}</SessionProvider>
      </MetaProvider>
    </QueryClientProvider>,
  );
}
